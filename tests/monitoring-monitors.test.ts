// Independent monitors (Order 407 item 9) and the monitoring API's scope, through the API on both databases with a
// pinned clock: above 500 MCI of the contract's year an independent expert monitors, one per project, after the
// Annex 4 declaration (pre-filled from the council's one about the same NGO); a declared conflict rules the expert
// out; the expert requests documents; staff outside the project's region or role are refused.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

const CLOCK = new Date('2026-03-02T05:00:00Z');
const NO = { yes: false };
const none = { membership: NO, governance: NO, payments: NO, family: NO, other: NO };

describe.each(dbTargets)('independent monitors and scope on %s', (target) => {
  const api = useProjectApi(target, { clock: () => CLOCK });
  const prisma = () => api.services.prisma;
  const almaty = async () => (await prisma().region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
  const project = async (contractSum: number, regionId?: number) =>
    prisma().socialProject.create({
      data: {
        nameKk: 'Тәуелсіз kk',
        nameRu: 'Независимый ru',
        supplierName: 'ОФ «Болашақ»',
        supplierBin: '123456789012',
        contractSum,
        startsOn: new Date('2026-02-01'),
        endsOn: new Date('2026-11-30'),
        areaId: 9,
        regionId: regionId ?? (await almaty()),
        status: 'active',
        inviteCode: randomBytes(6).toString('hex'),
      },
    });
  const tag = () => randomBytes(3).toString('hex');

  it('needs an independent expert strictly above 500 MCI of the start year (2026: 4 325 ₸, so 2 162.5 thousand)', async () => {
    const pm = await api.account(`pm${tag()}`, ['project_manager'], await almaty());
    const ex = await api.account(`ex${tag()}`, ['expert']);
    const at = await project(2162.5);
    const above = await project(2162.6);
    const t = (await api.call('GET', `/api/monitoring/projects/${at.id}/monitor`, pm.token)).json().threshold;
    expect(t).toEqual({ year: 2026, mci: 4325, limitThousand: 2162.5, contractSum: 2162.5, needsIndependent: false });
    const refused = await api.call('POST', `/api/monitoring/projects/${at.id}/monitor`, pm.token, { expertId: ex.id });
    expect(refused.status).toBe(409);
    expect(refused.json().error.message).toBe(
      'Сумма договора не превышает 500 МРП (2162.5 тыс. тенге в 2026 году): мониторинг проводит сам государственный орган.',
    );
    expect((await api.call('GET', `/api/monitoring/projects/${above.id}/monitor`, pm.token)).json().threshold.needsIndependent).toBe(true);
    // without the expert a round above the threshold is planned but cannot start
    const round = (await api.call('POST', `/api/monitoring/projects/${above.id}/rounds`, pm.token, { plannedOn: '2026-03-02' })).json();
    expect(round.conductedBy).toBe('independent');
    const start = await api.call('POST', `/api/monitoring/rounds/${round.id}/start`, pm.token, undefined, { 'accept-language': 'kk' });
    expect(start.json().error.message).toBe('Шарт сомасы 500 АЕК-тен асады: алдымен тәуелсіз сарапшыны тағайындаңыз.');
  });

  it('lets the expert declare first: a conflict rules them out for good, no conflict makes them the one monitor, who then monitors', async () => {
    const pm = await api.account(`pm${tag()}`, ['project_manager'], await almaty());
    const e1 = await api.account(`e1${tag()}`, ['expert'], null, 'Эксперт Бір');
    const e2 = await api.account(`e2${tag()}`, ['expert'], null, 'Эксперт Екі');
    const contact = await prisma().citizen.create({
      data: { telegramId: BigInt(980_000_000 + Math.floor(Math.random() * 1e6)), locale: 'ru', consentAt: CLOCK },
    });
    const p = await project(5000);
    await prisma().socialProject.update({ where: { id: p.id }, data: { supplierContactId: contact.id } });
    // E1 declared payments from this NGO on the council of another of its projects (Annex 6)
    const earlier = await project(100);
    await prisma().conflictDeclaration.create({
      data: {
        projectId: earlier.id,
        staffUserId: e1.id,
        conflicts: ['payments'],
        details: 'оплата услуг в 2025 году',
        answers: { payments: 'оплата услуг в 2025 году' },
      },
    });

    const invite = await api.call('POST', `/api/monitoring/projects/${p.id}/monitor`, pm.token, { expertId: e1.id });
    expect(invite.status).toBe(201);
    expect((await api.call('POST', `/api/monitoring/projects/${p.id}/monitor`, pm.token, { expertId: e2.id })).json().error.code).toBe(
      'monitoring.monitor_taken',
    );
    expect(await prisma().staffNotice.count({ where: { staffUserId: e1.id, kind: 'monitoring.monitor_invited' } })).toBe(1);

    const draft = (await api.call('GET', `/api/monitoring/expert/assignments/${invite.json().id}/declaration-draft`, e1.token)).json();
    expect(draft.answers.payments).toEqual({ yes: true, text: 'оплата услуг в 2025 году' });
    expect(draft.answers.family).toEqual({ yes: false, text: '' });
    const missing = await api.call('POST', `/api/monitoring/expert/assignments/${invite.json().id}/declaration`, e1.token, {
      answers: { membership: NO },
      confirmed: true,
    });
    expect(missing.status).toBe(400);
    const noText = await api.call('POST', `/api/monitoring/expert/assignments/${invite.json().id}/declaration`, e1.token, {
      answers: { ...none, payments: { yes: true } },
      confirmed: true,
    });
    expect(noText.json().error.message).toBe('Вопрос 3: при ответе «да» укажите сведения.');
    const conflicted = await api.call('POST', `/api/monitoring/expert/assignments/${invite.json().id}/declaration`, e1.token, {
      answers: { ...none, payments: draft.answers.payments },
      confirmed: true,
    });
    expect(conflicted.json().status).toBe('refused_conflict');
    expect(await prisma().staffNotice.count({ where: { staffUserId: pm.id, kind: 'monitoring.monitor_refused' } })).toBe(1);
    expect((await api.call('POST', `/api/monitoring/projects/${p.id}/monitor`, pm.token, { expertId: e1.id })).json().error.code).toBe(
      'monitoring.conflict_declared',
    );
    expect((await api.call('GET', `/api/monitoring/projects/${p.id}?year=2026`, e1.token)).status).toBe(403);

    const second = (await api.call('POST', `/api/monitoring/projects/${p.id}/monitor`, pm.token, { expertId: e2.id })).json();
    const ok = await api.call('POST', `/api/monitoring/expert/assignments/${second.id}/declaration`, e2.token, { answers: none, confirmed: true });
    expect(ok.json().status).toBe('active');
    const declaration = await prisma().conflictDeclaration.findFirstOrThrow({ where: { projectId: p.id, staffUserId: e2.id } });
    expect(declaration).toMatchObject({ purpose: 'monitoring', conflicts: [] });
    expect((await api.call('GET', `/api/monitoring/projects/${p.id}?year=2026`, e2.token)).json()).toMatchObject({
      access: 'monitor',
      project: { monitorId: e2.id },
    });

    const round = (await api.call('POST', `/api/monitoring/projects/${p.id}/rounds`, pm.token, { plannedOn: '2026-03-02' })).json();
    expect((await api.call('POST', `/api/monitoring/rounds/${round.id}/start`, pm.token)).json().error.code).toBe('monitoring.independent_conducts');
    expect((await api.call('POST', `/api/monitoring/rounds/${round.id}/start`, e2.token)).json()).toMatchObject({ status: 'in_progress', conductorId: e2.id });
    const byBody = await api.call('PUT', `/api/monitoring/rounds/${round.id}/tools/document_review`, pm.token, { tool: 'document_review', findings: 'x' });
    expect(byBody.status).toBe(403);
    const req = await api.call('POST', `/api/monitoring/rounds/${round.id}/document-requests`, e2.token, {
      title: 'Списки участников семинаров',
      dueOn: '2026-03-06',
    });
    expect(req.json()).toMatchObject({ title: 'Списки участников семинаров', sentAt: CLOCK.toISOString(), receivedAt: null });
    const msg = await prisma().outboxMessage.findFirstOrThrow({ where: { chatId: contact.telegramId, kind: 'monitoring.documents' } });
    expect((msg.payload as { text: string }).text).toBe('📂 По проекту «Независимый ru» запрошены документы: Списки участников семинаров\nСрок: 06.03.2026');
    const got = await api.call('POST', `/api/monitoring/document-requests/${req.json().id}/received`, e2.token, { note: 'получены в Telegram, 3 файла' });
    expect(got.json()).toMatchObject({ receivedNote: 'получены в Telegram, 3 файла' });
    expect(
      await prisma().auditLog.count({
        where: { action: { in: ['monitoring.monitor_invite', 'monitoring.declare_conflict', 'monitoring.declare_none'] }, entityId: String(p.id) },
      }),
    ).toBe(4);
  });

  it("refuses ids outside the caller's scope: another region, another role, an expert not assigned; admins alone set the MCI", async () => {
    const p = await project(1000);
    const other = (await prisma().region.findFirstOrThrow({ where: { code: { not: 'almaty-city' } } })).id;
    const far = await api.account(`far${tag()}`, ['project_manager'], other);
    const op = await api.account(`op${tag()}`, ['operator']);
    const ex = await api.account(`ex${tag()}`, ['expert']);
    const pm = await api.account(`pm${tag()}`, ['project_manager'], await almaty());
    const admin = await api.account(`ad${tag()}`, ['admin']);
    const round = (await api.call('POST', `/api/monitoring/projects/${p.id}/rounds`, pm.token, { plannedOn: '2026-04-01' })).json();
    for (const [method, url, body] of [
      ['GET', `/api/monitoring/projects/${p.id}?year=2026`, undefined],
      ['POST', `/api/monitoring/projects/${p.id}/rounds`, { plannedOn: '2026-04-02' }],
      ['GET', `/api/monitoring/rounds/${round.id}`, undefined],
      ['POST', `/api/monitoring/rounds/${round.id}/cancel`, { reason: 'x' }],
    ] as const) {
      const r = await api.call(method, url, far.token, body);
      expect(r.status, `${method} ${url}`).toBe(403);
      expect(r.json().error.code).toBe('auth.out_of_scope');
      expect((await api.call(method, url, op.token, body)).status).toBe(403);
    }
    expect((await api.call('GET', `/api/monitoring/rounds/${round.id}`, ex.token)).json().error.code).toBe('monitoring.not_your_project');
    const bad = await api.call('POST', `/api/monitoring/projects/${p.id}/rounds`, pm.token, { plannedOn: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect((await api.call('PUT', '/api/monitoring/mci/2027', pm.token, { tenge: 4700, source: 'Закон' })).status).toBe(403);
    const set = await api.call('PUT', '/api/monitoring/mci/2027', admin.token, { tenge: 4700, source: 'Закон о республиканском бюджете на 2027–2029 годы' });
    expect(set.json()).toMatchObject({ year: 2027, tenge: 4700, origin: 'admin' });
    expect(await prisma().auditLog.count({ where: { action: 'monitoring.mci_set', entityId: '2027' } })).toBe(1);
  });
});
