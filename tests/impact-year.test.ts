// Issue 25's "Done when": one social project followed through 2026 (contract 10 000,0 thousand tenge, term the whole
// year). January: its results framework with baselines and targets. During the year: attendance from the grant
// report's events, beneficiaries, an outcome question asked in a baseline and a final wave of a poll (the same
// twelve people paired, two newcomers), a manual value entered with its evidence. November: a call for stories of
// change; three beneficiaries tell theirs in the real bot (one by voice), staff choose one with a reason and
// publish it, and the portal shows it without a name. December: the SROI with its assumptions and range. Every
// figure is worked out by hand in the comments; Kazakh and Russian citizens both take part; both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildAppServer } from '../app/compose.ts';
import { createImpactStoryFeature } from '../bot/impact/story.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ScriptedUser } from './fake-telegram/types.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { actor, ADMIN, almatyId, at, beneficiaryCitizen, newTelegramId, openWave } from './helpers/poll-fixtures.ts';
import { testLogger } from './helpers/silent-logger.ts';

const A = actor(ADMIN);
const STORY_KK = 'Жоба арқасында аспаз болып жұмысқа орналастым, енді отбасыма көмектесе аламын.';
const STORY_RU = 'На курсах я научилась составлять резюме и через месяц нашла работу бухгалтером.';

describe.each(dbTargets)('impact: one project through a year (%s)', (target) => {
  const h = useBotSuite(target, { features: [createImpactStoryFeature()], now: at('2026-01-05T10:00:00') });
  const { services, say, press, last } = h;
  let projectId = 0;
  let poll = { pollId: 0, questionId: 0 };
  const ind = { beneficiaries: 0, employedPoll: 0, employed: 0, attendance: 0 };
  const people: Array<{ u: ScriptedUser; citizenId: number; locale: 'kk' | 'ru' }> = [];
  let measureId = 0;
  let server: FastifyInstance | undefined;

  beforeAll(async () => {
    const area = await services.prisma.area.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const p = await services.prisma.socialProject.create({
      data: {
        nameKk: 'Жастарды жұмысқа орналастыру',
        nameRu: 'Трудоустройство молодёжи',
        supplierName: 'ҚҚ «Болашақ жастары»',
        contractSum: 10000,
        startsOn: new Date('2026-01-01'),
        endsOn: new Date('2026-12-31'),
        areaId: area.id,
        regionId: await almatyId(services.prisma),
        status: 'active',
        inviteCode: 'impactyear01',
      },
    });
    projectId = p.id;
    // 14 beneficiaries with Telegram: 12 joined in January, 2 in June (the final wave's newcomers); 4 speak Kazakh.
    for (let i = 0; i < 14; i++) {
      const locale = i % 4 === 0 ? 'kk' : 'ru';
      const u = h.fake.user({ id: newTelegramId(), language_code: locale, first_name: `Қатысушы${i}` });
      const { citizenId, beneficiaryId } = await beneficiaryCitizen(services.prisma, projectId, { locale, telegramId: u.id, name: `Қатысушы ${i}` });
      await services.prisma.projectBeneficiary.update({
        where: { id: beneficiaryId },
        data: { joinedAt: i < 12 ? at('2026-01-20T10:00:00') : at('2026-06-10T10:00:00') },
      });
      people.push({ u, citizenId, locale });
    }
    server = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  const event = (heldOn: string, participants: number) =>
    services.prisma.projectEvent.create({ data: { projectId, heldOn: new Date(heldOn), place: 'Алматы', form: 'тренинг', participants } });
  const row = async (id: number, period: string) => (await services.impact.values.indicator(ADMIN, id)).periods.find((x) => x.key === period)!;

  /** Everyone in `who` answers the wave's one question: yes or no. */
  async function answerWave(waveId: number, who: number[], yes: Set<number>) {
    for (const i of who) {
      const c = people[i]!.citizenId;
      await services.polls.citizen.begin(c, waveId);
      await services.polls.citizen.answer(c, waveId, poll.questionId, { choice: yes.has(i) ? 'yes' : 'no' });
      await services.polls.citizen.submit(c, waveId);
    }
  }

  it('January: the framework has one goal, an outcome and an output, with indicators, baselines and targets', async () => {
    const { framework } = services.impact;
    const node = (level: 'goal' | 'outcome' | 'output', parentId: number | null, kk: string, ru: string) =>
      framework.addNode(A, ADMIN, projectId, { level, parentId, textKk: kk, textRu: ru });
    const goal = await node('goal', null, 'Жастар тұрақты жұмысқа ие', 'Молодёжь имеет стабильную работу');
    const outcome = await node('outcome', goal.id, 'Қатысушылар жұмысқа орналасты', 'Участники трудоустроены');
    const output = await node('output', outcome.id, 'Жастар оқытылды', 'Молодёжь обучена');
    // a second goal is refused: the framework has one impact level
    await expect(node('goal', null, 'Екінші', 'Второй')).rejects.toMatchObject({ code: 'impact.one_goal' });

    const poll0 = await services.polls.builder.create(A, ADMIN, projectId, { titleKk: 'Нәтиже сауалнамасы', titleRu: 'Опрос о результатах', anonymous: false });
    const q = await services.polls.builder.addQuestion(A, ADMIN, poll0.id, {
      type: 'yes_no',
      textKk: 'Қазір тұрақты жұмысыңыз бар ма?',
      textRu: 'Есть ли у вас сейчас стабильная работа?',
      required: true,
      options: [],
      showIfAnswers: [],
      showIfQuestionId: null,
    });
    poll = { pollId: poll0.id, questionId: q.id };

    const common = { verificationKk: 'Жоба деректері', verificationRu: 'Данные проекта', baselineOn: '2026-01-01', targetOn: '2026-12-31' };
    // Counts of people, from zero, every quarter.
    const people = { ...common, unitKk: 'адам', unitRu: 'чел.', baseline: 0, schedule: 'quarter' as const };
    const countOfPeople = async (
      nodeId: number,
      input: Pick<Parameters<typeof framework.addIndicator>[3], 'nameKk' | 'nameRu' | 'target' | 'source' | 'aggregation'>,
    ) => (await framework.addIndicator(A, ADMIN, nodeId, { ...people, ...input })).id;
    ind.employedPoll = (
      await framework.addIndicator(A, ADMIN, outcome.id, {
        ...common,
        nameKk: 'Жұмысы барлардың үлесі',
        nameRu: 'Доля имеющих работу',
        unitKk: '%',
        unitRu: '%',
        baseline: 33.3,
        target: 80,
        schedule: 'quarter',
        source: 'poll_question',
        sourceConfig: { questionId: q.id, measure: 'share' },
      })
    ).id;
    ind.employed = await countOfPeople(outcome.id, { nameKk: 'Жұмысқа орналасқандар', nameRu: 'Трудоустроено участников', target: 50, source: 'manual' });
    ind.attendance = await countOfPeople(output.id, {
      nameKk: 'Оқуға қатысқандар',
      nameRu: 'Участники обучения',
      target: 200,
      source: 'event_attendance',
      aggregation: 'cumulative',
    });
    ind.beneficiaries = await countOfPeople(output.id, {
      nameKk: 'Жобаға қатысушылар',
      nameRu: 'Благополучатели проекта',
      target: 20,
      source: 'beneficiaries',
    });
    // the outcome question is marked as the outcome measure of the poll indicator, "yes" favourable
    measureId = (await services.impact.outcomes.add(A, ADMIN, projectId, { questionId: q.id, favourableCodes: ['yes'], indicatorId: ind.employedPoll })).id;

    const tree = await services.impact.values.tree(ADMIN, projectId);
    expect(tree.nodes.map((n) => n.level)).toEqual(['goal', 'outcome', 'output']);
    expect(tree.nodes.find((n) => n.level === 'outcome')!.indicators.map((i) => [i.nameRu, i.baseline, i.target])).toEqual([
      ['Доля имеющих работу', 33.3, 80],
      ['Трудоустроено участников', 0, 50],
    ]);
  });

  it('through the year: actuals come from attendance, beneficiaries and the baseline wave; progress is shown per quarter', async () => {
    // The baseline wave in February: the first 12 answer; 4 have a job (people 0–3). 4/12 = 33.3 %.
    h.clock = at('2026-02-01T10:00:00');
    const w1 = await openWave(services, poll.pollId, { kk: 'Бастапқы', ru: 'Исходная' }, at('2026-02-01T09:00:00'), at('2026-02-28T18:00:00'));
    await answerWave(w1, [...Array(12).keys()], new Set([0, 1, 2, 3]));
    h.clock = at('2026-03-01T10:00:00');
    await services.polls.builder.closeWave(A, ADMIN, w1);
    // Training: 60 in Q1, 50 in Q2, 35 in Q3, 70 in Q4.
    await event('2026-02-15', 60);
    await event('2026-05-20', 50);
    await event('2026-08-10', 35);
    await event('2026-10-15', 70);

    h.clock = at('2026-10-20T10:00:00');
    // attendance, cumulative: Q1 60, Q2 110, Q3 145 → (145 − 0) / (200 − 0) = 72.5 %
    expect(await row(ind.attendance, '2026-Q1')).toMatchObject({ auto: 60, actual: 60, progress: 30 });
    expect(await row(ind.attendance, '2026-Q3')).toMatchObject({ auto: 145, actual: 145, progress: 72.5 });
    // beneficiaries (grant statistics, persons registered by the quarter's end): Q1 12 → 60 %; Q2 14 → 70 %
    expect(await row(ind.beneficiaries, '2026-Q1')).toMatchObject({ actual: 12, progress: 60 });
    expect(await row(ind.beneficiaries, '2026-Q2')).toMatchObject({ actual: 14, progress: 70 });
    // the poll indicator after the baseline wave: 4 of 12 favourable = 33.3 % → no progress yet
    expect(await row(ind.employedPoll, '2026-Q1')).toMatchObject({ auto: 33.3, progress: 0 });
    // a manual indicator has nothing until someone enters it, and evidence is required
    expect(await row(ind.employed, '2026-Q3')).toMatchObject({ auto: null, actual: null, progress: null });
    await expect(services.impact.values.set(A, ADMIN, ind.employed, '2026-Q4', { value: 40, evidenceText: '' })).rejects.toMatchObject({
      code: 'impact.evidence_required',
    });
  });

  it('November: the final wave pairs the same twelve people; before/after gives its verdicts with bases and p', async () => {
    // Final wave: the 12 again and the 2 newcomers. Yes: 0–3 (yes→yes, a = 4), 4–9 (no→yes, c = 6), 12, 13 (new).
    // 10 and 11 stay "no" (d = 2); nobody goes yes→no (b = 0).
    h.clock = at('2026-11-02T10:00:00');
    const w2 = await openWave(services, poll.pollId, { kk: 'Қорытынды', ru: 'Итоговая' }, at('2026-11-02T09:00:00'), at('2026-11-16T18:00:00'));
    await answerWave(w2, [...Array(14).keys()], new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13]));
    h.clock = at('2026-11-17T10:00:00');
    await services.polls.builder.closeWave(A, ADMIN, w2);

    const ba = await services.impact.outcomes.beforeAfter(ADMIN, measureId);
    // Paired: n = 12, change = (c − b) / n = 6 / 12 = +50.0 p.p.; exact McNemar p = 2 · (½)⁶ = 0.03125 < 0.05 → increased.
    expect(ba.paired).toMatchObject({ a: 4, b: 0, c: 6, d: 2, pairs: 12, change: 50, verdict: 'increased' });
    expect(ba.paired.pValue).toBeCloseTo(0.03125, 10);
    // Everyone: 4/12 = 33.3 % → 12/14 = 85.7 %: +52.4 p.p., but 12 and 14 are under 30 per wave → too small to conclude.
    expect(ba.all).toMatchObject({
      before: { favourable: 4, base: 12, percent: 33.3 },
      after: { favourable: 12, base: 14, percent: 85.7 },
      verdict: 'too_small',
    });
    expect(ba.all.change).toBe(52.4);
    // The poll indicator reads the final wave in Q4: (85.7 − 33.3) / (80 − 33.3) = 52.4 / 46.7 = 112.2 %.
    expect(await row(ind.employedPoll, '2026-Q4')).toMatchObject({ auto: 85.7, progress: 112.2 });
    // The manual count entered with evidence, who and when: 40 of 50 → 80 %.
    await services.impact.values.set(A, ADMIN, ind.employed, '2026-Q4', {
      value: 40,
      evidenceText: 'Еңбек шарттарының көшірмелері / копии трудовых договоров (40)',
      evidenceUrl: 'https://example.kz/contracts.pdf',
    });
    expect(await row(ind.employed, '2026-Q4')).toMatchObject({
      actual: 40,
      progress: 80,
      manual: { value: 40, enteredById: ADMIN.id, enteredAt: at('2026-11-17T10:00:00') },
    });
  });

  it('three stories of change are told in the bot (one by voice), one is chosen with a reason and published anonymously', async () => {
    h.clock = at('2026-11-20T10:00:00');
    const call = await services.impact.storyReview.createCall(A, ADMIN, projectId, {
      promptKk: '',
      promptRu: '',
      opensAt: at('2026-11-20T09:00:00'),
      closesAt: at('2026-12-20T18:00:00'),
    });
    await services.impact.storyReview.requestSend(A, ADMIN, call.id);
    expect(await services.impact.processStoryCalls()).toEqual({ invited: 14 });
    // The invitations are due at the job's (injected) clock, so the dispatcher runs on the same clock.
    await h.deliverOutbox(() => h.clock);
    const [kk, ru1, ru2] = [people[0]!, people[1]!, people[2]!];
    expect(last(kk.u)).toContain('«Жастарды жұмысқа орналастыру» жобасы сіздің өміріңізде не өзгертті?');
    expect(last(ru1.u)).toContain('Что изменил в вашей жизни проект «Трудоустройство молодёжи»?');

    // 1. Kazakh, typed, anonymous
    await press(kk.u, '✍️ Әңгімелеу');
    await say(kk.u, STORY_KK);
    await say(kk.u, 'Бұрын жұмыс таба алмадым.');
    await press(kk.u, '🙈 Атымды көрсетпей жариялау');
    await press(kk.u, '✅ Жіберу');
    expect(last(kk.u)).toContain('Рақмет!');
    // 2. Russian, by voice (95 s), named
    await press(ru1.u, '✍️ Рассказать');
    await h.deliver(ru1.u.sendVoice({ duration: 95 }));
    await press(ru1.u, '⏭ Пропустить');
    await press(ru1.u, '👤 Опубликовать с моим именем');
    await say(ru1.u, 'Асель');
    await press(ru1.u, '✅ Отправить');
    // 3. Russian, typed, not to be published
    await press(ru2.u, '✍️ Рассказать');
    await say(ru2.u, STORY_RU);
    await press(ru2.u, '⏭ Пропустить');
    await press(ru2.u, '🔒 Не публиковать');
    await press(ru2.u, '✅ Отправить');

    const told = await services.impact.storyReview.list(ADMIN, projectId, { period: '2026-Q4', status: 'submitted' });
    expect(told.map((s) => [s.locale, s.text !== null, s.voiceSeconds, s.consent]).sort()).toEqual([
      ['kk', true, null, 'anonymous'],
      ['ru', false, 95, 'named'],
      ['ru', true, null, 'private'],
    ]);
    const chosen = told.find((s) => s.locale === 'kk')!;
    // MSC: the choice needs its reason
    await expect(services.impact.storyReview.select(A, ADMIN, chosen.id, { periodKey: '2026-Q4', reason: 'маңызды' })).rejects.toMatchObject({
      code: 'impact.reason_short',
    });
    await services.impact.storyReview.select(A, ADMIN, chosen.id, {
      periodKey: '2026-Q4',
      reason: 'Тұрақты табыс отбасының өмірін өзгертті: жобаның мақсаты дәл осы.',
    });
    // the private story cannot be published; the voice one needs its transcript typed
    const privateOne = told.find((s) => s.consent === 'private')!;
    await expect(services.impact.storyReview.publish(A, ADMIN, privateOne.id, { publishedText: STORY_RU, noThirdParties: true })).rejects.toMatchObject({
      code: 'impact.no_consent',
    });
    const voiceOne = told.find((s) => s.voiceSeconds === 95)!;
    await expect(services.impact.storyReview.publish(A, ADMIN, voiceOne.id, { publishedText: 'Я нашла работу.', noThirdParties: true })).rejects.toMatchObject({
      code: 'impact.transcript_required',
    });
    await services.impact.storyReview.publish(A, ADMIN, chosen.id, { publishedText: STORY_KK, noThirdParties: true });
    const selected = await services.prisma.storySelection.findMany({ where: { projectId } });
    expect(selected.map((s) => [s.storyId, s.periodKey])).toEqual([[chosen.id, '2026-Q4']]);

    // the finished project's public page shows the published story, without a name
    await services.prisma.socialProject.update({ where: { id: projectId }, data: { status: 'finished' } });
    const page = await server!.inject({ method: 'GET', url: `/kk/projects/${projectId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Өзгеріс туралы әңгімелер');
    expect(page.body).toContain(STORY_KK);
    expect(page.body).toContain('жобаға қатысушы (аты көрсетілмеген), айы: 11.2026');
    expect(page.body).not.toContain('Қатысушы 0');
    await services.prisma.socialProject.update({ where: { id: projectId }, data: { status: 'active' } });
  });

  it('December: the SROI gives its ratio only beside its assumptions and sensitivity range', async () => {
    h.clock = at('2026-12-20T10:00:00');
    const proxy = (await services.impact.proxies.list(ADMIN)).find((p) => p.code === 'employment_year')!;
    // P = 12 × 85 000 = 1 020 000 ₸ a year of employment at the minimum wage
    expect(proxy.valueTenge).toBe(1_020_000);
    await services.impact.sroi.setup(A, ADMIN, projectId, { discountRatePct: 5 });
    await services.impact.sroi.addOutcome(A, ADMIN, projectId, {
      nameKk: 'Жұмысқа орналасу',
      nameRu: 'Трудоустройство',
      indicatorId: ind.employed,
      proxyId: proxy.id,
      durationYears: 2,
      deadweightPct: 30,
      attributionPct: 20,
      dropOffPct: 50,
      rationale: 'Өңірде жастардың 30 %-ы жұмысты өздері табады; 20 % — жұмыспен қамту орталығының үлесі. / 30 % нашли бы сами, 20 % — вклад центра занятости.',
    });
    const { result } = await services.impact.sroi.result(ADMIN, projectId);
    // I = 10 000,0 thousand = 10 000 000 ₸; Q = 40 (the manual indicator's latest actual).
    // V₁ = 40 · 1 020 000 · 0.7 · 0.8 = 22 848 000; V₂ = V₁ · 0.5 = 11 424 000;
    // PV = 22 848 000 / 1.05 + 11 424 000 / 1.05² = 21 760 000 + 10 361 904.76 = 32 121 904.76 → SROI 3.21.
    expect(result.totalInputs).toBe(10_000_000);
    expect(result.presentValue).toBeCloseTo(32_121_904.76, 1);
    expect(result.ratio).toBeCloseTo(3.21, 2);
    // low: proxy × 0.8, DW 40 %, AT 30 %, DO 60 %: V₁ = 40 · 816 000 · 0.6 · 0.7 = 13 708 800, V₂ = 5 483 520
    //   PV = 13 056 000 + 4 973 714.29 = 18 029 714.29 → 1.80;
    // high: proxy × 1.2, DW 20 %, AT 10 %, DO 40 %: V₁ = 40 · 1 224 000 · 0.8 · 0.9 = 35 251 200, V₂ = 21 150 720
    //   PV = 33 572 571.43 + 19 184 326.53 = 52 756 897.96 → 5.28; break-even factor = I / PV = 0.311.
    expect(result.low).toBeCloseTo(1.8, 2);
    expect(result.high).toBeCloseTo(5.28, 2);
    expect(result.breakEven).toBeCloseTo(0.311, 3);
    // every outcome carries its assumptions next to the ratio
    expect(result.outcomes[0]!.assumptions).toMatchObject({
      proxyValue: 1_020_000,
      durationYears: 2,
      deadweight: 30,
      attribution: 20,
      dropOff: 50,
      displacement: 0,
    });
    expect(result.outcomes[0]!.assumptions.proxySource).toBeTruthy();
    expect(result.outcomes[0]!.assumptions.rationale).toContain('30 %');
  });
});
