// Consultations, public discussion and volunteering for the large benchmark seed: the mid-sized domains,
// separate from seed-large.ts to keep each file small.
import type { CitizenRange, SeedContext } from './seed-large-context.ts';

/** Consultations of the resource centres. */
export async function seedConsultations({ step, sizes }: SeedContext, consultations: number): Promise<void> {
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
}

/** Public discussion: a state body per region, topics over the two years, comments. */
export async function seedDiscussions({ client, step, sizes }: SeedContext, reports: number, { cLo, cN }: CitizenRange): Promise<void> {
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
}

/** Volunteering: opportunities, volunteers and attendance. */
export async function seedVolunteering({ client, step, sizes }: SeedContext, reports: number, { cLo, cN }: CitizenRange): Promise<void> {
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
}
