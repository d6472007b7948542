// How an initiative reads, for staff and for the public: shared shapes and the rating summary (average 1–5 and the
// satisfaction index on the national formula: fully + rather over all answers, "hard to answer" in the base).
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { InitiativeActorKind, InitiativeHelp, InitiativeStatus, PatronContribution } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import { round1 } from '../numbers.ts';
import { NATIONAL_BASELINE_PERCENT, POSITIVE } from '../polls/poll-rules.ts';

export interface RatingSummary {
  rated: number;
  /** 1–5, one decimal; null before the first rating */
  averageRating: number | null;
  satisfactionAnswers: number;
  /** percent, one decimal: (fully + rather) / all answers, "hard to answer" in the base (DOMAIN.md) */
  satisfactionIndex: number | null;
  nationalBaselinePercent: number;
}

export async function ratingSummary(db: Tx | PrismaClient, where: Prisma.InitiativeRatingWhereInput): Promise<RatingSummary> {
  const [agg, answers] = await Promise.all([
    db.initiativeRating.aggregate({ where, _count: { _all: true }, _avg: { rating: true } }),
    db.initiativeRating.groupBy({ by: ['satisfaction'], where: { ...where, satisfaction: { not: null } }, _count: { _all: true } }),
  ]);
  const all = answers.reduce((s, a) => s + a._count._all, 0);
  const positive = answers.filter((a) => a.satisfaction && POSITIVE.includes(a.satisfaction)).reduce((s, a) => s + a._count._all, 0);
  return {
    rated: agg._count._all,
    averageRating: agg._avg.rating == null ? null : round1(agg._avg.rating),
    satisfactionAnswers: all,
    satisfactionIndex: all > 0 ? round1((100 * positive) / all) : null,
    nationalBaselinePercent: NATIONAL_BASELINE_PERCENT,
  };
}

export interface InitiativeListItem {
  id: number;
  title: string;
  status: InitiativeStatus;
  areaId: number;
  regionId: number;
  districtId: number | null;
  helpNeeded: InitiativeHelp[];
  supportCount: number;
  progressPercent: number;
  lat: number | null;
  lon: number | null;
  submittedAt: Date;
  publishedAt: Date | null;
  implementedAt: Date | null;
}

export const LIST_SELECT = {
  id: true,
  title: true,
  status: true,
  areaId: true,
  regionId: true,
  districtId: true,
  helpNeeded: true,
  supportCount: true,
  progressPercent: true,
  lat: true,
  lon: true,
  submittedAt: true,
  publishedAt: true,
  implementedAt: true,
} as const satisfies Prisma.InitiativeSelect;

export interface PartnerView {
  id: number;
  kind: InitiativeActorKind;
  name: string;
  bin: string | null;
  lead: boolean;
  role: string | null;
}

export interface PatronView {
  id: number;
  /** null on public pages: a private person who did not consent («жеке меценат / частный меценат») */
  name: string | null;
  isPerson: boolean;
  public: boolean;
  contribution: PatronContribution;
  amountTenge: number | null;
  description: string | null;
}

export interface UpdateView {
  id: number;
  heldOn: string;
  percent: number;
  textKk: string;
  textRu: string;
  photoIds: number[];
}

export interface PhotoView {
  id: number;
  updateId: number | null;
  mimeType: string;
  width: number | null;
  height: number | null;
  withheld: boolean;
}

/** A volunteer event opened for the initiative, with counted volunteers (numbers, never names). */
export interface EventView {
  id: number;
  titleKk: string;
  titleRu: string;
  startsAt: Date;
  status: string;
  volunteers: number;
  hours: number;
}

export const patronView = (
  p: {
    id: number;
    name: string;
    isPerson: boolean;
    public: boolean;
    contribution: PatronContribution;
    amountTenge: Prisma.Decimal | null;
    description: string | null;
  },
  forPublic: boolean,
): PatronView => ({
  id: p.id,
  name: forPublic && p.isPerson && !p.public ? null : p.name,
  isPerson: p.isPerson,
  public: p.public,
  contribution: p.contribution,
  amountTenge: p.amountTenge == null ? null : Number(p.amountTenge),
  description: p.description,
});

/** Volunteering's COUNTED: recorded as attended and not denied by the volunteer (a NULL answer counts: SQL's NOT would drop it). */
export const COUNTED = {
  state: 'attended',
  OR: [{ confirmedByVolunteer: null }, { confirmedByVolunteer: true }],
} as const satisfies Prisma.VolunteerApplicationWhereInput;

export async function eventsOf(db: Tx | PrismaClient, initiativeId: number, publishedOnly: boolean): Promise<EventView[]> {
  const ops = await db.volunteerOpportunity.findMany({
    where: { initiativeId, ...(publishedOnly ? { status: 'published' } : {}) },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      titleKk: true,
      titleRu: true,
      startsAt: true,
      status: true,
      applications: { where: COUNTED, select: { citizenId: true, minutes: true } },
    },
  });
  return ops.map((o) => ({
    id: o.id,
    titleKk: o.titleKk,
    titleRu: o.titleRu,
    startsAt: o.startsAt,
    status: o.status,
    volunteers: new Set(o.applications.map((a) => a.citizenId)).size,
    hours: round1(o.applications.reduce((s, a) => s + (a.minutes ?? 0), 0) / 60),
  }));
}

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The list fields of a fuller row. */
export const listItem = (i: InitiativeListItem): InitiativeListItem => ({
  id: i.id,
  title: i.title,
  status: i.status,
  areaId: i.areaId,
  regionId: i.regionId,
  districtId: i.districtId,
  helpNeeded: i.helpNeeded,
  supportCount: i.supportCount,
  progressPercent: i.progressPercent,
  lat: i.lat,
  lon: i.lon,
  submittedAt: i.submittedAt,
  publishedAt: i.publishedAt,
  implementedAt: i.implementedAt,
});
