// Results of a poll for project managers and admins: per question and wave the counts and shares over
// a stated base, the satisfaction index against the national 74.8 % and the mean, the dynamics between
// consecutive waves, the breakdowns (gender, age bracket, social status, "not stated"), the free-text
// answers (never with names in an anonymous poll); and the same as CSV or XLSX in Kazakh or Russian.
import { staffOf } from '../plugins/auth.ts';
import { routeModule } from '../route-kit.ts';
import { sendExport } from '../reply-export.ts';

import { exportFileBody, exportQuery, idParam } from '../schemas.ts';
import { resultsBody } from './poll-results-schemas.ts';

export const pollResultRoutes = routeModule('polls', 'manager', (app, { opts }, services) => {
  app.get('/api/polls/:id/results', opts('Results per question and wave, dynamics and breakdowns', { params: idParam, response: resultsBody }), async (req) => {
    const r = await services.polls.results(staffOf(req), req.params.id);
    return {
      ...r,
      waves: r.waves.map((w) => ({ ...w, opensAt: w.opensAt.toISOString(), closesAt: w.closesAt.toISOString() })),
      questions: r.questions.map(({ required: _r, showIfQuestionId: _s, showIfAnswers: _a, ...q }) => q),
      texts: r.texts.map((x) => ({ ...x, submittedAt: x.submittedAt?.toISOString() ?? null })),
    };
  });

  app.get(
    '/api/polls/:id/results/export',
    opts('The results as CSV or XLSX (answers, index and mean, dynamics, breakdowns, free text)', {
      params: idParam,
      querystring: exportQuery,
      response: exportFileBody,
    }),
    async (req, reply) => {
      const { tables, fileName } = await services.polls.exportTables(staffOf(req), req.params.id, req.query.lang);
      return sendExport(reply, { format: req.query.format, fileName, tables });
    },
  );
});
