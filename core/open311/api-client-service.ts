// Open311 API clients (a city's app, a partner portal), issued by admins. The key is shown once;
// only its sha256 is stored, with a short prefix so admins can tell keys apart.
import { createHash, randomBytes } from 'node:crypto';
import type { ApiClient, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { invalid, notFound } from '../errors.ts';

export const KEY_PREFIX_LENGTH = 8;

/** Everything about a client except the key's hash. */
export type ApiClientView = Omit<ApiClient, 'keyHash'>;

export interface ApiClientPatch {
  name?: string;
  regionId?: number | null;
  /** false revokes the key at once */
  active?: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** 'az_' and 32 base64url characters (24 random bytes). */
export const generateKey = () => `az_${randomBytes(24).toString('base64url')}`;

const view = ({ keyHash: _hash, ...rest }: ApiClient): ApiClientView => rest;

export function createApiClientService({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }) {
  async function checkRegion(regionId: number | null | undefined) {
    if (regionId != null && !(await prisma.region.findUnique({ where: { id: regionId } }))) throw invalid('api_client.unknown_region');
  }

  return {
    async list(): Promise<ApiClientView[]> {
      return (await prisma.apiClient.findMany({ orderBy: { id: 'asc' } })).map(view);
    },

    /** Issues a key; the returned `key` is the only time anyone sees it. */
    async create(actor: Actor, input: { name: string; regionId?: number | null }): Promise<{ client: ApiClientView; key: string }> {
      await checkRegion(input.regionId);
      const key = generateKey();
      const client = await prisma.$transaction(async (tx) => {
        const row = await tx.apiClient.create({
          data: { name: input.name, regionId: input.regionId ?? null, keyHash: sha256(key), keyPrefix: key.slice(0, KEY_PREFIX_LENGTH) },
        });
        await recordAudit(tx, actor, { action: 'api_client.create', entity: 'api_client', entityId: row.id, after: view(row) });
        return row;
      });
      return { client: view(client), key };
    },

    async update(actor: Actor, id: number, patch: ApiClientPatch): Promise<ApiClientView> {
      const before = await prisma.apiClient.findUnique({ where: { id } });
      if (!before) throw notFound('api_client.not_found');
      await checkRegion(patch.regionId);
      return prisma.$transaction(async (tx) => {
        const after = await tx.apiClient.update({ where: { id }, data: patch });
        const revoked = before.active && after.active === false;
        await recordAudit(tx, actor, {
          action: revoked ? 'api_client.revoke' : 'api_client.update',
          entity: 'api_client',
          entityId: id,
          before: view(before),
          after: view(after),
        });
        return view(after);
      });
    },

    /** The active client holding this key, or null; marks it as used. */
    async authenticate(key: string | undefined | null): Promise<ApiClientView | null> {
      if (!key) return null;
      const client = await prisma.apiClient.findUnique({ where: { keyHash: sha256(key) } });
      if (!client || !client.active) return null;
      return view(await prisma.apiClient.update({ where: { id: client.id }, data: { lastUsedAt: now() } }));
    },
  };
}
