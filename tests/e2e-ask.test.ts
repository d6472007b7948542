// Consultations end to end: the whole app (bot by long polling, API, outbox) against the fake Bot API.
// A question in Kazakh gets a knowledge-base suggestion, is declined and queued, a consultant claims
// and answers it through the API, the citizen follows up, gets the second answer, closes and rates it,
// and the consultation log shows it with the right response time and rating.
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { act, onboard, useE2e } from './helpers/e2e.ts';

describe.each(dbTargets)('consultations end to end (%s)', (target) => {
  const { fake, app, api, clock } = useE2e(target);

  it('suggests, queues, is claimed and answered, followed up, rated, and logged with the response time', async () => {
    const topic = await app.services.prisma.consultationTopic.findUniqueOrThrow({ where: { code: 'ngo-registration-governance' } });
    const article = await api('POST', '/api/faq', {
      topicId: topic.id,
      published: true,
      titleKk: 'Қоғамдық бірлестікті қалай тіркеуге болады',
      titleRu: 'Как зарегистрировать общественное объединение',
      bodyKk: 'Қоғамдық бірлестікті тіркеу үшін eGov арқылы әділет органдарына жарғы мен құрылтай жиналысының хаттамасын беріңіз.',
      bodyRu: 'Для регистрации общественного объединения подайте в органы юстиции через eGov устав и протокол учредительного собрания.',
    });
    expect(article.status).toBe(201);
    expect(
      (await api('POST', '/api/staff', { login: 'aliya', password: 'consultant-password-1', fullName: 'Әлия Сейітова', roles: ['consultant'] })).status,
    ).toBe(201);
    const consultant = (await api('POST', '/api/auth/login', { login: 'aliya', password: 'consultant-password-1' }, '')).json.token as string;

    // ── the citizen asks in Kazakh; the knowledge base is offered first ──
    const u = await onboard(fake, 'kk', 'Бауыржан');
    await act(u, () => u.send('❓ Сұрақ қою'), 'Ресурстық орталықтың кеңестері');
    await act(u, () => u.pressButton('❓ Сұрақ қою'), 'Сұрағыңыз не туралы');
    await act(u, () => u.pressButton('ҮЕҰ-ны тіркеу және басқару'), 'Кім сұрап отыр');
    await act(u, () => u.pressButton('👥 Бастамашыл топ'), 'Сұрағыңызды жазыңыз');
    await act(u, () => u.send('Қоғамдық бірлестікті тіркеу үшін құрылтайшылар саны қанша болуы керек?'), 'Қоғамдық бірлестікті қалай тіркеуге болады');
    const queued = await act(u, () => u.pressButton('❓ Жоқ, кеңесшіден сұрау'), /Q-\d{4}-\d{6} сұрағы қабылданды/);
    const number = /Q-\d{4}-\d{6}/.exec(queued)![0];
    const question = await app.services.prisma.question.findUniqueOrThrow({ where: { number } });

    // ── a consultant claims it from the queue and answers 150 minutes later ──
    const queue = await api('GET', '/api/questions?state=waiting', undefined, consultant);
    expect(queue.json.items.map((q: { number: string }) => q.number)).toContain(number);
    expect((await api('POST', `/api/questions/${question.id}/claim`, undefined, consultant)).status).toBe(200);
    clock.set(new Date(clock.now().getTime() + 150 * 60_000));
    expect(
      (
        await api(
          'POST',
          `/api/questions/${question.id}/answer`,
          { text: 'Кемінде үш құрылтайшы керек. Құрылтай жиналысын өткізіп, жарғыны бекітіңіз.' },
          consultant,
        )
      ).status,
    ).toBe(200);
    await act(u, async () => {}, 'Кемінде үш құрылтайшы керек');

    // ── the citizen follows up; it returns to the same consultant ──
    await act(u, () => u.pressButton('✍️ Нақтылау сұрағын қою'), 'нақтылау жазыңыз');
    await act(u, () => u.send('Құрылтайшылар шетел азаматтары бола ала ма?'), 'Нақтылау кеңесшіге жіберілді');
    const back = await app.services.prisma.question.findUniqueOrThrow({ where: { id: question.id } });
    expect(back.state).toBe('claimed');
    expect((await api('POST', `/api/questions/${question.id}/answer`, { text: 'Иә, Қазақстанда тұрақты тұратын болса.' }, consultant)).status).toBe(200);
    await act(u, async () => {}, 'Иә, Қазақстанда тұрақты тұратын болса');

    // ── resolved and rated ──
    await act(u, () => u.pressButton('✅ Сұрақ шешілді'), 'бағалаңызшы');
    await act(u, () => u.pressButton('5 ⭐'), '5/5 бағаңызға рақмет');

    // ── the log keeps itself ──
    const log = await api('GET', '/api/consultations', undefined, consultant);
    const entry = log.json.items.find((e: { questionId: number | null }) => e.questionId === question.id);
    expect(entry).toMatchObject({ channel: 'bot', result: 'answered', askerGroup: 'initiative_group', satisfaction: 5 });
    expect(Math.abs(entry.responseMinutes - 150)).toBeLessThanOrEqual(1);
  });
});
