// Every 5 minutes: reminders to approved volunteers the day before and two hours before the start, and
// after the end the question whether they took part (core/volunteering/volunteer-reminders.ts). Five
// minutes is well inside the two-hour window, so no reminder is late by more than that.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { processVolunteerReminders } from '../core/volunteering/volunteer-reminders.ts';
import type { Job } from './scheduler.ts';

export function createVolunteerRemindersJob(deps: { prisma: PrismaClient; i18n: i18n; now?: () => Date }): Job {
  return {
    name: 'volunteer-reminders',
    schedule: '*/5 * * * *',
    run: () => processVolunteerReminders(deps),
  };
}
