// Who may see and touch which records: the staff principal, and the scope rules every service applies,
// to the path's record and to every record a request refers to (core/staff/scoped-records.ts).
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
  /** a generated password not yet changed: the API answers nothing else until it is (server/plugins/auth.ts) */
  mustChangePassword?: boolean;
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

type Dimension = 'regionId' | 'districtId' | 'departmentId';

/**
 * Which of a staff member's scopes narrow one kind of record. A record has only some of the places
 * (a project has no district, a question no department): a scope the record cannot have does not
 * narrow it, so a district moderator still moderates the topics of their region.
 */
export interface ScopeRule {
  readonly dimensions: readonly Dimension[];
  /**
   * A record without a region belongs to the whole network (a national question, a national state
   * body): everyone sees it. Otherwise such a record is national and only staff without a region see it.
   */
  readonly regionlessIsShared: boolean;
}

export const SCOPES = {
  /** civic-control reports: region, district and department */
  report: { dimensions: ['regionId', 'districtId', 'departmentId'], regionlessIsShared: false },
  /** volunteering: region and district (an opportunity belongs to no akimat department) */
  place: { dimensions: ['regionId', 'districtId'], regionlessIsShared: false },
  /** social projects with their polls, discussion topics: a region, or national ones for national staff */
  region: { dimensions: ['regionId'], regionlessIsShared: false },
  /** questions, the consultation log, state bodies: a region, or none, which is everyone's */
  network: { dimensions: ['regionId'], regionlessIsShared: true },
} as const satisfies Record<string, ScopeRule>;

/** Admins see everything; otherwise every scope the staff member has must match the record (unset: all). */
export function covers(rule: ScopeRule, p: StaffPrincipal, record: Scoped): boolean {
  if (isAdmin(p)) return true;
  for (const key of rule.dimensions) {
    const own = p[key];
    if (own == null) continue;
    const value = record[key] ?? null;
    if (key === 'regionId' && value === null && rule.regionlessIsShared) continue;
    if (value !== own) return false;
  }
  return true;
}

export function assertCovers(rule: ScopeRule, p: StaffPrincipal, record: Scoped): void {
  if (!covers(rule, p, record)) throw forbidden('auth.out_of_scope');
}

/**
 * A Prisma `where` fragment with the same meaning as `covers`, for lists and counts: flat, so callers may
 * spread it beside their own filters (a shared region adds an `OR`, as the question lists always had).
 */
export function coverWhere(rule: ScopeRule, p: StaffPrincipal, fields: Partial<Record<Dimension, string>> = {}): Record<string, unknown> {
  if (isAdmin(p)) return {};
  const where: Record<string, unknown> = {};
  for (const key of rule.dimensions) {
    const own = p[key];
    if (own == null) continue;
    const column = fields[key] ?? key;
    if (key === 'regionId' && rule.regionlessIsShared) where.OR = [{ [column]: own }, { [column]: null }];
    else where[column] = own;
  }
  return where;
}

/** Reports' rule, the one most services started with. */
export const inScope = (p: StaffPrincipal, record: Scoped) => covers(SCOPES.report, p, record);
export const assertInScope = (p: StaffPrincipal, record: Scoped) => assertCovers(SCOPES.report, p, record);
export const scopeWhere = (p: StaffPrincipal, fields: { region?: string; district?: string; department?: string } = {}) =>
  coverWhere(SCOPES.report, p, { regionId: fields.region, districtId: fields.district, departmentId: fields.department });
