// Volunteering for organisers (project managers; admins pass too), scoped by region and district:
// opportunities (create, change, publish, cancel, delete a draft), their applications (approve,
// decline with a reason, wait-list), attendance with hours and people helped, reviews 1–5, and the
// volunteers with the parent's-consent flag for minors. Rankings and certificates: volunteer-reports.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VolunteerApplicationState, VolunteerOpportunityStatus, type VolunteerDirection } from '../../generated/prisma/enums.ts';
import type { Volunteer } from '../../generated/prisma/client.ts';
import type { Services } from '../../core/services.ts';
import type { OpportunityWithCounts, StaffApplication } from '../../core/volunteering/volunteer-opportunities.ts';
import {
  DIRECTIONS,
  HOURS_MAX,
  hoursOf,
  isMinor,
  NEEDED_MAX,
  PEOPLE_HELPED_MAX,
  PLACE_MAX,
  REASON_MAX,
  REVIEW_COMMENT_MAX,
  TEXT_MAX,
  TITLE_MAX,
} from '../../core/volunteering/volunteer-rules.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { idParam, okBody, withErrors, pageQuery, positiveId, bodyId, dateTime } from '../schemas.ts';

const direction = z.enum(DIRECTIONS as [VolunteerDirection, ...VolunteerDirection[]]);
const appState = z.enum(Object.values(VolunteerApplicationState) as [VolunteerApplicationState, ...VolunteerApplicationState[]]);
const oppStatus = z.enum(Object.values(VolunteerOpportunityStatus) as [VolunteerOpportunityStatus, ...VolunteerOpportunityStatus[]]);
const id = positiveId;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const page = pageQuery;

const fields = {
  titleKk: z.string().trim().min(1).max(TITLE_MAX),
  titleRu: z.string().trim().min(1).max(TITLE_MAX),
  descriptionKk: z.string().max(TEXT_MAX).optional(),
  descriptionRu: z.string().max(TEXT_MAX).optional(),
  organiserName: z.string().trim().min(1).max(200).describe('the NGO, resource centre or body, as volunteers see it'),
  projectId: bodyId.nullable().optional().describe('the social project this opportunity serves (GET /api/projects); an unknown id is refused with 400'),
  areaId: bodyId.nullable().optional().describe('one of the 19 areas of the state social order'),
  directions: z.array(direction).max(DIRECTIONS.length).optional().describe('none: suits every volunteer of the region'),
  regionId: bodyId,
  districtId: bodyId.nullable().optional().describe('null: the whole region'),
  place: z.string().trim().min(1).max(PLACE_MAX),
  startsAt: dateTime,
  endsAt: dateTime,
  needed: z.number().int().min(1).max(NEEDED_MAX).describe('volunteers needed'),
};

const opportunityBody = z.object({
  id: z.number(),
  ...fields,
  descriptionKk: z.string(),
  descriptionRu: z.string(),
  projectId: z.number().nullable(),
  areaId: z.number().nullable(),
  directions: z.array(direction),
  districtId: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: oppStatus,
  publishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  placesLeft: z.number().describe('needed minus the applications that hold a place (applied, approved)'),
  counts: z.record(appState, z.number()),
});

const opportunityView = (o: OpportunityWithCounts): z.infer<typeof opportunityBody> => ({
  id: o.id,
  titleKk: o.titleKk,
  titleRu: o.titleRu,
  descriptionKk: o.descriptionKk,
  descriptionRu: o.descriptionRu,
  organiserName: o.organiserName,
  projectId: o.projectId,
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

const applicationBody = z.object({
  id: z.number(),
  opportunityId: z.number(),
  citizenId: z.number(),
  state: appState,
  queuedAt: z.string().describe('the wait-list is first come, first served by this'),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  hours: z.number().nullable(),
  peopleHelped: z.number().nullable(),
  attendanceAt: z.string().nullable(),
  confirmedByVolunteer: z.boolean().nullable().describe("the volunteer's own answer after the event"),
  remindedDayAt: z.string().nullable(),
  remindedSoonAt: z.string().nullable(),
  volunteer: z
    .object({ name: z.string().nullable(), phone: z.string().nullable(), birthYear: z.number().nullable(), minor: z.boolean(), parentConsent: z.boolean() })
    .nullable()
    .describe('null once the volunteer erased their data'),
  review: z.object({ rating: z.number(), comment: z.string().nullable() }).nullable(),
});

const applicationView = (a: StaffApplication): z.infer<typeof applicationBody> => ({
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

const volunteerBody = z.object({
  citizenId: z.number(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  regionId: z.number().nullable(),
  districtId: z.number().nullable(),
  directions: z.array(direction),
  areaIds: z.array(z.number()),
  skills: z.string().nullable(),
  availability: z.string().nullable(),
  birthYear: z.number().nullable(),
  minor: z.boolean().describe('under 18 this year (only the birth year is known)'),
  parentConsent: z.boolean(),
  signedUpAt: z.string().nullable(),
});

const volunteerView = (v: Volunteer & { minor: boolean }): z.infer<typeof volunteerBody> => ({
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

export const volunteeringRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const organiser = requireStaff(services.staff, ['project_manager']);
    const tags = ['volunteering'];
    const { opportunities, applications, profiles } = services.volunteering;

    app.get(
      '/api/volunteering/opportunities',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: 'Opportunities in your scope, the latest start first, with application counts',
          querystring: z.object({
            status: oppStatus.optional(),
            regionId: id.optional(),
            districtId: id.optional(),
            from: dateTime.optional().describe('starting at or after'),
            to: dateTime.optional().describe('starting at or before'),
            ...page,
          }),
          response: withErrors({ 200: z.object({ items: z.array(opportunityBody), total: z.number() }) }),
        },
      },
      async (req) => {
        const { offset, limit, ...filter } = req.query;
        const result = await opportunities.list(staffOf(req), filter, { offset, limit });
        return { items: result.items.map(opportunityView), total: result.total };
      },
    );

    app.post(
      '/api/volunteering/opportunities',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: 'Create an opportunity; published at once (and announced to the volunteers it suits) with publish: true',
          body: z.object({ ...fields, publish: z.boolean().default(false) }),
          response: withErrors({ 200: opportunityBody }),
        },
      },
      async (req) => opportunityView(await opportunities.create(actorOf(req), staffOf(req), req.body)),
    );

    app.get(
      '/api/volunteering/opportunities/:id',
      {
        onRequest: organiser,
        schema: { tags, summary: 'An opportunity with its application counts', params: idParam, response: withErrors({ 200: opportunityBody }) },
      },
      async (req) => opportunityView(await opportunities.get(staffOf(req), req.params.id)),
    );

    app.patch(
      '/api/volunteering/opportunities/:id',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: 'Change an opportunity; a new time or place is sent to those who applied, more places go to the wait-list',
          params: idParam,
          body: z
            .object(fields)
            .partial()
            .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
          response: withErrors({ 200: opportunityBody }),
        },
      },
      async (req) => opportunityView(await opportunities.update(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/volunteering/opportunities/:id',
      {
        onRequest: organiser,
        schema: { tags, summary: 'Delete a draft (a published opportunity is cancelled instead)', params: idParam, response: withErrors({ 200: okBody }) },
      },
      async (req) => {
        await opportunities.remove(actorOf(req), staffOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    for (const [action, summary] of [
      ['publish', 'Publish a draft: volunteers of its region and directions who did not opt out are told'],
      ['cancel', 'Cancel: every application still going on is cancelled and its volunteer told'],
    ] as const) {
      app.post(
        `/api/volunteering/opportunities/:id/${action}`,
        { onRequest: organiser, schema: { tags, summary, params: idParam, response: withErrors({ 200: opportunityBody }) } },
        async (req) => opportunityView(await opportunities[action](actorOf(req), staffOf(req), req.params.id)),
      );
    }

    app.get(
      '/api/volunteering/opportunities/:id/applications',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: 'Applications in queue order, with the volunteer and the review',
          params: idParam,
          querystring: z.object({ state: appState.optional() }),
          response: withErrors({ 200: z.object({ items: z.array(applicationBody) }) }),
        },
      },
      async (req) => ({ items: (await opportunities.applications(staffOf(req), req.params.id, req.query.state)).map(applicationView) }),
    );

    const decisions = [
      ['approve', 'Approve (a minor only with the parent’s consent set; no more than the places needed)', undefined],
      [
        'decline',
        'Decline with a reason the volunteer receives; a freed place goes to the wait-list',
        z.object({ reason: z.string().trim().min(1).max(REASON_MAX) }),
      ],
      ['waitlist', 'Move to the end of the wait-list', undefined],
    ] as const;
    for (const [action, summary, body] of decisions) {
      app.post(
        `/api/volunteering/applications/:id/${action}`,
        { onRequest: organiser, schema: { tags, summary, params: idParam, ...(body ? { body } : {}), response: withErrors({ 200: applicationBody }) } },
        async (req) => {
          const decision = action === 'decline' ? { action, reason: (req.body as { reason: string }).reason } : { action };
          await applications.decide(actorOf(req), staffOf(req), req.params.id, decision);
          return applicationView(await opportunities.application(staffOf(req), req.params.id));
        },
      );
    }

    app.post(
      '/api/volunteering/applications/:id/attendance',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: 'After the start: took part (hours, people helped) or did not come; the volunteer is asked to confirm',
          params: idParam,
          body: z
            .object({
              attended: z.boolean(),
              hours: z.number().positive().max(HOURS_MAX).optional(),
              peopleHelped: z.number().int().min(0).max(PEOPLE_HELPED_MAX).optional(),
            })
            .refine((b) => !b.attended || (b.hours !== undefined && b.peopleHelped !== undefined), 'hours and peopleHelped are required when attended'),
          response: withErrors({ 200: applicationBody }),
        },
      },
      async (req) => {
        await applications.recordAttendance(actorOf(req), staffOf(req), req.params.id, req.body);
        return applicationView(await opportunities.application(staffOf(req), req.params.id));
      },
    );

    app.put(
      '/api/volunteering/applications/:id/review',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: 'Review the volunteer’s part in the event: 1–5 with a comment (4 and 5 count for «favourite volunteer»)',
          params: idParam,
          body: z.object({ rating: z.number().int().min(1).max(5), comment: z.string().max(REVIEW_COMMENT_MAX).nullable().optional() }),
          response: withErrors({ 200: applicationBody }),
        },
      },
      async (req) => {
        await applications.review(actorOf(req), staffOf(req), req.params.id, req.body);
        return applicationView(await opportunities.application(staffOf(req), req.params.id));
      },
    );

    app.get(
      '/api/volunteering/volunteers',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: 'Signed-up volunteers in your scope',
          querystring: z.object({ regionId: id.optional(), districtId: id.optional(), direction: direction.optional(), ...page }),
          response: withErrors({ 200: z.object({ items: z.array(volunteerBody), total: z.number() }) }),
        },
      },
      async (req) => {
        const { offset, limit, ...filter } = req.query;
        const result = await profiles.list(staffOf(req), filter, { offset, limit });
        return { items: result.items.map(volunteerView), total: result.total };
      },
    );

    app.patch(
      '/api/volunteering/volunteers/:id',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: "Record (or withdraw) a parent's consent for a minor volunteer; :id is the citizen id",
          params: idParam,
          body: z.object({ parentConsent: z.boolean() }),
          response: withErrors({ 200: volunteerBody }),
        },
      },
      async (req) => {
        const v = await profiles.setParentConsent(actorOf(req), staffOf(req), req.params.id, req.body.parentConsent);
        return volunteerView({ ...v, minor: isMinor(v.birthYear, services.now()) });
      },
    );
  };
