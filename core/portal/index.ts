// The public portal (issue 17): what anyone may read without signing in. Each capability that owns the data owns
// its privacy rules (core/reports/report-public.ts); this module only gathers them under services.portal.
import { civicControl, defaultTrendUnit } from '../analytics/civic-control.ts';
import type { AnalyticsFilter } from '../analytics/analytics-scope.ts';
import type { Period } from '../calendar/periods.ts';
import { createReportPublic } from '../reports/report-public.ts';
import type { DomainModule } from '../services.ts';

export interface PortalOptions {
  /** the portal answers `/` (else the staff console does) */
  home?: boolean;
  /** the public https:// address, for canonical and Open Graph links */
  url?: string;
  /** the body whose portal it is, per language */
  body?: { kk?: string; ru?: string };
}

declare module '../services.ts' {
  interface CapabilityServices {
    portal: {
      reports: ReturnType<typeof createReportPublic>;
      /** the civic-control indicators of a period, for everyone: the same figures as /api/analytics/civic-control as an admin */
      stats(filter: Pick<AnalyticsFilter, 'regionId' | 'districtId' | 'categoryId'>, period: Period): ReturnType<typeof civicControl>;
      home: boolean;
      branding: { url?: string; body: { kk?: string; ru?: string } };
    };
  }
  interface CapabilityOptions {
    portal?: PortalOptions;
  }
}

export const portalDomain: DomainModule<'portal'> = {
  name: 'portal',
  services: ({ prisma, calendar, now, options }) => ({
    portal: {
      reports: createReportPublic({ prisma }),
      // Aggregates only (counts, shares, medians): nothing in them names a report or a person.
      stats: async (filter, period) => {
        const q = { ...filter, period };
        return civicControl(prisma, await calendar.calendar(), q, now(), defaultTrendUnit(q), { concurrent: false, rollups: true });
      },
      home: options.portal?.home ?? false,
      branding: { url: options.portal?.url?.replace(/\/+$/, ''), body: options.portal?.body ?? {} },
    },
  }),
};
