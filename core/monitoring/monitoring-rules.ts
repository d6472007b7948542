// The numbers of Order 407 ch. 3 (seed 003 item 9, item 10) and the pure rules built on them.
import type { MonitoringTool, ServiceKind } from '../../generated/prisma/enums.ts';
import { addDays } from '../calendar/local-time.ts';
import { isoDate } from '../projects/project-rules.ts';

/** Item 9: «күнтізбелік жылына кемінде 2 (екі) рет, бірақ 5 (бес) реттен асырмай». */
export const ROUNDS_MIN = 2;
export const ROUNDS_MAX = 5;
/** Item 9: «екі және (немесе) одан да астам құрал». */
export const TOOLS_MIN = 2;
/** Item 9: above 500 MCI of the financial year the monitoring is done by an independent expert. */
export const MCI_MULTIPLE = 500;
/** 365 / 5: a project running the whole year gets the ceiling of 5 rounds, one every ~2.4 months. */
export const DAYS_PER_ROUND = 73;
/** Reminder of a round this many working days before its date. */
export const ROUND_REMIND_WORKING_DAYS = 3;
/** A round not completed this many working days after its date is overdue. */
export const ROUND_OVERDUE_WORKING_DAYS = 5;
/** "Plan short": this many working days after the project's year started with fewer than 2 rounds planned. */
export const PLAN_SHORT_WORKING_DAYS = 10;

export const TEXT_MAX = 4000;
export const TITLE_MAX = 500;
export const TOOLS: readonly MonitoringTool[] = ['indicators', 'mystery_shopper', 'survey', 'document_review', 'social_media'];

/** Days of the project's term inside calendar year `year` (inclusive; 0 when it does not run that year). */
export function termDaysIn(project: { startsOn: Date; endsOn: Date }, year: number): number {
  const from = Math.max(project.startsOn.getTime(), Date.UTC(year, 0, 1));
  const to = Math.min(project.endsOn.getTime(), Date.UTC(year, 11, 31));
  return to < from ? 0 : Math.round((to - from) / 86_400_000) + 1;
}

/**
 * Item 9 says "depending on the term" without a formula: clamp(⌈days / 73⌉, 2, 5). Up to 146 days → 2,
 * 147–219 → 3, 220–292 → 4, from 293 → 5. A term of a few days in the year still needs 2 (no exception).
 */
export function recommendedRounds(project: { startsOn: Date; endsOn: Date }, year: number): number {
  const days = termDaysIn(project, year);
  if (days === 0) return 0;
  return Math.min(ROUNDS_MAX, Math.max(ROUNDS_MIN, Math.ceil(days / DAYS_PER_ROUND)));
}

/** Evenly spaced dates for n rounds inside the year's part of the term: the i-th at start + d·(2i−1)/(2n). */
export function proposedDates(project: { startsOn: Date; endsOn: Date }, year: number, n: number): string[] {
  const days = termDaysIn(project, year);
  const start = isoDate(new Date(Math.max(project.startsOn.getTime(), Date.UTC(year, 0, 1))));
  return Array.from({ length: n }, (_, i) => addDays(start, Math.floor((days * (2 * i + 1)) / (2 * n))));
}

/**
 * Whether the contract needs an independent expert: contract sum (thousand tenge, one decimal) in whole tenge
 * strictly above 500 MCI. Exactly 500 MCI stays with the body («аспайтын»).
 */
export function needsIndependent(contractSumThousand: number, mciTenge: number): boolean {
  return Math.round(contractSumThousand * 10) * 100 > MCI_MULTIPLE * mciTenge;
}

export type MeasureState = 'open' | 'overdue' | 'done' | 'done_late' | 'not_done';

/** The state a person sees: "overdue" and "done late" follow from the due date (`today` is Almaty's). */
export function measureState(m: { status: string; dueOn: Date; closedAt: Date | null }, today: string, closedDay?: string): MeasureState {
  const due = isoDate(m.dueOn);
  if (m.status === 'not_done') return 'not_done';
  if (m.status === 'done') return (closedDay ?? today) > due ? 'done_late' : 'done';
  return today > due ? 'overdue' : 'open';
}

/** Item 9 (4): the services whose standard's indicators a round checks. */
export const SERVICE_KINDS: readonly ServiceKind[] = ['training', 'consulting', 'information_methodology', 'research_analytics', 'resource_centre'];
