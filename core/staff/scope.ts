// Region/department scoping, enforced in one place for every staff query and write.
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { forbidden } from '../errors.ts';

export interface StaffPrincipal {
  id: number;
  login: string;
  fullName: string;
  roles: StaffRole[];
  regionId: number | null;
  districtId: number | null;
  departmentId: number | null;
  locale: string;
}

export const isAdmin = (p: StaffPrincipal) => p.roles.includes('admin');

export function hasAnyRole(p: StaffPrincipal, roles: readonly StaffRole[]): boolean {
  return isAdmin(p) || roles.some((r) => p.roles.includes(r));
}

export function requireRole(p: StaffPrincipal, roles: readonly StaffRole[]): void {
  if (!hasAnyRole(p, roles)) throw forbidden('auth.role_required', { roles: roles.join(', ') });
}

/** The part of a record that scoping looks at. */
export interface Scoped {
  regionId?: number | null;
  districtId?: number | null;
  departmentId?: number | null;
}

/**
 * A staff member sees a record when every scope they have matches it; an unset scope means "all".
 * Admins see everything.
 */
export function inScope(p: StaffPrincipal, record: Scoped): boolean {
  if (isAdmin(p)) return true;
  if (p.regionId != null && record.regionId !== p.regionId) return false;
  if (p.districtId != null && record.districtId !== p.districtId) return false;
  if (p.departmentId != null && record.departmentId !== p.departmentId) return false;
  return true;
}

export function assertInScope(p: StaffPrincipal, record: Scoped): void {
  if (!inScope(p, record)) throw forbidden('auth.out_of_scope');
}

/** A Prisma `where` fragment with the same meaning as `inScope`, for lists and counts. */
export function scopeWhere(p: StaffPrincipal, fields: { region?: string; district?: string; department?: string } = {}): Record<string, number> {
  if (isAdmin(p)) return {};
  const where: Record<string, number> = {};
  if (p.regionId != null) where[fields.region ?? 'regionId'] = p.regionId;
  if (p.districtId != null) where[fields.district ?? 'districtId'] = p.districtId;
  if (p.departmentId != null) where[fields.department ?? 'departmentId'] = p.departmentId;
  return where;
}
