// Independent monitors (item 9): the body invites one expert per project above 500 MCI; the expert files the
// Annex 4 declaration first. The MCI per year (admins) and the standard's items.
import { actorOf, staffOf } from '../plugins/auth.ts';
import { createdById, okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import {
  assignmentBody,
  declarationDraftBody,
  declarationInput,
  inviteInput,
  mciBody,
  mciInput,
  mciListBody,
  monitorViewBody,
  myAssignmentsBody,
  reasonInput,
  standardItemsBody,
  yearParam,
} from './monitoring-schemas.ts';
import { assignmentView, mciView } from './monitoring-views.ts';

export const monitoringExpertRoutes = routeModule('monitoring', 'manager', (app, { expert, managerOrExpert: viewer, admin, opts }, services) => {
  const m = services.monitoring;

  app.get(
    '/api/monitoring/projects/:id/monitor',
    opts('The 500 MCI threshold and the independent expert of the project', { params: idParam, response: monitorViewBody }, viewer),
    async (req) => {
      const v = await m.monitors.view(staffOf(req), req.params.id);
      return { ...v, assignments: v.assignments.map(assignmentView) };
    },
  );

  app.post(
    '/api/monitoring/projects/:id/monitor',
    opts('Invite the independent expert (only above 500 MCI; one per project; never one who declared a conflict on it)', {
      params: idParam,
      body: inviteInput,
      created: assignmentBody,
    }),
    createdById((who, id, body) => m.monitors.invite(...who, id, body.expertId).then(assignmentView)),
  );

  app.post(
    '/api/monitoring/projects/:id/monitor/withdraw',
    opts('Withdraw the invitation or the active expert, with a reason', { params: idParam, body: reasonInput, response: okBody }),
    async (req) => okAfter(m.monitors.withdraw(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.get('/api/monitoring/expert/assignments', opts('Your monitoring assignments', { response: myAssignmentsBody }, expert), async (req) => ({
    items: (await m.monitors.mine(staffOf(req))).map((a) => ({
      ...assignmentView(a),
      project: { id: a.project.id, nameKk: a.project.nameKk, nameRu: a.project.nameRu, supplierName: a.project.supplierName },
    })),
  }));

  app.get(
    '/api/monitoring/expert/assignments/:id/declaration-draft',
    opts('Answers pre-filled from your latest declaration about the same NGO (Annex 6 or 4)', { params: idParam, response: declarationDraftBody }, expert),
    async (req) => {
      const d = await m.monitors.draft(staffOf(req), req.params.id);
      return { fromDeclarationId: d.from?.id ?? null, answers: d.answers };
    },
  );

  app.post(
    '/api/monitoring/expert/assignments/:id/declaration',
    opts(
      'File Annex 4 once: every question answered, the statement confirmed. A conflict rules you out of the project.',
      {
        params: idParam,
        body: declarationInput,
        response: assignmentBody,
      },
      expert,
    ),
    async (req) => assignmentView(await m.monitors.declare(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.get('/api/monitoring/mci', opts('The MCI per year with its source', { response: mciListBody }, viewer), async () => ({
    items: (await m.mci.list()).map(mciView),
  }));

  app.put('/api/monitoring/mci/:year', opts("Set a year's MCI (admins)", { params: yearParam, body: mciInput, response: mciBody }, admin), async (req) =>
    mciView(await m.mci.set(actorOf(req), staffOf(req), req.params.year, req.body)),
  );

  app.get('/api/monitoring/standard-items', opts("The service standard's items of item 9 (4)", { response: standardItemsBody }, viewer), async () => ({
    items: await m.standardItems.list(),
  }));
});
