// Reports as scoped records (core/staff/scoped-records.ts), and the one rule for what may take other
// reports in as their duplicates, shared by POST /merge and a status change to "duplicate".
import type { Report } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, type DomainError, notFound } from '../errors.ts';
import { SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope, scopedKind } from '../staff/scoped-records.ts';
import { isOpen } from './report-status.ts';

export const REPORT = scopedKind<Report>({ notFound: 'report.not_found', rule: SCOPES.report, load: (db, id) => db.report.findUnique({ where: { id } }) });

/**
 * The report others are merged into: in the caller's scope (`staff`; none for the system), open, in public
 * view and not itself a duplicate, so that the followers who move there can see it and hear of it.
 */
export async function mergeTarget(
  db: Tx,
  staff: StaffPrincipal | null,
  id: number,
  missing: () => DomainError = () => notFound(REPORT.notFound),
): Promise<Report> {
  const target = staff ? await loadInScope(db, staff, REPORT, id, missing) : await REPORT.load(db, id);
  if (!target) throw missing();
  if (!isOpen(target.status) || target.duplicateOfId != null || target.hidden) throw conflict('report.merge_target_closed', { number: target.number });
  return target;
}
