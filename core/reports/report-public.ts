// What anyone may see of civic-control reports on the public portal (issue 17). The reports capability owns
// these rules: hidden reports do not exist here, no author, no staff name, no internal note, no citizen's own
// comment, no file (photos wait for acceptance and withholding, issue 17's next slice), and phones, e-mails and
// 12-digit numbers (ИИН/БИН) in the free text are masked. Only what Open311 already publishes, and less.
import type { Prisma, PrismaClient, ReportStatus } from '../../generated/prisma/client.ts';
import { OPEN_STATUSES, statusColour } from './report-status.ts';

/** The public status groups: red «В работе», green «Выполнено», grey for the rest (closed without doing it). */
export const PUBLIC_STATUS_GROUPS = ['open', 'resolved', 'closed'] as const;
export type PublicStatusGroup = (typeof PUBLIC_STATUS_GROUPS)[number];

const GROUP_STATUSES: Record<PublicStatusGroup, ReportStatus[]> = {
  open: OPEN_STATUSES,
  resolved: ['resolved'],
  closed: ['rejected', 'not_responsible'],
};

export const PUBLIC_PAGE_SIZE = 20;
const SUMMARY_CHARS = 160;
/** ~100 m, as the problem map publishes positions: a point near a home must not point at the door. */
const round3 = (x: number | null) => (x == null ? null : Math.round(x * 1000) / 1000);

export interface PublicReportFilter {
  regionId?: number;
  districtId?: number;
  categoryId?: number;
  status?: PublicStatusGroup;
  /** filed in [from, to) */
  filed?: { from: Date; to: Date };
  /** keyset cursor: the page starts strictly after this report in newest-first order */
  before?: { createdAt: Date; id: number };
}

export interface PublicReportSummary {
  id: number;
  number: string;
  status: ReportStatus;
  colour: 'red' | 'green' | 'grey';
  categoryId: number;
  regionId: number;
  districtId: number | null;
  createdAt: Date;
  dueAt: Date | null;
  resolvedAt: Date | null;
  supportCount: number;
  summary: string;
}

export interface PublicReportEvent {
  at: Date;
  kind: 'created' | 'status' | 'merge';
  actor: 'author' | 'akimat' | 'system';
  toStatus: ReportStatus | null;
  note: { kk: string | null; ru: string | null };
}

export interface PublicReport extends Omit<PublicReportSummary, 'summary'> {
  departmentId: number;
  address: string | null;
  lat: number | null;
  lon: number | null;
  description: string;
  acceptedAt: Date | null;
  selfResolved: boolean;
  duplicateOf: string | null;
  history: PublicReportEvent[];
}

const MASK = '[***]';
/**
 * Masks what would identify or reach a person in text citizens typed for the akimat: Kazakh phone numbers
 * (+7 / 8 and ten digits, with any spaces, dashes or brackets), e-mail addresses and 12-digit runs (ИИН/БИН).
 */
export function redact(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, MASK)
    .replace(/(?<!\d)(\+7|8)[\s\-()]*(\d[\s\-()]*){9}\d(?!\d)/g, MASK)
    .replace(/(?<!\d)\d{12}(?!\d)/g, MASK);
}

const summaryOf = (text: string) => {
  const t = redact(text).replace(/\s+/g, ' ').trim();
  return t.length > SUMMARY_CHARS ? `${t.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : t;
};

const listSelect = {
  id: true,
  number: true,
  status: true,
  categoryId: true,
  regionId: true,
  districtId: true,
  createdAt: true,
  dueAt: true,
  resolvedAt: true,
  supportCount: true,
  description: true,
} satisfies Prisma.ReportSelect;

/** A report on the public map: where (to ~100 m), which, and its colour. */
export interface PublicReportPoint {
  number: string;
  status: ReportStatus;
  colour: 'red' | 'green' | 'grey';
  lat: number;
  lon: number;
}

/** The most points one map shows: the newest in the filter (the list under the map has the rest). */
export const PUBLIC_POINTS_MAX = 5000;

function filterWhere(f: PublicReportFilter): Prisma.ReportWhereInput[] {
  const and: Prisma.ReportWhereInput[] = [{ hidden: false }, { status: f.status ? { in: GROUP_STATUSES[f.status] } : { not: 'duplicate' } }];
  if (f.regionId != null) and.push({ regionId: f.regionId });
  if (f.districtId != null) and.push({ districtId: f.districtId });
  if (f.categoryId != null) and.push({ categoryId: f.categoryId });
  if (f.filed) and.push({ createdAt: { gte: f.filed.from, lt: f.filed.to } });
  return and;
}

export function createReportPublic({ prisma }: { prisma: PrismaClient }) {
  return {
    /** The newest reports in the filter that have a position, rounded to ~100 m, for the public map. */
    async points(f: Omit<PublicReportFilter, 'before'>): Promise<PublicReportPoint[]> {
      const rows = await prisma.report.findMany({
        where: { AND: [...filterWhere(f), { lat: { not: null } }, { lon: { not: null } }] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: PUBLIC_POINTS_MAX,
        select: { number: true, status: true, lat: true, lon: true },
      });
      return rows.map((r) => ({ number: r.number, status: r.status, colour: statusColour(r.status), lat: round3(r.lat)!, lon: round3(r.lon)! }));
    },

    /** One page, newest first, and whether another follows. Duplicates are listed under their original. */
    async list(f: PublicReportFilter): Promise<{ items: PublicReportSummary[]; next: { createdAt: Date; id: number } | null }> {
      const and = filterWhere(f);
      if (f.before) {
        const { createdAt, id } = f.before;
        // The redundant `lte` keeps the cursor an index condition on createdAt (bench/FIXES.md §2).
        and.push({ createdAt: { lte: createdAt } }, { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
      }
      const rows = await prisma.report.findMany({
        where: { AND: and },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: PUBLIC_PAGE_SIZE + 1,
        select: listSelect,
      });
      const items = rows.slice(0, PUBLIC_PAGE_SIZE).map(({ description, ...r }) => ({ ...r, colour: statusColour(r.status), summary: summaryOf(description) }));
      const last = items.at(-1);
      return { items, next: rows.length > PUBLIC_PAGE_SIZE && last ? { createdAt: last.createdAt, id: last.id } : null };
    },

    /** A public report by its number, or null (unknown and hidden alike: a guessed number learns nothing). */
    async byNumber(number: string): Promise<PublicReport | null> {
      const r = await prisma.report.findFirst({
        where: { number, hidden: false },
        select: {
          ...listSelect,
          departmentId: true,
          address: true,
          lat: true,
          lon: true,
          acceptedAt: true,
          selfResolved: true,
          duplicateOf: { select: { number: true, hidden: true } },
          events: {
            where: { type: { in: ['created', 'status', 'merge'] } },
            orderBy: [{ at: 'asc' }, { id: 'asc' }],
            select: { at: true, type: true, actorType: true, toStatus: true, publicNote: true, data: true },
          },
        },
      });
      if (!r) return null;
      const { description, duplicateOf, events, lat, lon, ...rest } = r;
      return {
        ...rest,
        colour: statusColour(r.status),
        description: redact(description),
        lat: round3(lat),
        lon: round3(lon),
        duplicateOf: duplicateOf && !duplicateOf.hidden ? duplicateOf.number : null,
        history: events.map((e) => {
          const actor = e.actorType === 'citizen' ? 'author' : e.actorType === 'staff' ? 'akimat' : 'system';
          // A citizen's own words (reopening, self-resolving) were written to the akimat, not to the public.
          const notes = (e.data as { notes?: Record<string, string> } | null)?.notes;
          const shown = actor !== 'author' && e.type === 'status';
          const note = (lang: 'kk' | 'ru') => (shown ? redact(notes?.[lang] ?? e.publicNote ?? '') || null : null);
          return { at: e.at, kind: e.type as PublicReportEvent['kind'], actor, toStatus: e.toStatus, note: { kk: note('kk'), ru: note('ru') } };
        }),
      };
    },
  };
}
