// The results framework's rules (plan §3.2): one goal (the impact level of seed 000); outcomes under the goal,
// outputs under an outcome, activities under an output; indicators on goal, outcomes and outputs, each with
// unit, baseline, target, source of verification and schedule in both languages.
import type { LogframeLevel } from '../../generated/prisma/enums.ts';
import { invalid } from '../errors.ts';

export const TEXT_MAX = 2000;
export const NAME_MAX = 300;
export const PARENT_LEVEL: Record<LogframeLevel, LogframeLevel | null> = { goal: null, outcome: 'goal', output: 'outcome', activity: 'output' };

export function text(value: string | undefined, code: string, max = TEXT_MAX): string {
  const t = (value ?? '').trim();
  if (!t) throw invalid(code);
  if (t.length > max) throw invalid('impact.text_long', { max });
  return t;
}

export const optional = (value: string | undefined, max = TEXT_MAX): string => {
  const t = (value ?? '').trim();
  if (t.length > max) throw invalid('impact.text_long', { max });
  return t;
};

export function amount(value: number, code = 'impact.bad_number'): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e12) throw invalid(code);
  return Math.round(value * 100) / 100;
}

export function percent(value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) throw invalid('impact.bad_percent');
  return Math.round(value * 100) / 100;
}

/** Progress against target in percent, one decimal; not capped (over 100 % is information). */
export function progressOf(actual: number | null, baseline: number, target: number): number | null {
  if (actual === null || target === baseline) return null;
  return Math.round(((actual - baseline) / (target - baseline)) * 1000) / 10;
}

/** The scorecard's mean: each progress capped to [0, 100]. */
export const capped = (p: number) => Math.min(100, Math.max(0, p));
