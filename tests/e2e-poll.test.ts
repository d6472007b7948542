// Polls end to end: the whole app (bot by long polling, API, jobs, outbox) against the fake Bot API with
// Telegram's limits, on an injected clock. A project with 50 beneficiaries (44 in Telegram, half Kazakh,
// half Russian; 6 imported without Telegram; one has blocked the bot) is polled in two waves. The first
// wave's sending is cut by a restart of the app, and everyone still gets exactly one invitation; citizens
// answer in both languages in the bot (the others through the service), the non-respondents are
// reminded once, the wave closes at its end and refuses answers; the results and dynamics are checked
// against numbers computed by hand.
import { describe, expect, it } from 'vitest';
import type { ScriptedUser } from './fake-telegram/types.ts';
import { dbTargets } from './helpers/db.ts';
import { act, until, useE2e } from './helpers/e2e.ts';
import { activeProject, at, beneficiaryCitizen, importedBeneficiary, QUESTIONNAIRE } from './helpers/poll-fixtures.ts';

const WAIT = 30_000;

type Sat = 'fully' | 'rather' | 'rather_not' | 'not_at_all' | 'hard_to_say';
interface Answers {
  sat: Sat;
  rating: number;
  events?: Array<'seminar' | 'training' | 'consult'>;
  text?: string;
}

const LABELS = {
  kk: {
    q: (n: number) => `${n}-сұрақ`,
    yes: 'Иә',
    no: 'Жоқ',
    done: '✅ Дайын',
    skip: '⏭ Өткізіп жіберу',
    confirm: 'Жауаптарды жіберейік пе?',
    send: '✅ Жіберу',
    thanks: 'Рақмет!',
    events: { seminar: 'Семинар', training: 'Тренинг', consult: 'Жеке кеңес' },
    invite: 'пікіріңізді сұрайды',
    reminder: 'Еске салу',
    closed: 'Бұл сауалнама жабылды',
    again: 'Сіз бұл сауалнамаға жауап бердіңіз',
  },
  ru: {
    q: (n: number) => `Вопрос ${n}`,
    yes: 'Да',
    no: 'Нет',
    done: '✅ Готово',
    skip: '⏭ Пропустить',
    confirm: 'Отправить ответы?',
    send: '✅ Отправить',
    thanks: 'Спасибо!',
    events: { seminar: 'Семинар', training: 'Тренинг', consult: 'Личная консультация' },
    invite: 'просит вашего мнения',
    reminder: 'Напоминание',
    closed: 'Этот опрос уже закрыт',
    again: 'Вы уже ответили на этот опрос',
  },
} as const;
const SAT_LABELS = {
  kk: {
    fully: 'Толығымен қанағаттандым',
    rather: 'Көбіне қанағаттандым',
    rather_not: 'Көбіне қанағаттанбадым',
    not_at_all: 'Мүлдем қанағаттанбадым',
    hard_to_say: 'Жауап беруге қиналамын',
  },
  ru: {
    fully: 'Полностью удовлетворён(а)',
    rather: 'Скорее удовлетворён(а)',
    rather_not: 'Скорее не удовлетворён(а)',
    not_at_all: 'Совсем не удовлетворён(а)',
    hard_to_say: 'Затрудняюсь ответить',
  },
} as const;

describe.each(dbTargets)('polls end to end (%s)', (target) => {
  // 10 messages a second: the first wave takes a few seconds to send, long enough to cut it by a restart
  const e = useE2e(target, { start: at('2026-05-04T09:00:00'), env: { OUTBOX_RATE_PER_SECOND: '10' } });
  const { fake, app, api, clock, signIn } = e;
  const now = () => clock.now();
  const setClock = (instant: Date) => clock.set(instant);
  const runJob = () => e.runJob('poll-waves', WAIT);

  /** A wave of the poll through the API, opened `openedMsAgo` before now and closing ten days on. */
  const wave = async (pollId: number, labelKk: string, labelRu: string, openedMsAgo: number, extra: object = {}) =>
    (
      await api('POST', `/api/polls/${pollId}/waves`, {
        labelKk,
        labelRu,
        opensAt: new Date(now().getTime() - openedMsAgo),
        closesAt: new Date(now().getTime() + 10 * 86400_000),
        ...extra,
      })
    ).json;

  /** i = 0..43: the people in Telegram; locale, gender, birth year and status vary with i (some "not stated"). */
  interface Person {
    i: number;
    u: ScriptedUser;
    locale: 'kk' | 'ru';
    citizenId: number;
  }
  const people: Person[] = [];
  const GENDER = ['female', 'male', null] as const;
  const BIRTH_YEAR = [1995, 1980, 2005, null] as const; // in 2026: 28–32, 46–58, 17–22, not stated
  const STATUS = ['youth', 'unemployed', 'older-people', 'other', null] as const;
  const received = (p: Person, what: 'invite' | 'reminder') => fake.sentTo(p.u.id).filter((m) => (m.text ?? '').includes(LABELS[p.locale][what])).length;

  async function answerInBot(p: Person, waveId: number, a: Answers): Promise<void> {
    const L = LABELS[p.locale];
    const { u } = p;
    await act(u, () => u.press(`pl:go:${waveId}`), L.q(1));
    await act(u, () => u.pressButton(SAT_LABELS[p.locale][a.sat]), L.q(2));
    await act(u, () => u.pressButton(`${a.rating} ⭐`), L.q(3));
    await act(u, () => u.pressButton(a.events ? L.yes : L.no), L.q(4));
    if (a.events) {
      for (const e of a.events) {
        const label = L.events[e];
        await u.pressButton(`▫️ ${label}`);
        await fake.waitFor((c) => c.method === 'editMessageReplyMarkup' && c.payload.chat_id === u.id && JSON.stringify(c.payload).includes(`✅ ${label}`), {
          timeoutMs: WAIT,
        });
      }
      await act(u, () => u.pressButton(L.done), L.q(5));
    }
    await act(u, () => (a.text ? u.send(a.text) : u.pressButton(L.skip)), L.confirm);
    await act(u, () => u.pressButton(L.send), L.thanks);
  }

  /** The same answers through the service, for the respondents the test does not drive in the bot. */
  async function answerInService(p: Person, waveId: number, q: number[], a: Answers): Promise<void> {
    const c = app.services.polls.citizen;
    await c.answer(p.citizenId, waveId, q[0]!, { choice: a.sat });
    await c.answer(p.citizenId, waveId, q[1]!, { rating: a.rating });
    await c.answer(p.citizenId, waveId, q[2]!, { choice: a.events ? 'yes' : 'no' });
    if (a.events) await c.answer(p.citizenId, waveId, q[3]!, { choices: a.events });
    await c.answer(p.citizenId, waveId, q[4]!, a.text ? { text: a.text } : null);
    await c.submit(p.citizenId, waveId);
  }

  it('runs two waves over 50 beneficiaries: a restart while sending, answers in kk and ru, a reminder, closing, results and dynamics', async () => {
    const { prisma } = app.services;
    // ── the project and its 50 beneficiaries ──
    const project = await activeProject(prisma, { name: 'Жастар ресурстық орталығы' });
    for (let i = 0; i < 44; i++) {
      const locale = i % 2 === 0 ? 'kk' : 'ru';
      const u = fake.user({ language_code: locale, first_name: `Тұрғын${i}` });
      const b = await beneficiaryCitizen(prisma, project.id, {
        locale,
        telegramId: u.id,
        gender: GENDER[i % 3],
        birthYear: BIRTH_YEAR[i % 4],
        socialStatus: STATUS[i % 5],
      });
      people.push({ i, u, locale, citizenId: b.citizenId });
    }
    for (let k = 1; k <= 6; k++) await importedBeneficiary(prisma, project.id, `list-${k}`, { gender: 'female', birthYear: 1970 });
    const blocked = people[43]!;
    await blocked.u.block({ notify: false });

    // ── the questionnaire, built through the API ──
    const poll = (await api('POST', '/api/polls', { projectId: project.id, titleKk: 'Қанағаттану сауалнамасы', titleRu: 'Опрос удовлетворённости' })).json;
    const q: number[] = [];
    for (const { showIf, ...input } of QUESTIONNAIRE) {
      const created = await api('POST', `/api/polls/${poll.id}/questions`, { ...input, showIfQuestionId: showIf ? q[showIf - 1] : null });
      expect(created.status, JSON.stringify(created.json)).toBe(200);
      q.push(created.json.id);
    }

    // ── wave 1: sent to all; the app is stopped after some invitations went out, then started again ──
    const w1 = await wave(poll.id, 'Бастапқы', 'Базовая', 3600_000, { reminderAfterHours: 48 });
    // the wave's own link (and its QR code for posters) enrols followers in the project
    expect(w1.inviteLink).toBe(`https://t.me/${fake.botInfo.username}?start=${w1.startPayload}`);
    const qr = await fetch(`${app.url}/api/polls/waves/${w1.id}/qr.png`, { headers: { authorization: `Bearer ${e.token}` } });
    expect(qr.headers.get('content-type')).toBe('image/png');
    const sent = await api('POST', `/api/polls/waves/${w1.id}/send`);
    expect(sent.json).toMatchObject({ total: 50, unreachable: 6, queued: 44, answered: 0 });
    const invitesOut = () => people.reduce((s, p) => s + received(p, 'invite'), 0);
    await until('some invitations delivered', () => invitesOut() >= 5);
    await app.stop();
    const beforeRestart = invitesOut();
    expect(beforeRestart).toBeLessThan(43);
    await e.start();
    const progress1 = await until(
      'the first wave sent',
      async () => {
        const p = (await api('GET', `/api/polls/waves/${w1.id}/progress`)).json;
        return p.queued === 0 && p;
      },
      undefined,
      WAIT,
    );
    expect(progress1).toMatchObject({ total: 50, unreachable: 6, waiting: 0, queued: 0, sent: 43, blocked: 1, failed: 0 });
    // everyone reachable got exactly one invitation, in their own language; the blocked citizen none
    for (const p of people.slice(0, 43)) expect(received(p, 'invite'), `person ${p.i}`).toBe(1);
    expect(fake.sentTo(blocked.u.id)).toHaveLength(0);

    // ── answers: four in the bot (kk and ru) in parallel, six through the service ──
    const wave1: Answers[] = [
      { sat: 'fully', rating: 5, events: ['seminar', 'consult'], text: 'Кешкі сабақтар көбірек болса екен' },
      { sat: 'fully', rating: 4, events: ['training'], text: 'Больше практики' },
      { sat: 'rather', rating: 4, events: ['seminar'] },
      { sat: 'rather', rating: 3, events: ['consult'] },
      { sat: 'rather', rating: 5, events: ['seminar'] },
      { sat: 'rather_not', rating: 2 },
      { sat: 'not_at_all', rating: 1 },
      { sat: 'hard_to_say', rating: 3 },
      { sat: 'hard_to_say', rating: 4 },
      { sat: 'rather', rating: 4 },
    ];
    await Promise.all([0, 1, 2, 3].map((i) => answerInBot(people[i]!, w1.id, wave1[i]!)));
    for (let i = 4; i < 10; i++) await answerInService(people[i]!, w1.id, q, wave1[i]!);
    // a second answer in the same wave is refused politely
    await act(people[1]!.u, () => people[1]!.u.press(`pl:go:${w1.id}`), LABELS.ru.again);
    expect(await prisma.pollResponse.count({ where: { waveId: w1.id } })).toBe(10);

    // ── the reminder: once, 48 h after delivery, to the 33 who did not answer (not to the blocked one) ──
    setClock(new Date(clock.base.getTime() + 49 * 3600_000));
    await signIn();
    await runJob();
    await until(
      'reminders delivered',
      async () =>
        (await api('GET', `/api/polls/waves/${w1.id}/progress`)).json.reminded === 33 &&
        (await prisma.outboxMessage.count({ where: { kind: 'poll.reminder', status: { in: ['pending', 'sending'] } } })) === 0,
      undefined,
      WAIT,
    );
    await runJob();
    for (const p of people.slice(0, 43)) expect(received(p, 'reminder'), `person ${p.i}`).toBe(p.i < 10 ? 0 : 1);

    // ── the wave closes at its end: the job closes it and the bot refuses ──
    setClock(new Date(w1.closesAt));
    await signIn();
    await runJob();
    expect((await api('GET', `/api/polls/${poll.id}`)).json.waves[0]).toMatchObject({ status: 'closed' });
    await act(people[20]!.u, () => people[20]!.u.press(`pl:go:${w1.id}`), LABELS.kk.closed);

    // ── wave 2: eight respond, two of them in the bot ──
    const w2 = await wave(poll.id, 'Қорытынды', 'Итоговая', 60_000);
    expect(w2.position).toBe(2);
    await api('POST', `/api/polls/waves/${w2.id}/send`);
    await until('the second wave sent', async () => (await api('GET', `/api/polls/waves/${w2.id}/progress`)).json.queued === 0, undefined, WAIT);
    const wave2: Record<number, Answers> = {
      0: { sat: 'fully', rating: 5, events: ['seminar'] },
      1: { sat: 'fully', rating: 5 },
      2: { sat: 'fully', rating: 4 },
      3: { sat: 'rather', rating: 4 },
      10: { sat: 'rather', rating: 4 },
      11: { sat: 'rather', rating: 3 },
      12: { sat: 'hard_to_say', rating: 5 },
      13: { sat: 'rather_not', rating: 2 },
    };
    await Promise.all([0, 1].map((i) => answerInBot(people[i]!, w2.id, wave2[i]!)));
    for (const i of [2, 3, 10, 11, 12, 13]) await answerInService(people[i]!, w2.id, q, wave2[i]!);
    expect((await api('GET', `/api/polls/waves/${w2.id}/progress`)).json).toMatchObject({ total: 50, sent: 43, blocked: 1, answered: 8 });

    // ── results, computed by hand ──
    const r = (await api('GET', `/api/polls/${poll.id}/results`)).json;
    expect(r.waves.map((w: { responses: number }) => w.responses)).toEqual([10, 8]);
    const [sat, rating, attended, events] = r.questions;
    // wave 1: fully 2, rather 4, rather not 1, not at all 1, hard to answer 2 of 10
    expect(sat.waves[0].options.map((o: { share: number }) => o.share)).toEqual([20, 40, 10, 10, 20]);
    // index 6/10 = 60.0 % (hard to answer in the base), 14.8 points under 74.8; mean (2·4+4·3+2+1)/8 = 2.875 → 2.88
    expect(sat.waves[0]).toMatchObject({ base: 10, index: 60, vsBaseline: -14.8, mean: 2.88, meanBase: 8 });
    // wave 2: fully 3, rather 3, rather not 1, hard 1 of 8: 6/8 = 75.0 %; mean (3·4+3·3+2)/7 = 3.2857 → 3.29
    expect(sat.waves[1].options.map((o: { share: number }) => o.share)).toEqual([37.5, 37.5, 12.5, 0, 12.5]);
    expect(sat.waves[1]).toMatchObject({ base: 8, index: 75, vsBaseline: 0.2, mean: 3.29, meanBase: 7 });
    expect(sat.dynamics).toEqual([
      {
        fromWaveId: w1.id,
        toWaveId: w2.id,
        index: 15,
        mean: 0.41,
        shares: [
          { code: 'fully', change: 17.5 },
          { code: 'rather', change: -2.5 },
          { code: 'rather_not', change: 2.5 },
          { code: 'not_at_all', change: -10 },
          { code: 'hard_to_say', change: -7.5 },
        ],
      },
    ]);
    // ratings: 35/10 = 3.5, then 32/8 = 4.0
    expect(rating.waves.map((w: { mean: number }) => w.mean)).toEqual([3.5, 4]);
    expect(rating.dynamics[0].mean).toBe(0.5);
    expect(attended.waves[0].options).toEqual([
      { code: 'yes', count: 5, share: 50 },
      { code: 'no', count: 5, share: 50 },
    ]);
    // the follow-up was shown only to the five who took part: seminar 3, training 1, consult 2 of 5
    expect(events.waves[0]).toMatchObject({ base: 5, skipped: 0 });
    expect(events.waves[0].options.map((o: { count: number; share: number }) => [o.count, o.share])).toEqual([
      [3, 60],
      [1, 20],
      [2, 40],
    ]);
    // breakdowns of wave 1 (gender by i mod 3, birth year by i mod 4, status by i mod 5)
    const cell = (w: number, dimension: string, value: string) =>
      sat.waves[w].breakdown.find((c: { dimension: string; value: string }) => c.dimension === dimension && c.value === value);
    // women 0, 3, 6, 9: fully, rather, not at all, rather → 3/4 = 75.0 %, mean 11/4 = 2.75
    expect(cell(0, 'gender', 'female')).toMatchObject({ base: 4, index: 75, mean: 2.75 });
    // men 1, 4, 7: fully, rather, hard → 66.7 %, mean 3.5
    expect(cell(0, 'gender', 'male')).toMatchObject({ base: 3, index: 66.7, mean: 3.5 });
    // not stated 2, 5, 8: rather, rather not, hard → 33.3 %, mean 2.5
    expect(cell(0, 'gender', 'not_stated')).toMatchObject({ base: 3, index: 33.3, mean: 2.5 });
    // born 1995 (28–32): 0, 4, 8 → fully, rather, hard → 66.7 %; no birth year: 3, 7 → rather, hard → 50.0 %
    expect(cell(0, 'age', 'age-28-32')).toMatchObject({ base: 3, index: 66.7, mean: 3.5 });
    expect(cell(0, 'age', 'not_stated')).toMatchObject({ base: 2, index: 50, mean: 3 });
    // no social status: 4, 9 → rather, rather
    expect(cell(0, 'status', 'not_stated')).toMatchObject({ base: 2, index: 100, mean: 3 });
    // wave 2: women 0, 3, 12 → fully, rather, hard → 66.7 %, 3.5; not stated 2, 11 → fully, rather → 100 %, 3.5
    expect(cell(1, 'gender', 'female')).toMatchObject({ base: 3, index: 66.7, mean: 3.5 });
    expect(cell(1, 'gender', 'not_stated')).toMatchObject({ base: 2, index: 100, mean: 3.5 });
    // free text listed with the respondent (the poll is not anonymous), in the language it was written
    expect(r.texts.map((x: { text: string }) => x.text).sort()).toEqual(['Больше практики', 'Кешкі сабақтар көбірек болса екен']);

    const xlsx = await fetch(`${app.url}/api/polls/${poll.id}/results/export?format=xlsx&lang=kk`, { headers: { authorization: `Bearer ${e.token}` } });
    expect(xlsx.status).toBe(200);
    expect(decodeURIComponent(xlsx.headers.get('content-disposition') ?? '')).toContain('Сауалнама нәтижелері');
  }, 240_000);
});
