// Civic initiatives for staff (issue 18), through the API on a pinned clock: moderation within scope with the author
// told in their language, an NGO taking one on with a patron, progress updates to followers, a volunteer event,
// implemented and rated, the topic for the state social order, and the programme's five indicators computed by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppServer, createAppServices } from '../app/compose.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { DAY, lastButtons, notices, places, type Places, propose, resident, START, TITLE } from './initiative-fixtures.ts';

const i18n = createI18n();

describe.each(dbTargets)('civic initiatives: staff API and indicators (%s)', (target) => {
  const suite = useTestDb(target);
  let services: ServicesWithDb;
  let app: FastifyInstance;
  let p: Places;
  let clock = START;
  const tokens: Record<string, string> = {};
  const storageDir = mkdtempSync(path.join(tmpdir(), 'azamat-initiatives-'));
  let id = 0;
  const people: Record<string, { id: number }> = {};

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, who: string, payload?: object, lang = 'ru') => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.body, json: () => res.json() };
  };
  const account = async (login: string, roles: Array<'operator' | 'project_manager' | 'moderator'>, regionId: number) => {
    await services.staff.create({ type: 'system' }, { login, fullName: login, password: `${login}-password-1`, roles, regionId });
    tokens[login] = (await services.staff.login(login, `${login}-password-1`)).token;
  };

  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 24 * 365, now: () => clock, i18n, storageDir });
    app = await buildAppServer({ services, i18n, logger: testLogger, cookieSecure: false });
    await services.staff.ensureFirstAdmin('admin', 'admin-password-1');
    tokens.admin = (await services.staff.login('admin', 'admin-password-1')).token;
    p = await places(services.prisma);
    await account('moderator', ['moderator'], p.astana);
    await account('pm', ['project_manager'], p.astana);
    await account('operator', ['operator'], p.astana);
    await account('karagandaModerator', ['moderator'], p.karaganda);
    await account('karagandaPm', ['project_manager'], p.karaganda);
    people.aigerim = await resident(services, 'kk', 'Айгерім', p.astana);
    people.pavel = await resident(services, 'ru', 'Павел', p.astana);
    people.dana = await resident(services, 'kk', 'Дана', p.astana);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('lets a moderator in scope publish a proposal and tells the author in Kazakh; others are refused', async () => {
    id = await propose(services, people.aigerim as never, p);
    expect((await call('GET', '/api/initiatives', 'operator')).status).toBe(403);
    const foreign = await call('POST', `/api/initiatives/${id}/publish`, 'karagandaModerator');
    expect([foreign.status, foreign.json().error.code]).toEqual([403, 'auth.out_of_scope']);
    expect((await call('GET', '/api/initiatives/queue', 'karagandaModerator')).json().total).toBe(0);
    expect((await call('GET', '/api/initiatives/queue', 'moderator')).json()).toMatchObject({ total: 1, items: [{ id, title: TITLE, status: 'proposed' }] });

    const published = await call('POST', `/api/initiatives/${id}/publish`, 'moderator');
    expect(published.status, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      authorName: 'Айгерім',
      language: 'kk',
      history: [{ type: 'submitted' }, { type: 'published' }],
    });
    expect(await notices(services.prisma, people.aigerim!.id, 'initiative.decision')).toEqual([
      `✅ «${TITLE}» бастамаңыз жарияланды. Енді тұрғындар оны көріп, қолдай алады.`,
    ]);
    expect(await lastButtons(services.prisma, people.aigerim!.id)).toEqual([`in:open:${id}`]);
    const again = await call('POST', `/api/initiatives/${id}/publish`, 'moderator');
    expect([again.status, again.json().error.code]).toEqual([409, 'initiative.bad_transition']);
    expect(await services.prisma.auditLog.count({ where: { action: 'initiative.publish', entityId: String(id) } })).toBe(1);
  });

  it('returns a proposal with a reason in the author’s language, takes it back edited, and rejects with reasons', async () => {
    const pavels = await propose(services, people.pavel as never, p, { title: 'Детская площадка во дворе на Кенесары' });
    const bare = await call('POST', `/api/initiatives/${pavels}/return`, 'moderator', { reasonCode: 'incomplete', note: '' });
    expect([bare.status, bare.json().error.message]).toEqual([400, 'Опишите причину подробнее: не меньше 5 символов.']);
    const returned = await call('POST', `/api/initiatives/${pavels}/return`, 'moderator', { reasonCode: 'incomplete', note: 'Укажите адрес двора' });
    expect(returned.json()).toMatchObject({ status: 'returned', reasonCode: 'incomplete', reasonNote: 'Укажите адрес двора' });
    expect((await notices(services.prisma, people.pavel!.id, 'initiative.decision')).at(-1)).toBe(
      '✏️ Инициатива «Детская площадка во дворе на Кенесары» возвращена на доработку. Причина: информация неполная. Укажите адрес двора\nЕё можно исправить и отправить снова.',
    );
    expect(await lastButtons(services.prisma, people.pavel!.id)).toEqual([`in:edit:${pavels}`]);
    // The author edits it in the bot (the draft is filled from the initiative) and sends it again.
    const draft = await services.initiatives.drafts.startDraft(people.pavel!.id, pavels);
    expect(draft).toMatchObject({ initiativeId: pavels, title: 'Детская площадка во дворе на Кенесары', helpDone: true, showName: true });
    await services.initiatives.drafts.saveDraft(people.pavel!.id, { address: 'ул. Кенесары, 40' });
    expect(await services.initiatives.drafts.submit(people.pavel!.id, 'ru')).toEqual({ id: pavels, resubmitted: true });
    expect((await call('GET', `/api/initiatives/${pavels}`, 'moderator')).json()).toMatchObject({
      status: 'proposed',
      address: 'ул. Кенесары, 40',
      reasonCode: null,
    });

    const dup = await call('POST', `/api/initiatives/${pavels}/reject`, 'moderator', { reasonCode: 'duplicate', note: 'Такая уже есть' });
    expect(dup.json().error.code).toBe('initiative.duplicate_required');
    const danas = await propose(services, people.dana as never, p, { title: 'Көшедегі шұңқырды жөндеу керек' });
    const rejected = await call('POST', `/api/initiatives/${danas}/reject`, 'moderator', { reasonCode: 'not_initiative', note: 'Бұл жол жөндеу мәселесі' });
    expect(rejected.json().status).toBe('rejected');
    expect((await notices(services.prisma, people.dana!.id, 'initiative.decision')).at(-1)).toBe(
      '❌ «Көшедегі шұңқырды жөндеу керек» бастамаңыз қабылданбады. Себебі: бұл бастама емес, шешілуі тиіс мәселе. Бұл жол жөндеу мәселесі\n\n' +
        '📝 Бұл — азаматтық бақылауға арналған мәселе. Оны мәзірдегі «Өтініш беру» арқылы жіберіңіз.',
    );
    const outOfScope = await call('POST', `/api/initiatives/${pavels}/reject`, 'moderator', { reasonCode: 'out_of_scope', note: 'Не относится к Астане' });
    expect(outOfScope.json()).toMatchObject({ status: 'rejected', reasonCode: 'out_of_scope' });
  });

  it('lets the project manager take it on with a patron and tells followers of each update in their language', async () => {
    await services.initiatives.citizen.support(people.pavel!.id, id);
    await services.initiatives.citizen.support(people.dana!.id, id);
    expect((await call('POST', `/api/initiatives/${id}/take`, 'moderator', { kind: 'ngo', name: '«Жасыл қала» ҚБ' })).status).toBe(403);
    const taken = await call('POST', `/api/initiatives/${id}/take`, 'pm', { kind: 'ngo', name: '«Жасыл қала» ҚБ' });
    expect(taken.json()).toMatchObject({ status: 'in_progress', partners: [{ kind: 'ngo', name: '«Жасыл қала» ҚБ', lead: true }] });
    expect((await notices(services.prisma, people.pavel!.id, 'initiative.news')).at(-1)).toBe(
      `🛠 Инициативу «${TITLE}» взял(а) в работу: «Жасыл қала» ҚБ (НПО).`,
    );
    expect((await notices(services.prisma, people.dana!.id, 'initiative.news')).at(-1)).toBe(`🛠 «${TITLE}» бастамасын қолға алған: «Жасыл қала» ҚБ (ҮЕҰ).`);

    const noSum = await call('POST', `/api/initiatives/${id}/patrons`, 'pm', { name: 'ТОО «Құрылыс»', isPerson: false, public: true, contribution: 'money' });
    expect(noSum.json().error.code).toBe('initiative.amount_required');
    const patron = { name: 'ТОО «Құрылыс»', isPerson: false, public: true, contribution: 'money', amountTenge: 500000 };
    expect((await call('POST', `/api/initiatives/${id}/patrons`, 'karagandaPm', patron)).status).toBe(403);
    expect((await call('POST', `/api/initiatives/${id}/patrons`, 'pm', patron)).status).toBe(201);
    const privatePerson = await call('POST', `/api/initiatives/${id}/patrons`, 'pm', {
      name: 'Ержан Сапаров',
      isPerson: true,
      public: false,
      contribution: 'materials',
    });
    expect(privatePerson.status).toBe(201);
    expect((await services.initiatives.public.byId(id))!.patrons.map((x) => x.name)).toEqual(['ТОО «Құрылыс»', null]);

    // A partner or a patron entered by mistake is removed (audited) and leaves the public page at once; the lead stays.
    const wrongPatron = (
      await call('POST', `/api/initiatives/${id}/patrons`, 'pm', { name: 'ИП Ошибкин', isPerson: false, public: true, contribution: 'services' })
    ).json().id;
    const wrongPartner = (await call('POST', `/api/initiatives/${id}/partners`, 'pm', { kind: 'initiative_group', name: 'Группа Ошибкина' })).json().id;
    const publicPage = async () => (await app.inject({ method: 'GET', url: `/ru/initiatives/${id}` })).body;
    expect(await publicPage()).toContain('ИП Ошибкин');
    expect((await call('DELETE', `/api/initiatives/${id}/partners/${taken.json().partners[0].id}`, 'pm')).status).toBe(409);
    expect((await call('DELETE', `/api/initiatives/${id}/patrons/${wrongPatron}`, 'karagandaPm')).status).toBe(403);
    expect((await call('DELETE', `/api/initiatives/${id}/partners/${wrongPartner}`, 'pm')).json().partners.map((x: { name: string }) => x.name)).toEqual([
      '«Жасыл қала» ҚБ',
    ]);
    expect((await call('DELETE', `/api/initiatives/${id}/patrons/${wrongPatron}`, 'pm')).status).toBe(200);
    expect(await publicPage()).not.toMatch(/Ошибкин/);
    expect(
      await services.prisma.auditLog.count({ where: { action: { in: ['initiative.partner_remove', 'initiative.patron_remove'] }, entityId: String(id) } }),
    ).toBe(2);

    const update = { heldOn: '2026-04-07', percent: 40, textKk: '20 көшет отырғызылды', textRu: 'Посажено 20 саженцев' };
    const made = await call('POST', `/api/initiatives/${id}/updates`, 'pm', update);
    expect(made.status).toBe(201);
    expect((await notices(services.prisma, people.dana!.id, 'initiative.news')).at(-1)).toBe(
      `📈 «${TITLE}»: жұмыстың 40 пайызы орындалды (07.04.2026).\n20 көшет отырғызылды`,
    );
    expect((await notices(services.prisma, people.pavel!.id, 'initiative.news')).at(-1)).toBe(
      `📈 «${TITLE}»: выполнено 40 % (07.04.2026).\nПосажено 20 саженцев`,
    );
    expect((await notices(services.prisma, people.aigerim!.id, 'initiative.news')).length).toBe(2);
    const down = await call('POST', `/api/initiatives/${id}/updates`, 'pm', { ...update, percent: 30 }, 'kk');
    expect([down.status, down.json().error.message]).toEqual([400, 'Орындалу пайызы азаймайды: соңғысы — 40.']);

    // A photo of the update: stored, shown to the public, withheld on request (staff still see it).
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const put = (type: string, who = 'pm') =>
      app.inject({
        method: 'PUT',
        url: `/api/initiatives/${id}/updates/${made.json().id}/photos`,
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': type },
        payload: png,
      });
    // Only JPEG, PNG and WebP are taken: a GIF has no parser here.
    expect((await put('image/gif')).statusCode).toBe(415);
    expect((await put('image/png', 'karagandaPm')).statusCode).toBe(403);
    const photo = await put('image/png');
    expect(photo.statusCode, photo.body).toBe(201);
    const photoId = photo.json().id as number;
    expect((await services.initiatives.photos.forPublic(photoId))?.bytes.equals(png)).toBe(true);
    expect((await services.initiatives.public.byId(id))!.updates[0]!.photoIds).toEqual([photoId]);
    // The public page shows it under its update, sized (the PNG says 1×1) and served by /media/i.
    expect(await publicPage()).toContain(`<img src="/media/i/${photoId}" alt="Фото хода работ (07.04.2026, № 1)" width="320" height="320"`);
    // Within the portal's budget for one record's page on a slow mobile link (12 KB gzip with its stylesheet).
    const withPhoto = await publicPage();
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(withPhoto)![1]!;
    expect(gzipSync(withPhoto).length + gzipSync((await app.inject({ method: 'GET', url: css })).rawPayload).length).toBeLessThan(12_000);
    const media = await app.inject({ method: 'GET', url: `/media/i/${photoId}` });
    expect([media.statusCode, media.headers['content-type'], media.rawPayload.equals(png)]).toEqual([200, 'image/png', true]);
    expect((await call('POST', `/api/initiatives/${id}/photos/${photoId}/withhold`, 'pm')).json().photos).toMatchObject([{ id: photoId, withheld: true }]);
    expect(await services.initiatives.photos.forPublic(photoId)).toBeNull();
    expect(await publicPage()).not.toContain(`/media/i/${photoId}`);
    expect((await app.inject({ method: 'GET', url: `/media/i/${photoId}` })).statusCode).toBe(404);
    expect((await services.initiatives.public.byId(id))!.photos).toEqual([]);
    const staffView = await app.inject({
      method: 'GET',
      url: `/api/initiatives/${id}/photos/${photoId}`,
      headers: { authorization: `Bearer ${tokens.moderator}` },
    });
    expect([staffView.statusCode, staffView.headers['content-type']]).toEqual([200, 'image/png']);
  });

  it('links a volunteer event and a discussion topic only to a public initiative in scope', async () => {
    const startsAt = new Date(clock.getTime() + DAY);
    const event = {
      titleKk: 'Ағаш отырғызу сенбілігі',
      titleRu: 'Субботник: посадка деревьев',
      organiserName: '«Жасыл қала» ҚБ',
      regionId: p.astana,
      place: 'Есіл ауданы, аула',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      needed: 5,
      publish: true,
    };
    const proposed = await propose(services, people.dana as never, p);
    const refused = await call('POST', '/api/volunteering/opportunities', 'pm', { ...event, initiativeId: proposed });
    expect([refused.status, refused.json().error.code]).toEqual([400, 'volunteer.unknown_initiative']);
    const created = await call('POST', '/api/volunteering/opportunities', 'pm', { ...event, initiativeId: id });
    expect(created.json()).toMatchObject({ initiativeId: id, status: 'published' });
    // Two volunteers attended for 3 hours each (the organiser's record; the attendance flow is volunteering's).
    for (const name of ['Ерлан', 'Ольга']) {
      const v = await resident(services, name === 'Ерлан' ? 'kk' : 'ru', name, p.astana);
      people[name] = v;
      await services.prisma.volunteerApplication.create({
        data: { opportunityId: created.json().id, citizenId: v.id, state: 'attended', minutes: 180, peopleHelped: 0 },
      });
    }

    const topicDraft = await call('GET', `/api/initiatives/${id}/topic-draft`, 'pm');
    expect(topicDraft.json()).toMatchObject({
      sourceInitiativeId: id,
      regionId: p.astana,
      areaId: 3,
      year: 2026,
      justificationRu: expect.stringContaining('поддержали 2'),
    });
    const body = await call('POST', '/api/state-bodies', 'admin', {
      code: 'astana-ecology',
      nameKk: 'Астана экология басқармасы',
      nameRu: 'Управление экологии Астаны',
      regionId: p.astana,
    });
    const topic = {
      ...topicDraft.json(),
      stateBodyId: body.json().id,
      fundingThousandTenge: '5000',
      targetGroupKk: 'Есіл ауданының тұрғындары',
      targetGroupRu: 'Жители района Есиль',
      expectedResultKk: '50 ағаш',
      expectedResultRu: '50 деревьев',
    };
    const made = await call('POST', '/api/discussions', 'admin', topic);
    expect(made.status, made.body).toBe(201);
    expect(made.json().sourceInitiativeId).toBe(id);
    expect((await call('POST', '/api/discussions', 'admin', { ...topic, sourceInitiativeId: proposed })).json().error.code).toBe(
      'discussion.unknown_initiative',
    );
    expect((await call('GET', `/api/initiatives/${id}`, 'pm')).json()).toMatchObject({ topicIds: [made.json().id], events: [{ volunteers: 2, hours: 6 }] });
  });

  it('marks it implemented with a result in both languages and asks followers and volunteers to rate it', async () => {
    clock = new Date(START.getTime() + 3 * DAY);
    const half = await call('POST', `/api/initiatives/${id}/implemented`, 'pm', {
      resultKk: '',
      resultRu: 'Посажено 50 деревьев',
      servedCount: 120,
      implementedOn: '2026-04-10',
    });
    expect(half.json().error.code).toBe('initiative.result_kk_short');
    const done = await call('POST', `/api/initiatives/${id}/implemented`, 'pm', {
      resultKk: '50 ағаш отырғызылды',
      resultRu: 'Посажено 50 деревьев',
      servedCount: 120,
      implementedOn: '2026-04-10',
    });
    expect(done.json()).toMatchObject({ status: 'implemented', progressPercent: 100, servedCount: 120 });
    for (const who of ['aigerim', 'pavel', 'dana', 'Ерлан', 'Ольга']) {
      expect(await lastButtons(services.prisma, people[who]!.id), who).toEqual([1, 2, 3, 4, 5].map((n) => `in:rate:${id}:${n}`));
    }
    expect((await notices(services.prisma, people['Ольга']!.id)).at(-1)).toBe(`🎉 Инициатива «${TITLE}» реализована! Оцените результат от 1 до 5.`);
    const rate = services.initiatives.citizen;
    await rate.rate(people.pavel!.id, id, 5);
    await rate.satisfaction(people.pavel!.id, id, 'fully');
    await rate.rate(people.dana!.id, id, 4);
    await rate.satisfaction(people.dana!.id, id, 'rather');
    await rate.rate(people['Ерлан']!.id, id, 2);
    await rate.satisfaction(people['Ерлан']!.id, id, 'hard_to_say');
  });

  it('computes the five result indicators by region and period, within scope, and exports them in kk and ru', async () => {
    // Outside the period (implemented in 2025) and outside the region (Karaganda): neither counts for Astana 2026.
    const old = await propose(services, people.aigerim as never, p, { title: 'Бұрынғы бастама: саябақ жарығы' });
    await call('POST', `/api/initiatives/${old}/publish`, 'moderator');
    await call('POST', `/api/initiatives/${old}/take`, 'pm', { kind: 'akimat', name: 'Астана әкімдігі' });
    await call('POST', `/api/initiatives/${old}/implemented`, 'pm', {
      resultKk: 'Жарық орнатылды',
      resultRu: 'Свет установлен',
      servedCount: 999,
      implementedOn: '2025-12-20',
    });
    const kar = await resident(services, 'ru', 'Серик', p.karaganda);
    const karId = await services.initiatives.drafts.startDraft(kar.id).then(async () => {
      const d = services.initiatives.drafts;
      await d.saveDraft(kar.id, { organisation: '', areaId: 3, regionId: p.karaganda, point: null, placeDone: true });
      await d.saveDraft(kar.id, {
        title: 'Скамейки в сквере Караганды',
        description: 'Поставить десять скамеек в сквере у дома культуры',
        justification: 'Пожилым людям негде отдохнуть',
      });
      await d.saveDraft(kar.id, { helpNeeded: ['akimat'], helpDone: true, showName: false });
      return (await d.submit(kar.id, 'ru')).id;
    });
    await call('POST', `/api/initiatives/${karId}/publish`, 'karagandaModerator');
    await call('POST', `/api/initiatives/${karId}/take`, 'karagandaPm', { kind: 'akimat', name: 'Акимат Караганды' });
    await call('POST', `/api/initiatives/${karId}/implemented`, 'karagandaPm', {
      resultKk: 'Орындықтар қойылды',
      resultRu: 'Скамейки установлены',
      servedCount: 50,
      implementedOn: '2026-04-10',
    });

    const astana = await call('GET', `/api/analytics/initiatives?period=2026&regionId=${p.astana}`, 'admin');
    expect(astana.status, astana.body).toBe(200);
    expect(astana.json()).toEqual({
      // 1. only the Astana one implemented in 2026: 120 people (the 2025 one's 999 and Karaganda's 50 are outside)
      servedRecipients: 120,
      implemented: 1,
      // 2. its lead is an NGO and two volunteers attended its event
      withCivilSociety: { count: 1, withVolunteers: 1, byLeadKind: { ngo: 1, initiative_group: 0, akimat: 0, social_project: 0, business: 0 } },
      // 3. two patrons, one of them money: 500,000 ₸
      withPatrons: { count: 1, patrons: 2, patronMoneyTenge: 500000 },
      // 4. one event with counted attendance: 2 volunteers × 3 h
      volunteerEvents: { count: 1, volunteers: 2, hours: 6 },
      // 5. ratings 5, 4, 2 → 3.7; fully + rather = 2 of 3 answers (hard to answer in the base) → 66.7 %;
      //    Astana proposals in 2026: Aigerim's 2, Pavel's 1, Dana's 2 = 5; published: 2; supports: Pavel and Dana
      rating: {
        rated: 3,
        averageRating: 3.7,
        satisfactionAnswers: 3,
        satisfactionIndex: 66.7,
        nationalBaselinePercent: 74.8,
        proposed: 5,
        published: 2,
        supports: 2,
      },
      notApplied: [],
    });
    // The country: both 2026 ones (120 + 50); Karaganda's akimat project with no volunteers is not civil society's.
    expect((await call('GET', '/api/analytics/initiatives?period=2026', 'admin')).json()).toMatchObject({
      servedRecipients: 170,
      implemented: 2,
      withCivilSociety: { count: 1 },
    });
    expect((await call('GET', '/api/analytics/initiatives?period=2025', 'admin')).json()).toMatchObject({
      servedRecipients: 999,
      implemented: 1,
      withCivilSociety: { count: 0 },
    });
    // The area filter, and a Karaganda moderator pinned to their region and refused Astana's.
    expect((await call('GET', `/api/analytics/initiatives?period=2026&regionId=${p.astana}&areaId=4`, 'admin')).json()).toMatchObject({ implemented: 0 });
    expect((await call('GET', '/api/analytics/initiatives?period=2026', 'karagandaModerator')).json()).toMatchObject({ servedRecipients: 50 });
    expect((await call('GET', `/api/analytics/initiatives?period=2026&regionId=${p.astana}`, 'karagandaModerator')).status).toBe(403);

    // The needs assessment counts the area's published initiatives (2 in Astana) and their supports (Pavel, Dana) and names them.
    const needs = (await call('GET', `/api/analytics/needs-assessment?regionId=${p.astana}`, 'admin')).json();
    const area3 = needs.needs.find((n: { areaId: number }) => n.areaId === 3);
    expect(area3.lastYear).toMatchObject({ initiatives: 2, initiativeSupports: 2, total: 4 });
    expect(area3.justificationKk).toContain('2 азаматтық бастама жарияланды, тұрғындар оларды 2 рет қолдады;');
    expect(area3.justificationRu).toContain('Гражданских инициатив опубликовано: 2, поддержек жителей: 2.');

    const kk = await call('GET', `/api/analytics/initiatives/export?period=2026&regionId=${p.astana}&format=csv&lang=kk`, 'admin');
    expect(kk.body).toMatch(/1\. Іске асқан жобалардың қызмет алушылары[";,]+120/);
    const ru = await call('GET', `/api/analytics/initiatives/export?period=2026&regionId=${p.astana}&format=csv&lang=ru`, 'admin');
    expect(ru.body).toMatch(/Индекс удовлетворённости, %[";,]+66[.,]7/);
  });
});
