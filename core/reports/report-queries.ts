// Staff reads of reports, each in the caller's scope (core/staff/scope.ts, the REPORT kind of
// report-scope.ts): the filtered list and its counts use the scope's `where`, one report is loaded
// and refused as its own GET answers (404, then 403). Routes only parse and map.
import type { RawSql } from '../db/raw-sql.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import { assertCovers, type StaffPrincipal } from '../staff/scope.ts';
import {
  countReports,
  getReportDetail,
  getReportSummary,
  listReports,
  reportCondition,
  summarize,
  type ReportFilter,
  type ReportSort,
  type ReportSummary,
} from './report-query.ts';
import { REPORT } from './report-scope.ts';

export function createReportQueries({ sql, now = () => new Date() }: { sql: RawSql; now?: () => Date }) {
  return {
    list(staff: StaffPrincipal, filter: ReportFilter, page: { sort: ReportSort; cursor?: number; limit: number }) {
      const at = now();
      return listReports(sql, reportCondition(filter, staff, at), page, at);
    },

    counts(staff: StaffPrincipal, filter: ReportFilter): Promise<Record<ReportStatus, number>> {
      return countReports(sql, reportCondition(filter, staff, now()));
    },

    /** The report with its history and evidence, if the caller's scope covers it. */
    async detail(staff: StaffPrincipal, id: number) {
      const report = await getReportDetail(sql, id);
      assertCovers(REPORT.rule, staff, report);
      return { ...report, summary: summarize(report, now()) };
    },

    /** One report's summary, if the caller's scope covers it. */
    async summary(staff: StaffPrincipal, id: number): Promise<ReportSummary> {
      const summary = await getReportSummary(sql, id, now());
      assertCovers(REPORT.rule, staff, summary);
      return summary;
    },

    /**
     * The summary after a change, unscoped on purpose: the action itself checked the scope, and
     * routing the report elsewhere may just have taken it out of the caller's.
     */
    summaryAfterChange(id: number): Promise<ReportSummary> {
      return getReportSummary(sql, id, now());
    },
  };
}

export type ReportQueries = ReturnType<typeof createReportQueries>;
