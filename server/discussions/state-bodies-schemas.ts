// The state bodies API's shapes: a body, what admins write, and a project manager's body.
import { z } from 'zod';
import { bodyId, boolQuery } from '../schemas.ts';
import { staffBody } from '../staff/staff-schemas.ts';

export const stateBodyBody = z.object({
  id: z.number(),
  code: z.string(),
  nameKk: z.string(),
  nameRu: z.string(),
  regionId: z.number().nullable().describe('null: a national body'),
  active: z.boolean(),
});

const fields = {
  code: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ - only'),
  nameKk: z.string().trim().min(2).max(300),
  nameRu: z.string().trim().min(2).max(300),
  regionId: bodyId.nullable(),
  active: z.boolean(),
};
export const createBody = z.object({ ...fields, regionId: fields.regionId.default(null), active: fields.active.optional() });
export const patchBody = z.object(fields).partial();
export const listQuery = z.object({ active: boolQuery.optional() });

export const assignBody = z.object({ stateBodyId: bodyId.nullable() });
export const assignedBody = staffBody.extend({ stateBodyId: z.number().nullable() });

export type StateBody = z.output<typeof stateBodyBody>;
