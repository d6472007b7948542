// Organisers are scoped by region and district only: volunteering belongs to no akimat department, so
// a department set on a project manager's account does not hide opportunities from them.
import { assertInScope, scopeWhere, type Scoped, type StaffPrincipal } from '../staff/scope.ts';

const withoutDepartment = (p: StaffPrincipal): StaffPrincipal => ({ ...p, departmentId: null });

export function assertVolunteerScope(p: StaffPrincipal, record: Scoped): void {
  assertInScope(withoutDepartment(p), { regionId: record.regionId ?? null, districtId: record.districtId ?? null });
}

/** A Prisma `where` fragment for opportunities or volunteers in the organiser's scope. */
export const volunteerScopeWhere = (p: StaffPrincipal) => scopeWhere(withoutDepartment(p));
