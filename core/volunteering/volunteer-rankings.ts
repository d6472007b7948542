// «Жомарт жүрек» awards (DOMAIN.md, seed 002): per district or region (city / oblast) and per month,
// quarter or year in Almaty time.
//   • Most active volunteer: the most people helped; ties by hours given. Equal on both: a shared rank.
//   • Favourite volunteer: the most positive reviews (4 or 5); ties by the average of all their reviews
//     in the period, then by people helped. Equal on all three: a shared rank.
//   • The indicator "volume of services provided by volunteers": total hours and people helped.
// What counts is attendance the organiser recorded and the volunteer did not deny (COUNTED), at events
// that started in the period and took place in the district or region: awards go to those who helped
// there. Volunteers who erased their data still count in the totals but are not ranked (nobody to award).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { parsePeriodKey, type Period as CalendarPeriod } from '../calendar/periods.ts';
import { COUNTED } from './volunteer-citizen.ts';
import { hoursOf } from './volunteer-rules.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

/** A month, quarter or year (core/calendar/periods.ts); awards are not given per half-year. */
export type Period = CalendarPeriod & { kind: PeriodKind };

export type Level = { level: 'region'; regionId: number } | { level: 'district'; districtId: number };

export interface RankedVolunteer {
  rank: number;
  citizenId: number;
  name: string;
  events: number;
  hours: number;
  peopleHelped: number;
  positiveReviews: number;
  reviews: number;
  /** of all reviews in the period, one decimal; null without reviews */
  averageRating: number | null;
}

export interface Totals {
  hours: number;
  peopleHelped: number;
  volunteers: number;
  events: number;
}

export interface Rankings {
  period: Period;
  mostActive: RankedVolunteer[];
  favourite: RankedVolunteer[];
  totals: Totals;
}

const AWARD_PERIODS: PeriodKind[] = ['month', 'quarter', 'year'];

export function parsePeriod(key: string): Period {
  return parsePeriodKey(key, { kinds: AWARD_PERIODS, error: 'volunteer.bad_period' }) as Period;
}

/** Standard competition ranking: equal keys share a rank, the next rank skips (1, 1, 3). */
function ranked<T>(items: T[], key: (x: T) => number[], name: (x: T) => string): Array<T & { rank: number }> {
  const cmp = (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return 0;
  };
  const sorted = [...items].sort((a, b) => cmp(a, b) || name(a).localeCompare(name(b), 'ru'));
  const out: Array<T & { rank: number }> = [];
  sorted.forEach((x, i) => out.push({ ...x, rank: i > 0 && cmp(sorted[i - 1]!, x) === 0 ? out[i - 1]!.rank : i + 1 }));
  return out;
}

export async function computeRankings(prisma: PrismaClient, where: Level, period: Period, limit = 10): Promise<Rankings> {
  const rows = await prisma.volunteerApplication.findMany({
    where: {
      ...COUNTED,
      opportunity: {
        startsAt: { gte: period.from, lt: period.to },
        ...(where.level === 'region' ? { regionId: where.regionId } : { districtId: where.districtId }),
      },
    },
    select: {
      citizenId: true,
      opportunityId: true,
      minutes: true,
      peopleHelped: true,
      review: { select: { rating: true } },
      citizen: { select: { volunteer: { select: { name: true } } } },
    },
  });
  const people = new Map<number, Omit<RankedVolunteer, 'rank' | 'averageRating'> & { minutes: number; ratingSum: number; named: boolean }>();
  for (const r of rows) {
    const p = people.get(r.citizenId) ?? {
      citizenId: r.citizenId,
      name: r.citizen.volunteer?.name ?? '',
      named: !!r.citizen.volunteer?.name,
      events: 0,
      hours: 0,
      minutes: 0,
      peopleHelped: 0,
      positiveReviews: 0,
      reviews: 0,
      ratingSum: 0,
    };
    p.events += 1;
    p.minutes += r.minutes ?? 0;
    p.peopleHelped += r.peopleHelped ?? 0;
    if (r.review) {
      p.reviews += 1;
      p.ratingSum += r.review.rating;
      if (r.review.rating >= 4) p.positiveReviews += 1;
    }
    people.set(r.citizenId, p);
  }
  const all = [...people.values()].map(({ minutes, ratingSum, named, ...p }) => ({
    ...p,
    named,
    hours: hoursOf(minutes),
    minutes,
    averageRating: p.reviews ? Math.round((ratingSum / p.reviews) * 10) / 10 : null,
    exactAverage: p.reviews ? ratingSum / p.reviews : 0,
  }));
  const awardable = all.filter((p) => p.named);
  const view = ({ named: _n, minutes: _m, exactAverage: _e, ...p }: (typeof all)[number] & { rank: number }): RankedVolunteer => p;
  const mostActive = ranked(
    awardable.filter((p) => p.peopleHelped > 0 || p.minutes > 0),
    (p) => [p.peopleHelped, p.minutes],
    (p) => p.name,
  );
  const favourite = ranked(
    awardable.filter((p) => p.positiveReviews > 0),
    (p) => [p.positiveReviews, p.exactAverage, p.peopleHelped],
    (p) => p.name,
  );
  return {
    period,
    // Everyone sharing the last rank shown is shown.
    mostActive: mostActive.filter((p) => p.rank <= limit).map(view),
    favourite: favourite.filter((p) => p.rank <= limit).map(view),
    totals: {
      hours: hoursOf(all.reduce((s, p) => s + p.minutes, 0)),
      peopleHelped: all.reduce((s, p) => s + p.peopleHelped, 0),
      volunteers: all.length,
      events: new Set(rows.map((r) => r.opportunityId)).size,
    },
  };
}
