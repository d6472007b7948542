// The evaluation of finished projects (seed 003, Rules p. 16–19). Experts: the projects of their councils,
// the Annex 4/6 declaration, then the four scores with comments (editable until the evaluation closes).
// Admins close the evaluation. Reports: Annex 7 (one expert's sheet), Annex 8 (the council's averages)
// and Annex 5 (a body's projects of a year), as JSON or XLSX/CSV in Kazakh or Russian.
import type { z } from 'zod';
import { CRITERIA } from '../../core/evaluation/criteria.ts';
import { SCORE_MAX, SCORE_MIN } from '../../core/evaluation/evaluation-rules.ts';
import { annex5Table, annex7Table, annex8Table } from '../../core/evaluation/evaluation-export.ts';
import type { CouncilReport, ExpertSheet } from '../../core/evaluation/expert-scoring.ts';
import { isoDate, nameIn } from '../../core/projects/project-rules.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { exportFile } from '../reply-export.ts';
import { iso, routeModule } from '../route-kit.ts';
import { exportFileBody, exportQuery, idParam } from '../schemas.ts';
import { annex5Query, criteriaBody, declarationBody, reportBody, scoresBody, sheetBody, sheetParams, sheetsBody } from './expert-evaluation-schemas.ts';

const sheetView = (s: ExpertSheet): z.output<typeof sheetBody> => ({
  project: { ...s.project, startsOn: isoDate(s.project.startsOn), endsOn: isoDate(s.project.endsOn), evaluationClosedAt: iso(s.project.evaluationClosedAt) },
  expert: s.expert,
  declaration: s.declaration ? { ...s.declaration, declaredAt: s.declaration.declaredAt.toISOString() } : null,
  recused: s.recused,
  scores: s.scores.map((x) => ({ ...x, updatedAt: iso(x.updatedAt) })),
  total: s.total,
  filledAt: iso(s.filledAt),
});

const reportView = (r: CouncilReport): z.output<typeof reportBody> => ({
  projectId: r.project.id,
  closedAt: iso(r.closedAt),
  criteria: r.criteria,
  total: r.total,
  scoredBy: r.scoredBy,
  recused: r.recused,
});

export const expertEvaluationRoutes = routeModule('evaluation', 'expert', (app, { admin, managerOrExpert: viewer, manager, opts }, services) => {
  const { scoring } = services.projects;

  app.get('/api/evaluation/criteria', opts('The four criteria (Rules p. 18), each scored 1–5', { response: criteriaBody }, viewer), async () => ({
    items: CRITERIA.map((c) => ({ ...c })),
    min: SCORE_MIN,
    max: SCORE_MAX,
  }));

  app.get(
    '/api/expert/projects',
    opts('Finished projects your councils evaluate, with your declaration and scores', { response: sheetsBody }),
    async (req) => ({ items: (await scoring.myProjects(staffOf(req))).map(sheetView) }),
  );

  app.get('/api/expert/projects/:id', opts('Your sheet for one project', { params: idParam, response: sheetBody }), async (req) =>
    sheetView(await scoring.sheet(staffOf(req), req.params.id, staffOf(req).id)),
  );

  app.post(
    '/api/expert/projects/:id/declaration',
    opts('The Annex 4/6 declaration, once: no conflict (conflicts: []) or which ties to the NGO, with details. A conflict recuses you from this project.', {
      params: idParam,
      body: declarationBody,
      response: sheetBody,
    }),
    async (req) => sheetView(await scoring.declare(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.put(
    '/api/expert/projects/:id/scores',
    opts('Set your scores (whole 1–5, a comment each); after a no-conflict declaration, until the evaluation is closed', {
      params: idParam,
      body: scoresBody,
      response: sheetBody,
    }),
    async (req) => sheetView(await scoring.score(actorOf(req), staffOf(req), req.params.id, req.body.scores)),
  );

  app.get(
    '/api/projects/:id/evaluation',
    opts('Annex 8: the council average per criterion and the total (provisional until closed)', { params: idParam, response: reportBody }, viewer),
    async (req) => reportView((await services.projects.evaluationReport(staffOf(req), req.params.id)).report),
  );

  app.post(
    '/api/projects/:id/evaluation/close',
    opts('Close the evaluation: scores become final (at least one expert must have scored all four)', { params: idParam, response: reportBody }, admin),
    async (req) => reportView(await scoring.close(actorOf(req), staffOf(req), req.params.id)),
  );

  app.get(
    '/api/projects/:id/evaluation/annex8',
    opts('Annex 8 as XLSX or CSV in Kazakh or Russian', { params: idParam, querystring: exportQuery, response: exportFileBody }, viewer),
    exportFile(services.i18n, async (req, lang, t) => {
      const { project: p, report: r, area } = await services.projects.annex8(staffOf(req), req.params.id);
      return { fileName: `${t('projects:annex8.sheet')} ${nameIn(p, lang)}`, tables: annex8Table(t, lang, r, localName(area, lang)) };
    }),
  );

  app.get(
    '/api/projects/:id/evaluation/annex7/:staffUserId',
    opts("Annex 7: one expert's sheet as XLSX or CSV (the expert themself, or an admin)", {
      params: sheetParams,
      querystring: exportQuery,
      response: exportFileBody,
    }),
    exportFile(services.i18n, async (req, lang, t) => {
      const s = await scoring.sheet(staffOf(req), req.params.id, req.params.staffUserId);
      return { fileName: `${t('projects:annex7.sheet')} ${s.expert.fullName} ${nameIn(s.project, lang)}`, tables: annex7Table(t, lang, s) };
    }),
  );

  app.get(
    '/api/evaluation/annex5',
    opts(
      'Annex 5: the finished projects of a budget programme administrator whose period ends in the year, with the average score (the Annex 8 total, out of 20) of closed evaluations; XLSX or CSV in kk or ru',
      { querystring: annex5Query, response: exportFileBody },
      manager,
    ),
    exportFile(services.i18n, async (req, lang, t) => {
      const { stateBodyId, year } = req.query;
      const { body, rows } = await services.projects.annex5(staffOf(req), stateBodyId, year);
      const bodyName = localName(body, lang);
      return { fileName: `${t('projects:annex5.sheet')} ${bodyName} ${year}`, tables: annex5Table(t, lang, bodyName, year, rows) };
    }),
  );
});
