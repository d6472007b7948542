// Open reports that look like the same problem (offered to a citizen before filing): the scoring, shared by
// the plain search (reports.findDuplicates) and the bot's update of «send», which reads the draft's candidates
// in its first statement (report-draft-unit.ts), so pressing «send» costs no read of its own (issue 23).
import { Prisma, type Report } from '../../generated/prisma/client.ts';
import { distanceM, textSimilarity } from './report-geo.ts';
import { OPEN_STATUSES } from './report-status.ts';

export interface DuplicateInput {
  categoryId: number;
  regionId: number;
  districtId?: number | null;
  lat?: number | null;
  lon?: number | null;
  description: string;
}

/** What scoring and the offer read of a report. */
export type DuplicateCandidate = Pick<Report, 'id' | 'number' | 'status' | 'hidden' | 'description' | 'lat' | 'lon' | 'districtId'>;

/** The newest open reports of the category and region looked at. */
export const CANDIDATES_MAX = 500;

/**
 * Candidates nearby (both with a point), or, where either has no point, in the same district with similar
 * text; the best `limit`, in the candidates' order (newest first) among equal scores.
 */
export function scoreDuplicates<R extends DuplicateCandidate>(input: DuplicateInput, candidates: R[], radiusM: number, limit = 3) {
  return candidates
    .map((r) => {
      if (input.lat != null && input.lon != null && r.lat != null && r.lon != null) {
        const d = distanceM({ lat: input.lat, lon: input.lon }, { lat: r.lat, lon: r.lon });
        return { report: r, distanceM: Math.round(d), score: d <= radiusM ? 2 - d / radiusM : 0 };
      }
      const sameDistrict = input.districtId != null && r.districtId === input.districtId;
      const sim = textSimilarity(input.description, r.description);
      return { report: r, distanceM: null, score: sameDistrict && sim >= 0.3 ? sim : 0 };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ report, distanceM }) => ({ report, distanceM }));
}

/** What the bot's update read for the draft: the candidates, and the draft's answers they were chosen by. */
export interface DuplicatesRead {
  categoryId: number;
  regionId: number;
  districtId: number | null;
  lat: number | null;
  lon: number | null;
  candidates: DuplicateCandidate[];
}

export const duplicatesKey = (citizenId: number) => `reportDuplicates:${citizenId}`;

/** Whether the candidates were read for these answers (the draft may have changed since in the update). */
export const readFor = (read: DuplicatesRead, input: DuplicateInput) =>
  read.categoryId === input.categoryId &&
  read.regionId === input.regionId &&
  read.districtId === (input.districtId ?? null) &&
  read.lat === (input.lat ?? null) &&
  read.lon === (input.lon ?? null);

/**
 * For the draft `d` of draftRead (report-draft-unit.ts), the candidates `scoreDuplicates` can find something
 * in, as a `jsonb` array (empty without a draft). Only those the scoring may keep are read: with both points,
 * those within the radius (a metre more, the scoring decides exactly); else those of the draft's district.
 */
export function candidatesRead(radiusM: number): Prisma.Sql {
  const haversine = Prisma.sql`2 * 6371000 * asin(least(1, sqrt(
    power(sin(radians(r.lat - d.lat) / 2), 2) + cos(radians(d.lat)) * cos(radians(r.lat)) * power(sin(radians(r.lon - d.lon) / 2), 2))))`;
  // Compared as the enum, not as text: so the status indexes (Report_categoryId_status_idx, …) serve the read.
  const open = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"ReportStatus"`));
  // The same order as reports.findDuplicates (id breaks a tie of createdAt), so the same 500 are read.
  return Prisma.sql`coalesce((
      SELECT jsonb_agg(jsonb_build_object('id', r.id, 'number', r.number, 'status', r.status, 'hidden', r.hidden,
        'description', r.description, 'lat', r.lat, 'lon', r.lon, 'districtId', r."districtId") ORDER BY r."createdAt" DESC, r.id DESC)
      FROM (
        SELECT * FROM "Report" r
        WHERE r."categoryId" = d."categoryId" AND r."regionId" = d."regionId" AND r.hidden = false AND r."duplicateOfId" IS NULL
          AND r.status IN (${open})
        ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${CANDIDATES_MAX}
      ) r
      WHERE CASE WHEN d.lat IS NOT NULL AND d.lon IS NOT NULL AND r.lat IS NOT NULL AND r.lon IS NOT NULL
        THEN ${haversine} <= ${radiusM + 1}::float8
        ELSE d."districtId" IS NOT NULL AND r."districtId" = d."districtId" END
    ), '[]'::jsonb)`;
}
