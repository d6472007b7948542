// The volunteering API's shapes: an opportunity with its application counts, an application with the
// volunteer and the review, a signed-up volunteer, and what organisers write.
import { z } from 'zod';
import { VolunteerApplicationState, VolunteerOpportunityStatus, type VolunteerDirection } from '../../generated/prisma/enums.ts';
import {
  DIRECTIONS,
  HOURS_MAX,
  NEEDED_MAX,
  PEOPLE_HELPED_MAX,
  PLACE_MAX,
  REASON_MAX,
  REVIEW_COMMENT_MAX,
  TEXT_MAX,
  TITLE_MAX,
} from '../../core/volunteering/volunteer-rules.ts';
import { bodyId, dateTime, enumOf, instantOrNull, instantRange, kkRu, pageQuery, scopeQuery, someChange, totalPageOf } from '../schemas.ts';

const direction = z.enum(DIRECTIONS as [VolunteerDirection, ...VolunteerDirection[]]);
const appState = enumOf(VolunteerApplicationState);
const oppStatus = enumOf(VolunteerOpportunityStatus);

const fields = {
  ...kkRu('title', z.string().trim().min(1).max(TITLE_MAX)),
  ...kkRu('description', z.string().max(TEXT_MAX).optional()),
  organiserName: z.string().trim().min(1).max(200).describe('the NGO, resource centre or body, as volunteers see it'),
  projectId: bodyId.nullable().optional().describe('the social project this opportunity serves (GET /api/projects); an unknown id is refused with 400'),
  areaId: bodyId.nullable().optional().describe('one of the 19 areas of the state social order'),
  initiativeId: bodyId
    .nullable()
    .optional()
    .describe('the civic initiative this event carries out (published or in progress, in your scope); attendance counts towards it'),
  directions: z.array(direction).max(DIRECTIONS.length).optional().describe('none: suits every volunteer of the region'),
  regionId: bodyId,
  districtId: bodyId.nullable().optional().describe('null: the whole region'),
  place: z.string().trim().min(1).max(PLACE_MAX),
  startsAt: dateTime,
  endsAt: dateTime,
  needed: z.number().int().min(1).max(NEEDED_MAX).describe('volunteers needed'),
};
export const createBody = z.object({ ...fields, publish: z.boolean().default(false) });
export const patchBody = someChange(z.object(fields).partial());

export const opportunityBody = z.object({
  id: z.number(),
  ...fields,
  ...kkRu('description'),
  projectId: z.number().nullable(),
  initiativeId: z.number().nullable(),
  areaId: z.number().nullable(),
  directions: z.array(direction),
  districtId: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: oppStatus,
  publishedAt: instantOrNull,
  cancelledAt: instantOrNull,
  createdAt: z.string(),
  placesLeft: z.number().describe('needed minus the applications that hold a place (applied, approved)'),
  counts: z.record(appState, z.number()),
});
export const opportunitiesQuery = z.object({
  status: oppStatus.optional(),
  ...scopeQuery,
  ...instantRange('starting'),
  ...pageQuery,
});
export const opportunitiesBody = totalPageOf(opportunityBody);

export const applicationBody = z.object({
  id: z.number(),
  opportunityId: z.number(),
  citizenId: z.number(),
  state: appState,
  queuedAt: z.string().describe('the wait-list is first come, first served by this'),
  createdAt: z.string(),
  decidedAt: instantOrNull,
  reason: z.string().nullable(),
  cancelledAt: instantOrNull,
  hours: z.number().nullable(),
  peopleHelped: z.number().nullable(),
  attendanceAt: instantOrNull,
  confirmedByVolunteer: z.boolean().nullable().describe("the volunteer's own answer after the event"),
  remindedDayAt: instantOrNull,
  remindedSoonAt: instantOrNull,
  volunteer: z
    .object({ name: z.string().nullable(), phone: z.string().nullable(), birthYear: z.number().nullable(), minor: z.boolean(), parentConsent: z.boolean() })
    .nullable()
    .describe('null once the volunteer erased their data'),
  review: z.object({ rating: z.number(), comment: z.string().nullable() }).nullable(),
});
export const applicationsQuery = z.object({ state: appState.optional() });
export const applicationsBody = z.object({ items: z.array(applicationBody) });
export const declineBody = z.object({ reason: z.string().trim().min(1).max(REASON_MAX) });
export const attendanceBody = z
  .object({
    attended: z.boolean(),
    hours: z.number().positive().max(HOURS_MAX).optional(),
    peopleHelped: z.number().int().min(0).max(PEOPLE_HELPED_MAX).optional(),
  })
  .refine((b) => !b.attended || (b.hours !== undefined && b.peopleHelped !== undefined), 'hours and peopleHelped are required when attended');
export const reviewBody = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().max(REVIEW_COMMENT_MAX).nullable().optional() });

export const volunteerBody = z.object({
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
  signedUpAt: instantOrNull,
});
export const volunteersQuery = z.object({ ...scopeQuery, direction: direction.optional(), ...pageQuery });
export const volunteersBody = totalPageOf(volunteerBody);
export const consentBody = z.object({ parentConsent: z.boolean() });

export type Opportunity = z.output<typeof opportunityBody>;
export type Application = z.output<typeof applicationBody>;
export type Volunteer = z.output<typeof volunteerBody>;
export type OpportunityInput = z.input<typeof createBody>;
export type AttendanceInput = z.input<typeof attendanceBody>;
export type ReviewInput = z.input<typeof reviewBody>;
