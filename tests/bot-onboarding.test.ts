import { beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../bot/create-bot.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { createAskFeature } from '../bot/consultations/ask.ts';
import { createPollFeature } from '../bot/polls/poll.ts';
import { createProjectFeature } from '../bot/projects/project.ts';
import { createQuestionStaffChat } from '../bot/consultations/staff-chat.ts';
import { createReportFeature } from '../bot/reports/report.ts';
import { createStaffChat } from '../bot/reports/staff-chat.ts';
import { createTopicsFeature } from '../bot/discussions/topics.ts';
import { createVolunteerFeature } from '../bot/volunteering/volunteer.ts';
import { createBotHarness, freshTelegramId, useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';

const i18n = createI18n();

describe.each(dbTargets)('bot: start, language, consent, menu (%s)', (target) => {
  const h = useBotSuite(target, { now: new Date('2026-11-23T06:00:00Z') });
  const { services } = h;

  const newUser = (language_code: string) => h.user({ first_name: 'Айгүл', last_name: 'Сәрсенова', language_code });

  it('walks /start → language → consent → main menu in Kazakh', async () => {
    const u = newUser('kk');
    await h.deliver(u.send('/start'));
    expect(u.lastKeyboard().flat()).toEqual(['🇰🇿 Қазақша', '🇷🇺 Русский']);
    await h.deliver(u.pressButton('🇰🇿 Қазақша'));
    expect(u.texts().join('\n')).toContain('Дербес деректерді өңдеуге келісім');
    // Nothing is stored before consent.
    expect(await services.citizens.findByTelegramId(u.id)).toBeNull();
    await h.deliver(u.pressButton('✅ Келісемін'));
    const menu = u.lastKeyboard().flat();
    expect(menu).toContain('📝 Өтініш беру');
    expect(menu).toContain('⚙️ Баптаулар');
    const citizen = await services.citizens.findByTelegramId(u.id);
    expect(citizen?.locale).toBe('kk');
    expect(citizen?.consentAt).toBeInstanceOf(Date);
    expect(citizen?.name).toBe('Айгүл Сәрсенова');
    const audit = await services.prisma.auditLog.findFirst({ where: { action: 'citizen.consent', entityId: String(citizen!.id) } });
    expect(audit?.actorType).toBe('citizen');
  });

  it('walks the same path in Russian', async () => {
    const u = newUser('ru');
    await h.deliver(u.send('/start'));
    await h.deliver(u.pressButton('🇷🇺 Русский'));
    expect(u.texts().join('\n')).toContain('Согласие на обработку персональных данных');
    await h.deliver(u.pressButton('✅ Согласен(на)'));
    expect(u.lastKeyboard().flat()).toContain('📝 Подать обращение');
    expect((await services.citizens.findByTelegramId(u.id))?.locale).toBe('ru');
  });

  it('explains why consent is needed when declined, stores nothing, and lets the citizen agree later', async () => {
    const u = newUser('ru');
    await h.deliver(u.send('/start'));
    await h.deliver(u.pressButton('🇷🇺 Русский'));
    await h.deliver(u.pressButton('❌ Не согласен(на)'));
    const explanation = u.texts().at(-1)!;
    expect(explanation).toMatch(/по закону/);
    expect(await services.citizens.findByTelegramId(u.id)).toBeNull();
    await h.deliver(u.send('привет'));
    expect(u.texts().join('\n')).toContain('нужно ваше согласие');
    expect(await services.citizens.findByTelegramId(u.id)).toBeNull();
    await h.deliver(u.pressButton('✅ Согласен(на)'));
    expect(await services.citizens.findByTelegramId(u.id)).not.toBeNull();
  });

  it('keeps a deep-link payload through language and consent', async () => {
    const u = newUser('kk');
    await h.deliver(u.send('/start topic_42'));
    const session = await services.prisma.botSession.findUnique({ where: { key: `s:${u.id}` } });
    expect(session?.value).toMatchObject({ pendingStart: 'topic_42' });
  });

  it('greets a returning citizen with the menu; an unknown deep link says so', async () => {
    const u = newUser('ru');
    await h.deliver(u.send('/start'));
    await h.deliver(u.pressButton('🇷🇺 Русский'));
    await h.deliver(u.pressButton('✅ Согласен(на)'));
    await h.deliver(u.send('/start'));
    expect(u.texts().at(-1)).toContain('С возвращением');
    await h.deliver(u.send('/start nothing_here'));
    expect(u.texts().at(-1)).toContain('ссылка устарела');
  });

  describe('for a citizen who agreed', () => {
    let u: ReturnType<typeof newUser>;
    beforeAll(async () => {
      u = newUser('kk');
      await h.deliver(u.send('/start'));
      await h.deliver(u.pressButton('🇰🇿 Қазақша'));
      await h.deliver(u.pressButton('✅ Келісемін'));
    });

    it('shows the main menu in rows of two, in its fixed order and their language', async () => {
      await h.deliver(u.send('/menu'));
      expect(u.lastKeyboard().filter((row) => row.length > 0)).toEqual([
        ['📝 Өтініш беру', '📋 Менің өтініштерім'],
        ['❓ Сұрақ қою', '🗣 Тақырып талқылау'],
        ['📊 Сауалнамалар', '🤝 Еріктілік'],
        ['⚙️ Баптаулар', 'ℹ️ Анықтама'],
        ['💡 Бастамалар'],
      ]);
    });

    it('lists in /help every command Telegram shows in its menu, one a line, in both languages', async () => {
      const full = await createBotHarness(services, {
        features: [
          createReportFeature(),
          createAskFeature(),
          createTopicsFeature(),
          createVolunteerFeature(),
          createPollFeature(),
          createProjectFeature(),
          createStaffChat(),
          createQuestionStaffChat(),
        ],
      });
      try {
        const commands = commandList(full.app.features);
        expect(commands.map((c) => c.command).sort()).toEqual([
          'ask',
          'cancel',
          'deletedata',
          'help',
          'language',
          'menu',
          'mydata',
          'myquestions',
          'myreports',
          'polls',
          'report',
          'start',
          'topics',
          'volunteer',
        ]);
        for (const lng of ['kk', 'ru'] as const) {
          const reader = full.fake.user({ id: freshTelegramId(), language_code: lng });
          await services.citizens.giveConsent(reader.id, lng, 'Айгүл');
          await full.deliver(reader.send('/help'));
          const lines = (reader.texts().at(-1) ?? '').split('\n');
          const t = i18n.getFixedT(lng);
          for (const c of commands) {
            expect(
              lines.filter((l) => l.startsWith(`/${c.command} `)),
              `${lng} /${c.command}`,
            ).toEqual([`/${c.command} — ${t(c.descriptionKey)}`]);
          }
        }
      } finally {
        await full.close();
      }
    });

    it('answers /help and switches language with /language', async () => {
      await h.deliver(u.send('/help'));
      expect(u.texts().at(-1)).toContain('/deletedata');
      await h.deliver(u.send('/language'));
      await h.deliver(u.pressButton('🇷🇺 Русский'));
      expect((await services.citizens.findByTelegramId(u.id))?.locale).toBe('ru');
      await h.deliver(u.send('/help'));
      expect(u.texts().at(-1)).toContain('Команды');
      await h.deliver(u.send('/language'));
      await h.deliver(u.pressButton('🇰🇿 Қазақша'));
    });

    it('answers unknown text and stray buttons instead of staying silent', async () => {
      await h.deliver(u.send('бла-бла'));
      expect(u.texts().at(-1)).toContain('түсінбедім');
      await h.deliver(u.press('some:old:button'));
      const answer = h.fake.callsTo('answerCallbackQuery').at(-1);
      expect(answer?.payload.text).toContain('енді жұмыс істемейді');
    });

    it('/cancel always answers and returns to the menu', async () => {
      await h.deliver(u.send('/cancel'));
      expect(u.texts().at(-1)).toContain('Тоқтатылды');
      expect(u.lastKeyboard().flat()).toContain('📝 Өтініш беру');
    });

    it('/mydata shows what is stored; /deletedata erases it after confirmation', async () => {
      const citizen = (await services.citizens.findByTelegramId(u.id))!;
      await services.citizens.updateProfile(citizen.id, { phone: '+77011234567', birthYear: 1990, gender: 'female' });
      await h.deliver(u.send('/mydata'));
      const shown = u.texts().at(-1)!;
      expect(shown).toContain(String(u.id));
      expect(shown).toContain('+77011234567');
      expect(shown).toContain('1990');
      expect(shown).toContain('Айгүл Сәрсенова');

      await h.deliver(u.send('/deletedata'));
      await h.deliver(u.pressButton('Жоқ, қалдыру'));
      expect(await services.citizens.findByTelegramId(u.id)).not.toBeNull();

      await h.deliver(u.send('/deletedata'));
      await h.deliver(u.pressButton('Иә, жою'));
      expect(await services.citizens.findByTelegramId(u.id)).toBeNull();
      const erased = await services.prisma.citizen.findUniqueOrThrow({ where: { id: citizen.id } });
      expect(erased).toMatchObject({ name: null, phone: null, birthYear: null, gender: null, consentAt: null });
      expect(erased.erasedAt).toBeInstanceOf(Date);
      expect(erased.telegramId).toBe(BigInt(-citizen.id));

      // After erasure the person starts from consent again.
      await h.deliver(u.send('сәлем'));
      expect(u.texts().join('\n')).toContain('келісіміңіз қажет');
    });
  });

  it('asks a flooding citizen to slow down once, then ignores them', async () => {
    const limited = await createBotHarness(services, { rateLimitPerMinute: 3 });
    try {
      const u = limited.fake.user({ id: freshTelegramId(), language_code: 'ru' });
      for (let i = 0; i < 6; i += 1) await limited.deliver(u.send(`/help`));
      const texts = u.texts();
      expect(texts.filter((x) => x.includes('Слишком много сообщений'))).toHaveLength(1);
      expect(texts).toHaveLength(4);
    } finally {
      await limited.close();
    }
  });

  it('tells the citizen something went wrong, without losing the session, when a handler fails', async () => {
    const u = newUser('ru');
    await h.deliver(u.send('/start'));
    await h.deliver(u.pressButton('🇷🇺 Русский'));
    const original = services.citizens.giveConsent;
    services.citizens.giveConsent = async () => {
      throw new Error('database is down');
    };
    try {
      await h.deliver(u.pressButton('✅ Согласен(на)'));
    } finally {
      services.citizens.giveConsent = original;
    }
    const alert = h.fake.callsTo('answerCallbackQuery').find((c) => String(c.payload.text ?? '').includes('пошло не так'));
    expect(alert).toBeDefined();
    const session = await services.prisma.botSession.findUnique({ where: { key: `s:${u.id}` } });
    expect(session?.value).toMatchObject({ locale: 'ru' });
  });
});
