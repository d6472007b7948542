// Volunteering for organisers (project managers; admins pass too), scoped by region and district:
// opportunities (create, change, publish, cancel, delete a draft), their applications (approve,
// decline with a reason, wait-list), attendance with hours and people helped, reviews 1–5, and the
// volunteers with the parent's-consent flag for minors. Rankings and certificates: volunteer-reports.ts.
import type { z } from 'zod';
import type { Volunteer } from '../../generated/prisma/client.ts';
import type { OpportunityWithCounts, StaffApplication } from '../../core/volunteering/volunteer-opportunities.ts';
import { hoursOf, isMinor } from '../../core/volunteering/volunteer-rules.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { iso, okAfter, postAction, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import {
  applicationBody,
  applicationsBody,
  applicationsQuery,
  attendanceBody,
  consentBody,
  createBody,
  declineBody,
  opportunitiesBody,
  opportunitiesQuery,
  opportunityBody,
  patchBody,
  reviewBody,
  volunteerBody,
  volunteersBody,
  volunteersQuery,
} from './volunteering-schemas.ts';

const opportunityView = (o: OpportunityWithCounts): z.output<typeof opportunityBody> => ({
  id: o.id,
  titleKk: o.titleKk,
  titleRu: o.titleRu,
  descriptionKk: o.descriptionKk,
  descriptionRu: o.descriptionRu,
  organiserName: o.organiserName,
  projectId: o.projectId,
  initiativeId: o.initiativeId,
  areaId: o.areaId,
  directions: o.directions,
  regionId: o.regionId,
  districtId: o.districtId,
  place: o.place,
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt.toISOString(),
  needed: o.needed,
  status: o.status,
  publishedAt: iso(o.publishedAt),
  cancelledAt: iso(o.cancelledAt),
  createdAt: o.createdAt.toISOString(),
  placesLeft: Math.max(0, o.needed - o.counts.applied - o.counts.approved),
  counts: o.counts,
});

const applicationView = (a: StaffApplication): z.output<typeof applicationBody> => ({
  id: a.id,
  opportunityId: a.opportunityId,
  citizenId: a.citizenId,
  state: a.state,
  queuedAt: a.queuedAt.toISOString(),
  createdAt: a.createdAt.toISOString(),
  decidedAt: iso(a.decidedAt),
  reason: a.reason,
  cancelledAt: iso(a.cancelledAt),
  hours: a.minutes == null ? null : hoursOf(a.minutes),
  peopleHelped: a.peopleHelped,
  attendanceAt: iso(a.attendanceAt),
  confirmedByVolunteer: a.confirmedByVolunteer,
  remindedDayAt: iso(a.remindedDayAt),
  remindedSoonAt: iso(a.remindedSoonAt),
  volunteer: a.volunteer,
  review: a.review,
});

const volunteerView = (v: Volunteer & { minor: boolean }): z.output<typeof volunteerBody> => ({
  citizenId: v.citizenId,
  name: v.name,
  phone: v.phone,
  regionId: v.regionId,
  districtId: v.districtId,
  directions: v.directions,
  areaIds: v.areaIds,
  skills: v.skills || null,
  availability: v.availability,
  birthYear: v.birthYear,
  minor: v.minor,
  parentConsent: v.parentConsent,
  signedUpAt: iso(v.signedUpAt),
});

/** A list answered a page at a time: the query's offset and limit are the page, the rest is the filter. */
async function paged<Q extends { offset: number; limit: number }, T, V>(
  query: Q,
  list: (filter: Omit<Q, 'offset' | 'limit'>, page: { offset: number; limit: number }) => Promise<{ items: T[]; total: number }>,
  view: (item: T) => V,
): Promise<{ items: V[]; total: number }> {
  const { offset, limit, ...filter } = query;
  const result = await list(filter, { offset, limit });
  return { items: result.items.map(view), total: result.total };
}

export const volunteeringRoutes = routeModule('volunteering', 'manager', (app, { guard: organiser, tags, opts }, services) => {
  const { opportunities, applications, profiles } = services.volunteering;

  app.get(
    '/api/volunteering/opportunities',
    opts('Opportunities in your scope, the latest start first, with application counts', { querystring: opportunitiesQuery, response: opportunitiesBody }),
    async (req) => paged(req.query, (filter, page) => opportunities.list(staffOf(req), filter, page), opportunityView),
  );

  app.post(
    '/api/volunteering/opportunities',
    opts('Create an opportunity; published at once (and announced to the volunteers it suits) with publish: true', {
      body: createBody,
      response: opportunityBody,
    }),
    async (req) => opportunityView(await opportunities.create(actorOf(req), staffOf(req), req.body)),
  );

  app.get(
    '/api/volunteering/opportunities/:id',
    opts('An opportunity with its application counts', { params: idParam, response: opportunityBody }),
    async (req) => opportunityView(await opportunities.get(staffOf(req), req.params.id)),
  );

  app.patch(
    '/api/volunteering/opportunities/:id',
    opts('Change an opportunity; a new time or place is sent to those who applied, more places go to the wait-list', {
      params: idParam,
      body: patchBody,
      response: opportunityBody,
    }),
    async (req) => opportunityView(await opportunities.update(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/volunteering/opportunities/:id',
    opts('Delete a draft (a published opportunity is cancelled instead)', { params: idParam, response: okBody }),
    async (req) => okAfter(opportunities.remove(actorOf(req), staffOf(req), req.params.id)),
  );

  for (const [action, summary] of [
    ['publish', 'Publish a draft: volunteers of its region and directions who did not opt out are told'],
    ['cancel', 'Cancel: every application still going on is cancelled and its volunteer told'],
  ] as const) {
    postAction(app, `/api/volunteering/opportunities/:id/${action}`, {
      onRequest: organiser,
      tags,
      summary,
      response: opportunityBody,
      act: async (req, id) => opportunityView(await opportunities[action](actorOf(req), staffOf(req), id)),
    });
  }

  app.get(
    '/api/volunteering/opportunities/:id/applications',
    opts('Applications in queue order, with the volunteer and the review', { params: idParam, querystring: applicationsQuery, response: applicationsBody }),
    async (req) => ({ items: (await opportunities.applications(staffOf(req), req.params.id, req.query.state)).map(applicationView) }),
  );

  /** POST /api/volunteering/applications/:id/<action>: does it, then answers with the application. */
  const applicationAction = <B extends z.ZodType | undefined>(
    action: string,
    summary: string,
    body: B,
    act: Parameters<typeof postAction<B, unknown>>[2]['act'],
  ) =>
    postAction(app, `/api/volunteering/applications/:id/${action}`, {
      onRequest: organiser,
      tags,
      summary,
      body,
      response: applicationBody,
      act,
      answer: async (req, id) => applicationView(await opportunities.application(staffOf(req), id)),
    });
  const decide = (req: Parameters<typeof actorOf>[0], id: number, decision: Parameters<typeof applications.decide>[3]) =>
    applications.decide(actorOf(req), staffOf(req), id, decision);

  applicationAction('approve', 'Approve (a minor only with the parent’s consent set; no more than the places needed)', undefined, (req, id) =>
    decide(req, id, { action: 'approve' }),
  );
  applicationAction('decline', 'Decline with a reason the volunteer receives; a freed place goes to the wait-list', declineBody, (req, id, body) =>
    decide(req, id, { action: 'decline', reason: body.reason }),
  );
  applicationAction('waitlist', 'Move to the end of the wait-list', undefined, (req, id) => decide(req, id, { action: 'waitlist' }));
  applicationAction(
    'attendance',
    'After the start: took part (hours, people helped) or did not come; the volunteer is asked to confirm',
    attendanceBody,
    (req, id, body) => applications.recordAttendance(actorOf(req), staffOf(req), id, body),
  );

  app.put(
    '/api/volunteering/applications/:id/review',
    opts('Review the volunteer’s part in the event: 1–5 with a comment (4 and 5 count for «favourite volunteer»)', {
      params: idParam,
      body: reviewBody,
      response: applicationBody,
    }),
    async (req) => {
      await applications.review(actorOf(req), staffOf(req), req.params.id, req.body);
      return applicationView(await opportunities.application(staffOf(req), req.params.id));
    },
  );

  app.get('/api/volunteering/volunteers', opts('Signed-up volunteers in your scope', { querystring: volunteersQuery, response: volunteersBody }), async (req) =>
    paged(req.query, (filter, page) => profiles.list(staffOf(req), filter, page), volunteerView),
  );

  app.patch(
    '/api/volunteering/volunteers/:id',
    opts("Record (or withdraw) a parent's consent for a minor volunteer; :id is the citizen id", {
      params: idParam,
      body: consentBody,
      response: volunteerBody,
    }),
    async (req) => {
      const v = await profiles.setParentConsent(actorOf(req), staffOf(req), req.params.id, req.body.parentConsent);
      return volunteerView({ ...v, minor: isMinor(v.birthYear, services.now()) });
    },
  );
});
