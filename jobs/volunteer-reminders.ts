// Every 5 minutes: reminders to approved volunteers the day before and two hours before the start, and
// after the end the question whether they took part (core/volunteering/volunteer-reminders.ts). Five
// minutes is well inside the two-hour window, so no reminder is late by more than that.
import type { Job } from './scheduler.ts';

/** `run`: one pass (services.volunteering.processReminders). */
export function createVolunteerRemindersJob(run: () => Promise<unknown>): Job {
  return { name: 'volunteer-reminders', schedule: '*/5 * * * *', run };
}
