// Stories of change in the real bot (in process, Bot API calls answered by the fake): the call's link enrols a
// follower and asks for the story; a text in Kazakh with the "why" answer and anonymous consent; a voice in
// Russian (61 s) with the "why" skipped and a name typed for a named publication; too short a text and too long
// a voice refused with the limits; /cancel keeps the draft and the next entry continues; "change" asks again;
// one story per call; /mydata lists the stories with their consent to change and a withdrawal that erases the
// story; /deletedata erases them too.
import { beforeAll, describe, expect, it } from 'vitest';
import { createImpactStoryFeature } from '../bot/impact/story.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { activeProject, at, beneficiaryCitizen, newTelegramId } from './helpers/poll-fixtures.ts';

const STORY_KK = 'Жоба арқасында жұмысқа орналастым, енді отбасымды өзім асыраймын.';
const STORY_RU = 'Благодаря проекту я нашла работу и теперь сама обеспечиваю семью.';

describe.each(dbTargets)('bot: stories of change (%s)', (target) => {
  const h = useBotSuite(target, { features: [createImpactStoryFeature()], now: at('2026-05-12T10:00:00') });
  const { services, say, press, last, all, walk } = h;
  let projectId = 0;
  let callId = 0;
  let code = '';

  beforeAll(async () => {
    projectId = (await activeProject(services.prisma)).id;
    code = 'msc2026spring';
    const call = await services.prisma.storyCall.create({
      data: { projectId, promptKk: '', promptRu: '', inviteCode: code, opensAt: at('2026-05-01T00:00:00'), closesAt: at('2026-06-01T00:00:00') },
    });
    callId = call.id;
  });

  /** A beneficiary with Telegram, profile answered, in `locale`. */
  async function beneficiary(locale: 'kk' | 'ru', name = locale === 'kk' ? 'Айгүл Серікова' : 'Айгерим Сатпаева') {
    const u = h.fake.user({ id: newTelegramId(), language_code: locale, first_name: name.split(' ')[0] });
    const b = await beneficiaryCitizen(services.prisma, projectId, { locale, telegramId: u.id, name });
    return { u, ...b };
  }
  const storyOf = (citizenId: number) => services.prisma.changeStory.findUniqueOrThrow({ where: { callId_citizenId: { callId, citizenId } } });

  it('enrols a follower of the link and takes a Kazakh text story with its "why" and anonymous consent, once per call', async () => {
    const u = h.fake.user({ id: newTelegramId(), language_code: 'kk' });
    const c = await services.citizens.giveConsent(u.id, 'kk', 'Айгүл');
    await services.prisma.citizen.update({ where: { id: c.id }, data: { profileAskedAt: at('2026-01-10T00:00:00') } });
    await walk(u, [
      { say: `/start story_${code}`, expect: '«Жастарға арналған кеңес орталығы» жобасы сіздің өміріңізге қандай ең маңызды өзгеріс әкелді?' },
      { say: 'Жақсы болды', is: 'Тым қысқа: кемінде 20 таңба жазыңыз немесе дауыстық хабарлама жіберіңіз.' },
      { say: STORY_KK, expect: 'Бұл өзгеріс сіз үшін неліктен маңызды?' },
      { say: 'Бұрын жұмыссыз едім.', expect: 'Әңгімеңізді жариялауға бола ма?' },
    ]);
    await press(u, '🙈 Атымды көрсетпей жариялау');
    expect(last(u)).toContain(`📝 ${STORY_KK}`);
    expect(last(u)).toContain('Неліктен маңызды: Бұрын жұмыссыз едім.');
    expect(last(u)).toContain('Жариялау: атсыз');
    await press(u, '✅ Жіберу');
    expect(last(u)).toContain('Рақмет! Әңгімеңіз жобаның командасына жіберілді.');
    const s = await storyOf(c.id);
    expect(s).toMatchObject({
      status: 'submitted',
      text: STORY_KK,
      whyText: 'Бұрын жұмыссыз едім.',
      consent: 'anonymous',
      publicName: null,
      locale: 'kk',
      periodKey: '2026-Q2',
    });
    // the follower became a beneficiary of the project by the link
    expect(await services.prisma.projectBeneficiary.count({ where: { projectId, citizenId: c.id } })).toBe(1);
    // one story per call: the link again is refused
    await say(u, `/start story_${code}`);
    expect(last(u)).toBe('Сіз бұл шақыруға әңгімеңізді жіберіп қойдыңыз. Рақмет!');
    expect(await services.prisma.changeStory.count({ where: { callId, citizenId: c.id } })).toBe(1);
  });

  it('takes a Russian voice story of 61 s with the "why" skipped and a typed name; refuses a voice over 3 minutes', async () => {
    const { u, citizenId } = await beneficiary('ru');
    await walk(u, [
      { say: `/start story_${code}`, expect: 'Какое самое значимое изменение принёс в вашу жизнь проект «Консультационный центр для молодёжи»?' },
      { send: (me) => me.sendVoice({ duration: 181 }), is: 'Голосовое сообщение — не дольше 3 мин.' },
      { send: (me) => me.sendVoice({ duration: 61 }), expect: 'Почему это изменение важно для вас?' },
    ]);
    await walk(u, [{ press: '⏭ Пропустить' }, { press: '👤 Опубликовать с моим именем', expect: 'Под каким именем опубликовать?' }]);
    expect(h.buttons(u)).toEqual(['👤 Айгерим Сатпаева']);
    await say(u, 'Айгерим С.');
    expect(last(u)).toContain('🎤 Голосовое сообщение: 61 с');
    expect(last(u)).toContain('Почему это важно: —');
    expect(last(u)).toContain('Публикация: с именем «Айгерим С.»');
    await press(u, '✅ Отправить');
    expect(last(u)).toContain('Спасибо! Ваша история отправлена команде проекта.');
    const s = await storyOf(citizenId);
    expect(s).toMatchObject({ status: 'submitted', text: null, voiceSeconds: 61, whyText: null, consent: 'named', publicName: 'Айгерим С.', locale: 'ru' });
    expect(s.voiceFileId).toBeTruthy();
  });

  it('keeps the draft through /cancel, continues where the citizen stopped, and asks everything again on "change"', async () => {
    const { u, citizenId } = await beneficiary('ru', 'Марат Ахметов');
    await walk(u, [{ say: `/start story_${code}` }, { say: STORY_RU, expect: 'Почему это изменение важно для вас?' }, { say: '/cancel' }]);
    expect(all(u)).toContain('Отменено');
    expect((await storyOf(citizenId)).text).toBe(STORY_RU);
    await say(u, `/start story_${code}`);
    expect(all(u)).toContain('Продолжим вашу историю: то, что вы уже рассказали, сохранено.');
    expect(last(u)).toContain('Почему это изменение важно для вас?');
    await walk(u, [
      { say: 'Раньше не было работы.' },
      { press: '🔒 Не публиковать', expect: 'Публикация: не публиковать' },
      { press: '✏️ Изменить', expect: 'Какое самое значимое изменение' },
    ]);
    await walk(u, [{ say: 'Я научился составлять резюме и прошёл три собеседования.' }, { press: '⏭ Пропустить' }, { press: '🙈 Опубликовать без имени' }]);
    await press(u, '✅ Отправить');
    expect(await storyOf(citizenId)).toMatchObject({
      status: 'submitted',
      text: 'Я научился составлять резюме и прошёл три собеседования.',
      whyText: null,
      consent: 'anonymous',
    });
  });

  it('lists the stories under /mydata, changes the consent, withdraws one (erased), and /deletedata erases the rest', async () => {
    const { u, citizenId } = await beneficiary('ru', 'Дина Омарова');
    const { stories } = services.impact;
    const tell = async (who: number, text: string, consent: 'anonymous' | 'named', name: string | null) => {
      const { story } = await stories.start(who, callId, 'ru');
      await stories.saveText(who, story.id, text);
      await stories.saveWhy(who, story.id, null);
      await stories.saveConsent(who, story.id, consent, name);
      return (await stories.submit(who, story.id)).id;
    };
    const storyId = await tell(citizenId, STORY_RU, 'anonymous', null);
    await say(u, '/mydata');
    expect(all(u)).toContain('Ваши истории об изменениях');
    expect(last(u)).toContain('«Консультационный центр для молодёжи», 12.05.2026');
    expect(last(u)).toContain('Публикация: без имени');
    await press(u, '👤 Опубликовать с моим именем');
    expect(last(u)).toBe('Согласие изменено: с именем «Дина Омарова».');
    expect(await services.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } })).toMatchObject({ consent: 'named', publicName: 'Дина Омарова' });
    await walk(u, [
      { press: '🗑 Отозвать', expect: 'Отозвать эту историю?' },
      { press: '🗑 Да, отозвать', is: 'История отозвана: её содержание стёрто.' },
    ]);
    const gone = await services.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } });
    expect(gone).toMatchObject({ status: 'withdrawn', text: null, whyText: null, publicName: null, voiceFileId: null });
    const shown = u.texts().length;
    await say(u, '/mydata');
    expect(u.texts().slice(shown).join('\n')).not.toContain('Ваши истории об изменениях');

    // /deletedata: every story of the citizen loses what it said and who said it
    const other = await beneficiary('kk', 'Ерлан Нұрланов');
    const otherStory = await tell(other.citizenId, STORY_KK, 'named', 'Ерлан');
    await walk(other.u, [{ say: '/deletedata' }, { press: 'Иә, жою' }]);
    expect(await services.prisma.changeStory.findUniqueOrThrow({ where: { id: otherStory } })).toMatchObject({
      status: 'withdrawn',
      citizenId: null,
      text: null,
      publicName: null,
    });
  });
});
