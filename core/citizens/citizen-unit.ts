// The citizen's home place saved inside a bot update's unit (core/chat-state, issue 23): the report flow
// gives a citizen without a saved region the one they just chose, and that change is made in the unit's last
// statement, with its audit entry, instead of a transaction of its own.
import { Prisma, type Citizen } from '../../generated/prisma/client.ts';
import { utcMoment } from '../db/sql-moment.ts';

export interface Place {
  regionId: number;
  districtId: number | null;
}

/** The keys of the unit's deferred parts: each touches its own table. */
export const placeKeys = (citizenId: number) => ({ update: `citizenPlace:${citizenId}`, audit: `citizenPlaceAudit:${citizenId}` });

/**
 * The region (and district) only when they exist and belong together: ids come from buttons, and a row that
 * is not there must not fail the unit's whole write (the chat's state and the update's done mark with it).
 */
export function placeUpdateSql(citizenId: number, p: Place, at: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Citizen" c SET "regionId" = r.id, "districtId" = ${p.districtId}::int,
      "updatedAt" = ${utcMoment(at)}
    FROM "Region" r
    WHERE c.id = ${citizenId} AND r.id = ${p.regionId}::int
      AND (${p.districtId}::int IS NULL OR EXISTS (SELECT 1 FROM "District" d WHERE d.id = ${p.districtId}::int AND d."regionId" = r.id))`;
}

/** The entry recordAudit writes for a profile change (core/audit), as one statement. */
export function placeAuditSql(before: Citizen, p: Place): Prisma.Sql {
  const id = String(before.id);
  const was = JSON.stringify({ regionId: before.regionId, districtId: before.districtId });
  return Prisma.sql`
    INSERT INTO "AuditLog" ("actorType", "actorId", action, entity, "entityId", before, after)
    VALUES ('citizen', ${id}, 'citizen.profile', 'citizen', ${id}, ${was}::jsonb, ${JSON.stringify(p)}::jsonb)`;
}

/** A profile patch that is exactly a place (region given, district given or null). */
export function asPlace(patch: Record<string, unknown>): Place | null {
  const keys = Object.keys(patch).sort().join();
  if (keys !== 'districtId,regionId' || typeof patch.regionId !== 'number') return null;
  return { regionId: patch.regionId, districtId: (patch.districtId as number | null) ?? null };
}
