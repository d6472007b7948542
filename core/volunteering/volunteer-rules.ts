// The rules of volunteering in one place: limits, the directions, who counts as a minor, which
// application states hold a place, and when reminders are due. Pure functions: no database.
import { VolunteerAvailability, VolunteerDirection, type VolunteerApplicationState } from '../../generated/prisma/enums.ts';
import { almatyYear } from '../calendar/local-time.ts';

export const DIRECTIONS = Object.values(VolunteerDirection) as VolunteerDirection[];
export const AVAILABILITIES = Object.values(VolunteerAvailability) as VolunteerAvailability[];

export const NAME_MIN = 2;
export const NAME_MAX = 100;
export const SKILLS_MAX = 500;
export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;
export const PLACE_MAX = 300;
export const REASON_MAX = 500;
export const REVIEW_COMMENT_MAX = 1000;
export const NEEDED_MAX = 10_000;
/** An event of one day or a camp: longer is a typing error. */
export const EVENT_MAX_DAYS = 31;
/** Time given at one event: at most the event's length, and never more than this many hours. */
export const HOURS_MAX = 24 * EVENT_MAX_DAYS;
export const PEOPLE_HELPED_MAX = 100_000;
/** The youngest who may sign up at all (with a parent's consent); the oldest birth year is a century back. */
export const MIN_SIGNUP_AGE = 10;
export const ADULT_AGE = 18;

/** Reminders: the day before (24 h) and two hours before the start; the question after the end. */
export const REMIND_DAY_MS = 24 * 3_600_000;
export const REMIND_SOON_MS = 2 * 3_600_000;
/** Events that ended longer ago than this are not asked about any more (e.g. after a long outage). */
export const ASK_CONFIRM_WITHIN_MS = 7 * 24 * 3_600_000;

/** States that hold one of the `needed` places. */
export const HOLDS_PLACE: VolunteerApplicationState[] = ['applied', 'approved'];
/** States of an application that is still going on: applying again is refused. */
export const ACTIVE: VolunteerApplicationState[] = ['applied', 'approved', 'waitlisted'];

/** The Almaty calendar year of an instant. */

/**
 * Only the birth year is asked, so the age is the year's difference at the event (DOMAIN.md has no
 * finer rule): someone born in 2008 counts as 18 at any event of 2026.
 */
export function isMinor(birthYear: number | null, at: Date): boolean {
  return birthYear != null && almatyYear(at) - birthYear < ADULT_AGE;
}

export function birthYearRange(at: Date): { min: number; max: number } {
  const year = almatyYear(at);
  return { min: year - 100, max: year - MIN_SIGNUP_AGE };
}

/** Telegram sends the number with or without '+': keep one form, digits after a plus. */
export function normalisePhone(raw: string): string {
  return `+${raw.replace(/\D/g, '')}`;
}

export const hoursOf = (minutes: number | null | undefined) => Math.round(((minutes ?? 0) / 60) * 100) / 100;
export const minutesOf = (hours: number) => Math.round(hours * 60);
