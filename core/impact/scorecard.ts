// The balanced scorecard across a state body's projects (seed 000 3.3: financial, social and organisational
// effects), one row per project running in the year. Each cell carries its base; a cell without data is empty
// (null), never 0. The scorecard never shows an SROI ratio: that is never shown without its assumptions.
import type { PrismaClient, SocialProject } from '../../generated/prisma/client.ts';
import { localMidnight } from '../calendar/local-time.ts';
import { POSITIVE } from '../analytics/poll-indicators.ts';
import type { Tx } from '../db/tx.ts';
import { report as councilReport } from '../evaluation/expert-scoring.ts';
import { bodyInScope } from '../monitoring/forms/forms-scope.ts';
import { round1 } from '../numbers.ts';
import { grantStats } from '../projects/grant-stats.ts';
import { isoDate } from '../projects/project-rules.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { capped } from './framework-rules.ts';
import { indicatorView } from './indicator-values.ts';

export interface ScorecardRow {
  projectId: number;
  nameKk: string;
  nameRu: string;
  supplierName: string;
  financial: { contractSum: number; plannedSum: number | null; beneficiaries: number; costPerBeneficiary: number | null };
  social: {
    /** mean of the outcome indicators' latest progress, each capped to [0, 100] */
    outcomeProgress: number | null;
    outcomeIndicators: number;
    satisfaction: { index: number; base: number } | null;
    /** Annex 8 total, out of 20, once the evaluation is closed */
    expertScore: number | null;
  };
  organisational: {
    onTimeReporting: { percent: number; onTime: number; due: number } | null;
    measuresClosed: { percent: number; closed: number; due: number } | null;
    rounds: { completed: number; required: 2 };
  };
}

const pct = (k: number, n: number) => round1((k * 100) / n);

async function satisfactionOf(tx: Tx, projectId: number, until: Date) {
  const wave = await tx.pollWave.findFirst({
    where: {
      poll: { projectId },
      status: 'closed',
      closedAt: { lt: until },
      responses: { some: { answers: { some: { question: { type: 'satisfaction' } } } } },
    },
    orderBy: [{ closedAt: 'desc' }, { id: 'desc' }],
  });
  if (!wave) return null;
  const rows = await tx.pollAnswer.findMany({
    where: { question: { type: 'satisfaction' }, choice: { not: null }, response: { waveId: wave.id } },
    select: { choice: true },
  });
  if (rows.length === 0) return null;
  const positive = rows.filter((r) => (POSITIVE as readonly string[]).includes(r.choice!)).length;
  return { index: pct(positive, rows.length), base: rows.length };
}

export async function scorecardRow(tx: Tx, project: SocialProject, year: number, now: Date): Promise<ScorecardRow> {
  const yearEnd = localMidnight(`${year + 1}-01-01`);
  const asOf = now < yearEnd ? now : yearEnd;
  const lastDay = isoDate(project.endsOn) < `${year}-12-31` ? isoDate(project.endsOn) : `${year}-12-31`;
  const persons = (await grantStats(tx, project, { to: lastDay })).total;
  const contractSum = Number(project.contractSum);
  const planned = project.plannedProjectId ? await tx.plannedProject.findUnique({ where: { id: project.plannedProjectId } }) : null;
  const outcomes = await tx.resultIndicator.findMany({ where: { projectId: project.id, node: { level: 'outcome' } }, include: { values: true } });
  const progress: number[] = [];
  for (const ind of outcomes) {
    const p = (await indicatorView(tx, ind, project, asOf)).latest?.progress;
    if (p != null) progress.push(capped(p));
  }
  const council = project.evaluationClosedAt ? await councilReport(tx, project) : null;
  const requests = await tx.documentRequest.findMany({
    where: { projectId: project.id, dueOn: { not: null, lt: asOf } },
    select: { dueOn: true, receivedAt: true },
  });
  // received by the end of its due day (Almaty)
  const onTime = requests.filter((r) => r.receivedAt && r.receivedAt < localMidnight(isoDate(new Date(r.dueOn!.getTime() + 86_400_000)))).length;
  const measures = await tx.monitoringMeasure.findMany({ where: { projectId: project.id, dueOn: { lt: asOf } }, select: { status: true } });
  const closed = measures.filter((m) => m.status === 'done').length;
  return {
    projectId: project.id,
    nameKk: project.nameKk,
    nameRu: project.nameRu,
    supplierName: project.supplierName,
    financial: {
      contractSum,
      plannedSum: planned ? Number(planned.plannedSum) : null,
      beneficiaries: persons,
      costPerBeneficiary: persons > 0 ? Math.round((contractSum * 1000) / persons) : null,
    },
    social: {
      outcomeProgress: progress.length ? round1(progress.reduce((a, b) => a + b, 0) / progress.length) : null,
      outcomeIndicators: progress.length,
      satisfaction: await satisfactionOf(tx, project.id, asOf),
      expertScore: council?.total ?? null,
    },
    organisational: {
      onTimeReporting: requests.length ? { percent: pct(onTime, requests.length), onTime, due: requests.length } : null,
      measuresClosed: measures.length ? { percent: pct(closed, measures.length), closed, due: measures.length } : null,
      rounds: { completed: await tx.monitoringRound.count({ where: { projectId: project.id, year, status: 'completed' } }), required: 2 },
    },
  };
}

export function createScorecard({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  return {
    async get(staff: StaffPrincipal, q: { stateBodyId: number; year: number }): Promise<{ stateBodyId: number; year: number; rows: ScorecardRow[] }> {
      const body = await bodyInScope(prisma, staff, q.stateBodyId);
      const projects = await prisma.socialProject.findMany({
        where: {
          stateBodyId: body.id,
          status: { not: 'draft' },
          startsOn: { lte: new Date(`${q.year}-12-31T00:00:00Z`) },
          endsOn: { gte: new Date(`${q.year}-01-01T00:00:00Z`) },
        },
        orderBy: [{ startsOn: 'asc' }, { id: 'asc' }],
      });
      const rows: ScorecardRow[] = [];
      for (const p of projects) rows.push(await scorecardRow(prisma, p, q.year, now()));
      return { stateBodyId: body.id, year: q.year, rows };
    },
  };
}
