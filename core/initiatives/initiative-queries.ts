// What staff read about initiatives, always within their region and district: the board (counts per state and a
// filtered list), the moderation queue (proposals, oldest first), one initiative with everything about it, and the
// map's points.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { InitiativeHelp, InitiativeStatus } from '../../generated/prisma/enums.ts';
import { coverWhere, requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { INITIATIVE, INITIATIVE_READERS, INITIATIVE_SCOPE } from './initiative-access.ts';
import { INITIATIVE_PAGE } from './initiative-rules.ts';
import {
  dayOf,
  eventsOf,
  type EventView,
  type InitiativeListItem,
  LIST_SELECT,
  listItem,
  type PartnerView,
  type PatronView,
  patronView,
  type PhotoView,
  ratingSummary,
  type RatingSummary,
  type UpdateView,
} from './initiative-views.ts';

export interface StaffFilter {
  status?: InitiativeStatus;
  regionId?: number;
  districtId?: number;
  areaId?: number;
  help?: InitiativeHelp;
  /** words of the title or description */
  q?: string;
}

export interface InitiativeHistoryItem {
  id: number;
  at: Date;
  type: string;
  actorType: string;
  fromStatus: InitiativeStatus | null;
  toStatus: InitiativeStatus | null;
  data: unknown;
}

export interface StaffInitiative extends InitiativeListItem {
  description: string;
  justification: string;
  organisation: string | null;
  language: string;
  address: string | null;
  /** the author's name as the public sees it: only when they chose to show it; never a phone */
  authorName: string | null;
  reasonCode: string | null;
  reasonNote: string | null;
  duplicateOfId: number | null;
  projectId: number | null;
  resultKk: string | null;
  resultRu: string | null;
  servedCount: number | null;
  startedAt: Date | null;
  closedAt: Date | null;
  partners: PartnerView[];
  patrons: PatronView[];
  updates: UpdateView[];
  photos: PhotoView[];
  events: EventView[];
  history: InitiativeHistoryItem[];
  rating: RatingSummary;
  comments: { visible: number; hidden: number };
  topicIds: number[];
}

export interface MapPoint {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: number; title: string; status: InitiativeStatus; areaId: number; progressPercent: number };
}

/** Positions to 3 decimals (~100 m), as the reports' public map does. */
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function staffWhere(p: StaffPrincipal, f: StaffFilter): Prisma.InitiativeWhereInput {
  const and: Prisma.InitiativeWhereInput[] = [coverWhere(INITIATIVE_SCOPE, p) as Prisma.InitiativeWhereInput];
  if (f.status) and.push({ status: f.status });
  if (f.regionId != null) and.push({ regionId: f.regionId });
  if (f.districtId != null) and.push({ districtId: f.districtId });
  if (f.areaId != null) and.push({ areaId: f.areaId });
  if (f.help) and.push({ helpNeeded: { has: f.help } });
  if (f.q?.trim()) {
    const q = f.q.trim();
    and.push({ OR: [{ title: { contains: q, mode: 'insensitive' } }, { description: { contains: q, mode: 'insensitive' } }] });
  }
  return { AND: and };
}

export function createInitiativeQueries({ prisma }: { prisma: PrismaClient }) {
  return {
    /** Newest first, keyset on id. */
    async list(
      p: StaffPrincipal,
      f: StaffFilter,
      page: { cursor?: number | null; limit?: number } = {},
    ): Promise<{ items: InitiativeListItem[]; nextCursor: number | null }> {
      requireRole(p, INITIATIVE_READERS);
      const limit = page.limit ?? INITIATIVE_PAGE;
      const where = staffWhere(p, f);
      const rows = await prisma.initiative.findMany({
        where: page.cursor ? { AND: [where, { id: { lt: page.cursor } }] } : where,
        orderBy: { id: 'desc' },
        take: limit + 1,
        select: LIST_SELECT,
      });
      return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]!.id : null };
    },

    /** The moderation queue: proposals in scope, oldest first. */
    async queue(p: StaffPrincipal, page: { offset?: number; limit?: number } = {}): Promise<{ items: InitiativeListItem[]; total: number }> {
      requireRole(p, INITIATIVE_READERS);
      const where = staffWhere(p, { status: 'proposed' });
      const [items, total] = await Promise.all([
        prisma.initiative.findMany({
          where,
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
          skip: page.offset ?? 0,
          take: page.limit ?? INITIATIVE_PAGE,
          select: LIST_SELECT,
        }),
        prisma.initiative.count({ where }),
      ]);
      return { items, total };
    },

    /** The board's counts per state (every state present, zeros included). */
    async counts(p: StaffPrincipal, f: Omit<StaffFilter, 'status'> = {}): Promise<Record<InitiativeStatus, number>> {
      requireRole(p, INITIATIVE_READERS);
      const rows = await prisma.initiative.groupBy({ by: ['status'], where: staffWhere(p, f), _count: { _all: true } });
      const out: Record<InitiativeStatus, number> = { proposed: 0, returned: 0, rejected: 0, published: 0, in_progress: 0, implemented: 0, closed: 0 };
      for (const r of rows) out[r.status] = r._count._all;
      return out;
    },

    async detail(p: StaffPrincipal, id: number): Promise<StaffInitiative> {
      requireRole(p, INITIATIVE_READERS);
      await loadInScope(prisma, p, INITIATIVE, id);
      const ini = await prisma.initiative.findUniqueOrThrow({
        where: { id },
        include: {
          citizen: { select: { name: true, erasedAt: true } },
          partners: { orderBy: [{ lead: 'desc' }, { id: 'asc' }] },
          patrons: { orderBy: { id: 'asc' } },
          updates: { orderBy: [{ heldOn: 'asc' }, { id: 'asc' }], include: { photos: { select: { id: true } } } },
          photos: { orderBy: { id: 'asc' } },
          events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
          topics: { select: { id: true } },
        },
      });
      const [visible, hidden, rating, events] = await Promise.all([
        prisma.publicComment.count({ where: { initiativeId: id, hidden: false } }),
        prisma.publicComment.count({ where: { initiativeId: id, hidden: true } }),
        ratingSummary(prisma, { initiativeId: id }),
        eventsOf(prisma, id, false),
      ]);
      return {
        ...listItem(ini),
        description: ini.description,
        justification: ini.justification,
        organisation: ini.organisation,
        language: ini.language,
        address: ini.address,
        authorName: ini.showName && !ini.citizen?.erasedAt ? (ini.citizen?.name ?? null) : null,
        reasonCode: ini.reasonCode,
        reasonNote: ini.reasonNote,
        duplicateOfId: ini.duplicateOfId,
        projectId: ini.projectId,
        resultKk: ini.resultKk,
        resultRu: ini.resultRu,
        servedCount: ini.servedCount,
        startedAt: ini.startedAt,
        closedAt: ini.closedAt,
        partners: ini.partners.map((x) => ({ id: x.id, kind: x.kind, name: x.name, bin: x.bin, lead: x.lead, role: x.role })),
        patrons: ini.patrons.map((x) => patronView(x, false)),
        updates: ini.updates.map((u) => ({
          id: u.id,
          heldOn: dayOf(u.heldOn),
          percent: u.percent,
          textKk: u.textKk,
          textRu: u.textRu,
          photoIds: u.photos.map((ph) => ph.id),
        })),
        photos: ini.photos.map((ph) => ({
          id: ph.id,
          updateId: ph.updateId,
          mimeType: ph.mimeType,
          width: ph.width,
          height: ph.height,
          withheld: ph.withheldAt != null,
        })),
        events,
        history: ini.events.map((e) => ({
          id: e.id,
          at: e.at,
          type: e.type,
          actorType: e.actorType,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          data: e.data,
        })),
        rating,
        comments: { visible, hidden },
        topicIds: ini.topics.map((t) => t.id),
      };
    },

    /** GeoJSON points of the initiatives with a place, in scope and filter (at most 5,000, newest first). */
    async points(p: StaffPrincipal, f: StaffFilter): Promise<{ type: 'FeatureCollection'; features: MapPoint[] }> {
      requireRole(p, INITIATIVE_READERS);
      const rows = await prisma.initiative.findMany({
        where: { AND: [staffWhere(p, f), { lat: { not: null } }, { lon: { not: null } }] },
        orderBy: { id: 'desc' },
        take: 5000,
        select: { id: true, title: true, status: true, areaId: true, progressPercent: true, lat: true, lon: true },
      });
      return { type: 'FeatureCollection', features: rows.map(toFeature) };
    },
  };
}

export const toFeature = (r: {
  id: number;
  title: string;
  status: InitiativeStatus;
  areaId: number;
  progressPercent: number;
  lat: number | null;
  lon: number | null;
}): MapPoint => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [r3(r.lon!), r3(r.lat!)] },
  properties: { id: r.id, title: r.title, status: r.status, areaId: r.areaId, progressPercent: r.progressPercent },
});
