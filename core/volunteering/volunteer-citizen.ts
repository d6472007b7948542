// What a volunteer sees in the bot: opportunities that suit them with the places left, one opportunity
// with their own application, their applications, and their record (events, hours, people helped).
import type { Prisma, PrismaClient, VolunteerApplication } from '../../generated/prisma/client.ts';
import type { VolunteerApplicationState } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import { queuePosition } from './volunteer-applications.ts';
import { suitableOpportunities } from './volunteer-match.ts';
import { HOLDS_PLACE, hoursOf } from './volunteer-rules.ts';
import { PLACED, type PlacedOpportunity } from './volunteer-text.ts';

export interface OpportunityForVolunteer {
  opportunity: PlacedOpportunity;
  placesLeft: number;
  /** the volunteer's own application, if any */
  mine: { id: number; state: VolunteerApplicationState; position: number | null; confirmed: boolean | null } | null;
}

export interface RecordItem {
  applicationId: number;
  opportunity: PlacedOpportunity;
  hours: number;
  peopleHelped: number;
  confirmed: boolean | null;
}

export interface VolunteerRecord {
  items: RecordItem[];
  totals: { events: number; hours: number; peopleHelped: number };
}

/**
 * Attendance that counts: recorded by the organiser and not denied by the volunteer. The same rule
 * feeds the rankings and the indicator (volunteer-rankings.ts).
 */
export const COUNTED = {
  state: 'attended',
  OR: [{ confirmedByVolunteer: null }, { confirmedByVolunteer: true }],
} satisfies Prisma.VolunteerApplicationWhereInput;

async function placesLeft(tx: Tx, opportunities: PlacedOpportunity[]): Promise<Map<number, number>> {
  const groups = await tx.volunteerApplication.groupBy({
    by: ['opportunityId'],
    where: { opportunityId: { in: opportunities.map((o) => o.id) }, state: { in: HOLDS_PLACE } },
    _count: { _all: true },
  });
  const taken = new Map(groups.map((g) => [g.opportunityId, g._count._all]));
  return new Map(opportunities.map((o) => [o.id, Math.max(0, o.needed - (taken.get(o.id) ?? 0))]));
}

async function mineOf(tx: Tx, a: VolunteerApplication | null): Promise<OpportunityForVolunteer['mine']> {
  if (!a) return null;
  return { id: a.id, state: a.state, position: a.state === 'waitlisted' ? await queuePosition(tx, a) : null, confirmed: a.confirmedByVolunteer };
}

export function createVolunteerCitizenService({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }) {
  return {
    async suitable(citizenId: number, page: { offset: number; limit: number }): Promise<{ items: Array<OpportunityForVolunteer>; total: number }> {
      const { ids, total } = await suitableOpportunities(prisma, citizenId, now(), page);
      const rows = await prisma.volunteerOpportunity.findMany({ where: { id: { in: ids } }, include: PLACED, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
      const [left, mine] = await Promise.all([
        placesLeft(prisma, rows),
        prisma.volunteerApplication.findMany({ where: { citizenId, opportunityId: { in: ids } } }),
      ]);
      const items = await Promise.all(
        rows.map(async (o) => ({
          opportunity: o,
          placesLeft: left.get(o.id)!,
          mine: await mineOf(prisma, mine.find((a) => a.opportunityId === o.id) ?? null),
        })),
      );
      return { items, total };
    },

    /** A published opportunity, or any the citizen has applied to (a cancelled event still shows its state). */
    async detail(citizenId: number, opportunityId: number): Promise<OpportunityForVolunteer> {
      const [o, a] = await Promise.all([
        prisma.volunteerOpportunity.findUnique({ where: { id: opportunityId }, include: PLACED }),
        prisma.volunteerApplication.findUnique({ where: { opportunityId_citizenId: { opportunityId, citizenId } } }),
      ]);
      if (!o || (o.status !== 'published' && !a)) throw notFound('volunteer.opportunity_not_found');
      return { opportunity: o, placesLeft: (await placesLeft(prisma, [o])).get(o.id)!, mine: await mineOf(prisma, a) };
    },

    /** The citizen's applications, the latest events first. */
    async applications(
      citizenId: number,
      page: { offset: number; limit: number },
    ): Promise<{ items: Array<VolunteerApplication & { opportunity: PlacedOpportunity }>; total: number }> {
      const where = { citizenId };
      const [items, total] = await Promise.all([
        prisma.volunteerApplication.findMany({
          where,
          include: { opportunity: { include: PLACED } },
          orderBy: [{ opportunity: { startsAt: 'desc' } }, { id: 'desc' }],
          skip: page.offset,
          take: page.limit,
        }),
        prisma.volunteerApplication.count({ where }),
      ]);
      return { items, total };
    },

    async record(citizenId: number): Promise<VolunteerRecord> {
      const rows = await prisma.volunteerApplication.findMany({
        where: { citizenId, ...COUNTED },
        include: { opportunity: { include: PLACED } },
        orderBy: [{ opportunity: { startsAt: 'desc' } }, { id: 'desc' }],
      });
      const items = rows.map((a) => ({
        applicationId: a.id,
        opportunity: a.opportunity,
        hours: hoursOf(a.minutes),
        peopleHelped: a.peopleHelped ?? 0,
        confirmed: a.confirmedByVolunteer,
      }));
      const minutes = rows.reduce((s, a) => s + (a.minutes ?? 0), 0);
      return { items, totals: { events: items.length, hours: hoursOf(minutes), peopleHelped: items.reduce((s, i) => s + i.peopleHelped, 0) } };
    },
  };
}
