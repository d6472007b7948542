// One social project followed through its year of monitoring (Order 407 ch. 3, items 7, 9, 10 and 21), through the
// HTTP API as the state body's project manager, an admin and an independent expert would use it, on both databases
// with a clock the test moves. The steps run in calendar order and share their state, so each `it` is one step:
// a project above 500 MCI is planned for 2 rounds; the independent expert declares (a conflict rules one out, the
// other is appointed), because above the threshold no round starts without them; round 1 with two tools and a
// document request; a measure set, overdue, closed late; the half-year Annex 9; round 2; Annex 3 of the next year;
// the annual Annex 9. The files are read back by exceljs and their totals added up cell by cell.
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { addUp, makeBody, movableClock, readSheet, signInAgain, tie, type SheetRow } from './helpers/monitoring-forms.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

/** Thursday 15 January 2026, 10:00 Almaty; each step moves it on. */
const START = '2026-01-15T05:00:00Z';
const clock = movableClock(START);
const NO = { yes: false };
const none = { membership: NO, governance: NO, payments: NO, family: NO, other: NO };
const NAME = 'Правовая помощь молодёжи';

describe.each(dbTargets)('a year of monitoring one project (%s)', (target) => {
  const api = useProjectApi(target, { clock: clock.now });
  const prisma = () => api.services.prisma;
  const ids = { body: 0, project: 0, activity: 0, rounds: [] as number[], measure: 0, half: 0, contact: 0n };
  const logins = { pm: `pm-${target}`, admin: `admin-${target}`, e1: `e1-${target}`, e2: `e2-${target}` };
  const staff = { pm: 0, e1: 0, e2: 0 };
  const tokens = { pm: '', admin: '', e1: '', e2: '' };

  /** Sessions last 12 hours: after the clock moves by days everyone signs in again. */
  async function moveTo(iso: string) {
    clock.set(iso);
    for (const who of ['pm', 'admin', 'e1', 'e2'] as const) tokens[who] = await signInAgain(api.app, logins[who]);
  }
  const overview = async (token = tokens.pm) => (await api.call('GET', `/api/monitoring/projects/${ids.project}?year=2026`, token)).json();

  it('1. the manager sees the project needs an independent expert (above 500 MCI of 2026) and plans 2 rounds in its term', async () => {
    clock.set(START); // the suite of the other database left it in 2027
    const body = await makeBody(prisma(), `year-${target}`, null);
    ids.body = body.id;
    const contact = await prisma().citizen.create({ data: { telegramId: 975_000_001n, locale: 'ru', consentAt: clock.at, name: 'ОФ' } });
    ids.contact = contact.telegramId;
    // the project as the projects capability registers it, and a second one of the body's in the same area
    const project = (nameRu: string, contractSum: number, plannedSum: number | null, code: string) =>
      prisma().socialProject.create({
        data: {
          nameKk: `${nameRu} (kk)`,
          nameRu,
          supplierName: `ОФ «${nameRu}»`,
          supplierBin: '123456789012',
          contractSum,
          plannedSum,
          startsOn: new Date('2026-02-01'),
          endsOn: new Date('2026-11-30'),
          areaId: 9,
          stateBodyId: body.id,
          status: 'active',
          inviteCode: `${code}-${target}`,
        },
      });
    ids.project = (await project(NAME, 4500.5, null, 'year1')).id;
    await prisma().socialProject.update({ where: { id: ids.project }, data: { supplierContactId: contact.id } });
    await project('Медиация', 800.2, 900.1, 'year2');

    const pm = await api.account(logins.pm, ['project_manager'], null, 'Менеджер');
    await tie(prisma(), pm.id, { stateBodyId: body.id });
    staff.pm = pm.id;
    tokens.pm = pm.token;
    tokens.admin = (await api.account(logins.admin, ['admin'])).token;
    staff.e1 = (await api.account(logins.e1, ['expert'], null, 'Эксперт Бір')).id;
    staff.e2 = (await api.account(logins.e2, ['expert'], null, 'Эксперт Екі')).id;

    const threshold = (await api.call('GET', `/api/monitoring/projects/${ids.project}/monitor`, tokens.pm)).json().threshold;
    expect(threshold).toEqual({ year: 2026, mci: 4325, limitThousand: 2162.5, contractSum: 4500.5, needsIndependent: true });
    const setup = await api.call('PUT', `/api/monitoring/projects/${ids.project}/setup`, tokens.pm, {
      serviceKinds: [],
      coverageTarget: 150,
      plannedSum: 4600,
    });
    expect(setup.status, setup.text).toBe(200);
    const act = await api.call('POST', `/api/monitoring/projects/${ids.project}/activities`, tokens.pm, {
      titleKk: 'Семинарлар',
      titleRu: 'Семинары',
      plannedQuantity: 4,
      dueOn: '2026-04-10',
    });
    expect(act.status, act.text).toBe(201);
    ids.activity = act.json().id;

    const outside = await api.call('POST', `/api/monitoring/projects/${ids.project}/rounds`, tokens.pm, { plannedOn: '2026-12-15' });
    expect(outside.json().error.message).toBe('Дата мониторинга должна быть в сроке реализации проекта (2026-02-01 — 2026-11-30).');
    for (const plannedOn of ['2026-04-14', '2026-09-15']) {
      const r = await api.call('POST', `/api/monitoring/projects/${ids.project}/rounds`, tokens.pm, { plannedOn });
      expect(r.status, r.text).toBe(201);
      expect(r.json()).toMatchObject({ plannedOn, status: 'planned', conductedBy: 'independent' });
      ids.rounds.push(r.json().id);
    }
    const o = await overview();
    expect(o.status).toMatchObject({ min: 2, max: 5, planned: 2, completed: 0, warnings: [] });
    expect(o.project).toMatchObject({ plannedSum: 4600, monitorId: null });
  });

  it('2. the expert who declares a conflict in Annex 4 is refused; the one who declares none is appointed', async () => {
    await moveTo('2026-03-02T05:00:00Z');
    // above the threshold no round starts before the expert is appointed
    const early = await api.call('POST', `/api/monitoring/rounds/${ids.rounds[0]}/start`, tokens.pm);
    expect(early.json().error.message).toBe('Сумма договора превышает 500 МРП: сначала назначьте независимого эксперта.');

    const first = await api.call('POST', `/api/monitoring/projects/${ids.project}/monitor`, tokens.pm, { expertId: staff.e1 });
    expect(first.status, first.text).toBe(201);
    const conflicted = await api.call('POST', `/api/monitoring/expert/assignments/${first.json().id}/declaration`, tokens.e1, {
      answers: { ...none, family: { yes: true, text: 'сестра — бухгалтер фонда' } },
      confirmed: true,
    });
    expect(conflicted.json().status).toBe('refused_conflict');
    const again = await api.call('POST', `/api/monitoring/projects/${ids.project}/monitor`, tokens.pm, { expertId: staff.e1 });
    expect(again.json().error.code).toBe('monitoring.conflict_declared');
    expect((await api.call('GET', `/api/monitoring/projects/${ids.project}?year=2026`, tokens.e1)).status).toBe(403);

    const second = await api.call('POST', `/api/monitoring/projects/${ids.project}/monitor`, tokens.pm, { expertId: staff.e2 });
    expect(second.status, second.text).toBe(201);
    const ok = await api.call('POST', `/api/monitoring/expert/assignments/${second.json().id}/declaration`, tokens.e2, { answers: none, confirmed: true });
    expect(ok.json().status).toBe('active');
    expect(await overview(tokens.e2)).toMatchObject({ access: 'monitor', project: { monitorId: staff.e2 } });
  });

  it('3. round 1: the expert records two tools with findings, requests documents, checks the plan and completes it (indicators frozen)', async () => {
    await moveTo('2026-04-14T05:00:00Z');
    const id = ids.rounds[0]!;
    expect((await api.call('POST', `/api/monitoring/rounds/${id}/start`, tokens.pm)).json().error.code).toBe('monitoring.independent_conducts');
    expect((await api.call('POST', `/api/monitoring/rounds/${id}/start`, tokens.e2)).json()).toMatchObject({ status: 'in_progress', conductorId: staff.e2 });

    const req = await api.call('POST', `/api/monitoring/rounds/${id}/document-requests`, tokens.e2, {
      title: 'Списки участников семинаров',
      dueOn: '2026-04-17',
    });
    expect(req.json()).toMatchObject({ title: 'Списки участников семинаров', receivedAt: null });
    const got = await api.call('POST', `/api/monitoring/document-requests/${req.json().id}/received`, tokens.e2, { note: 'получены, 2 файла' });
    expect(got.json()).toMatchObject({ receivedNote: 'получены, 2 файла' });

    const tool = (t: string, body: object) => api.call('PUT', `/api/monitoring/rounds/${id}/tools/${t}`, tokens.e2, { tool: t, ...body });
    expect((await tool('document_review', { findings: 'Списки участников ведутся' })).status).toBe(200);
    const sm = await tool('social_media', {
      findings: 'Отзывы положительные',
      details: { mentions: [{ url: 'https://instagram.com/p/1', network: 'instagram', date: '2026-04-01', tone: 'positive', note: '' }] },
    });
    expect(sm.json().toolRecords.map((t: { tool: string; findings: string }) => [t.tool, t.findings])).toEqual([
      ['document_review', 'Списки участников ведутся'],
      ['social_media', 'Отзывы положительные'],
    ]);
    const check = await api.call('PUT', `/api/monitoring/rounds/${id}/activities/${ids.activity}`, tokens.e2, {
      status: 'partly',
      doneQuantity: 2,
      evidence: 'списки участников',
    });
    expect(check.status, check.text).toBe(200);
    const done = await api.call('POST', `/api/monitoring/rounds/${id}/complete`, tokens.e2, { summary: 'Семинары идут с отставанием' });
    expect(done.status, done.text).toBe(200);
    expect(done.json()).toMatchObject({ frozen: true, round: { status: 'completed' } });
    const shown = (await api.call('GET', `/api/monitoring/rounds/${id}`, tokens.pm)).json();
    expect(shown.indicators.activities).toMatchObject([{ plannedQuantity: 4, status: 'partly' }]);
  });

  it('4. a measure set for the NGO falls overdue after its deadline (alerts job) and is closed as done late', async () => {
    const set = await api.call('POST', `/api/monitoring/rounds/${ids.rounds[0]}/measures`, tokens.pm, {
      text: 'Провести два оставшихся семинара',
      dueOn: '2026-04-30',
    });
    expect(set.status, set.text).toBe(201);
    expect(set.json()).toMatchObject({ state: 'open', delivered: true });
    ids.measure = set.json().id;
    const sent = await prisma().outboxMessage.findMany({ where: { chatId: ids.contact, kind: 'monitoring.measure' } });
    expect((sent[0]!.payload as { text: string }).text).toContain('Провести два оставшихся семинара');

    await moveTo('2026-05-04T05:00:00Z');
    expect((await api.services.monitoring.processAlerts()).measuresOverdue).toBe(1);
    expect((await api.call('GET', `/api/monitoring/projects/${ids.project}/measures`, tokens.pm)).json().items).toMatchObject([
      { id: ids.measure, state: 'overdue' },
    ]);
    expect(await prisma().staffNotice.count({ where: { staffUserId: staff.pm, kind: 'monitoring.measure_overdue' } })).toBe(1);

    await moveTo('2026-05-06T05:00:00Z');
    const closed = await api.call('POST', `/api/monitoring/measures/${ids.measure}/close`, tokens.pm, { outcome: 'done', note: 'семинары проведены 5 мая' });
    expect(closed.json()).toMatchObject({ status: 'done', state: 'done_late' });
  });

  /** The data rows of one area's block (between its heading and its subtotal), and that subtotal row. */
  function areaBlock(rows: SheetRow[], heading: RegExp, sub: string) {
    const start = rows.findIndex((r) => r.bold && heading.test(String(r.values[0])));
    expect(start).toBeGreaterThan(0);
    const end = rows.findIndex((r, i) => i > start && r.values[0] === sub);
    return { data: rows.slice(start + 1, end).filter((r) => !r.bold), subtotal: rows[end]! };
  }

  /** Annex 9 of 2026 through the API: the preview's row of the project and the file read back. */
  async function annex9(kind: 'half_year' | 'annual') {
    const report = await api.call('POST', '/api/monitoring/reports?lang=ru', tokens.pm, { stateBodyId: ids.body, year: 2026, kind });
    expect(report.status, report.text).toBe(200);
    const file = await api.call('GET', `/api/monitoring/reports/${report.json().id}/export?lang=ru`, tokens.pm);
    expect(file.status, file.text).toBe(200);
    const { rows } = await readSheet(file.body);
    const preview = report.json().rows.find((r: { projectId: number }) => r.projectId === ids.project);
    const area = areaBlock(rows, /^Сфера 9\./, 'Итого по сфере');
    const row = area.data.find((r) => r.values[2] === NAME)!;
    expect(row, 'the project under area 9').toBeDefined();
    expect(row.values.slice(3, 7)).toEqual([4600, 4500.5, `ОФ «${NAME}»`, preview.col7Ru]);
    // the subtotal and the total as a reader adds them up, column by column
    expect(area.data).toHaveLength(2);
    expect(area.subtotal.values[3]).toBe(addUp(area.data.map((r) => r.values[3] as number)));
    expect(area.subtotal.values[4]).toBe(addUp(area.data.map((r) => r.values[4] as number)));
    expect([area.subtotal.values[3], area.subtotal.values[4]]).toEqual([5500.1, 5300.7]);
    const total = rows.find((r) => r.values[0] === 'Всего')!;
    expect([total.values[3], total.values[4]]).toEqual([5500.1, 5300.7]);
    return { row, preview, rows };
  }

  it('5. the half-year Annex 9: the project under its area with planned and contract sums, supplier, column 7 from round 1, no column 8', async () => {
    await moveTo('2026-07-01T05:00:00Z');
    const { row, preview } = await annex9('half_year');
    // round 1 found the seminars partly done; the measure was closed after its deadline
    expect(preview.col7Ru).toBe(
      'Проведено мониторингов: 1 (запланировано на год: 2); инструменты: изучение документации, мониторинг социальных сетей. ' +
        'Исполнение плана: выполнено мероприятий: 0 из 1. Охват: 0 чел. (по плану: 150). Меры: всего 1, выполнено 1, просрочено 1.',
    );
    expect(row.values[7]).toBeNull();
  });

  it('6. round 2: two other tools with findings, the plan done, completed; the year has its 2 rounds', async () => {
    await moveTo('2026-09-15T05:00:00Z');
    const id = ids.rounds[1]!;
    expect((await api.call('POST', `/api/monitoring/rounds/${id}/start`, tokens.e2)).json().status).toBe('in_progress');
    const tool = (t: string, body: object) => api.call('PUT', `/api/monitoring/rounds/${id}/tools/${t}`, tokens.e2, { tool: t, ...body });
    const visit = await tool('mystery_shopper', {
      findings: 'Консультацию дали в день обращения',
      details: { visitedOn: '2026-09-14', place: 'Алматы', checklist: [{ text: 'Приняли без записи', ok: true, note: '' }] },
    });
    expect(visit.status, visit.text).toBe(200);
    const indicators = await tool('indicators', {
      findings: 'Охват по плану',
      details: { rows: [{ name: 'Участники', unit: 'чел.', expected: '150', actual: '160', comment: '' }] },
    });
    expect(
      indicators
        .json()
        .toolRecords.map((t: { tool: string }) => t.tool)
        .sort(),
    ).toEqual(['indicators', 'mystery_shopper']);
    await api.call('PUT', `/api/monitoring/rounds/${id}/activities/${ids.activity}`, tokens.e2, { status: 'done', doneQuantity: 4, evidence: 'отчёты' });
    const done = await api.call('POST', `/api/monitoring/rounds/${id}/complete`, tokens.e2, { summary: 'Правовая грамотность молодёжи выросла' });
    expect(done.json()).toMatchObject({ frozen: true, round: { status: 'completed' } });
    expect((await overview()).status).toMatchObject({ planned: 2, completed: 2, warnings: [] });
  });

  it('7. Annex 3 of 2027: the rows under their areas, «Жиынында» of each area and the grand total equal to their sums', async () => {
    await moveTo('2026-12-10T05:00:00Z');
    for (const [areaId, nameRu, plannedSum] of [
      [9, NAME, 4700.5],
      [9, 'Медиация', 950.3],
      [1, 'Кружки', 1200.4],
    ] as const) {
      const add = await api.call('POST', '/api/monitoring/planned-projects', tokens.pm, {
        stateBodyId: ids.body,
        planYear: 2027,
        areaId,
        nameKk: `${nameRu} (kk)`,
        nameRu,
        plannedSum,
        summaryKk: 'Қысқаша мазмұны',
        summaryRu: 'Краткое содержание',
      });
      expect(add.status, add.text).toBe(201);
    }
    const file = await api.call('GET', `/api/monitoring/annex3/export?stateBodyId=${ids.body}&planYear=2027&lang=kk`, tokens.pm);
    expect(file.status, file.text).toBe(200);
    const { rows } = await readSheet(file.body);
    const area9 = areaBlock(rows, /^9-сала\./, 'Жиынында');
    expect(area9.data.map((r) => [r.values[2], r.values[3]])).toEqual([
      [`${NAME} (kk)`, 4700.5],
      ['Медиация (kk)', 950.3],
    ]);
    expect(area9.subtotal.values[3]).toBe(addUp(area9.data.map((r) => r.values[3] as number)));
    const area1 = areaBlock(rows, /^1-сала\./, 'Жиынында');
    expect(area1.subtotal.values[3]).toBe(1200.4);
    const subtotals = rows.filter((r) => r.values[0] === 'Жиынында').map((r) => r.values[3] as number);
    expect(subtotals).toHaveLength(19);
    const total = rows.find((r) => r.values[0] === 'Барлығы')!;
    expect(total.values[3]).toBe(addUp(subtotals));
    expect(total.values[3]).toBe(6851.2); // 4700.5 + 950.3 + 1200.4
  });

  it('8. the annual Annex 9: column 7 from both rounds with the positive effect, column 8 filled, signed by the head the admin set', async () => {
    await moveTo('2027-01-20T05:00:00Z');
    const head = await api.call('PATCH', `/api/state-bodies/${ids.body}`, tokens.admin, {
      headName: 'Б. Омаров',
      headPositionKk: 'басқарма басшысы',
      headPositionRu: 'руководитель управления',
    });
    expect(head.status, head.text).toBe(200);
    const { row, preview, rows } = await annex9('annual');
    expect(preview.col7Ru).toBe(
      'Проведено мониторингов: 2 (запланировано на год: 2); инструменты: анализ индикаторов и ожидаемых результатов, ' +
        'метод "Тайный покупатель", изучение документации, мониторинг социальных сетей. Исполнение плана: выполнено мероприятий: 1 из 1. ' +
        'Охват: 0 чел. (по плану: 150). Меры: всего 1, выполнено 1, просрочено 1.\nПоложительный эффект: Правовая грамотность молодёжи выросла',
    );
    expect(row.values[7]).toBe('оценка не завершена');
    expect(String(rows[1]!.values[6])).toContain('а также положительный эффект');
    expect(rows.at(-1)!.values[0]).toBe('Первый руководитель: Б. Омаров ____________ (подпись)');
  });
});
