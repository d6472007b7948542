-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "acceptWorkingDays" DOUBLE PRECISION,
ADD COLUMN     "resolveWorkingDays" DOUBLE PRECISION;

-- Backfill: the working days of the reports already accepted or resolved, as
-- WorkingCalendar.elapsedWorkingDays counts them with the stored calendar (a "CalendarDay" row decides,
-- otherwise Monday to Friday work). With W(t) = working days before t's Almaty day + (t's day is a
-- working day) x (time of day of t), the working time from a to b is W(b) - W(a), and 0 when b <= a.
WITH span AS (
  SELECT (min("createdAt") + interval '5 hours')::date AS lo,
         (greatest(max("acceptedAt"), max("resolvedAt"), max("createdAt")) + interval '5 hours')::date AS hi
  FROM "Report" WHERE "acceptedAt" IS NOT NULL OR "resolvedAt" IS NOT NULL
), days AS (
  SELECT g::date AS day,
         (CASE WHEN c.kind IS NOT NULL THEN c.kind = 'working_day' ELSE extract(isodow FROM g) < 6 END)::int AS w
  FROM span CROSS JOIN generate_series(span.lo, span.hi, interval '1 day') g
  LEFT JOIN "CalendarDay" c ON c.date = g::date
), cal AS (
  SELECT day, w, sum(w) OVER (ORDER BY day) - w AS before FROM days
), t AS (
  SELECT r.id,
    cc.before + cc.w * ((date_part('epoch', r."createdAt") + 18000) / 86400.0 - floor((date_part('epoch', r."createdAt") + 18000) / 86400.0)) AS wc,
    ca.before + ca.w * ((date_part('epoch', r."acceptedAt") + 18000) / 86400.0 - floor((date_part('epoch', r."acceptedAt") + 18000) / 86400.0)) AS wa,
    cr.before + cr.w * ((date_part('epoch', r."resolvedAt") + 18000) / 86400.0 - floor((date_part('epoch', r."resolvedAt") + 18000) / 86400.0)) AS wr
  FROM "Report" r
  JOIN cal cc ON cc.day = (r."createdAt" + interval '5 hours')::date
  LEFT JOIN cal ca ON ca.day = (r."acceptedAt" + interval '5 hours')::date
  LEFT JOIN cal cr ON cr.day = (r."resolvedAt" + interval '5 hours')::date
  WHERE r."acceptedAt" IS NOT NULL OR r."resolvedAt" IS NOT NULL
)
UPDATE "Report" r
-- (GREATEST skips NULLs: the CASE keeps a report never accepted or resolved at NULL)
SET "acceptWorkingDays" = CASE WHEN t.wa IS NOT NULL THEN greatest(0, t.wa - t.wc) END,
    "resolveWorkingDays" = CASE WHEN t.wr IS NOT NULL THEN greatest(0, t.wr - t.wc) END
FROM t WHERE t.id = r.id;

-- CreateIndex
CREATE INDEX "Report_analytics_idx" ON "Report"("createdAt", "regionId", "districtId", "categoryId", "departmentId", "status", "selfResolved", "acceptedAt", "resolvedAt", "dueAt", "reopenCount", "rating", "supportCount", "acceptWorkingDays", "resolveWorkingDays", "citizenId", "hidden", "lat", "lon");

-- CreateIndex
CREATE INDEX "Report_regionId_categoryId_supportCount_createdAt_id_idx" ON "Report"("regionId", "categoryId", "supportCount", "createdAt", "id");
