// Photos staff upload with a progress update (a JPEG, PNG or WebP of at most 5 MB), kept under STORAGE_DIR in
// initiatives/{initiativeId}/{photoId}{ext}, and read back: by staff in scope, or by anyone while the initiative is
// public and the photo not withheld. Photos the author sent from the bot stay Telegram files (telegramFileId).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { invalid, notFound } from '../errors.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { INITIATIVE, INITIATIVE_READERS } from './initiative-access.ts';
import type { createInitiativeImplementation } from './initiative-implementation.ts';
import { PUBLIC_STATUSES } from './initiative-status.ts';

export const PHOTO_TYPES: Readonly<Record<string, string>> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The picture's size, so a page reserves its box before it loads; null when the header does not say. */
function sizeOf(bytes: Buffer): { width: number | null; height: number | null } {
  try {
    const s = imageSize(bytes);
    return { width: s.width ?? null, height: s.height ?? null };
  } catch {
    return { width: null, height: null };
  }
}

export interface PhotoFile {
  bytes: Buffer;
  mimeType: string;
}

interface Deps {
  prisma: PrismaClient;
  storageDir?: string;
  implementation: ReturnType<typeof createInitiativeImplementation>;
}

export function createInitiativePhotos({ prisma, storageDir, implementation }: Deps) {
  const inside = (relative: string): string | undefined => {
    if (!storageDir || path.isAbsolute(relative)) return undefined;
    const abs = path.resolve(storageDir, relative);
    const rel = path.relative(storageDir, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? abs : undefined;
  };
  const read = async (row: { storedPath: string | null; mimeType: string } | null): Promise<PhotoFile | null> => {
    const abs = row?.storedPath ? inside(row.storedPath) : undefined;
    if (!row || !abs) return null;
    const bytes = await readFile(abs).catch(() => null);
    return bytes ? { bytes, mimeType: row.mimeType } : null;
  };

  return {
    /** Stores a photo of an update (project managers in scope); the record is written first, the file under its id. */
    async upload(actor: Actor, p: StaffPrincipal, id: number, updateId: number, file: PhotoFile): Promise<number> {
      const ext = PHOTO_TYPES[file.mimeType];
      if (!ext) throw invalid('initiative.photo_type');
      if (file.bytes.length === 0 || file.bytes.length > PHOTO_MAX_BYTES) throw invalid('initiative.photo_size', { max: PHOTO_MAX_BYTES / 1024 / 1024 });
      if (!storageDir) throw invalid('initiative.photo_storage');
      const photoId = await implementation.addPhoto(actor, p, id, updateId, { mimeType: file.mimeType, fileSize: file.bytes.length, ...sizeOf(file.bytes) });
      const relative = path.posix.join('initiatives', String(id), `${photoId}${ext}`);
      const abs = inside(relative)!;
      await mkdir(path.dirname(abs), { recursive: true });
      const tmp = `${abs}.${process.pid}.tmp`;
      await writeFile(tmp, file.bytes);
      await rename(tmp, abs);
      await prisma.initiativePhoto.update({ where: { id: photoId }, data: { storedPath: relative } });
      return photoId;
    },

    /** A photo for staff in scope (withheld ones too); null when it is a Telegram file or missing. */
    async forStaff(p: StaffPrincipal, id: number, photoId: number): Promise<PhotoFile | null> {
      requireRole(p, INITIATIVE_READERS);
      await loadInScope(prisma, p, INITIATIVE, id);
      const row = await prisma.initiativePhoto.findFirst({ where: { id: photoId, initiativeId: id } });
      if (!row) throw notFound('initiative.photo_not_found');
      return read(row);
    },

    /** A public photo: of a public initiative and not withheld; null otherwise (the portal answers 404). */
    async forPublic(photoId: number): Promise<PhotoFile | null> {
      return read(await prisma.initiativePhoto.findFirst({ where: { id: photoId, withheldAt: null, initiative: { status: { in: [...PUBLIC_STATUSES] } } } }));
    },
  };
}
