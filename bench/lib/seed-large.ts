// Large, realistic data for benchmarks, generated set-based inside PostgreSQL (generate_series), so a
// million reports take seconds rather than the hours row-by-row inserts would. Runs on a database that is
// already migrated and seeded with the reference data (prepareBenchDatabase does both through the app's
// own code). Spreads everything over the last two years, every region and district, every category and
// status, with timestamps in order (filed → accepted → resolved → rated) and the report history events
// that go with them. Re-running adds another batch: numbers and Telegram ids continue after what is there.
import pg from 'pg';
import { openDatabase } from '../../core/db/client.ts';
import { applyMigrations } from '../../core/db/migrate.ts';
import { dropDatabase } from '../../core/db/drop-database.ts';
import { almatyYear } from '../../core/calendar/local-time.ts';
import { WorkingCalendar, type DayKind } from '../../core/calendar/working-days.ts';
import { Params } from '../../core/analytics/analytics-scope.ts';
import { workingTimeSql } from '../../core/analytics/working-time.ts';
import { seedReferenceData } from '../../prisma/seed.ts';
import { ageBrackets, socialStatuses } from '../../prisma/seed/social-status.ts';

export interface SeedCounts {
  reports?: number;
  consultations?: number;
  pollAnswers?: number;
}

export const DEFAULT_COUNTS = { reports: 1_000_000, consultations: 100_000, pollAnswers: 1_000_000 } as const;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh database `name` on the server of `baseUrl` (dropped first if it exists), migrated and seeded
 * with the reference data exactly as the app does at start-up (years: two back and one ahead, so the
 * calendar covers the generated history). Returns its URL.
 */
export async function prepareBenchDatabase(baseUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name must be a plain identifier: ${name}`);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await dropDatabase(admin, name);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(baseUrl, name);
  const db = await openDatabase({ url, poolSize: 2 });
  try {
    await applyMigrations(db.adapterFactory);
    const year = almatyYear(new Date());
    await seedReferenceData(db.prisma, [year - 2, year - 1, year, year + 1]);
  } finally {
    await db.close();
  }
  return url;
}

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

const SATISFACTION = ['fully', 'rather', 'rather_not', 'not_at_all', 'hard_to_say'];

/** The SQL CASE that maps a birth year to the grant report's age bracket as of `year`. */
function ageBracketSql(birthYear: string, year: number): string {
  const cases = ageBrackets
    .map((b) => `WHEN ${year} - ${birthYear} >= ${b.from}${b.to == null ? '' : ` AND ${year} - ${birthYear} <= ${b.to}`} THEN '${b.code}'`)
    .join(' ');
  return `CASE WHEN ${birthYear} IS NULL THEN NULL ${cases} ELSE NULL END`;
}

/** Tables the big inserts go to: their foreign keys and secondary indexes are rebuilt once after loading. */
const BULK_TABLES = ['Citizen', 'Report', 'ReportEvent', 'Consultation', 'PollResponse', 'PollAnswer', 'PollInvitation', 'ProjectBeneficiary'];

/**
 * Tables whose changes the analytics rollups' triggers follow (migration analytics_rollups): row by row
 * they would add a million reports one at a time, so the load runs without them and the rollups are
 * recomputed once at the end, as the migration's backfill does.
 */
const ROLLUP_SOURCES = [
  'Citizen',
  'Report',
  'ReportFollower',
  'Question',
  'DiscussionComment',
  'VolunteerApplication',
  'PollWave',
  'PollResponse',
  'PollAnswer',
  'ProjectBeneficiary',
];

/**
 * Drops the foreign keys and secondary indexes of `tables` and returns the statements that put them back
 * exactly as they were (from the catalog): building an index once and checking a foreign key with one
 * join is several times faster than maintaining them row by row during a bulk insert. Runs inside the
 * caller's transaction, so a failure leaves the schema untouched.
 */
async function dropForLoad(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows: fks } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname = ANY($1::text[])`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     JOIN pg_class ic ON ic.relname = i.indexname JOIN pg_index x ON x.indexrelid = ic.oid
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[]) AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ic.oid)`,
    [tables],
  );
  for (const fk of fks) await client.query(`ALTER TABLE "${fk.tbl}" DROP CONSTRAINT "${fk.name}"`);
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
  return [...indexes.map((ix) => ix.def), ...fks.map((fk) => `ALTER TABLE "${fk.tbl}" ADD CONSTRAINT "${fk.name}" ${fk.def}`)];
}

const lit = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]`;

export async function seedLarge(databaseUrl: string, counts: SeedCounts, log: (line: string) => void = () => {}): Promise<{ ms: number }> {
  const started = Date.now();
  const reports = Math.max(0, Math.floor(counts.reports ?? DEFAULT_COUNTS.reports));
  const consultations = Math.max(0, Math.floor(counts.consultations ?? DEFAULT_COUNTS.consultations));
  const pollAnswers = Math.max(0, Math.floor(counts.pollAnswers ?? DEFAULT_COUNTS.pollAnswers));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const res = await client.query(sql, params);
    log(`seed-large: ${label} ${res.rowCount ?? ''} in ${Date.now() - t} ms`);
    return res;
  };
  try {
    // Bulk load: losing the last commit on a crash is harmless here.
    await client.query('SET synchronous_commit = off');
    await client.query("SET work_mem = '64MB'");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query('BEGIN');
    const restore = await dropForLoad(client, BULK_TABLES);
    for (const t of ROLLUP_SOURCES) await client.query(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
    await client.query('SELECT setseed(0.42)');
    await client.query(`
      CREATE TEMP TABLE bl_district ON COMMIT PRESERVE ROWS AS
        SELECT (row_number() OVER (ORDER BY d.id) - 1)::int AS n, d.id, d."regionId", r.lat, r.lon
        FROM "District" d JOIN "Region" r ON r.id = d."regionId";
      CREATE TEMP TABLE bl_category ON COMMIT PRESERVE ROWS AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, "departmentId", "deadlineDays" FROM "Category" WHERE active;
      CREATE TEMP TABLE bl_topic ON COMMIT PRESERVE ROWS AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM "ConsultationTopic";
      CREATE TEMP TABLE bl_region ON COMMIT PRESERVE ROWS AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, code FROM "Region";`);
    const {
      rows: [sizes],
    } = await client.query<{ d: number; c: number; t: number; r: number }>(
      'SELECT (SELECT count(*) FROM bl_district)::int AS d, (SELECT count(*) FROM bl_category)::int AS c, (SELECT count(*) FROM bl_topic)::int AS t, (SELECT count(*) FROM bl_region)::int AS r',
    );
    if (!sizes || sizes.d === 0 || sizes.c === 0 || sizes.t === 0)
      throw new Error('seedLarge needs a database seeded with the reference data (prepareBenchDatabase)');

    // ── citizens: one for every four reports, at least a thousand ──
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

    // ── reports ──
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

    // ── consultations of the resource centres ──
    if (consultations > 0) {
      await step(
        'consultations',
        `
        INSERT INTO "Consultation" (date, channel, "topicId", "askerGroup", "regionId", summary, result, "responseMinutes", satisfaction, "createdAt", "updatedAt")
        SELECT s.at, (ARRAY['bot','bot','phone','in_person','online_meeting'])[1 + g % 5]::"ConsultationChannel", t.id,
               (ARRAY['individual','individual','ngo','initiative_group','business','state_body'])[1 + (g * 7) % 6]::"AskerGroup",
               r.id, 'Консультация по вопросу №' || g,
               (ARRAY['answered','answered','answered','referred','not_in_scope','self_served'])[1 + (g * 11) % 6]::"ConsultationResult",
               CASE WHEN g % 5 < 2 THEN (5 + power(random(), 2) * 4000)::int END,
               CASE WHEN random() < 0.55 THEN least(5, 1 + floor(power(random(), 0.5) * 5))::int END, s.at, s.at
        FROM (SELECT g, now() - ((($1::bigint - g)::float8 / $1::bigint) * 730 + random() * 0.2) * interval '1 day' AS at FROM generate_series(1::bigint, $1::bigint) g) s
        JOIN bl_topic t ON t.n = (s.g * 31) % ${sizes.t}
        JOIN bl_region r ON r.n = (s.g * 17) % ${sizes.r}
        ORDER BY s.g`,
        [consultations],
      );
    }

    // ── public discussion: a state body per region, topics over the two years, comments ──
    const comments = Math.max(200, Math.ceil(reports / 50));
    await step(
      'state bodies',
      `
      INSERT INTO "StateBody" (code, "nameKk", "nameRu", "regionId")
      SELECT 'bench-' || r.code, 'Ішкі саясат басқармасы', 'Управление внутренней политики', r.id FROM bl_region r
      ON CONFLICT (code) DO NOTHING`,
    );
    const {
      rows: [tb],
    } = await client.query<{ base: number }>('SELECT coalesce(max(id), 0)::int AS base FROM "DiscussionTopic"');
    await step(
      'discussion topics',
      `
      INSERT INTO "DiscussionTopic" ("stateBodyId", "regionId", "areaId", year, "titleKk", "titleRu", "fundingThousandTenge", "justificationKk", "justificationRu",
        "informationSource", "targetGroupKk", "targetGroupRu", "expectedResultKk", "expectedResultRu", status, "publishedAt", "endsAt", "closedAt", "reviewDueAt", "reviewedAt", "createdAt", "updatedAt")
      SELECT sb.id, sb."regionId", 1 + (g * 7) % 19, extract(year FROM pub)::int + 1, 'Тақырып ' || g, 'Тема ' || g, 5000 + g % 50 * 1000,
             'Негіздеме', 'Обоснование', 'Оценка потребностей', 'Жастар', 'Молодёжь', 'Нәтиже', 'Результат',
             CASE WHEN pub + interval '20 days' > now() THEN 'open' WHEN g % 4 = 0 THEN 'closed' ELSE 'reviewed' END::"DiscussionStatus",
             pub, pub + interval '14 days', CASE WHEN pub + interval '20 days' <= now() THEN pub + interval '14 days' END,
             pub + interval '19 days', CASE WHEN pub + interval '20 days' <= now() AND g % 4 <> 0 THEN pub + interval '17 days' + (g % 5) * interval '1 day' END, pub, pub
      FROM (SELECT g, now() - (random() * 720) * interval '1 day' AS pub FROM generate_series(1, ${sizes.r * 12}) g) s
      JOIN "StateBody" sb ON sb.code = 'bench-' || (SELECT code FROM bl_region WHERE n = s.g % ${sizes.r})`,
    );
    await step(
      'discussion comments',
      `
      INSERT INTO "DiscussionComment" ("topicId", "citizenId", "authorName", text, stance, "createdAt", decision, "decidedAt")
      SELECT t.id, ${cLo} + (g * 69621) % ${cN}, 'Bench ' || g, 'Предложение по теме: ' || g,
             CASE WHEN g % 3 = 0 THEN 'object' ELSE 'support' END::"CommentStance",
             t."publishedAt" + random() * interval '13 days',
             CASE WHEN t.status = 'reviewed' THEN (ARRAY['accepted','partly_accepted','rejected','rejected'])[1 + g % 4]::"CommentDecision" END,
             t."reviewedAt"
      FROM generate_series(1::bigint, $1::bigint) g
      JOIN "DiscussionTopic" t ON t.id = $2::int + 1 + (g * 7) % ${sizes.r * 12}`,
      [comments, tb!.base],
    );

    // ── volunteering: opportunities and attendance ──
    const opportunities = Math.max(100, Math.ceil(reports / 500));
    const {
      rows: [ob],
    } = await client.query<{ base: number }>('SELECT coalesce(max(id), 0)::int AS base FROM "VolunteerOpportunity"');
    await step(
      'volunteer opportunities',
      `
      INSERT INTO "VolunteerOpportunity" ("titleKk", "titleRu", "organiserName", "areaId", "regionId", "districtId", place, "startsAt", "endsAt", needed, status, "publishedAt", "createdAt", "updatedAt")
      SELECT 'Сенбілік ' || g, 'Субботник ' || g, 'Ресурсный центр', 1 + g % 19, d."regionId", d.id, 'Парк', s.at, s.at + interval '4 hours', 10 + g % 20,
             'published', s.at - interval '7 days', s.at - interval '8 days', s.at
      FROM (SELECT g, now() - (random() * 720) * interval '1 day' AS at FROM generate_series(1::bigint, $1::bigint) g) s
      JOIN bl_district d ON d.n = (s.g * 101) % ${sizes.d}`,
      [opportunities],
    );
    await step(
      'volunteers',
      `
      INSERT INTO "Volunteer" ("citizenId", name, "regionId", "districtId", directions, "areaIds", availability, "signedUpAt", "createdAt", "updatedAt")
      SELECT c.id, c.name, c."regionId", c."districtId", ARRAY['events']::"VolunteerDirection"[], ARRAY[1], 'regularly', c."createdAt", c."createdAt", c."createdAt"
      FROM "Citizen" c WHERE c.id >= ${cLo} AND c.id < ${cLo} + ${Math.min(cN, opportunities * 4)}
      ON CONFLICT ("citizenId") DO NOTHING`,
    );
    await step(
      'volunteer applications',
      `
      INSERT INTO "VolunteerApplication" ("opportunityId", "citizenId", state, "queuedAt", "createdAt", "updatedAt", minutes, "peopleHelped", "attendanceAt", "confirmedByVolunteer")
      SELECT o.id, ${cLo} + (o.id * 13 + k * 7) % ${Math.min(cN, opportunities * 4)},
             CASE WHEN k % 6 = 0 THEN 'no_show' WHEN k % 9 = 0 THEN 'cancelled' ELSE 'attended' END::"VolunteerApplicationState",
             o."publishedAt", o."publishedAt", o."endsAt",
             CASE WHEN k % 6 <> 0 AND k % 9 <> 0 THEN 60 * (1 + k % 4) END, CASE WHEN k % 6 <> 0 AND k % 9 <> 0 THEN k % 7 END,
             CASE WHEN k % 6 <> 0 AND k % 9 <> 0 THEN o."endsAt" END, CASE WHEN k % 6 <> 0 AND k % 9 <> 0 THEN true END
      FROM "VolunteerOpportunity" o CROSS JOIN generate_series(1, 8) k
      WHERE o.id > $1::int
      ON CONFLICT ("opportunityId", "citizenId") DO NOTHING`,
      [ob!.base],
    );

    // ── social projects, beneficiaries, polls in three waves with answers ──
    if (pollAnswers > 0) {
      const QUESTIONS = 5;
      const WAVES = 3;
      const responses = Math.ceil(pollAnswers / QUESTIONS);
      const projects = Math.max(2, Math.min(60, Math.ceil(responses / 3000)));
      const perWave = Math.ceil(responses / (projects * WAVES));
      const beneficiaries = Math.min(cN, Math.ceil(perWave * 1.25));
      const {
        rows: [pb],
      } = await client.query<{ base: number }>('SELECT coalesce(max(id), 0)::int AS base FROM "SocialProject"');
      const year = almatyYear(new Date());
      await step(
        'projects',
        `
        INSERT INTO "SocialProject" ("nameKk", "nameRu", "supplierName", "contractSum", "startsOn", "endsOn", "areaId", "regionId", status, "inviteCode", "createdAt", "updatedAt")
        SELECT 'Жоба ' || g, 'Проект ' || g, 'ОФ «Bench ' || g || '»', 10000 + g * 100, make_date(${year - 1}, 1, 1), make_date(${year}, 12, 31), 1 + g % 19,
               (SELECT id FROM bl_region WHERE n = g % ${sizes.r}), 'active', 'bench-' || md5(gen_random_uuid()::text), now() - interval '700 days', now()
        FROM generate_series(1, ${projects}) g`,
      );
      await step(
        'beneficiaries',
        `
        INSERT INTO "ProjectBeneficiary" ("projectId", "citizenId", source, "joinedAt")
        SELECT p.id, ${cLo} + (p.id * 104729 + k) % ${cN}, 'invitation', p."createdAt" + (k % 60) * interval '1 day'
        FROM "SocialProject" p CROSS JOIN generate_series(1, ${beneficiaries}) k WHERE p.id > $1::int
        ON CONFLICT DO NOTHING`,
        [pb!.base],
      );
      await step(
        'polls',
        `
        INSERT INTO "Poll" ("projectId", "titleKk", "titleRu", status, "createdAt", "updatedAt")
        SELECT id, 'Қанағаттану сауалнамасы', 'Опрос удовлетворённости', 'ready', "createdAt", "createdAt" FROM "SocialProject" WHERE id > $1::int`,
        [pb!.base],
      );
      await step(
        'poll questions',
        `
        INSERT INTO "PollQuestion" ("pollId", position, type, "textKk", "textRu", options)
        SELECT p.id, q, (ARRAY['satisfaction','satisfaction','satisfaction','rating','single'])[q]::"PollQuestionType", 'Сұрақ ' || q, 'Вопрос ' || q,
               CASE WHEN q = 5 THEN '[{"code":"a","kk":"А","ru":"А"},{"code":"b","kk":"Б","ru":"Б"},{"code":"c","kk":"В","ru":"В"}]'::jsonb END
        FROM "Poll" p CROSS JOIN generate_series(1, ${QUESTIONS}) q WHERE p."projectId" > $1::int`,
        [pb!.base],
      );
      await step(
        'poll waves',
        `
        INSERT INTO "PollWave" ("pollId", position, "inviteCode", "labelKk", "labelRu", "opensAt", "closesAt", status, "closedAt")
        SELECT p.id, w, 'bench-' || md5(gen_random_uuid()::text), (ARRAY['Бастапқы','Аралық','Қорытынды'])[w], (ARRAY['Базовый','Промежуточный','Итоговый'])[w],
               now() - (720 - (w - 1) * 300) * interval '1 day', now() - (690 - (w - 1) * 300) * interval '1 day',
               CASE WHEN w = 3 THEN 'open' ELSE 'closed' END::"PollWaveStatus", CASE WHEN w < 3 THEN now() - (690 - (w - 1) * 300) * interval '1 day' END
        FROM "Poll" p CROSS JOIN generate_series(1, ${WAVES}) w WHERE p."projectId" > $1::int`,
        [pb!.base],
      );
      await step(
        'poll responses',
        `
        INSERT INTO "PollResponse" ("waveId", "citizenId", gender, "ageBracket", "socialStatus", locale, "submittedAt")
        SELECT w.id, b."citizenId", c.gender, ${ageBracketSql('c."birthYear"', year)}, c."socialStatus", c.locale,
               w."opensAt" + random() * interval '25 days'
        FROM "PollWave" w JOIN "Poll" p ON p.id = w."pollId"
        JOIN (SELECT "projectId", "citizenId", row_number() OVER (PARTITION BY "projectId" ORDER BY id) AS k FROM "ProjectBeneficiary" WHERE "projectId" > $1::int) b
          ON b."projectId" = p."projectId" AND b.k <= ${perWave}
        JOIN "Citizen" c ON c.id = b."citizenId"
        WHERE p."projectId" > $1::int`,
        [pb!.base],
      );
      // Satisfaction improves wave by wave, as a working project's should.
      await step(
        'poll answers',
        `
        INSERT INTO "PollAnswer" ("responseId", "questionId", choice, rating)
        SELECT r.id, q.id,
               CASE WHEN q.type = 'satisfaction' THEN (${lit(SATISFACTION)})[1 + least(4, floor(power(random(), 0.6 + w.position * 0.3) * 5))::int]
                    WHEN q.type = 'single' THEN (ARRAY['a','b','c'])[1 + (r.id + q.position) % 3] END,
               CASE WHEN q.type = 'rating' THEN 1 + least(4, floor(random() * 5))::int END
        FROM "PollResponse" r JOIN "PollWave" w ON w.id = r."waveId" JOIN "PollQuestion" q ON q."pollId" = w."pollId"
        JOIN "Poll" p ON p.id = w."pollId"
        WHERE p."projectId" > $1::int`,
        [pb!.base],
      );
      await step(
        'poll invitations',
        `
        INSERT INTO "PollInvitation" ("waveId", "beneficiaryId", status, "queuedAt", "answeredAt")
        SELECT w.id, b.id, 'sent', w."opensAt", r."submittedAt"
        FROM "PollWave" w JOIN "Poll" p ON p.id = w."pollId" JOIN "ProjectBeneficiary" b ON b."projectId" = p."projectId"
        LEFT JOIN "PollResponse" r ON r."waveId" = w.id AND r."citizenId" = b."citizenId"
        WHERE p."projectId" > $1::int
        ON CONFLICT DO NOTHING`,
        [pb!.base],
      );
    }
    const r0 = Date.now();
    for (const sql of restore) await client.query(sql);
    log(`seed-large: indexes and foreign keys rebuilt in ${Date.now() - r0} ms`);
    for (const t of ROLLUP_SOURCES) await client.query(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
    await step('analytics rollups recomputed', 'SELECT analytics_rebuild_rollups()');
    await client.query('COMMIT');
    // Fresh statistics (and the visibility map index-only scans need), as autovacuum would give a live system.
    const t = Date.now();
    await client.query('VACUUM ANALYZE');
    log(`seed-large: vacuum analyze in ${Date.now() - t} ms`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { ms: Date.now() - started };
}
