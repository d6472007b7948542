// Volunteering («Жомарт жүрек»): volunteers, opportunities, applications, attendance and rankings.
import type { DomainModule } from '../services.ts';
import { scheduleVolunteering } from './demo.ts';
import { volunteerPersonalData } from './volunteer-profile.ts';
import { createVolunteeringServices } from './volunteer-services.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    volunteering: ReturnType<typeof createVolunteeringServices>;
  }
}

export const volunteeringDomain: DomainModule<'volunteering'> = {
  name: 'volunteering',
  services: ({ prisma, i18n, now }) => ({ volunteering: createVolunteeringServices({ prisma, i18n, now }) }),
  personalData: ({ i18n, now }) => volunteerPersonalData(i18n, now),
  demo: {
    schedule: scheduleVolunteering,
    count: async ({ prisma: p }) => ({
      volunteers: await p.volunteer.count(),
      opportunities: await p.volunteerOpportunity.count(),
      applications: await p.volunteerApplication.count(),
    }),
  },
};
