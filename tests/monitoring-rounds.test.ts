// Monitoring rounds of a project (Order 407 item 9, item 10), through the API on both databases with a pinned
// clock: 2–5 rounds per calendar year (a sixth refused), warnings before a round and for a short year, the four
// indicators with their figures (frozen at completion), at least two tools, measures set → overdue → closed.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

/** Monday 2 March 2026, 10:00 Almaty; tests move it forward. */
const START = new Date('2026-03-02T05:00:00Z');

describe.each(dbTargets)('monitoring rounds on %s', (target) => {
  let clock = START;
  const api = useProjectApi(target, { clock: () => clock });
  const prisma = () => api.services.prisma;
  let n = 0;

  async function project(extra: { contractSum?: number; name?: string } = {}) {
    const region = await prisma().region.findUniqueOrThrow({ where: { code: 'almaty-city' } });
    const name = extra.name ?? `Жоба ${++n}`;
    return prisma().socialProject.create({
      data: {
        nameKk: `${name} kk`,
        nameRu: `${name} ru`,
        supplierName: 'ОФ «Болашақ»',
        supplierBin: '123456789012',
        contractSum: extra.contractSum ?? 1500,
        startsOn: new Date('2026-02-01'),
        endsOn: new Date('2026-11-30'),
        areaId: 9,
        regionId: region.id,
        status: 'active',
        inviteCode: randomBytes(6).toString('hex'),
      },
    });
  }
  const manager = async () =>
    api.account(`pm${randomBytes(3).toString('hex')}`, ['project_manager'], (await prisma().region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id);
  const plan = (token: string, projectId: number, plannedOn: string, lang = 'ru') =>
    api.call('POST', `/api/monitoring/projects/${projectId}/rounds`, token, { plannedOn }, { 'accept-language': lang });

  it('allows at most 5 rounds in a calendar year: the sixth is refused in kk and ru, a cancelled one frees its place, a date outside the term is refused', async () => {
    clock = START;
    const pm = await manager();
    const p = await project();
    // 1 Feb – 30 Nov 2026 is 303 days: ⌈303 / 73⌉ = 5 rounds recommended
    const proposal = await api.call('GET', `/api/monitoring/projects/${p.id}/rounds/proposal?year=2026`, pm.token);
    expect(proposal.json().dates).toHaveLength(5);
    const ids: number[] = [];
    for (const d of ['2026-03-10', '2026-05-12', '2026-07-14', '2026-09-15', '2026-11-10']) {
      const r = await plan(pm.token, p.id, d);
      expect(r.status, r.text).toBe(201);
      ids.push(r.json().id);
    }
    const sixthRu = await plan(pm.token, p.id, '2026-11-20');
    expect(sixthRu.status).toBe(409);
    expect(sixthRu.json().error.code).toBe('monitoring.too_many_rounds');
    expect(sixthRu.json().error.message).toBe('В 2026 году у проекта уже 5 мониторингов — это наибольшее число по Правилам.');
    const sixthKk = await plan(pm.token, p.id, '2026-11-20', 'kk');
    expect(sixthKk.json().error.message).toBe('Жобаның 2026 жылғы мониторинг саны Қағидаларда рұқсат етілген ең көп санға жетті: 5.');
    const cancel = await api.call('POST', `/api/monitoring/rounds/${ids[4]}/cancel`, pm.token, { reason: 'перенос' });
    expect(cancel.json().status).toBe('cancelled');
    expect((await plan(pm.token, p.id, '2026-11-20')).status).toBe(201);
    const outside = await plan(pm.token, p.id, '2026-12-15');
    expect(outside.status).toBe(400);
    expect(outside.json().error.message).toBe('Дата мониторинга должна быть в сроке реализации проекта (2026-02-01 — 2026-11-30).');
    const overview = (await api.call('GET', `/api/monitoring/projects/${p.id}?year=2026`, pm.token)).json();
    expect(overview.status).toMatchObject({ min: 2, max: 5, recommended: 5, planned: 5, completed: 0, warnings: [] });
    const audit = await prisma().auditLog.count({ where: { action: 'monitoring.round_plan', entityId: { in: ids.map(String) } } });
    expect(audit).toBe(5);
  });

  it('warns before a round is due and when a year falls short of 2 rounds, each once', async () => {
    clock = START;
    const pm = await manager();
    const p = await project({ name: 'Ескерту' });
    const before = (await api.call('GET', `/api/monitoring/projects/${p.id}?year=2026`, pm.token)).json();
    expect(before.status.warnings).toEqual(['plan_short']);
    // Thursday 5 March is the 3rd working day after Monday 2 March
    expect((await plan(pm.token, p.id, '2026-03-05')).status).toBe(201);
    const first = await api.services.monitoring.processAlerts();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    await api.services.monitoring.processAlerts();
    const notices = (kind: string) => prisma().staffNotice.findMany({ where: { staffUserId: pm.id, kind, text: { contains: 'Ескерту ru' } } });
    expect((await notices('monitoring.round_due')).map((x) => x.text)).toEqual(['📅 Мониторинг проекта «Ескерту ru» запланирован на 05.03.2026.']);
    // 1 Feb + 10 working days has passed with only one round planned
    expect(await notices('monitoring.plan_short')).toHaveLength(1);
    // the year ends with no completed round: managers and admins are told once
    clock = new Date('2027-01-04T05:00:00Z');
    await api.services.monitoring.processAlerts();
    await api.services.monitoring.processAlerts();
    const short = await notices('monitoring.year_short');
    expect(short.map((x) => x.text)).toEqual([
      '⚠️ По проекту «Ескерту ru» за 2026 год проведено мониторингов: 0. Правила требуют не менее 2 в календарный год.',
    ]);
    // sessions last 12 hours: a new day, a new login
    const pmNext = await manager();
    const after = (await api.call('GET', `/api/monitoring/projects/${p.id}?year=2026`, pmNext.token)).json();
    expect(after.status.warnings).toEqual(['plan_short', 'year_short']);
    expect(await prisma().staffNotice.count({ where: { staffUserId: pm.id, kind: 'monitoring.round_overdue', text: { contains: 'Ескерту ru' } } })).toBe(1);
  });

  it('shows the four indicators with their figures, needs two tools with findings to complete, and freezes the indicators', async () => {
    clock = START;
    const pm = await manager();
    const p = await project({ name: 'Көрсеткіш' });
    await api.call('PUT', `/api/monitoring/projects/${p.id}/setup`, pm.token, { serviceKinds: ['consulting'], coverageTarget: 100, plannedSum: 1600 });
    const act = (
      await api.call('POST', `/api/monitoring/projects/${p.id}/activities`, pm.token, {
        titleKk: 'Семинар',
        titleRu: 'Семинар',
        plannedQuantity: 4,
        dueOn: '2026-02-28',
      })
    ).json();
    const ev = await prisma().projectEvent.create({
      data: { projectId: p.id, heldOn: new Date('2026-02-20'), place: 'Алматы', form: 'семинар', participants: 25 },
    });
    expect((await api.call('POST', `/api/monitoring/activities/${act.id}/events`, pm.token, { eventId: ev.id, link: true })).status).toBe(200);
    for (let i = 0; i < 3; i++)
      await prisma().projectBeneficiary.create({
        data: { projectId: p.id, source: 'import', externalRef: `b${i}`, fullName: `B ${i}`, gender: i ? 'female' : 'male', joinedAt: new Date('2026-02-10') },
      });
    // wave 1: 2 of 4 satisfied (50 %); wave 2 (closed): 4 of 5 (80 %), so +30 points
    const poll = await prisma().poll.create({ data: { projectId: p.id, titleKk: 'С', titleRu: 'О', status: 'ready' } });
    const q = await prisma().pollQuestion.create({ data: { pollId: poll.id, position: 1, type: 'satisfaction', textKk: 'Қ', textRu: 'У' } });
    const answers = [
      ['fully', 'rather', 'rather_not', 'hard'],
      ['fully', 'fully', 'rather', 'rather', 'not'],
    ];
    for (const [i, choices] of answers.entries()) {
      const w = await prisma().pollWave.create({
        data: {
          pollId: poll.id,
          position: i + 1,
          inviteCode: randomBytes(6).toString('hex'),
          labelKk: `W${i}`,
          labelRu: `W${i}`,
          opensAt: new Date(`2026-02-0${i + 2}`),
          closesAt: new Date('2026-02-20'),
          status: 'closed',
        },
      });
      for (const choice of choices)
        await prisma().pollResponse.create({ data: { waveId: w.id, locale: 'ru', answers: { create: { questionId: q.id, choice } } } });
    }
    const round = (await plan(pm.token, p.id, '2026-03-02')).json();
    expect((await api.call('POST', `/api/monitoring/rounds/${round.id}/start`, pm.token)).json().status).toBe('in_progress');
    const d = (await api.call('GET', `/api/monitoring/rounds/${round.id}`, pm.token)).json();
    expect(d.indicators.activities).toMatchObject([{ plannedQuantity: 4, due: true, events: 1, participants: 25, status: null }]);
    expect(d.indicators.satisfaction).toMatchObject([{ base: 5, positive: 4, index: 80, change: 30 }]);
    expect(d.indicators.coverage).toMatchObject({ persons: 3, male: 1, female: 2, target: 100, eventParticipants: 25 });
    expect(d.indicators.standard).toHaveLength(4);

    const tool = (t: string, body: object) => api.call('PUT', `/api/monitoring/rounds/${round.id}/tools/${t}`, pm.token, { tool: t, ...body });
    expect((await tool('document_review', { findings: 'Журнал консультаций ведётся' })).status).toBe(200);
    const one = await api.call('POST', `/api/monitoring/rounds/${round.id}/complete`, pm.token, { summary: 'Итоги' });
    expect(one.status).toBe(409);
    expect(one.json().error.message).toBe('Для завершения мониторинга нужны выводы не менее чем по 2 инструментам.');
    const badUrl = await tool('social_media', {
      findings: 'Упоминания',
      details: { mentions: [{ url: 'javascript:alert(1)', network: 'ig', date: '2026-02-25', tone: 'positive', note: '' }] },
    });
    expect(badUrl.status).toBe(400);
    const sm = await tool('social_media', {
      findings: 'Упоминания положительные',
      details: { mentions: [{ url: 'https://instagram.com/p/1', network: 'instagram', date: '2026-02-25', tone: 'positive', note: '' }] },
    });
    expect(sm.json().toolRecords.map((t: { tool: string }) => t.tool)).toEqual(['document_review', 'social_media']);
    expect((await api.call('POST', `/api/monitoring/rounds/${round.id}/complete`, pm.token, { summary: 'Итоги' })).json().error.code).toBe(
      'monitoring.activities_unchecked',
    );
    await api.call('PUT', `/api/monitoring/rounds/${round.id}/activities/${act.id}`, pm.token, {
      status: 'partly',
      doneQuantity: 1,
      evidence: 'фото, список участников',
    });
    expect((await api.call('POST', `/api/monitoring/rounds/${round.id}/complete`, pm.token, { summary: 'Итоги' })).json().error.code).toBe(
      'monitoring.standard_unchecked',
    );
    const items = d.indicators.standard.map((s: { itemId: number }, i: number) => ({ itemId: s.itemId, compliant: i !== 2, note: '' }));
    await api.call('PUT', `/api/monitoring/rounds/${round.id}/standard`, pm.token, { items });
    const done = await api.call('POST', `/api/monitoring/rounds/${round.id}/complete`, pm.token, { summary: 'План выполняется частично' });
    expect(done.status, done.text).toBe(200);
    expect(done.json()).toMatchObject({ frozen: true, round: { status: 'completed' } });
    // a beneficiary added later does not rewrite the completed round
    await prisma().projectBeneficiary.create({
      data: { projectId: p.id, source: 'import', externalRef: 'late', fullName: 'Late', joinedAt: new Date('2026-02-11') },
    });
    const later = (await api.call('GET', `/api/monitoring/rounds/${round.id}`, pm.token)).json();
    expect(later.indicators.coverage.persons).toBe(3);
    expect(later.indicators.standard.filter((s: { compliant: boolean }) => s.compliant === false)).toHaveLength(1);
  });

  it('sends a measure to the NGO contact, flags it overdue once, and closes it as done late for good', async () => {
    clock = START;
    const pm = await manager();
    const p = await project({ name: 'Шара' });
    const contact = await prisma().citizen.create({ data: { telegramId: BigInt(970_000_000 + n), locale: 'kk', consentAt: START, name: 'ҮЕҰ' } });
    await prisma().socialProject.update({ where: { id: p.id }, data: { supplierContactId: contact.id } });
    const round = (await plan(pm.token, p.id, '2026-03-02')).json();
    await api.call('POST', `/api/monitoring/rounds/${round.id}/start`, pm.token);
    const past = await api.call('POST', `/api/monitoring/rounds/${round.id}/measures`, pm.token, { text: 'Вести журнал', dueOn: '2026-03-01' });
    expect(past.json().error.code).toBe('monitoring.due_in_past');
    const m = await api.call('POST', `/api/monitoring/rounds/${round.id}/measures`, pm.token, { text: 'Вести журнал консультаций', dueOn: '2026-03-10' });
    expect(m.status).toBe(201);
    expect(m.json()).toMatchObject({ state: 'open', delivered: true });
    const sent = await prisma().outboxMessage.findMany({ where: { chatId: contact.telegramId }, orderBy: { id: 'asc' } });
    expect((sent[0]!.payload as { text: string }).text).toBe(
      '📋 «Шара kk» жобасының мониторингі бойынша шара:\nВести журнал консультаций\nОрындау мерзімі: 10.03.2026',
    );

    clock = new Date('2026-03-11T05:00:00Z');
    expect((await api.services.monitoring.processAlerts()).measuresOverdue).toBeGreaterThanOrEqual(1);
    expect((await api.services.monitoring.processAlerts()).measuresOverdue).toBe(0);
    const pmNext = await manager();
    const list = (await api.call('GET', `/api/monitoring/projects/${p.id}/measures`, pmNext.token)).json();
    expect(list.items).toMatchObject([{ state: 'overdue' }]);
    expect(await prisma().staffNotice.count({ where: { staffUserId: pm.id, kind: 'monitoring.measure_overdue' } })).toBe(1);
    expect(await prisma().outboxMessage.count({ where: { chatId: contact.telegramId } })).toBe(2);

    clock = new Date('2026-03-12T05:00:00Z');
    const pmLast = await manager();
    const closed = await api.call('POST', `/api/monitoring/measures/${m.json().id}/close`, pmLast.token, { outcome: 'done', note: 'журнал проверен' });
    expect(closed.json()).toMatchObject({ status: 'done', state: 'done_late' });
    const again = await api.call('POST', `/api/monitoring/measures/${m.json().id}/close`, pmLast.token, { outcome: 'not_done', note: 'x' });
    expect(again.status).toBe(409);
    expect(again.json().error.code).toBe('monitoring.measure_closed');
    expect(
      await prisma().auditLog.count({
        where: { action: { in: ['monitoring.measure_set', 'monitoring.measure_overdue', 'monitoring.measure_close'] }, entityId: String(m.json().id) },
      }),
    ).toBe(3);
  });
});
