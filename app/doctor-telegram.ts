// The Telegram checks of `npm run doctor`: the bot token (getMe), BOT_USERNAME, and the webhook against
// getWebhookInfo; separate from the host and database checks (doctor-checks.ts) to keep each file small.
import { Api } from 'grammy';
import type { Config } from './config.ts';
import { errorText, type DoctorOptions, type Finding } from './doctor-finding.ts';

export async function telegramFindings(config: Config, opts: Required<DoctorOptions>): Promise<Finding[]> {
  if (!config.BOT_TOKEN) {
    return [{ check: 'bot token', ok: null, detail: 'BOT_TOKEN is not set: the bot is off and only the API runs (README, "Configuration")' }];
  }
  const api = new Api(config.BOT_TOKEN, {
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    timeoutSeconds: Math.ceil(opts.timeoutMs / 1000),
  });
  const root = config.TELEGRAM_API_ROOT ?? 'https://api.telegram.org';
  let me;
  try {
    me = await api.getMe();
  } catch (e) {
    const refused = (e as { error_code?: number }).error_code === 401 || (e as { error_code?: number }).error_code === 404;
    return [
      refused
        ? {
            check: 'bot token',
            ok: false,
            detail: `Telegram refused BOT_TOKEN (${errorText(e)})`,
            fix: 'copy the token again from @BotFather (/mybots → your bot → API Token) into BOT_TOKEN; a token revoked there stops working at once',
          }
        : {
            check: 'bot token',
            ok: false,
            detail: `cannot reach Telegram at ${root}: ${errorText(e)}`,
            fix: 'allow outgoing HTTPS from this machine to api.telegram.org (or to the server in TELEGRAM_API_ROOT)',
          },
      { check: 'webhook', ok: null, detail: 'not checked without getMe' },
    ];
  }
  const out: Finding[] = [{ check: 'bot token', ok: true, detail: `getMe: @${me.username} (${me.first_name}, ID ${me.id})` }];
  if (config.BOT_USERNAME) {
    out.push(
      config.BOT_USERNAME.toLowerCase() === me.username.toLowerCase()
        ? { check: 'BOT_USERNAME', ok: true, detail: `matches the bot (@${me.username})` }
        : {
            check: 'BOT_USERNAME',
            ok: false,
            detail: `BOT_USERNAME is ${config.BOT_USERNAME}, but BOT_TOKEN belongs to @${me.username}: invitation links would open another bot`,
            fix: `set BOT_USERNAME=${me.username}, or remove it (the bot's own is used where the bot runs)`,
          },
    );
  }
  try {
    const info = await api.getWebhookInfo();
    const registered = info.url ?? '';
    const lastError = info.last_error_date
      ? `; Telegram's last delivery error ${new Date(info.last_error_date * 1000).toISOString()}: ${info.last_error_message ?? ''}`
      : '';
    const pending = `${info.pending_update_count} updates waiting at Telegram`;
    if (config.WEBHOOK_URL) {
      if (registered === config.WEBHOOK_URL)
        out.push({ check: 'webhook', ok: true, detail: `Telegram sends updates to WEBHOOK_URL (${registered}); ${pending}${lastError}` });
      else if (!registered)
        out.push({
          check: 'webhook',
          ok: false,
          detail: `no webhook is registered with Telegram, though WEBHOOK_URL is ${config.WEBHOOK_URL}; ${pending}`,
          fix: 'start the bot (npm run start:bot or npm start): it registers WEBHOOK_URL; if it did, read its log for "webhook set-up failed"',
        });
      else
        out.push({
          check: 'webhook',
          ok: false,
          detail: `Telegram sends updates to ${registered}, not to WEBHOOK_URL ${config.WEBHOOK_URL}; ${pending}`,
          fix: 'another installation with this token registered its own URL (a test server?): give it its own bot, then restart the bot here to register WEBHOOK_URL; or correct WEBHOOK_URL',
        });
    } else if (registered) {
      out.push({
        check: 'webhook',
        ok: false,
        detail: `a webhook is registered (${registered}) but WEBHOOK_URL is not set, so this installation polls; ${pending}`,
        fix: `set WEBHOOK_URL=${registered} if this installation should receive it; otherwise stop the installation that registered it (starting the bot here removes it)`,
      });
    } else {
      out.push({ check: 'webhook', ok: true, detail: `none registered, as long polling needs; ${pending}` });
    }
  } catch (e) {
    out.push({ check: 'webhook', ok: false, detail: `getWebhookInfo failed: ${errorText(e)}`, fix: 'try again; if it repeats, Telegram is having trouble' });
  }
  return out;
}
