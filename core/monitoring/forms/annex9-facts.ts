// What Annex 9's column 7 is drafted from (plan §2.6): a project's monitoring rounds completed in the
// period, the tools they used, the latest round's plan progress and frozen indicators, and the measures
// the rounds set. Figures come from the rounds' snapshots, so a later edit never rewrites a closed round.
import type { PrismaClient } from '../../../generated/prisma/client.ts';
import { MONITORING_TOOLS, type Column7Facts, type MonitoringToolName } from './annex9-draft.ts';

export interface Period {
  year: number;
  /** the period's first instant and its last */
  from: Date;
  to: Date;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** The satisfaction part of a round's snapshot (R5 (2): one entry per poll, its latest wave): the first with answers. */
function satisfactionOf(snapshot: Record<string, unknown> | null): Column7Facts['satisfaction'] {
  const s = snapshot?.satisfaction;
  const list: unknown[] = Array.isArray(s) ? s : obj(s) ? [s] : [];
  for (const item of list) {
    const x = obj(item);
    const index = num(x?.index);
    const base = num(x?.base);
    if (index !== null && base !== null && base > 0) return { index, base, change: num(x?.change) };
  }
  return null;
}

/** Plan progress (R5 (1)) as the snapshot froze it: the activities due by the round, and those done. */
function activitiesOf(snapshot: Record<string, unknown> | null): Column7Facts['activities'] {
  if (!Array.isArray(snapshot?.activities)) return null;
  const due = (snapshot.activities as unknown[]).map(obj).filter((a) => a?.due === true);
  return { done: due.filter((a) => a?.status === 'done').length, due: due.length };
}

/** The coverage part (R5 (3)): persons reached by the round's date, against the planned target. */
function coverageOf(snapshot: Record<string, unknown> | null, target: number | null): Column7Facts['coverage'] {
  const c = obj(snapshot?.coverage);
  const persons = num(c?.persons);
  return persons === null ? null : { persons, target: num(c?.target) ?? target };
}

export async function column7Facts(prisma: PrismaClient, projectId: number, period: Period): Promise<Column7Facts> {
  const project = await prisma.socialProject.findUniqueOrThrow({ where: { id: projectId }, select: { coverageTarget: true } });
  const rounds = await prisma.monitoringRound.findMany({
    where: { projectId, year: period.year, status: { not: 'cancelled' } },
    include: { tools: { select: { tool: true } }, activities: { select: { status: true } } },
    orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
  });
  const done = rounds.filter((r) => r.status === 'completed' && r.completedAt !== null && r.completedAt.getTime() <= period.to.getTime());
  const used = new Set(done.flatMap((r) => r.tools.map((t) => t.tool as MonitoringToolName)));
  const last = done.at(-1) ?? null;
  const snapshot = obj(last?.snapshot ?? null);
  const measures = await prisma.monitoringMeasure.findMany({
    where: { projectId, roundId: { in: done.map((r) => r.id) } },
    select: { status: true, overdueAt: true },
  });
  const checked = last?.activities.filter((a) => a.status !== 'not_due') ?? [];
  return {
    roundsDone: done.length,
    roundsPlanned: rounds.length,
    tools: MONITORING_TOOLS.filter((t) => used.has(t)),
    activities: activitiesOf(snapshot) ?? (last ? { done: checked.filter((a) => a.status === 'done').length, due: checked.length } : null),
    satisfaction: satisfactionOf(snapshot),
    coverage: coverageOf(snapshot, project.coverageTarget),
    measures: {
      total: measures.length,
      closed: measures.filter((m) => m.status === 'done').length,
      late: measures.filter((m) => m.overdueAt !== null).length,
    },
    effect: last?.summary ?? null,
  };
}
