// Civic initiatives for staff (issue 18): moderators and project managers read the board, the queue, one
// initiative and the map, and decide on proposals (publish, return, reject); project managers carry them out
// (initiatives-implementation.ts). Scope, states and the audit are the service's; routes stay thin.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { INITIATIVE_DECIDERS, INITIATIVE_READERS } from '../../core/initiatives/initiative-access.ts';
import type { InitiativeListItem } from '../../core/initiatives/initiative-views.ts';
import type { StaffInitiative } from '../../core/initiatives/initiative-queries.ts';
import type { Services } from '../../core/services.ts';
import { requireStaff, staffOf } from '../plugins/auth.ts';
import { iso, routeOptions } from '../route-kit.ts';
import { idParam } from '../schemas.ts';
import {
  countsBody,
  detailBody,
  itemBody,
  listBody,
  listQuery,
  mapQuery,
  pointsBody,
  queueBody,
  queueQuery,
  rejectBody,
  returnBody,
} from './initiatives-schemas.ts';
import { implementationRoutes } from './initiatives-implementation.ts';
import { initiativeSteps } from './initiative-steps.ts';

export const itemView = (i: InitiativeListItem): z.output<typeof itemBody> => ({
  ...i,
  submittedAt: i.submittedAt.toISOString(),
  publishedAt: iso(i.publishedAt),
  implementedAt: iso(i.implementedAt),
});

export const detailView = (d: StaffInitiative): z.output<typeof detailBody> => ({
  ...d,
  ...itemView(d),
  startedAt: iso(d.startedAt),
  closedAt: iso(d.closedAt),
  events: d.events.map((e) => ({ ...e, startsAt: e.startsAt.toISOString() })),
  history: d.history.map((h) => ({ ...h, at: h.at.toISOString() })),
});

export const initiativeRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const readers = requireStaff(services.staff, INITIATIVE_READERS);
    const deciders = requireStaff(services.staff, INITIATIVE_DECIDERS);
    const tags = ['initiatives'];
    const opts = routeOptions(tags, readers);
    const ini = services.initiatives;
    const detailOf = async (req: Parameters<typeof staffOf>[0], id: number) => detailView(await ini.queries.detail(staffOf(req), id));

    app.get('/api/initiatives', opts('Initiatives in your scope, newest first (the board)', { querystring: listQuery, response: listBody }), async (req) => {
      const { cursor, limit, ...f } = req.query;
      const page = await ini.queries.list(staffOf(req), f, { cursor, limit });
      return { items: page.items.map(itemView), nextCursor: page.nextCursor == null ? null : String(page.nextCursor) };
    });

    app.get(
      '/api/initiatives/counts',
      opts('How many initiatives in your scope are in each state', { querystring: mapQuery.omit({ status: true }), response: countsBody }),
      async (req) => ini.queries.counts(staffOf(req), req.query),
    );

    app.get('/api/initiatives/queue', opts('Proposals waiting for a decision, oldest first', { querystring: queueQuery, response: queueBody }), async (req) => {
      const page = await ini.queries.queue(staffOf(req), req.query);
      return { total: page.total, items: page.items.map(itemView) };
    });

    app.get(
      '/api/initiatives/map',
      opts('Initiatives with a place, as GeoJSON (positions to 3 decimals)', { querystring: mapQuery, response: pointsBody }),
      async (req) => ini.queries.points(staffOf(req), req.query),
    );

    app.get(
      '/api/initiatives/:id',
      opts('One initiative with its partners, patrons, updates, events, history and rating', { params: idParam, response: detailBody }),
      async (req) => detailOf(req, req.params.id),
    );

    const step = initiativeSteps(app, deciders, detailOf);
    step('publish', 'Publish a proposal: residents see, support and comment on it; the author is told', undefined, ini.decisions.publish);
    step('return', 'Return a proposal to its author with a reason (they edit it in the bot and send it again)', returnBody, ini.decisions.return);
    step('reject', 'Reject a proposal with a reason; the author is told in their language', rejectBody, ini.decisions.reject);

    await app.register(implementationRoutes(services, detailOf));
  };
