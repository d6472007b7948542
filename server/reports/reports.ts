// Civic-control reports for operators (admins pass too): the scoped list, counts per status, the
// detail with its history, status changes (one, in bulk, with a template), routing and assignment,
// merging duplicates, hiding from public view, and the evidence files. Scope is checked (in the
// services) before anything is read or changed.
import { createReadStream } from 'node:fs';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import type { ItemResult } from '../../core/reports/report-admin.ts';
import { EvidenceUnavailable } from '../../core/reports/evidence-store.ts';
import { evidencePublicity } from '../../core/reports/report-evidence-withhold.ts';
import { contentDisposition } from '../content-disposition.ts';
import type { ReportFilter, ReportSummary } from '../../core/reports/report-query.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { requestLocale } from '../plugins/errors.ts';
import { cursorPage, iso, postAction, routeModule } from '../route-kit.ts';
import { idParam } from '../schemas.ts';
import {
  assignBody,
  bulkBody,
  countsBody,
  countsQuery,
  detailBody,
  evidenceParams,
  evidenceResponses,
  hideBody,
  listBody,
  listQuery,
  mergeBody,
  mergedBody,
  resultsBody,
  statusBody,
  summaryBody,
} from './reports-schemas.ts';

function toFilter(q: z.output<typeof countsQuery>): ReportFilter {
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

const summaryView = (s: ReportSummary): z.output<typeof summaryBody> => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
  dueAt: iso(s.dueAt),
});

export const reportRoutes = routeModule('reports', 'operator', (app, { guard: operator, operatorOrModerator: moderator, tags, opts }, services) => {
  const queries = services.reportQueries;
  const summaryOf = async (id: number) => summaryView(await queries.summaryAfterChange(id));
  const message = (req: FastifyRequest, code: string, params: Record<string, unknown> = {}) =>
    services.i18n.getFixedT(requestLocale(req))(`errors:${code}`, { ...params, defaultValue: code });
  const translated = (req: FastifyRequest, results: ItemResult[]) => ({
    results: results.map((r) =>
      r.error ? { id: r.id, ok: r.ok, error: { code: r.error.code, message: message(req, r.error.code, r.error.params) } } : { id: r.id, ok: r.ok },
    ),
  });

  app.get('/api/reports', opts('Reports in your scope, filtered and paged', { querystring: listQuery, response: listBody }), async (req) => {
    const { sort, cursor, limit } = req.query;
    return cursorPage(await queries.list(staffOf(req), toFilter(req.query), { sort, cursor, limit }), summaryView);
  });

  app.get('/api/reports/counts', opts('Reports in your scope per status', { querystring: countsQuery, response: countsBody }), async (req) =>
    queries.counts(staffOf(req), toFilter(req.query)),
  );

  app.get('/api/reports/:id', opts('A report with its history and evidence', { params: idParam, response: detailBody }), async (req) => {
    const r = await queries.detail(staffOf(req), req.params.id);
    return {
      ...summaryView(r.summary),
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
      evidence: r.evidence.map(({ url, withheldAt, withheldReason, ...e }) => ({
        ...e,
        downloadUrl: `/api/reports/${r.id}/evidence/${e.id}`,
        externalUrl: url,
        publicity: evidencePublicity({ ...e, withheldAt }, r),
        withheldAt: iso(withheldAt),
        withheldReason,
      })),
      history: r.events.map((e) => ({
        at: e.at.toISOString(),
        actorType: e.actorType,
        actorName: e.actorName,
        byAuthor: e.byAuthor,
        type: e.type,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        publicNote: e.publicNote,
        internalNote: e.internalNote,
      })),
    };
  });

  /** POST /api/reports/:id/<action>: does it (the service checks scope), then answers with the report's summary. */
  const reportAction = <B extends z.ZodType | undefined>(
    action: string,
    onRequest: onRequestAsyncHookHandler,
    summary: string,
    body: B,
    act: (req: FastifyRequest, id: number, body: B extends z.ZodType ? z.output<B> : undefined) => Promise<unknown>,
  ) => postAction(app, `/api/reports/:id/${action}`, { onRequest, tags, summary, body, response: summaryBody, act, answer: (_req, id) => summaryOf(id) });

  reportAction('status', operator, 'Change the status (closing needs a public note or a template)', statusBody, (req, id, body) =>
    services.reportAdmin.changeStatus(actorOf(req), staffOf(req), id, body),
  );
  reportAction('assign', operator, 'Route to a department and/or assign an operator', assignBody, (req, id, body) =>
    services.reportAdmin.assign(actorOf(req), staffOf(req), id, body),
  );
  reportAction('hide', moderator, 'Hide from public view (the text is kept; the author is told why)', hideBody, (req, id, body) =>
    services.reportAdmin.hide(actorOf(req), staffOf(req), id, body.reason),
  );
  reportAction('unhide', moderator, 'Show in public view again', undefined, (req, id) => services.reportAdmin.unhide(actorOf(req), staffOf(req), id));

  app.post(
    '/api/reports/bulk/status',
    opts('The same status change for many reports; each succeeds or fails on its own', { body: bulkBody, response: resultsBody }),
    async (req) => {
      const { ids: list, ...change } = req.body;
      return translated(req, await services.reportAdmin.bulkStatus(actorOf(req), staffOf(req), list, change));
    },
  );

  app.post(
    '/api/reports/:id/merge',
    opts('Mark other reports as duplicates of this one (their followers move here)', { params: idParam, body: mergeBody, response: mergedBody }),
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
        response: evidenceResponses,
      },
    },
    async (req, reply) => {
      try {
        const source = await services.evidence.openFor(staffOf(req), req.params.id, req.params.evidenceId);
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
});
