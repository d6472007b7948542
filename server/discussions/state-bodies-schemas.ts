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
  headName: z.string().describe('the first head, who signs Annex 9 (Rules item 21, note 3)'),
  headPositionKk: z.string(),
  headPositionRu: z.string(),
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
  headName: z.string().trim().max(200),
  headPositionKk: z.string().trim().max(300),
  headPositionRu: z.string().trim().max(300),
};
const head = { headName: fields.headName.optional(), headPositionKk: fields.headPositionKk.optional(), headPositionRu: fields.headPositionRu.optional() };
export const createBody = z.object({ ...fields, ...head, regionId: fields.regionId.default(null), active: fields.active.optional() });
export const patchBody = z.object(fields).partial();
export const listQuery = z.object({ active: boolQuery.optional() });

export const assignBody = z.object({ stateBodyId: bodyId.nullable() });
export const assignedBody = staffBody.extend({ stateBodyId: z.number().nullable() });

export type StateBody = z.output<typeof stateBodyBody>;
