// Which opportunities suit which volunteer: the same region; the same district unless either covers
// the whole region; and a shared direction or area, or none named by the opportunity (it suits anyone).
// One SQL fragment serves the bot's list and the announcements, so both always agree. Raw SQL because
// the PGlite driver adapter cannot bind Prisma's array filters (DEVELOPERS.md).
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';

/** `o` is the opportunity, `v` the volunteer. */
const SUITS = Prisma.sql`o."regionId" = v."regionId"
  AND (o."districtId" IS NULL OR v."districtId" IS NULL OR o."districtId" = v."districtId")
  AND (o.directions && v.directions OR o."areaId" = ANY(v."areaIds") OR (coalesce(cardinality(o.directions), 0) = 0 AND o."areaId" IS NULL))`;

/** Published opportunities that have not started and suit the volunteer, soonest first. */
export async function suitableOpportunities(
  prisma: PrismaClient,
  citizenId: number,
  at: Date,
  page: { offset: number; limit: number },
): Promise<{ ids: number[]; total: number }> {
  const from = Prisma.sql`FROM "Volunteer" v, "VolunteerOpportunity" o
    WHERE v."citizenId" = ${citizenId} AND v."signedUpAt" IS NOT NULL AND o.status = 'published' AND o."startsAt" > ${at} AND ${SUITS}`;
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<Array<{ id: number }>>`SELECT o.id ${from} ORDER BY o."startsAt", o.id LIMIT ${page.limit} OFFSET ${page.offset}`,
    prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n ${from}`,
  ]);
  return { ids: rows.map((r) => r.id), total: count[0]?.n ?? 0 };
}

/** Volunteers to tell about a new opportunity: signed up, not opted out, still reachable in Telegram. */
export async function volunteersToAnnounce(tx: Tx, opportunityId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT v."citizenId" AS id FROM "VolunteerOpportunity" o, "Volunteer" v JOIN "Citizen" c ON c.id = v."citizenId"
    WHERE o.id = ${opportunityId} AND v."signedUpAt" IS NOT NULL AND NOT v."announcementsOff"
      AND c."consentAt" IS NOT NULL AND c.active AND c."telegramId" > 0 AND ${SUITS}
    ORDER BY v."citizenId"`;
  return rows.map((r) => r.id);
}
