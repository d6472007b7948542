// A moment inside a statement built with Prisma.sql, as the `timestamp(3)` columns hold it (UTC), whatever the
// session's time zone: the unit's data-modifying parts write it (core/reports, core/citizens).
import { Prisma } from '../../generated/prisma/client.ts';

export const utcMoment = (at: Date): Prisma.Sql => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
