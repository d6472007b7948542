// The state bodies API's shapes: a body, what admins write, and a project manager's body.
import { z } from 'zod';
import { bodyId, boolQuery, kkRu } from '../schemas.ts';
import { staffBody } from '../staff/staff-schemas.ts';

export const stateBodyBody = z.object({
  id: z.number(),
  code: z.string(),
  ...kkRu('name'),
  regionId: z.number().nullable().describe('null: a national body'),
  active: z.boolean(),
  headName: z.string().describe('the first head, who signs Annex 9 (Rules item 21, note 3)'),
  ...kkRu('headPosition'),
});

const fields = {
  code: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ - only'),
  ...kkRu('name', z.string().trim().min(2).max(300)),
  regionId: bodyId.nullable(),
  active: z.boolean(),
  headName: z.string().trim().max(200),
  ...kkRu('headPosition', z.string().trim().max(300)),
};
const head = { headName: fields.headName.optional(), headPositionKk: fields.headPositionKk.optional(), headPositionRu: fields.headPositionRu.optional() };
export const createBody = z.object({ ...fields, ...head, regionId: fields.regionId.default(null), active: fields.active.optional() });
export const patchBody = z.object(fields).partial();
export const listQuery = z.object({ active: boolQuery.optional() });

export const assignBody = z.object({ stateBodyId: bodyId.nullable() });
export const assignedBody = staffBody.extend({ stateBodyId: z.number().nullable() });

export type StateBody = z.output<typeof stateBodyBody>;
