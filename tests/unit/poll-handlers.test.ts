// The polls' bot handlers with the services stubbed (grammY's style: handleUpdate with a recorder): the
// citizen's open polls, the invitation's button and the wave's link starting the conversation, one
// question at a time with its buttons, and core's refusals shown in the citizen's language.
import { describe, expect, it, vi } from 'vitest';
import { createOnboarding } from '../../bot/citizens/onboarding.ts';
import { pollAnswer, pollConfirm, pollDone, pollSkip, pollToggle } from '../../bot/polls/buttons.ts';
import { createPollFeature } from '../../bot/polls/poll.ts';
import { DomainError } from '../../core/errors.ts';
import { createI18n, type Locale } from '../../core/i18n/i18n.ts';
import type { DraftView, QuestionView, WaveForCitizen } from '../../core/polls/poll-citizen.ts';
import { startPoll } from '../../core/polls/polls-buttons.ts';
import { recordingBot, type ServiceStubs } from '../helpers/bot-recorder.ts';

const CITIZEN = 7;
const WAVE = 31;
const CLOSES = new Date('2026-12-20T18:59:00Z');

const question = (id: number, type: QuestionView['type'], more: Partial<QuestionView> = {}): QuestionView => ({
  id,
  position: id,
  type,
  textKk: `Сұрақ ${id}`,
  textRu: `Вопрос ${id}`,
  required: true,
  options: [],
  showIfQuestionId: null,
  showIfAnswers: [],
  ...more,
});
const empty: DraftView = { answers: {}, path: [] };
const wave = (questions: QuestionView[], draft: DraftView = empty): WaveForCitizen & { joined: boolean } => ({
  waveId: WAVE,
  pollId: 4,
  titleKk: 'Қызметке қанағаттану',
  titleRu: 'Удовлетворённость услугами',
  introKk: '',
  introRu: '',
  labelKk: 'Бастапқы',
  labelRu: 'Начальная',
  anonymous: false,
  closesAt: CLOSES.toISOString(),
  questions,
  draft,
  joined: false,
});

type PollStubs = NonNullable<ServiceStubs['polls']>['citizen'];
const polls = (citizen: PollStubs, opts: { locale?: Locale; profile?: object } = {}) =>
  recordingBot([createOnboarding(createI18n()), createPollFeature()], {
    locale: opts.locale,
    citizen: { id: CITIZEN },
    services: {
      polls: { citizen },
      citizens: { profile: { answers: async () => ({ askedAt: new Date('2026-01-01'), ...opts.profile }) } },
    },
  });

describe('the citizen’s open polls', () => {
  it('/polls says so when no project asks the citizen anything (kk)', async () => {
    const bot = polls({ openFor: async () => [] }, { locale: 'kk' });
    await bot.send('/polls');
    expect(bot.replies()).toHaveLength(1);
    expect(bot.replies()[0]).toMatch(/^Қазір сізге арналған ашық сауалнама жоқ\./);
  });

  it('/polls lists each open poll in full with its wave and last day, one button each, a started one marked (ru)', async () => {
    const openFor = vi.fn(async () => [
      { waveId: 31, titleKk: 'А', titleRu: 'Удовлетворённость услугами', labelKk: 'Б', labelRu: 'Начальная', closesAt: CLOSES, started: false },
      { waveId: 32, titleKk: 'В', titleRu: 'Качество тренингов', labelKk: 'Ф', labelRu: 'Итоговая', closesAt: CLOSES, started: true },
    ]);
    const bot = polls({ openFor });
    await bot.send('/polls');
    expect(openFor).toHaveBeenCalledWith(CITIZEN);
    expect(bot.replies()[0]).toBe(
      '📊 <b>Открытые опросы</b>\nВыберите опрос:\n\n' +
        '1. <b>Удовлетворённость услугами</b> (Начальная), ответить до 20.12.2026\n' +
        '2. <b>Качество тренингов</b> (Итоговая), ответить до 20.12.2026',
    );
    expect(bot.keyboard()).toEqual([['1. Удовлетворённость услугами'], ['▶️ 2. Качество тренингов']]);
  });
});

describe('answering a wave', () => {
  it('the invitation’s button starts the wave without joining, shows its title and asks the first question with the satisfaction scale', async () => {
    const begin = vi.fn(async () => wave([question(1, 'satisfaction')]));
    const bot = polls({ begin });
    await bot.press(startPoll.encode({ waveId: WAVE }));
    expect(begin).toHaveBeenCalledWith(CITIZEN, WAVE, { join: false });
    expect(bot.replies()[0]).toContain('📊 <b>Удовлетворённость услугами</b> (Начальная)');
    expect(bot.replies()[1]).toBe('<b>Вопрос 1</b>\nВопрос 1');
    expect(bot.keyboard()).toEqual([
      ['Полностью удовлетворён(а)'],
      ['Скорее удовлетворён(а)'],
      ['Скорее не удовлетворён(а)'],
      ['Совсем не удовлетворён(а)'],
      ['Затрудняюсь ответить'],
    ]);
  });

  it('an answer is saved at once; after the last one the citizen confirms and the responses are sent, thanked in Kazakh', async () => {
    const q = question(1, 'yes_no');
    const answer = vi.fn(async () => ({ answers: { 1: { choice: 'yes' } }, path: [1] }));
    const submit = vi.fn(async () => ({ responseId: 1, answered: 1 }));
    const bot = polls({ begin: async () => wave([q]), answer, submit }, { locale: 'kk' });
    await bot.press(startPoll.encode({ waveId: WAVE }));
    expect(bot.keyboard()).toEqual([['Иә', 'Жоқ']]);
    await bot.press(pollAnswer.encode({ questionId: 1, code: 'yes' }));
    expect(answer).toHaveBeenCalledWith(CITIZEN, WAVE, 1, { choice: 'yes' });
    expect(bot.replies().at(-2)).toBe('<b>1-сұрақ</b>\nСұрақ 1\n\nСіздің жауабыңыз: Иә');
    expect(bot.replies().at(-1)).toMatch(/\(1\)/);
    expect(submit).not.toHaveBeenCalled();
    await bot.press(pollConfirm.encode({ choice: 'send' }));
    expect(submit).toHaveBeenCalledWith(CITIZEN, WAVE);
    expect(bot.replies().at(-1)).toMatch(/^🙏 Рақмет!/);
  });

  it('the wave’s link joins the project through core and opens the wave; an unknown code leads to the menu', async () => {
    const begin = vi.fn(async () => wave([question(1, 'text')]));
    const waveByCode = vi.fn(async (code: string) => (code === 'AbC' ? WAVE : null));
    const bot = polls({ begin, waveByCode });
    await bot.send('/start poll_AbC');
    expect(begin).toHaveBeenCalledWith(CITIZEN, WAVE, { join: true });
    expect(bot.replies().at(-1)).toBe('<b>Вопрос 1</b>\nВопрос 1\n<i>Напишите ответ сообщением (до 1000 символов).</i>');

    const unknown = polls({ waveByCode }, { locale: 'kk' });
    await unknown.send('/start poll_zzz');
    expect(unknown.replies()).toEqual(['Бұл сілтеменің мерзімі өткен немесе ол қате. Міне, басты мәзір 👇']);
  });

  it('a typed answer is taken for a text question, and asked for again as text for a button question', async () => {
    const answer = vi.fn(async () => ({ answers: { 1: { text: 'Всё понравилось' } }, path: [1] }));
    const bot = polls({ begin: async () => wave([question(1, 'text'), question(2, 'yes_no')]), answer });
    await bot.press(startPoll.encode({ waveId: WAVE }));
    await bot.send('  Всё понравилось ');
    expect(answer).toHaveBeenCalledWith(CITIZEN, WAVE, 1, { text: 'Всё понравилось' });
    await bot.send('да');
    expect(bot.replies().at(-1)).toBe('Выберите ответ кнопкой в сообщении выше или нажмите «⬅️ Назад».');
  });

  it('a required multiple choice needs one option ticked before «Done»; the ticked ones are saved in the options’ order', async () => {
    const options = [
      { code: 'food', kk: 'Тамақ', ru: 'Питание' },
      { code: 'help', kk: 'Көмек', ru: 'Помощь' },
    ];
    const answer = vi.fn(async () => ({ answers: { 1: { choices: ['food', 'help'] } }, path: [1] }));
    const bot = polls({ begin: async () => wave([question(1, 'multiple', { options })]), answer }, { locale: 'kk' });
    await bot.press(startPoll.encode({ waveId: WAVE }));
    await bot.press(pollDone.encode({ questionId: 1 }));
    expect(bot.replies().at(-1)).toBe('Кемінде бір нұсқаны белгілеңіз.');
    await bot.press(pollToggle.encode({ questionId: 1, code: 'help' }));
    await bot.press(pollToggle.encode({ questionId: 1, code: 'food' }));
    expect(bot.keyboard()).toEqual([['✅ Тамақ'], ['✅ Көмек'], ['✅ Дайын']]);
    await bot.press(pollDone.encode({ questionId: 1 }));
    expect(answer).toHaveBeenCalledWith(CITIZEN, WAVE, 1, { choices: ['food', 'help'] });
  });

  it('an optional question offers «Skip», saved as no answer; a button of another question is stale', async () => {
    const answer = vi.fn(async () => ({ answers: { 1: null }, path: [1] }));
    const bot = polls({ begin: async () => wave([question(1, 'yes_no', { required: false })]), answer });
    await bot.press(startPoll.encode({ waveId: WAVE }));
    expect(bot.keyboard()).toEqual([['Да', 'Нет'], ['⏭ Пропустить']]);
    await bot.press(pollSkip.encode({ questionId: 9 }));
    expect(bot.alerts().at(-1)).toEqual({ text: 'Эта кнопка уже не действует. Откройте меню заново.', show_alert: undefined });
    expect(answer).not.toHaveBeenCalled();
    await bot.press(pollSkip.encode({ questionId: 1 }));
    expect(answer).toHaveBeenCalledWith(CITIZEN, WAVE, 1, null);
  });

  it('a closed wave is refused with core’s reason in the citizen’s language, and nothing is asked', async () => {
    const begin = async () => {
      throw new DomainError('conflict', 'poll.closed');
    };
    for (const [locale, text] of [
      ['kk', 'Бұл сауалнама жабылды: жауаптар енді қабылданбайды. Назарыңызға рақмет!'],
      ['ru', 'Этот опрос уже закрыт: ответы больше не принимаются. Спасибо за внимание!'],
    ] as const) {
      const bot = polls({ begin }, { locale });
      await bot.press(startPoll.encode({ waveId: WAVE }));
      expect(bot.replies()).toEqual([text]);
    }
  });
});
