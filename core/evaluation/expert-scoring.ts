// An expert's part in the evaluation of a finished project (seed 003, Rules p. 16–19): first the Annex 4/6
// declaration (no conflict of interest, or which ties to the NGO: membership, governance, payments in the
// last 3 years, family); a declared conflict recuses the expert. Without one, the expert scores the four
// criteria 1–5, each with a comment, and may change the scores until the admin closes the evaluation.
// Annex 7 is one expert's sheet; Annex 8 the council's average per criterion and the total.
import type { ConflictDeclaration, PrismaClient, SocialProject } from '../../generated/prisma/client.ts';
import type { ConflictKind } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { isAdmin, type StaffPrincipal } from '../staff/scope.ts';
import { round2 } from '../numbers.ts';
import { CRITERIA } from './criteria.ts';
import { COMMENT_MAX, CONFLICT_KINDS, DETAILS_MAX, SCORE_MAX, SCORE_MIN } from './evaluation-rules.ts';

export interface ScoreInput {
  criterion: number;
  score: number;
  comment: string;
}

export interface ExpertSheet {
  /** what the expert judges by: the Annex 5 fields of the finished project */
  project: Pick<
    SocialProject,
    | 'id'
    | 'nameKk'
    | 'nameRu'
    | 'supplierName'
    | 'areaId'
    | 'evaluationClosedAt'
    | 'goalsKk'
    | 'goalsRu'
    | 'objectivesKk'
    | 'objectivesRu'
    | 'activitiesKk'
    | 'activitiesRu'
    | 'resultsKk'
    | 'resultsRu'
    | 'startsOn'
    | 'endsOn'
  > & { contractSum: number };
  expert: { staffUserId: number; fullName: string; position: string };
  declaration: { conflicts: ConflictKind[]; details: string; declaredAt: Date } | null;
  recused: boolean;
  /** criterion 1..4 in order; null where not scored yet */
  scores: Array<{ criterion: number; score: number | null; comment: string | null; updatedAt: Date | null }>;
  /** Annex 7 "Жиынында": the sum of the four scores (4–20); null until all four are given */
  total: number | null;
  /** the day the sheet was last changed ("Толтыру күні") */
  filledAt: Date | null;
}

export interface CouncilReport {
  project: SocialProject;
  /** experts with all four scores, who are the base of the averages */
  scoredBy: Array<{ staffUserId: number; fullName: string; position: string; total: number }>;
  recused: Array<{ staffUserId: number; fullName: string }>;
  /**
   * Per criterion: the mean of the scoring experts' scores, rounded to 2 decimals, and their comments.
   * null when nobody scored yet.
   */
  criteria: Array<{ criterion: number; average: number | null; comments: Array<{ fullName: string; comment: string }> }>;
  /**
   * Annex 8 "Жиынында (балдарды есептеу)": the SUM of the four averages (4–20), like the Annex 7 total,
   * which is the sum of an expert's four scores. It equals the mean of the experts' Annex 7 totals, so
   * Annex 5 ("average score") shows this same number, out of 20.
   */
  total: number | null;
  closedAt: Date | null;
}

export function createExpertScoringService({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  /** The project and the expert's seat on its council; refuses anyone who is not on it. */
  async function seat(tx: Tx, staff: StaffPrincipal, projectId: number): Promise<{ project: SocialProject; position: string }> {
    const project = await tx.socialProject.findUnique({ where: { id: projectId } });
    if (!project) throw notFound('project.not_found');
    if (project.status !== 'finished') throw conflict('evaluation.project_not_finished');
    if (project.councilId == null) throw conflict('evaluation.no_council');
    const m = await tx.expertCouncilMember.findUnique({ where: { councilId_staffUserId: { councilId: project.councilId, staffUserId: staff.id } } });
    if (!m) throw forbidden('evaluation.not_member');
    return { project, position: m.position };
  }

  async function sheet(tx: Tx, project: SocialProject, staffUserId: number): Promise<ExpertSheet> {
    const s = await tx.staffUser.findUnique({ where: { id: staffUserId }, select: { fullName: true } });
    const m =
      project.councilId == null
        ? null
        : await tx.expertCouncilMember.findUnique({ where: { councilId_staffUserId: { councilId: project.councilId, staffUserId } } });
    const d = await tx.conflictDeclaration.findUnique({
      where: { projectId_staffUserId_purpose: { projectId: project.id, staffUserId, purpose: 'evaluation' } },
    });
    const rows = await tx.expertScore.findMany({ where: { projectId: project.id, staffUserId } });
    const scores = CRITERIA.map((c) => {
      const r = rows.find((x) => x.criterion === c.number);
      return { criterion: c.number, score: r?.score ?? null, comment: r?.comment ?? null, updatedAt: r?.updatedAt ?? null };
    });
    const complete = scores.every((x) => x.score != null);
    const dates = rows.map((r) => r.updatedAt.getTime());
    return {
      project: {
        id: project.id,
        nameKk: project.nameKk,
        nameRu: project.nameRu,
        supplierName: project.supplierName,
        areaId: project.areaId,
        evaluationClosedAt: project.evaluationClosedAt,
        goalsKk: project.goalsKk,
        goalsRu: project.goalsRu,
        objectivesKk: project.objectivesKk,
        objectivesRu: project.objectivesRu,
        activitiesKk: project.activitiesKk,
        activitiesRu: project.activitiesRu,
        resultsKk: project.resultsKk,
        resultsRu: project.resultsRu,
        startsOn: project.startsOn,
        endsOn: project.endsOn,
        contractSum: Number(project.contractSum),
      },
      expert: { staffUserId, fullName: s?.fullName ?? '', position: m?.position ?? '' },
      declaration: d ? { conflicts: d.conflicts, details: d.details, declaredAt: d.declaredAt } : null,
      recused: !!d && d.conflicts.length > 0,
      scores,
      total: complete ? scores.reduce((a, x) => a + x.score!, 0) : null,
      filledAt: dates.length ? new Date(Math.max(...dates)) : null,
    };
  }

  return {
    /** The project and the expert's position on its council; refused (403) to anyone not on it. */
    seat: (staff: StaffPrincipal, projectId: number) => seat(prisma, staff, projectId),

    /** Finished projects whose council the expert sits on, with where the expert stands on each. */
    async myProjects(staff: StaffPrincipal): Promise<ExpertSheet[]> {
      const seats = await prisma.expertCouncilMember.findMany({ where: { staffUserId: staff.id }, select: { councilId: true } });
      const projects = await prisma.socialProject.findMany({
        where: { status: 'finished', councilId: { in: seats.map((s) => s.councilId) } },
        orderBy: [{ endsOn: 'desc' }, { id: 'desc' }],
      });
      const out: ExpertSheet[] = [];
      for (const p of projects) out.push(await sheet(prisma, p, staff.id));
      return out;
    },

    /** Annex 7 of one expert: the expert themself, or an admin. */
    async sheet(staff: StaffPrincipal, projectId: number, staffUserId: number): Promise<ExpertSheet> {
      if (staffUserId !== staff.id && !isAdmin(staff)) throw forbidden('evaluation.not_member');
      const project = await prisma.socialProject.findUnique({ where: { id: projectId } });
      if (!project) throw notFound('project.not_found');
      if (staffUserId === staff.id && !isAdmin(staff)) await seat(prisma, staff, projectId);
      return sheet(prisma, project, staffUserId);
    },

    /** The Annex 4/6 declaration, given once: it is a signed statement, not a draft. */
    async declare(actor: Actor, staff: StaffPrincipal, projectId: number, input: { conflicts: ConflictKind[]; details?: string }): Promise<ExpertSheet> {
      const conflicts = [...new Set(input.conflicts)].filter((k) => CONFLICT_KINDS.includes(k));
      const details = (input.details ?? '').trim();
      if (conflicts.length > 0 && !details) throw invalid('evaluation.details_required');
      if (details.length > DETAILS_MAX) throw invalid('evaluation.comment_long', { max: DETAILS_MAX });
      return prisma.$transaction(async (tx) => {
        const { project } = await seat(tx, staff, projectId);
        if (project.evaluationClosedAt) throw conflict('evaluation.closed');
        const existing = await tx.conflictDeclaration.findUnique({
          where: { projectId_staffUserId_purpose: { projectId, staffUserId: staff.id, purpose: 'evaluation' } },
        });
        if (existing) throw conflict('evaluation.already_declared');
        const d: ConflictDeclaration = await tx.conflictDeclaration.create({
          data: { projectId, staffUserId: staff.id, conflicts, details, declaredAt: now() },
        });
        await recordAudit(tx, actor, {
          action: conflicts.length ? 'evaluation.declare_conflict' : 'evaluation.declare_none',
          entity: 'social_project',
          entityId: projectId,
          after: { staffUserId: staff.id, conflicts, details: d.details },
        });
        return sheet(tx, project, staff.id);
      });
    },

    /** Sets one or more of the expert's four scores; each needs a whole 1–5 and a comment. */
    async score(actor: Actor, staff: StaffPrincipal, projectId: number, items: ScoreInput[]): Promise<ExpertSheet> {
      for (const i of items) {
        if (!CRITERIA.some((c) => c.number === i.criterion)) throw invalid('evaluation.bad_criterion');
        if (!Number.isInteger(i.score) || i.score < SCORE_MIN || i.score > SCORE_MAX) throw invalid('evaluation.bad_score');
        if (!i.comment?.trim()) throw invalid('evaluation.comment_required');
        if (i.comment.length > COMMENT_MAX) throw invalid('evaluation.comment_long', { max: COMMENT_MAX });
      }
      if (new Set(items.map((i) => i.criterion)).size !== items.length) throw invalid('evaluation.bad_criterion');
      return prisma.$transaction(async (tx) => {
        const { project } = await seat(tx, staff, projectId);
        if (project.evaluationClosedAt) throw conflict('evaluation.closed');
        const d = await tx.conflictDeclaration.findUnique({
          where: { projectId_staffUserId_purpose: { projectId, staffUserId: staff.id, purpose: 'evaluation' } },
        });
        if (!d) throw conflict('evaluation.declaration_required');
        if (d.conflicts.length > 0) throw forbidden('evaluation.recused');
        for (const i of items) {
          const key = { projectId_staffUserId_criterion: { projectId, staffUserId: staff.id, criterion: i.criterion } };
          const before = await tx.expertScore.findUnique({ where: key });
          await tx.expertScore.upsert({
            where: key,
            create: { projectId, staffUserId: staff.id, criterion: i.criterion, score: i.score, comment: i.comment.trim() },
            update: { score: i.score, comment: i.comment.trim() },
          });
          await recordAudit(tx, actor, {
            action: 'evaluation.score',
            entity: 'social_project',
            entityId: projectId,
            before: before ? { criterion: i.criterion, score: before.score, comment: before.comment } : undefined,
            after: { staffUserId: staff.id, criterion: i.criterion, score: i.score, comment: i.comment.trim() },
          });
        }
        return sheet(tx, project, staff.id);
      });
    },

    /** Whether the expert declared a conflict of interest on the project (and so is recused). */
    async isRecused(projectId: number, staffUserId: number): Promise<boolean> {
      const d = await prisma.conflictDeclaration.findUnique({
        where: { projectId_staffUserId_purpose: { projectId, staffUserId, purpose: 'evaluation' } },
        select: { conflicts: true },
      });
      return !!d && d.conflicts.length > 0;
    },

    /** Annex 8 from the scores (provisional until closed). */
    async councilReport(projectId: number): Promise<CouncilReport> {
      const project = await prisma.socialProject.findUnique({ where: { id: projectId } });
      if (!project) throw notFound('project.not_found');
      return report(prisma, project);
    },

    /** The admin closes the evaluation: scores become final; at least one expert must have scored all four. */
    async close(actor: Actor, staff: StaffPrincipal, projectId: number): Promise<CouncilReport> {
      return prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "SocialProject" WHERE id = ${projectId} FOR UPDATE`;
        const project = await tx.socialProject.findUnique({ where: { id: projectId } });
        if (!project) throw notFound('project.not_found');
        if (project.status !== 'finished') throw conflict('evaluation.project_not_finished');
        if (project.councilId == null) throw conflict('evaluation.no_council');
        if (project.evaluationClosedAt) throw conflict('evaluation.closed');
        const r = await report(tx, project);
        if (r.scoredBy.length === 0) throw conflict('evaluation.nothing_scored');
        const at = now();
        const closed = await tx.socialProject.update({ where: { id: projectId }, data: { evaluationClosedAt: at, evaluationClosedById: staff.id } });
        await recordAudit(tx, actor, {
          action: 'evaluation.close',
          entity: 'social_project',
          entityId: projectId,
          after: { closedAt: at, total: r.total, scoredBy: r.scoredBy.map((e) => e.staffUserId) },
        });
        return { ...r, project: closed, closedAt: at };
      });
    },
  };
}

/**
 * Annex 8: averages over the experts who gave all four scores and declared no conflict. While the
 * evaluation is open only the council's current members count (a member removed mid-evaluation takes
 * their provisional scores along); once closed, the scores are final and all of them count, so removing
 * a member later does not rewrite a closed Annex 8. The council cannot change once anyone has declared
 * or scored (councils.ts assign), so every score is from the project's own council.
 */
export async function report(tx: Tx, project: SocialProject): Promise<CouncilReport> {
  const members =
    project.councilId == null ? [] : await tx.expertCouncilMember.findMany({ where: { councilId: project.councilId }, orderBy: { addedAt: 'asc' } });
  const counted = (staffUserId: number) => project.evaluationClosedAt != null || members.some((m) => m.staffUserId === staffUserId);
  const declarations = (await tx.conflictDeclaration.findMany({ where: { projectId: project.id, purpose: 'evaluation' } })).filter((d) =>
    counted(d.staffUserId),
  );
  const scores = (await tx.expertScore.findMany({ where: { projectId: project.id }, orderBy: [{ criterion: 'asc' }, { staffUserId: 'asc' }] })).filter((s) =>
    counted(s.staffUserId),
  );
  const ids = [...new Set([...members.map((m) => m.staffUserId), ...declarations.map((d) => d.staffUserId), ...scores.map((s) => s.staffUserId)])];
  const staff = await tx.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } });
  const name = (id: number) => staff.find((s) => s.id === id)?.fullName ?? '';
  const recusedIds = new Set(declarations.filter((d) => d.conflicts.length > 0).map((d) => d.staffUserId));
  const scoredIds = ids.filter((id) => !recusedIds.has(id) && CRITERIA.every((c) => scores.some((s) => s.staffUserId === id && s.criterion === c.number)));
  const scoredBy = scoredIds.map((id) => ({
    staffUserId: id,
    fullName: name(id),
    position: members.find((m) => m.staffUserId === id)?.position ?? '',
    total: scores.filter((s) => s.staffUserId === id).reduce((a, s) => a + s.score, 0),
  }));
  const criteria = CRITERIA.map((c) => {
    const base = scores.filter((s) => s.criterion === c.number && scoredIds.includes(s.staffUserId));
    return {
      criterion: c.number,
      average: base.length ? base.reduce((a, s) => a + s.score, 0) / base.length : null,
      comments: base.map((s) => ({ fullName: name(s.staffUserId), comment: s.comment })),
    };
  });
  const total = scoredIds.length ? round2(criteria.reduce((a, c) => a + c.average!, 0)) : null;
  return {
    project,
    scoredBy,
    recused: [...recusedIds].map((id) => ({ staffUserId: id, fullName: name(id) })),
    criteria: criteria.map((c) => ({ ...c, average: c.average == null ? null : round2(c.average) })),
    total,
    closedAt: project.evaluationClosedAt,
  };
}
