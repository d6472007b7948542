// Independent monitors (item 9): a project whose contract sum exceeds 500 MCI of its financial year is monitored
// by an independent expert drawn from NGOs, at most one per project (SocialProject.monitorId holds the one). The
// invited expert first files the Annex 4 declaration (the same five questions as the council's Annex 6, so a
// declaration the expert gave about the same NGO pre-fills it); a declared conflict rules them out of the project
// for good, none makes them the project's monitor.
import type { i18n as I18n } from 'i18next';
import type { ConflictDeclaration, MonitorAssignment, PrismaClient, SocialProject } from '../../generated/prisma/client.ts';
import type { ConflictKind } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { CONFLICT_KINDS, DETAILS_MAX } from '../evaluation/evaluation-rules.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { nameIn } from '../projects/project-rules.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { sendStaffMessage } from '../staff/staff-messages.ts';
import { thresholdOf, type Threshold } from './mci.ts';
import { bodyProject, projectAccess, projectManagers } from './monitoring-scope.ts';

/** One answer of the Annex 4 form: yes needs the text the form asks for («егер иә болса, көрсету керек»). */
export interface DeclarationAnswer {
  yes: boolean;
  text?: string;
}
export type DeclarationAnswers = Record<ConflictKind, DeclarationAnswer>;

export interface MonitorView {
  threshold: Threshold;
  monitorId: number | null;
  assignments: MonitorAssignment[];
}

export function createMonitorService({ prisma, i18n, now }: { prisma: PrismaClient; i18n: I18n; now: () => Date }) {
  async function notifyManagers(tx: Tx, project: SocialProject, kind: string, expert: string, id: number) {
    await sendStaffMessage(tx, i18n, await projectManagers(tx, project), {
      kind,
      subjectId: id,
      occurrence: id,
      text: (t, locale) => t(`monitoring:staff.${kind.replace('monitoring.', '')}`, { project: nameIn(project, locale), expert }),
    });
  }

  return {
    async view(staff: StaffPrincipal, projectId: number): Promise<MonitorView> {
      const { project } = await projectAccess(prisma, staff, projectId);
      return {
        threshold: await thresholdOf(prisma, project),
        monitorId: project.monitorId,
        assignments: await prisma.monitorAssignment.findMany({ where: { projectId }, orderBy: { id: 'asc' } }),
      };
    },

    /** The body invites an expert; refused when not needed, taken, not an expert, or ruled out by a conflict. */
    async invite(actor: Actor, staff: StaffPrincipal, projectId: number, expertId: number): Promise<MonitorAssignment> {
      return prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "SocialProject" WHERE id = ${projectId} FOR UPDATE`;
        const project = await bodyProject(tx, staff, projectId);
        const t = await thresholdOf(tx, project);
        if (t.needsIndependent === null) throw conflict('monitoring.mci_unknown', { year: t.year });
        if (!t.needsIndependent) throw conflict('monitoring.monitor_not_required', { limit: t.limitThousand, year: t.year });
        const open = await tx.monitorAssignment.findFirst({ where: { projectId, status: { in: ['invited', 'active'] } } });
        if (open || project.monitorId != null) throw conflict('monitoring.monitor_taken');
        const expert = await tx.staffUser.findUnique({ where: { id: expertId } });
        if (!expert || !expert.active || !expert.roles.includes('expert')) throw invalid('monitoring.not_expert');
        const before = await tx.monitorAssignment.findUnique({ where: { projectId_expertId: { projectId, expertId } } });
        if (before?.status === 'refused_conflict') throw conflict('monitoring.conflict_declared');
        const data = {
          status: 'invited' as const,
          invitedById: staff.id,
          invitedAt: now(),
          declarationId: null,
          decidedAt: null,
          withdrawnAt: null,
          withdrawReason: null,
        };
        const a = before
          ? await tx.monitorAssignment.update({ where: { id: before.id }, data })
          : await tx.monitorAssignment.create({ data: { projectId, expertId, ...data } });
        await sendStaffMessage(tx, i18n, [expert], {
          kind: 'monitoring.monitor_invited',
          subjectId: a.id,
          occurrence: a.invitedAt.getTime(),
          text: (tr, locale) => tr('monitoring:staff.monitor_invited', { project: nameIn(project, locale) }),
        });
        await recordAudit(tx, actor, {
          action: 'monitoring.monitor_invite',
          entity: 'social_project',
          entityId: projectId,
          after: { assignmentId: a.id, expertId },
        });
        return a;
      });
    },

    /** The body withdraws the invitation or the active monitor (with a reason); the slot is free again. */
    async withdraw(actor: Actor, staff: StaffPrincipal, projectId: number, input: { reason: string }): Promise<void> {
      const reason = input.reason.trim();
      if (!reason) throw invalid('monitoring.reason_required');
      await prisma.$transaction(async (tx) => {
        await bodyProject(tx, staff, projectId);
        const a = await tx.monitorAssignment.findFirst({ where: { projectId, status: { in: ['invited', 'active'] } } });
        if (!a) throw notFound('monitoring.no_monitor');
        await tx.monitorAssignment.update({ where: { id: a.id }, data: { status: 'withdrawn', withdrawnAt: now(), withdrawReason: reason } });
        await tx.socialProject.update({ where: { id: projectId }, data: { monitorId: null } });
        await recordAudit(tx, actor, {
          action: 'monitoring.monitor_withdraw',
          entity: 'social_project',
          entityId: projectId,
          before: { expertId: a.expertId },
          after: { reason },
        });
      });
    },

    /** The expert's own assignments, with each project. */
    async mine(staff: StaffPrincipal) {
      if (!staff.roles.includes('expert')) throw forbidden('auth.role_required', { roles: 'expert' });
      return prisma.monitorAssignment.findMany({ where: { expertId: staff.id }, orderBy: { id: 'desc' }, include: { project: true, declaration: true } });
    },

    /**
     * Answers to pre-fill the form with: the expert's latest declaration (Annex 6 or 4) about the same NGO
     * (by BIN, else by name). The expert still confirms and signs a new one.
     */
    async draft(staff: StaffPrincipal, assignmentId: number): Promise<{ from: ConflictDeclaration | null; answers: DeclarationAnswers }> {
      const a = await prisma.monitorAssignment.findUnique({ where: { id: assignmentId }, include: { project: true } });
      if (!a || a.expertId !== staff.id) throw notFound('monitoring.assignment_not_found');
      const same = a.project.supplierBin ? { supplierBin: a.project.supplierBin } : { supplierName: a.project.supplierName };
      const from = await prisma.conflictDeclaration.findFirst({ where: { staffUserId: staff.id, project: same }, orderBy: { declaredAt: 'desc' } });
      const texts = (from?.answers ?? {}) as Partial<Record<ConflictKind, string>>;
      const answers = Object.fromEntries(
        CONFLICT_KINDS.map((k) => [k, { yes: !!from?.conflicts.includes(k), text: texts[k] ?? (from?.conflicts.includes(k) ? from.details : '') }]),
      ) as DeclarationAnswers;
      return { from, answers };
    },

    /** Annex 4, once: every question answered and the statement confirmed. */
    async declare(
      actor: Actor,
      staff: StaffPrincipal,
      assignmentId: number,
      input: { answers: Partial<DeclarationAnswers>; confirmed: boolean },
    ): Promise<MonitorAssignment> {
      if (!input.confirmed) throw invalid('monitoring.statement_required');
      const conflicts: ConflictKind[] = [];
      const texts: Partial<Record<ConflictKind, string>> = {};
      for (const k of CONFLICT_KINDS) {
        const a = input.answers[k];
        if (!a) throw invalid('monitoring.answer_required', { question: CONFLICT_KINDS.indexOf(k) + 1 });
        const text = (a.text ?? '').trim();
        if (text.length > DETAILS_MAX) throw invalid('monitoring.text_long', { max: DETAILS_MAX });
        if (a.yes && !text) throw invalid('monitoring.answer_text_required', { question: CONFLICT_KINDS.indexOf(k) + 1 });
        if (a.yes) {
          conflicts.push(k);
          texts[k] = text;
        }
      }
      return prisma.$transaction(async (tx) => {
        const a = await tx.monitorAssignment.findUnique({ where: { id: assignmentId } });
        if (!a || a.expertId !== staff.id) throw notFound('monitoring.assignment_not_found');
        if (a.status !== 'invited') throw conflict('monitoring.already_declared');
        await tx.$queryRaw`SELECT id FROM "SocialProject" WHERE id = ${a.projectId} FOR UPDATE`;
        const project = await tx.socialProject.findUniqueOrThrow({ where: { id: a.projectId } });
        const at = now();
        const d = await tx.conflictDeclaration.upsert({
          where: { projectId_staffUserId_purpose: { projectId: a.projectId, staffUserId: staff.id, purpose: 'monitoring' } },
          create: {
            projectId: a.projectId,
            staffUserId: staff.id,
            purpose: 'monitoring',
            conflicts,
            details: Object.values(texts).join('\n'),
            answers: texts,
            declaredAt: at,
          },
          update: { conflicts, details: Object.values(texts).join('\n'), answers: texts, declaredAt: at },
        });
        const status = conflicts.length ? ('refused_conflict' as const) : ('active' as const);
        const after = await tx.monitorAssignment.update({ where: { id: a.id }, data: { status, declarationId: d.id, decidedAt: at } });
        if (status === 'active') {
          await tx.socialProject.update({ where: { id: project.id }, data: { monitorId: staff.id } });
          // planned independent rounds now have their conductor
          await tx.monitoringRound.updateMany({
            where: { projectId: project.id, status: 'planned', conductedBy: 'independent' },
            data: { conductorId: staff.id },
          });
        }
        await notifyManagers(tx, project, status === 'active' ? 'monitoring.monitor_active' : 'monitoring.monitor_refused', staff.fullName, a.id);
        await recordAudit(tx, actor, {
          action: status === 'active' ? 'monitoring.declare_none' : 'monitoring.declare_conflict',
          entity: 'social_project',
          entityId: project.id,
          after: { assignmentId: a.id, conflicts, answers: texts },
        });
        return after;
      });
    },
  };
}
