// Social projects for project managers and admins, scoped by region: the Annex 5 fields, draft → active →
// finished, the events table of the grant report, and the invitation link with its QR code (PNG, SVG).
// Beneficiaries: project-beneficiaries.ts; statistics: project-stats.ts; evaluation: expert-*.ts.
import type { z } from 'zod';
import type { ProjectEvent } from '../../generated/prisma/client.ts';
import type { ProjectWithCounts } from '../../core/projects/project-admin.ts';
import { inviteLink, requireInviteLink } from '../../core/projects/project-invite.ts';
import { isoDate } from '../../core/projects/project-rules.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { iso, okAfter, qrRoutes, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import {
  createBody,
  eventBody,
  eventCreateBody,
  eventPatchBody,
  eventsBody,
  eventsQuery,
  finishBody,
  inviteBody,
  listBody,
  listQuery,
  patchBody,
  projectBody,
} from './projects-schemas.ts';

export const eventView = (e: ProjectEvent): z.output<typeof eventBody> => ({
  id: e.id,
  projectId: e.projectId,
  heldOn: isoDate(e.heldOn),
  place: e.place,
  form: e.form,
  participants: e.participants,
  completeness: e.completeness,
  createdAt: e.createdAt.toISOString(),
});

export const projectRoutes = routeModule('projects', 'manager', (app, { guard: manager, opts, tags }, services) => {
  const { admin } = services.projects;

  const view = (p: ProjectWithCounts): z.output<typeof projectBody> => {
    const username = services.projects.botUsername();
    return {
      id: p.id,
      nameKk: p.nameKk,
      nameRu: p.nameRu,
      supplierName: p.supplierName,
      supplierBin: p.supplierBin,
      contractSum: Number(p.contractSum),
      goalsKk: p.goalsKk,
      goalsRu: p.goalsRu,
      objectivesKk: p.objectivesKk,
      objectivesRu: p.objectivesRu,
      activitiesKk: p.activitiesKk,
      activitiesRu: p.activitiesRu,
      resultsKk: p.resultsKk,
      resultsRu: p.resultsRu,
      startsOn: isoDate(p.startsOn),
      endsOn: isoDate(p.endsOn),
      areaId: p.areaId,
      regionId: p.regionId,
      stateBodyId: p.stateBodyId,
      status: p.status,
      inviteCode: p.inviteCode,
      inviteLink: username ? inviteLink(username, p.inviteCode) : null,
      councilId: p.councilId,
      evaluationClosedAt: iso(p.evaluationClosedAt),
      finishedAt: iso(p.finishedAt),
      createdAt: p.createdAt.toISOString(),
      counts: p.counts,
    };
  };

  /** The project (in the caller's scope) and its invitation link; the link, the QR PNG and SVG all start here. */
  const inviteOf = async (req: Parameters<typeof staffOf>[0], projectId: number) => {
    const p = await admin.get(staffOf(req), projectId);
    return { p, link: requireInviteLink(services.projects.botUsername(), p.inviteCode) };
  };

  app.get(
    '/api/projects',
    opts('Projects in your region (admins: all), the latest start first, with beneficiary and event counts', { querystring: listQuery, response: listBody }),
    async (req) => {
      const { offset, limit, ...filter } = req.query;
      const r = await admin.list(staffOf(req), filter, { offset, limit });
      return { items: r.items.map(view), total: r.total };
    },
  );

  app.post(
    '/api/projects',
    opts('Create a project (a draft); a regional manager only in their region', { body: createBody, response: projectBody }),
    async (req) => view(await admin.create(actorOf(req), staffOf(req), req.body)),
  );

  app.get('/api/projects/:id', opts('A project with its counts', { params: idParam, response: projectBody }), async (req) =>
    view(await admin.get(staffOf(req), req.params.id)),
  );

  app.patch(
    '/api/projects/:id',
    opts('Change a draft or active project (a finished one is final)', { params: idParam, body: patchBody, response: projectBody }),
    async (req) => view(await admin.update(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.delete('/api/projects/:id', opts('Delete a draft without beneficiaries', { params: idParam, response: okBody }), async (req) =>
    okAfter(admin.remove(actorOf(req), staffOf(req), req.params.id)),
  );

  app.post(
    '/api/projects/:id/activate',
    opts('draft → active: the invitation link starts registering beneficiaries', { params: idParam, response: projectBody }),
    async (req) => view(await admin.activate(actorOf(req), staffOf(req), req.params.id)),
  );

  app.post(
    '/api/projects/:id/finish',
    opts(
      'active → finished, recording the activities carried out and the results achieved (Annex 5) in both languages; the invitation stops, evaluation opens',
      { params: idParam, body: finishBody, response: projectBody },
    ),
    async (req) => view(await admin.finish(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/projects/:id/invite',
    opts('The invitation link t.me/<bot>?start=prj_<code>; 409 project.no_bot_username when neither BOT_USERNAME is set nor the bot runs in this process', {
      params: idParam,
      response: inviteBody,
    }),
    async (req) => {
      const { p, link } = await inviteOf(req, req.params.id);
      return { link, inviteCode: p.inviteCode, status: p.status, png: `/api/projects/${p.id}/qr.png`, svg: `/api/projects/${p.id}/qr.svg` };
    },
  );

  qrRoutes(app, '/api/projects/:id', {
    onRequest: manager,
    tags,
    summaries: { png: 'The invitation as a QR code, PNG (for leaflets and posters)', svg: 'The invitation as a QR code, SVG (scales for print design)' },
    link: async (req, id) => (await inviteOf(req, id)).link,
  });

  app.get(
    '/api/projects/:id/events',
    opts('The events table (grant report), in date order', { params: idParam, querystring: eventsQuery, response: eventsBody }),
    async (req) => ({ items: (await admin.events(staffOf(req), req.params.id, req.query)).map(eventView) }),
  );

  app.post(
    '/api/projects/:id/events',
    opts('Add an event (within the project period; not to a finished project)', { params: idParam, body: eventCreateBody, response: eventBody }),
    async (req) => eventView(await admin.addEvent(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.patch('/api/projects/events/:id', opts('Change an event', { params: idParam, body: eventPatchBody, response: eventBody }), async (req) =>
    eventView(await admin.updateEvent(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.delete('/api/projects/events/:id', opts('Delete an event', { params: idParam, response: okBody }), async (req) =>
    okAfter(admin.removeEvent(actorOf(req), staffOf(req), req.params.id)),
  );
});
