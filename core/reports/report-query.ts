// Staff-side reading of reports: filters, scope, keyset pages, counts per status and the detail view.
// Routes stay thin: they parse the query, this module reads the rows and shapes them for the domain.
// The list, the counts and the detail are raw SQL (each one statement, rows mapped straight to the
// summary): they are the admin API's hot paths, and Prisma's runtime (query building, compiling and
// mapping) cost more CPU per request than PostgreSQL's work (bench/FIXES.md, section 10). They go through
// the raw-SQL port (core/db/raw-sql.ts), not $queryRaw, which still passes every statement and row through
// Prisma's runtime; Prisma.sql only composes the text and its parameters.
import { Prisma, type PrismaClient, type Report } from '../../generated/prisma/client.ts';
import { ReportStatus, type EvidenceKind } from '../../generated/prisma/enums.ts';
import { invalid, notFound } from '../errors.ts';
import { SCOPES, isAdmin, type StaffPrincipal } from '../staff/scope.ts';
import { isOpen, OPEN_STATUSES, statusColour } from './report-status.ts';
import { keysetPage } from '../db/keyset-page.ts';
import { columnsOf, type RawSql } from '../db/raw-sql.ts';
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

/** Statuses as SQL values: the column is an enum, and a text parameter does not compare with it. */
const statusList = (statuses: readonly ReportStatus[]) => Prisma.join(statuses.map((st) => Prisma.sql`${st}::"ReportStatus"`));

/**
 * The filters, ANDed with the staff member's scope (an admin's scope is everything), as a condition on
 * the reports aliased `r`. The scope is `covers` of the report rule (core/staff/scope.ts) spelled in SQL.
 */
export function reportCondition(filter: ReportFilter, staff: StaffPrincipal, now: Date): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (!isAdmin(staff)) {
    for (const key of SCOPES.report.dimensions) {
      const own = staff[key];
      if (own != null) and.push(Prisma.sql`r.${Prisma.raw(`"${key}"`)} = ${own}`);
    }
  }
  if (filter.statuses?.length) and.push(Prisma.sql`r.status IN (${statusList(filter.statuses)})`);
  if (filter.regionId != null) and.push(Prisma.sql`r."regionId" = ${filter.regionId}`);
  if (filter.districtId != null) and.push(Prisma.sql`r."districtId" = ${filter.districtId}`);
  if (filter.categoryId != null) and.push(Prisma.sql`r."categoryId" = ${filter.categoryId}`);
  if (filter.departmentId != null) and.push(Prisma.sql`r."departmentId" = ${filter.departmentId}`);
  if (filter.overdue !== undefined) {
    // Spelled out rather than NOT(overdue): in SQL, NOT (dueAt < now) is unknown for undated reports and drops them.
    and.push(
      filter.overdue
        ? Prisma.sql`(r.status IN (${statusList(OPEN_STATUSES)}) AND r."dueAt" < ${now})`
        : Prisma.sql`(r.status NOT IN (${statusList(OPEN_STATUSES)}) OR r."dueAt" IS NULL OR r."dueAt" >= ${now})`,
    );
  }
  if (filter.from) and.push(Prisma.sql`r."createdAt" >= ${filter.from}`);
  if (filter.to) and.push(Prisma.sql`r."createdAt" <= ${filter.to}`);
  const q = filter.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    and.push(Prisma.sql`(r.description ILIKE ${pattern} OR r.number ILIKE ${pattern} OR r.address ILIKE ${pattern})`);
  }
  if (filter.hasEvidence !== undefined) {
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM "ReportEvidence" e WHERE e."reportId" = r.id)`;
    and.push(filter.hasEvidence ? exists : Prisma.sql`NOT ${exists}`);
  }
  return and.length ? Prisma.join(and, ' AND ') : Prisma.sql`TRUE`;
}

/**
 * One composed statement through the port, unnamed: its text changes with the filters, and a prepared one could
 * be switched by PostgreSQL to one generic plan for every region and status, small or large. The fixed
 * statements (cursor, detail, summary: one report by id) are prepared.
 */
const run = <T extends object>(sql: RawSql, s: Prisma.Sql): Promise<T[]> => sql.query<T>(s.text, s.values);

type CountedReport = Pick<
  Report,
  'id' | 'number' | 'status' | 'categoryId' | 'regionId' | 'districtId' | 'departmentId' | 'description' | 'createdAt' | 'dueAt' | 'supportCount' | 'hidden'
> & { _count: { evidence: number } };

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

/** The columns a summary needs, with the evidence count (computed for the page's rows only, see listReports). */
type SummaryRow = Omit<CountedReport, '_count'> & { evidenceCount: number };

const summaryOf = (r: SummaryRow, now: Date): ReportSummary => summarize({ ...r, _count: { evidence: r.evidenceCount } }, now);

/**
 * Keyset pages: the cursor is the id of the last row of the previous page; the next page continues
 * after that row in the chosen order (newest first, or soonest due first with undated reports last).
 * The page is chosen in a subquery, so the evidence is counted for its rows only (an aggregate joined to
 * the whole list made PostgreSQL group every evidence file: bench/FIXES.md, section 2).
 */
export async function listReports(
  sql: RawSql,
  condition: Prisma.Sql,
  page: { sort: ReportSort; cursor?: number; limit: number },
  now: Date,
): Promise<{ items: ReportSummary[]; nextCursor: number | null }> {
  const and = [condition];
  if (page.cursor != null) {
    const [last] = await sql.query<{ id: number; createdAt: Date; dueAt: Date | null }>(
      'SELECT id, "createdAt", "dueAt" FROM "Report" WHERE id = $1',
      [page.cursor],
      {
        name: 'report-cursor',
      },
    );
    if (!last) throw invalid('validation', { details: 'cursor' });
    if (page.sort === 'createdAt') {
      // The redundant bound lets PostgreSQL walk the createdAt index from the cursor instead of
      // filtering every newer report out first (0.2 ms instead of 400 ms halfway through a million).
      and.push(
        Prisma.sql`r."createdAt" <= ${last.createdAt} AND (r."createdAt" < ${last.createdAt} OR (r."createdAt" = ${last.createdAt} AND r.id < ${last.id}))`,
      );
    } else if (last.dueAt) {
      and.push(Prisma.sql`(r."dueAt" > ${last.dueAt} OR (r."dueAt" = ${last.dueAt} AND r.id > ${last.id}) OR r."dueAt" IS NULL)`);
    } else {
      and.push(Prisma.sql`r."dueAt" IS NULL AND r.id > ${last.id}`);
    }
  }
  const order = page.sort === 'createdAt' ? Prisma.sql`"createdAt" DESC, id DESC` : Prisma.sql`"dueAt" ASC NULLS LAST, id ASC`;
  const rows = await run<SummaryRow>(
    sql,
    Prisma.sql`
    SELECT p.*, (SELECT count(*)::int FROM "ReportEvidence" e WHERE e."reportId" = p.id) AS "evidenceCount"
    FROM (
      SELECT r.id, r.number, r.status, r."categoryId", r."regionId", r."districtId", r."departmentId", r.description,
             r."createdAt", r."dueAt", r."supportCount", r.hidden
      FROM "Report" r WHERE ${Prisma.join(and, ' AND ')}
      ORDER BY ${order} LIMIT ${page.limit + 1}
    ) p
    ORDER BY ${order}`,
  );
  const { items, nextCursor } = keysetPage(rows, page.limit);
  return { items: items.map((r) => summaryOf(r, now)), nextCursor };
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
export async function countReports(sql: RawSql, condition: Prisma.Sql): Promise<Record<ReportStatus, number>> {
  const groups = await run<{ status: ReportStatus; n: number }>(
    sql,
    Prisma.sql`SELECT r.status, count(*)::int AS n FROM "Report" r WHERE ${condition} GROUP BY r.status`,
  );
  const counts = Object.fromEntries(REPORT_STATUSES.map((st) => [st, 0])) as Record<ReportStatus, number>;
  for (const g of groups) counts[g.status] = g.n;
  return counts;
}

interface DetailEvent {
  at: Date;
  actorType: string;
  actorId: string | null;
  /** a staff member's full name or an API client's name; citizens are never named (personal data) */
  actorName: string | null;
  /** the citizen who filed the report acted */
  byAuthor: boolean;
  type: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  publicNote: string | null;
  internalNote: string | null;
}

interface DetailEvidence {
  id: number;
  kind: EvidenceKind;
  mimeType: string | null;
  fileSize: number | null;
  url: string | null;
  withheldAt: Date | null;
  withheldReason: string | null;
}

type DetailRow = Report & {
  evidenceCount: number;
  followerCount: number;
  events: Array<Omit<DetailEvent, 'at' | 'byAuthor'> & { at: number }>;
  evidence: Array<Omit<DetailEvidence, 'withheldAt'> & { withheldAt: number | null }>;
};

/** A prepared statement's columns are listed, never `*` (RawQueryOptions.name says why). */
const REPORT_COLUMNS = columnsOf(Prisma.ReportScalarFieldEnum, 'r');

/**
 * The report with its counts, history (each event's actor named: a staff member's full name, an API
 * client's name) and evidence, in one statement. Times inside the JSON parts travel as epoch milliseconds.
 */
export async function getReportDetail(sql: RawSql, id: number) {
  const [row] = await sql.query<DetailRow>(
    `SELECT ${REPORT_COLUMNS},
      (SELECT count(*)::int FROM "ReportEvidence" x WHERE x."reportId" = r.id) AS "evidenceCount",
      (SELECT count(*)::int FROM "ReportFollower" f WHERE f."reportId" = r.id) AS "followerCount",
      (SELECT coalesce(json_agg(json_build_object(
          'at', floor(extract(epoch FROM e.at) * 1000)::float8, 'actorType', e."actorType", 'actorId', e."actorId",
          'actorName', CASE e."actorType" WHEN 'staff' THEN s."fullName" WHEN 'api_client' THEN c.name END,
          'type', e.type, 'fromStatus', e."fromStatus", 'toStatus', e."toStatus",
          'publicNote', e."publicNote", 'internalNote', e."internalNote") ORDER BY e.at, e.id), '[]'::json)
        FROM "ReportEvent" e
        LEFT JOIN "StaffUser" s ON e."actorType" = 'staff' AND s.id::text = e."actorId"
        LEFT JOIN "ApiClient" c ON e."actorType" = 'api_client' AND c.id::text = e."actorId"
        WHERE e."reportId" = r.id) AS events,
      (SELECT coalesce(json_agg(json_build_object(
          'id', v.id, 'kind', v.kind, 'mimeType', v."mimeType", 'fileSize', v."fileSize", 'url', v.url,
          'withheldAt', floor(extract(epoch FROM v."withheldAt") * 1000)::float8, 'withheldReason', v."withheldReason") ORDER BY v.id), '[]'::json)
        FROM "ReportEvidence" v WHERE v."reportId" = r.id) AS evidence
    FROM "Report" r WHERE r.id = $1`,
    [id],
    { name: 'report-detail' },
  );
  if (!row) throw notFound('report.not_found');
  const { evidenceCount, followerCount, events, evidence, ...report } = row;
  const author = report.citizenId == null ? null : String(report.citizenId);
  return {
    ...report,
    _count: { evidence: evidenceCount, followers: followerCount },
    events: events.map((e): DetailEvent => ({ ...e, at: new Date(e.at), byAuthor: e.actorType === 'citizen' && author != null && e.actorId === author })),
    evidence: evidence.map((e): DetailEvidence => ({ ...e, withheldAt: e.withheldAt == null ? null : new Date(e.withheldAt) })),
  };
}

export async function getReportSummary(sql: RawSql, id: number, now: Date): Promise<ReportSummary> {
  const [row] = await sql.query<SummaryRow>(
    `SELECT r.id, r.number, r.status, r."categoryId", r."regionId", r."districtId", r."departmentId", r.description,
           r."createdAt", r."dueAt", r."supportCount", r.hidden,
           (SELECT count(*)::int FROM "ReportEvidence" e WHERE e."reportId" = r.id) AS "evidenceCount"
    FROM "Report" r WHERE r.id = $1`,
    [id],
    { name: 'report-summary' },
  );
  if (!row) throw notFound('report.not_found');
  return summaryOf(row, now);
}
