// The public discussion's handlers with the services stubbed (grammY's style: handleUpdate with a recorder,
// no database): the list of open topics, a topic with its buttons, flags on comments, subscriptions, and
// the first steps of the comment conversation.
import { describe, expect, it, vi } from 'vitest';
import { flagComment, toggleSubscription, topicsPage, writeComment } from '../../bot/discussions/buttons.ts';
import { createTopicsFeature } from '../../bot/discussions/topics.ts';
import { openTopic } from '../../core/discussions/discussions-buttons.ts';
import { DomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { recordingBot, type ServiceStubs } from '../helpers/bot-recorder.ts';

const CITIZEN = 7;
const NOW = new Date('2026-06-01T04:00:00Z');
const listed = (id: number, titleRu: string, endsAt: string) => ({ id, titleRu, titleKk: `${titleRu} (kk)`, endsAt: new Date(endsAt) });
const topic = (extra: Record<string, unknown> = {}) => ({
  id: 4,
  titleKk: 'Жастар орталығы',
  titleRu: 'Молодёжный центр',
  stateBody: { nameKk: 'Ішкі саясат басқармасы', nameRu: 'Управление внутренней политики' },
  area: { nameKk: 'Жастар саясаты', nameRu: 'Молодёжная политика' },
  region: { nameKk: 'Алматы', nameRu: 'Алматы' },
  year: 2027,
  fundingThousandTenge: { toFixed: () => '12500.0' },
  justificationKk: 'Негіздеме',
  justificationRu: 'Обоснование',
  informationSource: 'Опрос',
  targetGroupKk: 'Жастар',
  targetGroupRu: 'Молодёжь',
  expectedResultKk: 'Нәтиже',
  expectedResultRu: 'Результат',
  status: 'open',
  publishedAt: new Date('2026-05-25T04:00:00Z'),
  endsAt: new Date('2026-06-08T13:00:00Z'),
  ...extra,
});
const comment = (id: number, own: boolean) => ({
  id,
  own,
  authorName: `Автор ${id}`,
  organisation: null,
  createdAt: NOW,
  stance: null,
  text: 'Нужно больше кружков',
});

const topics = (stubs: ServiceStubs, locale: Locale = 'ru') =>
  recordingBot([createTopicsFeature()], { locale, citizen: { id: CITIZEN }, services: { now: () => NOW, ...stubs } });

describe('the open topics in the bot', () => {
  it('numbers the topics that suit the citizen with the days left, and offers the next page and all topics', async () => {
    const openTopics = vi.fn(async () => ({ items: [listed(4, 'Молодёжный центр', '2026-06-03T13:00:00Z')], total: 9, filtered: true }));
    const bot = topics({ discussions: { citizen: { openTopics } } });
    await bot.press(topicsPage.encode({ mode: 'f', offset: 0 }));
    expect(openTopics.mock.calls).toEqual([[CITIZEN, { all: false, offset: 0, limit: 8 }]]);
    expect(bot.replies()[0]).toContain('1. Молодёжный центр (⏳ осталось: 3 дн.)');
    expect(bot.keyboard()).toEqual([['1. Молодёжный центр'], ['➡️ Ещё'], ['🗃 Все темы'], ['📋 Мои предложения', '🔔 Подписки']]);
  });

  it('offers to go back to the citizen’s own regions and areas from all topics', async () => {
    const bot = topics({ discussions: { citizen: { openTopics: async () => ({ items: [], total: 0, filtered: false }) } } }, 'kk');
    await bot.press(topicsPage.encode({ mode: 'a', offset: 0 }));
    expect(bot.replies()[0]).toContain('Қазір талқылаудағы тақырыптар жоқ.');
    expect(bot.keyboard()).toEqual([['🎯 Менің өңірім мен салаларым'], ['📋 Менің ұсыныстарым', '🔔 Жазылымдар']]);
  });

  it('shows an open topic with a button to write and a flag for every comment but the citizen’s own', async () => {
    const detail = {
      topic: topic(),
      accepting: true,
      supports: 2,
      objections: 1,
      comments: 3,
      latest: [comment(10, false), comment(11, true), comment(12, false)],
    };
    const read = vi.fn(async () => detail);
    const bot = topics({ discussions: { citizen: { topic: read } } });
    await bot.press(openTopic.encode({ topicId: 4 }));
    expect(read.mock.calls).toEqual([[CITIZEN, 4]]);
    expect(bot.replies()[0]).toContain('👍 За: 2 · 👎 Против: 1 · 💬 Комментариев: 3');
    expect(bot.keyboard()).toEqual([['✍️ Замечание или предложение'], ['🚩 Жалоба на №1', '🚩 Жалоба на №3'], ['⬅️ К темам']]);
  });

  it('an ended discussion takes no more comments: no button to write', async () => {
    const detail = { topic: topic({ status: 'closed' }), accepting: false, supports: 0, objections: 0, comments: 0, latest: [] };
    const bot = topics({ discussions: { citizen: { topic: async () => detail } } }, 'kk');
    await bot.press(openTopic.encode({ topicId: 4 }));
    expect(bot.replies()[0]).toContain('Мемлекеттік орган ескертулер мен ұсыныстарды қарап жатыр.');
    expect(bot.keyboard()).toEqual([['⬅️ Тақырыптарға']]);
  });

  it('a topic that is gone is refused in a window', async () => {
    const gone = async () => {
      throw new DomainError('not_found', 'discussion.not_found');
    };
    const bot = topics({ discussions: { citizen: { topic: gone } } }, 'kk');
    await bot.press(openTopic.encode({ topicId: 99 }));
    expect(bot.alerts()).toEqual([{ text: 'Тақырып табылмады.', show_alert: true }]);
  });
});

describe('flags on comments', () => {
  it.each([
    [{ flagged: true, hidden: false }, 'Спасибо, жалоба принята. Модераторы проверят комментарий.'],
    [{ flagged: true, hidden: true }, 'Спасибо. Комментарий скрыт до решения модератора.'],
    [{ flagged: false, hidden: false }, 'Вы уже пожаловались на этот комментарий.'],
  ])('a flag %o is answered with a short note', async (outcome, text) => {
    const flag = vi.fn(async () => outcome);
    const bot = topics({ discussions: { citizen: { flag } } });
    await bot.press(flagComment.encode({ commentId: 10 }));
    expect(flag.mock.calls).toEqual([[CITIZEN, 10]]);
    expect(bot.alerts()).toEqual([{ text, show_alert: undefined }]);
  });

  it('a flag on one’s own comment is refused in a window, in the citizen’s language', async () => {
    const flag = async () => {
      throw new DomainError('invalid', 'discussion.flag_own');
    };
    const bot = topics({ discussions: { citizen: { flag } } }, 'kk');
    await bot.press(flagComment.encode({ commentId: 11 }));
    expect(bot.alerts()).toEqual([{ text: 'Өз пікіріңізге шағымдануға болмайды.', show_alert: true }]);
  });
});

describe('subscriptions to new topics', () => {
  it('toggles an area for the citizen, marks it and says so', async () => {
    const toggleSubscription_ = vi.fn(async () => true);
    const bot = topics({
      discussions: { citizen: { toggleSubscription: toggleSubscription_, subscriptions: async () => ({ areaIds: [6], regionIds: [] }) } },
      reference: {
        get: async () => ({
          areas: [
            { id: 5, nameRu: 'Экология', nameKk: 'Экология' },
            { id: 6, nameRu: 'Молодёжь', nameKk: 'Жастар' },
          ],
          regions: [],
        }),
      },
    });
    await bot.press(toggleSubscription.encode({ kind: 'a', itemId: 6 }));
    expect(toggleSubscription_.mock.calls).toEqual([[CITIZEN, 'area', 6]]);
    expect(bot.keyboard()).toEqual([['▫️ 1. Экология'], ['✅ 2. Молодёжь'], ['✅ Готово']]);
    expect(bot.alerts()).toEqual([{ text: 'Подписка оформлена', show_alert: undefined }]);
  });
});

describe('writing a comment', () => {
  const opened = (accepting: boolean, draft: unknown = null) => ({
    topic: vi.fn(async () => ({ topic: topic(), accepting })),
    getDraft: vi.fn(async () => draft),
    saveDraft: vi.fn(async () => undefined),
  });

  it('an ended discussion takes no comment, and says why by the Rules', async () => {
    const citizen = opened(false);
    const bot = topics({ discussions: { citizen }, citizens: { nameOf: async () => 'Дана Серікова' } });
    await bot.press(writeComment.encode({ topicId: 4 }));
    expect(citizen.saveDraft).not.toHaveBeenCalled();
    expect(bot.replies()[0]).toContain('Обсуждение завершилось 08.06.2026 18:00.');
  });

  it('saves the text at once, then offers the name the citizen gave as the signature', async () => {
    const citizen = opened(true);
    const nameOf = vi.fn(async () => 'Дана Серікова');
    const bot = topics({ discussions: { citizen }, citizens: { nameOf } }, 'kk');
    await bot.press(writeComment.encode({ topicId: 4 }));
    expect(bot.replies()[0]).toContain('«<b>Жастар орталығы</b>» тақырыбына ескертуіңізді');
    await bot.send('Жастар орталығында үйірмелер көбірек болуы керек.');
    expect(nameOf).toHaveBeenCalledWith(CITIZEN);
    expect(citizen.saveDraft.mock.calls).toEqual([[CITIZEN, 4, { text: 'Жастар орталығында үйірмелер көбірек болуы керек.' }]]);
    expect(bot.replies().at(-1)).toContain('Ұсынысыңызға қалай қол қоямыз?');
    expect(bot.keyboard()).toEqual([['👤 Дана Серікова']]);
  });
});
