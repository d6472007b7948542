// Opportunities for organisers: create (as a draft or published), change, publish (announced to the
// volunteers it suits), cancel (everyone who applied is told) and delete a draft; the scoped list and
// the applications of one opportunity. Published changes of time or place reach those who applied.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient, VolunteerApplication } from '../../generated/prisma/client.ts';
import type { VolunteerApplicationState, VolunteerDirection, VolunteerOpportunityStatus } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { fillFreedPlaces, lockOpportunity } from './volunteer-applications.ts';
import { volunteersToAnnounce } from './volunteer-match.ts';
import { applicationNotice, openOffers, tellVolunteer, withCard } from './volunteer-notify.ts';
import { ACTIVE, DIRECTIONS, EVENT_MAX_DAYS, isMinor, NEEDED_MAX } from './volunteer-rules.ts';
import { assertVolunteerScope, OPPORTUNITY, volunteerScopeWhere } from './volunteer-scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { openProject } from '../projects/project-scope.ts';
import { workingInitiative } from '../initiatives/initiative-access.ts';
import { PLACED, type PlacedOpportunity } from './volunteer-text.ts';

export interface OpportunityInput {
  titleKk: string;
  titleRu: string;
  descriptionKk?: string;
  descriptionRu?: string;
  organiserName: string;
  projectId?: number | null;
  /** the civic initiative this event carries out (issue 18): in the organiser's scope, published or in progress */
  initiativeId?: number | null;
  areaId?: number | null;
  directions?: VolunteerDirection[];
  regionId: number;
  districtId?: number | null;
  place: string;
  startsAt: Date;
  endsAt: Date;
  needed: number;
}

export interface OpportunityFilter {
  status?: VolunteerOpportunityStatus;
  regionId?: number;
  districtId?: number;
  from?: Date;
  to?: Date;
}

export type StateCounts = Record<VolunteerApplicationState, number>;
export type OpportunityWithCounts = PlacedOpportunity & { counts: StateCounts };

const EMPTY_COUNTS = (): StateCounts => ({ applied: 0, approved: 0, declined: 0, waitlisted: 0, cancelled: 0, attended: 0, no_show: 0 });
const DAY_MS = 86_400_000;

/** The organiser's view of an application: the volunteer's profile next to it (their minor status at the event). */
export type StaffApplication = VolunteerApplication & {
  volunteer: { name: string | null; phone: string | null; birthYear: number | null; minor: boolean; parentConsent: boolean } | null;
  review: { rating: number; comment: string | null } | null;
};

async function countsOf(tx: Tx, ids: number[]): Promise<Map<number, StateCounts>> {
  const groups = await tx.volunteerApplication.groupBy({ by: ['opportunityId', 'state'], where: { opportunityId: { in: ids } }, _count: { _all: true } });
  const map = new Map(ids.map((id) => [id, EMPTY_COUNTS()]));
  for (const g of groups) map.get(g.opportunityId)![g.state] = g._count._all;
  return map;
}

async function checkInput(
  tx: Tx,
  staff: StaffPrincipal,
  o: OpportunityInput,
  at: Date,
  isNew: boolean,
  linksProject: boolean,
  linksInitiative = false,
): Promise<void> {
  if (!o.titleKk.trim() || !o.titleRu.trim()) throw invalid('volunteer.title_required');
  if (!o.organiserName.trim() || !o.place.trim()) throw invalid('volunteer.fields_required');
  if (!(o.startsAt < o.endsAt)) throw invalid('volunteer.bad_times');
  if (o.endsAt.getTime() - o.startsAt.getTime() > EVENT_MAX_DAYS * DAY_MS) throw invalid('volunteer.too_long', { days: EVENT_MAX_DAYS });
  if (isNew && o.startsAt <= at) throw invalid('volunteer.starts_in_past');
  if (!Number.isInteger(o.needed) || o.needed < 1 || o.needed > NEEDED_MAX) throw invalid('volunteer.bad_needed', { max: NEEDED_MAX });
  if ((o.directions ?? []).some((d) => !DIRECTIONS.includes(d))) throw invalid('volunteer.unknown_direction');
  if (!(await tx.region.findUnique({ where: { id: o.regionId } }))) throw invalid('volunteer.unknown_region');
  if (o.districtId != null) {
    const d = await tx.district.findUnique({ where: { id: o.districtId } });
    if (!d || d.regionId !== o.regionId) throw invalid('volunteer.district_not_in_region');
  }
  if (o.areaId != null && !(await tx.area.findUnique({ where: { id: o.areaId } }))) throw invalid('volunteer.unknown_area');
  // A project newly named must be the organiser's and still running; one named before stays as it was.
  if (o.projectId != null && linksProject) await openProject(tx, staff, o.projectId, () => invalid('volunteer.unknown_project'));
  if (o.initiativeId != null && linksInitiative) await workingInitiative(tx, staff, o.initiativeId, () => invalid('volunteer.unknown_initiative'));
}

/** Tells every volunteer it suits about a published opportunity, at most once each (the dedupe key). */
async function announce(tx: Tx, i18n: i18n, o: PlacedOpportunity, at: Date): Promise<number> {
  const people = await volunteersToAnnounce(tx, o.id);
  for (const citizenId of people) {
    await tellVolunteer(tx, i18n, citizenId, {
      kind: 'volunteer.announce',
      dedupeKey: `volunteer:announce:${o.id}:${citizenId}`,
      at,
      text: withCard('announce', o),
      offers: (t) => openOffers(t, o.id),
    });
  }
  return people.length;
}

/** The opportunity, locked for the transaction, if the organiser's scope covers it. */
async function lockedInScope(tx: Tx, staff: StaffPrincipal, id: number): Promise<PlacedOpportunity> {
  const o = await lockOpportunity(tx, id);
  assertVolunteerScope(staff, o);
  return o;
}

export function createOpportunityService({ prisma, i18n, now = () => new Date() }: { prisma: PrismaClient; i18n: i18n; now?: () => Date }) {
  const scoped = (staff: StaffPrincipal, id: number): Promise<PlacedOpportunity> => loadInScope(prisma, staff, OPPORTUNITY, id);

  const service = {
    async get(staff: StaffPrincipal, id: number): Promise<OpportunityWithCounts> {
      const o = await scoped(staff, id);
      return { ...o, counts: (await countsOf(prisma, [id])).get(id)! };
    },

    async list(
      staff: StaffPrincipal,
      f: OpportunityFilter,
      page: { offset: number; limit: number },
    ): Promise<{ items: OpportunityWithCounts[]; total: number }> {
      const where: Prisma.VolunteerOpportunityWhereInput = {
        ...(f.status ? { status: f.status } : {}),
        ...(f.regionId ? { regionId: f.regionId } : {}),
        ...(f.districtId ? { districtId: f.districtId } : {}),
        ...(f.from || f.to ? { startsAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
        ...volunteerScopeWhere(staff),
      };
      const [rows, total] = await Promise.all([
        prisma.volunteerOpportunity.findMany({ where, include: PLACED, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], skip: page.offset, take: page.limit }),
        prisma.volunteerOpportunity.count({ where }),
      ]);
      const counts = await countsOf(
        prisma,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => ({ ...r, counts: counts.get(r.id)! })), total };
    },

    async create(actor: Actor, staff: StaffPrincipal, input: OpportunityInput & { publish?: boolean }): Promise<OpportunityWithCounts> {
      const at = now();
      assertVolunteerScope(staff, input);
      const id = await prisma.$transaction(async (tx) => {
        await checkInput(tx, staff, input, at, true, true, true);
        const { publish, ...fields } = input;
        const o = await tx.volunteerOpportunity.create({
          data: {
            ...fields,
            directions: fields.directions ?? [],
            createdById: staff.id,
            status: publish ? 'published' : 'draft',
            publishedAt: publish ? at : null,
          },
          include: PLACED,
        });
        await recordAudit(tx, actor, { action: 'volunteer.opportunity.create', entity: 'volunteer_opportunity', entityId: o.id, after: fields });
        if (publish) await announce(tx, i18n, o, at);
        return o.id;
      });
      return service.get(staff, id);
    },

    async update(actor: Actor, staff: StaffPrincipal, id: number, patch: Partial<OpportunityInput>): Promise<OpportunityWithCounts> {
      const at = now();
      await prisma.$transaction(async (tx) => {
        const before = await lockedInScope(tx, staff, id);
        if (before.status === 'cancelled') throw conflict('volunteer.opportunity_closed');
        const merged: OpportunityInput = { ...before, ...patch };
        assertVolunteerScope(staff, merged);
        await checkInput(
          tx,
          staff,
          merged,
          at,
          before.status === 'draft' || (patch.startsAt !== undefined && patch.startsAt.getTime() !== before.startsAt.getTime()),
          patch.projectId != null && patch.projectId !== before.projectId,
          patch.initiativeId != null && patch.initiativeId !== before.initiativeId,
        );
        const approved = await tx.volunteerApplication.count({ where: { opportunityId: id, state: 'approved' } });
        if (merged.needed < approved) throw conflict('volunteer.needed_below_approved', { approved });
        const o = await tx.volunteerOpportunity.update({ where: { id }, data: patch, include: PLACED });
        await recordAudit(tx, actor, { action: 'volunteer.opportunity.update', entity: 'volunteer_opportunity', entityId: id, before, after: patch });
        const retimed = o.startsAt.getTime() !== before.startsAt.getTime() || o.endsAt.getTime() !== before.endsAt.getTime();
        // A new time is a new occasion for the reminders and the question after the event.
        if (retimed)
          await tx.volunteerApplication.updateMany({ where: { opportunityId: id }, data: { remindedDayAt: null, remindedSoonAt: null, confirmAskedAt: null } });
        const moved = retimed || o.place !== before.place || o.districtId !== before.districtId;
        if (o.status === 'published' && moved) {
          const active = await tx.volunteerApplication.findMany({ where: { opportunityId: id, state: { in: ACTIVE } } });
          for (const a of active) await applicationNotice(tx, i18n, at, a, o, 'changed', o.updatedAt.getTime());
        }
        if (o.needed > before.needed) await fillFreedPlaces(tx, i18n, o, at);
      });
      return service.get(staff, id);
    },

    async publish(actor: Actor, staff: StaffPrincipal, id: number): Promise<OpportunityWithCounts> {
      const at = now();
      await prisma.$transaction(async (tx) => {
        const o = await lockedInScope(tx, staff, id);
        if (o.status !== 'draft') throw conflict('volunteer.not_draft');
        if (o.startsAt <= at) throw conflict('volunteer.starts_in_past');
        const published = await tx.volunteerOpportunity.update({ where: { id }, data: { status: 'published', publishedAt: at }, include: PLACED });
        await recordAudit(tx, actor, { action: 'volunteer.opportunity.publish', entity: 'volunteer_opportunity', entityId: id });
        await announce(tx, i18n, published, at);
      });
      return service.get(staff, id);
    },

    /** Cancels the event: every application still going on is cancelled and its volunteer told. */
    async cancel(actor: Actor, staff: StaffPrincipal, id: number): Promise<OpportunityWithCounts> {
      const at = now();
      await prisma.$transaction(async (tx) => {
        const o = await lockedInScope(tx, staff, id);
        if (o.status === 'cancelled') throw conflict('volunteer.opportunity_closed');
        if (o.endsAt <= at) throw conflict('volunteer.event_over');
        await tx.volunteerOpportunity.update({ where: { id }, data: { status: 'cancelled', cancelledAt: at } });
        const active = await tx.volunteerApplication.findMany({ where: { opportunityId: id, state: { in: ACTIVE } } });
        await tx.volunteerApplication.updateMany({ where: { id: { in: active.map((a) => a.id) } }, data: { state: 'cancelled', cancelledAt: at } });
        for (const a of active) await applicationNotice(tx, i18n, at, a, o, 'cancelled_event', at.getTime());
        await recordAudit(tx, actor, {
          action: 'volunteer.opportunity.cancel',
          entity: 'volunteer_opportunity',
          entityId: id,
          after: { applicationsCancelled: active.length },
        });
      });
      return service.get(staff, id);
    },

    /** Only a draft can be deleted (nobody has applied to it); a published one is cancelled instead. */
    async remove(actor: Actor, staff: StaffPrincipal, id: number): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const o = await lockedInScope(tx, staff, id);
        if (o.status !== 'draft') throw conflict('volunteer.delete_published');
        await tx.volunteerOpportunity.delete({ where: { id } });
        await recordAudit(tx, actor, { action: 'volunteer.opportunity.delete', entity: 'volunteer_opportunity', entityId: id, before: o });
      });
    },

    /** Applications in queue order, with the volunteer's profile and the review. */
    async applications(staff: StaffPrincipal, id: number, state?: VolunteerApplicationState): Promise<StaffApplication[]> {
      const o = await scoped(staff, id);
      const rows = await prisma.volunteerApplication.findMany({
        where: { opportunityId: id, ...(state ? { state } : {}) },
        include: {
          review: { select: { rating: true, comment: true } },
          citizen: { select: { volunteer: { select: { name: true, phone: true, birthYear: true, parentConsent: true } } } },
        },
        orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(({ citizen, ...a }) => ({
        ...a,
        volunteer: citizen.volunteer ? { ...citizen.volunteer, minor: isMinor(citizen.volunteer.birthYear, o.startsAt) } : null,
      }));
    },

    /** One application as the organiser sees it. */
    async application(staff: StaffPrincipal, applicationId: number): Promise<StaffApplication> {
      const a = await prisma.volunteerApplication.findUnique({ where: { id: applicationId }, select: { opportunityId: true } });
      if (!a) throw notFound('volunteer.application_not_found');
      return (await service.applications(staff, a.opportunityId)).find((x) => x.id === applicationId)!;
    },
  };
  return service;
}
