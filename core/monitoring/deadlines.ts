// The monitoring job's one entry (plan §2.10, run every 5 minutes under a lease): the forms' deadlines
// (Annexes 3, 8 and 9: created, reminded before, flagged when missed) and then the steps the rounds add
// (round reminders, short years, overdue measures and document requests) through `steps`. Each step is a
// conditional update with its notices in one transaction, so a rerun is a no-op.
import type { FormDeadlineRun } from './forms/form-deadlines.ts';

export interface DeadlineSteps {
  forms(): Promise<FormDeadlineRun>;
  /** the rounds' and measures' alerts (core/monitoring rounds), when that part is composed in */
  rounds?: () => Promise<unknown>;
}

export async function processDeadlines(steps: DeadlineSteps): Promise<{ forms: FormDeadlineRun; rounds: unknown }> {
  const forms = await steps.forms();
  const rounds = steps.rounds ? await steps.rounds() : null;
  return { forms, rounds };
}
