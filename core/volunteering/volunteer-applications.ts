// Applications: a volunteer applies (a place while there is one, else the wait-list), cancels before
// the start, and confirms after the event; the organiser approves (a minor only with a parent's
// consent), declines with a reason or wait-lists, then records attendance and reviews. A place that
// frees up goes to the head of the wait-list at once, with a notice. Every change is audited and
// every message to the volunteer goes through the outbox in the same transaction.
import type { i18n } from 'i18next';
import type { PrismaClient, VolunteerApplication } from '../../generated/prisma/client.ts';
import type { VolunteerApplicationState } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { applicationNotice } from './volunteer-notify.ts';
import { ACTIVE, HOLDS_PLACE, HOURS_MAX, isMinor, minutesOf, PEOPLE_HELPED_MAX, REASON_MAX, REVIEW_COMMENT_MAX } from './volunteer-rules.ts';
import { assertVolunteerScope } from './volunteer-scope.ts';
import { PLACED, type PlacedOpportunity } from './volunteer-text.ts';
import { esc } from '../text.ts';

/**
 * Locks the opportunity's row for the rest of the transaction: places are counted and taken one
 * transaction at a time, so two volunteers never get the last place both.
 */
export async function lockOpportunity(tx: Tx, id: number): Promise<PlacedOpportunity> {
  await tx.$queryRaw`SELECT id FROM "VolunteerOpportunity" WHERE id = ${id} FOR UPDATE`;
  const o = await tx.volunteerOpportunity.findUnique({ where: { id }, include: PLACED });
  if (!o) throw notFound('volunteer.opportunity_not_found');
  return o;
}

export const placesTaken = (tx: Tx, opportunityId: number) => tx.volunteerApplication.count({ where: { opportunityId, state: { in: HOLDS_PLACE } } });

/** 1 for the head of the wait-list. */
export async function queuePosition(tx: Tx, a: Pick<VolunteerApplication, 'id' | 'opportunityId' | 'queuedAt'>): Promise<number> {
  const ahead = await tx.volunteerApplication.count({
    where: { opportunityId: a.opportunityId, state: 'waitlisted', OR: [{ queuedAt: { lt: a.queuedAt } }, { queuedAt: a.queuedAt, id: { lt: a.id } }] },
  });
  return ahead + 1;
}

/**
 * Gives free places to the wait-list, first come first served, and tells each promoted volunteer.
 * `except` is an application the organiser just moved to the wait-list: it does not come straight back.
 */
export async function fillFreedPlaces(tx: Tx, i18n: i18n, o: PlacedOpportunity, at: Date, except?: number): Promise<number> {
  if (o.status !== 'published' || o.startsAt <= at) return 0;
  const free = o.needed - (await placesTaken(tx, o.id));
  if (free <= 0) return 0;
  const next = await tx.volunteerApplication.findMany({
    where: { opportunityId: o.id, state: 'waitlisted', ...(except ? { id: { not: except } } : {}) },
    orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
    take: free,
  });
  for (const a of next) {
    await tx.volunteerApplication.update({ where: { id: a.id }, data: { state: 'applied' } });
    await recordAudit(
      tx,
      { type: 'system' },
      { action: 'volunteer.promote', entity: 'volunteer_application', entityId: a.id, before: { state: 'waitlisted' }, after: { state: 'applied' } },
    );
    await applicationNotice(tx, i18n, at, a, o, 'promoted', at.getTime());
  }
  return next.length;
}

async function changeState(
  tx: Tx,
  actor: Actor,
  a: VolunteerApplication,
  state: VolunteerApplicationState,
  data: Partial<VolunteerApplication> = {},
  action = `volunteer.${state}`,
) {
  const updated = await tx.volunteerApplication.update({ where: { id: a.id }, data: { state, ...data } });
  await recordAudit(tx, actor, { action, entity: 'volunteer_application', entityId: a.id, before: { state: a.state }, after: { state, ...data } });
  return updated;
}

export interface ApplyResult {
  applicationId: number;
  state: 'applied' | 'waitlisted';
  /** place in the wait-list, 1 for the first */
  position: number | null;
}

export type Decision = { action: 'approve' } | { action: 'decline'; reason: string } | { action: 'waitlist' };

export interface Attendance {
  attended: boolean;
  hours?: number;
  peopleHelped?: number;
}

export function createApplicationService({ prisma, i18n, now = () => new Date() }: { prisma: PrismaClient; i18n: i18n; now?: () => Date }) {
  /** The application and its opportunity, locked, for a staff member whose scope covers it. */
  async function staffApplication(tx: Tx, staff: StaffPrincipal, applicationId: number) {
    const found = await tx.volunteerApplication.findUnique({ where: { id: applicationId }, select: { opportunityId: true } });
    if (!found) throw notFound('volunteer.application_not_found');
    const o = await lockOpportunity(tx, found.opportunityId);
    assertVolunteerScope(staff, o);
    const a = await tx.volunteerApplication.findUniqueOrThrow({ where: { id: applicationId } });
    return { a, o };
  }

  async function ownApplication(tx: Tx, citizenId: number, applicationId: number) {
    const a = await tx.volunteerApplication.findUnique({ where: { id: applicationId }, include: { opportunity: { include: PLACED } } });
    if (!a || a.citizenId !== citizenId) throw notFound('volunteer.application_not_found');
    return a;
  }

  return {
    async apply(citizenId: number, opportunityId: number): Promise<ApplyResult> {
      const at = now();
      return prisma.$transaction(async (tx) => {
        const volunteer = await tx.volunteer.findUnique({ where: { citizenId }, select: { signedUpAt: true } });
        if (!volunteer?.signedUpAt) throw conflict('volunteer.not_signed_up');
        const o = await lockOpportunity(tx, opportunityId);
        if (o.status !== 'published') throw conflict('volunteer.opportunity_closed');
        if (o.startsAt <= at) throw conflict('volunteer.opportunity_started');
        const existing = await tx.volunteerApplication.findUnique({ where: { opportunityId_citizenId: { opportunityId, citizenId } } });
        if (existing && existing.state === 'declined') throw conflict('volunteer.declined_before');
        if (existing && existing.state !== 'cancelled') throw conflict('volunteer.already_applied');
        const state = (await placesTaken(tx, opportunityId)) < o.needed ? 'applied' : 'waitlisted';
        // A cancelled application is taken up again, at the end of the queue.
        const data = { state, queuedAt: at, cancelledAt: null, decidedAt: null, decidedById: null, reason: null } as const;
        const a = existing
          ? await tx.volunteerApplication.update({ where: { id: existing.id }, data })
          : await tx.volunteerApplication.create({ data: { opportunityId, citizenId, createdAt: at, ...data } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'volunteer.apply', entity: 'volunteer_application', entityId: a.id, after: { opportunityId, state } },
        );
        return { applicationId: a.id, state, position: state === 'waitlisted' ? await queuePosition(tx, a) : null };
      });
    },

    /** Withdraws the citizen's application; refused once the event has started. */
    async cancel(citizenId: number, opportunityId: number): Promise<void> {
      const at = now();
      await prisma.$transaction(async (tx) => {
        const o = await lockOpportunity(tx, opportunityId);
        const a = await tx.volunteerApplication.findUnique({ where: { opportunityId_citizenId: { opportunityId, citizenId } } });
        if (!a || !ACTIVE.includes(a.state)) throw conflict('volunteer.nothing_to_cancel');
        if (o.startsAt <= at) throw conflict('volunteer.cancel_after_start');
        await changeState(tx, { type: 'citizen', id: citizenId }, a, 'cancelled', { cancelledAt: at }, 'volunteer.cancel');
        if (HOLDS_PLACE.includes(a.state)) await fillFreedPlaces(tx, i18n, o, at);
      });
    },

    /** The volunteer's answer after the event: took part or not (it may be changed). */
    async confirm(citizenId: number, applicationId: number, tookPart: boolean): Promise<void> {
      const at = now();
      await prisma.$transaction(async (tx) => {
        const a = await ownApplication(tx, citizenId, applicationId);
        if (a.opportunity.startsAt > at) throw conflict('volunteer.event_not_started');
        if (!['approved', 'attended', 'no_show'].includes(a.state)) throw conflict('volunteer.nothing_to_confirm');
        await tx.volunteerApplication.update({ where: { id: a.id }, data: { confirmedByVolunteer: tookPart, confirmedAt: at } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          {
            action: 'volunteer.confirm',
            entity: 'volunteer_application',
            entityId: a.id,
            before: { confirmed: a.confirmedByVolunteer },
            after: { confirmed: tookPart },
          },
        );
      });
    },

    async decide(actor: Actor, staff: StaffPrincipal, applicationId: number, decision: Decision): Promise<VolunteerApplication> {
      const at = now();
      return prisma.$transaction(async (tx) => {
        const { a, o } = await staffApplication(tx, staff, applicationId);
        if (o.status === 'cancelled') throw conflict('volunteer.opportunity_closed');
        if (o.endsAt <= at) throw conflict('volunteer.event_over');
        const decided = { decidedAt: at, decidedById: staff.id };
        if (decision.action === 'approve') {
          if (a.state !== 'applied' && a.state !== 'waitlisted') throw conflict('volunteer.bad_transition', { from: a.state, to: 'approved' });
          const approved = await tx.volunteerApplication.count({ where: { opportunityId: o.id, state: 'approved' } });
          if (approved >= o.needed) throw conflict('volunteer.full', { needed: o.needed });
          const volunteer = await tx.volunteer.findUnique({ where: { citizenId: a.citizenId }, select: { birthYear: true, parentConsent: true } });
          if (isMinor(volunteer?.birthYear ?? null, o.startsAt) && !volunteer?.parentConsent) throw conflict('volunteer.minor_needs_consent');
          const updated = await changeState(tx, actor, a, 'approved', { ...decided, reason: null });
          await applicationNotice(tx, i18n, at, a, o, 'approved', at.getTime());
          return updated;
        }
        if (decision.action === 'decline') {
          const reason = decision.reason.trim();
          if (!reason) throw invalid('volunteer.reason_required');
          if (reason.length > REASON_MAX) throw invalid('volunteer.reason_long', { max: REASON_MAX });
          if (!ACTIVE.includes(a.state)) throw conflict('volunteer.bad_transition', { from: a.state, to: 'declined' });
          const updated = await changeState(tx, actor, a, 'declined', { ...decided, reason });
          await applicationNotice(tx, i18n, at, a, o, 'declined', at.getTime(), { reason: esc(reason) });
          if (HOLDS_PLACE.includes(a.state)) await fillFreedPlaces(tx, i18n, o, at);
          return updated;
        }
        if (a.state !== 'applied' && a.state !== 'approved') throw conflict('volunteer.bad_transition', { from: a.state, to: 'waitlisted' });
        const updated = await changeState(tx, actor, a, 'waitlisted', { ...decided, queuedAt: at });
        await applicationNotice(tx, i18n, at, a, o, 'waitlisted', at.getTime(), { position: await queuePosition(tx, updated) });
        await fillFreedPlaces(tx, i18n, o, at, a.id);
        return updated;
      });
    },

    /** Attendance after the start: took part (hours, people helped) or did not come; may be corrected. */
    async recordAttendance(actor: Actor, staff: StaffPrincipal, applicationId: number, input: Attendance): Promise<VolunteerApplication> {
      const at = now();
      return prisma.$transaction(async (tx) => {
        const { a, o } = await staffApplication(tx, staff, applicationId);
        if (o.startsAt > at) throw conflict('volunteer.event_not_started');
        if (!['approved', 'attended', 'no_show'].includes(a.state)) throw conflict('volunteer.not_approved');
        if (!input.attended) {
          return changeState(
            tx,
            actor,
            a,
            'no_show',
            { minutes: null, peopleHelped: null, attendanceAt: at, attendanceById: staff.id },
            'volunteer.attendance',
          );
        }
        const { hours, peopleHelped } = input;
        if (hours === undefined || !(hours > 0) || hours > HOURS_MAX) throw invalid('volunteer.bad_hours', { max: HOURS_MAX });
        if (peopleHelped === undefined || !Number.isInteger(peopleHelped) || peopleHelped < 0 || peopleHelped > PEOPLE_HELPED_MAX)
          throw invalid('volunteer.bad_people', { max: PEOPLE_HELPED_MAX });
        const minutes = minutesOf(hours);
        const changed = a.state !== 'attended' || a.minutes !== minutes || a.peopleHelped !== peopleHelped;
        // New figures are asked about again; the volunteer's earlier answer was about the old ones.
        const updated = await changeState(
          tx,
          actor,
          a,
          'attended',
          { minutes, peopleHelped, attendanceAt: at, attendanceById: staff.id, ...(changed ? { confirmAskedAt: at } : {}) },
          'volunteer.attendance',
        );
        if (changed) await applicationNotice(tx, i18n, at, a, o, 'attended', `${minutes}:${peopleHelped}`, { hours, people: peopleHelped });
        return updated;
      });
    },

    async review(actor: Actor, staff: StaffPrincipal, applicationId: number, input: { rating: number; comment?: string | null }) {
      return prisma.$transaction(async (tx) => {
        const { a } = await staffApplication(tx, staff, applicationId);
        if (a.state !== 'attended') throw conflict('volunteer.review_needs_attendance');
        if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw invalid('volunteer.bad_rating');
        const comment = input.comment?.trim() || null;
        if (comment && comment.length > REVIEW_COMMENT_MAX) throw invalid('volunteer.comment_long', { max: REVIEW_COMMENT_MAX });
        const before = await tx.volunteerReview.findUnique({ where: { applicationId } });
        const data = { rating: input.rating, comment, staffUserId: staff.id };
        const review = await tx.volunteerReview.upsert({ where: { applicationId }, create: { applicationId, ...data }, update: data });
        await recordAudit(tx, actor, {
          action: 'volunteer.review',
          entity: 'volunteer_application',
          entityId: applicationId,
          before: before && { rating: before.rating },
          after: { rating: input.rating },
        });
        return review;
      });
    },
  };
}
