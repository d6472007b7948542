// The consultations' handlers with the services stubbed (grammY's style: handleUpdate with a recorder):
// the knowledge base a citizen browses, their own question with its topic, and the topic's staff group,
// where only the consultant core names may take a question or answer it by replying to its post.
import { describe, expect, it, vi } from 'vitest';
import { faqArticle, faqTopic, faqTopics, openMyQuestion } from '../../bot/consultations/buttons.ts';
import { createAskFeature } from '../../bot/consultations/ask.ts';
import { createQuestionStaffChat } from '../../bot/consultations/staff-chat.ts';
import { takeQuestion } from '../../core/consultations/consultations-buttons.ts';
import { DomainError } from '../../core/errors.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import { recordingBot, type ServiceStubs } from '../helpers/bot-recorder.ts';

const CITIZEN = 7;
const topic = (id: number, nameRu: string) => ({ id, nameRu, nameKk: `${nameRu} (kk)`, responseDays: 2 });
const article = (id: number, titleRu: string) => ({ id, topicId: 3, titleRu, titleKk: `${titleRu} (kk)`, bodyRu: `Текст: ${titleRu}`, bodyKk: 'Мәтін' });

describe('the knowledge base in the bot', () => {
  const ask = (consultations: ServiceStubs['consultations']) => recordingBot([createAskFeature()], { citizen: { id: CITIZEN }, services: { consultations } });

  it('lists the active topics as buttons, one a row', async () => {
    const bot = ask({ topics: { active: async () => [topic(3, 'Регистрация НКО'), topic(4, 'Гранты')] } });
    await bot.press(faqTopics.encode());
    expect(bot.replies()).toEqual(['<b>Ответы на частые вопросы</b>\nВыберите тему:']);
    expect(bot.keyboard()).toEqual([['Регистрация НКО'], ['Гранты']]);
  });

  it('shows a topic’s articles numbered with their full titles, and says so when there are none', async () => {
    const topicArticles = vi.fn(async () => ({ topic: topic(3, 'Регистрация НКО'), articles: [article(11, 'Как зарегистрировать ОО?')] }));
    const bot = ask({ faq: { topicArticles } });
    await bot.press(faqTopic.encode({ topicId: 3 }));
    expect(topicArticles).toHaveBeenCalledWith(3, 30);
    expect(bot.replies()).toEqual(['<b>Регистрация НКО</b>\nВыберите статью:\n\n1. Как зарегистрировать ОО?']);
    expect(bot.keyboard()).toEqual([['1. Как зарегистрировать ОО?'], ['⬅️ Темы']]);

    const empty = ask({ faq: { topicArticles: async () => ({ topic: topic(3, 'Регистрация НКО'), articles: [] }) } });
    await empty.press(faqTopic.encode({ topicId: 3 }));
    expect(empty.replies()).toEqual(['По этой теме статей пока нет. Задайте вопрос консультанту — ответ может стать новой статьёй.']);
  });

  it('opens a published article; one no longer published leads back to the topics', async () => {
    const bot = ask({ faq: { published: async () => article(11, 'Как зарегистрировать ОО?') } });
    await bot.press(faqArticle.encode({ articleId: 11 }));
    expect(bot.replies()).toEqual(['<b>Как зарегистрировать ОО?</b>\n\nТекст: Как зарегистрировать ОО?']);
    expect(bot.keyboard()).toEqual([['⬅️ Темы']]);

    const gone = ask({ faq: { published: async () => null }, topics: { active: async () => [topic(4, 'Гранты')] } });
    await gone.press(faqArticle.encode({ articleId: 12 }));
    expect(gone.replies()).toEqual(['<b>Ответы на частые вопросы</b>\nВыберите тему:']);
  });

  it('shows the citizen’s own question with its topic, and the follow-up and close buttons while it is answered', async () => {
    const detail = vi.fn(async () => ({
      question: { id: 9, number: 'Q-2026-000009', state: 'answered', createdAt: new Date('2026-12-01T05:00:00Z') },
      topic: topic(3, 'Регистрация НКО'),
      thread: [{ at: new Date('2026-12-01T05:00:00Z'), kind: 'question', text: 'Сколько учредителей нужно?', hasAttachment: false }],
    }));
    const bot = ask({ citizen: { detail } });
    await bot.press(openMyQuestion.encode({ questionId: 9 }));
    expect(detail).toHaveBeenCalledWith(CITIZEN, 9);
    expect(bot.replies()[0]).toContain('Регистрация НКО');
    expect(bot.replies()[0]).toContain('Сколько учредителей нужно?');
    expect(bot.keyboard()).toEqual([['✍️ Уточнить', '✅ Вопрос решён'], ['⬅️ К списку']]);
  });

  it('a question that is not the citizen’s is refused in a window, in their language', async () => {
    const refuse = async () => {
      throw new DomainError('not_found', 'question.not_found');
    };
    const bot = recordingBot([createAskFeature()], { locale: 'kk', citizen: { id: CITIZEN }, services: { consultations: { citizen: { detail: refuse } } } });
    await bot.press(openMyQuestion.encode({ questionId: 99 }));
    expect(bot.replies()).toEqual([]);
    expect(bot.alerts()).toEqual([{ text: 'Сұрақ табылмады.', show_alert: true }]);
  });
});

const CONSULTANT: StaffPrincipal = {
  id: 5,
  login: 'aigerim',
  fullName: 'Айгерим',
  roles: ['consultant'],
  regionId: 1,
  districtId: null,
  departmentId: null,
  locale: 'ru',
};
const QUESTION = { id: 9, number: 'Q-2026-000009' };

describe('a topic’s staff group', () => {
  function group(services: { actorFor?: unknown; actorAtPost?: unknown; claim?: unknown; answer?: unknown }) {
    const refresh = vi.fn(async () => {});
    const stubs = {
      consultations: {
        staffChat: { actorFor: services.actorFor, actorAtPost: services.actorAtPost, refresh },
        staff: { claim: services.claim, answer: services.answer },
      },
      logger: { warn: () => {} },
    } as ServiceStubs;
    return { bot: recordingBot([createQuestionStaffChat()], { citizen: null, services: stubs }), refresh };
  }

  it('«take» by the consultant core names claims the question for them, says so in a window and refreshes the post', async () => {
    const actorFor = vi.fn(async () => ({ question: QUESTION, staff: CONSULTANT }));
    const claim = vi.fn(async () => ({}));
    const { bot, refresh } = group({ actorFor, claim });
    await bot.press(takeQuestion.encode({ questionId: 9 }), { chat: 'group' });
    expect(actorFor).toHaveBeenCalledWith(1001, 9);
    expect(claim).toHaveBeenCalledWith({ type: 'staff', id: 5 }, CONSULTANT, 9);
    expect(bot.alerts()).toEqual([{ text: 'Вопрос ваш. Ответьте на сообщение с вопросом — ответ получит гражданин.', show_alert: true }]);
    expect(refresh).toHaveBeenCalledWith(9, expect.anything());
  });

  it('«take» by someone core refuses is answered with the reason, and nothing is claimed', async () => {
    for (const [refusal, text] of [
      ['not_linked', /привязан к учётной записи/],
      ['out_of_scope', /^Этот вопрос из региона, за который вы не отвечаете\.$/],
      ['not_found', /^Вопрос не найден\.$/],
    ] as const) {
      const claim = vi.fn();
      const { bot, refresh } = group({ actorFor: async () => ({ refusal }), claim });
      await bot.press(takeQuestion.encode({ questionId: 9 }), { chat: 'group' });
      expect(bot.alerts()).toEqual([{ text: expect.stringMatching(text), show_alert: true }]);
      expect(claim).not.toHaveBeenCalled();
      expect(refresh).not.toHaveBeenCalled();
    }
  });

  it('a refusal of the claim (someone was quicker) is shown in the window, and the post is refreshed', async () => {
    const claim = async () => {
      throw new DomainError('conflict', 'question.held_by', { number: 'Q-2026-000009', name: 'Ерлан' });
    };
    const { bot, refresh } = group({ actorFor: async () => ({ question: QUESTION, staff: CONSULTANT }), claim });
    await bot.press(takeQuestion.encode({ questionId: 9 }), { chat: 'group' });
    expect(bot.alerts()).toEqual([{ text: 'Вопрос Q-2026-000009 уже взял(а) Ерлан.', show_alert: true }]);
    expect(refresh).toHaveBeenCalledWith(9, expect.anything());
  });

  it('a reply to a question’s post is the consultant’s answer; the group is told it was sent', async () => {
    const actorAtPost = vi.fn(async () => ({ question: QUESTION, staff: CONSULTANT }));
    const answer = vi.fn(async () => ({}));
    const { bot, refresh } = group({ actorAtPost, answer });
    await bot.send('Нужно не меньше трёх учредителей.', { chat: 'group', replyTo: 77 });
    expect(actorAtPost).toHaveBeenCalledWith(1001, -1_001_234_567, 77);
    expect(answer).toHaveBeenCalledWith({ type: 'staff', id: 5 }, CONSULTANT, 9, { text: 'Нужно не меньше трёх учредителей.' });
    expect(bot.replies()).toEqual(['✅ Ответ на Q-2026-000009 отправлен гражданину (Дана).']);
    expect(refresh).toHaveBeenCalledWith(9, expect.anything());
  });

  it('a reply by someone core refuses gets the reason and answers nobody; a reply to another message passes by', async () => {
    const answer = vi.fn();
    const refused = group({ actorAtPost: async () => ({ refusal: 'no_role' }), answer });
    await refused.bot.send('Я отвечу', { chat: 'group', replyTo: 77 });
    expect(refused.bot.replies()).toEqual(['Брать вопросы и отвечать на них могут только консультанты.']);
    expect(answer).not.toHaveBeenCalled();

    const other = group({ actorAtPost: async () => null, answer });
    await other.bot.send('Коллеги, спасибо', { chat: 'group', replyTo: 78 });
    await other.bot.send('Без ответа на пост', { chat: 'group' });
    expect(other.bot.calls).toEqual([]);
    expect(answer).not.toHaveBeenCalled();
  });
});
