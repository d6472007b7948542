// The consultation log for consultants (admins pass too): entries with filters and cursor pages,
// logging and correcting consultations given outside the bot, totals per group and period, and both
// as CSV or XLSX with Kazakh or Russian headers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AskerGroup, ConsultationChannel, ConsultationResult } from '../../generated/prisma/enums.ts';
import { isDateString, localMidnight } from '../../core/calendar/local-time.ts';
import { logTable, totalsTable } from '../../core/consultations/consultation-export.ts';
import { RESPONSE_MINUTES_MAX, type LogEntry } from '../../core/consultations/consultation-log.ts';
import { consultationTotals, GROUP_BY, PERIODS } from '../../core/consultations/consultation-totals.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { exportFileBody, exportQuery, sendExport } from '../reply-export.ts';
import { idParam, withErrors, positiveId, idCursor, calendarDate, INPUT_CODES, INSTANT_PATTERN, isInstantString } from '../schemas.ts';

const id = positiveId;
const day = calendarDate;
const enumOf = <T extends string>(values: Record<string, T>) => z.enum(Object.values(values) as [T, ...T[]]);
const channel = enumOf(ConsultationChannel);
const offlineChannel = z.enum(['phone', 'in_person', 'online_meeting']);
const askerGroup = enumOf(AskerGroup);
const result = enumOf(ConsultationResult);

const filters = {
  from: day.optional().describe('consultations on or after this Almaty day'),
  to: day.optional().describe('consultations on or before this Almaty day'),
  channel: channel.optional(),
  topicId: id.optional(),
  askerGroup: askerGroup.optional(),
  regionId: id.optional(),
  consultantId: id.optional(),
  result: result.optional(),
};
const filterQuery = z.object(filters);
const totalsQuery = filterQuery.extend({
  groupBy: z.enum(GROUP_BY).default('topic'),
  period: z.enum(PERIODS).default('month').describe('reporting period, by Almaty dates'),
});

const named = z.object({ id: z.number(), nameKk: z.string(), nameRu: z.string() });
const entryBody = z.object({
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
  createdById: z.number().nullable(),
});

const entryView = (c: LogEntry): z.infer<typeof entryBody> => ({
  id: c.id,
  date: c.date.toISOString(),
  channel: c.channel,
  topic: c.topic,
  askerGroup: c.askerGroup,
  region: c.region,
  consultant: c.consultant,
  questionId: c.questionId,
  questionNumber: c.question?.number ?? null,
  summary: c.summary,
  result: c.result,
  responseMinutes: c.responseMinutes,
  satisfaction: c.satisfaction,
  faqArticleId: c.faqArticleId,
  createdById: c.createdById,
});

/** A date-time with its offset, or a day (taken as its start in Almaty). */
const when = z
  .string()
  .regex(INSTANT_PATTERN, { message: 'a date YYYY-MM-DD or a date-time such as 2026-03-02T10:30:00+05:00', abort: true })
  .refine(isInstantString, { message: 'a date YYYY-MM-DD or a date-time such as 2026-03-02T10:30:00+05:00', params: { code: INPUT_CODES.date } })
  .transform((v) => (isDateString(v) ? localMidnight(v) : new Date(v)));

const offlineBody = z.object({
  date: when,
  channel: offlineChannel,
  topicId: id,
  askerGroup,
  regionId: id.nullable().optional().describe("the consultant's own region when absent"),
  consultantId: id.optional().describe('yourself when absent; someone else only for admins'),
  summary: z.string().max(5000).describe('what the question was, 1–500 characters'),
  result: z.enum(['answered', 'referred', 'not_in_scope']),
  responseMinutes: z.number().int().min(0).max(RESPONSE_MINUTES_MAX).nullable().optional(),
  satisfaction: z.number().int().min(1).max(5).nullable().optional(),
});

const measuresBody = z.object({
  count: z.number(),
  rated: z.number().describe('entries with a satisfaction score'),
  averageSatisfaction: z.number().nullable().describe('mean score of the rated entries, two decimals'),
  satisfiedShare: z.number().nullable().describe('share of scores 4–5 among the rated entries (unrated ones are not in the base), 0..1'),
  responded: z.number().describe('entries with a response time'),
  medianResponseMinutes: z.number().nullable().describe('median minutes to the first answer among entries that have one'),
});
const totalsBody = z.object({
  groupBy: z.enum(GROUP_BY),
  period: z.enum(PERIODS),
  rows: z.array(
    measuresBody.extend({
      period: z.string().describe('2026-03, 2026-Q1, 2026-H1 or 2026'),
      group: z.object({ key: z.string(), id: z.number().nullable(), nameKk: z.string(), nameRu: z.string() }),
    }),
  ),
  total: measuresBody,
});

export const consultationRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const consultant = requireStaff(services.staff, ['consultant']);
    const tags = ['consultations'];
    const log = services.consultationLog;
    const entry = async (staff: Parameters<typeof log.get>[0], id: number) => entryView(await log.get(staff, id));

    app.get(
      '/api/consultations',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'The consultation log in your scope, newest first',
          querystring: filterQuery.extend({ cursor: idCursor.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: withErrors({ 200: z.object({ items: z.array(entryBody), nextCursor: z.string().nullable() }) }),
        },
      },
      async (req) => {
        const { cursor, limit, ...filter } = req.query;
        const page = await log.list(staffOf(req), filter, { cursor, limit });
        return { items: page.items.map(entryView), nextCursor: page.nextCursor == null ? null : String(page.nextCursor) };
      },
    );

    app.post(
      '/api/consultations',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'Log a consultation given by phone, in person or at an online meeting',
          body: offlineBody,
          response: withErrors({ 201: entryBody }),
        },
      },
      async (req, reply) => {
        const c = await log.create(actorOf(req), staffOf(req), req.body);
        return reply.status(201).send(await entry(staffOf(req), c.id));
      },
    );

    app.get(
      '/api/consultations/totals',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'Counts, satisfaction and median response time per group and period',
          querystring: totalsQuery,
          response: withErrors({ 200: totalsBody }),
        },
      },
      async (req) => consultationTotals(services.prisma, services.i18n, staffOf(req), req.query),
    );

    app.get(
      '/api/consultations/totals/export',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'The totals as CSV or XLSX',
          querystring: totalsQuery.extend(exportQuery.shape),
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) => {
        const { format, lang, ...query } = req.query;
        const totals = await consultationTotals(services.prisma, services.i18n, staffOf(req), query);
        const table = totalsTable(services.i18n, totals, lang);
        return sendExport(reply, { format, fileName: table.sheetName, tables: table });
      },
    );

    app.get(
      '/api/consultations/export',
      {
        onRequest: consultant,
        schema: { tags, summary: 'The log as CSV or XLSX', querystring: filterQuery.extend(exportQuery.shape), response: withErrors({ 200: exportFileBody }) },
      },
      async (req, reply) => {
        const { format, lang, ...filter } = req.query;
        const table = await logTable(services.prisma, services.i18n, staffOf(req), filter, lang);
        return sendExport(reply, { format, fileName: table.sheetName, tables: table });
      },
    );

    app.get(
      '/api/consultations/:id',
      { onRequest: consultant, schema: { tags, summary: 'One log entry', params: idParam, response: withErrors({ 200: entryBody }) } },
      async (req) => entry(staffOf(req), req.params.id),
    );

    app.patch(
      '/api/consultations/:id',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'Correct an offline entry (entries of the bot follow their question)',
          params: idParam,
          body: offlineBody.partial().refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change'),
          response: withErrors({ 200: entryBody }),
        },
      },
      async (req) => {
        await log.update(actorOf(req), staffOf(req), req.params.id, req.body);
        return entry(staffOf(req), req.params.id);
      },
    );
  };
