// Staff-side reading of reports: filters, scope, keyset pages, counts per status and the detail view.
// Routes stay thin: they parse the query, this module turns it into Prisma and domain-shaped rows.
import type { Prisma, PrismaClient, Report } from '../../generated/prisma/client.ts';
import { ReportStatus } from '../../generated/prisma/enums.ts';
import { invalid, notFound } from '../errors.ts';
import { scopeWhere, type StaffPrincipal } from '../staff/scope.ts';
import { isOpen, OPEN_STATUSES, statusColour } from './report-status.ts';
import { keysetPage } from '../db/keyset-page.ts';
import { escapeLike } from '../text.ts';

export const REPORT_STATUSES = Object.values(ReportStatus) as ReportStatus[];
export const DESCRIPTION_PREVIEW = 300;

export interface ReportFilter {
  statuses?: ReportStatus[];
  regionId?: number;
  districtId?: number;
  categoryId?: number;
  departmentId?: number;
  /** true: open with dueAt in the past; false: everything else */
  overdue?: boolean;
  from?: Date;
  to?: Date;
  q?: string;
  hasEvidence?: boolean;
}

export type ReportSort = 'createdAt' | 'dueAt';

/** The filters, ANDed with the staff member's scope (an admin's scope is everything). */
export function reportWhere(filter: ReportFilter, staff: StaffPrincipal, now: Date): Prisma.ReportWhereInput {
  const and: Prisma.ReportWhereInput[] = [scopeWhere(staff) as Prisma.ReportWhereInput];
  if (filter.statuses?.length) and.push({ status: { in: filter.statuses } });
  if (filter.regionId != null) and.push({ regionId: filter.regionId });
  if (filter.districtId != null) and.push({ districtId: filter.districtId });
  if (filter.categoryId != null) and.push({ categoryId: filter.categoryId });
  if (filter.departmentId != null) and.push({ departmentId: filter.departmentId });
  if (filter.overdue !== undefined) {
    // Spelled out rather than NOT(overdue): in SQL, NOT (dueAt < now) is unknown for undated reports and drops them.
    and.push(
      filter.overdue
        ? { status: { in: OPEN_STATUSES }, dueAt: { lt: now } }
        : { OR: [{ status: { notIn: OPEN_STATUSES } }, { dueAt: null }, { dueAt: { gte: now } }] },
    );
  }
  if (filter.from || filter.to) and.push({ createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } });
  const q = filter.q?.trim();
  if (q) {
    const contains = { contains: escapeLike(q), mode: 'insensitive' as const };
    and.push({ OR: [{ description: contains }, { number: contains }, { address: contains }] });
  }
  if (filter.hasEvidence !== undefined) and.push(filter.hasEvidence ? { evidence: { some: {} } } : { evidence: { none: {} } });
  return { AND: and };
}

type CountedReport = Report & { _count: { evidence: number } };

export interface ReportSummary {
  id: number;
  number: string;
  status: ReportStatus;
  colour: 'red' | 'green' | 'grey';
  categoryId: number;
  regionId: number;
  districtId: number | null;
  departmentId: number;
  description: string;
  createdAt: Date;
  dueAt: Date | null;
  overdue: boolean;
  supportCount: number;
  evidenceCount: number;
  hidden: boolean;
}

export const isOverdue = (r: Pick<Report, 'status' | 'dueAt'>, now: Date) => isOpen(r.status) && r.dueAt != null && r.dueAt.getTime() < now.getTime();

export function summarize(r: CountedReport, now: Date): ReportSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    colour: statusColour(r.status),
    categoryId: r.categoryId,
    regionId: r.regionId,
    districtId: r.districtId,
    departmentId: r.departmentId,
    description: r.description.slice(0, DESCRIPTION_PREVIEW),
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    overdue: isOverdue(r, now),
    supportCount: r.supportCount,
    evidenceCount: r._count.evidence,
    hidden: r.hidden,
  };
}

/**
 * Keyset pages: the cursor is the id of the last row of the previous page; the next page continues
 * after that row in the chosen order (newest first, or soonest due first with undated reports last).
 */
export async function listReports(
  prisma: PrismaClient,
  where: Prisma.ReportWhereInput,
  page: { sort: ReportSort; cursor?: number; limit: number },
  now: Date,
): Promise<{ items: ReportSummary[]; nextCursor: number | null }> {
  const and: Prisma.ReportWhereInput[] = [where];
  if (page.cursor != null) {
    const last = await prisma.report.findUnique({ where: { id: page.cursor }, select: { id: true, createdAt: true, dueAt: true } });
    if (!last) throw invalid('validation', { details: 'cursor' });
    if (page.sort === 'createdAt') {
      // The redundant bound lets PostgreSQL walk the createdAt index from the cursor instead of
      // filtering every newer report out first (0.2 ms instead of 400 ms halfway through a million).
      and.push({ createdAt: { lte: last.createdAt } }, { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] });
    } else if (last.dueAt) {
      and.push({ OR: [{ dueAt: { gt: last.dueAt } }, { dueAt: last.dueAt, id: { gt: last.id } }, { dueAt: null }] });
    } else {
      and.push({ dueAt: null, id: { gt: last.id } });
    }
  }
  const orderBy: Prisma.ReportOrderByWithRelationInput[] =
    page.sort === 'createdAt' ? [{ createdAt: 'desc' }, { id: 'desc' }] : [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
  const rows = await prisma.report.findMany({ where: { AND: and }, orderBy, take: page.limit + 1 });
  const { items, nextCursor } = keysetPage(rows, page.limit);
  return { items: (await withEvidenceCounts(prisma, items)).map((r) => summarize(r, now)), nextCursor };
}

/**
 * Adds the evidence count to a page of reports with one grouped query over just their files. Prisma's
 * `include: { _count }` on a findMany with ORDER BY … LIMIT joins an aggregate of the whole evidence
 * table, which the planner cannot narrow to the page: seconds per list at a million reports.
 */
export async function withEvidenceCounts<R extends { id: number }>(prisma: PrismaClient, reports: R[]): Promise<Array<R & { _count: { evidence: number } }>> {
  if (reports.length === 0) return [];
  const groups = await prisma.reportEvidence.groupBy({ by: ['reportId'], where: { reportId: { in: reports.map((r) => r.id) } }, _count: { _all: true } });
  const counts = new Map(groups.map((g) => [g.reportId, g._count._all]));
  return reports.map((r) => ({ ...r, _count: { evidence: counts.get(r.id) ?? 0 } }));
}

/** Reports per status, every status present (zero when none). */
export async function countReports(prisma: PrismaClient, where: Prisma.ReportWhereInput): Promise<Record<ReportStatus, number>> {
  const groups = await prisma.report.groupBy({ by: ['status'], where, _count: { _all: true } });
  const counts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

export async function getReportDetail(prisma: PrismaClient, id: number) {
  const report = await prisma.report.findUnique({
    where: { id },
    include: {
      _count: { select: { evidence: true, followers: true } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      evidence: { orderBy: { id: 'asc' }, select: { id: true, kind: true, mimeType: true, fileSize: true, url: true, withheldAt: true, withheldReason: true } },
    },
  });
  if (!report) throw notFound('report.not_found');
  return { ...report, events: await withActorNames(prisma, report.events, report.citizenId) };
}

/**
 * Names each event's actor so the history says who acted: a staff member's full name, an API
 * client's name; a citizen is never named (personal data), only marked when they are the report's author.
 */
async function withActorNames<E extends { actorType: string; actorId: string | null }>(prisma: PrismaClient, events: E[], citizenId: number | null) {
  const idsOf = (type: string) =>
    [...new Set(events.filter((e) => e.actorType === type && e.actorId).map((e) => Number(e.actorId)))].filter(Number.isSafeInteger);
  const [staff, clients] = await Promise.all([
    prisma.staffUser.findMany({ where: { id: { in: idsOf('staff') } }, select: { id: true, fullName: true } }),
    prisma.apiClient.findMany({ where: { id: { in: idsOf('api_client') } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([
    ...staff.map((s) => [`staff:${s.id}`, s.fullName] as const),
    ...clients.map((c) => [`api_client:${c.id}`, c.name] as const),
  ]);
  return events.map((e) => ({
    ...e,
    actorName: names.get(`${e.actorType}:${e.actorId}`) ?? null,
    byAuthor: e.actorType === 'citizen' && citizenId != null && e.actorId === String(citizenId),
  }));
}

export async function getReportSummary(prisma: PrismaClient, id: number, now: Date): Promise<ReportSummary> {
  const report = await prisma.report.findUnique({ where: { id }, include: { _count: { select: { evidence: true } } } });
  if (!report) throw notFound('report.not_found');
  return summarize(report, now);
}
