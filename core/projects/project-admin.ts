// Social projects for project managers and admins: the Annex 5 fields, draft → active → finished
// (finishing records the activities carried out and the results) and the scoped list with counts; the
// events of the grant report's table are project-events.ts. Every write is audited with who and when.
import type { Prisma, PrismaClient, SocialProject } from '../../generated/prisma/client.ts';
import type { ProjectStatus } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { usableStateBody } from '../discussions/state-body-service.ts';
import { CONTRACT_SUM_MAX, dateOnly, isoDate, NEXT_STATUS } from './project-rules.ts';
import { assertProjectScope, PROJECT, projectScopeWhere } from './project-scope.ts';
import { newInviteCode } from './project-invite.ts';
import { escapeLike } from '../text.ts';
import { createProjectEventService, notFinished } from './project-events.ts';

export interface ProjectInput {
  nameKk: string;
  nameRu: string;
  supplierName: string;
  supplierBin?: string | null;
  /** thousand tenge */
  contractSum: number;
  goalsKk?: string;
  goalsRu?: string;
  objectivesKk?: string;
  objectivesRu?: string;
  activitiesKk?: string;
  activitiesRu?: string;
  resultsKk?: string;
  resultsRu?: string;
  /** YYYY-MM-DD */
  startsOn: string;
  endsOn: string;
  areaId: number;
  regionId: number | null;
  stateBodyId?: number | null;
}

export interface FinishInput {
  activitiesKk: string;
  activitiesRu: string;
  resultsKk: string;
  resultsRu: string;
}

export interface ProjectFilter {
  status?: ProjectStatus;
  regionId?: number;
  stateBodyId?: number;
  areaId?: number;
  /** projects running at some time in this year */
  year?: number;
  /** part of the name (kk or ru) or of the supplier */
  q?: string;
}

export interface ProjectCounts {
  beneficiaries: number;
  events: number;
  /** the sum of the events' participant numbers (attendances, not persons) */
  eventParticipants: number;
}

export type ProjectWithCounts = SocialProject & { counts: ProjectCounts };

async function checkInput(tx: Tx, p: ProjectInput): Promise<void> {
  if (!p.nameKk.trim() || !p.nameRu.trim()) throw invalid('project.name_required');
  if (!p.supplierName.trim()) throw invalid('project.supplier_required');
  if (
    !Number.isFinite(p.contractSum) ||
    p.contractSum < 0 ||
    p.contractSum > CONTRACT_SUM_MAX ||
    Math.abs(Math.round(p.contractSum * 10) - p.contractSum * 10) > 1e-6
  )
    throw invalid('project.bad_sum');
  if (p.endsOn < p.startsOn) throw invalid('project.bad_period');
  if (!(await tx.area.findUnique({ where: { id: p.areaId }, select: { id: true } }))) throw invalid('project.unknown_area');
  if (p.regionId != null && !(await tx.region.findUnique({ where: { id: p.regionId }, select: { id: true } }))) throw invalid('project.unknown_region');
  if (p.stateBodyId != null && !(await tx.stateBody.findUnique({ where: { id: p.stateBodyId }, select: { id: true } })))
    throw invalid('project.unknown_state_body');
}

/** The input as Prisma stores it: calendar dates become `@db.Date` values. */
function projectData(p: Partial<ProjectInput>) {
  const { startsOn, endsOn, ...rest } = p;
  return { ...rest, ...(startsOn !== undefined ? { startsOn: dateOnly(startsOn) } : {}), ...(endsOn !== undefined ? { endsOn: dateOnly(endsOn) } : {}) };
}

const toInput = (p: SocialProject): ProjectInput => ({
  nameKk: p.nameKk,
  nameRu: p.nameRu,
  supplierName: p.supplierName,
  supplierBin: p.supplierBin,
  contractSum: Number(p.contractSum),
  startsOn: isoDate(p.startsOn),
  endsOn: isoDate(p.endsOn),
  areaId: p.areaId,
  regionId: p.regionId,
  stateBodyId: p.stateBodyId,
});

export async function countsOf(tx: Tx, ids: number[]): Promise<Map<number, ProjectCounts>> {
  const map = new Map(ids.map((id) => [id, { beneficiaries: 0, events: 0, eventParticipants: 0 }]));
  if (ids.length === 0) return map;
  const b = await tx.projectBeneficiary.groupBy({ by: ['projectId'], where: { projectId: { in: ids } }, _count: { _all: true } });
  for (const g of b) map.get(g.projectId)!.beneficiaries = g._count._all;
  const e = await tx.projectEvent.groupBy({ by: ['projectId'], where: { projectId: { in: ids } }, _count: { _all: true }, _sum: { participants: true } });
  for (const g of e) Object.assign(map.get(g.projectId)!, { events: g._count._all, eventParticipants: g._sum.participants ?? 0 });
  return map;
}

export function createProjectAdminService({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  /** The project if the staff member may see it; a project outside their region is refused (403). */
  const scoped = (staff: StaffPrincipal, id: number, tx: Tx = prisma): Promise<SocialProject> => loadInScope(tx, staff, PROJECT, id);

  async function withCounts(p: SocialProject): Promise<ProjectWithCounts> {
    return { ...p, counts: (await countsOf(prisma, [p.id])).get(p.id)! };
  }

  return {
    scoped,
    ...createProjectEventService({ prisma, scoped }),

    async get(staff: StaffPrincipal, id: number): Promise<ProjectWithCounts> {
      return withCounts(await scoped(staff, id));
    },

    async list(staff: StaffPrincipal, f: ProjectFilter, page: { offset: number; limit: number }): Promise<{ items: ProjectWithCounts[]; total: number }> {
      const q = f.q?.trim() ? escapeLike(f.q.trim()) : undefined;
      const where: Prisma.SocialProjectWhereInput = {
        ...(f.status ? { status: f.status } : {}),
        ...(f.regionId ? { regionId: f.regionId } : {}),
        ...(f.stateBodyId ? { stateBodyId: f.stateBodyId } : {}),
        ...(f.areaId ? { areaId: f.areaId } : {}),
        ...(f.year ? { startsOn: { lte: dateOnly(`${f.year}-12-31`) }, endsOn: { gte: dateOnly(`${f.year}-01-01`) } } : {}),
        ...(q
          ? {
              OR: [
                { nameKk: { contains: q, mode: 'insensitive' } },
                { nameRu: { contains: q, mode: 'insensitive' } },
                { supplierName: { contains: q, mode: 'insensitive' } },
              ],
            }
          : {}),
        ...projectScopeWhere(staff),
      };
      const total = await prisma.socialProject.count({ where });
      const rows = await prisma.socialProject.findMany({ where, orderBy: [{ startsOn: 'desc' }, { id: 'desc' }], skip: page.offset, take: page.limit });
      const counts = await countsOf(
        prisma,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => ({ ...r, counts: counts.get(r.id)! })), total };
    },

    async create(actor: Actor, staff: StaffPrincipal, input: ProjectInput): Promise<ProjectWithCounts> {
      // A regional manager creates projects of their own region only (the scope check refuses others).
      assertProjectScope(staff, { regionId: input.regionId });
      await checkInput(prisma, input);
      if (input.stateBodyId != null) await usableStateBody(prisma, staff, input.stateBodyId, 'project.unknown_state_body');
      const p = await prisma.$transaction(async (tx) => {
        const created = await tx.socialProject.create({
          data: { ...(projectData(input) as Omit<Prisma.SocialProjectUncheckedCreateInput, 'inviteCode'>), inviteCode: newInviteCode(), createdById: staff.id },
        });
        await recordAudit(tx, actor, { action: 'project.create', entity: 'social_project', entityId: created.id, after: created });
        return created;
      });
      return withCounts(p);
    },

    async update(actor: Actor, staff: StaffPrincipal, id: number, patch: Partial<ProjectInput>): Promise<ProjectWithCounts> {
      const before = await scoped(staff, id);
      notFinished(before);
      const merged = { ...toInput(before), ...patch };
      if (patch.regionId !== undefined) assertProjectScope(staff, { regionId: patch.regionId });
      await checkInput(prisma, merged);
      if (patch.stateBodyId != null) await usableStateBody(prisma, staff, patch.stateBodyId, 'project.unknown_state_body');
      const p = await prisma.$transaction(async (tx) => {
        const after = await tx.socialProject.update({ where: { id }, data: projectData(patch) });
        await recordAudit(tx, actor, { action: 'project.update', entity: 'social_project', entityId: id, before, after: patch });
        return after;
      });
      return withCounts(p);
    },

    /** draft → active: the invitation link starts registering beneficiaries. */
    async activate(actor: Actor, staff: StaffPrincipal, id: number): Promise<ProjectWithCounts> {
      return withCounts(await transition(actor, staff, id, 'active', {}));
    },

    /** active → finished, with the Annex 5 "activities carried out" and "results achieved" in both languages. */
    async finish(actor: Actor, staff: StaffPrincipal, id: number, input: FinishInput): Promise<ProjectWithCounts> {
      if (![input.activitiesKk, input.activitiesRu, input.resultsKk, input.resultsRu].every((s) => s?.trim())) throw invalid('project.results_required');
      return withCounts(await transition(actor, staff, id, 'finished', { ...input, finishedAt: now() }));
    },

    /** Only an empty draft goes away; anything that reached people stays for the reports. */
    async remove(actor: Actor, staff: StaffPrincipal, id: number): Promise<void> {
      const p = await scoped(staff, id);
      if (p.status !== 'draft') throw conflict('project.not_draft');
      const counts = (await countsOf(prisma, [id])).get(id)!;
      if (counts.beneficiaries > 0) throw conflict('project.has_beneficiaries');
      await prisma.$transaction(async (tx) => {
        await tx.socialProject.delete({ where: { id } });
        await recordAudit(tx, actor, { action: 'project.delete', entity: 'social_project', entityId: id, before: p });
      });
    },
  };

  async function transition(actor: Actor, staff: StaffPrincipal, id: number, to: ProjectStatus, data: Prisma.SocialProjectUpdateInput): Promise<SocialProject> {
    return prisma.$transaction(async (tx) => {
      // The row lock makes two simultaneous presses of "finish" one change, not two audit entries.
      await tx.$queryRaw`SELECT id FROM "SocialProject" WHERE id = ${id} FOR UPDATE`;
      const before = await scoped(staff, id, tx);
      if (NEXT_STATUS[before.status] !== to) throw conflict('project.bad_transition', { from: before.status, to });
      const after = await tx.socialProject.update({ where: { id }, data: { ...data, status: to } });
      await recordAudit(tx, actor, {
        action: `project.${to === 'active' ? 'activate' : 'finish'}`,
        entity: 'social_project',
        entityId: id,
        before: { status: before.status },
        after: { status: to, ...data },
      });
      return after;
    });
  }
}

export type ProjectAdminService = ReturnType<typeof createProjectAdminService>;
