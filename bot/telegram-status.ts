// What Telegram says about this bot, for the system-status screen and the doctor: who it is (getMe) and
// where its updates go (getWebhookInfo: the registered URL, the updates waiting, the last delivery error).
import type { Api } from 'grammy';

export interface TelegramStatus {
  mode: 'polling' | 'webhook';
  /** false when Telegram could not be asked (no answer, wrong token) */
  reachable: boolean;
  error: string | null;
  bot: { id: number; username: string; firstName: string } | null;
  webhook: {
    url: string;
    pendingUpdateCount: number;
    lastErrorAt: string | null;
    lastErrorMessage: string | null;
    maxConnections: number | null;
  } | null;
  /** WEBHOOK_URL, to compare with what Telegram has */
  configuredWebhookUrl: string | null;
}

const message = (e: unknown) => {
  const err = e as { error_code?: number; description?: string; message?: string };
  return err.description ? `${err.error_code ?? ''} ${err.description}`.trim() : (err.message ?? String(e));
};

export async function telegramStatus(api: Api, configuredWebhookUrl?: string): Promise<TelegramStatus> {
  const mode = configuredWebhookUrl ? 'webhook' : 'polling';
  const base = { mode, configuredWebhookUrl: configuredWebhookUrl ?? null } as const;
  try {
    const me = await api.getMe();
    const info = await api.getWebhookInfo();
    return {
      ...base,
      reachable: true,
      error: null,
      bot: { id: me.id, username: me.username, firstName: me.first_name },
      webhook: {
        url: info.url ?? '',
        pendingUpdateCount: info.pending_update_count,
        lastErrorAt: info.last_error_date ? new Date(info.last_error_date * 1000).toISOString() : null,
        lastErrorMessage: info.last_error_message ?? null,
        maxConnections: info.max_connections ?? null,
      },
    };
  } catch (e) {
    return { ...base, reachable: false, error: message(e), bot: null, webhook: null };
  }
}
