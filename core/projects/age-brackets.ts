// The age bracket of a person in the grant report (seed 004 L108): one of the eight brackets of the
// form, 'under-8' for younger children, or null when the birth year is unknown ("not stated").
import { almatyYear } from '../calendar/local-time.ts';
import { ageBrackets, underEightBracket, type AgeBracketSeed } from '../../prisma/seed/social-status.ts';

/** The form's brackets preceded by 'under-8', in the order a table shows them. */
export const ALL_AGE_BRACKETS: readonly AgeBracketSeed[] = [underEightBracket, ...ageBrackets];

/**
 * Only the birth year is asked (a full birth date is more than the report needs), so the age is the
 * one reached during the calendar year of `at` (Almaty time): a person born in 2010 counts as 16
 * throughout 2026. A birth year after `at` (bad data) counts as unknown rather than as a baby.
 */
export function ageBracketOf(birthYear: number | null | undefined, at: Date): string | null {
  if (birthYear == null || !Number.isInteger(birthYear)) return null;
  const age = almatyYear(at) - birthYear;
  return age < 0 ? null : bracketOfAge(age);
}

/** The bracket of an age in full years (under 8 in its own column); null when out of every bracket. */
export function bracketOfAge(age: number): string | null {
  return ALL_AGE_BRACKETS.find((b) => age >= b.from && (b.to === null || age <= b.to))?.code ?? null;
}
