// Social projects, beneficiaries and polls in three waves with answers for the large benchmark seed;
// separate from seed-large.ts to keep each file small.
import { almatyYear } from '../../core/calendar/local-time.ts';
import { ageBrackets } from '../../prisma/seed/social-status.ts';
import { lit, type CitizenRange, type SeedContext } from './seed-large-context.ts';

const SATISFACTION = ['fully', 'rather', 'rather_not', 'not_at_all', 'hard_to_say'];

/** The SQL CASE that maps a birth year to the grant report's age bracket as of `year`. */
function ageBracketSql(birthYear: string, year: number): string {
  const cases = ageBrackets
    .map((b) => `WHEN ${year} - ${birthYear} >= ${b.from}${b.to == null ? '' : ` AND ${year} - ${birthYear} <= ${b.to}`} THEN '${b.code}'`)
    .join(' ');
  return `CASE WHEN ${birthYear} IS NULL THEN NULL ${cases} ELSE NULL END`;
}

/** Social projects, beneficiaries, polls in three waves with answers (about `pollAnswers` of them). */
export async function seedProjectsAndPolls({ client, step, sizes }: SeedContext, pollAnswers: number, { cLo, cN }: CitizenRange): Promise<void> {
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
}
