// The evaluation of finished projects (seed 003, Rules p. 16–19). Experts: the projects of their councils,
// the Annex 4/6 declaration, then the four scores with comments (editable until the evaluation closes).
// Admins close the evaluation. Reports: Annex 7 (one expert's sheet), Annex 8 (the council's averages)
// and Annex 5 (a body's projects of a year), as JSON or XLSX/CSV in Kazakh or Russian.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConflictKind } from '../../generated/prisma/enums.ts';
import { COMMENT_MAX, CRITERIA, SCORE_MAX, SCORE_MIN } from '../../core/evaluation/criteria.ts';
import { annex5Table, annex7Table, annex8Table } from '../../core/evaluation/evaluation-export.ts';
import { CONFLICT_KINDS, DETAILS_MAX, type CouncilReport, type ExpertSheet } from '../../core/evaluation/expert-scoring.ts';
import { isoDate, nameIn } from '../../core/projects/project-rules.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { exportFileBody, exportQuery, sendExport } from '../reply-export.ts';
import { idParam, withErrors, positiveId } from '../schemas.ts';

const conflictKind = z.enum(CONFLICT_KINDS as [ConflictKind, ...ConflictKind[]]);
const iso = (d: Date | null) => d?.toISOString() ?? null;

const sheetBody = z.object({
  project: z
    .object({
      id: z.number(),
      nameKk: z.string(),
      nameRu: z.string(),
      supplierName: z.string(),
      contractSum: z.number(),
      startsOn: z.string(),
      endsOn: z.string(),
      goalsKk: z.string(),
      goalsRu: z.string(),
      objectivesKk: z.string(),
      objectivesRu: z.string(),
      activitiesKk: z.string(),
      activitiesRu: z.string(),
      resultsKk: z.string(),
      resultsRu: z.string(),
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

const sheetView = (s: ExpertSheet): z.infer<typeof sheetBody> => ({
  project: { ...s.project, startsOn: isoDate(s.project.startsOn), endsOn: isoDate(s.project.endsOn), evaluationClosedAt: iso(s.project.evaluationClosedAt) },
  expert: s.expert,
  declaration: s.declaration ? { ...s.declaration, declaredAt: s.declaration.declaredAt.toISOString() } : null,
  recused: s.recused,
  scores: s.scores.map((x) => ({ ...x, updatedAt: iso(x.updatedAt) })),
  total: s.total,
  filledAt: iso(s.filledAt),
});

const reportBody = z.object({
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

const reportView = (r: CouncilReport): z.infer<typeof reportBody> => ({
  projectId: r.project.id,
  closedAt: iso(r.closedAt),
  criteria: r.criteria,
  total: r.total,
  scoredBy: r.scoredBy,
  recused: r.recused,
});

const sheetParams = z.object({ id: positiveId, staffUserId: positiveId });

export const expertEvaluationRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const expert = requireStaff(services.staff, ['expert']);
    const admin = requireStaff(services.staff, ['admin']);
    const viewer = requireStaff(services.staff, ['project_manager', 'expert']);
    const manager = requireStaff(services.staff, ['project_manager']);
    const tags = ['evaluation'];
    const { scoring } = services.projects;

    const canSeeReport = (req: Parameters<typeof staffOf>[0], projectId: number) => services.projects.evaluationProject(staffOf(req), projectId);

    app.get(
      '/api/evaluation/criteria',
      {
        onRequest: viewer,
        schema: {
          tags,
          summary: 'The four criteria (Rules p. 18), each scored 1–5',
          response: withErrors({
            200: z.object({
              items: z.array(z.object({ number: z.number(), nameKk: z.string(), nameRu: z.string(), hintKk: z.string(), hintRu: z.string() })),
              min: z.number(),
              max: z.number(),
            }),
          }),
        },
      },
      async () => ({ items: CRITERIA.map((c) => ({ ...c })), min: SCORE_MIN, max: SCORE_MAX }),
    );

    app.get(
      '/api/expert/projects',
      {
        onRequest: expert,
        schema: {
          tags,
          summary: 'Finished projects your councils evaluate, with your declaration and scores',
          response: withErrors({ 200: z.object({ items: z.array(sheetBody) }) }),
        },
      },
      async (req) => ({ items: (await scoring.myProjects(staffOf(req))).map(sheetView) }),
    );

    app.get(
      '/api/expert/projects/:id',
      { onRequest: expert, schema: { tags, summary: 'Your sheet for one project', params: idParam, response: withErrors({ 200: sheetBody }) } },
      async (req) => sheetView(await scoring.sheet(staffOf(req), req.params.id, staffOf(req).id)),
    );

    app.post(
      '/api/expert/projects/:id/declaration',
      {
        onRequest: expert,
        schema: {
          tags,
          summary:
            'The Annex 4/6 declaration, once: no conflict (conflicts: []) or which ties to the NGO, with details. A conflict recuses you from this project.',
          params: idParam,
          body: z.object({
            conflicts: z
              .array(conflictKind)
              .max(4)
              .describe(
                'membership: member/founder; governance: governing body or head; payments: paid by the NGO in the last 3 years; family: close relatives among its staff',
              ),
            details: z.string().max(DETAILS_MAX).optional(),
          }),
          response: withErrors({ 200: sheetBody }),
        },
      },
      async (req) => sheetView(await scoring.declare(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.put(
      '/api/expert/projects/:id/scores',
      {
        onRequest: expert,
        schema: {
          tags,
          summary: 'Set your scores (whole 1–5, a comment each); after a no-conflict declaration, until the evaluation is closed',
          params: idParam,
          body: z.object({
            scores: z
              .array(z.object({ criterion: z.number().int().min(1).max(4), score: z.number(), comment: z.string().max(COMMENT_MAX) }))
              .min(1)
              .max(4),
          }),
          response: withErrors({ 200: sheetBody }),
        },
      },
      async (req) => sheetView(await scoring.score(actorOf(req), staffOf(req), req.params.id, req.body.scores)),
    );

    app.get(
      '/api/projects/:id/evaluation',
      {
        onRequest: viewer,
        schema: {
          tags,
          summary: 'Annex 8: the council average per criterion and the total (provisional until closed)',
          params: idParam,
          response: withErrors({ 200: reportBody }),
        },
      },
      async (req) => {
        await canSeeReport(req, req.params.id);
        return reportView(await scoring.councilReport(req.params.id));
      },
    );

    app.post(
      '/api/projects/:id/evaluation/close',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Close the evaluation: scores become final (at least one expert must have scored all four)',
          params: idParam,
          response: withErrors({ 200: reportBody }),
        },
      },
      async (req) => reportView(await scoring.close(actorOf(req), staffOf(req), req.params.id)),
    );

    app.get(
      '/api/projects/:id/evaluation/annex8',
      {
        onRequest: viewer,
        schema: {
          tags,
          summary: 'Annex 8 as XLSX or CSV in Kazakh or Russian',
          params: idParam,
          querystring: exportQuery,
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) => {
        const { lang, format } = req.query;
        const p = await canSeeReport(req, req.params.id);
        const r = await scoring.councilReport(p.id);
        const area = await services.projects.areaOf(p.areaId);
        const t = services.i18n.getFixedT(lang);
        return sendExport(reply, {
          format,
          fileName: `${t('projects:annex8.sheet')} ${nameIn(p, lang)}`,
          tables: annex8Table(t, lang, r, localName(area, lang)),
        });
      },
    );

    app.get(
      '/api/projects/:id/evaluation/annex7/:staffUserId',
      {
        onRequest: expert,
        schema: {
          tags,
          summary: "Annex 7: one expert's sheet as XLSX or CSV (the expert themself, or an admin)",
          params: sheetParams,
          querystring: exportQuery,
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) => {
        const { lang, format } = req.query;
        const s = await scoring.sheet(staffOf(req), req.params.id, req.params.staffUserId);
        const t = services.i18n.getFixedT(lang);
        return sendExport(reply, {
          format,
          fileName: `${t('projects:annex7.sheet')} ${s.expert.fullName} ${nameIn(s.project, lang)}`,
          tables: annex7Table(t, lang, s),
        });
      },
    );

    app.get(
      '/api/evaluation/annex5',
      {
        onRequest: manager,
        schema: {
          tags,
          summary:
            'Annex 5: the finished projects of a budget programme administrator whose period ends in the year, with the average score (the Annex 8 total, out of 20) of closed evaluations; XLSX or CSV in kk or ru',
          querystring: exportQuery.extend({ stateBodyId: positiveId, year: z.coerce.number().int().min(2000).max(2100) }),
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) => {
        const { lang, format, stateBodyId, year } = req.query;
        const { body, rows } = await services.projects.annex5(staffOf(req), stateBodyId, year);
        const t = services.i18n.getFixedT(lang);
        const bodyName = localName(body, lang);
        return sendExport(reply, { format, fileName: `${t('projects:annex5.sheet')} ${bodyName} ${year}`, tables: annex5Table(t, lang, bodyName, year, rows) });
      },
    );
  };
