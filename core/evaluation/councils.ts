// Expert councils (seed 003, Rules p. 16): admins form them from staff accounts with the expert role,
// with each member's organisation and position as printed in Annex 7, and assign a council to a finished
// project. Every change is audited.
import type { i18n as I18n } from 'i18next';
import type { ExpertCouncil, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { nameIn } from '../projects/project-rules.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { sendStaffMessage } from '../staff/staff-messages.ts';
import { POSITION_MAX } from './evaluation-rules.ts';

export interface CouncilMemberView {
  staffUserId: number;
  fullName: string;
  position: string;
  active: boolean;
  addedAt: Date;
}

export type CouncilView = ExpertCouncil & { members: CouncilMemberView[]; projectIds: number[] };

export interface CouncilInput {
  name: string;
  regionId?: number | null;
  stateBodyId?: number | null;
}

export function createCouncilService({ prisma, i18n }: { prisma: PrismaClient; i18n: I18n }) {
  async function view(id: number): Promise<CouncilView> {
    const c = await prisma.expertCouncil.findUnique({
      where: { id },
      include: { members: { orderBy: { addedAt: 'asc' } }, projects: { select: { id: true }, orderBy: { id: 'asc' } } },
    });
    if (!c) throw notFound('evaluation.council_not_found');
    const staff = await prisma.staffUser.findMany({
      where: { id: { in: c.members.map((m) => m.staffUserId) } },
      select: { id: true, fullName: true, active: true },
    });
    const byId = new Map(staff.map((s) => [s.id, s]));
    const { members, projects, ...council } = c;
    return {
      ...council,
      members: members.map((m) => ({
        staffUserId: m.staffUserId,
        fullName: byId.get(m.staffUserId)?.fullName ?? '',
        position: m.position,
        active: byId.get(m.staffUserId)?.active ?? false,
        addedAt: m.addedAt,
      })),
      projectIds: projects.map((p) => p.id),
    };
  }

  async function checkInput(input: CouncilInput): Promise<void> {
    if (!input.name.trim()) throw invalid('evaluation.name_required');
    if (input.regionId != null && !(await prisma.region.findUnique({ where: { id: input.regionId }, select: { id: true } })))
      throw invalid('project.unknown_region');
    if (input.stateBodyId != null && !(await prisma.stateBody.findUnique({ where: { id: input.stateBodyId }, select: { id: true } })))
      throw invalid('project.unknown_state_body');
  }

  /** Councils are the admins' own, whatever the route says: every method takes the caller and checks the role here. */
  const admin = (staff: StaffPrincipal) => requireRole(staff, ['admin']);

  return {
    async get(staff: StaffPrincipal, id: number): Promise<CouncilView> {
      admin(staff);
      return view(id);
    },

    async list(staff: StaffPrincipal): Promise<CouncilView[]> {
      admin(staff);
      const ids = await prisma.expertCouncil.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
      const out: CouncilView[] = [];
      for (const { id } of ids) out.push(await view(id));
      return out;
    },

    async create(actor: Actor, staff: StaffPrincipal, input: CouncilInput): Promise<CouncilView> {
      admin(staff);
      await checkInput(input);
      const id = await prisma.$transaction(async (tx) => {
        const c = await tx.expertCouncil.create({
          data: {
            name: input.name.trim(),
            regionId: input.regionId ?? null,
            stateBodyId: input.stateBodyId ?? null,
            createdById: actor.id == null ? null : Number(actor.id),
          },
        });
        await recordAudit(tx, actor, { action: 'council.create', entity: 'expert_council', entityId: c.id, after: c });
        return c.id;
      });
      return view(id);
    },

    async update(actor: Actor, staff: StaffPrincipal, id: number, patch: Partial<CouncilInput>): Promise<CouncilView> {
      admin(staff);
      const before = await prisma.expertCouncil.findUnique({ where: { id } });
      if (!before) throw notFound('evaluation.council_not_found');
      await checkInput({ name: before.name, regionId: before.regionId, stateBodyId: before.stateBodyId, ...patch });
      await prisma.$transaction(async (tx) => {
        await tx.expertCouncil.update({ where: { id }, data: { ...patch, ...(patch.name ? { name: patch.name.trim() } : {}) } });
        await recordAudit(tx, actor, { action: 'council.update', entity: 'expert_council', entityId: id, before, after: patch });
      });
      return view(id);
    },

    async remove(actor: Actor, staff: StaffPrincipal, id: number): Promise<void> {
      admin(staff);
      const c = await view(id);
      if (c.projectIds.length > 0) throw conflict('evaluation.council_busy');
      await prisma.$transaction(async (tx) => {
        await tx.expertCouncil.delete({ where: { id } });
        await recordAudit(tx, actor, { action: 'council.delete', entity: 'expert_council', entityId: id, before: c });
      });
    },

    /** Adds a member or changes their position text; only an active staff account with the expert role. */
    async setMember(actor: Actor, staff: StaffPrincipal, councilId: number, staffUserId: number, position: string): Promise<CouncilView> {
      admin(staff);
      await view(councilId);
      const s = await prisma.staffUser.findUnique({ where: { id: staffUserId }, select: { active: true, roles: true } });
      if (!s || !s.active || !s.roles.includes('expert')) throw invalid('evaluation.not_expert');
      const text = position.trim().slice(0, POSITION_MAX);
      await prisma.$transaction(async (tx) => {
        const before = await tx.expertCouncilMember.findUnique({ where: { councilId_staffUserId: { councilId, staffUserId } } });
        await tx.expertCouncilMember.upsert({
          where: { councilId_staffUserId: { councilId, staffUserId } },
          create: { councilId, staffUserId, position: text },
          update: { position: text },
        });
        await recordAudit(tx, actor, {
          action: before ? 'council.member_update' : 'council.member_add',
          entity: 'expert_council',
          entityId: councilId,
          before: before ? { staffUserId, position: before.position } : undefined,
          after: { staffUserId, position: text },
        });
      });
      return view(councilId);
    },

    async removeMember(actor: Actor, staff: StaffPrincipal, councilId: number, staffUserId: number): Promise<CouncilView> {
      admin(staff);
      const m = await prisma.expertCouncilMember.findUnique({ where: { councilId_staffUserId: { councilId, staffUserId } } });
      if (!m) throw notFound('evaluation.member_not_found');
      await prisma.$transaction(async (tx) => {
        await tx.expertCouncilMember.delete({ where: { id: m.id } });
        await recordAudit(tx, actor, {
          action: 'council.member_remove',
          entity: 'expert_council',
          entityId: councilId,
          before: { staffUserId, position: m.position },
        });
      });
      return view(councilId);
    },

    /** A finished project gets the council that evaluates it; not once an expert declared or scored, nor once closed. */
    async assign(actor: Actor, staff: StaffPrincipal, projectId: number, councilId: number | null): Promise<void> {
      admin(staff);
      const p = await prisma.socialProject.findUnique({ where: { id: projectId } });
      if (!p) throw notFound('project.not_found');
      if (p.status !== 'finished') throw conflict('evaluation.project_not_finished');
      if (p.evaluationClosedAt) throw conflict('evaluation.closed');
      if (councilId != null) await view(councilId);
      await prisma.$transaction(async (tx) => {
        // Once an expert has declared or scored, another council would mix its members' sheets with
        // these (or orphan them): the council is fixed from the first declaration on.
        if (councilId !== p.councilId) {
          const started =
            (await tx.conflictDeclaration.count({ where: { projectId, purpose: 'evaluation' } })) + (await tx.expertScore.count({ where: { projectId } }));
          if (started > 0) throw conflict('evaluation.council_locked');
        }
        await tx.socialProject.update({ where: { id: projectId }, data: { councilId } });
        await recordAudit(tx, actor, {
          action: 'council.assign',
          entity: 'social_project',
          entityId: projectId,
          before: { councilId: p.councilId },
          after: { councilId },
        });
        if (councilId == null || councilId === p.councilId) return;
        // Each member learns there is a project to evaluate (a console notice, and Telegram if linked).
        const members = await tx.expertCouncilMember.findMany({ where: { councilId }, select: { staffUserId: true } });
        const experts = await tx.staffUser.findMany({ where: { id: { in: members.map((m) => m.staffUserId) }, active: true }, orderBy: { id: 'asc' } });
        await sendStaffMessage(tx, i18n, experts, {
          kind: 'evaluation.assigned',
          subjectId: projectId,
          occurrence: councilId,
          text: (t, locale) => t('projects:notice.evaluate', { name: nameIn(p, locale), supplier: p.supplierName }),
        });
      });
    },
  };
}
