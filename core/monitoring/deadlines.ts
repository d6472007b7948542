// The forms' job step (plan §2.10; job monitoring-deadlines, every 5 minutes under a lease): the deadlines of
// Annexes 3, 8 and 9 are created, reminded before and flagged when missed. Each step is a conditional update
// with its notices in one transaction, so a rerun is a no-op. The rounds' own alerts (reminders before a round,
// short years, overdue measures) run in the job monitoring-alerts.
import type { FormDeadlineRun } from './forms/form-deadlines.ts';

export interface DeadlineSteps {
  forms(): Promise<FormDeadlineRun>;
}

export async function processDeadlines(steps: DeadlineSteps): Promise<{ forms: FormDeadlineRun }> {
  return { forms: await steps.forms() };
}
