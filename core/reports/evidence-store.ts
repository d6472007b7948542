// Evidence files for staff: served from the storage directory once fetched; fetched from Telegram the
// first time someone opens them (the bot only keeps Telegram's file_id); Open311 evidence is a URL.
// Files are written to a temporary name and renamed, so a reader or a concurrent first download never
// sees half a file; paths are built from ids only and checked to stay inside the storage directory.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient, ReportEvidence } from '../../generated/prisma/client.ts';
import { notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { REPORT } from './report-scope.ts';

/** The Bot API: a file by its file_id. */
export interface TelegramFiles {
  download(fileId: string): Promise<{ bytes: Uint8Array; filePath: string }>;
}

/** Why Telegram would not give a file: over the Bot API's 20 MB download limit, no longer there, or anything else. */
export class TelegramFileError extends Error {
  constructor(
    readonly reason: 'too_big' | 'gone' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'TelegramFileError';
  }
}

/** Evidence that exists but cannot be served now: the caller answers with `status` (502, 503). */
export class EvidenceUnavailable extends Error {
  constructor(
    readonly status: 502 | 503,
    readonly code: string,
  ) {
    super(code);
    this.name = 'EvidenceUnavailable';
  }
}

function classify(e: unknown): TelegramFileError {
  if (e instanceof TelegramFileError) return e;
  const description = String((e as { description?: unknown })?.description ?? (e as Error)?.message ?? e);
  if (/too big/i.test(description)) return new TelegramFileError('too_big', description);
  if (/invalid file_id|wrong file_id|file not found/i.test(description)) return new TelegramFileError('gone', description);
  return new TelegramFileError('failed', description);
}

/**
 * The port over the Bot API: `getFile` (e.g. grammY's `api.getFile`) gives the file_path, then the
 * bytes come from `fileUrl(file_path)` (`{apiRoot}/file/bot{token}/{file_path}`).
 */
export function telegramFilesOver(
  getFile: (fileId: string) => Promise<{ file_path?: string }>,
  fileUrl: (filePath: string) => string,
  fetchImpl: typeof fetch = fetch,
): TelegramFiles {
  return {
    async download(fileId) {
      try {
        const file = await getFile(fileId);
        if (!file.file_path) throw new TelegramFileError('gone', 'no file_path');
        const res = await fetchImpl(fileUrl(file.file_path), { signal: AbortSignal.timeout(120_000) });
        if (res.status === 404) throw new TelegramFileError('gone', 'file download: 404');
        if (!res.ok) throw new TelegramFileError('failed', `file download: HTTP ${res.status}`);
        return { bytes: new Uint8Array(await res.arrayBuffer()), filePath: file.file_path };
      } catch (e) {
        throw classify(e);
      }
    },
  };
}

const EXT_BY_MIME: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
};

/** Types a browser may show inline; anything else (HTML, SVG, …) is sent as an attachment. */
const INLINE = /^(image\/(jpeg|png|webp|gif)|video\/(mp4|quicktime|webm)|audio\/(ogg|mpeg|mp4|webm|wav))$/;

const safeMime = (m: string | null | undefined) => (m && /^[\w.+-]+\/[\w.+-]+$/.test(m) ? m.toLowerCase() : 'application/octet-stream');

/** A short extension from Telegram's file_path (e.g. photos/file_1.jpg), or from the type; never a path. */
export function extensionFor(filePath: string | null, mimeType: string | null): string {
  const ext = path.extname(filePath ?? '').toLowerCase();
  if (/^\.[a-z0-9]{1,8}$/.test(ext)) return ext;
  return EXT_BY_MIME[safeMime(mimeType)] ?? '';
}

/** A file name safe in a Content-Disposition header and on any disk: no directories, quotes or control characters. */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}"';\\]/gu, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  return base || fallback;
}

export interface StoredEvidence {
  type: 'file';
  /** absolute, inside the storage directory */
  path: string;
  size: number;
  mimeType: string;
  fileName: string;
  /** whether a browser may show it in place */
  inline: boolean;
}

export type EvidenceSource = StoredEvidence | { type: 'redirect'; url: string };

export interface EvidenceStoreDeps {
  prisma: PrismaClient;
  storageDir?: string;
  telegramFiles?: TelegramFiles;
  now?: () => Date;
}

export function createEvidenceStore({ prisma, storageDir, telegramFiles, now = () => new Date() }: EvidenceStoreDeps) {
  const root = storageDir ? path.resolve(storageDir) : undefined;
  /** First downloads in flight in this process, so simultaneous requests share one fetch. */
  const inFlight = new Map<number, Promise<string>>();

  /** The absolute path of a stored file, or undefined when the recorded path would leave the storage directory. */
  function inside(relative: string): string | undefined {
    if (!root || path.isAbsolute(relative)) return undefined;
    const abs = path.resolve(root, relative);
    const rel = path.relative(root, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? abs : undefined;
  }

  async function existing(e: ReportEvidence): Promise<{ abs: string; size: number } | undefined> {
    const abs = e.storedPath ? inside(e.storedPath) : undefined;
    if (!abs) return undefined;
    const s = await stat(abs).catch(() => undefined);
    return s?.isFile() ? { abs, size: s.size } : undefined;
  }

  /** Downloads from Telegram into evidence/{reportId}/{evidenceId}{ext}; returns the relative path. */
  async function fetchAndStore(e: ReportEvidence & { telegramFileId: string }): Promise<string> {
    if (!telegramFiles) throw new EvidenceUnavailable(503, 'evidence.bot_off');
    if (!root) throw new EvidenceUnavailable(503, 'evidence.storage_off');
    let file: { bytes: Uint8Array; filePath: string };
    try {
      file = await telegramFiles.download(e.telegramFileId);
    } catch (err) {
      const reason = err instanceof TelegramFileError ? err.reason : 'failed';
      if (reason === 'gone') throw notFound('evidence.gone');
      throw new EvidenceUnavailable(502, reason === 'too_big' ? 'evidence.too_big' : 'evidence.telegram_failed');
    }
    const relative = path.join('evidence', String(e.reportId), `${e.id}${extensionFor(file.filePath, e.mimeType)}`);
    const abs = inside(relative)!;
    await mkdir(path.dirname(abs), { recursive: true });
    // A unique temporary name per writer and an atomic rename: another instance downloading the same
    // file at the same moment writes its own copy, and whichever rename comes last leaves a whole file.
    const tmp = `${abs}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, file.bytes, { flag: 'wx' });
      await rename(tmp, abs);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    await prisma.reportEvidence.update({ where: { id: e.id }, data: { storedPath: relative.split(path.sep).join('/'), storedAt: now() } });
    return relative;
  }

  function shared(e: ReportEvidence & { telegramFileId: string }): Promise<string> {
    let running = inFlight.get(e.id);
    if (!running) {
      running = fetchAndStore(e).finally(() => inFlight.delete(e.id));
      inFlight.set(e.id, running);
    }
    return running;
  }

  const store = {
    /** Where to read the evidence of that report from; fetches it from Telegram the first time. */
    async open(reportId: number, evidenceId: number, report: { number: string }): Promise<EvidenceSource> {
      const e = await prisma.reportEvidence.findFirst({ where: { id: evidenceId, reportId } });
      if (!e) throw notFound('evidence.not_found');
      let stored = await existing(e);
      if (!stored && e.telegramFileId) {
        const abs = inside(await shared({ ...e, telegramFileId: e.telegramFileId }))!;
        stored = { abs, size: (await stat(abs)).size };
      }
      if (!stored) {
        // Only web addresses: a javascript: or data: URL from a client must never reach a staff browser.
        if (e.url && /^https?:\/\//i.test(e.url)) return { type: 'redirect', url: e.url };
        throw notFound('evidence.gone');
      }
      const mimeType = safeMime(e.mimeType);
      const fallback = `${report.number}-${e.id}${extensionFor(stored.abs, mimeType)}`;
      return { type: 'file', path: stored.abs, size: stored.size, mimeType, fileName: safeFileName(e.fileName, fallback), inline: INLINE.test(mimeType) };
    },

    /** `open` for a staff member: the report must be in their scope (404, then 403, as its GET). */
    async openFor(staff: StaffPrincipal, reportId: number, evidenceId: number): Promise<EvidenceSource> {
      return store.open(reportId, evidenceId, await loadInScope(prisma, staff, REPORT, reportId));
    },
  };
  return store;
}
