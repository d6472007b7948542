// The four indicators of item 9, drafted live for a round and frozen in its snapshot at completion:
// (1) the technical specification's activities, planned vs done, with evidence; (2) the target audience's
// satisfaction from the project's poll waves, with the index and its change; (3) coverage of the target
// groups from the beneficiaries and the grant-report statistics; (4) for the service kinds of item 9 (4),
// compliance with the standard's indicators.
import type { MonitoringRound, SocialProject } from '../../generated/prisma/client.ts';
import type { ActivityCheck } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import { POSITIVE } from '../analytics/poll-indicators.ts';
import { grantStats } from '../projects/grant-stats.ts';
import { isoDate } from '../projects/project-rules.ts';

export interface ActivityIndicator {
  activityId: number;
  position: number;
  titleKk: string;
  titleRu: string;
  unitKk: string;
  unitRu: string;
  plannedQuantity: number | null;
  dueOn: string | null;
  /** due by the round's date */
  due: boolean;
  /** events linked to the activity held by the round's date */
  events: number;
  participants: number;
  doneQuantity: number | null;
  status: ActivityCheck | null;
  evidence: string;
}

export interface WaveSatisfaction {
  pollId: number;
  waveId: number;
  labelKk: string;
  labelRu: string;
  /** satisfaction answers, "hard to answer" included */
  base: number;
  positive: number;
  /** percent, one decimal; null without answers */
  index: number | null;
  /** percentage points against the poll's previous wave */
  change: number | null;
}

export interface Indicators {
  asOf: string;
  activities: ActivityIndicator[];
  satisfaction: WaveSatisfaction[];
  coverage: { persons: number; male: number; female: number; target: number | null; eventParticipants: number };
  /** null: the project has no service kind of item 9 (4) */
  standard: Array<{ itemId: number; serviceKind: string; textKk: string; textRu: string; compliant: boolean | null; note: string }> | null;
}

const percent = (positive: number, base: number) => (base === 0 ? null : Math.round((positive * 1000) / base) / 10);

/** Waves opened by the date, per poll; for each poll the latest (closed, else open) with its change. */
async function satisfaction(tx: Tx, projectId: number, until: Date): Promise<WaveSatisfaction[]> {
  const polls = await tx.poll.findMany({
    where: { projectId },
    orderBy: { id: 'asc' },
    include: { waves: { where: { opensAt: { lte: until } }, orderBy: { position: 'asc' } } },
  });
  const out: WaveSatisfaction[] = [];
  for (const poll of polls) {
    if (poll.waves.length === 0) continue;
    const perWave = [];
    for (const w of poll.waves) {
      const rows = await tx.pollAnswer.groupBy({
        by: ['choice'],
        where: { question: { pollId: poll.id, type: 'satisfaction' }, choice: { not: null }, response: { waveId: w.id } },
        _count: { _all: true },
      });
      const base = rows.reduce((a, r) => a + r._count._all, 0);
      const positive = rows.filter((r) => (POSITIVE as readonly string[]).includes(r.choice ?? '')).reduce((a, r) => a + r._count._all, 0);
      perWave.push({ w, base, positive, index: percent(positive, base) });
    }
    if (perWave.every((x) => x.base === 0)) continue;
    const closed = perWave.filter((x) => x.w.status === 'closed');
    const latest = closed.at(-1) ?? perWave.at(-1)!;
    const previous = perWave.filter((x) => x.w.position < latest.w.position && x.index != null).at(-1);
    out.push({
      pollId: poll.id,
      waveId: latest.w.id,
      labelKk: latest.w.labelKk,
      labelRu: latest.w.labelRu,
      base: latest.base,
      positive: latest.positive,
      index: latest.index,
      change: latest.index != null && previous?.index != null ? Math.round((latest.index - previous.index) * 10) / 10 : null,
    });
  }
  return out;
}

export async function liveIndicators(tx: Tx, project: SocialProject, round: MonitoringRound): Promise<Indicators> {
  const asOf = isoDate(round.plannedOn);
  const activities = await tx.projectActivity.findMany({
    where: { projectId: project.id },
    orderBy: { position: 'asc' },
    include: { events: { where: { heldOn: { lte: round.plannedOn } } }, checks: { where: { roundId: round.id } } },
  });
  const from = isoDate(project.startsOn);
  const to = asOf < from ? from : asOf > isoDate(project.endsOn) ? isoDate(project.endsOn) : asOf;
  const stats = await grantStats(tx, project, { from, to });
  let standard: Indicators['standard'] = null;
  if (project.serviceKinds.length > 0) {
    const items = await tx.standardItem.findMany({
      where: { active: true, serviceKind: { in: project.serviceKinds } },
      orderBy: [{ serviceKind: 'asc' }, { position: 'asc' }],
      include: { checks: { where: { roundId: round.id } } },
    });
    standard = items.map((i) => ({
      itemId: i.id,
      serviceKind: i.serviceKind,
      textKk: i.textKk,
      textRu: i.textRu,
      compliant: i.checks[0]?.compliant ?? null,
      note: i.checks[0]?.note ?? '',
    }));
  }
  return {
    asOf,
    activities: activities.map((a) => ({
      activityId: a.id,
      position: a.position,
      titleKk: a.titleKk,
      titleRu: a.titleRu,
      unitKk: a.unitKk,
      unitRu: a.unitRu,
      plannedQuantity: a.plannedQuantity == null ? null : Number(a.plannedQuantity),
      dueOn: a.dueOn ? isoDate(a.dueOn) : null,
      due: a.dueOn != null && a.dueOn.getTime() <= round.plannedOn.getTime(),
      events: a.events.length,
      participants: a.events.reduce((s, e) => s + e.participants, 0),
      doneQuantity: a.checks[0]?.doneQuantity == null ? null : Number(a.checks[0].doneQuantity),
      status: a.checks[0]?.status ?? null,
      evidence: a.checks[0]?.evidence ?? '',
    })),
    satisfaction: await satisfaction(tx, project.id, new Date(round.plannedOn.getTime() + 86_400_000)),
    coverage: {
      persons: stats.total,
      male: stats.gender.male,
      female: stats.gender.female,
      target: project.coverageTarget,
      eventParticipants: stats.eventParticipants,
    },
    standard,
  };
}
