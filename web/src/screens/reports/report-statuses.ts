// The shapes of the reports API (server/reports/reports.ts), as the console reads them. The status rules
// are the server's own (core/reports/report-status.ts, type-only imports: no Prisma in the bundle).
import type { ReportStatus } from '../../../../generated/prisma/enums.ts';
import { canTransition } from '../../../../core/reports/report-status.ts';
import type { ReportSummary as CoreReportSummary } from '../../../../core/reports/report-query.ts';
import type { Wire } from '../screen-helpers.ts';

export type { ReportStatus };
export { OPEN_STATUSES } from '../../../../core/reports/report-status.ts';
/** The order the board shows the statuses in. */
export const REPORT_STATUSES = [
  'new',
  'in_work',
  'reopened',
  'resolved',
  'rejected',
  'duplicate',
  'not_responsible',
] as const satisfies readonly ReportStatus[];

/** A report in a list: the server's summary as JSON carries it (dates as ISO strings). */
export type ReportSummary = Wire<CoreReportSummary>;

export interface Evidence {
  id: number;
  kind: 'photo' | 'video' | 'voice' | 'audio' | 'document';
  mimeType: string | null;
  fileSize: number | null;
  downloadUrl: string;
  /** an outside app's link (Open311 media_url): shown, never loaded */
  externalUrl: string | null;
}

export interface ReportEvent {
  at: string;
  actorType: string;
  type: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  publicNote: string | null;
  internalNote: string | null;
}

export interface ReportDetail extends ReportSummary {
  source: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  anonymous: boolean;
  duplicateOfId: number | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  followers: number;
  assigneeId: number | null;
  hiddenReason: string | null;
  evidence: Evidence[];
  history: ReportEvent[];
}

export interface Template {
  id: number;
  categoryId: number | null;
  status: ReportStatus;
  title: string;
  textKk: string;
  textRu: string;
  active: boolean;
}

export interface FittedTemplate extends Template {
  locale: 'kk' | 'ru';
  preview: string;
}

export interface Colleague {
  id: number;
  fullName: string;
  roles: string[];
  regionId: number | null;
  districtId: number | null;
  departmentId: number | null;
}

/** What the buttons offer; the API decides (and says why not) all the same. */
export const canMove = canTransition;
