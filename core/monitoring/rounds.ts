// Monitoring rounds of a project (item 9): at least 2 and at most 5 per calendar year depending on the term;
// a sixth is refused. Each round assesses the four indicators and uses at least two of the five tools; its
// indicators are frozen at completion. Every change is audited.
import type { DocumentRequest, MonitoringMeasure, MonitoringRound, Prisma, PrismaClient, RoundTool, SocialProject } from '../../generated/prisma/client.ts';
import type { ActivityCheck } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { almatyYear, isDateString, localDate } from '../calendar/local-time.ts';
import { conflict, invalid } from '../errors.ts';
import { dateOnly, isoDate } from '../projects/project-rules.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { liveIndicators, type Indicators } from './indicators.ts';
import { thresholdOf } from './mci.ts';
import { proposedDates, recommendedRounds, ROUNDS_MAX, ROUNDS_MIN, TEXT_MAX, TOOLS_MIN } from './monitoring-rules.ts';
import { bodyProject, conductedRound, projectAccess, roundAccess } from './monitoring-scope.ts';

export interface YearStatus {
  year: number;
  min: number;
  max: number;
  /** clamp(⌈days of the term in the year / 73⌉, 2, 5); 0 when the project does not run that year */
  recommended: number;
  planned: number;
  completed: number;
  /** warnings a manager sees: fewer than 2 rounds planned, or the year ended with fewer than 2 completed */
  warnings: Array<'plan_short' | 'year_short'>;
  /** the next round not yet completed, with its date */
  next: { roundId: number; plannedOn: string } | null;
}

export interface RoundDetail {
  round: MonitoringRound;
  project: SocialProject;
  indicators: Indicators;
  /** frozen: the indicators come from the snapshot */
  frozen: boolean;
  tools: RoundTool[];
  measures: MonitoringMeasure[];
  requests: Array<DocumentRequest & { files: number }>;
}

const active = { status: { not: 'cancelled' as const } };

export function createRoundService({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  const today = () => localDate(now());

  async function yearStatus(tx: Tx, project: SocialProject, year: number): Promise<YearStatus> {
    const rounds = await tx.monitoringRound.findMany({ where: { projectId: project.id, year, ...active }, orderBy: { plannedOn: 'asc' } });
    const completed = rounds.filter((r) => r.status === 'completed').length;
    const recommended = recommendedRounds(project, year);
    const warnings: YearStatus['warnings'] = [];
    if (recommended > 0 && rounds.length < ROUNDS_MIN) warnings.push('plan_short');
    const lastDay = [isoDate(project.endsOn), `${year}-12-31`].sort()[0]!;
    if (recommended > 0 && today() > lastDay && completed < ROUNDS_MIN) warnings.push('year_short');
    const next = rounds.find((r) => r.status === 'planned' || r.status === 'in_progress');
    return {
      year,
      min: ROUNDS_MIN,
      max: ROUNDS_MAX,
      recommended,
      planned: rounds.length,
      completed,
      warnings,
      next: next ? { roundId: next.id, plannedOn: isoDate(next.plannedOn) } : null,
    };
  }

  function checkDate(project: SocialProject, plannedOn: string): Date {
    if (!isDateString(plannedOn)) throw invalid('monitoring.bad_date');
    if (plannedOn < isoDate(project.startsOn) || plannedOn > isoDate(project.endsOn)) {
      throw invalid('monitoring.round_out_of_term', { from: isoDate(project.startsOn), to: isoDate(project.endsOn) });
    }
    return dateOnly(plannedOn);
  }

  /** Item 9: never a sixth non-cancelled round in a calendar year. Locks the project so two requests cannot both pass. */
  async function assertRoom(tx: Tx, projectId: number, year: number, excludeId?: number): Promise<void> {
    await tx.$queryRaw`SELECT id FROM "SocialProject" WHERE id = ${projectId} FOR UPDATE`;
    const n = await tx.monitoringRound.count({ where: { projectId, year, ...active, ...(excludeId ? { id: { not: excludeId } } : {}) } });
    if (n >= ROUNDS_MAX) throw conflict('monitoring.too_many_rounds', { max: ROUNDS_MAX, year });
  }

  async function detail(tx: Tx, project: SocialProject, round: MonitoringRound): Promise<RoundDetail> {
    const frozen = round.status === 'completed' && round.snapshot != null;
    const indicators = frozen ? (round.snapshot as unknown as Indicators) : await liveIndicators(tx, project, round);
    const tools = await tx.roundTool.findMany({ where: { roundId: round.id }, orderBy: { id: 'asc' } });
    const measures = await tx.monitoringMeasure.findMany({ where: { roundId: round.id }, orderBy: { id: 'asc' } });
    const requests = await tx.documentRequest.findMany({
      where: { roundId: round.id },
      orderBy: { id: 'asc' },
      include: { _count: { select: { files: true } } },
    });
    return { round, project, indicators, frozen, tools, measures, requests: requests.map(({ _count, ...r }) => ({ ...r, files: _count.files })) };
  }

  return {
    yearStatus: async (staff: StaffPrincipal, projectId: number, year: number) => {
      const { project } = await projectAccess(prisma, staff, projectId);
      return yearStatus(prisma, project, year);
    },
    yearStatusOf: (tx: Tx, project: SocialProject, year: number) => yearStatus(tx, project, year),

    async list(staff: StaffPrincipal, projectId: number, year?: number): Promise<MonitoringRound[]> {
      await projectAccess(prisma, staff, projectId);
      return prisma.monitoringRound.findMany({ where: { projectId, ...(year ? { year } : {}) }, orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }] });
    },

    /** Proposed dates for the recommended number of rounds of the year (nothing is saved). */
    async proposal(staff: StaffPrincipal, projectId: number, year: number): Promise<string[]> {
      const project = await bodyProject(prisma, staff, projectId);
      return proposedDates(project, year, recommendedRounds(project, year));
    },

    async plan(actor: Actor, staff: StaffPrincipal, projectId: number, input: { plannedOn: string }): Promise<MonitoringRound> {
      return prisma.$transaction(async (tx) => {
        const project = await bodyProject(tx, staff, projectId);
        if (project.status === 'finished') throw conflict('project.finished');
        const plannedOn = checkDate(project, input.plannedOn);
        const year = almatyYear(plannedOn);
        await assertRoom(tx, projectId, year);
        const t = await thresholdOf(tx, project);
        const round = await tx.monitoringRound.create({
          data: {
            projectId,
            year,
            plannedOn,
            conductedBy: t.needsIndependent ? 'independent' : 'self',
            conductorId: t.needsIndependent ? project.monitorId : null,
            createdById: staff.id,
          },
        });
        await recordAudit(tx, actor, {
          action: 'monitoring.round_plan',
          entity: 'monitoring_round',
          entityId: round.id,
          after: { projectId, plannedOn: input.plannedOn },
        });
        return round;
      });
    },

    async reschedule(actor: Actor, staff: StaffPrincipal, roundId: number, input: { plannedOn: string }): Promise<MonitoringRound> {
      return prisma.$transaction(async (tx) => {
        const { round } = await roundAccess(tx, staff, roundId);
        const project = await bodyProject(tx, staff, round.projectId);
        if (round.status !== 'planned') throw conflict('monitoring.round_not_planned');
        const plannedOn = checkDate(project, input.plannedOn);
        const year = almatyYear(plannedOn);
        if (year !== round.year) await assertRoom(tx, project.id, year, round.id);
        const after = await tx.monitoringRound.update({ where: { id: roundId }, data: { plannedOn, year, remindedAt: null, overdueAt: null } });
        await recordAudit(tx, actor, {
          action: 'monitoring.round_reschedule',
          entity: 'monitoring_round',
          entityId: roundId,
          before: { plannedOn: isoDate(round.plannedOn) },
          after: { plannedOn: input.plannedOn },
        });
        return after;
      });
    },

    /** Starting decides who conducts: above 500 MCI the active independent expert, who must be assigned first. */
    async start(actor: Actor, staff: StaffPrincipal, roundId: number): Promise<MonitoringRound> {
      return prisma.$transaction(async (tx) => {
        const { round, project, access } = await roundAccess(tx, staff, roundId);
        if (round.status !== 'planned') throw conflict('monitoring.round_not_planned');
        const t = await thresholdOf(tx, project);
        if (t.needsIndependent === null) throw conflict('monitoring.mci_unknown', { year: t.year });
        if (t.needsIndependent && project.monitorId == null) throw conflict('monitoring.monitor_required');
        if (t.needsIndependent && access !== 'monitor') throw conflict('monitoring.independent_conducts');
        if (!t.needsIndependent && access !== 'body') throw conflict('monitoring.body_only');
        const after = await tx.monitoringRound.update({
          where: { id: roundId },
          data: { status: 'in_progress', startedAt: now(), conductedBy: t.needsIndependent ? 'independent' : 'self', conductorId: staff.id },
        });
        await recordAudit(tx, actor, {
          action: 'monitoring.round_start',
          entity: 'monitoring_round',
          entityId: roundId,
          after: { conductedBy: after.conductedBy },
        });
        return after;
      });
    },

    /** Completion needs two tools with findings, every due activity checked and every standard item answered. */
    async complete(actor: Actor, staff: StaffPrincipal, roundId: number, input: { summary: string }): Promise<RoundDetail> {
      const summary = input.summary.trim();
      if (!summary) throw invalid('monitoring.summary_required');
      if (summary.length > TEXT_MAX) throw invalid('monitoring.text_long', { max: TEXT_MAX });
      return prisma.$transaction(async (tx) => {
        const { round, project } = await conductedRound(tx, staff, roundId);
        if (round.status !== 'in_progress') throw conflict('monitoring.round_not_started');
        const tools = await tx.roundTool.findMany({ where: { roundId } });
        if (tools.filter((x) => x.findings.trim()).length < TOOLS_MIN) throw conflict('monitoring.two_tools_required', { min: TOOLS_MIN });
        const indicators = await liveIndicators(tx, project, round);
        if (indicators.activities.some((a) => a.due && a.status == null)) throw conflict('monitoring.activities_unchecked');
        if (indicators.standard?.some((s) => s.compliant == null)) throw conflict('monitoring.standard_unchecked');
        const after = await tx.monitoringRound.update({
          where: { id: roundId },
          data: { status: 'completed', completedAt: now(), completedById: staff.id, summary, snapshot: indicators as unknown as Prisma.InputJsonValue },
        });
        await recordAudit(tx, actor, {
          action: 'monitoring.round_complete',
          entity: 'monitoring_round',
          entityId: roundId,
          after: { summary, tools: tools.map((x) => x.tool) },
        });
        return detail(tx, project, after);
      });
    },

    async cancel(actor: Actor, staff: StaffPrincipal, roundId: number, input: { reason: string }): Promise<MonitoringRound> {
      const reason = input.reason.trim();
      if (!reason) throw invalid('monitoring.reason_required');
      return prisma.$transaction(async (tx) => {
        const { round } = await roundAccess(tx, staff, roundId);
        await bodyProject(tx, staff, round.projectId);
        if (round.status === 'completed' || round.status === 'cancelled') throw conflict('monitoring.round_closed');
        const after = await tx.monitoringRound.update({ where: { id: roundId }, data: { status: 'cancelled', cancelReason: reason } });
        await recordAudit(tx, actor, { action: 'monitoring.round_cancel', entity: 'monitoring_round', entityId: roundId, after: { reason } });
        return after;
      });
    },

    async detail(staff: StaffPrincipal, roundId: number): Promise<RoundDetail> {
      const { round, project } = await roundAccess(prisma, staff, roundId);
      return detail(prisma, project, round);
    },

    /** Indicator 1: one activity planned vs done in this round, with evidence. */
    async checkActivity(
      actor: Actor,
      staff: StaffPrincipal,
      roundId: number,
      activityId: number,
      input: { status: ActivityCheck; doneQuantity?: number | null; evidence?: string },
    ): Promise<RoundDetail> {
      const evidence = (input.evidence ?? '').trim();
      if (evidence.length > TEXT_MAX) throw invalid('monitoring.text_long', { max: TEXT_MAX });
      if ((input.status === 'done' || input.status === 'partly') && !evidence) throw invalid('monitoring.evidence_required');
      if (input.doneQuantity != null && (!Number.isFinite(input.doneQuantity) || input.doneQuantity < 0)) throw invalid('monitoring.bad_quantity');
      return prisma.$transaction(async (tx) => {
        const { round, project } = await conductedRound(tx, staff, roundId);
        if (round.status !== 'in_progress') throw conflict('monitoring.round_not_started');
        const activity = await tx.projectActivity.findUnique({ where: { id: activityId } });
        if (!activity || activity.projectId !== project.id) throw invalid('monitoring.activity_not_found');
        const data = { status: input.status, doneQuantity: input.doneQuantity ?? null, evidence };
        await tx.roundActivity.upsert({ where: { roundId_activityId: { roundId, activityId } }, create: { roundId, activityId, ...data }, update: data });
        await recordAudit(tx, actor, { action: 'monitoring.activity_check', entity: 'monitoring_round', entityId: roundId, after: { activityId, ...data } });
        return detail(tx, project, round);
      });
    },

    /** Indicator 4: the standard items of the project's service kinds, compliant or not, with a note. */
    async checkStandard(
      actor: Actor,
      staff: StaffPrincipal,
      roundId: number,
      items: Array<{ itemId: number; compliant: boolean | null; note?: string }>,
    ): Promise<RoundDetail> {
      return prisma.$transaction(async (tx) => {
        const { round, project } = await conductedRound(tx, staff, roundId);
        if (round.status !== 'in_progress') throw conflict('monitoring.round_not_started');
        for (const i of items) {
          const item = await tx.standardItem.findUnique({ where: { id: i.itemId } });
          // only the items indicator 4 lists: active ones of the project's service kinds
          if (!item || !item.active || !project.serviceKinds.includes(item.serviceKind)) throw invalid('monitoring.standard_item_not_found');
          const note = (i.note ?? '').trim();
          if (note.length > TEXT_MAX) throw invalid('monitoring.text_long', { max: TEXT_MAX });
          const data = { compliant: i.compliant, note };
          await tx.roundStandardCheck.upsert({
            where: { roundId_itemId: { roundId, itemId: i.itemId } },
            create: { roundId, itemId: i.itemId, ...data },
            update: data,
          });
        }
        await recordAudit(tx, actor, { action: 'monitoring.standard_check', entity: 'monitoring_round', entityId: roundId, after: { items } });
        return detail(tx, project, round);
      });
    },
  };
}
