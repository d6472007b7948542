// The shapes of the forms API (Annexes 3 and 9, the forms' deadlines): the preview is the very table the
// XLSX file is written from (title, headers, the column-number row, rows with their kind, totals).
import { z } from 'zod';
import { bodyId, calendarDate, kkRu, positiveId, YEARS } from '../schemas.ts';

const year = z.coerce.number().int().min(YEARS.min).max(YEARS.max);
const lang = z.enum(['kk', 'ru']).default('ru').describe('language of the headers, titles and column 7');
const text = (max: number) => z.string().trim().min(1).max(max);
/** thousand tenge, one decimal, as Decimal(16,1) holds */
const sum = z
  .number()
  .min(0)
  .max(99_999_999_999)
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6, 'one decimal at most');

export const annex3Query = z.object({ stateBodyId: positiveId, planYear: year, lang });
export const reportParams = z.object({ id: positiveId });
export const reportRowParams = z.object({ id: positiveId, projectId: positiveId });
export const reportExportQuery = z.object({ lang });

const cell = z.union([z.string(), z.number(), z.null()]);
export const formTableBody = z
  .object({
    sheetName: z.string(),
    title: z.string().optional(),
    columns: z.array(z.object({ header: z.string(), kind: z.string().optional(), width: z.number().optional() })),
    subheader: z.array(cell).optional(),
    rows: z.array(z.array(cell)),
    kinds: z.array(z.enum(['section', 'subtotal']).nullable()).describe('per row: a section heading, a subtotal, or null for a project'),
    rowIds: z.array(z.number().nullable()).describe('per row: the planned project (Annex 3) or project (Annex 9) it shows'),
    footer: z.array(z.array(cell)),
  })
  .describe('the table as the XLSX file writes it');

export const plannedInput = z.object({
  areaId: z.number().int().min(1).max(19),
  ...kkRu('name', text(500)),
  plannedSum: sum.describe('thousand tenge'),
  ...kkRu('summary', text(4000)),
});
export const plannedCreate = plannedInput.extend({ stateBodyId: bodyId, planYear: year });
export const plannedPatch = plannedInput.partial().refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change');
export const fromTopicsBody = z.object({ stateBodyId: bodyId, planYear: year, topicIds: z.array(bodyId).min(1).max(200) });

export const plannedBody = plannedInput.extend({
  id: z.number(),
  stateBodyId: z.number(),
  planYear: z.number(),
  source: z.enum(['topic', 'manual']),
  topicId: z.number().nullable(),
});
export const candidateBody = z.object({
  id: z.number(),
  areaId: z.number(),
  ...kkRu('title'),
  funding: z.number(),
  plannedProjectId: z.number().nullable().describe('the row it already is, if kept'),
});
export const annex3Body = z.object({ table: formTableBody, total: z.number(), rows: z.array(plannedBody), candidates: z.array(candidateBody) });

export const reportOpenBody = z.object({ stateBodyId: bodyId, year, kind: z.enum(['half_year', 'annual']) });
export const reportRowBody = z.object(kkRu('col7', text(8000)));
export const redraftBody = z.object({ force: z.boolean().default(false).describe('also rewrite the rows staff edited') });
export const signerBody = z.object({
  name: text(200),
  ...kkRu('position', z.string().trim().max(300).default('')),
  acting: z.boolean().default(false),
});

export const reportBody = z.object({
  id: z.number(),
  stateBodyId: z.number(),
  year: z.number(),
  kind: z.enum(['half_year', 'annual']),
  signer: z.object({ name: z.string(), ...kkRu('position'), acting: z.boolean() }),
  submittedAt: z.string().nullable(),
  dueAt: z.string().describe('item 21: 5 July for the half-year, 5 February of the next year for the year'),
  rows: z.array(
    z.object({
      projectId: z.number(),
      ...kkRu('name'),
      ...kkRu('col7'),
      editedAt: z.string().nullable(),
      draftedAt: z.string(),
    }),
  ),
  totals: z.object({ planned: z.number(), contract: z.number() }),
  table: formTableBody,
});
export const redraftResult = z.object({ rewritten: z.number() });

export const deadlinesQuery = z.object({ stateBodyId: positiveId.optional(), year, lang });
export const deadlineBody = z.object({
  id: z.number(),
  kind: z.enum(['annex3', 'annex9_half', 'annex9_annual', 'annex8']),
  name: z.string(),
  stateBodyId: z.number().nullable(),
  projectId: z.number().nullable(),
  year: z.number(),
  dueAt: z.string(),
  state: z.enum(['open', 'reminded', 'overdue', 'done']),
  remindedAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  dueOverride: z.boolean(),
});
export const deadlinesBody = z.object({ items: z.array(deadlineBody) });
export const deadlineDoneBody = z.object({ note: text(1000), lang });
export const deadlineDueBody = z.object({ dueOn: calendarDate, note: text(1000), lang });
