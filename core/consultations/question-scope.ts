// Consultants are scoped by region only: questions and log entries have no district or department.
// A question (or log entry) without a region belongs to the whole network of the centre, so every
// consultant sees it; otherwise a consultant with a region sees only that region's (SCOPES.network).
import type { Consultation, Prisma, Question } from '../../generated/prisma/client.ts';
import { assertCovers, covers, coverWhere, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { scopedKind } from '../staff/scoped-records.ts';

export const QUESTION = scopedKind<Question>({
  notFound: 'question.not_found',
  rule: SCOPES.network,
  load: (db, id) => db.question.findUnique({ where: { id } }),
});

export const CONSULTATION = scopedKind<Consultation>({
  notFound: 'consultation.not_found',
  rule: SCOPES.network,
  load: (db, id) => db.consultation.findUnique({ where: { id } }),
});

export const inQuestionScope = (p: StaffPrincipal, regionId: number | null): boolean => covers(SCOPES.network, p, { regionId });

export const assertQuestionScope = (p: StaffPrincipal, regionId: number | null): void => assertCovers(SCOPES.network, p, { regionId });

/** The same rule as a `where` fragment for questions and consultations. */
export const questionScopeWhere = (p: StaffPrincipal): Prisma.QuestionWhereInput & Prisma.ConsultationWhereInput => coverWhere(SCOPES.network, p);
