// The report statuses as the console offers them: the board's order, and which change a button may
// offer. The rules are the server's own (core/reports/report-status.ts; the API decides all the same).
import type { ReportStatus } from '../../../../generated/prisma/enums.ts';
import { canTransition } from '../../../../core/reports/report-status.ts';

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

/** What the buttons offer; the API decides (and says why not) all the same. */
export const canMove = canTransition;
