// Civic-control reports for operators (admins pass too): the scoped list, counts per status, the
// detail with its history, and status changes. Scope is checked before anything is read or changed.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EvidenceKind, ReportStatus } from '../../generated/prisma/enums.ts';
import { getReportDetail, getReportSummary, countReports, listReports, REPORT_STATUSES, reportWhere, summarize, type ReportFilter, type ReportSummary } from '../../core/reports/report-query.ts';
import { NOTE_MAX } from '../../core/reports/report-service.ts';
import type { Services } from '../../core/services.ts';
import { assertInScope } from '../../core/staff/scope.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { idParam, withErrors } from '../schemas.ts';

const status = z.enum(REPORT_STATUSES as [ReportStatus, ...ReportStatus[]]);
const bool = z.enum(['true', 'false']);
const id = z.coerce.number().int().positive();

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
  from: z.coerce.date().optional().describe('created at or after'),
  to: z.coerce.date().optional().describe('created at or before'),
  q: z.string().trim().max(200).optional().describe('text in the description, number or address (case-insensitive)'),
  hasEvidence: bool.optional(),
};

const listQuery = z.object({
  ...filters,
  sort: z.enum(['createdAt', 'dueAt']).default('createdAt').describe('createdAt: newest first; dueAt: soonest due first'),
  cursor: z.string().regex(/^\d+$/).optional().describe('nextCursor of the previous page'),
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

const summaryBody = z.object({
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

const summaryView = (s: ReportSummary): z.infer<typeof summaryBody> => ({ ...s, createdAt: s.createdAt.toISOString(), dueAt: s.dueAt?.toISOString() ?? null });
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
  evidence: z.array(z.object({ id: z.number(), kind: z.enum(Object.values(EvidenceKind) as [EvidenceKind, ...EvidenceKind[]]), mimeType: z.string().nullable(), fileSize: z.number().nullable() })),
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
  duplicateOfId: z.number().int().positive().nullable().optional(),
});

export const reportRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = requireStaff(services.staff, ['operator']);
    const tags = ['reports'];

    app.get(
      '/api/reports',
      {
        onRequest: operator,
        schema: { tags, summary: 'Reports in your scope, filtered and paged', querystring: listQuery, response: withErrors({ 200: z.object({ items: z.array(summaryBody), nextCursor: z.string().nullable() }) }) },
      },
      async (req) => {
        const now = services.now();
        const { sort, cursor, limit } = req.query;
        const page = await listReports(services.prisma, reportWhere(toFilter(req.query), staffOf(req), now), { sort, cursor: cursor ? Number(cursor) : undefined, limit }, now);
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
          evidence: r.evidence,
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

    app.post(
      '/api/reports/:id/status',
      {
        onRequest: operator,
        schema: { tags, summary: 'Change the status (closing needs a public note)', params: idParam, body: statusBody, response: withErrors({ 200: summaryBody }) },
      },
      async (req) => {
        const before = await getReportSummary(services.prisma, req.params.id, services.now());
        assertInScope(staffOf(req), before);
        await services.reports.changeStatus(actorOf(req), req.params.id, req.body);
        return summaryView(await getReportSummary(services.prisma, req.params.id, services.now()));
      },
    );
  };
