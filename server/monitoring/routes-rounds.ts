// One monitoring round (item 9): start, the four indicators, each tool's record, completion (two tools at
// least), cancellation; measures set after it (item 10) and documents requested from the NGO.
import { conflict } from '../../core/errors.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { createdById, okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import {
  activityCheckInput,
  closeMeasureInput,
  documentRequestInput,
  measureBody,
  measureInput,
  planInput,
  reasonInput,
  receivedInput,
  requestBody,
  roundActivityParams,
  roundBody,
  roundDetailBody,
  roundToolParams,
  standardInput,
  summaryInput,
  toolInput,
} from './monitoring-schemas.ts';
import { detailView, measureView, requestView, roundView } from './monitoring-views.ts';

export const monitoringRoundRoutes = routeModule('monitoring', 'managerOrExpert', (app, { manager, opts }, services) => {
  const m = services.monitoring;
  const detail = async (staff: ReturnType<typeof staffOf>, id: number) => detailView(await m.rounds.detail(staff, id), m.measures.view);

  app.get(
    '/api/monitoring/rounds/:id',
    opts('The round with the four indicators (live, or frozen once completed), tool records, measures, document requests', {
      params: idParam,
      response: roundDetailBody,
    }),
    async (req) => detail(staffOf(req), req.params.id),
  );

  app.patch('/api/monitoring/rounds/:id', opts('Move a planned round', { params: idParam, body: planInput, response: roundBody }, manager), async (req) =>
    roundView(await m.rounds.reschedule(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/monitoring/rounds/:id/start',
    opts('Start the round: above 500 MCI only the active independent expert can', { params: idParam, response: roundBody }),
    async (req) => roundView(await m.rounds.start(actorOf(req), staffOf(req), req.params.id)),
  );

  app.post(
    '/api/monitoring/rounds/:id/complete',
    opts('Complete with a summary: needs two tools with findings, due activities checked, standard items answered; freezes the indicators', {
      params: idParam,
      body: summaryInput,
      response: roundDetailBody,
    }),
    async (req) => detailView(await m.rounds.complete(actorOf(req), staffOf(req), req.params.id, req.body), m.measures.view),
  );

  app.post(
    '/api/monitoring/rounds/:id/cancel',
    opts('Cancel a round that is not completed (frees its place in the year)', { params: idParam, body: reasonInput, response: roundBody }, manager),
    async (req) => roundView(await m.rounds.cancel(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.put(
    '/api/monitoring/rounds/:id/activities/:activityId',
    opts('Indicator 1: one activity planned vs done, with evidence', { params: roundActivityParams, body: activityCheckInput, response: roundDetailBody }),
    async (req) => detailView(await m.rounds.checkActivity(actorOf(req), staffOf(req), req.params.id, req.params.activityId, req.body), m.measures.view),
  );

  app.put(
    '/api/monitoring/rounds/:id/standard',
    opts("Indicator 4: the service standard's items, compliant or not", { params: idParam, body: standardInput, response: roundDetailBody }),
    async (req) => detailView(await m.rounds.checkStandard(actorOf(req), staffOf(req), req.params.id, req.body.items), m.measures.view),
  );

  app.put(
    '/api/monitoring/rounds/:id/tools/:tool',
    opts("A tool's record: findings and its own details (the body's `tool` must be the path's)", {
      params: roundToolParams,
      body: toolInput,
      response: roundDetailBody,
    }),
    async (req) => {
      if (req.body.tool !== req.params.tool) throw conflict('monitoring.tool_mismatch');
      await m.tools.set(actorOf(req), staffOf(req), req.params.id, req.params.tool, req.body);
      return detail(staffOf(req), req.params.id);
    },
  );

  app.delete('/api/monitoring/rounds/:id/tools/:tool', opts("Remove a tool's record", { params: roundToolParams, response: okBody }), async (req) =>
    okAfter(m.tools.remove(actorOf(req), staffOf(req), req.params.id, req.params.tool)),
  );

  app.post(
    '/api/monitoring/rounds/:id/measures',
    opts(
      "A measure for the NGO with its due date; sent to the NGO's contact in Telegram",
      { params: idParam, body: measureInput, created: measureBody },
      manager,
    ),
    createdById((who, id, body) => m.measures.add(...who, id, body).then(measureView)),
  );

  app.post(
    '/api/monitoring/measures/:id/close',
    opts(
      'Close a measure as done (late when past due) or not done, with a note; final',
      { params: idParam, body: closeMeasureInput, response: measureBody },
      manager,
    ),
    async (req) => measureView(await m.measures.close(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/monitoring/rounds/:id/document-requests',
    opts('Request documents from the NGO (sent to its contact in Telegram)', { params: idParam, body: documentRequestInput, created: requestBody }),
    createdById((who, id, body) => m.documents.request(...who, id, body).then(requestView)),
  );

  app.post(
    '/api/monitoring/document-requests/:id/received',
    opts('Record what was received, with a note', { params: idParam, body: receivedInput, response: requestBody }),
    async (req) => requestView(await m.documents.received(actorOf(req), staffOf(req), req.params.id, req.body)),
  );
});
