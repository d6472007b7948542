// Volunteering («Жомарт жүрек»): sign-up and applications in the bot, opportunities, reminders, rankings.
import { volunteeringDomain } from '../../core/volunteering/index.ts';
import type { Capability } from '../capability.ts';

export const volunteering: Capability = {
  ...volunteeringDomain,
  locales: ['volunteering'],
  bot: async () => [(await import('../../bot/volunteering/volunteer.ts')).createVolunteerFeature()],
  routes: async ({ services }) => [
    (await import('../../server/volunteering/volunteering.ts')).volunteeringRoutes(services),
    (await import('../../server/volunteering/volunteering-reports.ts')).volunteerReportRoutes(services),
  ],
  jobs: async ({ services }) => [
    (await import('../../jobs/volunteer-reminders.ts')).createVolunteerRemindersJob(() => services.volunteering.processReminders()),
  ],
  console: true,
};
