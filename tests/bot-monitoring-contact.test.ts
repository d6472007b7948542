// The NGO's contact in the bot (item 10: the NGO receives the measures): the project's manager issues the link
// through the API, a citizen opens it in Kazakh and confirms, and a measure set afterwards reaches them through
// the outbox in Kazakh; an unknown code is refused, a manager out of scope cannot issue, a renewed link voids
// the old one, and a later contact replaces the earlier, who is told.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppServer } from '../app/compose.ts';
import { createNgoContactFeature } from '../bot/monitoring/ngo-contact.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { StaffRole } from '../generated/prisma/enums.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { actor, BOT_USERNAME, principal } from './helpers/project-fixtures.ts';
import { testLogger } from './helpers/silent-logger.ts';

/** Monday 2 March 2026, 10:00 Almaty: inside the project's term. */
const CLOCK = new Date('2026-03-02T05:00:00Z');

describe.each(dbTargets)('bot: the NGO contact of a project (%s)', (target) => {
  const h = useBotSuite(target, { features: [createNgoContactFeature()], now: CLOCK, services: { projects: { botUsername: () => BOT_USERNAME } } });
  const { services, say, press, last } = h;
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
  });
  afterAll(() => app?.close());

  const regionId = async (code: string) => (await services.prisma.region.findUniqueOrThrow({ where: { code } })).id;
  async function staff(roles: StaffRole[], region: string) {
    const login = `s${randomBytes(4).toString('hex')}`;
    const password = `${login}-password-1`;
    const s = await services.staff.create({ type: 'system' }, { login, fullName: login, password, roles, regionId: await regionId(region) });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
    expect(res.statusCode, res.body).toBe(200);
    return { id: s.id, token: res.json().token as string, principal: principal(s.id, roles, s.regionId) };
  }
  const call = (method: 'GET' | 'POST', url: string, token: string) => app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
  const issue = (token: string, projectId: number) => call('POST', `/api/monitoring/projects/${projectId}/ngo-invite`, token);
  const project = async () =>
    services.prisma.socialProject.create({
      data: {
        nameKk: 'Жастарға құқықтық көмек',
        nameRu: 'Правовая помощь молодёжи',
        supplierName: 'ОФ «Болашақ»',
        supplierBin: '123456789012',
        contractSum: 1500,
        startsOn: new Date('2026-02-01'),
        endsOn: new Date('2026-11-30'),
        areaId: 9,
        regionId: await regionId('almaty-city'),
        status: 'active',
        inviteCode: randomBytes(6).toString('hex'),
      },
    });
  const codeOf = (link: string) => /start=ngo_([A-Za-z0-9_-]+)$/.exec(link)![1]!;

  it('binds the citizen who opens the manager’s link in Kazakh and confirms; a measure set then reaches them in Kazakh', async () => {
    const pm = await staff(['project_manager'], 'almaty-city');
    const p = await project();
    const res = await issue(pm.token, p.id);
    expect(res.statusCode, res.body).toBe(200);
    const { link, code } = res.json();
    expect(link).toBe(`https://t.me/${BOT_USERNAME}?start=ngo_${code}`);
    expect(await services.prisma.auditLog.count({ where: { action: 'monitoring.ngo_invite', entityId: String(p.id), actorId: String(pm.id) } })).toBe(1);

    const { u, c } = await h.citizen({ locale: 'kk', name: 'Айгерім Сапарова' });
    await say(u, `/start ngo_${codeOf(link)}`);
    expect(last(u)).toContain('«Жастарға құқықтық көмек» жобасы бойынша ОФ «Болашақ» өнім берушісінің атынан сөйлейтініңізді растаңыз');
    expect((await services.prisma.socialProject.findUniqueOrThrow({ where: { id: p.id } })).supplierContactId).toBeNull();
    await press(u, '✅ Растаймын');
    expect(last(u)).toContain('енді сіз «Жастарға құқықтық көмек» жобасы бойынша ОФ «Болашақ» өнім берушісінің байланыс тұлғасысыз');
    expect((await services.prisma.socialProject.findUniqueOrThrow({ where: { id: p.id } })).supplierContactId).toBe(c.id);
    const audit = await services.prisma.auditLog.findFirstOrThrow({ where: { action: 'monitoring.ngo_contact_bind', entityId: String(p.id) } });
    expect(audit).toMatchObject({ actorType: 'citizen', actorId: String(c.id) });
    const overview = (await call('GET', `/api/monitoring/projects/${p.id}?year=2026`, pm.token)).json();
    expect(overview.project).toMatchObject({ supplierContact: true, supplierContactName: 'Айгерім Сапарова' });

    const round = await services.monitoring.rounds.plan(actor(pm.principal), pm.principal, p.id, { plannedOn: '2026-03-02' });
    await services.monitoring.rounds.start(actor(pm.principal), pm.principal, round.id);
    const m = await services.monitoring.measures.add(actor(pm.principal), pm.principal, round.id, {
      text: 'Қатысушылар тізімін толықтыру',
      dueOn: '2026-03-20',
    });
    expect(m.delivered).toBe(true);
    await h.deliverOutbox();
    expect(last(u)).toContain('«Жастарға құқықтық көмек» жобасының мониторингі бойынша шара:\nҚатысушылар тізімін толықтыру');
  });

  it('refuses an unknown code with a clear message, and binds nobody', async () => {
    const { u } = await h.citizen({ locale: 'ru', name: 'Олег' });
    await say(u, '/start ngo_doesNotExist1');
    expect(last(u)).toBe('Ссылка недействительна: её заменили новой или уже использовали. Попросите у менеджера проекта новую ссылку.');
    expect(h.buttons(u)).not.toContain('✅ Подтверждаю');
  });

  it('lets no staff member out of the project’s scope issue the link', async () => {
    const p = await project();
    const elsewhere = await staff(['project_manager'], 'astana');
    expect([403, 404]).toContain((await issue(elsewhere.token, p.id)).statusCode);
    const expert = await staff(['expert'], 'almaty-city');
    expect((await issue(expert.token, p.id)).statusCode).toBe(403);
    expect((await services.prisma.socialProject.findUniqueOrThrow({ where: { id: p.id } })).supplierInviteCode).toBeNull();
  });

  it('voids the old link on renewal, and a new contact replaces the earlier one, who is told in their language', async () => {
    const pm = await staff(['project_manager'], 'almaty-city');
    const p = await project();
    const first = codeOf((await issue(pm.token, p.id)).json().link);
    const { u: old, c: oldC } = await h.citizen({ locale: 'ru', name: 'Дана' });
    await say(old, `/start ngo_${first}`);
    await press(old, '✅ Подтверждаю');
    expect(last(old)).toContain('теперь вы — контактное лицо поставщика ОФ «Болашақ» по проекту «Правовая помощь молодёжи»');
    // the used link does not bind a second time
    const { u: other } = await h.citizen({ locale: 'ru', name: 'Ерлан' });
    await say(other, `/start ngo_${first}`);
    expect(last(other)).toContain('Ссылка недействительна');

    const second = codeOf((await issue(pm.token, p.id)).json().link);
    const third = codeOf((await issue(pm.token, p.id)).json().link);
    expect(third).not.toBe(second);
    const renewals = await services.prisma.auditLog.findMany({ where: { action: 'monitoring.ngo_invite', entityId: String(p.id) }, orderBy: { id: 'asc' } });
    expect(renewals.map((a) => (a.after as { renewed: boolean }).renewed)).toEqual([false, false, true]);
    await say(other, `/start ngo_${second}`);
    expect(last(other)).toContain('Ссылка недействительна');

    const { u: next, c: nextC } = await h.citizen({ locale: 'kk', name: 'Нұрлан' });
    await say(next, `/start ngo_${third}`);
    await press(next, '✅ Растаймын');
    expect((await services.prisma.socialProject.findUniqueOrThrow({ where: { id: p.id } })).supplierContactId).toBe(nextC.id);
    await h.deliverOutbox();
    expect(last(old)).toBe(
      'ℹ️ По проекту «Правовая помощь молодёжи» назначено другое контактное лицо поставщика: меры и запросы документов теперь будут приходить ему.',
    );
    const bind = await services.prisma.auditLog.findFirstOrThrow({ where: { action: 'monitoring.ngo_contact_bind', actorId: String(nextC.id) } });
    expect(bind.before).toEqual({ contactId: oldC.id });
  });

  it('refuses the press of a confirmation whose link was renewed meanwhile', async () => {
    const pm = await staff(['project_manager'], 'almaty-city');
    const p = await project();
    const code = codeOf((await issue(pm.token, p.id)).json().link);
    const { u } = await h.citizen({ locale: 'ru', name: 'Асель' });
    await say(u, `/start ngo_${code}`);
    await issue(pm.token, p.id);
    await press(u, '✅ Подтверждаю');
    expect(h.alert()).toContain('Ссылка недействительна');
    expect((await services.prisma.socialProject.findUniqueOrThrow({ where: { id: p.id } })).supplierContactId).toBeNull();
  });
});
