// Consultants are scoped by region only: questions and log entries have no district or department.
// A question (or log entry) without a region belongs to the whole network of the centre, so every
// consultant sees it; otherwise a consultant with a region sees only that region's.
import type { Prisma } from '../../generated/prisma/client.ts';
import { forbidden } from '../errors.ts';
import { isAdmin, type StaffPrincipal } from '../staff/scope.ts';

export function inQuestionScope(p: StaffPrincipal, regionId: number | null): boolean {
  return isAdmin(p) || p.regionId == null || regionId == null || regionId === p.regionId;
}

export function assertQuestionScope(p: StaffPrincipal, regionId: number | null): void {
  if (!inQuestionScope(p, regionId)) throw forbidden('auth.out_of_scope');
}

/** The same rule as a `where` fragment for questions and consultations. */
export function questionScopeWhere(p: StaffPrincipal): Prisma.QuestionWhereInput & Prisma.ConsultationWhereInput {
  if (isAdmin(p) || p.regionId == null) return {};
  return { OR: [{ regionId: p.regionId }, { regionId: null }] };
}
