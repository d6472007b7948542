// The expert councils API's shapes: a council with its members and projects, and what admins write.
import { z } from 'zod';
import { POSITION_MAX } from '../../core/evaluation/evaluation-rules.ts';
import { bodyId, positiveId, someChange } from '../schemas.ts';

const councilFields = {
  name: z.string().trim().min(1).max(300),
  regionId: bodyId.nullable().optional().describe('null: a national council'),
  stateBodyId: bodyId.nullable().optional().describe('the state body the council works at'),
};
export const createBody = z.object(councilFields);
export const patchBody = someChange(z.object(councilFields).partial());

export const councilBody = z.object({
  id: z.number(),
  name: z.string(),
  regionId: z.number().nullable(),
  stateBodyId: z.number().nullable(),
  createdAt: z.string(),
  members: z.array(z.object({ staffUserId: z.number(), fullName: z.string(), position: z.string(), active: z.boolean(), addedAt: z.string() })),
  projectIds: z.array(z.number()).describe('projects assigned to this council'),
});
export const councilsBody = z.object({ items: z.array(councilBody) });

export const memberParams = z.object({ id: positiveId, staffUserId: positiveId });
export const memberBody = z.object({ position: z.string().max(POSITION_MAX).default('').describe('organisation and position, as printed in Annex 7') });
export const assignBody = z.object({ councilId: bodyId.nullable() });
