// Organisers are scoped by region and district only: volunteering belongs to no akimat department, so
// a department set on a project manager's account does not hide opportunities from them.
import { assertCovers, coverWhere, SCOPES, type Scoped, type StaffPrincipal } from '../staff/scope.ts';
import { scopedKind } from '../staff/scoped-records.ts';
import { PLACED } from './volunteer-text.ts';

export const OPPORTUNITY = scopedKind({
  notFound: 'volunteer.opportunity_not_found',
  rule: SCOPES.place,
  load: (db, id) => db.volunteerOpportunity.findUnique({ where: { id }, include: PLACED }),
});

export function assertVolunteerScope(p: StaffPrincipal, record: Scoped): void {
  assertCovers(SCOPES.place, p, record);
}

/** A Prisma `where` fragment for opportunities or volunteers in the organiser's scope. */
export const volunteerScopeWhere = (p: StaffPrincipal) => coverWhere(SCOPES.place, p);
