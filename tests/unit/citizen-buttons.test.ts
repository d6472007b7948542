// What the buttons under the bot's notices do, capability by capability, with the services stubbed: the
// service is called for this citizen with the ids from the button, the citizen sees the outcome, and a
// refusal from the domain becomes an alert in the citizen's language.
import { describe, expect, it, vi } from 'vitest';
import { createAskFeature } from '../../bot/consultations/ask.ts';
import { createTopicsFeature } from '../../bot/discussions/topics.ts';
import type { Feature } from '../../bot/features.ts';
import { createReportFeature } from '../../bot/reports/report.ts';
import { createVolunteerFeature } from '../../bot/volunteering/volunteer.ts';
import { DomainError } from '../../core/errors.ts';
import { recordingBot, type ServiceStubs } from '../helpers/bot-recorder.ts';

const CITIZEN = 7;
/** The feature whose buttons carry each prefix. */
const FEATURES: Record<string, () => Feature> = {
  vo: createVolunteerFeature,
  rc: createReportFeature,
  rr: createReportFeature,
  qa: createAskFeature,
  qr: createAskFeature,
  tp: createTopicsFeature,
};

/** `services.a.b.c` stubbed with `fn`. */
function stubAt(path: string, fn: (...args: unknown[]) => unknown): ServiceStubs {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), fn) as ServiceStubs;
}

async function press(data: string, path: string, fn: (...args: unknown[]) => unknown, locale: 'kk' | 'ru' = 'ru') {
  const bot = recordingBot([FEATURES[data.split(':')[0]!]!()], { locale, citizen: { id: CITIZEN }, services: stubAt(path, fn) });
  await bot.press(data);
  return bot;
}
/** Every text the citizen reads after a press: messages, and the note on the button. */
const told = (bot: Awaited<ReturnType<typeof press>>) => [...bot.replies(), ...bot.alerts().flatMap((a) => (a.text ? [a.text] : []))];

const REPORT = { id: 5, number: 'KZ-2026-000005' };
const ANSWERED = { id: 9, number: 'Q-2026-000009', firstAnsweredAt: new Date(0), rating: null };

/** A press, the service it calls and what that returns, and the call expected. */
const PRESSES: Array<[string, string, unknown, unknown[]]> = [
  ['vo:conf:12:y', 'volunteering.applications.confirm', undefined, [CITIZEN, 12, true]],
  ['vo:conf:12:n', 'volunteering.applications.confirm', undefined, [CITIZEN, 12, false]],
  ['rc:ok:5', 'reports.confirm', REPORT, [CITIZEN, 5, { fixed: true }]],
  ['rc:no:5', 'reports.confirm', REPORT, [CITIZEN, 5, { fixed: false }]],
  ['rr:5:4', 'reports.confirm', REPORT, [CITIZEN, 5, { fixed: true, rating: 4 }]],
  ['qa:close:9', 'consultations.citizen.close', ANSWERED, [CITIZEN, 9]],
  ['qr:9:5', 'consultations.citizen.rate', { id: 9 }, [CITIZEN, 9, 5]],
  ['tp:flag:31', 'discussions.citizen.flag', { flagged: true, hidden: false }, [CITIZEN, 31]],
];
/** What the citizen reads after each of them (in Russian), and the buttons offered next. */
const TOLD: Record<string, string> = {
  'vo:conf:12:y': '🙏 Спасибо за помощь! Ваше участие учтено.',
  'vo:conf:12:n': 'Понятно, спасибо, что сообщили. Организатор увидит ваш ответ.',
  'rc:ok:5': 'Спасибо, что подтвердили! Оцените, как решили проблему, от 1 до 5:',
  'rc:no:5': 'Обращение KZ-2026-000005 снова открыто, оператор уведомлён. Добавить комментарий или фото можно в «📋 Мои обращения».',
  'rr:5:4': 'Спасибо за оценку 4/5! Она помогает оценивать работу акимата.',
  'qa:close:9': 'Оцените, пожалуйста, консультацию по вопросу Q-2026-000009 от 1 до 5:',
  'qr:9:5': 'Спасибо за оценку 5/5! Хотите добавить пару слов? Это поможет центру работать лучше.',
  'tp:flag:31': 'Спасибо, жалоба принята. Модераторы проверят комментарий.',
};
const STARS = [['1 ⭐', '2 ⭐', '3 ⭐', '4 ⭐', '5 ⭐']];
const OFFERED: Record<string, string[][]> = { 'rc:ok:5': STARS, 'qa:close:9': STARS, 'qr:9:5': [['✍️ Добавить комментарий']] };

/** A press refused by the domain: the service that refuses, with the error's code and parameters. */
const REFUSALS: Array<[string, string, string, Record<string, unknown>]> = [
  ['vo:conf:12:y', 'volunteering.applications.confirm', 'volunteer.event_not_started', {}],
  ['rc:no:5', 'reports.confirm', 'report.reopen_window_over', { days: 30 }],
  ['qr:9:5', 'consultations.citizen.rate', 'question.not_answered', {}],
  ['tp:flag:31', 'discussions.citizen.flag', 'discussion.flag_own', {}],
];
/** The alert each refusal becomes, in Kazakh and Russian. */
const ALERTS: Record<string, { kk: string; ru: string }> = {
  'volunteer.event_not_started': { kk: 'Іс-шара әлі басталған жоқ.', ru: 'Мероприятие ещё не началось.' },
  'report.reopen_window_over': {
    kk: 'Өтінішті орындалғаннан кейін 30 күн ішінде ғана қайта ашуға болады. Жаңа өтініш беріңіз.',
    ru: 'Вернуть обращение в работу можно только в течение 30 дн. после выполнения. Подайте новое обращение.',
  },
  'question.not_answered': {
    kk: 'Сұраққа әлі жауап берілмеді: жауап келген соң бағалауға болады.',
    ru: 'На вопрос ещё не ответили: оценить можно после ответа.',
  },
  'discussion.flag_own': { kk: 'Өз пікіріңізге шағымдануға болмайды.', ru: 'На свой комментарий пожаловаться нельзя.' },
};

describe('buttons under notices', () => {
  it.each(PRESSES)('%s calls %s with the citizen and the ids from the button', async (data, service, result, args) => {
    const fn = vi.fn(() => Promise.resolve(result));
    const bot = await press(data, service, fn);
    expect(fn.mock.calls).toEqual([args]);
    expect(told(bot)).toEqual([TOLD[data]]);
    if (OFFERED[data]) expect(bot.keyboard()).toEqual(OFFERED[data]);
    expect(bot.alerts().filter((a) => a.show_alert)).toEqual([]);
  });

  it.each(REFUSALS)('%s refused by the domain (%s: %s) is an alert in kk and ru, and nothing else', async (data, service, code, params) => {
    const refuse = () => Promise.reject(new DomainError('conflict', code, params));
    for (const locale of ['kk', 'ru'] as const) {
      const bot = await press(data, service, refuse, locale);
      expect(bot.alerts()).toEqual([{ text: ALERTS[code]![locale], show_alert: true }]);
      expect(bot.replies()).toEqual([]);
    }
  });
});
