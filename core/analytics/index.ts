// Monitoring and needs assessment: the indicators of every capability, the problem map and the exports.
import type { DomainModule } from '../services.ts';
import { createAnalyticsService } from './analytics-service.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    analytics: ReturnType<typeof createAnalyticsService>;
  }
}

export const analyticsDomain: DomainModule<'analytics'> = {
  name: 'analytics',
  services: ({ db, prisma, calendar, i18n, now }) => ({
    analytics: createAnalyticsService({ prisma, calendar, i18n, now, concurrent: db.kind === 'postgres' }),
  }),
};
