// The response templates API's shapes: a template, what admins write, and a template filled for one report.
import { z } from 'zod';
import { PLACEHOLDERS, TEMPLATE_TEXT_MAX } from '../../core/reports/report-rules.ts';
import { bodyId, boolQuery, kkRu, positiveId } from '../schemas.ts';
import { status } from './reports-schemas.ts';

export const placeholders = PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
const text = z.string().trim().min(1).max(TEMPLATE_TEXT_MAX).describe(`may use ${placeholders}`);

export const templateBody = z.object({
  id: z.number(),
  categoryId: z.number().nullable().describe('null: any category'),
  status,
  title: z.string(),
  ...kkRu('text'),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const fittedBody = templateBody.extend({ locale: z.enum(['kk', 'ru']), preview: z.string() });

const fields = {
  categoryId: bodyId.nullable(),
  status,
  title: z.string().trim().min(1).max(200),
  ...kkRu('text', text),
  active: z.boolean(),
};
export const createBody = z.object({ ...fields, categoryId: fields.categoryId.default(null), active: fields.active.optional() });
export const patchBody = z.object(fields).partial();

export const listQuery = z.object({
  status: status.optional(),
  categoryId: positiveId.optional().describe('this category and any-category templates'),
  active: boolQuery.optional(),
});
export const fitQuery = z.object({ to: status.optional().describe('only for this target status; default: every status the report can move to') });

export type Template = z.output<typeof templateBody>;
/** A template filled in the citizen's language for one report. */
export type FittedTemplate = z.output<typeof fittedBody>;
export type TemplateInput = z.input<typeof createBody>;
