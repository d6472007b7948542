// Every 15 minutes: overdue reports are announced to their operators, long-overdue ones escalated to
// admins (core/reports/report-deadlines.ts). A quarter of an hour is well inside a working day's grain.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { CalendarService } from '../core/calendar/calendar-service.ts';
import { processReportDeadlines } from '../core/reports/report-deadlines.ts';
import type { Job } from './scheduler.ts';

export interface ReportDeadlinesJobDeps {
  prisma: PrismaClient;
  calendar: CalendarService;
  i18n: i18n;
  now?: () => Date;
  escalationWorkingDays: number;
}

export function createReportDeadlinesJob(deps: ReportDeadlinesJobDeps): Job {
  return {
    name: 'report-deadlines',
    schedule: '*/15 * * * *',
    run: () => processReportDeadlines(deps),
  };
}
