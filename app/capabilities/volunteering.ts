// Volunteering («Жомарт жүрек»): sign-up and applications in the bot, opportunities, reminders, rankings.
import { createVolunteerFeature } from '../../bot/volunteering/volunteer.ts';
import { volunteeringDomain } from '../../core/volunteering/index.ts';
import { createVolunteerRemindersJob } from '../../jobs/volunteer-reminders.ts';
import { volunteerReportRoutes } from '../../server/volunteering/volunteering-reports.ts';
import { volunteeringRoutes } from '../../server/volunteering/volunteering.ts';
import type { Capability } from '../capability.ts';

export const volunteering: Capability = {
  ...volunteeringDomain,
  locales: ['volunteering'],
  bot: () => [createVolunteerFeature()],
  routes: ({ services }) => [volunteeringRoutes(services), volunteerReportRoutes(services)],
  jobs: ({ services }) => [createVolunteerRemindersJob(() => services.volunteering.processReminders())],
  console: true,
};
