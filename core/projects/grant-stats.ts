// The participant statistics of the grant report (seed 004; DOMAIN.md § "Grant report statistics"),
// computed from the data instead of typed by hand.
//
// Who is a participant: a PERSON registered as a beneficiary of the project by the end of the period
// (through the bot's invitation or the manager's import) and not removed. Each person counts once
// however many events they attended. The participant numbers in the events table are attendances
// reported per event (the same person at three events counts three times there), so they are shown
// with their own sum and are never added to the persons' total.
//
// Each of the three tables puts every participant in exactly one column, with an explicit "not stated"
// column for unknown values (and "under 8" for children younger than the form's first bracket), so each
// table sums to the total; `assertSums` checks it before anything is shown.
import type { ProjectEvent } from '../../generated/prisma/client.ts';
import { localMidnight, addDays } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import { invalid } from '../errors.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import { ALL_AGE_BRACKETS, ageBracketOf } from './age-brackets.ts';
import { beneficiariesUntil, type BeneficiaryView } from './beneficiaries.ts';
import { eventsIn } from './project-events.ts';
import { isoDate } from './project-rules.ts';

export const NOT_STATED = 'not-stated';

export interface GrantStats {
  projectId: number;
  period: { from: string; to: string };
  /** the moment persons are counted at and ages are computed for: the end of the period's last day, Almaty time */
  countedAt: Date;
  total: number;
  gender: { total: number; male: number; female: number; notStated: number };
  /** the ten categories in the form's order, then NOT_STATED */
  socialStatus: Array<{ code: string; count: number }>;
  /** 'under-8', the eight brackets of the form, then NOT_STATED */
  age: Array<{ code: string; count: number }>;
  events: ProjectEvent[];
  /** sum of the events' participant numbers (attendances, not persons) */
  eventParticipants: number;
}

export function tally(
  people: Array<Pick<BeneficiaryView, 'gender' | 'birthYear' | 'socialStatus'>>,
  at: Date,
): Pick<GrantStats, 'total' | 'gender' | 'socialStatus' | 'age'> {
  const total = people.length;
  const gender = { total, male: 0, female: 0, notStated: 0 };
  const statusCounts = new Map<string, number>([...socialStatuses.map((s) => [s.code, 0] as [string, number]), [NOT_STATED, 0]]);
  const ageCounts = new Map<string, number>([...ALL_AGE_BRACKETS.map((b) => [b.code, 0] as [string, number]), [NOT_STATED, 0]]);
  for (const p of people) {
    if (p.gender === 'male') gender.male++;
    else if (p.gender === 'female') gender.female++;
    else gender.notStated++;
    // A code no longer in the list (bad data) is "not stated", never a lost person.
    const s = p.socialStatus && statusCounts.has(p.socialStatus) ? p.socialStatus : NOT_STATED;
    statusCounts.set(s, statusCounts.get(s)! + 1);
    const a = ageBracketOf(p.birthYear, at) ?? NOT_STATED;
    ageCounts.set(a, ageCounts.get(a)! + 1);
  }
  const result = {
    total,
    gender,
    socialStatus: [...statusCounts].map(([code, count]) => ({ code, count })),
    age: [...ageCounts].map(([code, count]) => ({ code, count })),
  };
  assertSums(result);
  return result;
}

/** The form's own report did not add up (DOMAIN.md); ours must, or nothing is shown. */
export function assertSums(s: Pick<GrantStats, 'total' | 'gender' | 'socialStatus' | 'age'>): void {
  const sum = (xs: Array<{ count: number }>) => xs.reduce((a, x) => a + x.count, 0);
  const checks = { gender: s.gender.male + s.gender.female + s.gender.notStated, socialStatus: sum(s.socialStatus), age: sum(s.age) };
  for (const [table, value] of Object.entries(checks)) {
    if (value !== s.total) throw new Error(`grant statistics: the ${table} table sums to ${value}, not to the total ${s.total}`);
  }
}

export async function grantStats(tx: Tx, project: { id: number; startsOn: Date; endsOn: Date }, period: { from?: string; to?: string }): Promise<GrantStats> {
  const from = period.from ?? isoDate(project.startsOn);
  const to = period.to ?? isoDate(project.endsOn);
  if (from > to) throw invalid('project.bad_stats_period');
  // The end of `to` in Almaty: registrations of that whole day count.
  const countedAt = new Date(localMidnight(addDays(to, 1)).getTime() - 1);
  const people = await beneficiariesUntil(tx, project.id, countedAt);
  const events = await eventsIn(tx, project.id, { from, to });
  return {
    projectId: project.id,
    period: { from, to },
    countedAt,
    ...tally(people, countedAt),
    events,
    eventParticipants: events.reduce((a, e) => a + e.participants, 0),
  };
}
