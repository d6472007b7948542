// Joining a project in the real bot: the invitation deep link through language and consent, the three
// profile questions (Kazakh and Russian, a bad birth year refused, "prefer not to say"), registered once
// however often the link is followed, the profile asked once across projects, /cancel keeping what was
// answered, changing the answers from /mydata, and /deletedata erasing them.
import { describe, expect, it } from 'vitest';
import { grantStats } from '../core/projects/grant-stats.ts';
import { createProjectFeature } from '../bot/projects/project.ts';
import type { ScriptedUser } from './fake-telegram/types.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { actor, principal, PROJECT_CLOCK, projectInput } from './helpers/project-fixtures.ts';

const ADMIN = principal(1, ['admin']);

describe.each(dbTargets)('bot: joining a project (%s)', (target) => {
  // Inside the fixture project's period: the grant statistics count a person who joined by its end,
  // and the birth-year range ends at the clock's year.
  const h = useBotSuite(target, { features: [createProjectFeature()], now: PROJECT_CLOCK });
  const { services, say, press, last, walk } = h;

  async function activeProject(extra: Parameters<typeof projectInput>[1] = {}) {
    const p = await services.projects.admin.create(actor(ADMIN), ADMIN, projectInput(null, extra));
    return services.projects.admin.activate(actor(ADMIN), ADMIN, p.id);
  }
  const beneficiaries = (projectId: number) => services.prisma.projectBeneficiary.findMany({ where: { projectId } });
  const citizenOf = (u: ScriptedUser) => services.prisma.citizen.findUniqueOrThrow({ where: { telegramId: BigInt(u.id) } });

  it('registers a new citizen in Kazakh from the invitation, asks the profile once, and never twice for the same or another project', async () => {
    const p1 = await activeProject();
    const p2 = await activeProject({ nameKk: 'Қарттарға қамқорлық', nameRu: 'Забота о пожилых' });
    const u = h.user({ first_name: 'Айгерім', language_code: 'kk' });
    await walk(u, [{ say: `/start prj_${p1.inviteCode}` }, { press: '🇰🇿 Қазақша' }, { press: '✅ Келісемін' }]);
    expect(u.texts().join('\n')).toContain('Жобаның есебі үшін өзіңіз туралы үш қысқа сұраққа жауап беріңіз');
    expect(last(u)).toContain('1/3. Жынысыңыз?');
    expect(u.lastKeyboard().flat()).toEqual(['👨 Ер', '👩 Әйел', '🙊 Көрсеткім келмейді']);
    await walk(u, [
      { press: '👩 Әйел', expect: '2/3. Туған жылыңызды' },
      { say: '1850', expect: '1900–2026 аралығындағы төрт таңбалы сан' },
      { say: 'бір мың', expect: '1900–2026' },
      { say: '1990', expect: '3/3. Сіз қай топқа жатасыз?' },
    ]);
    expect(u.lastKeyboard().flat()).toHaveLength(11);
    await press(u, 'Жастар');
    expect(last(u)).toContain('Сіз «Жастарға құқықтық көмек» жобасының (ОФ «Болашақ») қатысушысы ретінде тіркелдіңіз');
    const c = await citizenOf(u);
    expect(c).toMatchObject({ gender: 'female', birthYear: 1990, socialStatus: 'youth' });
    expect(c.profileAskedAt).toBeInstanceOf(Date);
    expect(await beneficiaries(p1.id)).toHaveLength(1);

    // the link again: no second registration, no questions
    await say(u, `/start prj_${p1.inviteCode}`);
    expect(last(u)).toContain('Сіз «Жастарға құқықтық көмек» жобасына қатысып жүрсіз');
    expect(await beneficiaries(p1.id)).toHaveLength(1);
    // another project: registered, not asked again
    const before = u.texts().length;
    await say(u, `/start prj_${p2.inviteCode}`);
    const texts = u.texts().slice(before).join('\n');
    expect(texts).not.toContain('Жынысыңыз');
    expect(texts).toContain('«Қарттарға қамқорлық» жобасының');
    expect(await beneficiaries(p2.id)).toHaveLength(1);
    const audit = await services.prisma.auditLog.findMany({ where: { action: 'project.join', actorId: String(c.id) } });
    expect(audit.map((a) => a.actorType)).toEqual(['citizen', 'citizen']);
  });

  it('shows the citizen a refused profile answer instead of passing over it', async () => {
    const p = await activeProject();
    const u = h.user({ first_name: 'Олег', language_code: 'ru' });
    await services.citizens.giveConsent(u.id, 'ru', 'Олег');
    await walk(u, [{ say: `/start prj_${p.inviteCode}` }, { press: '👨 Мужской' }, { say: '1980', expect: '3/3.' }]);
    // a stale or forged status button: the service refuses it, and the citizen is told so
    await h.deliver(u.press('@pf:s:astronaut'));
    expect(u.texts()).toContain('Социальный статус не распознан: «astronaut».');
    expect((await citizenOf(u)).socialStatus).toBeNull();
  });

  it('takes "prefer not to say" in Russian for every question and stores it as not stated', async () => {
    const p = await activeProject();
    const u = h.user({ first_name: 'Иван', language_code: 'ru' });
    await services.citizens.giveConsent(u.id, 'ru', 'Иван');
    await walk(u, [
      { say: `/start prj_${p.inviteCode}`, expect: '1/3. Ваш пол?' },
      { press: '🙊 Не хочу указывать', expect: '2/3. Напишите год вашего рождения' },
      { press: '🙊 Не хочу указывать', expect: '3/3. К какой группе вы относитесь?' },
    ]);
    // A group too long for a button is shortened there and named in full in the question.
    expect(last(u)).toContain('• Люди старшего возраста, в том числе пенсионеры');
    expect(u.lastKeyboard().flat()).toContain('Люди старшего возраста, в том…');
    await press(u, '🙊 Не хочу указывать');
    expect(last(u)).toContain('Вы зарегистрированы как участник проекта «Правовая помощь молодёжи»');
    const c = await citizenOf(u);
    expect(c).toMatchObject({ gender: 'unstated', birthYear: null, socialStatus: null });
    expect(c.profileAskedAt).toBeInstanceOf(Date);
    // in the grant report: one person, in the "not stated" column of every table
    const s = await grantStats(services.prisma, p, {});
    expect(s.gender).toEqual({ total: 1, male: 0, female: 0, notStated: 1 });
    expect(s.socialStatus.find((x) => x.count > 0)).toEqual({ code: 'not-stated', count: 1 });
    expect(s.age.find((x) => x.count > 0)).toEqual({ code: 'not-stated', count: 1 });
  });

  it('keeps answers through /cancel, asks only what is open next time, and refuses a project that is not active', async () => {
    const p = await activeProject();
    const u = h.user({ language_code: 'ru' });
    await services.citizens.giveConsent(u.id, 'ru', 'Дана');
    await walk(u, [{ say: `/start prj_${p.inviteCode}` }, { press: '👨 Мужской' }, { say: '/cancel', expect: 'Отменено' }]);
    expect(await citizenOf(u)).toMatchObject({ gender: 'male', profileAskedAt: null });
    // registered already (the join came first); the profile continues where it stopped
    expect(await beneficiaries(p.id)).toHaveLength(1);
    await walk(u, [
      { say: `/start prj_${p.inviteCode}`, expect: '2/3. Напишите год' },
      { say: '2019' },
      { press: 'Дети (в том числе дети с…', expect: 'Вы уже участник проекта' },
    ]);
    expect(await citizenOf(u)).toMatchObject({ gender: 'male', birthYear: 2019, socialStatus: 'children' });

    const draft = await services.projects.admin.create(actor(ADMIN), ADMIN, projectInput(null));
    await walk(u, [
      { say: `/start prj_${draft.inviteCode}`, expect: 'Проект сейчас не принимает участников' },
      { say: '/start prj_nosuchcode12', expect: 'Эта ссылка на проект устарела или неверна' },
    ]);
    expect(await beneficiaries(draft.id)).toHaveLength(0);
  });

  it('lets the citizen change the answers from /mydata, and /deletedata erases them and the "asked" mark', async () => {
    const p = await activeProject();
    const u = h.user({ language_code: 'ru' });
    await services.citizens.giveConsent(u.id, 'ru', 'Асель');
    await walk(u, [
      { say: `/start prj_${p.inviteCode}` },
      { press: '👩 Женский' },
      { say: '1985' },
      { press: 'Безработные' },
      { say: '/mydata', expect: 'Безработные' },
    ]);
    expect(last(u)).toContain('Социальные проекты');
    await walk(u, [{ press: '✏️ Изменить ответы о себе', expect: '1/3. Ваш пол?' }, { press: '👩 Женский' }, { say: '1986' }, { press: 'Другие категории' }]);
    expect(await citizenOf(u)).toMatchObject({ birthYear: 1986, socialStatus: 'other' });

    const id = (await citizenOf(u)).id;
    await walk(u, [{ say: '/deletedata' }, { press: 'Да, удалить' }]);
    const erased = await services.prisma.citizen.findUniqueOrThrow({ where: { id } });
    expect(erased).toMatchObject({ gender: null, birthYear: null, socialStatus: null, profileAskedAt: null });
    // the project keeps its count; nothing personal is left on the row
    const rows = await beneficiaries(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ citizenId: id, fullName: null, phone: null, gender: null });
  });
});
