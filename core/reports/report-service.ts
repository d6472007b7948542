// Civic-control reports: filing (bot, Open311, staff), duplicates and support (report-intake.ts), the
// status machine with its milestones and deadlines, and the author's confirmation after resolution
// (report-lifecycle.ts), as one service.
import { createReportIntake } from './report-intake.ts';
import { createReportLifecycle } from './report-lifecycle.ts';
import type { ReportServiceDeps } from './report-types.ts';

export { insideKazakhstan } from './kazakhstan-border.ts';
export { textSimilarity } from './report-geo.ts';
export { DESCRIPTION_MAX, DESCRIPTION_MIN, EVIDENCE_MAX, type EvidenceInput, type NewReport, type ReportOptions, type StatusChange } from './report-types.ts';

export function createReportService(deps: ReportServiceDeps) {
  return { ...createReportIntake(deps), ...createReportLifecycle(deps) };
}

export type ReportService = ReturnType<typeof createReportService>;
