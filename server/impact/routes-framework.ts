// The results framework (plan §3.2): the tree with indicators and progress per period, values entered with
// evidence (a file as application/octet-stream with x-file-name), outcome measures with before and after,
// and the monitoring round's "indicators" tool rows. Project managers of the project's scope.
import { z } from 'zod';
import { contentDisposition } from '../content-disposition.ts';
import { orUnavailable } from '../file-replies.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { byId, byPart, createdById, okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import {
  beforeAfterBody,
  beforeAfterQuery,
  frameworkBody,
  indicatorBody,
  indicatorInput,
  indicatorRowsBody,
  indicatorRowsQuery,
  measureBody,
  measureInput,
  measureListBody,
  nodeBody,
  nodeInput,
  nodePatch,
  valueInput,
  valueParams,
} from './impact-schemas.ts';
import { indicatorOut } from './impact-views.ts';

export const impactFrameworkRoutes = routeModule('impact', 'manager', (app, { managerOrExpert, opts }, services) => {
  const i = services.impact;
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get(
    '/api/impact/projects/:id/framework',
    opts('The results framework with indicators and progress per period', { params: idParam, response: frameworkBody }),
    async (req) => {
      const f = await i.values.tree(staffOf(req), req.params.id);
      return { projectId: f.projectId, nodes: f.nodes.map((n) => ({ ...n, indicators: n.indicators.map(indicatorOut) })) };
    },
  );

  app.post(
    '/api/impact/projects/:id/nodes',
    opts('Add a goal, outcome, output or activity (one goal; each level under the one above)', { params: idParam, body: nodeInput, created: nodeBody }),
    createdById((who, id, body) => i.framework.addNode(...who, id, body)),
  );
  app.patch(
    '/api/impact/nodes/:id',
    opts('Change a node’s texts or activity', { params: idParam, body: nodePatch, response: nodeBody }),
    byId((who, id, body) => i.framework.updateNode(...who, id, body)),
  );
  app.delete(
    '/api/impact/nodes/:id',
    opts('Remove a node with everything under it', { params: idParam, response: okBody }),
    byId((who, id) => okAfter(i.framework.removeNode(...who, id))),
  );

  app.post(
    '/api/impact/nodes/:id/indicators',
    opts('Add an indicator: unit, baseline, target, source of verification, schedule, where actuals come from', {
      params: idParam,
      body: indicatorInput,
      created: indicatorBody,
    }),
    async (req, reply) => {
      const ind = await i.framework.addIndicator(actorOf(req), staffOf(req), req.params.id, req.body);
      return reply.status(201).send(indicatorOut(await i.values.indicator(staffOf(req), ind.id)));
    },
  );
  app.put('/api/impact/indicators/:id', opts('Change an indicator', { params: idParam, body: indicatorInput, response: indicatorBody }), async (req) => {
    await i.framework.updateIndicator(actorOf(req), staffOf(req), req.params.id, req.body);
    return indicatorOut(await i.values.indicator(staffOf(req), req.params.id));
  });
  app.delete(
    '/api/impact/indicators/:id',
    opts('Remove an indicator and its values', { params: idParam, response: okBody }),
    byId((who, id) => okAfter(i.framework.removeIndicator(...who, id))),
  );
  app.get(
    '/api/impact/indicators/:id/values',
    opts('Values per period: automatic and entered, actual and progress', { params: idParam, response: indicatorBody }),
    async (req) => indicatorOut(await i.values.indicator(staffOf(req), req.params.id)),
  );
  app.put(
    '/api/impact/indicators/:id/values/:periodKey',
    opts('Enter a period’s value with its evidence (who and when are recorded)', { params: valueParams, body: valueInput, response: indicatorBody }),
    byPart('periodKey', (who, id, period, body) => i.values.set(...who, id, period, body).then(indicatorOut)),
  );
  app.delete(
    '/api/impact/indicators/:id/values/:periodKey',
    opts('Remove an entered value', { params: valueParams, response: okBody }),
    byPart('periodKey', (who, id, period) => okAfter(i.values.remove(...who, id, period))),
  );
  app.post(
    '/api/impact/indicators/:id/values/:periodKey/evidence',
    opts('Attach a file (≤ 10 MB) to an entered value: the body is the file, its name in x-file-name', {
      params: valueParams,
      response: okBody,
    }),
    async (req, reply) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let name = String(req.headers['x-file-name'] ?? 'evidence');
      try {
        name = decodeURIComponent(name);
      } catch {
        // a name that is not percent-encoded is taken as written
      }
      return orUnavailable(services, req, reply, () =>
        okAfter(i.values.attachEvidence(actorOf(req), staffOf(req), req.params.id, req.params.periodKey, { name, bytes })),
      );
    },
  );
  app.get(
    '/api/impact/indicators/:id/values/:periodKey/evidence',
    opts('The evidence file of an entered value', { params: valueParams, response: z.unknown().describe('the file') }),
    async (req, reply) => {
      const f = await i.values.evidenceFile(staffOf(req), req.params.id, req.params.periodKey);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', contentDisposition(f.name, false))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  );

  app.get(
    '/api/impact/projects/:id/outcome-measures',
    opts('Poll questions marked as outcome measures', { params: idParam, response: measureListBody }),
    async (req) =>
      (await i.outcomes.list(staffOf(req), req.params.id)).map((m) => ({ ...m, question: { ...m.question, anonymous: m.question.poll.anonymous } })),
  );
  app.post(
    '/api/impact/projects/:id/outcome-measures',
    opts('Mark a poll question as an outcome measure, with the answers that count as favourable', {
      params: idParam,
      body: measureInput,
      created: measureBody,
    }),
    createdById((who, id, body) => i.outcomes.add(...who, id, body)),
  );
  app.delete(
    '/api/impact/outcome-measures/:id',
    opts('Unmark an outcome measure', { params: idParam, response: okBody }),
    byId((who, id) => okAfter(i.outcomes.remove(...who, id))),
  );
  app.get(
    '/api/impact/outcome-measures/:id/before-after',
    opts('Baseline against final wave: paired (McNemar) and all respondents, with bases, p and a verdict', {
      params: idParam,
      querystring: beforeAfterQuery,
      response: beforeAfterBody,
    }),
    async (req) => i.outcomes.beforeAfter(staffOf(req), req.params.id, req.query),
  );

  app.get(
    '/api/impact/rounds/:id/indicator-rows',
    opts(
      "A monitoring round's 'indicators vs expected results' rows, from the framework at the round's date",
      {
        params: idParam,
        querystring: indicatorRowsQuery,
        response: indicatorRowsBody,
      },
      managerOrExpert,
    ),
    async (req) => i.monitoring.roundIndicatorRows(staffOf(req), req.params.id, req.query.lang),
  );
});
