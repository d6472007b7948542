// The knowledge base API's shapes: an article, what consultants write, and the search.
import { z } from 'zod';
import { FAQ_QUERY_MAX } from '../../core/consultations/consultation-rules.ts';
import { boolQuery, cursorPageOf, idCursor, kkRu, listLimit, positiveId, someChange } from '../schemas.ts';

const id = positiveId;
/** Long enough for any real text; the service refuses empty and over-long texts with its own codes. */
const text = z.string().max(20_000);

export const faqBody = z.object({
  id: z.number(),
  topicId: z.number(),
  ...kkRu('title'),
  ...kkRu('body'),
  published: z.boolean(),
  sourceQuestionId: z.number().nullable().describe('the question whose answer it was promoted from'),
  shownCount: z.number().describe('times the bot offered it as a possible answer'),
  helpedCount: z.number().describe('times a citizen said it answered their question'),
  createdById: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createBody = z.object({
  topicId: id,
  ...kkRu('title', text.describe('1–200 characters')),
  ...kkRu('body', text.describe('1–3500 characters')),
  published: z.boolean().optional().describe('false (a draft) by default; only published articles reach citizens'),
});
export const patchBody = someChange(createBody.partial());

export const listQuery = z.object({
  topicId: id.optional(),
  published: boolQuery.optional().describe('true: published only; false: drafts only'),
  cursor: idCursor.optional(),
  limit: listLimit,
});
export const listBody = cursorPageOf(faqBody);

export const searchQuery = z.object({
  q: z
    .string()
    .max(FAQ_QUERY_MAX * 4)
    .describe(`the words to look for, up to ${FAQ_QUERY_MAX} characters`),
  topicId: id.optional(),
});
export const searchBody = z.object({ items: z.array(z.object({ score: z.number().describe('0..1'), article: faqBody })) });

export type FaqArticle = z.output<typeof faqBody>;
export type FaqSearch = z.output<typeof searchBody>;
export type FaqInput = z.input<typeof createBody>;
