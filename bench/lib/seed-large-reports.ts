// Citizens and reports (with their history events) for the large benchmark seed: the biggest tables, and the
// citizen ids every other domain's rows point at; separate from seed-large.ts to keep each file small.
import { WorkingCalendar, type DayKind } from '../../core/calendar/working-days.ts';
import { Params } from '../../core/analytics/analytics-scope.ts';
import { workingTimeSql } from '../../core/analytics/working-time.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import { lit, type CitizenRange, type SeedContext } from './seed-large-context.ts';

const DESCRIPTIONS = [
  'Яма на проезжей части, машины объезжают по встречной',
  'Не горят фонари во дворе уже неделю',
  'Переполнены мусорные контейнеры, мусор не вывозят',
  'Течёт вода из колодца, образовалась наледь',
  'Сломаны качели на детской площадке',
  'Аулдағы жол бұзылған, көлік жүре алмайды',
  'Аялдамада шам жанбайды, кешке қараңғы',
  'Қоқыс жәшіктері толып кетті, апта бойы шығарылмайды',
  'Бездомные собаки у школы пугают детей',
  'Нет отопления в подъезде дома',
  'Открытый люк на тротуаре у остановки',
  'Ағаш құлап, жолды жауып тұр',
];

/** Citizens: one for every four reports, at least a thousand. Returns the id range this batch added. */
export async function seedCitizens({ client, step, sizes }: SeedContext, reports: number): Promise<CitizenRange> {
  const citizens = Math.max(1000, Math.ceil(reports / 4));
  const {
    rows: [cb],
  } = await client.query<{ base: string }>(`SELECT coalesce(max("telegramId"), 8000000000000)::text AS base FROM "Citizen"`);
  const tgBase = BigInt(cb!.base);
  await step(
    'citizens',
    `
    INSERT INTO "Citizen" ("telegramId", locale, "consentAt", name, "regionId", "districtId", gender, "birthYear", "socialStatus", "profileAskedAt", "createdAt", "updatedAt", "lastSeenAt")
    SELECT $1::bigint + g, CASE WHEN g % 3 = 0 THEN 'kk' ELSE 'ru' END, s.created, 'Bench ' || g, d."regionId", d.id,
           (ARRAY['male','female','female','male','unstated'])[1 + g % 5]::"Gender",
           CASE WHEN g % 7 = 0 THEN NULL ELSE 1945 + (g * 37) % 62 END,
           CASE WHEN g % 6 = 0 THEN NULL ELSE (${lit(socialStatuses.map((x) => x.code))})[1 + (g * 13) % ${socialStatuses.length}] END,
           s.created, s.created, s.created, s.created + (random() * 30) * interval '1 day'
    FROM (SELECT g, now() - ((($2::bigint - g)::float8 / $2::bigint) * 760 + random()) * interval '1 day' AS created FROM generate_series(1::bigint, $2::bigint) g) s
    JOIN bl_district d ON d.n = (s.g * 7919) % ${sizes.d}
    ORDER BY s.g`,
    [tgBase.toString(), citizens],
  );
  const {
    rows: [cr],
  } = await client.query<{ lo: number; hi: number }>('SELECT min(id)::int AS lo, max(id)::int AS hi FROM "Citizen" WHERE "telegramId" > $1::bigint', [
    tgBase.toString(),
  ]);
  const cLo = cr!.lo;
  const cN = cr!.hi - cr!.lo + 1;
  return { cLo, cN };
}

/** Reports spread over two years with their history events (filed, accepted, closed, reopened). */
export async function seedReports({ client, step, sizes }: SeedContext, reports: number, { cLo, cN }: CitizenRange): Promise<void> {
  if (reports > 0) {
    const {
      rows: [rb],
    } = await client.query<{ base: number; rid: number }>(`SELECT coalesce(max(seq), 10000000)::int AS base, coalesce(max(id), 0)::int AS rid FROM "Report"`);
    // The working days to accept and to resolve, which the reports service stores when the status
    // changes (report-service.ts), from the stored calendar over the generated span (730 days back).
    const { rows: days } = await client.query<{ date: string; kind: DayKind }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind::text AS kind FROM "CalendarDay"`,
    );
    const cal = new WorkingCalendar(days.map((d) => ({ ...d, nameKk: '', nameRu: '' })));
    const rp = new Params();
    rp.add(rb!.base);
    rp.add(reports);
    const wt = workingTimeSql(cal, new Date(Date.now() - 733 * 86_400_000), new Date(Date.now() + 2 * 86_400_000), rp);
    await step(
      'reports',
      `
      WITH s AS (
        SELECT g, random() AS rs, random() AS ra, random() AS rr, random() AS rq, random() AS rk,
               -- filed in id order, as a live system fills the table (the physical order the planner sees)
               now() - ((($2::bigint - g)::float8 / $2::bigint) * 730 + random() * 0.2) * interval '1 day' AS created
        FROM generate_series(1::bigint, $2::bigint) g
      ), t AS (
        SELECT s.*, d.id AS district, d."regionId" AS region, d.lat AS clat, d.lon AS clon,
               c.id AS category, c."departmentId" AS department, c."deadlineDays" AS days,
               -- new only while young; the rest spread over the outcomes an akimat sees
               CASE WHEN s.created > now() - interval '4 days' AND s.rs < 0.5 THEN 'new'
                    WHEN s.rs < 0.12 THEN 'in_work' WHEN s.rs < 0.15 THEN 'reopened'
                    WHEN s.rs < 0.77 THEN 'resolved' WHEN s.rs < 0.87 THEN 'rejected'
                    WHEN s.rs < 0.92 THEN 'duplicate' ELSE 'not_responsible' END AS status,
               s.rs BETWEEN 0.72 AND 0.77 AS self,
               s.created + (0.3 + power(s.ra, 2) * 96) * interval '1 hour' AS accepted
        FROM s
        JOIN bl_district d ON d.n = (s.g * 2654435761) % ${sizes.d}
        JOIN bl_category c ON c.n = (s.g * 40503) % ${sizes.c}
      ), u AS (
        SELECT t.*,
               CASE WHEN status IN ('in_work','reopened') OR (status = 'resolved' AND NOT self) THEN least(accepted, now()) END AS acc,
               CASE WHEN status = 'resolved' THEN least(now(), CASE WHEN self THEN created + (1 + rr * 72) * interval '1 hour'
                    ELSE accepted + (0.1 + power(rr, 1.5) * days * 2.2) * interval '1 day' END) END AS res
        FROM t
      )
      INSERT INTO "Report" (number, year, seq, source, "citizenId", "categoryId", "regionId", "districtId", "departmentId", lat, lon, address,
        description, anonymous, status, hidden, "supportCount", "createdAt", "updatedAt", "acceptedAt", "dueAt", "resolvedAt", "closedAt",
        "reopenedAt", "reopenCount", "confirmedFixed", rating, "ratedAt", "selfResolved", "acceptWorkingDays", "resolveWorkingDays")
      SELECT 'BN-' || ($1::int + g), extract(year FROM created + interval '5 hours')::int, $1::int + g, CASE WHEN g % 20 = 0 THEN 'open311' ELSE 'bot' END,
             ${cLo} + (g * 48271) % ${cN}, category, region, CASE WHEN g % 25 = 0 THEN NULL ELSE district END, department,
             CASE WHEN g % 10 = 0 THEN NULL ELSE clat + (rq - 0.5) * 0.4 END, CASE WHEN g % 10 = 0 THEN NULL ELSE clon + (rk - 0.5) * 0.6 END,
             CASE WHEN g % 3 = 0 THEN 'ул. Абая, ' || (g % 200) END,
             (${lit(DESCRIPTIONS)})[1 + g % ${DESCRIPTIONS.length}] || ' (№' || g || ')', g % 9 = 0, status::"ReportStatus", g % 97 = 0,
             floor(-ln(1 - rk * 0.999) * 1.3)::int, created, coalesce(res, acc, created),
             acc, CASE WHEN acc IS NOT NULL THEN acc + days * 1.4 * interval '1 day' END, res,
             CASE WHEN status = 'resolved' THEN res WHEN status IN ('rejected','duplicate','not_responsible') THEN least(now(), created + (1 + ra * 48) * interval '1 hour') END,
             CASE WHEN status = 'reopened' OR (status = 'resolved' AND g % 17 = 0) THEN least(now(), acc + interval '3 days') END,
             CASE WHEN status = 'reopened' OR (status = 'resolved' AND g % 17 = 0) THEN 1 ELSE 0 END,
             CASE WHEN status = 'resolved' AND rq < 0.6 THEN rq < 0.5 END,
             CASE WHEN status = 'resolved' AND rq < 0.6 THEN least(5, 1 + floor(power(rk, 0.6) * 5))::int END,
             CASE WHEN status = 'resolved' AND rq < 0.6 THEN least(now(), res + interval '6 hours') END,
             self, CASE WHEN acc IS NOT NULL THEN greatest(0, ${wt.between('created', 'acc')}) END,
             CASE WHEN res IS NOT NULL THEN greatest(0, ${wt.between('created', 'res')}) END
      FROM u ORDER BY g`,
      rp.values,
    );
    // The history the indicators and the citizen's timeline read: filed, accepted, closed.
    await step(
      'report events',
      `
      INSERT INTO "ReportEvent" ("reportId", at, "actorType", "actorId", type, "fromStatus", "toStatus", "publicNote")
      SELECT r.id, e.at, e.actor, NULL, e.type, e.f::"ReportStatus", e.t::"ReportStatus", e.note
      FROM "Report" r
      CROSS JOIN LATERAL (VALUES
        (r."createdAt", 'citizen', 'created', NULL, 'new', NULL),
        (r."acceptedAt", 'staff', 'status', 'new', 'in_work', NULL),
        (CASE WHEN r.status IN ('resolved','rejected','duplicate','not_responsible') THEN coalesce(r."resolvedAt", r."closedAt") END,
         CASE WHEN r."selfResolved" THEN 'citizen' ELSE 'staff' END, 'status', CASE WHEN r."acceptedAt" IS NULL THEN 'new' ELSE 'in_work' END,
         r.status::text, 'Работы выполнены'),
        (r."reopenedAt", 'citizen', 'status', 'resolved', 'reopened', NULL)
      ) AS e(at, actor, type, f, t, note)
      WHERE r.id > $1::int AND e.at IS NOT NULL`,
      [rb!.rid],
    );
  }
}
