// Civic-control reports for operators (admins pass too): the scoped list, counts per status, the
// detail with its history, status changes (one, in bulk, with a template), routing and assignment,
// merging duplicates, hiding from public view, and the evidence files. Scope is checked (in the
// services) before anything is read or changed.
import { createReadStream } from 'node:fs';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EvidenceKind, ReportStatus } from '../../generated/prisma/enums.ts';
import { BULK_MAX, HIDE_REASON_MAX, type ItemResult } from '../../core/reports/report-admin.ts';
import { EvidenceUnavailable } from '../../core/reports/evidence-store.ts';
import { contentDisposition } from '../content-disposition.ts';
import {
  getReportDetail,
  getReportSummary,
  countReports,
  listReports,
  REPORT_STATUSES,
  reportWhere,
  summarize,
  type ReportFilter,
  type ReportSummary,
} from '../../core/reports/report-query.ts';
import { NOTE_MAX } from '../../core/reports/report-service.ts';
import type { Services } from '../../core/services.ts';
import { assertInScope } from '../../core/staff/scope.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { requestLocale } from '../plugins/errors.ts';
import { errorBody, idParam, withErrors, positiveId, bodyId, idCursor, dateTime } from '../schemas.ts';

export const status = z.enum(REPORT_STATUSES as [ReportStatus, ...ReportStatus[]]);
const bool = z.enum(['true', 'false']);
const id = positiveId;

const filters = {
  status: z
    .string()
    .max(200)
    .refine((v) => v.split(',').every((s) => (REPORT_STATUSES as string[]).includes(s.trim())), 'unknown status')
    .optional()
    .describe('comma-separated statuses, e.g. new,in_work'),
  regionId: id.optional(),
  districtId: id.optional(),
  categoryId: id.optional(),
  departmentId: id.optional(),
  overdue: bool.optional().describe('true: open reports past their due time'),
  from: dateTime.optional().describe('created at or after'),
  to: dateTime.optional().describe('created at or before'),
  q: z.string().trim().max(200).optional().describe('text in the description, number or address (case-insensitive)'),
  hasEvidence: bool.optional(),
};

const listQuery = z.object({
  ...filters,
  sort: z.enum(['createdAt', 'dueAt']).default('createdAt').describe('createdAt: newest first; dueAt: soonest due first'),
  cursor: idCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const countsQuery = z.object(filters);

function toFilter(q: z.infer<typeof countsQuery>): ReportFilter {
  return {
    statuses: q.status ? (q.status.split(',').map((s) => s.trim()) as ReportStatus[]) : undefined,
    regionId: q.regionId,
    districtId: q.districtId,
    categoryId: q.categoryId,
    departmentId: q.departmentId,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    from: q.from,
    to: q.to,
    q: q.q,
    hasEvidence: q.hasEvidence === undefined ? undefined : q.hasEvidence === 'true',
  };
}

export const summaryBody = z.object({
  id: z.number(),
  number: z.string(),
  status,
  colour: z.enum(['red', 'green', 'grey']),
  categoryId: z.number(),
  regionId: z.number(),
  districtId: z.number().nullable(),
  departmentId: z.number(),
  description: z.string().describe('the first 300 characters'),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  supportCount: z.number(),
  evidenceCount: z.number(),
  hidden: z.boolean(),
});

export const summaryView = (s: ReportSummary): z.infer<typeof summaryBody> => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
  dueAt: s.dueAt?.toISOString() ?? null,
});
const iso = (d: Date | null) => d?.toISOString() ?? null;

const detailBody = summaryBody.extend({
  description: z.string(),
  source: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  anonymous: z.boolean(),
  duplicateOfId: z.number().nullable(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopenCount: z.number(),
  followers: z.number(),
  assigneeId: z.number().nullable(),
  hiddenReason: z.string().nullable(),
  evidence: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(Object.values(EvidenceKind) as [EvidenceKind, ...EvidenceKind[]]),
      mimeType: z.string().nullable(),
      fileSize: z.number().nullable(),
      downloadUrl: z.string().describe('GET it with the same credentials'),
      externalUrl: z
        .string()
        .nullable()
        .describe(
          "evidence an outside app gave as a link (Open311 media_url): shown as a link with its host, never loaded by the console, since the app's server would learn staff addresses and hours",
        ),
    }),
  ),
  history: z.array(
    z.object({
      at: z.string(),
      actorType: z.string(),
      type: z.string(),
      fromStatus: status.nullable(),
      toStatus: status.nullable(),
      publicNote: z.string().nullable(),
      internalNote: z.string().nullable(),
    }),
  ),
});

const statusBody = z.object({
  to: status,
  publicNote: z.string().max(NOTE_MAX).nullable().optional().describe('sent to the citizen; required to resolve, reject or decline'),
  internalNote: z.string().max(NOTE_MAX).nullable().optional(),
  duplicateOfId: bodyId.nullable().optional(),
  templateId: bodyId.optional().describe("without a public note, the template's text in the citizen's language becomes the note"),
});

const note = z.string().max(NOTE_MAX).nullable().optional();
const ids = z.array(bodyId);

const assignBody = z
  .object({
    departmentId: bodyId.optional().describe('route the report to this department'),
    assigneeId: bodyId.nullable().optional().describe('an active operator whose scope covers the report; null unassigns'),
    internalNote: note,
  })
  .refine((b) => b.departmentId !== undefined || b.assigneeId !== undefined, 'departmentId or assigneeId is required');

const bulkBody = statusBody.omit({ duplicateOfId: true }).extend({ ids: ids.min(1).max(BULK_MAX) });
const resultsBody = z.object({
  results: z.array(z.object({ id: z.number(), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
});

const evidenceParams = z.object({ id: positiveId, evidenceId: positiveId });

export const reportRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = requireStaff(services.staff, ['operator']);
    const moderator = requireStaff(services.staff, ['operator', 'moderator']);
    const tags = ['reports'];
    const summaryOf = async (id: number) => summaryView(await getReportSummary(services.prisma, id, services.now()));
    const message = (req: FastifyRequest, code: string, params: Record<string, unknown> = {}) =>
      services.i18n.getFixedT(requestLocale(req))(`errors:${code}`, { ...params, defaultValue: code });
    const translated = (req: FastifyRequest, results: ItemResult[]) => ({
      results: results.map((r) =>
        r.error ? { id: r.id, ok: r.ok, error: { code: r.error.code, message: message(req, r.error.code, r.error.params) } } : { id: r.id, ok: r.ok },
      ),
    });

    app.get(
      '/api/reports',
      {
        onRequest: operator,
        schema: {
          tags,
          summary: 'Reports in your scope, filtered and paged',
          querystring: listQuery,
          response: withErrors({ 200: z.object({ items: z.array(summaryBody), nextCursor: z.string().nullable() }) }),
        },
      },
      async (req) => {
        const now = services.now();
        const { sort, cursor, limit } = req.query;
        const page = await listReports(services.prisma, reportWhere(toFilter(req.query), staffOf(req), now), { sort, cursor, limit }, now);
        return { items: page.items.map(summaryView), nextCursor: page.nextCursor == null ? null : String(page.nextCursor) };
      },
    );

    app.get(
      '/api/reports/counts',
      {
        onRequest: operator,
        schema: { tags, summary: 'Reports in your scope per status', querystring: countsQuery, response: withErrors({ 200: z.record(status, z.number()) }) },
      },
      async (req) => countReports(services.prisma, reportWhere(toFilter(req.query), staffOf(req), services.now())),
    );

    app.get(
      '/api/reports/:id',
      { onRequest: operator, schema: { tags, summary: 'A report with its history and evidence', params: idParam, response: withErrors({ 200: detailBody }) } },
      async (req) => {
        const r = await getReportDetail(services.prisma, req.params.id);
        assertInScope(staffOf(req), r);
        return {
          ...summaryView(summarize(r, services.now())),
          description: r.description,
          source: r.source,
          address: r.address,
          lat: r.lat,
          lon: r.lon,
          anonymous: r.anonymous,
          duplicateOfId: r.duplicateOfId,
          acceptedAt: iso(r.acceptedAt),
          resolvedAt: iso(r.resolvedAt),
          closedAt: iso(r.closedAt),
          reopenCount: r.reopenCount,
          followers: r._count.followers,
          assigneeId: r.assigneeId,
          hiddenReason: r.hiddenReason,
          evidence: r.evidence.map(({ url, ...e }) => ({ ...e, downloadUrl: `/api/reports/${r.id}/evidence/${e.id}`, externalUrl: url })),
          history: r.events.map((e) => ({
            at: e.at.toISOString(),
            actorType: e.actorType,
            type: e.type,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            publicNote: e.publicNote,
            internalNote: e.internalNote,
          })),
        };
      },
    );

    /** POST /api/reports/:id/<action>: does it (the service checks scope), then answers with the report's summary. */
    function reportAction<B extends z.ZodType>(
      action: string,
      onRequest: onRequestAsyncHookHandler,
      summary: string,
      body: B | undefined,
      act: (req: FastifyRequest, id: number, body: z.output<B>) => Promise<unknown>,
    ) {
      app.post(
        `/api/reports/:id/${action}`,
        { onRequest, schema: { tags, summary, params: idParam, ...(body ? { body } : {}), response: withErrors({ 200: summaryBody }) } },
        async (req) => {
          await act(req, req.params.id, req.body as z.output<B>);
          return summaryOf(req.params.id);
        },
      );
    }

    reportAction('status', operator, 'Change the status (closing needs a public note or a template)', statusBody, (req, id, body) =>
      services.reportAdmin.changeStatus(actorOf(req), staffOf(req), id, body),
    );
    reportAction('assign', operator, 'Route to a department and/or assign an operator', assignBody, (req, id, body) =>
      services.reportAdmin.assign(actorOf(req), staffOf(req), id, body),
    );
    reportAction(
      'hide',
      moderator,
      'Hide from public view (the text is kept; the author is told why)',
      z.object({ reason: z.string().trim().min(1).max(HIDE_REASON_MAX) }),
      (req, id, body) => services.reportAdmin.hide(actorOf(req), staffOf(req), id, body.reason),
    );
    reportAction('unhide', moderator, 'Show in public view again', undefined, (req, id) => services.reportAdmin.unhide(actorOf(req), staffOf(req), id));

    app.post(
      '/api/reports/bulk/status',
      {
        onRequest: operator,
        schema: {
          tags,
          summary: 'The same status change for many reports; each succeeds or fails on its own',
          body: bulkBody,
          response: withErrors({ 200: resultsBody }),
        },
      },
      async (req) => {
        const { ids: list, ...change } = req.body;
        return translated(req, await services.reportAdmin.bulkStatus(actorOf(req), staffOf(req), list, change));
      },
    );

    app.post(
      '/api/reports/:id/merge',
      {
        onRequest: operator,
        schema: {
          tags,
          summary: 'Mark other reports as duplicates of this one (their followers move here)',
          params: idParam,
          body: z.object({ duplicateIds: ids.min(1).max(BULK_MAX), publicNote: note }),
          response: withErrors({ 200: resultsBody.extend({ report: summaryBody }) }),
        },
      },
      async (req) => {
        const results = await services.reportAdmin.merge(actorOf(req), staffOf(req), req.params.id, req.body.duplicateIds, req.body.publicNote);
        return { ...translated(req, results), report: await summaryOf(req.params.id) };
      },
    );

    app.get(
      '/api/reports/:id/evidence/:evidenceId',
      {
        onRequest: operator,
        schema: {
          tags,
          summary: 'An evidence file (fetched from Telegram the first time), or a redirect to its URL',
          params: evidenceParams,
          response: withErrors({ 200: z.unknown().describe('the file'), 302: z.null().describe('evidence given as a URL'), 502: errorBody, 503: errorBody }),
        },
      },
      async (req, reply) => {
        const report = await getReportSummary(services.prisma, req.params.id, services.now());
        assertInScope(staffOf(req), report);
        try {
          const source = await services.evidence.open(req.params.id, req.params.evidenceId, report);
          if (source.type === 'redirect') return reply.redirect(source.url, 302);
          return (
            reply
              .header('content-type', source.mimeType)
              .header('content-length', source.size)
              .header('content-disposition', contentDisposition(source.fileName, source.inline))
              // Citizens' files: never run anything they might contain in the console's origin.
              .header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; sandbox")
              .header('cache-control', 'private, max-age=3600')
              .send(createReadStream(source.path))
          );
        } catch (e) {
          if (!(e instanceof EvidenceUnavailable)) throw e;
          return reply.status(e.status).send({ error: { code: e.code, message: message(req, e.code) } });
        }
      },
    );
  };
