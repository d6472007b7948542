// What monitoring needs to know of a project beyond its contract: the services of item 9 (4), the persons it
// plans to reach (indicator 3), its planned sum (Annex 9 column 4) and the technical specification's activities
// (indicator 1). Only the body's staff edit them; every change is audited.
import type { PrismaClient, ProjectActivity, SocialProject } from '../../generated/prisma/client.ts';
import type { ServiceKind } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { isDateString } from '../calendar/local-time.ts';
import { invalid, notFound } from '../errors.ts';
import { CONTRACT_SUM_MAX, dateOnly } from '../projects/project-rules.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { SERVICE_KINDS, TITLE_MAX } from './monitoring-rules.ts';
import { bodyProject, projectAccess } from './monitoring-scope.ts';

export interface SetupInput {
  serviceKinds: ServiceKind[];
  coverageTarget: number | null;
  /** thousand tenge */
  plannedSum: number | null;
}

export interface ActivityInput {
  titleKk: string;
  titleRu: string;
  unitKk?: string;
  unitRu?: string;
  plannedQuantity?: number | null;
  dueOn?: string | null;
}

function checkActivity(a: ActivityInput) {
  if (!a.titleKk.trim() || !a.titleRu.trim()) throw invalid('monitoring.activity_title_required');
  for (const s of [a.titleKk, a.titleRu, a.unitKk ?? '', a.unitRu ?? '']) if (s.length > TITLE_MAX) throw invalid('monitoring.text_long', { max: TITLE_MAX });
  if (a.plannedQuantity != null && (!Number.isFinite(a.plannedQuantity) || a.plannedQuantity < 0)) throw invalid('monitoring.bad_quantity');
  if (a.dueOn != null && !isDateString(a.dueOn)) throw invalid('monitoring.bad_date');
  return {
    titleKk: a.titleKk.trim(),
    titleRu: a.titleRu.trim(),
    unitKk: (a.unitKk ?? '').trim(),
    unitRu: (a.unitRu ?? '').trim(),
    plannedQuantity: a.plannedQuantity ?? null,
    dueOn: a.dueOn ? dateOnly(a.dueOn) : null,
  };
}

export function createSetupService({ prisma }: { prisma: PrismaClient }) {
  return {
    async setup(actor: Actor, staff: StaffPrincipal, projectId: number, input: SetupInput): Promise<SocialProject> {
      const kinds = [...new Set(input.serviceKinds)];
      if (kinds.some((k) => !SERVICE_KINDS.includes(k))) throw invalid('monitoring.bad_service_kind');
      if (input.coverageTarget != null && (!Number.isInteger(input.coverageTarget) || input.coverageTarget < 0)) throw invalid('monitoring.bad_quantity');
      if (input.plannedSum != null && (!Number.isFinite(input.plannedSum) || input.plannedSum < 0 || input.plannedSum > CONTRACT_SUM_MAX)) {
        throw invalid('project.bad_sum');
      }
      return prisma.$transaction(async (tx) => {
        const before = await bodyProject(tx, staff, projectId);
        const data = {
          serviceKinds: kinds,
          coverageTarget: input.coverageTarget,
          plannedSum: input.plannedSum == null ? null : Math.round(input.plannedSum * 10) / 10,
        };
        const after = await tx.socialProject.update({ where: { id: projectId }, data });
        await recordAudit(tx, actor, {
          action: 'monitoring.setup',
          entity: 'social_project',
          entityId: projectId,
          before: { serviceKinds: before.serviceKinds, coverageTarget: before.coverageTarget, plannedSum: before.plannedSum },
          after: data,
        });
        return after;
      });
    },

    async activities(staff: StaffPrincipal, projectId: number): Promise<ProjectActivity[]> {
      await projectAccess(prisma, staff, projectId);
      return prisma.projectActivity.findMany({ where: { projectId }, orderBy: { position: 'asc' } });
    },

    async addActivity(actor: Actor, staff: StaffPrincipal, projectId: number, input: ActivityInput): Promise<ProjectActivity> {
      const data = checkActivity(input);
      return prisma.$transaction(async (tx) => {
        await bodyProject(tx, staff, projectId);
        await tx.$queryRaw`SELECT id FROM "SocialProject" WHERE id = ${projectId} FOR UPDATE`;
        const last = await tx.projectActivity.findFirst({ where: { projectId }, orderBy: { position: 'desc' } });
        const a = await tx.projectActivity.create({ data: { projectId, position: (last?.position ?? 0) + 1, ...data, createdById: staff.id } });
        await recordAudit(tx, actor, { action: 'monitoring.activity_add', entity: 'project_activity', entityId: a.id, after: { projectId, ...data } });
        return a;
      });
    },

    async updateActivity(actor: Actor, staff: StaffPrincipal, activityId: number, input: ActivityInput): Promise<ProjectActivity> {
      const data = checkActivity(input);
      return prisma.$transaction(async (tx) => {
        const before = await tx.projectActivity.findUnique({ where: { id: activityId } });
        if (!before) throw notFound('monitoring.activity_not_found');
        await bodyProject(tx, staff, before.projectId);
        const a = await tx.projectActivity.update({ where: { id: activityId }, data });
        await recordAudit(tx, actor, { action: 'monitoring.activity_update', entity: 'project_activity', entityId: a.id, before, after: data });
        return a;
      });
    },

    /** Links a held event to the activity it carries out (indicator 1 counts them), or unlinks it (link false). */
    async linkEvent(actor: Actor, staff: StaffPrincipal, activityId: number, eventId: number, link: boolean): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const a = await tx.projectActivity.findUnique({ where: { id: activityId } });
        if (!a) throw notFound('monitoring.activity_not_found');
        await bodyProject(tx, staff, a.projectId);
        const e = await tx.projectEvent.findUnique({ where: { id: eventId } });
        if (!e || e.projectId !== a.projectId) throw invalid('monitoring.event_not_found');
        const activityIdAfter = link ? activityId : null;
        await tx.projectEvent.update({ where: { id: e.id }, data: { activityId: activityIdAfter } });
        await recordAudit(tx, actor, {
          action: 'monitoring.event_link',
          entity: 'project_event',
          entityId: e.id,
          before: { activityId: e.activityId },
          after: { activityId: activityIdAfter },
        });
      });
    },
  };
}
