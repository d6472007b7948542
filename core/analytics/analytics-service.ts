// Monitoring and needs-assessment analytics (issue 8): every indicator for a period and a filter, always
// narrowed to the caller's scope first (analytics-scope.ts), computed in SQL over the capabilities' own
// tables, so the figures are exact and current at the moment of the request.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { localDate } from '../calendar/local-time.ts';
import type { Period } from '../calendar/periods.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { invalid } from '../errors.ts';
import { hasAnyRole, requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { REPORT_DETAIL_ROLES, scopedFilter, type AnalyticsFilter, type AnalyticsQuery } from './analytics-scope.ts';
import { civicControl, defaultTrendUnit, type TrendUnit } from './civic-control.ts';
import { consultationIndicators } from './consultation-indicators.ts';
import { discussionIndicators } from './discussion-indicators.ts';
import { engagementIndicators } from './engagement-indicators.ts';
import { needsAssessment } from './needs-assessment.ts';
import { pollIndicators } from './poll-indicators.ts';
import { districtAggregates } from './district-aggregates.ts';
import { rankings } from './problem-rankings.ts';
import { reportPoints, type BBox } from './report-points.ts';
import { volunteerIndicators } from './volunteer-indicators.ts';
import { initiativeIndicators } from './initiative-indicators.ts';

export interface AnalyticsDeps {
  prisma: PrismaClient;
  calendar: CalendarService;
  i18n: i18n;
  now: () => Date;
  /** independent queries at once (PostgreSQL's pool); PGlite has one connection */
  concurrent?: boolean;
  /** false: every figure from the source tables, not the rollups (the reference the tests compare with) */
  rollups?: boolean;
}

export type AnalyticsRequest = AnalyticsFilter & { period: Period };

export function createAnalyticsService({ prisma, calendar, i18n, now, concurrent = false, rollups = true }: AnalyticsDeps) {
  const how = { concurrent, rollups };
  const scoped = (staff: StaffPrincipal, req: AnalyticsRequest): AnalyticsQuery => ({ ...scopedFilter(staff, req), period: req.period });

  const service = {
    civicControl: async (staff: StaffPrincipal, req: AnalyticsRequest, trend?: TrendUnit) => {
      const q = scoped(staff, req);
      return civicControl(prisma, await calendar.calendar(), q, now(), trend ?? defaultTrendUnit(q), how);
    },
    consultations: async (staff: StaffPrincipal, req: AnalyticsRequest) => consultationIndicators(prisma, scoped(staff, req)),
    discussion: async (staff: StaffPrincipal, req: AnalyticsRequest) => discussionIndicators(prisma, scoped(staff, req), now()),
    polls: async (staff: StaffPrincipal, req: AnalyticsRequest) => pollIndicators(prisma, scoped(staff, req), how),
    volunteering: async (staff: StaffPrincipal, req: AnalyticsRequest) => volunteerIndicators(prisma, scoped(staff, req)),
    /** the civic-initiatives map's five result indicators (issue 18) */
    initiatives: async (staff: StaffPrincipal, req: AnalyticsRequest) => initiativeIndicators(prisma, scoped(staff, req)),
    engagement: async (staff: StaffPrincipal, req: AnalyticsRequest) => engagementIndicators(prisma, scoped(staff, req), how),
    rankings: async (staff: StaffPrincipal, req: AnalyticsRequest) => rankings(prisma, scoped(staff, req), how),
    // Single reports (points, numbers) only for those the reports API lets see them.
    reportPoints: async (staff: StaffPrincipal, req: AnalyticsRequest, opts: { limit: number; bbox?: BBox }) => {
      const q = scoped(staff, req);
      requireRole(staff, REPORT_DETAIL_ROLES);
      return reportPoints(prisma, q, opts);
    },
    districts: async (staff: StaffPrincipal, req: AnalyticsRequest) => districtAggregates(prisma, scoped(staff, req), now(), how),

    /** Two years ending on `lastDay` (today when absent) for a region: the caller's, or the one asked. */
    needsAssessment: async (staff: StaffPrincipal, req: AnalyticsFilter & { lastDay?: string; limit?: number }) => {
      const f = scopedFilter(staff, req);
      if (f.regionId == null) throw invalid('analytics.region_required');
      return needsAssessment(
        prisma,
        i18n,
        { ...f, regionId: f.regionId },
        { lastDay: req.lastDay ?? localDate(now()), limit: req.limit ?? 19, concurrent, rollups, examples: hasAnyRole(staff, REPORT_DETAIL_ROLES) },
      );
    },

    /** The justification and information source of one area, for an Annex 1 topic. */
    justification: async (staff: StaffPrincipal, req: AnalyticsFilter & { areaId: number; lastDay?: string }) => {
      const a = await service.needsAssessment(staff, { ...req, areaId: undefined, limit: 19 });
      const need = a.needs.find((n) => n.areaId === req.areaId);
      return {
        regionId: a.regionId,
        areaId: req.areaId,
        firstDay: a.firstDay,
        lastDay: a.lastDay,
        justificationKk: need?.justificationKk ?? null,
        justificationRu: need?.justificationRu ?? null,
        informationSourceKk: a.informationSourceKk,
        informationSourceRu: a.informationSourceRu,
      };
    },

    /** Everything for one region (or the caller's scope) and period: the periodic report. */
    periodicReport: async (staff: StaffPrincipal, req: AnalyticsRequest) => {
      const q = scoped(staff, req);
      const cal = await calendar.calendar();
      const at = now();
      // One capability after another: each already uses what parallelism the database offers.
      const civic = await civicControl(prisma, cal, q, at, defaultTrendUnit(q), how);
      const consultations = await consultationIndicators(prisma, q);
      const discussion = await discussionIndicators(prisma, q, at);
      const polls = await pollIndicators(prisma, q, how);
      const volunteering = await volunteerIndicators(prisma, q);
      const initiatives = await initiativeIndicators(prisma, q);
      const engagement = await engagementIndicators(prisma, q, how);
      const ranked = await rankings(prisma, q, how);
      const districts = await districtAggregates(prisma, q, at, how);
      // The title names the region, and a district-scoped report its district too: two districts' reports must not share a title.
      const named = { select: { nameKk: true, nameRu: true } } as const;
      const region = q.regionId != null ? await prisma.region.findUnique({ where: { id: q.regionId }, ...named }) : null;
      const district = q.districtId != null ? await prisma.district.findUnique({ where: { id: q.districtId }, ...named }) : null;
      const place = region ? { region, district } : null;
      return { query: q, place, civic, consultations, discussion, polls, volunteering, initiatives, engagement, rankings: ranked, districts };
    },
  };
  return service;
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
