// The forms' deadlines as reminders (seed 003 item 7 Annex 3, item 19 Annex 8, item 21 Annex 9): the body's
// project managers are reminded before the due day (5 working days for Annexes 3 and 9, 1 for Annex 8) as a
// notice and in Telegram, once; a missed form reaches the admins and the managers, once; a form marked done
// is not chased. The clock is pinned and moved by the test.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { makeBody, movableClock, signInAgain, tie } from './helpers/monitoring-forms.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

const clock = movableClock('2026-06-26T05:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe.each(dbTargets)('form deadlines (%s)', (target) => {
  const api = useProjectApi(target, { clock: clock.now });
  const ids = { central: 0, local: 0, project: 0, manager: 0, localManager: 0, admin: 0 };
  let managerToken = '';
  const run = () => api.services.monitoring.processFormDeadlines();
  const notices = (staffUserId: number, kind: string) => api.services.prisma.staffNotice.findMany({ where: { staffUserId, kind }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    const prisma = api.services.prisma;
    const [region] = await prisma.region.findMany({ orderBy: { id: 'asc' }, take: 1 });
    ids.central = (await makeBody(prisma, 'dl-central', null)).id;
    ids.local = (await makeBody(prisma, 'dl-local', region!.id)).id;
    // a running project makes Annex 9 due for the central body; its closed evaluation makes Annex 8 due
    ids.project = (
      await prisma.socialProject.create({
        data: {
          nameKk: 'Жоба',
          nameRu: 'Проект',
          supplierName: 'ОФ',
          contractSum: 100,
          startsOn: day('2026-01-10'),
          endsOn: day('2026-04-20'),
          areaId: 9,
          stateBodyId: ids.central,
          status: 'finished',
          inviteCode: `dl-${target}`,
          evaluationClosedAt: new Date('2026-04-30T15:00:00+05:00'),
        },
      })
    ).id;
    // a topic for 2027 makes the local body's Annex 3 due by 1 August 2026
    await prisma.discussionTopic.create({
      data: {
        stateBodyId: ids.local,
        regionId: region!.id,
        areaId: 1,
        year: 2027,
        titleKk: 'т',
        titleRu: 'т',
        fundingThousandTenge: 10,
        justificationKk: 'ж',
        justificationRu: 'о',
        informationSource: 'и',
        targetGroupKk: 'ж',
        targetGroupRu: 'м',
        expectedResultKk: 'н',
        expectedResultRu: 'р',
      },
    });
    const manager = await api.account('dl-manager', ['project_manager']);
    await tie(prisma, manager.id, { stateBodyId: ids.central, telegramId: 7001n });
    ids.manager = manager.id;
    managerToken = manager.token;
    const local = await api.account('dl-local', ['project_manager'], region!.id);
    await tie(prisma, local.id, { stateBodyId: ids.local });
    ids.localManager = local.id;
    const admin = await api.account('dl-admin', ['admin']);
    await tie(prisma, admin.id, { telegramId: 7002n });
    ids.admin = admin.id;
  });

  it('creates the deadlines: Annex 9 half-year 5 July and annual 5 February, Annex 8 three working days after the evaluation, Annex 3 of a local body 1 August', async () => {
    clock.set('2026-04-01T05:00:00Z');
    await run();
    const rows = await api.services.prisma.formDeadline.findMany({ orderBy: { id: 'asc' } });
    const due = (kind: string, subjectKey: string, year: number) =>
      rows.find((r) => r.kind === kind && r.subjectKey === subjectKey && r.year === year)?.dueAt.toISOString();
    expect(due('annex9_half', `body:${ids.central}`, 2026)).toBe('2026-07-05T18:59:59.999Z'); // 5 July, 23:59:59.999 Almaty
    expect(due('annex9_annual', `body:${ids.central}`, 2026)).toBe('2027-02-05T18:59:59.999Z');
    expect(due('annex3', `body:${ids.local}`, 2027)).toBe('2026-08-01T18:59:59.999Z');
    expect(due('annex8', `project:${ids.project}`, 2026)).toBe('2026-05-06T10:00:00.000Z'); // Wed 6 May 15:00, after the 1 May holiday
  });

  it('reminds the Annex 8 managers one working day before, once, as a notice and in Telegram', async () => {
    clock.set('2026-05-04T05:00:00Z'); // Mon 4 May: two working days before
    await run();
    expect(await notices(ids.manager, 'form.due.annex8')).toHaveLength(0);
    clock.set('2026-05-05T04:00:00Z'); // Tue 5 May 09:00
    await run();
    await run();
    const sent = await notices(ids.manager, 'form.due.annex8');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Приложение 8 (отчёт об оценке результатов: «Проект»)');
    expect(sent[0]!.text).toContain('06.05.2026 15:00');
    const outbox = await api.services.prisma.outboxMessage.findMany({ where: { kind: 'form.due.annex8' } });
    expect(outbox.map((m) => m.chatId)).toEqual([7001n]);
    expect(await notices(ids.localManager, 'form.due.annex8')).toHaveLength(0);
    expect(await notices(ids.admin, 'form.due.annex8')).toHaveLength(0);
  });

  it('does not chase a form marked done', async () => {
    managerToken = await signInAgain(api.app, 'dl-manager');
    const list = await api.call('GET', `/api/monitoring/deadlines?stateBodyId=${ids.central}&year=2026`, managerToken);
    expect(list.status, list.text).toBe(200);
    const annex8 = list.json().items.find((d: { kind: string }) => d.kind === 'annex8');
    expect(annex8.state).toBe('reminded');
    const done = await api.call('POST', `/api/monitoring/deadlines/${annex8.id}/done`, managerToken, { note: 'размещён на портале' });
    expect(done.json().state).toBe('done');
    clock.set('2026-05-07T05:00:00Z');
    await run();
    expect(await notices(ids.admin, 'form.overdue.annex8')).toHaveLength(0);
  });

  it('reminds the half-year Annex 9 five working days before 5 July, not earlier', async () => {
    clock.set('2026-06-26T05:00:00Z'); // Fri 26 June
    await run();
    expect(await notices(ids.manager, 'form.due.annex9_half')).toHaveLength(0);
    clock.set('2026-06-29T03:00:00Z'); // Mon 29 June 08:00: Mon 29, Tue 30, Wed 1, Thu 2, Fri 3 are the 5 working days
    await run();
    const sent = await notices(ids.manager, 'form.due.annex9_half');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toBe(
      '📅 Приближается срок. Приложение 9 (отчёт о мониторинге за 2026 год, по итогам полугодия), Управление dl-central. Срок сдачи: 05.07.2026.',
    );
  });

  it('tells the admins and the managers once when the half-year Annex 9 is missed', async () => {
    clock.set('2026-07-06T00:30:00Z'); // 6 July 05:30 Almaty
    await run();
    await run();
    expect(await notices(ids.admin, 'form.overdue.annex9_half')).toHaveLength(1);
    expect(await notices(ids.manager, 'form.overdue.annex9_half')).toHaveLength(1);
    expect(await notices(ids.localManager, 'form.overdue.annex9_half')).toHaveLength(0);
    const outbox = await api.services.prisma.outboxMessage.findMany({ where: { kind: 'form.overdue.annex9_half' }, orderBy: { chatId: 'asc' } });
    expect(outbox.map((m) => m.chatId)).toEqual([7001n, 7002n]);
  });

  it("reminds a local body's managers of Annex 3 before 1 August, and the admins when it is missed", async () => {
    clock.set('2026-07-27T04:00:00Z'); // Mon 27 July: 1 August is a Saturday, so 27–31 July are the 5 working days
    await run();
    expect(await notices(ids.localManager, 'form.due.annex3')).toHaveLength(1);
    expect(await notices(ids.manager, 'form.due.annex3')).toHaveLength(0);
    clock.set('2026-08-02T04:00:00Z');
    await run();
    expect(await notices(ids.admin, 'form.overdue.annex3')).toHaveLength(1);
    expect(await notices(ids.localManager, 'form.overdue.annex3')).toHaveLength(1);
  });

  it('lets only admins move a due date, and refuses another body’s deadline', async () => {
    managerToken = await signInAgain(api.app, 'dl-manager');
    const items = (await api.call('GET', `/api/monitoring/deadlines?year=2026`, managerToken)).json().items;
    expect(items.every((d: { stateBodyId: number | null }) => d.stateBodyId === ids.central)).toBe(true);
    const annual = items.find((d: { kind: string }) => d.kind === 'annex9_half');
    expect((await api.call('PUT', `/api/monitoring/deadlines/${annual.id}/due`, managerToken, { dueOn: '2026-07-10', note: 'письмо' })).status).toBe(403);
    const localRow = await api.services.prisma.formDeadline.findFirstOrThrow({ where: { kind: 'annex3' } });
    expect((await api.call('POST', `/api/monitoring/deadlines/${localRow.id}/done`, managerToken, { note: 'x' })).status).toBe(403);
  });
});
