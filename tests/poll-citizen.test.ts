// Answering and distributing a poll wave, at the service level: one response per beneficiary per wave,
// skip rules, back and resume, the wave's end enforced by the service whatever the job did, anonymous
// responses without a citizen id, "send to all" resumable and never twice, and the one reminder.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from '../core/outbox/dispatcher.ts';
import { telegramChat } from '../bot/telegram/chat-port.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createAppServices } from '../app/compose.ts';
import { createInvitations, enqueuePending, runPollWaves, waveProgress } from '../core/polls/poll-distribution.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { activeProject, actor, ADMIN, at, beneficiaryCitizen, buildPoll, importedBeneficiary, openWave } from './helpers/poll-fixtures.ts';

describe.each(dbTargets)('polls: answering and distribution (%s)', (target) => {
  let t: TestDb;
  let services: ServicesWithDb;
  let clock = at('2026-03-02T10:00:00');
  const i18n = createI18n();

  beforeAll(async () => {
    t = await createTestDb(target);
    services = createAppServices({ db: t.db, logger: testLogger, sessionTtlHours: 12, now: () => clock });
  });
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(() => {
    clock = at('2026-03-02T10:00:00');
  });

  async function setUp(opts: { anonymous?: boolean } = {}) {
    const project = await activeProject(services.prisma);
    const { pollId, q } = await buildPoll(services, project.id, opts);
    const waveId = await openWave(services, pollId, { kk: 'Бастапқы', ru: 'Базовая' }, at('2026-03-01T09:00:00'), at('2026-03-31T18:00:00'), 48);
    return { project, pollId, q, waveId };
  }
  const c = () => services.polls.citizen;

  async function answerAll(citizenId: number, waveId: number, q: number[], attended: boolean) {
    await c().answer(citizenId, waveId, q[0]!, { choice: 'rather' });
    await c().answer(citizenId, waveId, q[1]!, { rating: 4 });
    await c().answer(citizenId, waveId, q[2]!, { choice: attended ? 'yes' : 'no' });
    if (attended) await c().answer(citizenId, waveId, q[3]!, { choices: ['training', 'seminar'] });
    await c().answer(citizenId, waveId, q[4]!, null);
  }

  it('takes one response per beneficiary per wave and refuses a second politely', async () => {
    const { project, q, waveId } = await setUp();
    const p = await beneficiaryCitizen(services.prisma, project.id, { gender: 'female', birthYear: 2001, socialStatus: 'youth' });
    await c().begin(p.citizenId, waveId);
    await answerAll(p.citizenId, waveId, q, true);
    const r = await c().submit(p.citizenId, waveId);
    expect(r.answered).toBe(4);
    const response = await services.prisma.pollResponse.findUniqueOrThrow({ where: { id: r.responseId }, include: { answers: true } });
    // the profile snapshot: 2026 − 2001 = 25 → 23–27
    expect(response).toMatchObject({ citizenId: p.citizenId, gender: 'female', ageBracket: 'age-23-27', socialStatus: 'youth', locale: 'ru' });
    expect(response.answers.find((a) => a.questionId === q[3])!.choices).toEqual(['seminar', 'training']);
    await expect(c().begin(p.citizenId, waveId)).rejects.toMatchObject({ code: 'poll.already_answered' });
    await expect(c().submit(p.citizenId, waveId)).rejects.toMatchObject({ code: 'poll.already_answered' });
    await expect(c().answer(p.citizenId, waveId, q[0]!, { choice: 'fully' })).rejects.toMatchObject({ code: 'poll.already_answered' });
    expect(await services.prisma.pollResponse.count({ where: { waveId } })).toBe(1);
    // the draft is gone once submitted
    expect(await services.prisma.pollResponseDraft.count({ where: { waveId } })).toBe(0);
  });

  it('shows the follow-up question only for the answers of its skip rule, and drops a hidden answer', async () => {
    const { project, q, waveId } = await setUp();
    const p = await beneficiaryCitizen(services.prisma, project.id);
    await c().answer(p.citizenId, waveId, q[0]!, { choice: 'fully' });
    await c().answer(p.citizenId, waveId, q[1]!, { rating: 5 });
    await c().answer(p.citizenId, waveId, q[2]!, { choice: 'yes' });
    let w = await c().begin(p.citizenId, waveId);
    const { visibleQuestions } = await import('../core/polls/poll-rules.ts');
    expect(visibleQuestions(w.questions, w.draft.answers).map((x) => x.id)).toEqual(q);
    await c().answer(p.citizenId, waveId, q[3]!, { choices: ['consult'] });
    // back twice: the follow-up and then "did you take part?" are undone; now "no"
    await c().back(p.citizenId, waveId);
    w = await c().begin(p.citizenId, waveId);
    expect(w.draft.path).toEqual(q.slice(0, 3));
    await c().back(p.citizenId, waveId);
    await c().answer(p.citizenId, waveId, q[2]!, { choice: 'no' });
    w = await c().begin(p.citizenId, waveId);
    expect(visibleQuestions(w.questions, w.draft.answers).map((x) => x.id)).toEqual([q[0], q[1], q[2], q[4]]);
    // a required hidden question does not hold the submission back; an unanswered shown one does
    await expect(c().submit(p.citizenId, waveId)).rejects.toMatchObject({ code: 'poll.unanswered', params: { n: 4 } });
    await c().answer(p.citizenId, waveId, q[4]!, { text: '  Больше вечерних занятий  ' });
    await c().submit(p.citizenId, waveId);
    const answers = await services.prisma.pollAnswer.findMany({ where: { response: { waveId } }, orderBy: { questionId: 'asc' } });
    expect(answers.map((a) => a.questionId)).toEqual([q[0], q[1], q[2], q[4]]);
    expect(answers.at(-1)!.text).toBe('Больше вечерних занятий');
  });

  it('keeps answers for later: going back and resuming start where the citizen stopped', async () => {
    const { project, q, waveId } = await setUp();
    const p = await beneficiaryCitizen(services.prisma, project.id);
    await c().answer(p.citizenId, waveId, q[0]!, { choice: 'hard_to_say' });
    await c().answer(p.citizenId, waveId, q[1]!, { rating: 2 });
    await c().back(p.citizenId, waveId);
    const resumed = await c().begin(p.citizenId, waveId);
    expect(resumed.draft).toEqual({ answers: { [q[0]!]: { choice: 'hard_to_say' } }, path: [q[0]] });
    // a bad answer is refused and loses nothing
    await expect(c().answer(p.citizenId, waveId, q[1]!, { rating: 7 })).rejects.toMatchObject({ code: 'poll.bad_answer' });
    await expect(c().answer(p.citizenId, waveId, q[0]!, null)).rejects.toMatchObject({ code: 'poll.answer_required' });
    expect((await c().begin(p.citizenId, waveId)).draft.path).toEqual([q[0]]);
  });

  it('refuses answers from the wave’s end even before the job closes it; the job then closes it', async () => {
    const { project, q, waveId } = await setUp();
    const p = await beneficiaryCitizen(services.prisma, project.id);
    await c().answer(p.citizenId, waveId, q[0]!, { choice: 'rather' });
    clock = at('2026-03-31T18:00:00');
    expect((await services.prisma.pollWave.findUniqueOrThrow({ where: { id: waveId } })).status).toBe('open');
    await expect(c().answer(p.citizenId, waveId, q[1]!, { rating: 3 })).rejects.toMatchObject({ code: 'poll.closed' });
    await expect(c().submit(p.citizenId, waveId)).rejects.toMatchObject({ code: 'poll.closed' });
    expect(await c().openFor(p.citizenId)).toEqual([]);
    await runPollWaves({ prisma: services.prisma, i18n, now: () => clock });
    const wave = await services.prisma.pollWave.findUniqueOrThrow({ where: { id: waveId } });
    expect(wave).toMatchObject({ status: 'closed', closedAt: clock });
    expect(await services.prisma.pollResponseDraft.count({ where: { waveId } })).toBe(0);
    // the job's closing is audited, with the system as the actor
    const audit = await services.prisma.auditLog.findMany({ where: { entity: 'poll_wave', entityId: String(waveId), action: 'poll.wave_close' } });
    expect(audit.map((a) => [a.actorType, a.after])).toEqual([['system', { status: 'closed', reason: 'ended', droppedDrafts: 1 }]]);
    await expect(c().begin(p.citizenId, waveId)).rejects.toMatchObject({ code: 'poll.closed' });
  });

  it('keeps no link from an anonymous response to its author: no citizen id, no time finer than the day, no order', async () => {
    const { project, pollId, q, waveId } = await setUp({ anonymous: true });
    const first = await beneficiaryCitizen(services.prisma, project.id, { gender: 'male', birthYear: 1960, name: 'Асқар Бекұлы' });
    const second = await beneficiaryCitizen(services.prisma, project.id, { gender: 'female', birthYear: 2001, name: 'Жанар Сейітқызы' });
    const answerWithText = async (citizenId: number, text: string) => {
      await c().answer(citizenId, waveId, q[0]!, { choice: 'rather' });
      await c().answer(citizenId, waveId, q[1]!, { rating: 4 });
      await c().answer(citizenId, waveId, q[2]!, { choice: 'no' });
      await c().answer(citizenId, waveId, q[4]!, { text });
      return c().submit(citizenId, waveId);
    };
    clock = at('2026-03-02T10:17:23');
    await answerWithText(first.citizenId, 'Кешкі сабақтар керек');
    clock = at('2026-03-02T15:42:05');
    await answerWithText(second.citizenId, 'Больше консультаций юриста');
    const responses = await services.prisma.pollResponse.findMany({ where: { waveId }, include: { answers: true } });
    expect(responses).toHaveLength(2);
    expect(responses.every((r) => r.citizenId === null)).toBe(true);
    const invitations = await services.prisma.pollInvitation.findMany({ where: { waveId } });
    const day = at('2026-03-02T00:00:00').getTime();
    // both answered the same day at different hours: nothing kept tells who was first
    expect(invitations.map((i) => i.answeredAt?.getTime())).toEqual([day, day]);
    expect(invitations.map((i) => i.createdAt.getTime())).toEqual([day, day]);
    expect(responses.map((r) => r.submittedAt.getTime())).toEqual([day, day]);
    const exact = [at('2026-03-02T10:17:23').getTime(), at('2026-03-02T15:42:05').getTime()];
    for (const stamp of [...invitations.map((i) => i.answeredAt!.getTime()), ...responses.map((r) => r.submittedAt.getTime())])
      expect(exact).not.toContain(stamp);
    // ids come from the random upper range, not from the sequence that numbers rows in arrival order
    const { ANONYMOUS_ID_MIN } = await import('../core/polls/poll-citizen.ts');
    for (const r of responses) {
      expect(r.id).toBeGreaterThanOrEqual(ANONYMOUS_ID_MIN);
      for (const a of r.answers) expect(a.id).toBeGreaterThanOrEqual(ANONYMOUS_ID_MIN);
    }
    // a second answer is still refused
    await expect(c().begin(first.citizenId, waveId)).rejects.toMatchObject({ code: 'poll.already_answered' });
    // results and exports list the texts with neither a time nor a name
    const results = await services.polls.results(ADMIN, pollId);
    expect(results.texts.map((x) => x.text).sort()).toEqual(['Больше консультаций юриста', 'Кешкі сабақтар керек']);
    expect(results.texts.every((x) => x.respondent === null && x.submittedAt === null)).toBe(true);
    const { resultTables } = await import('../core/polls/poll-export.ts');
    for (const lang of ['kk', 'ru'] as const) {
      const sheet = resultTables(i18n, lang, results).at(-1)!;
      const cells = JSON.stringify(sheet.rows);
      expect(sheet.rows).toHaveLength(2);
      expect(cells).not.toMatch(/2026|\d{2}\.\d{2}\.\d{4}|Асқар|Жанар/);
      expect(sheet.columns).toHaveLength(4);
    }
  });

  it('shows the responses in /mydata and unlinks them on erasure, keeping them in the counts', async () => {
    const { project, q, waveId } = await setUp();
    const p = await beneficiaryCitizen(services.prisma, project.id);
    await answerAll(p.citizenId, waveId, q, false);
    await c().submit(p.citizenId, waveId);
    expect((await services.citizens.exportData(p.citizenId)).sections.find((s) => s.key === 'polls')?.data).toEqual({ count: 1 });
    await services.citizens.erase(p.citizenId);
    expect(await services.prisma.pollResponse.count({ where: { citizenId: p.citizenId } })).toBe(0);
    expect(await services.prisma.pollResponse.count({ where: { waveId } })).toBe(1);
  });

  it('refuses someone who is not a beneficiary, unless they come through the link (and join)', async () => {
    const { project, waveId } = await setUp();
    const outsider = await services.citizens.giveConsent(955_000_001, 'kk', 'Дәулет');
    await expect(c().begin(outsider.id, waveId)).rejects.toMatchObject({ code: 'poll.not_invited' });
    const w = await c().begin(outsider.id, waveId, { join: true });
    expect(w.joined).toBe(true);
    expect(await services.prisma.projectBeneficiary.count({ where: { projectId: project.id, citizenId: outsider.id } })).toBe(1);
  });

  it('sends to all in resumable batches, never twice, and counts the unreachable', async () => {
    const { project, waveId } = await setUp();
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await beneficiaryCitizen(services.prisma, project.id, { locale: i % 2 ? 'kk' : 'ru' }));
    await importedBeneficiary(services.prisma, project.id, 'row-1');
    await importedBeneficiary(services.prisma, project.id, 'row-2');
    const deps = { prisma: services.prisma, i18n, now: () => clock, batchSize: 2 };
    await services.prisma.pollWave.update({ where: { id: waveId }, data: { sendRequestedAt: clock } });
    await createInvitations(services.prisma, waveId, clock);
    // a crash after the first batch: two enqueued, three waiting
    expect(await enqueuePending(deps, waveId, 1)).toBe(2);
    expect(await waveProgress(services.prisma, waveId)).toMatchObject({ total: 7, unreachable: 2, waiting: 3, queued: 2, sent: 0 });
    // the job carries on; a second run (or a second instance) adds nothing
    expect((await runPollWaves(deps)).invited).toBe(3);
    expect((await runPollWaves(deps)).invited).toBe(0);
    expect(await services.prisma.outboxMessage.count({ where: { kind: 'poll.invite' } })).toBe(5);
    // repeating the whole batch the crash interrupted finds its messages already there
    await services.prisma.pollInvitation.updateMany({ where: { waveId }, data: { status: 'pending' } });
    await enqueuePending(deps, waveId);
    expect(await services.prisma.outboxMessage.count({ where: { kind: 'poll.invite' } })).toBe(5);
    expect(await waveProgress(services.prisma, waveId)).toMatchObject({ total: 7, unreachable: 2, waiting: 0, queued: 5 });
    const kk = await services.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'poll.invite', citizenId: people[1]!.citizenId } });
    expect(JSON.stringify(kk.payload)).toContain('сіздің пікіріңізді сұрайды');
    await services.prisma.outboxMessage.deleteMany({});
  });

  it('reminds non-respondents once, after the delay counted from delivery', async () => {
    const { project, q, waveId } = await setUp();
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await beneficiaryCitizen(services.prisma, project.id));
    await services.polls.builder.sendToAll(actor(ADMIN), ADMIN, waveId);
    const dispatcher = new OutboxDispatcher({
      prisma: services.prisma,
      chat: telegramChat(async () => ({ message_id: 1 })),
      logger: testLogger,
      perChatIntervalMs: 0,
      now: () => clock,
    });
    await dispatcher.runOnce();
    expect(await waveProgress(services.prisma, waveId)).toMatchObject({ total: 3, sent: 3 });
    await answerAll(people[0]!.citizenId, waveId, q, false);
    await c().submit(people[0]!.citizenId, waveId);
    const deps = { prisma: services.prisma, i18n, now: () => clock };
    clock = at('2026-03-04T09:59:00'); // 47 h 59 min after delivery
    expect((await runPollWaves(deps)).reminded).toBe(0);
    clock = at('2026-03-04T10:00:00');
    expect((await runPollWaves(deps)).reminded).toBe(2);
    clock = at('2026-03-08T10:00:00');
    expect((await runPollWaves(deps)).reminded).toBe(0);
    const reminders = await services.prisma.outboxMessage.findMany({ where: { kind: 'poll.reminder' } });
    expect(reminders.map((r) => r.citizenId).sort()).toEqual([people[1]!.citizenId, people[2]!.citizenId].sort());
    expect(await waveProgress(services.prisma, waveId)).toMatchObject({ reminded: 2, answered: 1 });
    await services.prisma.outboxMessage.deleteMany({});
  });
});
