// A random world for holding the rollups to the raw queries (tests/analytics-rollups.test.ts): on top of
// the hand-computed analytics world, a few hundred reports over November 2025 – January 2027 in three
// regions, with ties, zero and negative durations, durations past the last bucket (8192), reports
// without a district, hidden ones, merged duplicates; followers, questions, comments, volunteer
// applications and poll responses with answers. Then every kind of change the triggers must follow:
// status changes, moves to another region, district, category or department, deletions (with cascades
// of followers, poll answers and a whole wave), erasures (citizen → NULL). A seeded generator makes
// every run the same data.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { at, buildAnalyticsWorld, type AnalyticsWorld } from './analytics-fixtures.ts';

/** mulberry32: small, seedable, good enough to spread test data */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each rollup with the function that recomputes it from the tables and the sum that is 0 on a row counting nothing. */
export const ROLLUP_TABLES = [
  ['RollupReportMonth', 'analytics_expected_report_month', 'received'],
  ['RollupReportDuration', 'analytics_expected_report_duration', 'n'],
  ['RollupCitizenMonth', 'analytics_expected_citizen_month', '"civicControl" + consultations + discussion + volunteering + polls'],
  ['RollupCitizenYear', 'analytics_expected_citizen_year', '"civicControl" + consultations + discussion + volunteering + polls'],
  ['RollupPollAnswer', 'analytics_expected_poll_answer', 'n'],
  ['RollupPollRespondent', 'analytics_expected_poll_respondent', 'n'],
  ['RollupProjectBeneficiary', 'analytics_expected_project_beneficiary', 'n'],
] as const;

/**
 * Per rollup, the rows where it and its recomputation from the source tables differ (rows counting
 * nothing aside): empty everywhere when the triggers kept it exact.
 */
export async function rollupDifferences(prisma: PrismaClient): Promise<Array<[string, Array<{ side: string; row: string }>]>> {
  const out: Array<[string, Array<{ side: string; row: string }>]> = [];
  for (const [table, expected, count] of ROLLUP_TABLES) {
    out.push([
      table,
      await prisma.$queryRawUnsafe<Array<{ side: string; row: string }>>(
        `(SELECT 'kept' AS side, t::text AS row FROM (SELECT * FROM "${table}" WHERE ${count} <> 0 EXCEPT SELECT * FROM ${expected}()) t)
         UNION ALL (SELECT 'recomputed', t::text FROM (SELECT * FROM ${expected}() EXCEPT SELECT * FROM "${table}") t)`,
      ),
    ]);
  }
  return out;
}

export interface RandomWorld extends AnalyticsWorld {
  regionC: number;
  /** a district of region A other than districtA */
  districtA2: number;
}

const FIRST = at('2025-11-01T00:00:00').getTime();
const LAST = at('2027-01-10T00:00:00').getTime();
const HOUR = 3_600_000;

export async function buildRandomWorld(prisma: PrismaClient, seed = 23): Promise<RandomWorld> {
  const w = await buildAnalyticsWorld(prisma);
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const regionC = (await prisma.region.findUniqueOrThrow({ where: { code: 'shymkent' } })).id;
  const districts = await prisma.district.findMany({ where: { regionId: { in: [w.regionA, w.regionB, regionC] } }, orderBy: { id: 'asc' } });
  const districtA2 = districts.find((d) => d.regionId === w.regionA && d.id !== w.districtA)!.id;
  const categories = await prisma.category.findMany({ where: { active: true }, orderBy: { id: 'asc' }, take: 6 });
  const departments = [...new Set(categories.map((c) => c.departmentId))];
  const regions = [w.regionA, w.regionA, w.regionB, regionC];

  const citizens: number[] = [];
  for (let i = 0; i < 40; i++) {
    const regionId = pick(regions);
    const c = await prisma.citizen.create({
      data: {
        telegramId: BigInt(880_000_000 + seed * 1000 + i),
        locale: 'ru',
        consentAt: new Date(FIRST),
        regionId,
        districtId: chance(0.6) ? pick(districts.filter((d) => d.regionId === regionId)).id : null,
        createdAt: new Date(FIRST + random() * (LAST - FIRST)),
      },
    });
    citizens.push(c.id);
  }

  // Durations: whole quarter-hours and eighths of a working day give ties; some are 0, some negative
  // (a clock set wrong), some longer than the last bucket's bound.
  const statuses = ['new', 'in_work', 'resolved', 'resolved', 'resolved', 'rejected', 'duplicate', 'not_responsible', 'reopened'] as const;
  const reports = [];
  for (let i = 0; i < 420; i++) {
    const created = FIRST + Math.floor((random() * (LAST - FIRST)) / (15 * 60_000)) * 15 * 60_000;
    const regionId = pick(regions);
    const category = pick(categories);
    const status = pick(statuses);
    const self = status === 'resolved' && chance(0.2);
    const accepted = !self && status !== 'new' && (status !== 'rejected' || chance(0.5));
    const acceptH = chance(0.05) ? -2 : chance(0.1) ? 0 : Math.round(random() * random() * 200 * 4) / 4;
    const resolveH = chance(0.04) ? 8200 + random() * 2000 : acceptH + Math.round(random() * 600 * 4) / 4;
    // working days never stored on the reports of November 2025 (counted from the calendar then)
    const stored = created >= at('2025-12-01T00:00:00').getTime();
    const resolved = status === 'resolved';
    reports.push({
      number: `RB-${seed}-${i}`,
      year: 2026,
      seq: 50_000 + seed * 1000 + i,
      source: 'bot',
      citizenId: chance(0.9) ? pick(citizens) : null,
      categoryId: category.id,
      departmentId: chance(0.85) ? category.departmentId : pick(departments),
      regionId,
      districtId: chance(0.2) ? null : pick(districts.filter((d) => d.regionId === regionId)).id,
      lat: chance(0.15) ? null : 43 + random() * 10,
      lon: chance(0.15) ? null : 50 + random() * 30,
      description: `Случайное обращение ${i}`,
      status,
      hidden: chance(0.06),
      supportCount: Math.floor(random() * random() * 6),
      createdAt: new Date(created),
      acceptedAt: accepted ? new Date(created + acceptH * HOUR) : null,
      acceptWorkingDays: accepted && stored ? (chance(0.1) ? 0 : Math.round(random() * 12 * 8) / 8) : null,
      dueAt: accepted && chance(0.9) ? new Date(created + Math.round(random() * 300) * HOUR) : null,
      resolvedAt: resolved ? new Date(created + (self ? 30 : resolveH) * HOUR) : null,
      resolveWorkingDays: resolved && !self && stored ? Math.round(random() * 40 * 8) / 8 : null,
      reopenCount: chance(0.1) ? 1 + Math.floor(random() * 2) : 0,
      rating: resolved && chance(0.6) ? 1 + Math.floor(random() * 5) : null,
      selfResolved: self,
    });
  }
  await prisma.report.createMany({ data: reports });
  const reportIds = (await prisma.report.findMany({ where: { number: { startsWith: `RB-${seed}-` } }, select: { id: true }, orderBy: { id: 'asc' } })).map(
    (r) => r.id,
  );
  const when = () => new Date(FIRST + random() * (LAST - FIRST));

  // Other capabilities: supports, questions, comments, volunteering, poll responses.
  const pairs = new Set<string>();
  for (let i = 0; i < 150; i++) {
    const reportId = pick(reportIds);
    const citizenId = pick(citizens);
    if (pairs.has(`${reportId}:${citizenId}`)) continue;
    pairs.add(`${reportId}:${citizenId}`);
    await prisma.reportFollower.create({ data: { reportId, citizenId, createdAt: when() } });
  }
  const topic = await prisma.consultationTopic.findFirstOrThrow();
  for (let i = 0; i < 40; i++) {
    const createdAt = when();
    await prisma.question.create({
      data: {
        number: `QB-${seed}-${i}`,
        citizenId: pick(citizens),
        topicId: topic.id,
        askerGroup: 'individual',
        regionId: pick(regions),
        text: 'Вопрос',
        dueAt: createdAt,
        createdAt,
      },
    });
  }
  const d1 = await prisma.discussionComment.findFirstOrThrow({ select: { topicId: true } });
  for (let i = 0; i < 40; i++)
    await prisma.discussionComment.create({
      data: { topicId: d1.topicId, citizenId: chance(0.8) ? pick(citizens) : null, authorName: 'Азамат', text: 'Ұсыныс', createdAt: when() },
    });
  const opportunity = await prisma.volunteerOpportunity.findFirstOrThrow({ select: { id: true } });
  for (const citizenId of citizens.slice(0, 25))
    await prisma.volunteerApplication.create({ data: { opportunityId: opportunity.id, citizenId, state: 'applied', createdAt: when() } });
  const waves = await prisma.pollWave.findMany({ orderBy: { id: 'asc' } });
  const questions = await prisma.pollQuestion.findMany({ orderBy: { id: 'asc' } });
  const choices = ['fully', 'rather', 'rather_not', 'not_at_all', 'hard_to_say'];
  for (const wave of waves) {
    for (const citizenId of citizens.slice(10, 35)) {
      if (!chance(0.7)) continue;
      const r = await prisma.pollResponse.create({
        data: {
          waveId: wave.id,
          citizenId,
          locale: 'ru',
          submittedAt: when(),
          gender: chance(0.2) ? null : pick(['male', 'female'] as const),
          ageBracket: chance(0.2) ? null : pick(['age-14-16', 'age-23-27', 'age-59-plus']),
          socialStatus: chance(0.3) ? null : pick(['youth', 'older-people']),
        },
      });
      for (const q of questions)
        if (chance(0.9))
          await prisma.pollAnswer.create({
            data: { responseId: r.id, questionId: q.id, choice: q.type === 'single' ? 'tv' : chance(0.1) ? null : pick(choices) },
          });
    }
  }
  for (const [i, citizenId] of citizens.entries()) {
    if (!chance(0.6)) continue;
    const imported = chance(0.3);
    await prisma.projectBeneficiary.create({
      data: {
        projectId: w.projectId,
        citizenId: imported ? null : citizenId,
        source: imported ? 'import' : 'invitation',
        externalRef: imported ? `rb-${i}` : null,
        joinedAt: when(),
        gender: chance(0.5) ? pick(['male', 'female'] as const) : null,
        birthYear: chance(0.5) ? 1950 + Math.floor(random() * 60) : null,
        socialStatus: chance(0.5) ? pick(['youth', 'children']) : null,
      },
    });
  }
  await change(prisma, random, { ...w, regionC, districtA2 }, reportIds, citizens, departments);
  return { ...w, regionC, districtA2 };
}

/** Every kind of change the rollups must follow, through the same statements the app or an admin would run. */
async function change(
  prisma: PrismaClient,
  random: () => number,
  w: RandomWorld,
  reportIds: number[],
  citizens: number[],
  departments: number[],
): Promise<void> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const some = (n: number) => Array.from({ length: n }, () => pick(reportIds));
  const exec = (sql: string, ...values: unknown[]) => prisma.$executeRawUnsafe(sql, ...values);
  // the hand-computed world's reports get their working days stored, as the service would have
  await exec(`UPDATE "Report" SET "acceptWorkingDays" = 0.625 WHERE "acceptedAt" IS NOT NULL AND "acceptWorkingDays" IS NULL AND "createdAt" >= '2025-12-01'`);
  await exec(
    `UPDATE "Report" SET "resolveWorkingDays" = 2.5 WHERE "resolvedAt" IS NOT NULL AND "resolveWorkingDays" IS NULL AND NOT "selfResolved" AND "createdAt" >= '2025-12-01'`,
  );
  for (const id of some(30))
    await exec(
      `UPDATE "Report" SET status = 'in_work', "acceptedAt" = "createdAt" + interval '5 hours', "acceptWorkingDays" = 0.25 WHERE id = $1 AND status = 'new'`,
      id,
    );
  for (const id of some(30))
    await exec(
      `UPDATE "Report" SET status = 'resolved', "resolvedAt" = "createdAt" + interval '50 hours', "resolveWorkingDays" = 1.875, rating = 4 WHERE id = $1 AND status = 'in_work'`,
      id,
    );
  for (const id of some(15))
    await exec(
      `UPDATE "Report" SET status = 'reopened', "reopenCount" = "reopenCount" + 1, "resolvedAt" = NULL, "resolveWorkingDays" = NULL WHERE id = $1 AND status = 'resolved'`,
      id,
    );
  for (const id of some(10))
    await exec(`UPDATE "Report" SET "regionId" = $2, "districtId" = $3 WHERE id = $1`, id, w.regionA, pick([w.districtA, w.districtA2, null]));
  for (const id of some(10)) await exec(`UPDATE "Report" SET "departmentId" = $2 WHERE id = $1`, id, pick(departments));
  for (const id of some(10))
    await exec(
      `UPDATE "Report" SET "categoryId" = (SELECT id FROM "Category" WHERE active ORDER BY id LIMIT 1 OFFSET $2) WHERE id = $1`,
      id,
      Math.floor(random() * 6),
    );
  for (const id of some(10)) await exec(`UPDATE "Report" SET hidden = NOT hidden, "supportCount" = "supportCount" + 1, lat = NULL WHERE id = $1`, id);
  for (const id of some(8))
    await exec(`UPDATE "Report" SET "createdAt" = "createdAt" - interval '40 days', "citizenId" = $2 WHERE id = $1`, id, pick(citizens));
  for (const id of some(5)) await exec(`UPDATE "Report" SET status = 'duplicate', "duplicateOfId" = $2 WHERE id = $1 AND id <> $2`, id, w.reports.R8);
  // deleted with their followers (cascade); no reports point to these
  for (const id of some(12)) await exec(`DELETE FROM "Report" WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM "Report" d WHERE d."duplicateOfId" = $1)`, id);
  // a citizen erased: supports withdrawn, poll responses kept without the person
  const erased = pick(citizens);
  await exec(`DELETE FROM "ReportFollower" WHERE "citizenId" = $1`, erased);
  await exec(`UPDATE "PollResponse" SET "citizenId" = NULL WHERE "citizenId" = $1`, erased);
  await exec(`UPDATE "DiscussionComment" SET "citizenId" = NULL WHERE id IN (SELECT id FROM "DiscussionComment" ORDER BY id DESC LIMIT 3)`);
  await exec(
    `UPDATE "VolunteerApplication" SET "createdAt" = "createdAt" + interval '200 days' WHERE id IN (SELECT id FROM "VolunteerApplication" ORDER BY id LIMIT 5)`,
  );
  await exec(`DELETE FROM "Question" WHERE id IN (SELECT id FROM "Question" ORDER BY id DESC LIMIT 4)`);
  // poll data: an answer changed, a response gone with its answers, a question gone with its answers
  await exec(`UPDATE "PollAnswer" SET choice = 'fully' WHERE id IN (SELECT id FROM "PollAnswer" WHERE choice = 'not_at_all' ORDER BY id LIMIT 5)`);
  await exec(`UPDATE "PollResponse" SET gender = 'female', "ageBracket" = NULL WHERE id IN (SELECT id FROM "PollResponse" ORDER BY id LIMIT 4)`);
  await exec(`DELETE FROM "PollResponse" WHERE id IN (SELECT id FROM "PollResponse" ORDER BY id DESC LIMIT 3)`);
  await exec(`DELETE FROM "PollQuestion" WHERE id = (SELECT max(id) FROM "PollQuestion" WHERE type = 'single')`);
  // a response moved to the other wave, and a third wave created and deleted with its responses
  await exec(`UPDATE "PollResponse" SET "waveId" = (SELECT min(id) FROM "PollWave") WHERE id = (
    SELECT max(r.id) FROM "PollResponse" r WHERE r."waveId" <> (SELECT min(id) FROM "PollWave")
      AND NOT EXISTS (SELECT 1 FROM "PollResponse" x WHERE x."waveId" = (SELECT min(id) FROM "PollWave") AND x."citizenId" = r."citizenId"))`);
  const wave3 = await prisma.pollWave.create({
    data: {
      pollId: (await prisma.poll.findFirstOrThrow()).id,
      position: 3,
      inviteCode: 'random-wave-3',
      labelKk: '3',
      labelRu: '3',
      opensAt: at('2026-12-01T00:00:00'),
      closesAt: at('2026-12-20T00:00:00'),
      status: 'closed',
    },
  });
  const q1 = await prisma.pollQuestion.findFirstOrThrow({ where: { type: 'satisfaction' } });
  for (const citizenId of citizens.slice(0, 5)) {
    const r = await prisma.pollResponse.create({ data: { waveId: wave3.id, citizenId, locale: 'ru', submittedAt: at('2026-12-02T10:00:00'), gender: 'male' } });
    await prisma.pollAnswer.create({ data: { responseId: r.id, questionId: q1.id, choice: 'fully' } });
  }
  await prisma.pollWave.delete({ where: { id: wave3.id } });
  // beneficiaries: profiles changed (theirs and their citizens'), one left, one citizen deleted outright
  for (const citizenId of citizens.slice(0, 12))
    await prisma.citizen.update({
      where: { id: citizenId },
      data: { gender: pick(['male', 'female'] as const), birthYear: pick([null, 1990, 2005]), socialStatus: pick([null, 'youth']) },
    });
  await exec(
    `UPDATE "ProjectBeneficiary" SET "birthYear" = 1970, "joinedAt" = "joinedAt" + interval '35 days' WHERE id IN (SELECT id FROM "ProjectBeneficiary" ORDER BY id LIMIT 4)`,
  );
  await exec(`DELETE FROM "ProjectBeneficiary" WHERE id = (SELECT max(id) FROM "ProjectBeneficiary")`);
  const leaving = await prisma.citizen.create({ data: { telegramId: 889_999_999n, locale: 'kk', gender: 'female', birthYear: 2001 } });
  await prisma.projectBeneficiary.create({
    data: { projectId: w.projectId, citizenId: leaving.id, source: 'invitation', gender: 'male', joinedAt: at('2026-06-01T10:00:00') },
  });
  await prisma.citizen.delete({ where: { id: leaving.id } });
}
