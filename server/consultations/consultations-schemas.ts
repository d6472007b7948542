// The consultation log API's shapes: filters, a log entry, an offline entry as consultants write it, and
// the totals per group and period.
import { z } from 'zod';
import { AskerGroup, ConsultationChannel, ConsultationResult } from '../../generated/prisma/enums.ts';
import { GROUP_BY, PERIODS, RESPONSE_MINUTES_MAX } from '../../core/consultations/consultation-rules.ts';
import { calendarDate, cursorPageOf, dayOrInstant, enumOf, idCursor, kkRu, listLimit, positiveId, someChange } from '../schemas.ts';

const id = positiveId;
const day = calendarDate;
const channel = enumOf(ConsultationChannel);
const askerGroup = enumOf(AskerGroup);
const result = enumOf(ConsultationResult);

export const filterQuery = z.object({
  from: day.optional().describe('consultations on or after this Almaty day'),
  to: day.optional().describe('consultations on or before this Almaty day'),
  channel: channel.optional(),
  topicId: id.optional(),
  askerGroup: askerGroup.optional(),
  regionId: id.optional(),
  consultantId: id.optional(),
  result: result.optional(),
});
export const listQuery = filterQuery.extend({ cursor: idCursor.optional(), limit: listLimit });
export const totalsQuery = filterQuery.extend({
  groupBy: z.enum(GROUP_BY).default('topic'),
  period: z.enum(PERIODS).default('month').describe('reporting period, by Almaty dates'),
});

const named = z.object({ id: z.number(), ...kkRu('name') });
export const entryBody = z.object({
  id: z.number(),
  date: z.string(),
  channel,
  topic: named,
  askerGroup,
  region: named.nullable(),
  consultant: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  questionId: z.number().nullable(),
  questionNumber: z.string().nullable().describe('the question in the bot this entry keeps itself from; null for offline entries'),
  summary: z.string(),
  result,
  responseMinutes: z.number().nullable().describe('minutes from the question to the first answer'),
  satisfaction: z.number().nullable().describe('1–5'),
  faqArticleId: z.number().nullable(),
  projectId: z.number().nullable(),
  createdById: z.number().nullable(),
});
export const listBody = cursorPageOf(entryBody);

export const offlineBody = z.object({
  date: dayOrInstant,
  channel: z.enum(['phone', 'in_person', 'online_meeting']),
  topicId: id,
  askerGroup,
  regionId: id.nullable().optional().describe("the consultant's own region when absent"),
  consultantId: id.optional().describe('yourself when absent; someone else only for admins'),
  summary: z.string().max(5000).describe('what the question was, 1–500 characters'),
  result: z.enum(['answered', 'referred', 'not_in_scope']),
  responseMinutes: z.number().int().min(0).max(RESPONSE_MINUTES_MAX).nullable().optional(),
  satisfaction: z.number().int().min(1).max(5).nullable().optional(),
  projectId: id.nullable().optional().describe('the social project the consultation was given under (of its region)'),
});
export const patchBody = someChange(offlineBody.partial());

const measuresBody = z.object({
  count: z.number(),
  rated: z.number().describe('entries with a satisfaction score'),
  averageSatisfaction: z.number().nullable().describe('mean score of the rated entries, two decimals'),
  satisfiedShare: z.number().nullable().describe('share of scores 4–5 among the rated entries (unrated ones are not in the base), 0..1'),
  responded: z.number().describe('entries with a response time'),
  medianResponseMinutes: z.number().nullable().describe('median minutes to the first answer among entries that have one'),
});
export const totalsBody = z.object({
  groupBy: z.enum(GROUP_BY),
  period: z.enum(PERIODS),
  rows: z.array(
    measuresBody.extend({
      period: z.string().describe('2026-03, 2026-Q1, 2026-H1 or 2026'),
      group: z.object({ key: z.string(), id: z.number().nullable(), ...kkRu('name') }),
    }),
  ),
  total: measuresBody,
});
