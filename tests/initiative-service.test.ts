// Civic initiatives as residents meet them (issue 18): every refusal of the propose flow (too short, out of the
// chosen region, outside Kazakhstan, no help, the daily limit), supports, comments with flags and moderation, and
// the rating with the satisfaction question, on a pinned clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../app/compose.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { actor, DAY, notices, places, type Places, propose, resident, START, staff, TITLE } from './initiative-fixtures.ts';

const i18n = createI18n();
const kk = i18n.getFixedT('kk');
const ru = i18n.getFixedT('ru');

describe.each(dbTargets)('civic initiatives: residents (%s)', (target) => {
  const suite = useTestDb(target);
  let services: ServicesWithDb;
  let p: Places;
  let clock = START;
  const moderator = staff(9001, ['moderator']);
  const pm = staff(9002, ['project_manager']);

  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 1, now: () => clock, i18n, comments: { flagsToHide: 2 } });
    p = await places(services.prisma);
    moderator.regionId = p.astana;
    pm.regionId = p.astana;
  });
  afterAll(() => {
    clock = START;
  });

  /** The refusal's code and params, and its text in both languages. */
  const refusal = async (work: Promise<unknown>) => {
    const e = (await work.then(
      () => null,
      (x: unknown) => x,
    )) as { code: string; params: Record<string, unknown> } | null;
    expect(e, 'expected a refusal').not.toBeNull();
    return { code: e!.code, kk: kk(`errors:${e!.code}`, e!.params), ru: ru(`errors:${e!.code}`, e!.params) };
  };

  it('saves each answer of a proposal and refuses a too short text, a district of another region, a point outside Kazakhstan, no help', async () => {
    const aigerim = await resident(services, 'kk', 'Айгерім', p.astana);
    const d = services.initiatives.drafts;
    await d.startDraft(aigerim.id);
    await d.saveDraft(aigerim.id, { organisation: '', areaId: 3, regionId: p.astana });
    expect(await d.getDraft(aigerim.id)).toMatchObject({ organisation: '', areaId: 3, regionId: p.astana, districtId: null });

    const short = await refusal(d.saveDraft(aigerim.id, { title: 'Ағаш' }));
    expect(short).toEqual({
      code: 'initiative.title_short',
      kk: 'Атауы тым қысқа: 4 таңба. Кемінде 10 таңба жазыңыз.',
      ru: 'Слишком короткое название: 4 симв. Напишите не меньше 10 символов.',
    });
    expect((await refusal(d.saveDraft(aigerim.id, { description: 'Ағаш отырғызу' }))).code).toBe('initiative.description_short');
    expect((await refusal(d.saveDraft(aigerim.id, { justification: 'Ыстық' }))).code).toBe('initiative.why_short');
    // Out of scope: a district of Almaty under Astana, and a point in China.
    const outside = await refusal(d.saveDraft(aigerim.id, { districtId: p.almatyDistrict }));
    expect(outside).toMatchObject({ code: 'initiative.district_out_of_region', ru: 'Этот район не относится к выбранному региону.' });
    expect((await refusal(d.saveDraft(aigerim.id, { point: { lat: 43.8, lon: 87.6 } }))).kk).toContain('Қазақстаннан тыс');
    expect((await refusal(d.saveDraft(aigerim.id, { helpDone: true }))).code).toBe('initiative.help_required');
    expect((await refusal(d.submit(aigerim.id, 'kk'))).code).toBe('initiative.draft_incomplete');
    // Nothing refused was kept; the good answers were.
    expect(await d.getDraft(aigerim.id)).toMatchObject({ title: null, description: null, districtId: null, lat: null, helpDone: false });
  });

  it('sends a complete proposal for moderation in the author’s language and refuses more than three a day', async () => {
    const dana = await resident(services, 'kk', 'Дана', p.astana);
    const id = await propose(services, dana, p);
    expect(await services.initiatives.drafts.getDraft(dana.id)).toBeNull();
    const row = await services.prisma.initiative.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: 'proposed',
      language: 'kk',
      title: TITLE,
      showName: true,
      helpNeeded: ['volunteers', 'patron_money'],
      supportCount: 0,
    });
    expect(await services.prisma.auditLog.count({ where: { action: 'initiative.submit', entityId: String(id) } })).toBe(1);
    await propose(services, dana, p);
    await propose(services, dana, p);
    const limit = await refusal(propose(services, dana, p));
    expect(limit).toMatchObject({ code: 'initiative.daily_limit', ru: 'Сегодня вы уже отправили максимум инициатив (3 в день). Попробуйте завтра.' });
    clock = new Date(START.getTime() + DAY);
    await expect(propose(services, dana, p)).resolves.toBeGreaterThan(id);
    clock = START;
  });

  it('counts supports of residents other than the author, once each, only while public', async () => {
    const author = await resident(services, 'ru', 'Павел', p.astana);
    const id = await propose(services, author, p);
    const c = services.initiatives.citizen;
    const neighbour = await resident(services, 'kk', 'Ерлан', p.astana);
    expect((await refusal(c.support(neighbour.id, id))).code).toBe('initiative.not_found');
    await services.initiatives.decisions.publish(actor(moderator), moderator, id);
    expect(await c.support(author.id, id)).toBe('own');
    expect(await c.support(neighbour.id, id)).toBe('added');
    expect(await c.support(neighbour.id, id)).toBe('already');
    expect(await c.follow((await resident(services, 'ru', 'Ольга', null)).id, id)).toBe('added');
    expect((await services.initiatives.public.byId(id))!.supportCount).toBe(1);
    await c.unfollow(neighbour.id, id);
    expect((await services.initiatives.public.byId(id))!.supportCount).toBe(0);
  });

  it('gives the public an initiative’s place rounded to ~100 m, as reports, while staff see it exactly', async () => {
    const author = await resident(services, 'kk', 'Әсел', p.astana);
    const id = await propose(services, author, p, { point: { lat: 51.128_64, lon: 71.430_49 } });
    await services.initiatives.decisions.publish(actor(moderator), moderator, id);
    expect(await services.initiatives.public.byId(id)).toMatchObject({ lat: 51.129, lon: 71.43 });
    expect((await services.initiatives.public.list('proposals')).items.find((x) => x.id === id)).toMatchObject({ lat: 51.129, lon: 71.43 });
    expect(await services.initiatives.queries.detail(moderator, id)).toMatchObject({ lat: 51.128_64, lon: 71.430_49 });
  });

  it('hides a comment on an initiative after flags from different residents, tells the author, and lets a moderator in scope restore it', async () => {
    const author = await resident(services, 'kk', 'Әлия', p.astana);
    const id = await propose(services, author, p);
    const comments = services.comments.citizen;
    const pavel = await resident(services, 'ru', 'Павел', p.astana);
    expect((await refusal(comments.startInitiativeDraft(pavel.id, id))).code).toBe('initiative.not_found');
    await services.initiatives.decisions.publish(actor(moderator), moderator, id);
    await comments.startInitiativeDraft(pavel.id, id);
    expect((await refusal(comments.saveText(pavel.id, 'Хорошо'))).code).toBe('public_comment.short');
    await comments.saveText(pavel.id, 'Давайте посадим ещё и кусты вдоль дорожки');
    await comments.saveShowName(pavel.id, true);
    const sent = await comments.submit(pavel.id, 'ru');
    expect(sent).toMatchObject({ number: null, initiativeId: id });
    expect((await services.comments.public.listInitiative(id)).items.map((x) => x.authorName)).toEqual(['Павел']);

    expect((await refusal(comments.flag(pavel.id, sent.id))).code).toBe('public_comment.flag_own');
    await comments.flag(author.id, sent.id);
    expect(await comments.flag((await resident(services, 'kk', 'Дана', p.astana)).id, sent.id)).toEqual({ flagged: true, hidden: true });
    expect((await services.comments.public.listInitiative(id)).total).toBe(0);
    expect((await notices(services.prisma, pavel.id, 'comment.moderation')).at(-1)).toContain(
      `Ваш комментарий к инициативе «${TITLE}» скрыт до решения модератора`,
    );

    const elsewhere = staff(9003, ['moderator'], p.karaganda);
    expect((await refusal(services.comments.moderation.moderate(actor(elsewhere), elsewhere, sent.id, 'restore'))).code).toBe('auth.out_of_scope');
    expect((await services.comments.moderation.list(moderator, 'pending', { offset: 0, limit: 10 })).items).toMatchObject([
      { id: sent.id, initiativeId: id, initiativeTitle: TITLE },
    ]);
    expect(await services.comments.moderation.moderate(actor(moderator), moderator, sent.id, 'restore')).toBe('visible');
    expect((await services.comments.public.listInitiative(id)).total).toBe(1);
    // Kept by a moderator: further flags no longer hide it. The original text was never changed.
    await comments.flag((await resident(services, 'ru', 'Ольга', p.astana)).id, sent.id);
    expect((await services.comments.public.listInitiative(id)).items[0]!.text).toBe('Давайте посадим ещё и кусты вдоль дорожки');
  });

  it('takes one rating 1–5 per linked resident of an implemented initiative, with the satisfaction answer, within 90 days', async () => {
    const author = await resident(services, 'kk', 'Айгерім', p.astana);
    const id = await propose(services, author, p);
    const c = services.initiatives.citizen;
    const follower = await resident(services, 'ru', 'Павел', null);
    const neighbour = await resident(services, 'kk', 'Дана', p.astana);
    const stranger = await resident(services, 'kk', 'Серік', p.karaganda);
    await services.initiatives.decisions.publish(actor(moderator), moderator, id);
    await c.follow(follower.id, id);
    expect((await refusal(c.rate(follower.id, id, 5))).code).toBe('initiative.not_implemented');
    await services.initiatives.implementation.take(actor(pm), pm, id, { kind: 'ngo', name: '«Жасыл қала» ҚБ' });
    await services.initiatives.implementation.implemented(actor(pm), pm, id, {
      resultKk: '50 ағаш отырғызылды',
      resultRu: 'Посажено 50 деревьев',
      servedCount: 120,
      implementedOn: '2026-04-07',
    });

    expect((await refusal(c.satisfaction(follower.id, id, 'fully'))).code).toBe('initiative.rate_first');
    expect(await c.rate(follower.id, id, 2)).toEqual({ replaced: false });
    expect(await c.rate(follower.id, id, 5)).toEqual({ replaced: true });
    await c.satisfaction(follower.id, id, 'fully');
    await c.rate(neighbour.id, id, 4);
    await c.satisfaction(neighbour.id, id, 'rather');
    await c.rate(author.id, id, 2);
    await c.satisfaction(author.id, id, 'hard_to_say');
    const stray = await refusal(c.rate(stranger.id, id, 1));
    expect(stray).toMatchObject({
      code: 'initiative.rating_not_linked',
      kk: 'Бұл бастаманы оның өңірінің тұрғындары, қолдаушылары мен еріктілері бағалай алады.',
    });
    // (5 + 4 + 2) / 3 = 3.7; satisfied 2 of 3 answers, "hard to answer" in the base: 66.7 %.
    expect((await services.initiatives.public.byId(id))!.rating).toEqual({
      rated: 3,
      averageRating: 3.7,
      satisfactionAnswers: 3,
      satisfactionIndex: 66.7,
      nationalBaselinePercent: 74.8,
    });
    clock = new Date(START.getTime() + 91 * DAY);
    expect((await refusal(c.rate(neighbour.id, id, 1))).code).toBe('initiative.rating_closed');
    clock = START;
  });

  it('erases a resident’s supports, follows, ratings and draft with /deletedata and keeps their proposal without the name', async () => {
    const author = await resident(services, 'ru', 'Марат', p.astana);
    const id = await propose(services, author, p);
    await services.initiatives.decisions.publish(actor(moderator), moderator, id);
    const fan = await resident(services, 'kk', 'Нұрлан', p.astana);
    await services.initiatives.citizen.support(fan.id, id);
    await services.initiatives.drafts.startDraft(fan.id);
    await services.citizens.erase(fan.id);
    await services.citizens.erase(author.id);
    const after = await services.initiatives.public.byId(id);
    expect(after).toMatchObject({ supportCount: 0, authorName: null, title: TITLE });
    expect(await services.initiatives.drafts.getDraft(fan.id)).toBeNull();
  });
});
