-- CreateTable
CREATE TABLE "RollupReportMonth" (
    "month" DATE NOT NULL,
    "regionId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "statusNew" INTEGER NOT NULL DEFAULT 0,
    "statusInWork" INTEGER NOT NULL DEFAULT 0,
    "statusResolved" INTEGER NOT NULL DEFAULT 0,
    "statusRejected" INTEGER NOT NULL DEFAULT 0,
    "statusDuplicate" INTEGER NOT NULL DEFAULT 0,
    "statusNotResponsible" INTEGER NOT NULL DEFAULT 0,
    "statusReopened" INTEGER NOT NULL DEFAULT 0,
    "withDeadline" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "supports" INTEGER NOT NULL DEFAULT 0,
    "selfResolved" INTEGER NOT NULL DEFAULT 0,
    "duplicateSupports" INTEGER NOT NULL DEFAULT 0,
    "duplicateReopened" INTEGER NOT NULL DEFAULT 0,
    "located" INTEGER NOT NULL DEFAULT 0,
    "latSum" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "lonSum" DECIMAL(65,30) NOT NULL DEFAULT 0,

    CONSTRAINT "RollupReportMonth_pkey" PRIMARY KEY ("month","regionId","districtId","categoryId","departmentId")
);

-- CreateTable
CREATE TABLE "RollupReportDuration" (
    "month" DATE NOT NULL,
    "regionId" INTEGER NOT NULL,
    "kind" SMALLINT NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupReportDuration_pkey" PRIMARY KEY ("regionId","month","kind","bucket")
);

-- CreateTable
CREATE TABLE "RollupCitizenMonth" (
    "month" DATE NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "civicControl" INTEGER NOT NULL DEFAULT 0,
    "consultations" INTEGER NOT NULL DEFAULT 0,
    "discussion" INTEGER NOT NULL DEFAULT 0,
    "volunteering" INTEGER NOT NULL DEFAULT 0,
    "polls" INTEGER NOT NULL DEFAULT 0,
    "mask" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupCitizenMonth_pkey" PRIMARY KEY ("month","citizenId")
);

-- CreateTable
CREATE TABLE "RollupCitizenYear" (
    "year" INTEGER NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "civicControl" INTEGER NOT NULL DEFAULT 0,
    "consultations" INTEGER NOT NULL DEFAULT 0,
    "discussion" INTEGER NOT NULL DEFAULT 0,
    "volunteering" INTEGER NOT NULL DEFAULT 0,
    "polls" INTEGER NOT NULL DEFAULT 0,
    "mask" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupCitizenYear_pkey" PRIMARY KEY ("year","citizenId")
);

-- CreateTable
CREATE TABLE "RollupPollAnswer" (
    "waveId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "choice" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupPollAnswer_pkey" PRIMARY KEY ("waveId","questionId","choice")
);

-- CreateTable
CREATE TABLE "RollupPollRespondent" (
    "waveId" INTEGER NOT NULL,
    "gender" TEXT NOT NULL,
    "ageBracket" TEXT NOT NULL,
    "socialStatus" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupPollRespondent_pkey" PRIMARY KEY ("waveId","gender","ageBracket","socialStatus")
);

-- CreateTable
CREATE TABLE "RollupProjectBeneficiary" (
    "projectId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "gender" TEXT NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "socialStatus" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupProjectBeneficiary_pkey" PRIMARY KEY ("projectId","month","gender","birthYear","socialStatus")
);

-- CreateIndex
CREATE INDEX "RollupReportMonth_regionId_month_idx" ON "RollupReportMonth"("regionId", "month");

-- CreateIndex
CREATE INDEX "RollupReportMonth_districtId_month_idx" ON "RollupReportMonth"("districtId", "month");

-- CreateIndex
CREATE INDEX "RollupReportMonth_categoryId_month_idx" ON "RollupReportMonth"("categoryId", "month");

-- CreateIndex
CREATE INDEX "RollupReportMonth_departmentId_month_idx" ON "RollupReportMonth"("departmentId", "month");

-- CreateIndex
CREATE INDEX "RollupCitizenMonth_month_mask_citizenId_idx" ON "RollupCitizenMonth"("month", "mask", "citizenId");

-- CreateIndex
CREATE INDEX "RollupCitizenYear_year_mask_citizenId_idx" ON "RollupCitizenYear"("year", "mask", "citizenId");

-- CreateIndex
CREATE INDEX "Citizen_createdAt_idx" ON "Citizen"("createdAt");

-- Rollup rows are rewritten in place all the time: room on each page lets PostgreSQL do it without
-- touching their indexes (HOT updates).
ALTER TABLE "RollupReportMonth" SET (fillfactor = 70);
ALTER TABLE "RollupReportDuration" SET (fillfactor = 70);
ALTER TABLE "RollupCitizenMonth" SET (fillfactor = 80);
ALTER TABLE "RollupCitizenYear" SET (fillfactor = 80);
ALTER TABLE "RollupPollAnswer" SET (fillfactor = 70);
ALTER TABLE "RollupPollRespondent" SET (fillfactor = 70);
ALTER TABLE "RollupProjectBeneficiary" SET (fillfactor = 80);

-- ───────────── what the rollups hold, defined once ─────────────
-- Almaty keeps UTC+5 all year, and timestamps are stored in UTC without a zone (core/calendar/local-time.ts).
CREATE FUNCTION analytics_month(t timestamp) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', t + interval '5 hours')::date
$$;

CREATE FUNCTION analytics_year(t timestamp) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT extract(year FROM t + interval '5 hours')::int
$$;

-- The capabilities with a count above zero, as bits in the order of core/analytics/engagement-indicators.ts.
CREATE FUNCTION analytics_activity_mask(civic int, consultations int, discussion int, volunteering int, polls int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- (| and << bind alike in SQL, hence the parentheses)
  SELECT (civic > 0)::int | ((consultations > 0)::int << 1) | ((discussion > 0)::int << 2) | ((volunteering > 0)::int << 3) | ((polls > 0)::int << 4)
$$;

-- The lower bounds of the duration buckets: 0, then 16 steps per doubling from 1/64 to 8192 (hours or
-- working days), every one an exact binary fraction; core/analytics/duration-buckets.ts has the same list.
CREATE FUNCTION analytics_duration_thresholds() RETURNS float8[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[0::float8] || array_agg((16 + j)::float8 * (1 << (e + 6)) / 1024 ORDER BY e, j) || ARRAY[8192::float8]
  FROM generate_series(-6, 12) e, generate_series(0, 15) j
$$;

-- 0 below 0, i for thresholds[i] <= v < thresholds[i + 1], 306 from 8192 on; NULL for NULL.
CREATE FUNCTION analytics_duration_bucket(v float8) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(v, analytics_duration_thresholds())
$$;

-- One report's share of RollupReportMonth: the same conditions as the indicators' SQL over the reports
-- (core/analytics/report-sums.ts), each 0 or 1 (or the report's own count).
CREATE FUNCTION analytics_report_facts(r "Report") RETURNS TABLE (
  month date, "regionId" int, "districtId" int, "categoryId" int, "departmentId" int,
  received int, "statusNew" int, "statusInWork" int, "statusResolved" int, "statusRejected" int,
  "statusDuplicate" int, "statusNotResponsible" int, "statusReopened" int, "withDeadline" int, "onTime" int,
  reopened int, rated int, "ratingSum" int, satisfied int, supports int, "selfResolved" int,
  "duplicateSupports" int, "duplicateReopened" int, located int, "latSum" numeric, "lonSum" numeric
) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT analytics_month(r."createdAt"), r."regionId", coalesce(r."districtId", 0), r."categoryId", r."departmentId",
    1,
    (r.status = 'new')::int, (r.status = 'in_work')::int, (r.status = 'resolved')::int, (r.status = 'rejected')::int,
    (r.status = 'duplicate')::int, (r.status = 'not_responsible')::int, (r.status = 'reopened')::int,
    coalesce(r.status = 'resolved' AND NOT r."selfResolved" AND r."resolvedAt" IS NOT NULL AND r."dueAt" IS NOT NULL, false)::int,
    coalesce(r.status = 'resolved' AND NOT r."selfResolved" AND r."resolvedAt" IS NOT NULL AND r."dueAt" IS NOT NULL AND r."resolvedAt" <= r."dueAt", false)::int,
    (r."reopenCount" > 0)::int,
    (r.rating IS NOT NULL)::int,
    coalesce(r.rating, 0),
    coalesce(r.rating >= 4, false)::int,
    r."supportCount",
    r."selfResolved"::int,
    CASE WHEN r.status = 'duplicate' THEN r."supportCount" ELSE 0 END,
    (r.status = 'duplicate' AND r."reopenCount" > 0)::int,
    (NOT r.hidden AND r.lat IS NOT NULL AND r.lon IS NOT NULL)::int,
    CASE WHEN NOT r.hidden AND r.lat IS NOT NULL AND r.lon IS NOT NULL THEN r.lat::numeric ELSE 0 END,
    CASE WHEN NOT r.hidden AND r.lat IS NOT NULL AND r.lon IS NOT NULL THEN r.lon::numeric ELSE 0 END
$$;

-- One report's durations (RollupReportDuration, by its own region): to accept among accepted reports,
-- to resolve among those the akimat resolved (not closed by their author), in stored working days
-- (bucket -1 when none is stored) and in hours, as core/analytics/duration-percentiles.ts orders them.
CREATE FUNCTION analytics_report_durations(r "Report") RETURNS TABLE (month date, "regionId" int, kind smallint, bucket smallint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT analytics_month(r."createdAt"), r."regionId", d.kind, d.bucket::smallint
  FROM (VALUES
    (0::smallint, CASE WHEN r."acceptedAt" IS NOT NULL THEN coalesce(analytics_duration_bucket(r."acceptWorkingDays"), -1) END),
    (1::smallint, CASE WHEN r."acceptedAt" IS NOT NULL THEN analytics_duration_bucket(date_part('epoch', r."acceptedAt" - r."createdAt") / 3600.0) END),
    (2::smallint, CASE WHEN r.status = 'resolved' AND NOT r."selfResolved" AND r."resolvedAt" IS NOT NULL THEN coalesce(analytics_duration_bucket(r."resolveWorkingDays"), -1) END),
    (3::smallint, CASE WHEN r.status = 'resolved' AND NOT r."selfResolved" AND r."resolvedAt" IS NOT NULL THEN analytics_duration_bucket(date_part('epoch', r."resolvedAt" - r."createdAt") / 3600.0) END)
  ) d(kind, bucket)
  WHERE d.bucket IS NOT NULL
$$;

-- Every activity that makes a citizen active (core/analytics/engagement-indicators.ts), with its
-- capability: 0 civic control, 1 consultations, 2 discussion, 3 volunteering, 4 polls.
CREATE FUNCTION analytics_activities() RETURNS TABLE ("citizenId" int, at timestamp, capability int) LANGUAGE sql STABLE AS $$
  SELECT "citizenId", "createdAt", 0 FROM "Report" WHERE "citizenId" IS NOT NULL
  UNION ALL SELECT "citizenId", "createdAt", 0 FROM "ReportFollower"
  UNION ALL SELECT "citizenId", "createdAt", 1 FROM "Question"
  UNION ALL SELECT "citizenId", "createdAt", 2 FROM "DiscussionComment" WHERE "citizenId" IS NOT NULL
  UNION ALL SELECT "citizenId", "createdAt", 3 FROM "VolunteerApplication"
  UNION ALL SELECT "citizenId", "submittedAt", 4 FROM "PollResponse" WHERE "citizenId" IS NOT NULL
$$;

-- ───────────── the rollups as computed from scratch ─────────────
-- The triggers below must always leave each table equal to its function (rows at zero aside);
-- tests/analytics-rollups.test.ts checks it after random changes, and analytics_rebuild_rollups() uses them.
CREATE FUNCTION analytics_expected_report_month() RETURNS SETOF "RollupReportMonth" LANGUAGE sql STABLE AS $$
  SELECT f.month, f."regionId", f."districtId", f."categoryId", f."departmentId",
    sum(f.received)::int, sum(f."statusNew")::int, sum(f."statusInWork")::int, sum(f."statusResolved")::int,
    sum(f."statusRejected")::int, sum(f."statusDuplicate")::int, sum(f."statusNotResponsible")::int,
    sum(f."statusReopened")::int, sum(f."withDeadline")::int, sum(f."onTime")::int, sum(f.reopened)::int,
    sum(f.rated)::int, sum(f."ratingSum")::int, sum(f.satisfied)::int, sum(f.supports)::int,
    sum(f."selfResolved")::int, sum(f."duplicateSupports")::int, sum(f."duplicateReopened")::int,
    sum(f.located)::int, sum(f."latSum"), sum(f."lonSum")
  FROM "Report" r CROSS JOIN LATERAL analytics_report_facts(r) f
  GROUP BY 1, 2, 3, 4, 5
$$;

CREATE FUNCTION analytics_expected_report_duration() RETURNS SETOF "RollupReportDuration" LANGUAGE sql STABLE AS $$
  WITH regions AS (
    SELECT f.month, f."regionId", f.kind, f.bucket, count(*)::int AS n
    FROM "Report" r CROSS JOIN LATERAL analytics_report_durations(r) f
    GROUP BY 1, 2, 3, 4
  )
  SELECT * FROM regions
  UNION ALL SELECT month, 0, kind, bucket, sum(n)::int FROM regions GROUP BY 1, 3, 4
$$;

CREATE FUNCTION analytics_expected_citizen_month() RETURNS SETOF "RollupCitizenMonth" LANGUAGE sql STABLE AS $$
  SELECT x.*, analytics_activity_mask(x.c0, x.c1, x.c2, x.c3, x.c4) FROM (
    SELECT analytics_month(a.at) AS k, a."citizenId", count(*) FILTER (WHERE a.capability = 0)::int AS c0, count(*) FILTER (WHERE a.capability = 1)::int AS c1,
      count(*) FILTER (WHERE a.capability = 2)::int AS c2, count(*) FILTER (WHERE a.capability = 3)::int AS c3, count(*) FILTER (WHERE a.capability = 4)::int AS c4
    FROM analytics_activities() a GROUP BY 1, 2
  ) x
$$;

CREATE FUNCTION analytics_expected_citizen_year() RETURNS SETOF "RollupCitizenYear" LANGUAGE sql STABLE AS $$
  SELECT x.*, analytics_activity_mask(x.c0, x.c1, x.c2, x.c3, x.c4) FROM (
    SELECT analytics_year(a.at) AS k, a."citizenId", count(*) FILTER (WHERE a.capability = 0)::int AS c0, count(*) FILTER (WHERE a.capability = 1)::int AS c1,
      count(*) FILTER (WHERE a.capability = 2)::int AS c2, count(*) FILTER (WHERE a.capability = 3)::int AS c3, count(*) FILTER (WHERE a.capability = 4)::int AS c4
    FROM analytics_activities() a GROUP BY 1, 2
  ) x
$$;

CREATE FUNCTION analytics_expected_poll_answer() RETURNS SETOF "RollupPollAnswer" LANGUAGE sql STABLE AS $$
  SELECT r."waveId", a."questionId", a.choice, count(*)::int
  FROM "PollAnswer" a JOIN "PollResponse" r ON r.id = a."responseId"
  WHERE a.choice IS NOT NULL GROUP BY 1, 2, 3
$$;

CREATE FUNCTION analytics_expected_poll_respondent() RETURNS SETOF "RollupPollRespondent" LANGUAGE sql STABLE AS $$
  SELECT "waveId", coalesce(gender::text, ''), coalesce("ageBracket", ''), coalesce("socialStatus", ''), count(*)::int
  FROM "PollResponse" GROUP BY 1, 2, 3, 4
$$;

CREATE FUNCTION analytics_expected_project_beneficiary() RETURNS SETOF "RollupProjectBeneficiary" LANGUAGE sql STABLE AS $$
  SELECT pb."projectId", analytics_month(pb."joinedAt"), coalesce(c.gender::text, pb.gender::text, ''), coalesce(c."birthYear", pb."birthYear", 0),
    coalesce(c."socialStatus", pb."socialStatus", ''), count(*)::int
  FROM "ProjectBeneficiary" pb LEFT JOIN "Citizen" c ON c.id = pb."citizenId"
  GROUP BY 1, 2, 3, 4, 5
$$;

-- Recomputes rollups from the source tables: all of them (the backfill below, and after a bulk load that
-- ran with the triggers disabled, bench/lib/seed-large.ts), or the ones named.
-- (Grouping a million reports at once: memory enough not to spill to disk, and no JIT compilation, which
-- takes seconds for these plans and saves nothing.)
CREATE FUNCTION analytics_rebuild_rollups(targets text[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql
SET work_mem = '256MB' SET jit = off AS $$
BEGIN
  IF targets IS NULL OR 'RollupReportMonth' = ANY(targets) THEN
    TRUNCATE "RollupReportMonth";
    INSERT INTO "RollupReportMonth" SELECT * FROM analytics_expected_report_month();
  END IF;
  IF targets IS NULL OR 'RollupReportDuration' = ANY(targets) THEN
    TRUNCATE "RollupReportDuration";
    INSERT INTO "RollupReportDuration" SELECT * FROM analytics_expected_report_duration();
  END IF;
  IF targets IS NULL OR 'RollupCitizenMonth' = ANY(targets) THEN
    TRUNCATE "RollupCitizenMonth";
    INSERT INTO "RollupCitizenMonth" SELECT * FROM analytics_expected_citizen_month() ORDER BY 1, 2; -- in key order: the indexes fill page by page
  END IF;
  IF targets IS NULL OR 'RollupCitizenYear' = ANY(targets) THEN
    TRUNCATE "RollupCitizenYear";
    INSERT INTO "RollupCitizenYear" SELECT * FROM analytics_expected_citizen_year() ORDER BY 1, 2; -- in key order: the indexes fill page by page
  END IF;
  IF targets IS NULL OR 'RollupPollAnswer' = ANY(targets) THEN
    TRUNCATE "RollupPollAnswer";
    INSERT INTO "RollupPollAnswer" SELECT * FROM analytics_expected_poll_answer();
  END IF;
  IF targets IS NULL OR 'RollupPollRespondent' = ANY(targets) THEN
    TRUNCATE "RollupPollRespondent";
    INSERT INTO "RollupPollRespondent" SELECT * FROM analytics_expected_poll_respondent();
  END IF;
  IF targets IS NULL OR 'RollupProjectBeneficiary' = ANY(targets) THEN
    TRUNCATE "RollupProjectBeneficiary";
    INSERT INTO "RollupProjectBeneficiary" SELECT * FROM analytics_expected_project_beneficiary();
  END IF;
END
$$;

-- ───────────── kept up to date in the writing transaction ─────────────
-- Row triggers: a change touches a handful of rollup rows, locked in key order (ORDER BY) so two
-- transactions never wait on each other in a circle.

CREATE FUNCTION analytics_activity_add(citizen int, at timestamp, capability int, delta int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF citizen IS NULL OR at IS NULL THEN RETURN; END IF;
  INSERT INTO "RollupCitizenMonth" AS t (month, "citizenId", "civicControl", consultations, discussion, volunteering, polls, mask)
  VALUES (analytics_month(at), citizen, CASE WHEN capability = 0 THEN delta ELSE 0 END, CASE WHEN capability = 1 THEN delta ELSE 0 END,
          CASE WHEN capability = 2 THEN delta ELSE 0 END, CASE WHEN capability = 3 THEN delta ELSE 0 END, CASE WHEN capability = 4 THEN delta ELSE 0 END,
          CASE WHEN delta > 0 THEN 1 << capability ELSE 0 END)
  ON CONFLICT (month, "citizenId") DO UPDATE SET "civicControl" = t."civicControl" + excluded."civicControl",
    consultations = t.consultations + excluded.consultations, discussion = t.discussion + excluded.discussion,
    volunteering = t.volunteering + excluded.volunteering, polls = t.polls + excluded.polls,
    mask = analytics_activity_mask(t."civicControl" + excluded."civicControl", t.consultations + excluded.consultations,
      t.discussion + excluded.discussion, t.volunteering + excluded.volunteering, t.polls + excluded.polls);
  INSERT INTO "RollupCitizenYear" AS t (year, "citizenId", "civicControl", consultations, discussion, volunteering, polls, mask)
  VALUES (analytics_year(at), citizen, CASE WHEN capability = 0 THEN delta ELSE 0 END, CASE WHEN capability = 1 THEN delta ELSE 0 END,
          CASE WHEN capability = 2 THEN delta ELSE 0 END, CASE WHEN capability = 3 THEN delta ELSE 0 END, CASE WHEN capability = 4 THEN delta ELSE 0 END,
          CASE WHEN delta > 0 THEN 1 << capability ELSE 0 END)
  ON CONFLICT (year, "citizenId") DO UPDATE SET "civicControl" = t."civicControl" + excluded."civicControl",
    consultations = t.consultations + excluded.consultations, discussion = t.discussion + excluded.discussion,
    volunteering = t.volunteering + excluded.volunteering, polls = t.polls + excluded.polls,
    mask = analytics_activity_mask(t."civicControl" + excluded."civicControl", t.consultations + excluded.consultations,
      t.discussion + excluded.discussion, t.volunteering + excluded.volunteering, t.polls + excluded.polls);
END
$$;

CREATE FUNCTION analytics_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  facts boolean := true;
  durations boolean;
BEGIN
  -- Which rollups the change can touch, from the columns each one reads (a comparison, no query): a
  -- report filed or deleted has facts, and durations once accepted or resolved.
  IF TG_OP = 'UPDATE' THEN
    facts := (OLD."createdAt", OLD."regionId", OLD."districtId", OLD."categoryId", OLD."departmentId", OLD.status, OLD."selfResolved",
              OLD."resolvedAt", OLD."dueAt", OLD."reopenCount", OLD.rating, OLD."supportCount", OLD.hidden, OLD.lat, OLD.lon)
      IS DISTINCT FROM (NEW."createdAt", NEW."regionId", NEW."districtId", NEW."categoryId", NEW."departmentId", NEW.status, NEW."selfResolved",
              NEW."resolvedAt", NEW."dueAt", NEW."reopenCount", NEW.rating, NEW."supportCount", NEW.hidden, NEW.lat, NEW.lon);
    durations := (OLD."createdAt", OLD."regionId", OLD.status, OLD."selfResolved", OLD."acceptedAt", OLD."resolvedAt", OLD."acceptWorkingDays", OLD."resolveWorkingDays")
      IS DISTINCT FROM (NEW."createdAt", NEW."regionId", NEW.status, NEW."selfResolved", NEW."acceptedAt", NEW."resolvedAt", NEW."acceptWorkingDays", NEW."resolveWorkingDays")
      AND (OLD."acceptedAt" IS NOT NULL OR OLD."resolvedAt" IS NOT NULL OR NEW."acceptedAt" IS NOT NULL OR NEW."resolvedAt" IS NOT NULL);
  ELSIF TG_OP = 'INSERT' THEN
    durations := NEW."acceptedAt" IS NOT NULL OR NEW."resolvedAt" IS NOT NULL;
  ELSE
    durations := OLD."acceptedAt" IS NOT NULL OR OLD."resolvedAt" IS NOT NULL;
  END IF;
  IF facts THEN
    INSERT INTO "RollupReportMonth" AS t (month, "regionId", "districtId", "categoryId", "departmentId", received, "statusNew", "statusInWork",
      "statusResolved", "statusRejected", "statusDuplicate", "statusNotResponsible", "statusReopened", "withDeadline", "onTime", reopened, rated,
      "ratingSum", satisfied, supports, "selfResolved", "duplicateSupports", "duplicateReopened", located, "latSum", "lonSum")
    SELECT f.month, f."regionId", f."districtId", f."categoryId", f."departmentId",
      sum(d.sign * f.received), sum(d.sign * f."statusNew"), sum(d.sign * f."statusInWork"), sum(d.sign * f."statusResolved"),
      sum(d.sign * f."statusRejected"), sum(d.sign * f."statusDuplicate"), sum(d.sign * f."statusNotResponsible"),
      sum(d.sign * f."statusReopened"), sum(d.sign * f."withDeadline"), sum(d.sign * f."onTime"), sum(d.sign * f.reopened),
      sum(d.sign * f.rated), sum(d.sign * f."ratingSum"), sum(d.sign * f.satisfied), sum(d.sign * f.supports),
      sum(d.sign * f."selfResolved"), sum(d.sign * f."duplicateSupports"), sum(d.sign * f."duplicateReopened"),
      sum(d.sign * f.located), sum(d.sign * f."latSum"), sum(d.sign * f."lonSum")
    FROM (SELECT 1 AS sign, NEW AS r WHERE TG_OP <> 'DELETE' UNION ALL SELECT -1, OLD WHERE TG_OP <> 'INSERT') d
    CROSS JOIN LATERAL analytics_report_facts(d.r) f
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (month, "regionId", "districtId", "categoryId", "departmentId") DO UPDATE SET
      received = t.received + excluded.received, "statusNew" = t."statusNew" + excluded."statusNew",
      "statusInWork" = t."statusInWork" + excluded."statusInWork", "statusResolved" = t."statusResolved" + excluded."statusResolved",
      "statusRejected" = t."statusRejected" + excluded."statusRejected", "statusDuplicate" = t."statusDuplicate" + excluded."statusDuplicate",
      "statusNotResponsible" = t."statusNotResponsible" + excluded."statusNotResponsible", "statusReopened" = t."statusReopened" + excluded."statusReopened",
      "withDeadline" = t."withDeadline" + excluded."withDeadline", "onTime" = t."onTime" + excluded."onTime", reopened = t.reopened + excluded.reopened,
      rated = t.rated + excluded.rated, "ratingSum" = t."ratingSum" + excluded."ratingSum", satisfied = t.satisfied + excluded.satisfied,
      supports = t.supports + excluded.supports, "selfResolved" = t."selfResolved" + excluded."selfResolved",
      "duplicateSupports" = t."duplicateSupports" + excluded."duplicateSupports", "duplicateReopened" = t."duplicateReopened" + excluded."duplicateReopened",
      located = t.located + excluded.located, "latSum" = t."latSum" + excluded."latSum", "lonSum" = t."lonSum" + excluded."lonSum";
  END IF;

  -- each duration for the report's region and for the country (region 0)
  IF durations THEN
    INSERT INTO "RollupReportDuration" AS t (month, "regionId", kind, bucket, n)
    SELECT f.month, g.region, f.kind, f.bucket, sum(d.sign)
    FROM (SELECT 1 AS sign, NEW AS r WHERE TG_OP <> 'DELETE' UNION ALL SELECT -1, OLD WHERE TG_OP <> 'INSERT') d
    CROSS JOIN LATERAL analytics_report_durations(d.r) f
    CROSS JOIN LATERAL (VALUES (f."regionId"), (0)) g(region)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 ORDER BY 2, 1, 3, 4
    ON CONFLICT ("regionId", month, kind, bucket) DO UPDATE SET n = t.n + excluded.n;
  END IF;

  IF TG_OP <> 'UPDATE' OR (OLD."citizenId", OLD."createdAt") IS DISTINCT FROM (NEW."citizenId", NEW."createdAt") THEN
    IF TG_OP <> 'INSERT' THEN PERFORM analytics_activity_add(OLD."citizenId", OLD."createdAt", 0, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM analytics_activity_add(NEW."citizenId", NEW."createdAt", 0, 1); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER analytics_rollups AFTER INSERT OR DELETE ON "Report" FOR EACH ROW EXECUTE FUNCTION analytics_report_changed();
-- only when a column some figure reads has changed (not for a note, an assignee or a reminder flag)
CREATE TRIGGER analytics_rollups_update AFTER UPDATE ON "Report" FOR EACH ROW
WHEN ((OLD."createdAt", OLD."regionId", OLD."districtId", OLD."categoryId", OLD."departmentId", OLD.status, OLD."selfResolved",
       OLD."acceptedAt", OLD."resolvedAt", OLD."dueAt", OLD."reopenCount", OLD.rating, OLD."supportCount", OLD.hidden, OLD.lat, OLD.lon,
       OLD."acceptWorkingDays", OLD."resolveWorkingDays", OLD."citizenId")
  IS DISTINCT FROM (NEW."createdAt", NEW."regionId", NEW."districtId", NEW."categoryId", NEW."departmentId", NEW.status, NEW."selfResolved",
       NEW."acceptedAt", NEW."resolvedAt", NEW."dueAt", NEW."reopenCount", NEW.rating, NEW."supportCount", NEW.hidden, NEW.lat, NEW.lon,
       NEW."acceptWorkingDays", NEW."resolveWorkingDays", NEW."citizenId"))
EXECUTE FUNCTION analytics_report_changed();

-- Follower, question, comment, volunteer application: one activity each, by "citizenId" at "createdAt";
-- the capability is the trigger's argument.
CREATE FUNCTION analytics_activity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM analytics_activity_add(OLD."citizenId", OLD."createdAt", TG_ARGV[0]::int, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM analytics_activity_add(NEW."citizenId", NEW."createdAt", TG_ARGV[0]::int, 1); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER analytics_rollups AFTER INSERT OR DELETE ON "ReportFollower" FOR EACH ROW EXECUTE FUNCTION analytics_activity_changed('0');
CREATE TRIGGER analytics_rollups_update AFTER UPDATE ON "ReportFollower" FOR EACH ROW
WHEN ((OLD."citizenId", OLD."createdAt") IS DISTINCT FROM (NEW."citizenId", NEW."createdAt")) EXECUTE FUNCTION analytics_activity_changed('0');
CREATE TRIGGER analytics_rollups AFTER INSERT OR DELETE ON "Question" FOR EACH ROW EXECUTE FUNCTION analytics_activity_changed('1');
CREATE TRIGGER analytics_rollups_update AFTER UPDATE ON "Question" FOR EACH ROW
WHEN ((OLD."citizenId", OLD."createdAt") IS DISTINCT FROM (NEW."citizenId", NEW."createdAt")) EXECUTE FUNCTION analytics_activity_changed('1');
CREATE TRIGGER analytics_rollups AFTER INSERT OR DELETE ON "DiscussionComment" FOR EACH ROW EXECUTE FUNCTION analytics_activity_changed('2');
CREATE TRIGGER analytics_rollups_update AFTER UPDATE ON "DiscussionComment" FOR EACH ROW
WHEN ((OLD."citizenId", OLD."createdAt") IS DISTINCT FROM (NEW."citizenId", NEW."createdAt")) EXECUTE FUNCTION analytics_activity_changed('2');
CREATE TRIGGER analytics_rollups AFTER INSERT OR DELETE ON "VolunteerApplication" FOR EACH ROW EXECUTE FUNCTION analytics_activity_changed('3');
CREATE TRIGGER analytics_rollups_update AFTER UPDATE ON "VolunteerApplication" FOR EACH ROW
WHEN ((OLD."citizenId", OLD."createdAt") IS DISTINCT FROM (NEW."citizenId", NEW."createdAt")) EXECUTE FUNCTION analytics_activity_changed('3');

-- Polls. Nothing is counted for a wave that no longer exists (a cascade from its deletion; its rows go
-- with it below). A response takes its answers away before it is deleted, because by the time the
-- cascade deletes the answers the response is gone and their wave cannot be told.
CREATE FUNCTION analytics_poll_answers_add(wave int, response int, delta int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RollupPollAnswer" AS t ("waveId", "questionId", choice, n)
  SELECT wave, a."questionId", a.choice, delta * count(*)::int
  FROM "PollAnswer" a
  WHERE a."responseId" = response AND a.choice IS NOT NULL AND EXISTS (SELECT 1 FROM "PollWave" w WHERE w.id = wave)
  GROUP BY 2, 3 ORDER BY 2, 3
  ON CONFLICT ("waveId", "questionId", choice) DO UPDATE SET n = t.n + excluded.n;
END
$$;

CREATE FUNCTION analytics_response_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM analytics_activity_add(OLD."citizenId", OLD."submittedAt", 4, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM analytics_activity_add(NEW."citizenId", NEW."submittedAt", 4, 1); END IF;
  INSERT INTO "RollupPollRespondent" AS t ("waveId", gender, "ageBracket", "socialStatus", n)
  SELECT d.wave, d.gender, d.bracket, d.status, sum(d.sign)::int
  FROM (SELECT 1 AS sign, NEW."waveId" AS wave, coalesce(NEW.gender::text, '') AS gender, coalesce(NEW."ageBracket", '') AS bracket,
               coalesce(NEW."socialStatus", '') AS status WHERE TG_OP <> 'DELETE'
        UNION ALL
        SELECT -1, OLD."waveId", coalesce(OLD.gender::text, ''), coalesce(OLD."ageBracket", ''), coalesce(OLD."socialStatus", '') WHERE TG_OP <> 'INSERT') d
  WHERE EXISTS (SELECT 1 FROM "PollWave" w WHERE w.id = d.wave)
  GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("waveId", gender, "ageBracket", "socialStatus") DO UPDATE SET n = t.n + excluded.n;
  -- a response moved to another wave takes its answers along
  IF TG_OP = 'UPDATE' AND OLD."waveId" <> NEW."waveId" THEN
    PERFORM analytics_poll_answers_add(OLD."waveId", OLD.id, -1);
    PERFORM analytics_poll_answers_add(NEW."waveId", NEW.id, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION analytics_response_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_poll_answers_add(OLD."waveId", OLD.id, -1);
  RETURN OLD;
END
$$;

CREATE TRIGGER analytics_rollups AFTER INSERT OR DELETE ON "PollResponse" FOR EACH ROW EXECUTE FUNCTION analytics_response_changed();
CREATE TRIGGER analytics_rollups_update AFTER UPDATE ON "PollResponse" FOR EACH ROW
WHEN ((OLD."waveId", OLD."citizenId", OLD."submittedAt", OLD.gender, OLD."ageBracket", OLD."socialStatus")
  IS DISTINCT FROM (NEW."waveId", NEW."citizenId", NEW."submittedAt", NEW.gender, NEW."ageBracket", NEW."socialStatus"))
EXECUTE FUNCTION analytics_response_changed();
CREATE TRIGGER analytics_rollups_delete BEFORE DELETE ON "PollResponse" FOR EACH ROW EXECUTE FUNCTION analytics_response_deleting();

CREATE FUNCTION analytics_answer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wave int;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.choice IS NOT NULL THEN
    -- not found: deleted with its response, which took the answer away already
    SELECT "waveId" INTO wave FROM "PollResponse" WHERE id = OLD."responseId";
    IF FOUND THEN
      INSERT INTO "RollupPollAnswer" AS t ("waveId", "questionId", choice, n)
      SELECT wave, OLD."questionId", OLD.choice, -1 WHERE EXISTS (SELECT 1 FROM "PollWave" w WHERE w.id = wave)
      ON CONFLICT ("waveId", "questionId", choice) DO UPDATE SET n = t.n + excluded.n;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.choice IS NOT NULL THEN
    SELECT "waveId" INTO wave FROM "PollResponse" WHERE id = NEW."responseId";
    IF FOUND THEN
      INSERT INTO "RollupPollAnswer" AS t ("waveId", "questionId", choice, n)
      SELECT wave, NEW."questionId", NEW.choice, 1 WHERE EXISTS (SELECT 1 FROM "PollWave" w WHERE w.id = wave)
      ON CONFLICT ("waveId", "questionId", choice) DO UPDATE SET n = t.n + excluded.n;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER analytics_rollups AFTER INSERT OR DELETE ON "PollAnswer" FOR EACH ROW EXECUTE FUNCTION analytics_answer_changed();
CREATE TRIGGER analytics_rollups_update AFTER UPDATE ON "PollAnswer" FOR EACH ROW
WHEN ((OLD."responseId", OLD."questionId", OLD.choice) IS DISTINCT FROM (NEW."responseId", NEW."questionId", NEW.choice))
EXECUTE FUNCTION analytics_answer_changed();

CREATE FUNCTION analytics_wave_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RollupPollAnswer" WHERE "waveId" = OLD.id;
  DELETE FROM "RollupPollRespondent" WHERE "waveId" = OLD.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER analytics_rollups AFTER DELETE ON "PollWave" FOR EACH ROW EXECUTE FUNCTION analytics_wave_deleted();

-- Project beneficiaries, counted with their citizen's profile where they have one: a beneficiary row
-- changing, and a citizen's profile changing (for every project they are in). A citizen about to be
-- deleted leaves their beneficiaries with the imported profile first, which is all that is left to read
-- when the deletion reaches them.
CREATE FUNCTION analytics_beneficiaries_add(project int, joined timestamp, sex text, birth int, status text, delta int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RollupProjectBeneficiary" AS t ("projectId", month, gender, "birthYear", "socialStatus", n)
  VALUES (project, analytics_month(joined), coalesce(sex, ''), coalesce(birth, 0), coalesce(status, ''), delta)
  ON CONFLICT ("projectId", month, gender, "birthYear", "socialStatus") DO UPDATE SET n = t.n + excluded.n;
END
$$;

CREATE FUNCTION analytics_beneficiary_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g text;
  b int;
  s text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT c.gender::text, c."birthYear", c."socialStatus" INTO g, b, s FROM "Citizen" c WHERE c.id = OLD."citizenId";
    PERFORM analytics_beneficiaries_add(OLD."projectId", OLD."joinedAt", coalesce(g, OLD.gender::text), coalesce(b, OLD."birthYear"), coalesce(s, OLD."socialStatus"), -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    g := NULL;
    b := NULL;
    s := NULL;
    SELECT c.gender::text, c."birthYear", c."socialStatus" INTO g, b, s FROM "Citizen" c WHERE c.id = NEW."citizenId";
    PERFORM analytics_beneficiaries_add(NEW."projectId", NEW."joinedAt", coalesce(g, NEW.gender::text), coalesce(b, NEW."birthYear"), coalesce(s, NEW."socialStatus"), 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER analytics_rollups AFTER INSERT OR DELETE ON "ProjectBeneficiary" FOR EACH ROW EXECUTE FUNCTION analytics_beneficiary_changed();
CREATE TRIGGER analytics_rollups_update AFTER UPDATE ON "ProjectBeneficiary" FOR EACH ROW
WHEN ((OLD."projectId", OLD."citizenId", OLD."joinedAt", OLD.gender, OLD."birthYear", OLD."socialStatus")
  IS DISTINCT FROM (NEW."projectId", NEW."citizenId", NEW."joinedAt", NEW.gender, NEW."birthYear", NEW."socialStatus"))
EXECUTE FUNCTION analytics_beneficiary_changed();

CREATE FUNCTION analytics_citizen_profile_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RollupProjectBeneficiary" AS t ("projectId", month, gender, "birthYear", "socialStatus", n)
  SELECT pb."projectId", analytics_month(pb."joinedAt"), coalesce(x.gender, pb.gender::text, ''), coalesce(x.birth, pb."birthYear", 0),
         coalesce(x.status, pb."socialStatus", ''), sum(x.sign)::int
  FROM "ProjectBeneficiary" pb
  CROSS JOIN LATERAL (VALUES (-1, OLD.gender::text, OLD."birthYear", OLD."socialStatus"),
    (1, CASE WHEN TG_OP = 'UPDATE' THEN NEW.gender::text END, CASE WHEN TG_OP = 'UPDATE' THEN NEW."birthYear" END,
        CASE WHEN TG_OP = 'UPDATE' THEN NEW."socialStatus" END)) x(sign, gender, birth, status)
  WHERE pb."citizenId" = OLD.id
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(x.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("projectId", month, gender, "birthYear", "socialStatus") DO UPDATE SET n = t.n + excluded.n;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER analytics_rollups_profile AFTER UPDATE ON "Citizen" FOR EACH ROW
WHEN ((OLD.gender, OLD."birthYear", OLD."socialStatus") IS DISTINCT FROM (NEW.gender, NEW."birthYear", NEW."socialStatus"))
EXECUTE FUNCTION analytics_citizen_profile_changed();
CREATE TRIGGER analytics_rollups_delete BEFORE DELETE ON "Citizen" FOR EACH ROW EXECUTE FUNCTION analytics_citizen_profile_changed();

-- TRUNCATE fires no row triggers: the rollups that count the emptied table are recomputed instead.
CREATE FUNCTION analytics_source_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rebuild_rollups(CASE TG_TABLE_NAME
    WHEN 'Report' THEN ARRAY['RollupReportMonth', 'RollupReportDuration', 'RollupCitizenMonth', 'RollupCitizenYear']
    WHEN 'PollResponse' THEN ARRAY['RollupCitizenMonth', 'RollupCitizenYear', 'RollupPollAnswer', 'RollupPollRespondent']
    WHEN 'PollAnswer' THEN ARRAY['RollupPollAnswer']
    WHEN 'PollWave' THEN ARRAY['RollupPollAnswer', 'RollupPollRespondent']
    WHEN 'ProjectBeneficiary' THEN ARRAY['RollupProjectBeneficiary']
    WHEN 'Citizen' THEN ARRAY['RollupProjectBeneficiary']
    ELSE ARRAY['RollupCitizenMonth', 'RollupCitizenYear'] END);
  RETURN NULL;
END
$$;

CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "Report" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "ReportFollower" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "Question" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "DiscussionComment" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "VolunteerApplication" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "PollResponse" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "PollAnswer" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "PollWave" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "ProjectBeneficiary" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();
CREATE TRIGGER analytics_rollups_truncate AFTER TRUNCATE ON "Citizen" FOR EACH STATEMENT EXECUTE FUNCTION analytics_source_truncated();

-- ───────────── indexes the rollups lean on ─────────────
-- The exact percentiles read only the reports of the bucket where the median or 90th percentile lies:
-- each duration in order, with the filing time and region to narrow to the period and the region.
CREATE INDEX "Report_acceptWorkingDays_idx" ON "Report" ("acceptWorkingDays") INCLUDE ("createdAt", "regionId") WHERE "acceptedAt" IS NOT NULL;
-- (an expression index answers from the index alone only when it holds the columns of the expression too)
CREATE INDEX "Report_acceptHours_idx" ON "Report" ((date_part('epoch', "acceptedAt" - "createdAt") / 3600.0)) INCLUDE ("createdAt", "regionId", "acceptedAt") WHERE "acceptedAt" IS NOT NULL;
CREATE INDEX "Report_resolveWorkingDays_idx" ON "Report" ("resolveWorkingDays") INCLUDE ("createdAt", "regionId")
  WHERE status = 'resolved' AND NOT "selfResolved" AND "resolvedAt" IS NOT NULL;
CREATE INDEX "Report_resolveHours_idx" ON "Report" ((date_part('epoch', "resolvedAt" - "createdAt") / 3600.0)) INCLUDE ("createdAt", "regionId", "resolvedAt")
  WHERE status = 'resolved' AND NOT "selfResolved" AND "resolvedAt" IS NOT NULL;
-- "overdue now" per district among the reports of a period: the open ones only
CREATE INDEX "Report_open_createdAt_idx" ON "Report" ("createdAt", "regionId", "districtId", "categoryId", "departmentId", "dueAt")
  WHERE status IN ('new', 'in_work', 'reopened');

-- Backfill: the rollups of the data already there, with statistics for the planner.
SELECT analytics_rebuild_rollups();
ANALYZE "RollupReportMonth", "RollupReportDuration", "RollupCitizenMonth", "RollupCitizenYear", "RollupPollAnswer", "RollupPollRespondent", "RollupProjectBeneficiary";
