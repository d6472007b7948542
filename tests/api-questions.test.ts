// The consultant's side of citizens' questions through the admin API: the queue in scope (oldest first,
// who holds what), the thread with internal notes and nothing of the asker but a consented first name,
// claiming (one of two concurrent claims wins), release, hand-over with a notice, the answer reaching the
// citizen in their language with the follow-up / resolved buttons, closing with a result, promoting an
// answer into the knowledge base, and the topics' deadlines. Every step is in the thread and the audit log.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Citizen, ConsultationTopic, PrismaClient, Question } from '../generated/prisma/client.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { bearer as as, useApiApp } from './helpers/api-app.ts';
import { makeCitizen, makeQuestion, type QuestionFixture } from './helpers/consult-fixtures.ts';
import { sentParams } from './helpers/outbox.ts';
import { dbTargets } from './helpers/db.ts';

const HOUR = 3_600_000;
const i18n = createI18n();
const kk = i18n.getFixedT('kk');
const ru = i18n.getFixedT('ru');

describe.each(dbTargets)('questions API (%s)', (target) => {
  const api = useApiApp(target);
  let services: ServicesWithDb;
  let prisma: PrismaClient;
  let app: typeof api.app;
  let admin: string;
  let regionA: number;
  let regionB: number;
  let topic: ConsultationTopic;
  let otherTopic: ConsultationTopic;
  let kkCitizen: Citizen;
  let ruCitizen: Citizen;
  const staff: Record<string, { id: number; token: string }> = {};

  const post = (url: string, payload: unknown, token = admin) =>
    app.inject({ method: 'POST', url, headers: as(token), payload: payload as Record<string, unknown> });
  const get = (url: string, token = admin) => app.inject({ method: 'GET', url, headers: as(token) });
  const row = (id: number) => prisma.question.findUniqueOrThrow({ where: { id } });
  const ask = (f: Partial<QuestionFixture> = {}) => makeQuestion(prisma, { citizenId: kkCitizen.id, topicId: topic.id, regionId: regionA, ...f });
  const outboxFor = (citizen: Citizen) => prisma.outboxMessage.findMany({ where: { chatId: citizen.telegramId }, orderBy: { id: 'asc' } });

  async function account(
    login: string,
    roles: Array<'consultant' | 'operator'>,
    scope: { regionId?: number } = {},
    extra: { telegramId?: bigint; locale?: 'kk' | 'ru' } = {},
  ) {
    staff[login] = await api.staff({ login, fullName: `Консультант ${login}`, password: `${login}-password-1`, roles, ...scope, ...extra });
  }

  beforeAll(async () => {
    ({ services, app, adminToken: admin } = api);
    prisma = services.prisma;
    const regions = await prisma.region.findMany({ orderBy: { id: 'asc' } });
    [regionA, regionB] = [regions[0]!.id, regions[1]!.id];
    const topics = await prisma.consultationTopic.findMany({ orderBy: { sort: 'asc' } });
    [topic, otherTopic] = [topics[0]!, topics[1]!];
    kkCitizen = await makeCitizen(prisma, { locale: 'kk', name: 'Айгүл Сәрсенова', phone: '+77011234567' });
    ruCitizen = await makeCitizen(prisma, { locale: 'ru', name: 'Иван', consent: true });
    await account('cons-a', ['consultant'], { regionId: regionA });
    await account('cons-a2', ['consultant'], { regionId: regionA }, { telegramId: 4_400_001n, locale: 'kk' });
    await account('cons-b', ['consultant'], { regionId: regionB });
    await account('cons-all', ['consultant']);
    await account('operator', ['operator']);
  });

  describe('the queue', () => {
    let q: Record<'old' | 'elsewhere' | 'noRegion' | 'closed' | 'late' | 'otherTopic', Question>;
    beforeEach(async () => {
      await prisma.consultation.deleteMany();
      await prisma.question.deleteMany();
      const now = Date.now();
      q = {
        old: await ask({ createdAt: new Date(now - 50 * HOUR), dueAt: new Date(now + HOUR) }),
        elsewhere: await ask({ regionId: regionB, createdAt: new Date(now - 40 * HOUR) }),
        noRegion: await ask({ regionId: null, createdAt: new Date(now - 30 * HOUR) }),
        closed: await ask({ createdAt: new Date(now - 20 * HOUR), state: 'closed' }),
        late: await ask({ createdAt: new Date(now - 10 * HOUR), dueAt: new Date(now - HOUR) }),
        otherTopic: await ask({ topicId: otherTopic.id, createdAt: new Date(now - 5 * HOUR) }),
      };
    });

    const ids = async (query: string, token: string) => {
      const res = await get(`/api/questions${query}`, token);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: { id: number }) => i.id);
    };

    it('shows a consultant the open questions of their region and those without one, oldest first', async () => {
      expect(await ids('', staff['cons-a']!.token)).toEqual([q.old.id, q.noRegion.id, q.late.id, q.otherTopic.id]);
      expect(await ids('', staff['cons-b']!.token)).toEqual([q.elsewhere.id, q.noRegion.id]);
      expect(await ids('', admin)).toEqual([q.old.id, q.elsewhere.id, q.noRegion.id, q.late.id, q.otherTopic.id]);
      expect(await ids('?state=closed', admin)).toEqual([q.closed.id]);
    });

    it('filters by topic, age, region, holder and overdue, and pages with a cursor', async () => {
      const token = staff['cons-all']!.token;
      expect(await ids(`?topicId=${otherTopic.id}`, token)).toEqual([q.otherTopic.id]);
      expect(await ids('?olderThanHours=24', token)).toEqual([q.old.id, q.elsewhere.id, q.noRegion.id]);
      expect(await ids(`?regionId=${regionB}`, token)).toEqual([q.elsewhere.id]);
      expect(await ids('?overdue=true', token)).toEqual([q.late.id]);
      expect(await ids('?overdue=false', token)).not.toContain(q.late.id);

      expect((await post(`/api/questions/${q.noRegion.id}/claim`, {}, token)).statusCode).toBe(200);
      expect(await ids('?consultant=mine', token)).toEqual([q.noRegion.id]);
      expect(await ids(`?consultant=${staff['cons-all']!.id}`, admin)).toEqual([q.noRegion.id]);
      expect(await ids('?consultant=none', token)).not.toContain(q.noRegion.id);

      const first = await get('/api/questions?limit=2', token);
      expect(first.json().items.map((i: { id: number }) => i.id)).toEqual([q.old.id, q.elsewhere.id]);
      const second = await get(`/api/questions?limit=2&cursor=${first.json().nextCursor}`, token);
      expect(second.json().items.map((i: { id: number }) => i.id)).toEqual([q.noRegion.id, q.late.id]);
      const last = await get(`/api/questions?limit=2&cursor=${second.json().nextCursor}`, token);
      expect(last.json()).toMatchObject({ items: [{ id: q.otherTopic.id }], nextCursor: null });
    });

    it('shows who holds each question, the pending deadline and whether it is overdue', async () => {
      await post(`/api/questions/${q.old.id}/claim`, {}, staff['cons-a']!.token);
      const items = (await get('/api/questions', staff['cons-a2']!.token)).json().items as Array<{
        id: number;
        holder: unknown;
        overdue: boolean;
        dueAt: string;
      }>;
      expect(items.find((i) => i.id === q.old.id)).toMatchObject({
        holder: { id: staff['cons-a']!.id, fullName: 'Консультант cons-a' },
        overdue: false,
        state: 'claimed',
      });
      expect(items.find((i) => i.id === q.late.id)).toMatchObject({ holder: null, overdue: true, dueAt: q.late.dueAt.toISOString() });
    });

    it('is for consultants and admins only, and refuses bad filters', async () => {
      expect((await get('/api/questions', staff.operator!.token)).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/questions' })).statusCode).toBe(401);
      for (const query of ['?state=lost', '?consultant=someone', '?olderThanHours=0', '?limit=500']) {
        const res = await get(`/api/questions${query}`, staff['cons-a']!.token);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error.code).toBe('validation');
      }
    });
  });

  describe('the detail', () => {
    it('has the whole thread with internal notes and who wrote them, the first name only with consent, never the phone', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/notes`, { text: 'Уточнить у юриста' }, staff['cons-a']!.token);
      await post(`/api/questions/${question.id}/answer`, { text: 'Жауап мәтіні' }, staff['cons-a']!.token);
      const res = await get(`/api/questions/${question.id}`, staff['cons-a2']!.token);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d).toMatchObject({ citizenFirstName: 'Айгүл', citizenLocale: 'kk', text: question.text, state: 'answered' });
      expect(d.thread.map((m: { kind: string }) => m.kind)).toEqual(['question', 'note', 'claim', 'answer']);
      expect(d.thread[1]).toMatchObject({
        kind: 'note',
        authorType: 'staff',
        staff: { id: staff['cons-a']!.id, fullName: 'Консультант cons-a' },
        text: 'Уточнить у юриста',
      });
      expect(res.body).not.toContain('7011234567');
      expect(res.body).not.toContain('Сәрсенова');

      const stranger = await makeCitizen(prisma, { consent: false, name: 'Берік' });
      const withoutConsent = await ask({ citizenId: stranger.id });
      expect((await get(`/api/questions/${withoutConsent.id}`)).json().citizenFirstName).toBeNull();
    });

    it('is refused outside the consultant’s region (403) and for an unknown id (404)', async () => {
      const question = await ask();
      const res = await get(`/api/questions/${question.id}`, staff['cons-b']!.token);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.out_of_scope');
      expect((await post(`/api/questions/${question.id}/claim`, {}, staff['cons-b']!.token)).statusCode).toBe(403);
      const missing = await get('/api/questions/999999');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('question.not_found');
    });
  });

  describe('claim, release, hand-over', () => {
    it('of concurrent claims exactly one wins; the others get 409 naming the holder', async () => {
      const question = await ask();
      const logins = ['cons-a', 'cons-a2', 'cons-all'];
      const results = await Promise.all(logins.map((login) => post(`/api/questions/${question.id}/claim`, {}, staff[login]!.token)));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const winner = logins[results.findIndex((r) => r.statusCode === 200)]!;
      for (const loser of results.filter((r) => r.statusCode === 409)) {
        expect(loser.json().error).toMatchObject({
          code: 'question.held_by',
          message: ru('errors:question.held_by', { number: question.number, name: `Консультант ${winner}` }),
        });
      }
      expect(await row(question.id)).toMatchObject({ consultantId: staff[winner]!.id, state: 'claimed' });
      expect(await prisma.questionMessage.count({ where: { questionId: question.id, kind: 'claim' } })).toBe(1);
      expect(await prisma.auditLog.count({ where: { entity: 'question', entityId: String(question.id), action: 'question.claim' } })).toBe(1);
      // Claiming again is harmless for the holder.
      expect((await post(`/api/questions/${question.id}/claim`, {}, staff[winner]!.token)).statusCode).toBe(200);
    });

    it('a 409 in Kazakh for a caller who asks in Kazakh', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/claim`, {}, staff['cons-a']!.token);
      const res = await app.inject({
        method: 'POST',
        url: `/api/questions/${question.id}/claim`,
        headers: { ...as(staff['cons-a2']!.token), 'accept-language': 'kk' },
      });
      expect(res.json().error.message).toBe(kk('errors:question.held_by', { number: question.number, name: 'Консультант cons-a' }));
    });

    it('release: the holder or an admin; anyone else is refused; the holder hears of an admin’s release', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/claim`, {}, staff['cons-a2']!.token);
      const other = await post(`/api/questions/${question.id}/release`, {}, staff['cons-a']!.token);
      expect(other.statusCode).toBe(403);
      expect(other.json().error.code).toBe('question.not_holder');

      const byAdmin = await post(`/api/questions/${question.id}/release`, {});
      expect(byAdmin.statusCode, byAdmin.body).toBe(200);
      expect(byAdmin.json()).toMatchObject({ state: 'waiting', holder: null });
      const notice = await prisma.staffNotice.findFirstOrThrow({ where: { staffUserId: staff['cons-a2']!.id, kind: 'question.released' } });
      expect(notice.text).toContain(kk('consultations:staff.released', { number: question.number, by: 'admin' }).split(':')[0]!);
      expect(await prisma.outboxMessage.count({ where: { chatId: 4_400_001n, kind: 'question.released' } })).toBe(1);

      expect((await post(`/api/questions/${question.id}/release`, {})).json().error.code).toBe('question.not_held');
      await post(`/api/questions/${question.id}/claim`, {}, staff['cons-a']!.token);
      expect((await post(`/api/questions/${question.id}/release`, {}, staff['cons-a']!.token)).statusCode).toBe(200);
      const kinds = await prisma.questionMessage.findMany({ where: { questionId: question.id }, orderBy: { id: 'asc' } });
      expect(kinds.map((m) => [m.kind, m.staffUserId])).toEqual([
        ['question', null],
        ['claim', staff['cons-a2']!.id],
        ['release', (await prisma.staffUser.findUniqueOrThrow({ where: { login: 'admin' } })).id],
        ['claim', staff['cons-a']!.id],
        ['release', staff['cons-a']!.id],
      ]);
    });

    it('hand-over to another active consultant in scope: the new holder gets a notice (Telegram if linked) with the note', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/claim`, {}, staff['cons-a']!.token);
      const res = await post(
        `/api/questions/${question.id}/handover`,
        { consultantId: staff['cons-a2']!.id, note: 'Бұл салық мәселесі, сізге' },
        staff['cons-a']!.token,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ state: 'claimed', holder: { id: staff['cons-a2']!.id } });
      const m = await prisma.questionMessage.findFirstOrThrow({ where: { questionId: question.id, kind: 'handover' } });
      expect(m).toMatchObject({
        staffUserId: staff['cons-a']!.id,
        text: 'Бұл салық мәселесі, сізге',
        data: { from: staff['cons-a']!.id, to: staff['cons-a2']!.id },
      });
      const notice = await prisma.staffNotice.findFirstOrThrow({ where: { staffUserId: staff['cons-a2']!.id, kind: 'question.handover' } });
      expect(notice.text).toContain(kk('consultations:staff.handover', { number: question.number, from: 'Консультант cons-a' }));
      expect(notice.text).toContain('Бұл салық мәселесі, сізге');
      const telegram = await prisma.outboxMessage.findMany({ where: { chatId: 4_400_001n, kind: 'question.handover' } });
      expect(telegram.map((t) => sentParams(t).text)).toEqual([notice.text]);
      expect(await prisma.auditLog.count({ where: { entityId: String(question.id), action: 'question.handover' } })).toBe(1);

      // The previous holder has no say any more.
      const late = await post(`/api/questions/${question.id}/handover`, { consultantId: staff['cons-all']!.id }, staff['cons-a']!.token);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('question.held_by');
    });

    it('refuses a hand-over to an operator, a consultant of another region, the same holder or nobody known', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/claim`, {}, staff['cons-a']!.token);
      for (const [who, code] of [
        [staff.operator!.id, 'question.bad_consultant'],
        [staff['cons-b']!.id, 'question.bad_consultant'],
        [999_999, 'question.bad_consultant'],
        [staff['cons-a']!.id, 'question.same_consultant'],
      ] as const) {
        const res = await post(`/api/questions/${question.id}/handover`, { consultantId: who }, staff['cons-a']!.token);
        expect(res.statusCode, String(who)).toBe(400);
        expect(res.json().error.code).toBe(code);
      }
      expect((await row(question.id)).consultantId).toBe(staff['cons-a']!.id);
    });
  });

  describe('answering', () => {
    it('a waiting question is claimed by answering; the citizen gets it in Kazakh with the follow-up and resolved buttons', async () => {
      const question = await ask();
      const res = await post(`/api/questions/${question.id}/answer`, { text: 'ҮЕҰ-ны әділет органында тіркейді.' }, staff['cons-a']!.token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ state: 'answered', holder: { id: staff['cons-a']!.id } });
      const after = await row(question.id);
      expect(after.firstAnsweredAt).not.toBeNull();
      expect(after.lastAnsweredAt).toEqual(after.firstAnsweredAt);

      const [message] = await outboxFor(kkCitizen).then((rows) =>
        rows.filter((r) => r.kind === 'question.answer' && sentParams(r).text.includes(question.number)),
      );
      expect(message!.citizenId).toBe(kkCitizen.id);
      const p = sentParams(message!);
      expect(p.text).toBe(`${kk('consultations:answer.title', { number: question.number })}\n\nҮЕҰ-ны әділет органында тіркейді.`);
      expect(p.text.startsWith(`${question.number} сұрағыңызға жауап:`)).toBe(true);
      expect(p.reply_markup!.inline_keyboard).toEqual([
        [
          { text: kk('consultations:answer.more'), callback_data: `qa:more:${question.id}` },
          { text: kk('consultations:answer.resolved'), callback_data: `qa:close:${question.id}` },
        ],
      ]);

      // The log keeps itself: an entry with the response time.
      const entry = await prisma.consultation.findUniqueOrThrow({ where: { questionId: question.id } });
      expect(entry).toMatchObject({
        channel: 'bot',
        result: 'answered',
        consultantId: staff['cons-a']!.id,
        responseMinutes: Math.round((after.firstAnsweredAt!.getTime() - question.createdAt.getTime()) / 60_000),
      });
      const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: String(question.id), action: 'question.answer' } });
      expect(audit).toMatchObject({ actorType: 'staff', actorId: String(staff['cons-a']!.id) });
    });

    it('a Russian citizen gets Russian; a follow-up answered later keeps the first answer’s time and clears the follow-up', async () => {
      const question = await ask({ citizenId: ruCitizen.id });
      await post(`/api/questions/${question.id}/answer`, { text: 'Первый ответ' }, staff['cons-a']!.token);
      const first = await row(question.id);
      // The citizen's follow-up, as their side records it.
      await prisma.question.update({ where: { id: question.id }, data: { state: 'claimed', followUpAt: new Date(), overdueNotifiedAt: new Date() } });
      await prisma.questionMessage.create({ data: { questionId: question.id, kind: 'followup', authorType: 'citizen', text: 'А сколько стоит?' } });
      await new Promise((r) => setTimeout(r, 5));
      expect((await post(`/api/questions/${question.id}/answer`, { text: 'Бесплатно' }, staff['cons-a']!.token)).statusCode).toBe(200);
      const second = await row(question.id);
      expect(second).toMatchObject({ state: 'answered', firstAnsweredAt: first.firstAnsweredAt, followUpAt: null, overdueNotifiedAt: null, escalatedAt: null });
      expect(second.lastAnsweredAt!.getTime()).toBeGreaterThan(first.lastAnsweredAt!.getTime());
      const texts = (await outboxFor(ruCitizen)).filter((r) => r.kind === 'question.answer').map((r) => sentParams(r).text);
      expect(texts.slice(-2)).toEqual([`Ответ на ваш вопрос ${question.number}:\n\nПервый ответ`, `Ответ на ваш вопрос ${question.number}:\n\nБесплатно`]);
    });

    it('only the holder answers: another consultant gets 409 naming the holder', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/claim`, {}, staff['cons-a']!.token);
      const res = await post(`/api/questions/${question.id}/answer`, { text: 'Мой ответ' }, staff['cons-a2']!.token);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('question.held_by');
      expect(await prisma.questionMessage.count({ where: { questionId: question.id, kind: 'answer' } })).toBe(0);
    });

    it('a link goes with the answer: on the same message, or right after when both would not fit', async () => {
      const question = await ask({ citizenId: ruCitizen.id });
      const link = { url: 'https://egov.kz/cms/ru/services/business_registration', title: 'Форма заявления' };
      expect((await post(`/api/questions/${question.id}/answer`, { text: 'Заполните форму', attachment: link }, staff['cons-a']!.token)).statusCode).toBe(200);
      const short = (await outboxFor(ruCitizen)).filter((r) => sentParams(r).text.includes(question.number) || sentParams(r).text.includes(link.url));
      expect(short.map((r) => sentParams(r).text)).toEqual([`Ответ на ваш вопрос ${question.number}:\n\nЗаполните форму\n\n🔗 Форма заявления: ${link.url}`]);
      const stored = await prisma.questionMessage.findFirstOrThrow({ where: { questionId: question.id, kind: 'answer' } });
      expect(stored.attachment).toEqual({ kind: 'link', url: link.url, title: 'Форма заявления' });
      expect((await get(`/api/questions/${question.id}`)).json().thread.at(-1).attachment).toMatchObject({
        kind: 'link',
        url: link.url,
        title: 'Форма заявления',
      });

      const long = await ask({ citizenId: ruCitizen.id });
      const before = (await outboxFor(ruCitizen)).length;
      const url = `${link.url}?utm_source=${'x'.repeat(100)}`;
      expect((await post(`/api/questions/${long.id}/answer`, { text: 'я'.repeat(4000), attachment: { url } }, staff['cons-a']!.token)).statusCode).toBe(200);
      const two = (await outboxFor(ruCitizen)).slice(before);
      expect(two.map((r) => sentParams(r).text.length <= 4096)).toEqual([true, true]);
      expect(sentParams(two[0]!).text).toBe(`Ответ на ваш вопрос ${long.number}:\n\n${'я'.repeat(4000)}`);
      expect(sentParams(two[0]!).reply_markup).toBeDefined();
      expect(sentParams(two[1]!).text).toBe(`🔗 ${url}`);
    });

    it('refuses an empty or over-long answer and a link that is not https, with clear errors, and changes nothing', async () => {
      const question = await ask();
      const cases: Array<[unknown, string]> = [
        [{ text: '' }, 'question.answer_empty'],
        [{ text: '   \n ' }, 'question.answer_empty'],
        [{ text: 'ж'.repeat(4001) }, 'question.answer_long'],
        [{ text: 'Жауап', attachment: { url: 'http://example.kz/form' } }, 'question.bad_link'],
        [{ text: 'Жауап', attachment: { url: 'javascript:alert(1)' } }, 'question.bad_link'],
      ];
      for (const [payload, code] of cases) {
        const res = await post(`/api/questions/${question.id}/answer`, payload, staff['cons-a']!.token);
        expect(res.statusCode, code).toBe(400);
        expect(res.json().error.code).toBe(code);
      }
      expect((await post(`/api/questions/${question.id}/answer`, { text: 'ж'.repeat(4001) }, staff['cons-a']!.token)).json().error.message).toBe(
        ru('errors:question.answer_long', { max: 4000 }),
      );
      const missing = await post(`/api/questions/${question.id}/answer`, {}, staff['cons-a']!.token);
      expect(missing.json().error.code).toBe('validation');
      expect(await row(question.id)).toMatchObject({ state: 'waiting', consultantId: null, firstAnsweredAt: null });
      expect(await prisma.questionMessage.count({ where: { questionId: question.id } })).toBe(1);
    });

    it('an answer of exactly 4000 characters is taken', async () => {
      const question = await ask();
      expect((await post(`/api/questions/${question.id}/answer`, { text: 'ж'.repeat(4000) }, staff['cons-a']!.token)).statusCode).toBe(200);
    });
  });

  describe('notes and closing', () => {
    it('an internal note is in the thread and the audit log, never in the outbox; empty and long notes are refused', async () => {
      const question = await ask();
      const before = await prisma.outboxMessage.count();
      const res = await post(`/api/questions/${question.id}/notes`, { text: 'Гражданин звонил, просит ускорить' }, staff['cons-a2']!.token);
      expect(res.statusCode, res.body).toBe(200);
      expect(await prisma.outboxMessage.count()).toBe(before);
      expect(await prisma.questionMessage.findFirstOrThrow({ where: { questionId: question.id, kind: 'note' } })).toMatchObject({
        authorType: 'staff',
        staffUserId: staff['cons-a2']!.id,
      });
      expect(await prisma.auditLog.count({ where: { entityId: String(question.id), action: 'question.note' } })).toBe(1);
      expect((await post(`/api/questions/${question.id}/notes`, { text: ' ' }, staff['cons-a2']!.token)).json().error.code).toBe('question.note_empty');
      expect((await post(`/api/questions/${question.id}/notes`, { text: 'x'.repeat(2001) }, staff['cons-a2']!.token)).json().error.code).toBe(
        'question.note_long',
      );
    });

    it('referred: the note is required and reaches the citizen in their language; the log records the result', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/claim`, {}, staff['cons-a']!.token);
      const bare = await post(`/api/questions/${question.id}/close`, { result: 'referred' }, staff['cons-a']!.token);
      expect(bare.statusCode).toBe(400);
      expect(bare.json().error.code).toBe('question.close_note_empty');

      const res = await post(
        `/api/questions/${question.id}/close`,
        { result: 'referred', note: 'Әділет департаментіне хабарласыңыз: 8 7172 00 00 00' },
        staff['cons-a']!.token,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(await row(question.id)).toMatchObject({ state: 'closed', result: 'referred', consultantId: staff['cons-a']!.id });
      const told = (await outboxFor(kkCitizen)).filter((r) => r.kind === 'question.closed' && sentParams(r).text.includes(question.number));
      expect(told.map((r) => sentParams(r).text)).toEqual([
        `${kk('consultations:close.referred', { number: question.number })}\n\nӘділет департаментіне хабарласыңыз: 8 7172 00 00 00`,
      ]);
      expect(await prisma.consultation.findUniqueOrThrow({ where: { questionId: question.id } })).toMatchObject({ result: 'referred', responseMinutes: null });

      const again = await post(`/api/questions/${question.id}/close`, { result: 'answered' }, staff['cons-a']!.token);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('question.already_closed');
    });

    it('answered needs an answer; its note stays internal; an unheld question is taken by whoever closes it', async () => {
      const question = await ask({ citizenId: ruCitizen.id });
      const early = await post(`/api/questions/${question.id}/close`, { result: 'answered' }, staff['cons-a']!.token);
      expect(early.json().error.code).toBe('question.close_unanswered');
      await post(`/api/questions/${question.id}/answer`, { text: 'Ответ' }, staff['cons-a']!.token);
      const sent = await prisma.outboxMessage.count();
      expect((await post(`/api/questions/${question.id}/close`, { result: 'answered', note: 'для себя' })).statusCode).toBe(200);
      expect(await prisma.outboxMessage.count()).toBe(sent);

      const spam = await ask();
      const res = await post(
        `/api/questions/${spam.id}/close`,
        { result: 'not_in_scope', note: 'Вопрос о ремонте дороги: обратитесь в акимат через «Азаматтық бақылау».' },
        staff['cons-a2']!.token,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(await row(spam.id)).toMatchObject({ state: 'closed', result: 'not_in_scope', consultantId: staff['cons-a2']!.id });
      expect(await prisma.consultation.findUniqueOrThrow({ where: { questionId: spam.id } })).toMatchObject({
        result: 'not_in_scope',
        consultantId: staff['cons-a2']!.id,
      });
    });

    it('another consultant cannot close a held question; bad results are refused', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/claim`, {}, staff['cons-a']!.token);
      expect((await post(`/api/questions/${question.id}/close`, { result: 'not_in_scope', note: 'нет' }, staff['cons-a2']!.token)).json().error.code).toBe(
        'question.held_by',
      );
      expect((await post(`/api/questions/${question.id}/close`, { result: 'self_served' }, staff['cons-a']!.token)).json().error.code).toBe('validation');
      expect((await row(question.id)).state).toBe('claimed');
    });
  });

  describe('promoting an answer', () => {
    it('makes a draft article from the last answer in the language it was written; the other language is required', async () => {
      const question = await ask();
      await post(`/api/questions/${question.id}/answer`, { text: 'Қоғамдық бірлестік әділет органында тіркеледі.' }, staff['cons-a']!.token);
      const titles = { titleKk: 'ҮЕҰ-ны қалай тіркеуге болады', titleRu: 'Как зарегистрировать НПО' };
      const half = await post(`/api/questions/${question.id}/promote`, titles, staff['cons-a']!.token);
      expect(half.statusCode).toBe(400);
      expect(half.json().error.code).toBe('faq.translation_ru');

      const res = await post(
        `/api/questions/${question.id}/promote`,
        { ...titles, bodyRu: 'Общественное объединение регистрируется в органах юстиции.' },
        staff['cons-a']!.token,
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        ...titles,
        bodyKk: 'Қоғамдық бірлестік әділет органында тіркеледі.',
        published: false,
        sourceQuestionId: question.id,
        topicId: topic.id,
        createdById: staff['cons-a']!.id,
      });
      expect(await prisma.auditLog.count({ where: { action: 'faq.promote', entityId: String(res.json().id) } })).toBe(1);
      expect((await get(`/api/questions/${question.id}`)).json().thread.at(-1)).toMatchObject({
        kind: 'promote',
        staff: { id: staff['cons-a']!.id },
        data: { articleId: res.json().id },
      });

      const unanswered = await ask();
      expect((await post(`/api/questions/${unanswered.id}/promote`, { ...titles, bodyRu: 'x' }, staff['cons-a']!.token)).json().error.code).toBe(
        'faq.no_answer',
      );
    });
  });

  describe('topics', () => {
    it('lists topics with their deadlines; admins change the deadline, the group and availability (audited)', async () => {
      const list = await get('/api/consultation-topics', staff['cons-a']!.token);
      expect(list.statusCode).toBe(200);
      expect(list.json()[0]).toMatchObject({ id: topic.id, code: topic.code, responseDays: 2, telegramChatId: null, active: true });

      const res = await app.inject({
        method: 'PATCH',
        url: `/api/consultation-topics/${otherTopic.id}`,
        headers: as(admin),
        payload: { responseDays: 3, telegramChatId: '-1001234567890' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ responseDays: 3, telegramChatId: '-1001234567890' });
      expect(await prisma.auditLog.findFirstOrThrow({ where: { action: 'consultation_topic.update', entityId: String(otherTopic.id) } })).toMatchObject({
        before: { responseDays: 2, telegramChatId: null },
        after: { responseDays: 3, telegramChatId: '-1001234567890' },
      });
      const off = await app.inject({
        method: 'PATCH',
        url: `/api/consultation-topics/${otherTopic.id}`,
        headers: as(admin),
        payload: { telegramChatId: null, responseDays: 2 },
      });
      expect(off.json()).toMatchObject({ telegramChatId: null, responseDays: 2 });

      const byConsultant = await app.inject({
        method: 'PATCH',
        url: `/api/consultation-topics/${otherTopic.id}`,
        headers: as(staff['cons-a']!.token),
        payload: { responseDays: 5 },
      });
      expect(byConsultant.statusCode).toBe(403);
      for (const payload of [{ responseDays: 0 }, { responseDays: 31 }, { telegramChatId: '12345' }, {}]) {
        const bad = await app.inject({ method: 'PATCH', url: `/api/consultation-topics/${otherTopic.id}`, headers: as(admin), payload });
        expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      }
      expect((await prisma.consultationTopic.findUniqueOrThrow({ where: { id: otherTopic.id } })).responseDays).toBe(2);
    });
  });
});
