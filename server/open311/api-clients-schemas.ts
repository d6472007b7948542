// The Open311 API clients API's shapes: a client as admins see it (never its key, but once), and what
// admins write.
import { z } from 'zod';
import { bodyId } from '../schemas.ts';

export const clientBody = z.object({
  id: z.number(),
  name: z.string(),
  keyPrefix: z.string().describe('the first 8 characters of the key, to tell keys apart'),
  regionId: z.number().nullable().describe('default jurisdiction of its reports'),
  active: z.boolean().describe('false: the key is revoked'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const createdBody = clientBody.extend({ key: z.string().describe('the API key: shown this once, only its hash is kept') });

const name = z.string().trim().min(1).max(200);
const regionId = bodyId.nullable().optional();
export const createBody = z.object({ name, regionId });
export const patchBody = z.object({ name: name.optional(), regionId, active: z.boolean().optional() });

export type ApiClient = z.output<typeof clientBody>;
export type IssuedApiClient = z.output<typeof createdBody>;
export type ApiClientInput = z.input<typeof createBody>;
