// The results framework of a project (seed 000 4.1; plan §3.2) through the API on both databases, clock pinned
// in Q3 2026: the tree's rules, each automatic source's actual, a manual value that needs evidence and records
// who and when, progress 72.5 %, scope; before and after on a marked poll question (paired, p = 0.03125); and
// what monitoring cites: the round's indicators tool rows and Annex 9 column 7. Figures by hand in comments.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { almaty, impactManager, impactProject } from './helpers/impact-fixtures.ts';
import { makeBody } from './helpers/monitoring-forms.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

/** Sunday 20 September 2026, 10:00 Almaty: Q3 has begun, Q4 not yet. */
const NOW = new Date('2026-09-20T05:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe.each(dbTargets)('results framework on %s', (target) => {
  const api = useProjectApi(target, { clock: () => NOW, storageDir: mkdtempSync(path.join(tmpdir(), 'impact-')) });
  const prisma = () => api.services.prisma;
  const ind = (o: Record<string, unknown>) => ({
    nameKk: 'Индикатор',
    nameRu: 'Индикатор',
    unitKk: 'адам',
    unitRu: 'чел.',
    baseline: 0,
    target: 200,
    verificationKk: 'Тізім',
    verificationRu: 'Список',
    schedule: 'quarter',
    source: 'manual',
    ...o,
  });

  it('holds the tree to one goal, outcome under goal, output under outcome, activity under output; no indicator on an activity', async () => {
    const pm = await impactManager(api, prisma());
    const p = await impactProject(prisma());
    const add = (body: object, lang = 'ru') => api.call('POST', `/api/impact/projects/${p.id}/nodes`, pm.token, body, { 'accept-language': lang });
    const goal = (await add({ level: 'goal', textKk: 'Мақсат', textRu: 'Цель' })).json();
    expect((await add({ level: 'goal', textKk: 'Екінші', textRu: 'Вторая' })).json().error.code).toBe('impact.one_goal');
    const wrong = await add({ level: 'output', parentId: goal.id, textKk: 'Өнім', textRu: 'Продукт' }, 'kk');
    expect(wrong.status).toBe(400);
    expect(wrong.json().error.message).toBe('Деңгей дұрыс емес: нәтиже мақсатқа, өнім нәтижеге, іс-шара өнімге бағынады.');
    const outcome = (await add({ level: 'outcome', parentId: goal.id, textKk: 'Нәтиже', textRu: 'Результат' })).json();
    const output = (await add({ level: 'output', parentId: outcome.id, textKk: 'Өнім', textRu: 'Продукт' })).json();
    const activity = await prisma().projectActivity.create({ data: { projectId: p.id, position: 1, titleKk: 'Тренинг', titleRu: 'Тренинг' } });
    const act = await add({ level: 'activity', parentId: output.id, textKk: 'Тренинг', textRu: 'Тренинг', activityId: activity.id });
    expect(act.status, act.text).toBe(201);
    const onActivity = await api.call('POST', `/api/impact/nodes/${act.json().id}/indicators`, pm.token, ind({}));
    expect(onActivity.json().error.code).toBe('impact.activity_no_indicators');
    // the indicator needs its source of verification
    const noVerification = await api.call('POST', `/api/impact/nodes/${outcome.id}/indicators`, pm.token, ind({ verificationRu: ' ' }));
    expect(noVerification.json().error.code).toBe('impact.verification_required');
    const tree = (await api.call('GET', `/api/impact/projects/${p.id}/framework`, pm.token)).json();
    expect(tree.nodes.map((n: { level: string }) => n.level)).toEqual(['goal', 'outcome', 'output', 'activity']);
    expect(await prisma().auditLog.count({ where: { action: 'impact.node_add', entityId: String(p.id) } })).toBe(4);
    // a manager of another region sees none of it
    const other = await prisma().region.findFirstOrThrow({ where: { code: { not: 'almaty-city' } } });
    const stranger = await impactManager(api, prisma(), other.id);
    expect((await api.call('GET', `/api/impact/projects/${p.id}/framework`, stranger.token)).status).toBe(403);
    expect((await api.call('PATCH', `/api/impact/nodes/${goal.id}`, stranger.token, { textRu: 'x' })).status).toBe(403);
  });

  it('reads each source from Azamat’s data per quarter', async () => {
    const pm = await impactManager(api, prisma());
    const p = await impactProject(prisma());
    const goal = (await api.call('POST', `/api/impact/projects/${p.id}/nodes`, pm.token, { level: 'goal', textKk: 'М', textRu: 'Ц' })).json();
    // beneficiaries: 3 in February (2 women), 2 more in May (1 woman)
    for (const [i, [joined, gender]] of [
      ['2026-02-10', 'female'],
      ['2026-02-11', 'female'],
      ['2026-02-12', 'male'],
      ['2026-05-10', 'female'],
      ['2026-05-11', 'male'],
    ].entries()) {
      await prisma().projectBeneficiary.create({
        data: { projectId: p.id, source: 'import', externalRef: `r${i}`, gender: gender as 'male', joinedAt: new Date(`${joined}T06:00:00Z`) },
      });
    }
    const training = await prisma().projectActivity.create({ data: { projectId: p.id, position: 1, titleKk: 'Т', titleRu: 'Т' } });
    await prisma().projectEvent.create({
      data: { projectId: p.id, heldOn: day('2026-02-20'), place: 'ДК', form: 'тренинг', participants: 12, activityId: training.id },
    });
    await prisma().projectEvent.create({ data: { projectId: p.id, heldOn: day('2026-05-05'), place: 'ДК', form: 'семинар', participants: 30 } });
    const topic = await prisma().consultationTopic.findFirstOrThrow();
    // a consultant logs two consultations given under the project (a project of another region is refused)
    const region = await almaty(prisma());
    const consultant = await api.account(`cons${randomBytes(3).toString('hex')}`, ['consultant'], region.id);
    const log = (date: string, projectId: number) =>
      api.call('POST', '/api/consultations', consultant.token, {
        date,
        channel: 'phone',
        topicId: topic.id,
        askerGroup: 'individual',
        summary: 'Кеңес',
        result: 'answered',
        projectId,
      });
    const elsewhere = await impactProject(prisma(), { regionId: (await prisma().region.findFirstOrThrow({ where: { code: { not: 'almaty-city' } } })).id });
    expect((await log('2026-07-10T10:00:00+05:00', elsewhere.id)).json().error.code).toBe('consultation.bad_project');
    for (const d of ['2026-07-10T10:00:00+05:00', '2026-08-11T10:00:00+05:00']) {
      const logged = await log(d, p.id);
      expect(logged.status, logged.text).toBe(201);
      expect(logged.json().projectId).toBe(p.id);
    }
    const opp = await prisma().volunteerOpportunity.create({
      data: {
        titleKk: 'Е',
        titleRu: 'В',
        organiserName: 'ОФ',
        projectId: p.id,
        regionId: region.id,
        place: 'парк',
        startsAt: new Date('2026-04-10T04:00:00Z'),
        endsAt: new Date('2026-04-10T08:00:00Z'),
        needed: 5,
        status: 'published',
      },
    });
    for (const [minutes, helped] of [
      [90, 3],
      [150, 4],
    ]) {
      const c = await prisma().citizen.create({ data: { telegramId: BigInt(7_000_000 + Math.floor(Math.random() * 1e6)), consentAt: NOW } });
      await prisma().volunteerApplication.create({ data: { opportunityId: opp.id, citizenId: c.id, state: 'attended', minutes, peopleHelped: helped } });
    }
    // a poll whose first wave closed on 31 March: 3 fully, 1 rather, 1 not at all
    const poll = await prisma().poll.create({ data: { projectId: p.id, titleKk: 'С', titleRu: 'О', status: 'ready' } });
    const q = await prisma().pollQuestion.create({
      data: { pollId: poll.id, position: 1, type: 'satisfaction', textKk: 'Қанағаттандыңыз ба?', textRu: 'Довольны?' },
    });
    const wave = await prisma().pollWave.create({
      data: {
        pollId: poll.id,
        position: 1,
        inviteCode: randomBytes(5).toString('hex'),
        labelKk: '1',
        labelRu: '1',
        opensAt: day('2026-03-01'),
        closesAt: day('2026-03-31'),
        status: 'closed',
        closedAt: new Date('2026-03-31T10:00:00Z'),
      },
    });
    for (const choice of ['fully', 'fully', 'fully', 'rather', 'not_at_all']) {
      const r = await prisma().pollResponse.create({ data: { waveId: wave.id, locale: 'ru' } });
      await prisma().pollAnswer.create({ data: { responseId: r.id, questionId: q.id, choice } });
    }
    const cases: Array<[Record<string, unknown>, Record<string, number | null>]> = [
      // persons counted at each quarter's end: 3, then 5
      [{ source: 'beneficiaries' }, { '2026-Q1': 3, '2026-Q2': 5, '2026-Q3': 5 }],
      [
        { source: 'beneficiaries_group', sourceConfig: { dimension: 'gender', value: 'female' } },
        { '2026-Q1': 2, '2026-Q2': 3 },
      ],
      // attendance in the quarter: 12 in Q1, 30 in Q2; cumulative 12, 42
      [
        { source: 'event_attendance', aggregation: 'in_period' },
        { '2026-Q1': 12, '2026-Q2': 30, '2026-Q3': 0 },
      ],
      [{ source: 'event_attendance' }, { '2026-Q1': 12, '2026-Q2': 42 }],
      [
        { source: 'events_held', sourceConfig: { activityId: training.id } },
        { '2026-Q1': 1, '2026-Q2': 1 },
      ],
      // (3 + 1) / 5 = 80.0 %, from Q1's end on; nothing closed before
      [
        { source: 'poll_question', sourceConfig: { questionId: q.id, measure: 'index' } },
        { '2026-Q1': 80, '2026-Q2': 80 },
      ],
      [
        { source: 'consultations', aggregation: 'in_period' },
        { '2026-Q2': 0, '2026-Q3': 2 },
      ],
      // (90 + 150) / 60 = 4 hours; 3 + 4 = 7 people helped, in Q2
      [{ source: 'volunteer_hours' }, { '2026-Q1': 0, '2026-Q2': 4 }],
      [{ source: 'people_helped' }, { '2026-Q2': 7 }],
    ];
    for (const [config, expected] of cases) {
      const res = await api.call('POST', `/api/impact/nodes/${goal.id}/indicators`, pm.token, ind(config));
      expect(res.status, res.text).toBe(201);
      const periods = Object.fromEntries(res.json().periods.map((x: { key: string; auto: number | null }) => [x.key, x.auto]));
      expect(periods, JSON.stringify(config)).toMatchObject(expected);
      // Q4 has not begun: no value yet
      expect(periods['2026-Q4']).toBeNull();
    }
  });

  it('needs evidence for a manual value, records who and when, gives progress 72.5 %, feeds the round and Annex 9, reminds of missing values', async () => {
    const region = await almaty(prisma());
    const body = await makeBody(prisma(), `impact-fw-${target}`, region.id);
    const pm = await impactManager(api, prisma());
    const p = await impactProject(prisma(), { name: 'Шеңбер', stateBodyId: body.id });
    const goal = (await api.call('POST', `/api/impact/projects/${p.id}/nodes`, pm.token, { level: 'goal', textKk: 'М', textRu: 'Ц' })).json();
    const outcome = (
      await api.call('POST', `/api/impact/projects/${p.id}/nodes`, pm.token, { level: 'outcome', parentId: goal.id, textKk: 'Н', textRu: 'Р' })
    ).json();
    const employed = (
      await api.call('POST', `/api/impact/nodes/${outcome.id}/indicators`, pm.token, ind({ nameRu: 'Трудоустроены', nameKk: 'Жұмысқа орналасты' }))
    ).json();
    const put = (periodKey: string, payload: object, lang = 'ru') =>
      api.call('PUT', `/api/impact/indicators/${employed.id}/values/${periodKey}`, pm.token, payload, { 'accept-language': lang });
    const bare = await put('2026-Q3', { value: 145, evidenceText: '' }, 'kk');
    expect(bare.status).toBe(400);
    expect(bare.json().error.message).toBe('Мәннің дәлелін жазыңыз: қайдан алынғанын көрсетіңіз.');
    expect((await put('2026-Q4', { value: 1, evidenceText: 'ведомость' })).json().error.code).toBe('impact.period_not_started');
    expect((await put('2027-Q1', { value: 1, evidenceText: 'ведомость' })).json().error.code).toBe('impact.bad_period');
    const ok = await put('2026-Q3', { value: 145, evidenceText: 'Приказы о приёме на работу', evidenceUrl: 'https://example.kz/act' });
    expect(ok.status, ok.text).toBe(200);
    const q3 = ok.json().periods.find((x: { key: string }) => x.key === '2026-Q3');
    // (145 − 0) / (200 − 0) = 72.5 %
    expect(q3).toMatchObject({ actual: 145, progress: 72.5, manual: { value: 145, enteredById: pm.id, enteredAt: NOW.toISOString(), hasFile: false } });
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: 'impact.value_set', entityId: String(employed.id) } });
    expect(audit.actorId).toBe(String(pm.id));
    // the evidence file: stored, then served back as it was
    const upload = await api.call('POST', `/api/impact/indicators/${employed.id}/values/2026-Q3/evidence`, pm.token, Buffer.from('PDF-1.4 act'), {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('акт.pdf'),
    });
    expect(upload.status, upload.text).toBe(200);
    const file = await api.call('GET', `/api/impact/indicators/${employed.id}/values/2026-Q3/evidence`, pm.token);
    expect(file.body.toString()).toBe('PDF-1.4 act');

    // the round's "indicators vs expected results" tool, from the framework at the round's date
    const round = await prisma().monitoringRound.create({
      data: {
        projectId: p.id,
        year: 2026,
        plannedOn: day('2026-09-18'),
        status: 'in_progress',
        conductedBy: 'self',
        startedAt: new Date('2026-09-18T05:00:00Z'),
      },
    });
    const rows = await api.call('GET', `/api/impact/rounds/${round.id}/indicator-rows?lang=ru`, pm.token);
    expect(rows.json()).toEqual([{ name: 'Трудоустроены', unit: 'чел.', expected: '200', actual: '145', comment: 'Выполнено 72,5 % плана (2026-Q3)' }]);

    // Annex 9 column 7 of the annual report: at 31 December the linear plan expects 100 %, 72.5 % falls short
    const report = await api.call('POST', '/api/monitoring/reports', pm.token, { stateBodyId: body.id, year: 2026, kind: 'annual' });
    expect(report.status, report.text).toBeLessThan(300);
    const row = report.json().rows.find((x: { projectId: number }) => x.projectId === p.id);
    expect(row.col7Ru).toContain('Рамка результатов: индикаторов результатов — 1, из них достигают плана — 0.');
    expect(row.col7Kk).toContain('Нәтижелер шеңбері: нәтиже индикаторлары — 1, оның ішінде жоспарға жеткендері — 0.');

    // Q1 and Q2 ended more than 5 working days ago without a value: the managers are reminded once per period
    const first = await api.services.impact.processIndicatorReminders();
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    await api.services.impact.processIndicatorReminders();
    const notices = await prisma().staffNotice.findMany({ where: { staffUserId: pm.id, kind: 'impact.indicator_due' }, orderBy: { id: 'asc' } });
    expect(notices.map((n) => n.text)).toEqual([
      'Внесите значение индикатора\nПроект «Шеңбер ru»: значение индикатора «Трудоустроены» за период 2026-Q1 ещё не внесено. Внесите его вместе с подтверждением.',
      'Внесите значение индикатора\nПроект «Шеңбер ru»: значение индикатора «Трудоустроены» за период 2026-Q2 ещё не внесено. Внесите его вместе с подтверждением.',
    ]);
  });

  it('compares the baseline and final waves of a marked question: paired 12 → +50.0 p.p., p = 0.03125; everyone too small', async () => {
    const pm = await impactManager(api, prisma());
    const p = await impactProject(prisma());
    const poll = await prisma().poll.create({ data: { projectId: p.id, titleKk: 'С', titleRu: 'О', status: 'ready' } });
    const q = await prisma().pollQuestion.create({
      data: { pollId: poll.id, position: 1, type: 'yes_no', textKk: 'Жұмысыңыз бар ма?', textRu: 'Есть ли у вас работа?' },
    });
    const wave = (position: number, closedAt: string) =>
      prisma().pollWave.create({
        data: {
          pollId: poll.id,
          position,
          inviteCode: randomBytes(5).toString('hex'),
          labelKk: `${position}`,
          labelRu: `${position}`,
          opensAt: day('2026-02-01'),
          closesAt: day('2026-08-01'),
          status: 'closed',
          closedAt: new Date(closedAt),
        },
      });
    const w1 = await wave(1, '2026-02-28T10:00:00Z');
    const w2 = await wave(2, '2026-08-31T10:00:00Z');
    const citizens = [];
    for (let i = 0; i < 14; i++)
      citizens.push(await prisma().citizen.create({ data: { telegramId: BigInt(8_000_000 + Math.floor(Math.random() * 1e6)), consentAt: NOW } }));
    const answer = async (waveId: number, citizenId: number, choice: string) => {
      const r = await prisma().pollResponse.create({ data: { waveId, citizenId, locale: 'ru' } });
      await prisma().pollAnswer.create({ data: { responseId: r.id, questionId: q.id, choice } });
    };
    // wave 1: 4 yes (a), 8 no; wave 2: those 4 still yes, 6 of the 8 now yes (c), 2 still no (d), 2 newcomers yes
    for (let i = 0; i < 12; i++) await answer(w1.id, citizens[i]!.id, i < 4 ? 'yes' : 'no');
    for (let i = 0; i < 14; i++) await answer(w2.id, citizens[i]!.id, i < 10 || i >= 12 ? 'yes' : 'no');
    const m = await api.call('POST', `/api/impact/projects/${p.id}/outcome-measures`, pm.token, { questionId: q.id });
    expect(m.status, m.text).toBe(201);
    expect(m.json().favourableCodes).toEqual(['yes']);
    const ba = (await api.call('GET', `/api/impact/outcome-measures/${m.json().id}/before-after`, pm.token)).json();
    expect(ba.from.waveId).toBe(w1.id);
    expect(ba.to.waveId).toBe(w2.id);
    expect(ba.paired).toMatchObject({ a: 4, b: 0, c: 6, d: 2, pairs: 12, change: 50, verdict: 'increased' });
    expect(ba.paired.pValue).toBeCloseTo(0.03125, 10);
    // 4/12 = 33.3 % → 12/14 = 85.7 %, +52.4 p.p., bases under 30
    expect(ba.all).toMatchObject({ before: { percent: 33.3, base: 12 }, after: { percent: 85.7, base: 14 }, change: 52.4, verdict: 'too_small' });
    // a question of another project cannot be marked
    const other = await impactProject(prisma());
    expect((await api.call('POST', `/api/impact/projects/${other.id}/outcome-measures`, pm.token, { questionId: q.id })).json().error.code).toBe(
      'impact.question_not_of_project',
    );
  });
});
