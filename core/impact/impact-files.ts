// The files of the impact capability under STORAGE_DIR: evidence of manually entered indicator values
// (impact/<indicatorId>/…) and the voice stories fetched once from Telegram (stories/<storyId>.oga). Paths
// are kept relative and checked to stay inside the storage directory, as the report evidence store does.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { invalid, notFound } from '../errors.ts';
import { EvidenceUnavailable, TelegramFileError, type TelegramFiles } from '../reports/evidence-store.ts';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export function createImpactFiles({ storageDir, telegramFiles }: { storageDir?: string; telegramFiles?: TelegramFiles }) {
  const root = storageDir ? path.resolve(storageDir) : undefined;
  const inside = (relative: string) => {
    if (!root || path.isAbsolute(relative)) return undefined;
    const abs = path.resolve(root, relative);
    const rel = path.relative(root, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? abs : undefined;
  };

  async function save(relative: string, bytes: Uint8Array): Promise<string> {
    if (!root) throw new EvidenceUnavailable(503, 'evidence.storage_off');
    const abs = inside(relative);
    if (!abs) throw invalid('impact.bad_file_name');
    await mkdir(path.dirname(abs), { recursive: true });
    const tmp = `${abs}.${randomUUID()}.tmp`;
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, abs);
    return relative;
  }

  return {
    save,
    async read(relative: string | null): Promise<Buffer> {
      const abs = relative ? inside(relative) : undefined;
      const s = abs ? await stat(abs).catch(() => undefined) : undefined;
      if (!abs || !s?.isFile()) throw notFound('impact.file_not_found');
      return readFile(abs);
    },
    async remove(relative: string | null): Promise<void> {
      const abs = relative ? inside(relative) : undefined;
      if (abs) await rm(abs, { force: true });
    },
    /** The voice of a story: downloaded from Telegram the first time, then served from disk. */
    async fetchVoice(storyId: number, fileId: string): Promise<string> {
      if (!telegramFiles) throw new EvidenceUnavailable(503, 'evidence.bot_off');
      let file: { bytes: Uint8Array; filePath: string };
      try {
        file = await telegramFiles.download(fileId);
      } catch (e) {
        if (e instanceof TelegramFileError && e.reason === 'gone') throw notFound('evidence.gone');
        throw new EvidenceUnavailable(502, 'evidence.telegram_failed');
      }
      return save(path.join('stories', `${storyId}.oga`), file.bytes);
    },
  };
}

export type ImpactFiles = ReturnType<typeof createImpactFiles>;
