// Every 15 minutes: overdue reports are announced to their operators, long-overdue ones escalated to
// admins (core/reports/report-deadlines.ts, services.reportDeadlines). A quarter of an hour is well
// inside a working day's grain.
import type { DeadlineRun } from '../core/reports/report-deadlines.ts';
import type { Job } from './scheduler.ts';

export function createReportDeadlinesJob(deadlines: { process(): Promise<DeadlineRun> }): Job {
  return {
    name: 'report-deadlines',
    schedule: '*/15 * * * *',
    run: () => deadlines.process(),
  };
}
