// The last backup, as `npm run backup` leaves it. The contract with that command (kept deliberately small):
// backups are files named azamat-<kind>-<UTC stamp>.tar.gz in one folder (DATA_DIR/backups unless
// BACKUP_DIR says otherwise), written under a `.partial` name and renamed when whole. A `last-backup.json`
// marker there ({ "file", "createdAt", "bytes"? }), if the command writes one, is read first. Anything
// unreadable is reported as "no backup found", never as an error.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface BackupStatus {
  dir: string | null;
  last: { file: string; at: Date; bytes: number | null; ageSeconds: number } | null;
}

export const LAST_BACKUP_MARKER = 'last-backup.json';
const NAME = /^azamat-[a-z]+-(\d{8})-(\d{6})Z\.tar\.gz$/;

/** The moment in a backup's name (azamat-pglite-20261120-224000Z.tar.gz), which a copy keeps and mtime may not. */
export function backupTimeFromName(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [d, t] = [m[1]!, m[2]!];
  const at = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

async function fromMarker(dir: string): Promise<{ file: string; at: Date; bytes: number | null } | null> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, LAST_BACKUP_MARKER), 'utf8')) as { file?: unknown; createdAt?: unknown; bytes?: unknown };
    const at = typeof m.createdAt === 'string' ? new Date(m.createdAt) : null;
    if (typeof m.file !== 'string' || !at || Number.isNaN(at.getTime())) return null;
    return { file: path.basename(m.file), at, bytes: typeof m.bytes === 'number' ? m.bytes : null };
  } catch {
    return null;
  }
}

export async function backupStatus(dir: string | undefined, now: Date): Promise<BackupStatus> {
  if (!dir) return { dir: null, last: null };
  const age = (at: Date) => Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  if (!existsSync(dir)) return { dir, last: null };
  const files = await readdir(dir).catch(() => [] as string[]);
  let best: { file: string; at: Date; bytes: number | null } | null = null;
  for (const file of files) {
    if (!NAME.test(file)) continue;
    const s = await stat(path.join(dir, file)).catch(() => null);
    if (!s?.isFile()) continue;
    const at = backupTimeFromName(file) ?? s.mtime;
    if (!best || at > best.at) best = { file, at, bytes: s.size };
  }
  const marked = await fromMarker(dir);
  if (marked && (!best || marked.at >= best.at)) best = { ...marked, bytes: marked.bytes ?? best?.bytes ?? null };
  return { dir, last: best ? { ...best, ageSeconds: age(best.at) } : null };
}
