// Public discussion for staff, through the admin API with an injected clock: state bodies, topics with the
// Annex 1 fields, publication for at least 10 working days (DOMAIN.md), the end decided by the clock,
// decisions with reasons, the review refused while anything is missing, authors told in their language,
// flags → hidden → restored, subscriptions announcing a topic once, Annex 1/2 as CSV, and erasure.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citizen } from '../generated/prisma/client.ts';
import { parseConfig } from '../app/config.ts';
import { DomainError } from '../core/errors.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { buildAppServer, createAppServices } from '../app/compose.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { sentParams } from './helpers/outbox.ts';
import { ADMIN, manager } from './helpers/poll-fixtures.ts';

/** An instant given as Almaty wall-clock time. */
const at = (local: string) => new Date(`${local}+05:00`);
const i18n = createI18n();

describe.each(dbTargets)('public discussion API (%s)', (target) => {
  const suite = useTestDb(target);
  let services: ServicesWithDb;
  let app: FastifyInstance;
  let clock = at('2026-03-17T10:00:00');
  const tokens: Record<string, string> = {};
  const staffIds: Record<string, number> = {};
  let bodyA: { id: number; regionId: number | null };
  let bodyB: { id: number };
  let almatyId: number;
  let astanaId: number;
  let nextTelegramId = 930_000;
  let n = 0;

  type Call = { status: number; json: any; body: string; headers: Record<string, unknown> };
  async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, who = 'admin', payload?: unknown, lang = 'ru'): Promise<Call> {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': lang },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    let json: unknown = null;
    try {
      json = res.json();
    } catch {
      /* a file */
    }
    return { status: res.statusCode, json, body: res.body, headers: res.headers };
  }

  async function person(
    login: string,
    roles: Array<'project_manager' | 'moderator' | 'operator'>,
    stateBodyId: number | null = null,
    locale: 'kk' | 'ru' = 'ru',
  ) {
    const user = await services.staff.create({ type: 'system' }, { login, fullName: login, password: `${login}-password-1`, roles, locale });
    if (stateBodyId !== null) await services.discussions.stateBodies.assignStaff({ type: 'system' }, ADMIN, user.id, stateBodyId);
    await services.prisma.staffUser.update({ where: { id: user.id }, data: { telegramId: BigInt(nextTelegramId++) } });
    staffIds[login] = user.id;
    tokens[login] = (await services.staff.login(login, `${login}-password-1`)).token;
  }

  async function citizen(locale: 'kk' | 'ru', extra: { regionId?: number; name?: string } = {}): Promise<Citizen> {
    return services.prisma.citizen.create({
      data: { telegramId: BigInt(nextTelegramId++), locale, consentAt: at('2026-01-01T00:00:00'), name: extra.name ?? null, regionId: extra.regionId ?? null },
    });
  }

  const fields = (extra: Record<string, unknown> = {}) => {
    n += 1;
    return {
      stateBodyId: bodyA.id,
      areaId: 4,
      year: 2026,
      titleKk: `Жастардың бос уақытын ұйымдастыру ${n}`,
      titleRu: `Организация досуга молодёжи ${n}`,
      fundingThousandTenge: '12345.6',
      justificationKk: 'Қажеттіліктерді бағалау жастар үйірмелерінің жетіспейтінін көрсетті',
      justificationRu: 'Оценка потребностей показала нехватку кружков для молодёжи',
      informationSource: 'Оценка потребностей населения, 2025',
      targetGroupKk: '14–29 жастағы жастар',
      targetGroupRu: 'Молодёжь 14–29 лет',
      expectedResultKk: '500 жас үйірмелерге тартылады',
      expectedResultRu: '500 молодых людей вовлечены в кружки',
      ...extra,
    };
  };

  async function draft(extra: Record<string, unknown> = {}, who = 'pmA') {
    const res = await call('POST', '/api/discussions', who, fields(extra));
    expect(res.status, res.body).toBe(201);
    return res.json as { id: number; endsAt: string | null };
  }

  async function published(extra: Record<string, unknown> = {}, local = '2026-03-17T10:00:00') {
    clock = at(local);
    const topic = await draft(extra);
    const res = await call('POST', `/api/discussions/${topic.id}/publish`, 'pmA', {});
    expect(res.status, res.body).toBe(200);
    return res.json as { id: number; endsAt: string; reviewDueAt: string; announced: number };
  }

  const comment = (c: Citizen, topicId: number, text: string, extra: { stance?: 'support' | 'object'; organisation?: string } = {}) =>
    services.discussions.citizen.comment(c.id, topicId, { text, authorName: c.name ?? 'Аноним Азамат', ...extra });
  const outbox = (kind: string, citizenId?: number) =>
    services.prisma.outboxMessage.findMany({ where: { kind, ...(citizenId ? { citizenId } : {}) }, orderBy: { id: 'asc' } });
  const textOf = (row: { payload: unknown }) => sentParams(row).text;
  const translated = (e: unknown, lang: 'kk' | 'ru' = 'ru') => {
    expect(e).toBeInstanceOf(DomainError);
    const d = e as DomainError;
    return i18n.getFixedT(lang)(`errors:${d.code}`, d.params);
  };

  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 24 * 365, now: () => clock, i18n });
    app = await buildAppServer({ services, i18n, logger: testLogger, cookieSecure: false });
    await services.staff.ensureFirstAdmin('admin', 'admin-password-1');
    tokens.admin = (await services.staff.login('admin', 'admin-password-1')).token;
    almatyId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
    astanaId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
    const a = await call('POST', '/api/state-bodies', 'admin', {
      code: 'almaty-internal-policy',
      nameKk: 'Алматы қаласының ішкі саясат басқармасы',
      nameRu: 'Управление внутренней политики города Алматы',
      regionId: almatyId,
    });
    expect(a.status, a.body).toBe(201);
    bodyA = a.json;
    bodyB = (
      await call('POST', '/api/state-bodies', 'admin', {
        code: 'ministry-culture',
        nameKk: 'Мәдениет және ақпарат министрлігі',
        nameRu: 'Министерство культуры и информации',
      })
    ).json;
    await person('pmA', ['project_manager'], bodyA.id);
    await person('pmAll', ['project_manager'], null, 'kk');
    await person('moder', ['moderator']);
    await person('oper', ['operator']);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps state bodies for admins only, lets managers read them, ties a manager to a body, and audits it all', async () => {
    expect(bodyA).toMatchObject({ regionId: almatyId });
    const refused = await call('POST', '/api/state-bodies', 'pmA', { code: 'x-body', nameKk: 'Бір орган', nameRu: 'Один орган' });
    expect(refused.status).toBe(403);
    const taken = await call('POST', '/api/state-bodies', 'admin', { code: 'ministry-culture', nameKk: 'Басқа орган', nameRu: 'Другой орган' });
    expect(taken.status).toBe(409);
    expect(taken.json.error.message).toContain('код госоргана уже занят');
    const list = await call('GET', '/api/state-bodies', 'pmA');
    expect(list.status).toBe(200);
    expect(list.json.map((b: { id: number }) => b.id)).toEqual(expect.arrayContaining([bodyA.id, bodyB.id]));
    expect((await call('GET', '/api/state-bodies', 'oper')).status).toBe(403);
    // The service refuses as the route does, whoever calls it.
    const pm = manager(staffIds.pmA!, null);
    const body = { code: 'y-body', nameKk: 'Орган', nameRu: 'Орган', regionId: null };
    await expect(services.discussions.stateBodies.create({ type: 'system' }, pm, body)).rejects.toMatchObject({ code: 'auth.role_required' });
    await expect(services.discussions.stateBodies.assignStaff({ type: 'system' }, pm, staffIds.pmA!, null)).rejects.toMatchObject({
      code: 'auth.role_required',
    });
    const renamed = await call('PATCH', `/api/state-bodies/${bodyB.id}`, 'admin', { nameRu: 'Министерство культуры и информации РК' });
    expect(renamed.json.nameRu).toBe('Министерство культуры и информации РК');
    const tied = await call('PUT', `/api/staff/${staffIds.moder}/state-body`, 'admin', { stateBodyId: bodyB.id });
    expect(tied.json).toMatchObject({ id: staffIds.moder, stateBodyId: bodyB.id });
    await call('PUT', `/api/staff/${staffIds.moder}/state-body`, 'admin', { stateBodyId: null });
    const audit = await services.prisma.auditLog.findMany({ where: { action: { in: ['state_body.create', 'state_body.update', 'staff.state_body'] } } });
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['state_body.create', 'state_body.update', 'staff.state_body']));
  });

  it('keeps a draft with the Annex 1 fields in its body only; the funding keeps its decimal exactly', async () => {
    const topic = await draft({ fundingThousandTenge: '999999999999999.9', regionId: undefined });
    const got = await call('GET', `/api/discussions/${topic.id}`, 'pmA');
    expect(got.json).toMatchObject({ status: 'draft', regionId: almatyId, fundingThousandTenge: '999999999999999.9', areaId: 4, endsAt: null });
    const row = await services.prisma.discussionTopic.findUniqueOrThrow({ where: { id: topic.id } });
    expect(row.fundingThousandTenge.toFixed(1)).toBe('999999999999999.9');

    const patched = await call('PATCH', `/api/discussions/${topic.id}`, 'pmA', { fundingThousandTenge: 1500.5, regionId: null });
    expect(patched.json).toMatchObject({ fundingThousandTenge: '1500.5', regionId: null });
    const bad = await call('PATCH', `/api/discussions/${topic.id}`, 'pmA', { fundingThousandTenge: '12.34' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('discussion.bad_funding');

    // Another body's topic: a manager of body A can neither create nor see it; one of every body can.
    expect((await call('POST', '/api/discussions', 'pmA', fields({ stateBodyId: bodyB.id }))).status).toBe(403);
    const other = await draft({ stateBodyId: bodyB.id }, 'pmAll');
    expect((await call('GET', `/api/discussions/${other.id}`, 'pmA')).status).toBe(404);
    expect((await call('GET', '/api/discussions', 'pmA')).json.map((t: { id: number }) => t.id)).not.toContain(other.id);
    expect((await call('GET', '/api/discussions', 'moder')).json.map((t: { id: number }) => t.id)).toContain(other.id);
    expect((await call('GET', '/api/discussions', 'oper')).status).toBe(403);
    expect((await call('DELETE', `/api/discussions/${other.id}`, 'pmAll')).status).toBe(200);
    expect(await services.prisma.discussionTopic.findUnique({ where: { id: other.id } })).toBeNull();
  });

  it('publishes for 10 working days across Nauryz and a weekend, refusing an earlier end with the rule, allowing only a later one', async () => {
    clock = at('2026-03-17T10:00:00'); // Tuesday
    const topic = await draft();
    // 18, 19, 20 March; 21–25 March are Nauryz and its moved days off with the weekend; 26, 27, 30, 31 March, 1, 2, 3 April.
    const short = await call('POST', `/api/discussions/${topic.id}/publish`, 'pmA', { endsAt: at('2026-04-03T09:59:00').toISOString() });
    expect(short.status).toBe(400);
    expect(short.json.error).toMatchObject({ code: 'discussion.window_too_short' });
    expect(short.json.error.message).toBe('По Правилам обсуждение длится как минимум 10 рабочих дней с публикации: окончание — не раньше 03.04.2026 10:00.');
    const shortKk = await call('POST', `/api/discussions/${topic.id}/publish`, 'pmA', { endsAt: at('2026-03-31T10:00:00').toISOString() }, 'kk');
    expect(shortKk.json.error.message).toContain('кемінде 10 жұмыс күнге созылады');
    expect((await services.prisma.discussionTopic.findUniqueOrThrow({ where: { id: topic.id } })).status).toBe('draft');

    const open = await call('POST', `/api/discussions/${topic.id}/publish`, 'pmA', {});
    expect(open.status, open.body).toBe(200);
    expect(open.json).toMatchObject({
      status: 'open',
      publishedAt: clock.toISOString(),
      endsAt: at('2026-04-03T10:00:00').toISOString(),
      reviewDueAt: at('2026-04-08T10:00:00').toISOString(),
    });
    expect((await call('POST', `/api/discussions/${topic.id}/publish`, 'pmA', {})).json.error.code).toBe('discussion.not_draft');
    expect((await call('PATCH', `/api/discussions/${topic.id}`, 'pmA', { titleRu: 'Другое' })).status).toBe(409);

    const earlier = await call('POST', `/api/discussions/${topic.id}/extend`, 'pmA', { endsAt: at('2026-04-03T09:00:00').toISOString() });
    expect(earlier.status).toBe(400);
    expect(earlier.json.error.message).toContain('03.04.2026 10:00');
    const later = await call('POST', `/api/discussions/${topic.id}/extend`, 'pmA', { endsAt: at('2026-04-10T18:00:00').toISOString() });
    expect(later.json).toMatchObject({ endsAt: at('2026-04-10T18:00:00').toISOString(), reviewDueAt: at('2026-04-15T18:00:00').toISOString() });

    // A later end chosen at publication is kept as chosen.
    const chosen = await draft();
    const res = await call('POST', `/api/discussions/${chosen.id}/publish`, 'pmA', { endsAt: at('2026-04-06T18:00:00').toISOString() });
    expect(res.json.endsAt).toBe(at('2026-04-06T18:00:00').toISOString());
    const actions = (
      await services.prisma.auditLog.findMany({ where: { entity: 'discussion_topic', entityId: String(topic.id) }, orderBy: { id: 'asc' } })
    ).map((r) => r.action);
    expect(actions).toEqual(['discussion.create', 'discussion.publish', 'discussion.extend']);
  });

  it('takes comments until the end and refuses one a minute later, citing the rule, before any job has closed it', async () => {
    const topic = await published();
    const kk = await citizen('kk', { name: 'Айгүл Сапарова' });
    clock = at('2026-04-03T09:59:00');
    await comment(kk, topic.id, 'Үйірмелерді аудандарда да ашу керек');
    clock = at('2026-04-03T10:01:00');
    const late = await comment(kk, topic.id, 'Тағы бір ұсыныс, кешігіп келген').catch((e: unknown) => e);
    expect(translated(late, 'kk')).toBe(
      'Талқылау аяқталды (аяқталуы: 03.04.2026 10:00). Мемлекеттік әлеуметтік тапсырысты қалыптастыру қағидаларына сәйкес талқылау аяқталғаннан кейін түскен ескертулер мен ұсыныстар қаралмайды (талқылау жарияланған күннен бастап кемінде 10 жұмыс күнге созылады).',
    );
    expect(translated(late)).toContain('поступившие после окончания обсуждения, не рассматриваются');
    expect((await services.prisma.discussionTopic.findUniqueOrThrow({ where: { id: topic.id } })).status).toBe('open');
    expect(await services.prisma.discussionComment.count({ where: { topicId: topic.id } })).toBe(1);
  });

  it('needs a reason for anything not accepted and refuses the review while a comment lacks a decision or a reason; authors then hear in their language', async () => {
    const topic = await published();
    const kk = await citizen('kk', { name: 'Айгүл Сапарова' });
    const ru = await citizen('ru', { name: 'Сергей Ким' });
    clock = at('2026-03-20T12:00:00');
    const c1 = await comment(kk, topic.id, 'Үйірмелерді аудандарда да ашу керек', { stance: 'support' });
    const c2 = await comment(ru, topic.id, 'Нужно предусмотреть бесплатный транспорт до кружков', { stance: 'object', organisation: 'ОФ «Жастар»' });
    const c3 = await comment(ru, topic.id, 'Добавьте занятия для подростков с инвалидностью');
    const decide = (commentId: number, body: unknown, who = 'pmA') => call('PUT', `/api/discussions/${topic.id}/comments/${commentId}/decision`, who, body);

    const early = await decide(c1.id, { decision: 'accepted' });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('discussion.still_open');

    clock = at('2026-04-06T09:00:00'); // after the end; the job has not run
    expect((await decide(c1.id, { decision: 'accepted' }, 'moder')).status).toBe(403);
    const noReason = await decide(c2.id, { decision: 'rejected', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toContain('Укажите обоснование');
    expect((await decide(c1.id, { decision: 'accepted' })).json).toMatchObject({ decision: 'accepted', decisionReason: null });
    expect((await decide(c2.id, { decision: 'partly_accepted', reason: 'Транспорт предусмотрен только для сельских округов' })).json.decision).toBe(
      'partly_accepted',
    );
    expect((await services.prisma.discussionTopic.findUniqueOrThrow({ where: { id: topic.id } })).status).toBe('closed');

    const missing = await call('POST', `/api/discussions/${topic.id}/review`, 'pmA');
    expect(missing.status).toBe(409);
    expect(missing.json.error.message).toBe('Рассмотрение нельзя завершить: без решения (или без обоснования непринятия) осталось замечаний: 1 из 3.');
    // A rejection recorded without its reason (e.g. imported) is just as incomplete.
    await services.prisma.discussionComment.update({ where: { id: c3.id }, data: { decision: 'rejected', decisionReason: null } });
    expect((await call('POST', `/api/discussions/${topic.id}/review`, 'pmA')).json.error.code).toBe('discussion.review_incomplete');
    expect(await outbox('discussion.review')).toHaveLength(0);

    await decide(c3.id, { decision: 'rejected', reason: 'Не относится к теме: такие занятия финансируются отдельной программой' });
    const counts = (await call('GET', `/api/discussions/${topic.id}`, 'moder')).json.counts;
    expect(counts).toEqual({
      comments: 3,
      authors: 2,
      supports: 1,
      objections: 1,
      decisions: { accepted: 1, partly_accepted: 1, rejected: 1, undecided: 0 },
      pendingModeration: 0,
      removed: 0,
    });

    const done = await call('POST', `/api/discussions/${topic.id}/review`, 'pmA');
    expect(done.status, done.body).toBe(200);
    expect(done.json).toMatchObject({ status: 'reviewed', reviewedAt: clock.toISOString(), notified: 2 });
    const toKk = await outbox('discussion.review', kk.id);
    const toRu = await outbox('discussion.review', ru.id);
    expect(toKk).toHaveLength(1);
    expect(textOf(toKk[0]!)).toContain('🏛 Мемлекеттік орган (Алматы қаласының ішкі саясат басқармасы) «Жастардың бос уақытын ұйымдастыру');
    expect(textOf(toKk[0]!)).toContain('1) «Үйірмелерді аудандарда да ашу керек»\n✅ Қабылданды');
    expect(textOf(toRu[0]!)).toContain(
      '1) «Нужно предусмотреть бесплатный транспорт до кружков»\n🟡 Принято частично. Обоснование: Транспорт предусмотрен только для сельских округов',
    );
    expect(textOf(toRu[0]!)).toContain('2) «Добавьте занятия для подростков с инвалидностью»\n❌ Не принято. Обоснование: Не относится к теме');
    expect(toRu[0]!.chatId).toBe(ru.telegramId);
    expect((await call('POST', `/api/discussions/${topic.id}/review`, 'pmA')).json.error.code).toBe('discussion.already_reviewed');
    expect((await decide(c1.id, { decision: 'rejected', reason: 'передумали' })).status).toBe(409);
    const my = await services.discussions.citizen.myComments(ru.id);
    expect(my.items.map((c) => c.decision)).toEqual(['rejected', 'partly_accepted']);
  });

  it('hides a comment after enough flags pending a moderator, tells the author, restores it, and blocks the review while one waits', async () => {
    const topic = await published();
    const author = await citizen('kk', { name: 'Ерлан Төлеуов' });
    const flaggers = await Promise.all([citizen('ru'), citizen('ru'), citizen('kk'), citizen('ru')]);
    clock = at('2026-03-18T12:00:00');
    const rude = await comment(author, topic.id, 'Бұл тақырып мүлдем керек емес, бәрі бос сөз');
    const other = await comment(flaggers[3]!, topic.id, 'Поддерживаю, нужны кружки робототехники');
    const flag = (c: Citizen, commentId = rude.id) => services.discussions.citizen.flag(c.id, commentId);

    expect(translated(await flag(author).catch((e: unknown) => e))).toBe('На свой комментарий пожаловаться нельзя.');
    expect(await flag(flaggers[0]!)).toEqual({ flagged: true, hidden: false });
    expect(await flag(flaggers[0]!)).toEqual({ flagged: false, hidden: false });
    expect(await flag(flaggers[1]!)).toEqual({ flagged: true, hidden: false });
    expect((await services.discussions.citizen.topic(flaggers[0]!.id, topic.id)).latest.map((c) => c.id)).toContain(rude.id);
    expect(await flag(flaggers[2]!)).toEqual({ flagged: true, hidden: true });

    const hidden = await services.prisma.discussionComment.findUniqueOrThrow({ where: { id: rude.id } });
    expect(hidden).toMatchObject({ hidden: true, flagCount: 3, moderatedAt: null, text: 'Бұл тақырып мүлдем керек емес, бәрі бос сөз' });
    expect((await services.discussions.citizen.topic(flaggers[0]!.id, topic.id)).latest.map((c) => c.id)).toEqual([other.id]);
    const told = await outbox('discussion.comment_hidden', author.id);
    expect(told).toHaveLength(1);
    expect(textOf(told[0]!)).toContain('модератор шешім қабылдағанға дейін жасырылды');

    const queue = await call('GET', '/api/discussions/moderation', 'moder');
    expect(queue.json.map((c: { id: number }) => c.id)).toEqual([rude.id]);
    expect(queue.json[0]).toMatchObject({ moderation: 'pending', flagCount: 3 });
    expect((await call('GET', '/api/discussions/moderation', 'pmA')).status).toBe(403);

    // The end passes while it waits: the review cannot be finished.
    clock = at('2026-04-06T09:00:00');
    await call('PUT', `/api/discussions/${topic.id}/comments/${other.id}/decision`, 'pmA', { decision: 'accepted' });
    const blocked = await call('POST', `/api/discussions/${topic.id}/review`, 'pmA');
    expect(blocked.json.error.code).toBe('discussion.moderation_pending');

    const restored = await call('POST', `/api/discussions/comments/${rude.id}/restore`, 'moder', {});
    expect(restored.status, restored.body).toBe(200);
    expect(restored.json).toMatchObject({ moderation: 'visible', flagCount: 3 });
    expect(textOf((await outbox('discussion.comment_restored', author.id))[0]!)).toContain('қайтадан бәріне көрінеді');
    // A moderator kept it: later flags do not hide it again.
    expect(await services.discussions.citizen.flag(flaggers[3]!.id, rude.id).catch((e: unknown) => e)).toEqual({ flagged: true, hidden: false });

    // Removed by a moderator instead: kept, told with the note, and no part of the record.
    const removed = await call('POST', `/api/discussions/comments/${rude.id}/hide`, 'moder', { note: 'Оскорбительный тон' });
    expect(removed.json).toMatchObject({ moderation: 'removed', moderationNote: 'Оскорбительный тон', text: 'Бұл тақырып мүлдем керек емес, бәрі бос сөз' });
    expect(textOf((await outbox('discussion.comment_removed', author.id))[0]!)).toContain('Модератордың түсініктемесі: Оскорбительный тон');
    const done = await call('POST', `/api/discussions/${topic.id}/review`, 'pmA');
    expect(done.status, done.body).toBe(200);
    expect(done.json.counts).toMatchObject({ comments: 1, removed: 1 });
    expect(await outbox('discussion.review', author.id)).toHaveLength(0);
    const actions = (
      await services.prisma.auditLog.findMany({ where: { entity: 'discussion_comment', entityId: String(rude.id) }, orderBy: { id: 'asc' } })
    ).map((r) => r.action);
    expect(actions).toEqual([
      'discussion.comment',
      'discussion.comment_flag',
      'discussion.comment_flag',
      'discussion.comment_flag',
      'discussion.comment_auto_hide',
      'discussion.comment_restore',
      'discussion.comment_flag',
      'discussion.comment_hide',
    ]);
  });

  it('announces a new topic once to each subscriber whose areas and regions match, national topics to every region', async () => {
    const sub = async (c: Citizen, areas: number[], regions: number[]) => {
      for (const a of areas) await services.discussions.citizen.toggleSubscription(c.id, 'area', a);
      for (const r of regions) await services.discussions.citizen.toggleSubscription(c.id, 'region', r);
      return c;
    };
    const areaOnly = await sub(await citizen('kk'), [4], []);
    const regionOnly = await sub(await citizen('ru'), [], [almatyId]);
    const both = await sub(await citizen('ru'), [4, 5], [almatyId]);
    const otherRegion = await sub(await citizen('ru'), [4], [astanaId]);
    const otherArea = await sub(await citizen('ru'), [10], []);
    const none = await citizen('ru', { regionId: almatyId });
    const erased = await sub(await citizen('ru'), [4], []);
    await services.citizens.erase(erased.id);
    // Toggling twice unsubscribes.
    const toggled = await sub(await citizen('ru'), [4, 4], []);

    const topic = await published({ areaId: 4, regionId: almatyId });
    expect(topic.announced).toBe(3);
    const sent = await services.prisma.outboxMessage.findMany({
      where: { kind: 'discussion.announce', dedupeKey: { startsWith: `topic-announce:${topic.id}:` } },
    });
    expect(sent.map((m) => m.citizenId).sort()).toEqual([areaOnly.id, regionOnly.id, both.id].sort());
    for (const c of [otherRegion, otherArea, none, erased, toggled]) expect(sent.some((m) => m.citizenId === c.id)).toBe(false);
    const kk = textOf(sent.find((m) => m.citizenId === areaOnly.id)!);
    expect(kk).toContain('🗣 Жария талқылауға жаңа тақырып шығарылды');
    expect(kk).toContain('Ескертулер мен ұсыныстарды қабылдау мерзімі: 03.04.2026 10:00.');
    expect(sentParams(sent[0]!).reply_markup).toEqual({
      inline_keyboard: [[expect.objectContaining({ callback_data: `tp:open:${topic.id}` })]],
    });

    // The same announcement again (a retry) enqueues nothing more: one per citizen and topic.
    const { announceTopic } = await import('../core/discussions/discussion-notify.ts');
    await announceTopic(services.prisma, i18n, await services.discussions.topics.named(topic.id), clock);
    expect(await services.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `topic-announce:${topic.id}:` } } })).toBe(3);

    const national = await published({ areaId: 4, regionId: null });
    const toNational = await services.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `topic-announce:${national.id}:` } } });
    expect(toNational.map((m) => m.citizenId).sort()).toEqual([areaOnly.id, regionOnly.id, both.id, otherRegion.id].sort());
  });

  it('exports Annex 1 and Annex 2 as CSV in Kazakh and Russian, Annex 2 only once the discussion has ended', async () => {
    const body = (
      await call('POST', '/api/state-bodies', 'admin', {
        code: 'annex-body',
        nameKk: 'Шымкент қаласының ішкі саясат басқармасы',
        nameRu: 'Управление внутренней политики города Шымкент',
      })
    ).json;
    await call('PUT', `/api/staff/${staffIds.pmA}/state-body`, 'admin', { stateBodyId: body.id });
    try {
      const a = await published({ stateBodyId: body.id, year: 2027, fundingThousandTenge: '1500', titleRu: 'Тема А', titleKk: 'А тақырыбы' });
      const b = await published({ stateBodyId: body.id, year: 2027, fundingThousandTenge: '250.5', titleRu: 'Тема Б', titleKk: 'Б тақырыбы' });
      await draft({ stateBodyId: body.id, year: 2027, titleRu: 'Черновик', titleKk: 'Нобай' });
      const ru = await citizen('ru', { name: 'Сергей Ким' });
      clock = at('2026-03-20T12:00:00');
      const c = await comment(ru, a.id, 'Нужны занятия и по выходным, "для всех"', { organisation: 'ОФ «Жастар»' });
      expect((await call('GET', `/api/discussions/${a.id}/annex2?format=csv`, 'pmA')).json.error.code).toBe('discussion.still_open');

      clock = at('2026-04-06T09:00:00');
      await call('PUT', `/api/discussions/${a.id}/comments/${c.id}/decision`, 'pmA', { decision: 'rejected', reason: 'Нет помещений; вопрос решается' });

      // Another body's Annex is not a manager's to see, even empty: as if the body did not exist.
      const foreign = await call('GET', `/api/discussions/annex2?format=csv&lang=ru&year=2027&stateBodyId=${bodyB.id}`, 'pmA');
      expect([foreign.status, foreign.json.error.code]).toEqual([404, 'discussion.body_not_found']);
      const annex1 = await call('GET', `/api/discussions/annex1?format=csv&lang=ru&year=2027&stateBodyId=${body.id}`, 'pmA');
      expect(annex1.status).toBe(200);
      expect(annex1.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines1 = annex1.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines1[0]).toBe(
        '"Приложение 1 к Правилам формирования государственного социального заказа, мониторинга его реализации и оценки результатов. Форма\nИнформация о темах государственного социального заказа, планируемых на 2027 год\nУправление внутренней политики города Шымкент"',
      );
      expect(lines1).toContain(
        '№;Планируемая тема государственного социального заказа;Планируемый объем финансирования (тысяч тенге);Обоснование с указанием источника информации;Целевая группа населения;Ожидаемый результат',
      );
      expect(annex1.body).toContain(
        '1;Тема А;1500;"Оценка потребностей показала нехватку кружков для молодёжи\nИсточник информации: Оценка потребностей населения, 2025";Молодёжь 14–29 лет;500 молодых людей вовлечены в кружки',
      );
      expect(annex1.body).toContain('2;Тема Б;250.5;');
      expect(annex1.body).not.toContain('Черновик');
      expect(annex1.body).toContain('По состоянию на 06.04.2026');
      const annex1kk = await call('GET', `/api/discussions/annex1?format=csv&lang=kk&year=2027&stateBodyId=${body.id}&includeDrafts=true`, 'pmA');
      expect(annex1kk.body).toContain('2027 жылға жоспарланған мемлекеттік әлеуметтік тапсырыстың тақырыптары туралы ақпарат');
      expect(annex1kk.body).toContain('3;Нобай;12345.6;');

      const annex2 = await call('GET', `/api/discussions/annex2?format=csv&lang=ru&year=2027&stateBodyId=${body.id}`, 'pmA');
      expect(annex2.body).toContain(
        '№;Планируемая тема государственного социального заказа;Замечания и (или) предложения (краткое содержание) с указанием автора;Заключение государственного органа с обоснованием непринятия замечаний и (или) предложений',
      );
      expect(annex2.body).toContain(
        '1;Тема А;"Нужны занятия и по выходным, ""для всех""\nАвтор: Сергей Ким (ОФ «Жастар»)";"Не принято. Обоснование: Нет помещений; вопрос решается"',
      );
      expect(annex2.body).toContain('2;Тема Б;Замечания и (или) предложения не поступили;');
      const kk = await call('GET', `/api/discussions/${a.id}/annex2?format=csv&lang=kk`, 'pmA');
      expect(kk.body).toContain('Авторы: Сергей Ким (ОФ «Жастар»)";"Қабылданбады. Негіздеме: Нет помещений; вопрос решается"');
      expect(kk.headers['content-disposition']).toContain('.csv');
      expect(b.id).toBeGreaterThan(a.id);

      // /deletedata: the name leaves the record, the proposal stays.
      await services.citizens.erase(ru.id);
      const after = await call('GET', `/api/discussions/${a.id}/annex2?format=csv&lang=ru`, 'pmA');
      expect(after.body).toContain('Автор: Участник обсуждения (данные удалены по его просьбе) (ОФ «Жастар»)');
      expect(after.body).not.toContain('Сергей Ким');
    } finally {
      await call('PUT', `/api/staff/${staffIds.pmA}/state-body`, 'admin', { stateBodyId: bodyA.id });
    }
  });

  it('shows the citizen their discussion data and erases subscriptions, flags and the draft', async () => {
    const topic = await published();
    const c = await citizen('ru', { name: 'Мария Иванова' });
    const author = await citizen('ru', { name: 'Автор Комментария' });
    clock = at('2026-03-19T12:00:00');
    const theirs = await comment(author, topic.id, 'Комментарий, на который пожалуются');
    await comment(c, topic.id, 'Мой собственный комментарий к теме');
    await services.discussions.citizen.flag(c.id, theirs.id);
    await services.discussions.citizen.toggleSubscription(c.id, 'area', 4);
    await services.discussions.citizen.toggleSubscription(c.id, 'region', almatyId);
    await services.discussions.citizen.saveDraft(c.id, topic.id, { text: 'Незаконченный текст предложения' });
    const before = await services.citizens.exportData(c.id);
    expect(before.sections.find((s) => s.key === 'comments')?.data).toEqual({ count: 1, subscriptions: 2, flags: 1, draft: 1 });

    await services.citizens.erase(c.id);
    expect(await services.prisma.topicAreaSubscription.count({ where: { citizenId: c.id } })).toBe(0);
    expect(await services.prisma.topicRegionSubscription.count({ where: { citizenId: c.id } })).toBe(0);
    expect(await services.prisma.commentFlag.count({ where: { citizenId: c.id } })).toBe(0);
    expect(await services.discussions.citizen.getDraft(c.id)).toBeNull();
    expect((await services.prisma.discussionComment.findUniqueOrThrow({ where: { id: theirs.id } })).flagCount).toBe(0);
    const own = await services.prisma.discussionComment.findFirstOrThrow({ where: { citizenId: c.id } });
    expect(own).toMatchObject({ authorName: '', text: 'Мой собственный комментарий к теме' });
  });

  it('documents its routes in the OpenAPI description', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown }>>;
    };
    for (const path of [
      '/api/discussions',
      '/api/discussions/{id}/publish',
      '/api/discussions/{id}/review',
      '/api/discussions/{id}/annex2',
      '/api/discussions/annex1',
      '/api/state-bodies',
      '/api/staff/{id}/state-body',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/discussions']!.post!.tags).toEqual(['public discussion']);
    expect(JSON.stringify(doc.paths['/api/discussions']!.post!.requestBody)).toContain('fundingThousandTenge');
  });

  it('reads DISCUSSION_FLAGS_TO_HIDE from the configuration, 3 by default', () => {
    expect(parseConfig({}, '/srv').DISCUSSION_FLAGS_TO_HIDE).toBe(3);
    expect(parseConfig({ DISCUSSION_FLAGS_TO_HIDE: '5' }, '/srv').DISCUSSION_FLAGS_TO_HIDE).toBe(5);
    expect(() => parseConfig({ DISCUSSION_FLAGS_TO_HIDE: '0' }, '/srv')).toThrow(/DISCUSSION_FLAGS_TO_HIDE/);
  });
});
