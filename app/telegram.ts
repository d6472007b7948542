// Telegram outside the bot: Bot API clients of their own for the jobs and the outbox (they handle 429s themselves
// instead of waiting inside a retry plugin), evidence downloads and the system-status screen. Imported by app.ts
// only when BOT_TOKEN is set, so a process without a token never loads grammY.
import { Api } from 'grammy';
import { telegramFilesOver, type TelegramFiles } from '../core/reports/evidence-store.ts';
import type { ChatPort } from '../core/outbox/chat-port.ts';
import type { SystemStatusDeps } from '../server/system/system-status.ts';
import { telegramChat } from '../bot/telegram/chat-port.ts';
import { telegramStatus } from '../bot/telegram-status.ts';

const telegramApi = (token: string, apiRoot?: string) => new Api(token, { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: 30 });

/** A ChatPort over a Bot API client of its own (the jobs' staff groups, the outbox). */
function telegramChatOf(token: string, apiRoot?: string): ChatPort {
  const api = telegramApi(token, apiRoot);
  return telegramChat((method, params) => api.raw[method as 'sendMessage'](params as never));
}

/** Evidence downloads through the Bot API: getFile, then the bytes from {apiRoot}/file/bot{token}/{file_path}. */
export function createTelegramFiles(token: string, apiRoot = 'https://api.telegram.org'): TelegramFiles {
  const api = telegramApi(token, apiRoot);
  return telegramFilesOver(
    (fileId) => api.getFile(fileId),
    (filePath) => `${apiRoot.replace(/\/+$/, '')}/file/bot${token}/${filePath}`,
  );
}

/** What the system-status screen shows of Telegram. */
const telegramSystem = (token: string, apiRoot?: string, webhookUrl?: string): SystemStatusDeps => ({
  telegram: () => telegramStatus(telegramApi(token, apiRoot), webhookUrl),
});

/** What the composition root takes from Telegram for a process with a token. */
export const telegramParts = (token: string, apiRoot?: string, webhookUrl?: string) => ({
  files: createTelegramFiles(token, apiRoot),
  /** a ChatPort with a client of its own, for each user (the jobs, the outbox) */
  chat: () => telegramChatOf(token, apiRoot),
  system: telegramSystem(token, apiRoot, webhookUrl),
});
