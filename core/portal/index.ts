// The public portal (issue 17): what anyone may read without signing in. Each capability that owns the data owns
// its privacy rules (core/reports/report-public.ts); this module only gathers them under services.portal.
import { civicControl, defaultTrendUnit } from '../analytics/civic-control.ts';
import type { AnalyticsFilter } from '../analytics/analytics-scope.ts';
import { initiativeIndicators } from '../analytics/initiative-indicators.ts';
import type { Period } from '../calendar/periods.ts';
import { createDiscussionPublic } from '../discussions/discussion-public.ts';
import { createProjectPublic } from '../projects/project-public.ts';
import { createReportPublic } from '../reports/report-public.ts';
import type { DomainModule } from '../services.ts';

export interface PortalOptions {
  /** the portal answers `/` (else the staff console does) */
  home?: boolean;
  /** the public https:// address, for canonical and Open Graph links */
  url?: string;
  /** the body whose portal it is, per language */
  body?: { kk?: string; ru?: string };
  /** the map's tiles (MAP_TILE_URL, MAP_ATTRIBUTION) */
  map?: { tileUrl: string; attribution: string };
  /** where the web build is (the map's script); web/dist by default */
  distDir?: string;
  /** origins an akimat's website frames the /embed/ widgets from (PORTAL_EMBED_ORIGINS); none: no framing */
  embedOrigins?: string[];
}

declare module '../services.ts' {
  interface CapabilityServices {
    portal: {
      reports: ReturnType<typeof createReportPublic>;
      /** topics under public discussion, ended ones, reviewed ones with Annex 2 */
      discussions: ReturnType<typeof createDiscussionPublic>;
      /** finished social projects with their Annex 5 data and average score */
      projects: ReturnType<typeof createProjectPublic>;
      /** the civic-control indicators of a period, for everyone: the same figures as /api/analytics/civic-control as an admin */
      stats(filter: Pick<AnalyticsFilter, 'regionId' | 'districtId' | 'categoryId'>, period: Period): ReturnType<typeof civicControl>;
      /** the civic-initiatives programme's five indicators: the same figures as /api/analytics/initiatives as an admin */
      initiativeStats(filter: Pick<AnalyticsFilter, 'regionId' | 'districtId'>, period: Period): ReturnType<typeof initiativeIndicators>;
      home: boolean;
      branding: { url?: string; body: { kk?: string; ru?: string } };
      map: { tileUrl: string; attribution: string };
      embedOrigins: string[];
      distDir?: string;
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
      discussions: createDiscussionPublic({ prisma, now }),
      projects: createProjectPublic({ prisma }),
      // Aggregates only (counts, shares, medians): nothing in them names a report or a person.
      stats: async (filter, period) => {
        const q = { ...filter, period };
        return civicControl(prisma, await calendar.calendar(), q, now(), defaultTrendUnit(q), { concurrent: false, rollups: true });
      },
      // Aggregates of initiatives only (sums and counts), as the analytics API gives an admin.
      initiativeStats: async (filter, period) => initiativeIndicators(prisma, { regionId: filter.regionId, districtId: filter.districtId, period }),
      home: options.portal?.home ?? false,
      branding: { url: options.portal?.url?.replace(/\/+$/, ''), body: options.portal?.body ?? {} },
      map: options.portal?.map ?? { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' },
      embedOrigins: options.portal?.embedOrigins ?? [],
      distDir: options.portal?.distDir,
    },
  }),
};
