// What an indicator query covers: the staff member's scope (core/staff/scope.ts) intersected with the
// filters they ask for, and the SQL conditions that mean the same for each capability's table.
//
// A scoped staff member asking for another region, district or department is refused (403), not
// quietly shown their own: a wrong number under the right heading is worse than an error.
// Capabilities record different places: reports have region, district, category, department; volunteer
// opportunities and citizens region and district; the consultation log, discussion topics and social
// projects only a region. A filter a table cannot express does not narrow it (the answer says so in
// `coverage`), except that a category narrows the others to the category's area of the 19.
import { round } from '../numbers.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { ALMATY_OFFSET_MINUTES } from '../calendar/local-time.ts';
import type { Period } from '../calendar/periods.ts';
import { forbidden } from '../errors.ts';
import { isAdmin, requireRole, type StaffPrincipal } from '../staff/scope.ts';

/** Everyone who works with the data may read indicators of their own scope; experts score projects only. */
export const ANALYTICS_ROLES: StaffRole[] = ['operator', 'consultant', 'project_manager', 'moderator'];

/**
 * Who may see single reports (their map points, numbers, texts) rather than aggregates: those the reports
 * API itself lets read them (operators; moderators, who hide them); admins always. Consultants and project
 * managers get the aggregates only, so analytics is no back door around /api/reports.
 */
export const REPORT_DETAIL_ROLES: StaffRole[] = ['operator', 'moderator'];

export interface AnalyticsFilter {
  regionId?: number;
  districtId?: number;
  categoryId?: number;
  /** one of the 19 areas of the state social order */
  areaId?: number;
  departmentId?: number;
}

export interface AnalyticsQuery extends AnalyticsFilter {
  period: Period;
}

/** How an indicator is computed, never what it means. */
export interface QueryOptions {
  /** independent queries at once (PostgreSQL's pool); PGlite has one connection */
  concurrent?: boolean;
  /** false: every figure from the source tables, not the rollups the database keeps (the tests' reference) */
  rollups?: boolean;
}

/** The filters after the scope: what every query of the request is narrowed by. */
export function scopedFilter(staff: StaffPrincipal, requested: AnalyticsFilter): AnalyticsFilter {
  requireRole(staff, ANALYTICS_ROLES);
  const out: AnalyticsFilter = { ...requested };
  if (isAdmin(staff)) return out;
  const pin = (key: 'regionId' | 'districtId' | 'departmentId', own: number | null) => {
    if (own == null) return;
    if (requested[key] != null && requested[key] !== own) throw forbidden('auth.out_of_scope');
    out[key] = own;
  };
  pin('regionId', staff.regionId);
  pin('districtId', staff.districtId);
  pin('departmentId', staff.departmentId);
  return out;
}

/** Parameters of one raw SQL statement, numbered $1, $2, … in the order they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Which columns of a table carry each dimension (SQL expressions, already qualified). */
export interface Dimensions {
  region?: string;
  district?: string;
  department?: string;
  category?: string;
  /** the area column, or for reports null: the area is the category's */
  area?: string;
}

export const REPORT_DIMENSIONS: Dimensions = { region: 'r."regionId"', district: 'r."districtId"', department: 'r."departmentId"', category: 'r."categoryId"' };

/** The conditions (joined with AND, or TRUE) that narrow a table to the filter. */
export function filterSql(f: AnalyticsFilter, d: Dimensions, p: Params): string {
  const and: string[] = [];
  if (f.regionId != null && d.region) and.push(`${d.region} = ${p.add(f.regionId)}::int`);
  if (f.districtId != null && d.district) and.push(`${d.district} = ${p.add(f.districtId)}::int`);
  if (f.departmentId != null && d.department) and.push(`${d.department} = ${p.add(f.departmentId)}::int`);
  if (f.categoryId != null) {
    if (d.category) and.push(`${d.category} = ${p.add(f.categoryId)}::int`);
    else if (d.area) and.push(`${d.area} = (SELECT "areaId" FROM "Category" WHERE id = ${p.add(f.categoryId)}::int)`);
  }
  if (f.areaId != null) {
    if (d.area) and.push(`${d.area} = ${p.add(f.areaId)}::int`);
    else if (d.category) and.push(`${d.category} IN (SELECT id FROM "Category" WHERE "areaId" = ${p.add(f.areaId)}::int)`);
  }
  return and.length ? and.join(' AND ') : 'TRUE';
}

/** Which of the asked filters a table could not apply (shown with its indicators). */
export function unapplied(f: AnalyticsFilter, d: Dimensions): Array<keyof AnalyticsFilter> {
  const out: Array<keyof AnalyticsFilter> = [];
  if (f.districtId != null && !d.district) out.push('districtId');
  if (f.departmentId != null && !d.department) out.push('departmentId');
  return out;
}

/**
 * Runs one analytics query. Aggregates over hundreds of thousands of rows sort in memory rather than on
 * disk (work_mem), and skip JIT compilation, which costs these short queries more than it saves; both
 * only for this statement's transaction.
 */
export async function rows<T>(prisma: PrismaClient, sql: string, p: Params): Promise<T[]> {
  const [, , result] = await prisma.$transaction([
    prisma.$executeRawUnsafe("SET LOCAL work_mem = '64MB'"),
    prisma.$executeRawUnsafe('SET LOCAL jit = off'),
    prisma.$queryRawUnsafe<T[]>(sql, ...p.values),
  ]);
  return result;
}

/**
 * Runs independent queries at once on PostgreSQL (each on its own pooled connection, so a big period
 * uses more than one core), one after another on PGlite, which has a single connection.
 */
export async function gather<T extends readonly unknown[]>(concurrent: boolean, tasks: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (concurrent) return (await Promise.all(tasks.map((t) => t()))) as unknown as T;
  const out: unknown[] = [];
  for (const t of tasks) out.push(await t());
  return out as unknown as T;
}

/** Timestamps are stored in UTC without a zone; this is the instant as an Almaty wall-clock time. */
export const local = (col: string) => `(${col} + interval '${ALMATY_OFFSET_MINUTES} minutes')`;

/** a share 0..1 with four decimals; null when the base is empty */
export const share = (part: number, base: number) => (base > 0 ? round(part / base, 4) : null);
export const num = (v: unknown): number => (v == null ? 0 : Number(v));
export const numOrNull = (v: unknown, digits = 2): number | null => (v == null ? null : round(Number(v), digits));
