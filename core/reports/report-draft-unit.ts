// The report draft inside a bot update's unit (core/chat-state, issue 23): read in the unit's first
// statement by the citizen's Telegram id, and its changes of the update merged into one write made in the
// unit's last statement, so the draft commits with the conversation state. "Each answer saved at once" then
// means: saved by the end of the update that gave it. A crash before that writes neither, the update's claim
// goes stale and Telegram delivers the update again, so nothing the citizen was told is saved is lost.
import { Prisma } from '../../generated/prisma/client.ts';
import { utcMoment } from '../db/sql-moment.ts';
import { candidatesRead } from './report-duplicates.ts';
import type { EvidenceInput } from './report-service.ts';
import type { Draft, DraftFields } from './report-citizen.ts';

export type DraftPatch = Partial<DraftFields> & { evidence?: EvidenceInput[] };

/** What the unit will write: the patches merged, `replace` when the draft was discarded earlier in it. */
export type DraftWrite = { kind: 'upsert'; patch: DraftPatch; replace: boolean; at: Date } | { kind: 'delete' };

/** Under these keys the unit keeps the draft (`recall`), its pending write, and defers the write's statement. */
export const draftKey = (citizenId: number) => `reportDraft:${citizenId}`;
export const writeKey = (citizenId: number) => `reportDraftWrite:${citizenId}`;
export const todayKey = (citizenId: number) => `reportsFiledToday:${citizenId}`;

/** Columns and their types (raw parameters are cast, so `null` and numbers are typed alike on both databases). */
const COLUMNS: Record<keyof DraftPatch, string> = {
  categoryId: 'int',
  regionId: 'int',
  districtId: 'int',
  lat: 'double precision',
  lon: 'double precision',
  address: 'text',
  description: 'text',
  anonymous: 'boolean',
  evidence: 'jsonb',
};

export const EMPTY_FIELDS: DraftFields = {
  categoryId: null,
  regionId: null,
  districtId: null,
  lat: null,
  lon: null,
  address: null,
  description: null,
  anonymous: null,
};

/**
 * The citizen with this Telegram id's draft (its columns, `citizenId` null when there is none), how many
 * reports they filed in the bot since `since` (the daily limit, asked on entering the flow) and, given the
 * search's radius (the update is the summary's «send»), the open reports that may be the same problem
 * (report-duplicates.ts; what «send» offers), else null: one row when the citizen exists, read as `jsonb` by the unit.
 */
export function draftRead(telegramId: number | bigint, since: Date, duplicateRadiusM: number | null): Prisma.Sql {
  const candidates = duplicateRadiusM == null ? Prisma.sql`NULL::jsonb` : candidatesRead(duplicateRadiusM);
  return Prisma.sql`
    SELECT d.*, floor(extract(epoch FROM d."updatedAt") * 1000)::float8 AS "updatedAtMs", t.n AS "filedToday",
      ${candidates} AS "duplicateCandidates"
    FROM "Citizen" c
    LEFT JOIN "ReportDraft" d ON d."citizenId" = c.id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM "Report" r WHERE r."citizenId" = c.id AND r.source = 'bot' AND r."createdAt" >= ${utcMoment(since)}
    ) t
    WHERE c."telegramId" = ${BigInt(telegramId)}`;
}

/** The draft in the row `draftRead` gave, as the service's Draft (timestamps come as text: the epoch is read instead). */
export function draftFromRead(row: Record<string, unknown>): Draft | null {
  if (row.citizenId == null) return null;
  const fields = Object.fromEntries(Object.keys(EMPTY_FIELDS).map((k) => [k, row[k] ?? null])) as unknown as DraftFields;
  return { ...fields, evidence: (row.evidence as EvidenceInput[] | null) ?? [], updatedAt: new Date(Number(row.updatedAtMs)) };
}

export function mergeWrite(before: DraftWrite | undefined, patch: DraftPatch, at: Date): DraftWrite {
  if (!before) return { kind: 'upsert', patch, replace: false, at };
  if (before.kind === 'delete') return { kind: 'upsert', patch, replace: true, at };
  return { kind: 'upsert', patch: { ...before.patch, ...patch }, replace: before.replace, at };
}

/** One statement for the merged write (each column set once: the unit's last statement may touch a row once). */
export function draftWriteSql(citizenId: number, w: DraftWrite): Prisma.Sql {
  if (w.kind === 'delete') return Prisma.sql`DELETE FROM "ReportDraft" WHERE "citizenId" = ${citizenId}`;
  // A draft discarded earlier in the unit starts again empty: every column is set.
  const names = (w.replace ? Object.keys(COLUMNS) : Object.keys(w.patch)) as Array<keyof DraftPatch>;
  const value = (k: keyof DraftPatch) => {
    const v = k === 'evidence' ? JSON.stringify(w.patch.evidence ?? []) : (w.patch[k] ?? null);
    return Prisma.sql`${v}::${Prisma.raw(COLUMNS[k])}`;
  };
  const cols = names.map((k) => Prisma.raw(`"${k}"`));
  const sets = names.map((k) => Prisma.raw(`"${k}" = EXCLUDED."${k}"`));
  const at = utcMoment(w.at);
  return Prisma.sql`
    INSERT INTO "ReportDraft" ("citizenId", ${Prisma.join([...cols, Prisma.raw('"createdAt"'), Prisma.raw('"updatedAt"')])})
    VALUES (${citizenId}, ${Prisma.join([...names.map(value), at, at])})
    ON CONFLICT ("citizenId") DO UPDATE SET ${Prisma.join([...sets, Prisma.raw('"updatedAt" = EXCLUDED."updatedAt"'), ...(w.replace ? [Prisma.raw('"createdAt" = EXCLUDED."createdAt"')] : [])])}`;
}
