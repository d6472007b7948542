// The consultation log for consultants (admins pass too): entries with filters and cursor pages,
// logging and correcting consultations given outside the bot, totals per group and period, and both
// as CSV or XLSX with Kazakh or Russian headers.
import type { ExportTable } from '../../core/export/table.ts';
import type { z } from 'zod';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import type { LogEntry } from '../../core/consultations/consultation-log.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { exportFile, type ExportFile } from '../reply-export.ts';
import { cursorPage, routeModule } from '../route-kit.ts';
import { exportFileBody, exportQuery, idParam } from '../schemas.ts';
import { entryBody, filterQuery, listBody, listQuery, offlineBody, patchBody, totalsBody, totalsQuery } from './consultations-schemas.ts';

const entryView = (c: LogEntry): z.output<typeof entryBody> => ({
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
  projectId: c.projectId,
  createdById: c.createdById,
});

/** One table, in the file named after its sheet. */
const oneTable = (table: ExportTable): ExportFile => ({ fileName: table.sheetName, tables: table });

export const consultationRoutes = routeModule('consultations', 'consultant', (app, { opts }, services) => {
  const log = services.consultations.log;
  const entry = async (staff: Parameters<typeof log.get>[0], id: number) => entryView(await log.get(staff, id));

  app.get('/api/consultations', opts('The consultation log in your scope, newest first', { querystring: listQuery, response: listBody }), async (req) => {
    const { cursor, limit, ...filter } = req.query;
    const page = await log.list(staffOf(req), filter, { cursor, limit });
    return cursorPage(page, entryView);
  });

  app.post(
    '/api/consultations',
    opts('Log a consultation given by phone, in person or at an online meeting', { body: offlineBody, created: entryBody }),
    async (req, reply) => {
      const c = await log.create(actorOf(req), staffOf(req), req.body);
      return reply.status(201).send(await entry(staffOf(req), c.id));
    },
  );

  app.get(
    '/api/consultations/totals',
    opts('Counts, satisfaction and median response time per group and period', { querystring: totalsQuery, response: totalsBody }),
    async (req) => services.consultations.totals(staffOf(req), req.query),
  );

  /** GET `url`: the table `tableOf` makes of the query's filter, as CSV or XLSX with the asked language's headers. */
  const tableExport = <Q extends z.ZodObject>(
    url: string,
    summary: string,
    query: Q,
    tableOf: (staff: StaffPrincipal, filter: z.output<Q>, lang: Locale) => Promise<ExportTable>,
  ) =>
    app.get(
      url,
      // Typed here as the export options alone: the filter's own fields are the caller's `Q`.
      opts(summary, { querystring: query.extend(exportQuery.shape) as unknown as typeof exportQuery, response: exportFileBody }),
      exportFile(services.i18n, async (req, lang) => {
        const { format: _format, lang: _lang, ...filter } = req.query;
        return oneTable(await tableOf(staffOf(req), filter as z.output<Q>, lang));
      }),
    );
  tableExport('/api/consultations/totals/export', 'The totals as CSV or XLSX', totalsQuery, services.consultations.exportTotals);
  tableExport('/api/consultations/export', 'The log as CSV or XLSX', filterQuery, services.consultations.exportLog);

  app.get('/api/consultations/:id', opts('One log entry', { params: idParam, response: entryBody }), async (req) => entry(staffOf(req), req.params.id));

  app.patch(
    '/api/consultations/:id',
    opts('Correct an offline entry (entries of the bot follow their question)', { params: idParam, body: patchBody, response: entryBody }),
    async (req) => {
      await log.update(actorOf(req), staffOf(req), req.params.id, req.body);
      return entry(staffOf(req), req.params.id);
    },
  );
});
