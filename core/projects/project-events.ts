// The events table of a project's grant report: when, where, in what form and with how many people.
// Events belong to a project in the caller's scope; a finished project's events are final. Every write
// is audited with who and when.
import type { PrismaClient, ProjectEvent, SocialProject } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { dateOnly, isoDate, PARTICIPANTS_MAX } from './project-rules.ts';

export interface EventInput {
  heldOn: string;
  place: string;
  form: string;
  participants: number;
  completeness?: string;
}

function checkEvent(e: EventInput, project: SocialProject): void {
  if (!e.place.trim() || !e.form.trim()) throw invalid('project.event_fields_required');
  if (!Number.isInteger(e.participants) || e.participants < 0 || e.participants > PARTICIPANTS_MAX)
    throw invalid('project.bad_participants', { max: PARTICIPANTS_MAX });
  const from = isoDate(project.startsOn);
  const to = isoDate(project.endsOn);
  if (e.heldOn < from || e.heldOn > to) throw invalid('project.event_out_of_period', { from, to });
}

/** An event's fields as stored: trimmed text, the day as a `@db.Date` value. */
const eventData = (e: EventInput) => ({
  heldOn: dateOnly(e.heldOn),
  place: e.place.trim(),
  form: e.form.trim(),
  participants: e.participants,
  completeness: e.completeness?.trim() ?? '',
});

export const notFinished = (p: SocialProject) => {
  if (p.status === 'finished') throw conflict('project.finished');
};

/** Events of a project, optionally of a period (dates inclusive), in date order. */
export function eventsIn(tx: Tx, projectId: number, period: { from?: string; to?: string }): Promise<ProjectEvent[]> {
  return tx.projectEvent.findMany({
    where: {
      projectId,
      ...(period.from || period.to
        ? { heldOn: { ...(period.from ? { gte: dateOnly(period.from) } : {}), ...(period.to ? { lte: dateOnly(period.to) } : {}) } }
        : {}),
    },
    orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
  });
}

export function createProjectEventService({
  prisma,
  scoped,
}: {
  prisma: PrismaClient;
  /** the project if the staff member may see it (project-admin.ts) */
  scoped: (staff: StaffPrincipal, id: number) => Promise<SocialProject>;
}) {
  /** An event whose project is in the caller's scope and not finished, with that project. */
  async function changeable(staff: StaffPrincipal, eventId: number) {
    const before = await prisma.projectEvent.findUnique({ where: { id: eventId } });
    if (!before) throw notFound('project.event_not_found');
    const project = await scoped(staff, before.projectId);
    notFinished(project);
    return { before, project };
  }

  return {
    async events(staff: StaffPrincipal, projectId: number, period: { from?: string; to?: string } = {}): Promise<ProjectEvent[]> {
      await scoped(staff, projectId);
      return eventsIn(prisma, projectId, period);
    },

    async addEvent(actor: Actor, staff: StaffPrincipal, projectId: number, e: EventInput): Promise<ProjectEvent> {
      const p = await scoped(staff, projectId);
      notFinished(p);
      checkEvent(e, p);
      return prisma.$transaction(async (tx) => {
        const created = await tx.projectEvent.create({
          data: { projectId, ...eventData(e), createdById: staff.id },
        });
        await recordAudit(tx, actor, { action: 'project.event_add', entity: 'project_event', entityId: created.id, after: created });
        return created;
      });
    },

    async updateEvent(actor: Actor, staff: StaffPrincipal, eventId: number, patch: Partial<EventInput>): Promise<ProjectEvent> {
      const { before, project: p } = await changeable(staff, eventId);
      const merged: EventInput = {
        heldOn: isoDate(before.heldOn),
        place: before.place,
        form: before.form,
        participants: before.participants,
        completeness: before.completeness,
        ...patch,
      };
      checkEvent(merged, p);
      return prisma.$transaction(async (tx) => {
        const after = await tx.projectEvent.update({
          where: { id: eventId },
          data: eventData(merged),
        });
        await recordAudit(tx, actor, { action: 'project.event_update', entity: 'project_event', entityId: eventId, before, after: patch });
        return after;
      });
    },

    async removeEvent(actor: Actor, staff: StaffPrincipal, eventId: number): Promise<void> {
      const { before } = await changeable(staff, eventId);
      await prisma.$transaction(async (tx) => {
        await tx.projectEvent.delete({ where: { id: eventId } });
        await recordAudit(tx, actor, { action: 'project.event_delete', entity: 'project_event', entityId: eventId, before });
      });
    },
  };
}
