// The actual value of an indicator for a period from Azamat's own data (plan §3.2): beneficiaries and a group
// of them (grant statistics), event attendance and events held, a poll question of the latest wave closed by
// the period's end, consultations given under the project, volunteer hours and people helped. `null` when the
// data says nothing yet (no closed wave), never 0 in its place.
import type { ResultIndicator, SocialProject } from '../../generated/prisma/client.ts';
import { addDays, localDate, localMidnight } from '../calendar/local-time.ts';
import type { Period } from '../calendar/periods.ts';
import type { Tx } from '../db/tx.ts';
import { round1, round2 } from '../numbers.ts';
import { grantStats } from '../projects/grant-stats.ts';
import { defaultCodes, isFavourable } from './favourable.ts';
import { countedUntil } from './periods.ts';

export interface SourceConfig {
  /** beneficiaries_group */
  dimension?: 'gender' | 'socialStatus' | 'age';
  value?: string;
  /** event_attendance, events_held: one activity of the technical specification */
  activityId?: number;
  /** poll_question */
  questionId?: number;
  measure?: 'index' | 'share' | 'mean';
}

type Term = Pick<SocialProject, 'id' | 'startsOn' | 'endsOn'>;

/** [from, to) instants the indicator counts over for the period: the period itself, or the term up to its end. */
function window(ind: Pick<ResultIndicator, 'aggregation'>, p: Period, project: Term) {
  const last = countedUntil(p, project);
  const to = localMidnight(addDays(last, 1));
  const start = localDate(project.startsOn);
  const from = ind.aggregation === 'in_period' ? localMidnight(p.firstDay > start ? p.firstDay : start) : localMidnight(start);
  return { from, to, last };
}

async function pollValue(tx: Tx, cfg: SourceConfig, to: Date, projectId: number): Promise<number | null> {
  if (!cfg.questionId) return null;
  const q = await tx.pollQuestion.findFirst({ where: { id: cfg.questionId, poll: { projectId } }, include: { outcomeMeasure: true } });
  if (!q) return null;
  const wave = await tx.pollWave.findFirst({
    where: { pollId: q.pollId, status: 'closed', closedAt: { lt: to } },
    orderBy: [{ closedAt: 'desc' }, { position: 'desc' }],
  });
  if (!wave) return null;
  const answers = await tx.pollAnswer.findMany({
    where: { questionId: q.id, response: { waveId: wave.id } },
    select: { choice: true, choices: true, rating: true },
  });
  if (answers.length === 0) return null;
  const measure = cfg.measure ?? (q.type === 'rating' ? 'mean' : 'share');
  if (measure === 'mean') {
    const rated = answers.filter((a) => a.rating !== null);
    return rated.length ? round2(rated.reduce((s, a) => s + a.rating!, 0) / rated.length) : null;
  }
  // index: the satisfaction index's definition (fully + rather over every answer, "hard to say" included)
  const codes =
    measure === 'index' ? defaultCodes('satisfaction') : q.outcomeMeasure?.favourableCodes.length ? q.outcomeMeasure.favourableCodes : defaultCodes(q.type);
  const shown = answers.map((a) => isFavourable(q.type, codes, a)).filter((f) => f !== null);
  return shown.length ? round1((shown.filter(Boolean).length * 100) / shown.length) : null;
}

export async function sourceValue(tx: Tx, ind: ResultIndicator, p: Period, project: Term): Promise<number | null> {
  const cfg = (ind.sourceConfig ?? {}) as SourceConfig;
  const { from, to, last } = window(ind, p, project);
  if (to <= localMidnight(localDate(project.startsOn))) return null;
  switch (ind.source) {
    case 'manual':
      return null;
    case 'beneficiaries':
      return (await grantStats(tx, project, { to: last })).total;
    case 'beneficiaries_group': {
      const s = await grantStats(tx, project, { to: last });
      if (cfg.dimension === 'gender') return cfg.value === 'male' ? s.gender.male : cfg.value === 'female' ? s.gender.female : s.gender.notStated;
      const rows = cfg.dimension === 'age' ? s.age : s.socialStatus;
      return rows.find((r) => r.code === cfg.value)?.count ?? 0;
    }
    case 'event_attendance':
    case 'events_held': {
      const where = {
        projectId: project.id,
        heldOn: { gte: new Date(`${localDate(from)}T00:00:00Z`), lte: new Date(`${last}T00:00:00Z`) },
        ...(cfg.activityId ? { activityId: cfg.activityId } : {}),
      };
      if (ind.source === 'events_held') return tx.projectEvent.count({ where });
      return (await tx.projectEvent.aggregate({ where, _sum: { participants: true } }))._sum.participants ?? 0;
    }
    case 'poll_question':
      return pollValue(tx, cfg, to, project.id);
    case 'consultations':
      return tx.consultation.count({ where: { projectId: project.id, date: { gte: from, lt: to } } });
    case 'volunteer_hours':
    case 'people_helped': {
      const agg = await tx.volunteerApplication.aggregate({
        where: { opportunity: { projectId: project.id, startsAt: { gte: from, lt: to } }, state: 'attended' },
        _sum: { minutes: true, peopleHelped: true },
      });
      return ind.source === 'people_helped' ? (agg._sum.peopleHelped ?? 0) : round2((agg._sum.minutes ?? 0) / 60);
    }
  }
}
