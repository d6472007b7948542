// What anyone may read about initiatives (the bot's cards, the portal): the three public categories of the
// programme, one initiative, and the map's points. Only published, running and implemented ones; the author's
// name only when they chose to show it (never after /deletedata), the organisation always; a private patron
// without consent unnamed; withheld photos never; free text masked for phones, e-mails and ИИН/БИН.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { InitiativeHelp, InitiativeStatus } from '../../generated/prisma/enums.ts';
import { redact } from '../reports/report-public.ts';
import { INITIATIVE_PAGE, type Stage } from './initiative-rules.ts';
import { PUBLIC_STATUSES, STAGE_STATUS } from './initiative-status.ts';
import { toFeature, type MapPoint } from './initiative-queries.ts';
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

export interface PublicFilter {
  regionId?: number;
  districtId?: number;
  areaId?: number;
  help?: InitiativeHelp;
}

export interface PublicInitiative extends InitiativeListItem {
  description: string;
  justification: string;
  organisation: string | null;
  authorName: string | null;
  language: string;
  address: string | null;
  resultKk: string | null;
  resultRu: string | null;
  servedCount: number | null;
  startedAt: Date | null;
  partners: Omit<PartnerView, 'bin'>[];
  patrons: PatronView[];
  updates: UpdateView[];
  photos: Omit<PhotoView, 'withheld'>[];
  events: EventView[];
  rating: RatingSummary | null;
  /** the discussion topic proposed from it, once published */
  topicIds: number[];
}

function publicWhere(stage: Stage | null, f: PublicFilter): Prisma.InitiativeWhereInput {
  return {
    status: stage ? STAGE_STATUS[stage] : { in: [...PUBLIC_STATUSES] },
    ...(f.regionId != null ? { regionId: f.regionId } : {}),
    ...(f.districtId != null ? { districtId: f.districtId } : {}),
    ...(f.areaId != null ? { areaId: f.areaId } : {}),
    ...(f.help ? { helpNeeded: { has: f.help } } : {}),
  };
}

/** ~100 m, as reports' public positions: a proposal's point is often someone's yard. */
const round3 = (x: number | null | undefined) => (x == null ? null : Math.round(x * 1000) / 1000);
const masked = <T extends { title: string; lat?: number | null; lon?: number | null }>(r: T): T => ({
  ...r,
  title: redact(r.title),
  ...('lat' in r ? { lat: round3(r.lat) } : {}),
  ...('lon' in r ? { lon: round3(r.lon) } : {}),
});

export function createInitiativePublic({ prisma }: { prisma: PrismaClient }) {
  return {
    /** One category, newest first (implemented: by implementation date), with the total. */
    async list(stage: Stage, f: PublicFilter = {}, page: { offset?: number; limit?: number } = {}): Promise<{ items: InitiativeListItem[]; total: number }> {
      const where = publicWhere(stage, f);
      const orderBy: Prisma.InitiativeOrderByWithRelationInput[] =
        stage === 'implemented'
          ? [{ implementedAt: 'desc' }, { id: 'desc' }]
          : stage === 'proposals'
            ? [{ publishedAt: 'desc' }, { id: 'desc' }]
            : [{ startedAt: 'desc' }, { id: 'desc' }];
      const [rows, total] = await Promise.all([
        prisma.initiative.findMany({ where, orderBy, skip: page.offset ?? 0, take: page.limit ?? INITIATIVE_PAGE, select: LIST_SELECT }),
        prisma.initiative.count({ where }),
      ]);
      return { items: rows.map(masked), total };
    },

    /** Counts per public category (the portal's home, the bot's tabs). */
    async counts(f: PublicFilter = {}): Promise<Record<Stage, number>> {
      const rows = await prisma.initiative.groupBy({ by: ['status'], where: publicWhere(null, f), _count: { _all: true } });
      const n = (s: InitiativeStatus) => rows.find((r) => r.status === s)?._count._all ?? 0;
      return { proposals: n('published'), in_progress: n('in_progress'), implemented: n('implemented') };
    },

    /** One public initiative, or null (not public, or unknown). */
    async byId(id: number): Promise<PublicInitiative | null> {
      const ini = await prisma.initiative.findFirst({
        where: { id, status: { in: [...PUBLIC_STATUSES] } },
        include: {
          citizen: { select: { name: true, erasedAt: true } },
          partners: { orderBy: [{ lead: 'desc' }, { id: 'asc' }] },
          patrons: { orderBy: { id: 'asc' } },
          updates: { orderBy: [{ heldOn: 'asc' }, { id: 'asc' }], include: { photos: { where: { withheldAt: null }, select: { id: true } } } },
          photos: { where: { withheldAt: null }, orderBy: { id: 'asc' } },
          topics: { where: { status: { not: 'draft' } }, select: { id: true } },
        },
      });
      if (!ini) return null;
      const [events, rating] = await Promise.all([
        eventsOf(prisma, id, true),
        ini.status === 'implemented' ? ratingSummary(prisma, { initiativeId: id }) : Promise.resolve(null),
      ]);
      return {
        ...masked({ ...listItem(ini) }),
        description: redact(ini.description),
        justification: redact(ini.justification),
        organisation: ini.organisation,
        authorName: ini.showName && !ini.citizen?.erasedAt ? (ini.citizen?.name ?? null) : null,
        language: ini.language,
        address: ini.address ? redact(ini.address) : null,
        resultKk: ini.resultKk,
        resultRu: ini.resultRu,
        servedCount: ini.servedCount,
        startedAt: ini.startedAt,
        partners: ini.partners.map((x) => ({ id: x.id, kind: x.kind, name: x.name, lead: x.lead, role: x.role })),
        patrons: ini.patrons.map((x) => patronView(x, true)),
        updates: ini.updates.map((u) => ({
          id: u.id,
          heldOn: dayOf(u.heldOn),
          percent: u.percent,
          textKk: u.textKk,
          textRu: u.textRu,
          photoIds: u.photos.map((ph) => ph.id),
        })),
        photos: ini.photos.map((ph) => ({ id: ph.id, updateId: ph.updateId, mimeType: ph.mimeType, width: ph.width, height: ph.height })),
        events,
        rating,
        topicIds: ini.topics.map((t) => t.id),
      };
    },

    /** A public photo's file (not withheld, of a public initiative), for the media route; null otherwise. */
    async photo(photoId: number): Promise<{ telegramFileId: string | null; storedPath: string | null; mimeType: string } | null> {
      return prisma.initiativePhoto.findFirst({
        where: { id: photoId, withheldAt: null, initiative: { status: { in: [...PUBLIC_STATUSES] } } },
        select: { telegramFileId: true, storedPath: true, mimeType: true },
      });
    },

    /** GeoJSON of public initiatives with a place (one category, or all three), at most 5,000, positions to 3 decimals. */
    async points(stage: Stage | null, f: PublicFilter = {}): Promise<{ type: 'FeatureCollection'; features: MapPoint[] }> {
      const rows = await prisma.initiative.findMany({
        where: { ...publicWhere(stage, f), lat: { not: null }, lon: { not: null } },
        orderBy: { id: 'desc' },
        take: 5000,
        select: { id: true, title: true, status: true, areaId: true, progressPercent: true, lat: true, lon: true },
      });
      return { type: 'FeatureCollection', features: rows.map((r) => toFeature(masked(r))) };
    },
  };
}
