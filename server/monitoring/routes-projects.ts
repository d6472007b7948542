// A project's monitoring (Order 407 ch. 3) for the state body: the overview of a year, the setup (service kinds,
// coverage target, planned sum), the technical specification's activities, planning rounds, the measures.
import { isoDate } from '../../core/projects/project-rules.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { createdById, okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import {
  activitiesBody,
  activityBody,
  activityInput,
  linkEventInput,
  measuresBody,
  ngoInviteBody,
  overviewBody,
  planInput,
  proposalBody,
  roundBody,
  setupInput,
  yearQuery,
} from './monitoring-schemas.ts';
import { activityView, measureView, roundView } from './monitoring-views.ts';

export const monitoringProjectRoutes = routeModule('monitoring', 'manager', (app, { managerOrExpert: viewer, opts }, services) => {
  const m = services.monitoring;

  app.get(
    '/api/monitoring/projects/:id',
    opts(
      "A project's monitoring in a year: threshold, rounds against 2–5, warnings, measures",
      { params: idParam, querystring: yearQuery, response: overviewBody },
      viewer,
    ),
    async (req) => {
      const o = await m.overview(staffOf(req), req.params.id, req.query.year);
      const p = o.project;
      return {
        project: {
          id: p.id,
          nameKk: p.nameKk,
          nameRu: p.nameRu,
          supplierName: p.supplierName,
          startsOn: isoDate(p.startsOn),
          endsOn: isoDate(p.endsOn),
          serviceKinds: p.serviceKinds,
          coverageTarget: p.coverageTarget,
          plannedSum: p.plannedSum == null ? null : Number(p.plannedSum),
          monitorId: p.monitorId,
          supplierContact: p.supplierContactId != null,
          supplierContactName: o.supplierContactName,
        },
        access: o.access,
        threshold: o.threshold,
        status: o.status,
        rounds: o.rounds.map(roundView),
        measures: o.measures.map(measureView),
      };
    },
  );

  app.post(
    '/api/monitoring/projects/:id/ngo-invite',
    opts("Issue or renew the link that binds the NGO's contact in the bot (item 10: the NGO receives the measures); the previous link stops working", {
      params: idParam,
      response: ngoInviteBody,
    }),
    async (req) => m.supplierContact.issue(actorOf(req), staffOf(req), req.params.id, services.projects.botUsername()),
  );

  app.put(
    '/api/monitoring/projects/:id/setup',
    opts('Service kinds of item 9 (4), the coverage target (persons) and the planned sum (thousand tenge)', {
      params: idParam,
      body: setupInput,
      response: okBody,
    }),
    async (req) => okAfter(m.setup.setup(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/monitoring/projects/:id/activities',
    opts("The technical specification's activities", { params: idParam, response: activitiesBody }, viewer),
    async (req) => ({
      items: (await m.setup.activities(staffOf(req), req.params.id)).map(activityView),
    }),
  );

  app.post(
    '/api/monitoring/projects/:id/activities',
    opts('Add an activity', { params: idParam, body: activityInput, created: activityBody }),
    createdById((who, id, body) => m.setup.addActivity(...who, id, body).then(activityView)),
  );

  app.patch('/api/monitoring/activities/:id', opts('Change an activity', { params: idParam, body: activityInput, response: activityBody }), async (req) =>
    activityView(await m.setup.updateActivity(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/monitoring/activities/:id/events',
    opts('Link a held event of the project to the activity it carries out (link: false unlinks)', {
      params: idParam,
      body: linkEventInput,
      response: okBody,
    }),
    async (req) => okAfter(m.setup.linkEvent(actorOf(req), staffOf(req), req.params.id, req.body.eventId, req.body.link)),
  );

  app.get(
    '/api/monitoring/projects/:id/rounds/proposal',
    opts('Evenly spaced dates for the recommended number of rounds of the year (nothing saved)', {
      params: idParam,
      querystring: yearQuery,
      response: proposalBody,
    }),
    async (req) => ({ dates: await m.rounds.proposal(staffOf(req), req.params.id, req.query.year) }),
  );

  app.post(
    '/api/monitoring/projects/:id/rounds',
    opts('Plan a round on a date within the term; a sixth in a calendar year is refused (409 monitoring.too_many_rounds)', {
      params: idParam,
      body: planInput,
      created: roundBody,
    }),
    createdById((who, id, body) => m.rounds.plan(...who, id, body).then(roundView)),
  );

  app.get(
    '/api/monitoring/projects/:id/measures',
    opts('The measures of the project with their state', { params: idParam, response: measuresBody }, viewer),
    async (req) => ({
      items: (await m.measures.list(staffOf(req), req.params.id)).map(measureView),
    }),
  );
});
