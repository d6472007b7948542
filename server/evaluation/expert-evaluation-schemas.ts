// The expert evaluation API's shapes: an expert's sheet for a project (Annex 7), the council's report
// (Annex 8), the declaration and the scores an expert sends.
import { z } from 'zod';
import { COMMENT_MAX, CONFLICT_KINDS, DETAILS_MAX } from '../../core/evaluation/evaluation-rules.ts';
import type { ConflictKind } from '../../generated/prisma/enums.ts';
import { projectTexts } from '../projects/projects-schemas.ts';
import { exportQuery, kkRu, positiveId } from '../schemas.ts';

const conflictKind = z.enum(CONFLICT_KINDS as [ConflictKind, ...ConflictKind[]]);

export const criteriaBody = z.object({
  items: z.array(z.object({ number: z.number(), ...kkRu('name'), ...kkRu('hint') })),
  min: z.number(),
  max: z.number(),
});

export const sheetBody = z.object({
  project: z
    .object({
      id: z.number(),
      ...kkRu('name'),
      supplierName: z.string(),
      contractSum: z.number(),
      startsOn: z.string(),
      endsOn: z.string(),
      ...projectTexts,
      evaluationClosedAt: z.string().nullable(),
    })
    .describe('the Annex 5 fields the expert judges by'),
  expert: z.object({ staffUserId: z.number(), fullName: z.string(), position: z.string() }),
  declaration: z
    .object({ conflicts: z.array(conflictKind).describe('empty: no conflict of interest'), details: z.string(), declaredAt: z.string() })
    .nullable()
    .describe('null: not declared yet; scoring waits for it'),
  recused: z.boolean().describe('a declared conflict: the expert does not score this project'),
  scores: z.array(z.object({ criterion: z.number(), score: z.number().nullable(), comment: z.string().nullable(), updatedAt: z.string().nullable() })),
  total: z.number().nullable().describe('Annex 7 total: the sum of the four scores (4–20), once all are given'),
  filledAt: z.string().nullable(),
});
export const sheetsBody = z.object({ items: z.array(sheetBody) });

export const reportBody = z.object({
  projectId: z.number(),
  closedAt: z.string().nullable().describe('null: provisional, scores may still change'),
  criteria: z.array(
    z.object({ criterion: z.number(), average: z.number().nullable(), comments: z.array(z.object({ fullName: z.string(), comment: z.string() })) }),
  ),
  total: z
    .number()
    .nullable()
    .describe(
      'the SUM of the four council averages (4–20), like the Annex 7 total; equals the mean of the experts\' totals and is the Annex 5 "average score"',
    ),
  scoredBy: z
    .array(z.object({ staffUserId: z.number(), fullName: z.string(), position: z.string(), total: z.number() }))
    .describe('experts with all four scores: the base of the averages'),
  recused: z.array(z.object({ staffUserId: z.number(), fullName: z.string() })),
});

export const declarationBody = z.object({
  conflicts: z
    .array(conflictKind)
    .max(4)
    .describe(
      'membership: member/founder; governance: governing body or head; payments: paid by the NGO in the last 3 years; family: close relatives among its staff; other: any other possible conflict (Annex 4/6 question 5)',
    ),
  details: z.string().max(DETAILS_MAX).optional(),
});
export const scoresBody = z.object({
  scores: z
    .array(z.object({ criterion: z.number().int().min(1).max(4), score: z.number(), comment: z.string().max(COMMENT_MAX) }))
    .min(1)
    .max(4),
});

export const sheetParams = z.object({ id: positiveId, staffUserId: positiveId });
export const annex5Query = exportQuery.extend({ stateBodyId: positiveId, year: z.coerce.number().int().min(2000).max(2100) });
