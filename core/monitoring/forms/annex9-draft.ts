// The draft of Annex 9's column 7 for one project (plan §2.6): what the period's completed monitoring
// rounds found, in the staff member's words once edited. A part with no data is left out, never printed
// as "null"; the annual version adds the positive effect (note 9) and the lines of any contributor.
import type { TFunction } from 'i18next';
import { round1 } from '../../numbers.ts';

export const MONITORING_TOOLS = ['indicators', 'mystery_shopper', 'survey', 'document_review', 'social_media'] as const;
export type MonitoringToolName = (typeof MONITORING_TOOLS)[number];

export interface Column7Facts {
  /** rounds completed in the period, and rounds planned (not cancelled) for the year */
  roundsDone: number;
  roundsPlanned: number;
  /** the tools those rounds used, each once */
  tools: readonly MonitoringToolName[];
  /** the latest completed round's plan progress: activities done of those due */
  activities: { done: number; due: number } | null;
  /** the latest satisfaction index (percent), its base and its change in percentage points against the wave before */
  satisfaction: { index: number; base: number; change: number | null } | null;
  coverage: { persons: number; target: number | null } | null;
  measures: { total: number; closed: number; late: number };
  /** the last completed round's summary: the positive effect of the annual report */
  effect: string | null;
}

/** A number as the form prints it: one decimal at most, a decimal comma in both languages. */
const num = (x: number) => String(round1(x)).replace('.', ',');
const signed = (x: number) => (x > 0 ? `+${num(x)}` : num(x));

export function draftColumn7(t: TFunction, facts: Column7Facts, annual: boolean, extra: readonly string[] = []): string {
  const d = (k: string, o?: Record<string, unknown>) => t(`monitoring-forms:draft.${k}`, o);
  if (facts.roundsDone === 0) return [d('none'), ...(annual ? extra : [])].join('\n');
  const parts = [
    d('rounds', { done: facts.roundsDone, planned: facts.roundsPlanned, tools: facts.tools.map((x) => t(`monitoring-forms:tools.${x}`)).join(', ') }),
  ];
  if (facts.activities && facts.activities.due > 0) parts.push(d('plan', { doneActs: facts.activities.done, dueActs: facts.activities.due }));
  const s = facts.satisfaction;
  if (s && s.base > 0) {
    parts.push(
      s.change === null
        ? d('satisfaction_first', { index: num(s.index), base: s.base })
        : d('satisfaction', { index: num(s.index), base: s.base, change: signed(s.change) }),
    );
  }
  const c = facts.coverage;
  if (c) parts.push(c.target ? d('coverage', { persons: c.persons, target: c.target }) : d('coverage_untargeted', { persons: c.persons }));
  if (facts.measures.total > 0) parts.push(d('measures', { measures: facts.measures.total, closed: facts.measures.closed, late: facts.measures.late }));
  const lines = [parts.join(' ')];
  if (annual && facts.effect?.trim()) lines.push(d('effect', { text: facts.effect.trim() }));
  if (annual) lines.push(...extra);
  return lines.join('\n');
}
