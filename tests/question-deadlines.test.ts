// First-response deadlines of questions in working days (DOMAIN.md: Kazakhstan's calendar; seed 002:
// the centre answers in one window, quickly): a question with no first answer past its due time, or a
// follow-up left unanswered for the topic's working days, is announced once to its holder or to the
// consultants of its scope, and escalated once to the admins a working day later. Also: the one reminder
// to rate the consultation, three days after the answer.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConsultationTopic, PrismaClient, Question, StaffUser } from '../generated/prisma/client.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import { toPrincipal } from '../core/staff/staff-service.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createAppServices } from '../app/compose.ts';
import { createQuestionDeadlinesJob } from '../jobs/question-deadlines.ts';
import { createQuestionRatingReminderJob } from '../jobs/question-rating-reminder.ts';
import type { Job } from '../jobs/scheduler.ts';
import { makeCitizen, makeQuestion, makeStaff } from './helpers/consult-fixtures.ts';
import { sentParams } from './helpers/outbox.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const at = (local: string) => new Date(`${local}+05:00`);
const i18n = createI18n();
const kk = i18n.getFixedT('kk');
const ru = i18n.getFixedT('ru');

describe.each(dbTargets)('question deadlines on %s', (target) => {
  const suite = useTestDb(target, { truncate: ['Citizen', 'Question', 'Consultation', 'StaffUser', 'StaffNotice', 'OutboxMessage', 'AuditLog'] });
  let prisma: PrismaClient;
  let services: ServicesWithDb;
  let deadlines: Job;
  let reminders: Job;
  let clock = at('2026-12-14T10:00:00');
  let topic: ConsultationTopic;
  let regionA: number;
  let regionB: number;
  let staff: Record<'inRegionKk' | 'countryWide' | 'otherRegion' | 'inactive' | 'operator' | 'admin' | 'adminKk', StaffUser>;
  const actor = (s: StaffUser) => ({ type: 'staff' as const, id: s.id });
  const principal = (s: StaffUser): StaffPrincipal => toPrincipal(s);

  beforeAll(async () => {
    prisma = suite.db.prisma;
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12, now: () => clock });
    deadlines = createQuestionDeadlinesJob(() => services.consultations.processDeadlines(1));
    reminders = createQuestionRatingReminderJob(() => services.consultations.remindRatings());
    topic = await prisma.consultationTopic.findFirstOrThrow({ where: { code: 'legal-organisational' } });
    const regions = await prisma.region.findMany({ orderBy: { id: 'asc' } });
    [regionA, regionB] = [regions[0]!.id, regions[1]!.id];
  });

  beforeEach(async () => {
    staff = {
      inRegionKk: await makeStaff(prisma, ['consultant'], { regionId: regionA, locale: 'kk' }),
      countryWide: await makeStaff(prisma, ['consultant'], { linked: false }),
      otherRegion: await makeStaff(prisma, ['consultant'], { regionId: regionB }),
      inactive: await makeStaff(prisma, ['consultant'], { regionId: regionA, active: false }),
      operator: await makeStaff(prisma, ['operator'], { regionId: regionA }),
      admin: await makeStaff(prisma, ['admin']),
      adminKk: await makeStaff(prisma, ['admin'], { locale: 'kk', linked: false }),
    };
  });

  /** A question asked at a local time, due as the citizen's side computes it: the topic's working days later. */
  async function askAt(local: string, extra: { consultantId?: number; locale?: 'kk' | 'ru' } = {}): Promise<Question> {
    const citizen = await makeCitizen(prisma, { locale: extra.locale ?? 'ru' });
    const createdAt = at(local);
    const dueAt = (await services.calendar.calendar()).addWorkingDays(createdAt, topic.responseDays);
    return makeQuestion(prisma, { citizenId: citizen.id, topicId: topic.id, regionId: regionA, createdAt, dueAt, consultantId: extra.consultantId });
  }

  async function runAt(local: string) {
    clock = at(local);
    return deadlines.run();
  }

  const row = (id: number) => prisma.question.findUniqueOrThrow({ where: { id } });
  const notices = (kind: string) => prisma.staffNotice.findMany({ where: { kind }, orderBy: [{ staffUserId: 'asc' }, { id: 'asc' }] });
  const telegram = (kind: string) => prisma.outboxMessage.findMany({ where: { kind }, orderBy: { id: 'asc' } });

  it('counts the first-answer deadline in working days across Independence Day (16 December)', async () => {
    // Mon 14 Dec 10:00; Tue 15 is day 1, Wed 16 is a holiday, Thu 17 is day 2.
    const q = await askAt('2026-12-14T10:00:00');
    expect(q.dueAt).toEqual(at('2026-12-17T10:00:00'));
    // Counting calendar days it would be late on Wednesday; it is not, even on Thursday morning.
    expect(await runAt('2026-12-16T10:01:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-12-17T09:59:00')).toEqual({ overdue: 0, escalated: 0 });
    expect((await row(q.id)).overdueNotifiedAt).toBeNull();

    expect(await runAt('2026-12-17T10:01:00')).toEqual({ overdue: 1, escalated: 0 });
    expect((await row(q.id)).overdueNotifiedAt).toEqual(clock);
    const mark = await prisma.questionMessage.findFirstOrThrow({ where: { questionId: q.id, kind: 'overdue' } });
    expect(mark).toMatchObject({ authorType: 'system', at: clock, data: { due: q.dueAt.toISOString(), followUp: false, notified: 2 } });
    expect(await prisma.auditLog.count({ where: { action: 'question.overdue', entityId: String(q.id) } })).toBe(1);
  });

  it('an unheld question: every active consultant of its scope is told once, each in their language, Telegram to linked ones', async () => {
    const q = await askAt('2026-12-14T10:00:00');
    await runAt('2026-12-17T11:00:00');
    const told = await notices('question.overdue');
    expect(told.map((n) => n.staffUserId)).toEqual([staff.inRegionKk.id, staff.countryWide.id]);
    expect(told[0]!.text.split('\n')[0]).toBe(kk('consultations:staff.overdue', { number: q.number, due: '17.12.2026 10:00' }));
    expect(told[1]!.text.split('\n')[0]).toBe(ru('consultations:staff.overdue', { number: q.number, due: '17.12.2026 10:00' }));
    expect(told[0]!.text).toContain(topic.nameKk);
    expect(told[0]!.text).toContain(q.text);
    const sent = await telegram('question.overdue');
    expect(sent.map((m) => m.chatId)).toEqual([staff.inRegionKk.telegramId]);
    expect(sentParams(sent[0]!).text).toBe(told[0]!.text);

    // Idempotent: nothing more on the next runs.
    expect(await runAt('2026-12-17T11:15:00')).toEqual({ overdue: 0, escalated: 0 });
    expect((await notices('question.overdue')).length).toBe(2);
    expect((await telegram('question.overdue')).length).toBe(1);
  });

  it('a held question: only its holder is told', async () => {
    await askAt('2026-12-14T10:00:00', { consultantId: staff.countryWide.id });
    await runAt('2026-12-17T11:00:00');
    expect((await notices('question.overdue')).map((n) => n.staffUserId)).toEqual([staff.countryWide.id]);
    expect(await telegram('question.overdue')).toEqual([]);
  });

  it('escalates to the admins one working day after the due time, once, naming the holder', async () => {
    // Thu 10 Dec 15:00 → due Mon 14 Dec 15:00 (weekend) → escalated from Tue 15 Dec 15:00.
    const q = await askAt('2026-12-10T15:00:00', { consultantId: staff.inRegionKk.id });
    expect(q.dueAt).toEqual(at('2026-12-14T15:00:00'));
    expect(await runAt('2026-12-14T15:01:00')).toEqual({ overdue: 1, escalated: 0 });
    expect(await runAt('2026-12-15T14:59:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-12-15T15:01:00')).toEqual({ overdue: 0, escalated: 1 });
    const told = await notices('question.escalated');
    expect(told.map((n) => n.staffUserId)).toEqual([staff.admin.id, staff.adminKk.id]);
    expect(told[1]!.text.split('\n')[0]).toBe(
      kk('consultations:staff.escalated', { number: q.number, due: '14.12.2026 15:00', days: 1, holder: staff.inRegionKk.fullName }),
    );
    expect((await telegram('question.escalated')).map((m) => m.chatId)).toEqual([staff.admin.telegramId]);
    expect(await runAt('2026-12-18T10:00:00')).toEqual({ overdue: 0, escalated: 0 });
    expect((await row(q.id)).escalatedAt).toEqual(at('2026-12-15T15:01:00'));
  });

  it('an answer clears the marks; a follow-up left unanswered gets its own deadline in working days (over the holiday)', async () => {
    const q = await askAt('2026-12-10T15:00:00', { consultantId: staff.inRegionKk.id });
    await runAt('2026-12-15T15:01:00'); // overdue and escalated
    clock = at('2026-12-15T16:00:00');
    await services.consultations.staff.answer(actor(staff.inRegionKk), principal(staff.inRegionKk), q.id, { text: 'Жауап' });
    expect(await row(q.id)).toMatchObject({ state: 'answered', overdueNotifiedAt: null, escalatedAt: null });
    expect(await runAt('2026-12-15T16:15:00')).toEqual({ overdue: 0, escalated: 0 });

    // The citizen follows up on Tue 15 Dec 17:00: due two working days later, Fri 18 Dec 17:00 (16 Dec is off).
    await prisma.question.update({ where: { id: q.id }, data: { state: 'claimed', followUpAt: at('2026-12-15T17:00:00') } });
    expect(await runAt('2026-12-17T17:01:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-12-18T16:59:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-12-18T17:01:00')).toEqual({ overdue: 1, escalated: 0 });
    const told = await notices('question.overdue');
    expect(told.at(-1)!.text.split('\n')[0]).toBe(kk('consultations:staff.followup_overdue', { number: q.number, due: '18.12.2026 17:00' }));
    // Escalated the next working day: Monday 21 Dec, past the weekend.
    expect(await runAt('2026-12-19T18:00:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-12-21T17:01:00')).toEqual({ overdue: 0, escalated: 1 });
    expect(await runAt('2026-12-22T10:00:00')).toEqual({ overdue: 0, escalated: 0 });
    // Two occurrences, two Telegram copies for the linked holder.
    expect((await telegram('question.overdue')).length).toBe(2);
  });

  it('answered, closed and never-overdue questions are left alone; the queue shows the overdue one', async () => {
    const late = await askAt('2026-12-14T10:00:00');
    const answered = await askAt('2026-12-14T10:00:00', { consultantId: staff.countryWide.id });
    clock = at('2026-12-14T12:00:00');
    await services.consultations.staff.answer(actor(staff.countryWide), principal(staff.countryWide), answered.id, { text: 'Ответ' });
    const closed = await askAt('2026-12-14T10:00:00');
    await prisma.question.update({ where: { id: closed.id }, data: { state: 'closed', closedAt: clock } });
    await askAt('2026-12-17T09:00:00');
    expect(await runAt('2026-12-17T11:00:00')).toEqual({ overdue: 1, escalated: 0 });
    expect((await row(late.id)).overdueNotifiedAt).not.toBeNull();
    const queue = await services.consultations.queries.list(principal(staff.admin), { overdue: true }, { limit: 50 });
    expect(queue.items.map((x) => [x.id, x.overdue])).toEqual([[late.id, true]]);
  });

  describe('the reminder to rate', () => {
    async function answeredAt(local: string, locale: 'kk' | 'ru' = 'ru') {
      const q = await askAt('2026-12-01T10:00:00', { consultantId: staff.countryWide.id, locale });
      clock = at(local);
      await services.consultations.staff.answer(actor(staff.countryWide), principal(staff.countryWide), q.id, { text: 'Ответ' });
      return q;
    }
    const ratingMessages = () => prisma.outboxMessage.findMany({ where: { kind: 'question.rating' }, orderBy: { id: 'asc' } });

    it('asks once, three days after the answer, with the 1–5 buttons, in the citizen’s language', async () => {
      const q = await answeredAt('2026-12-02T12:00:00', 'kk');
      clock = at('2026-12-05T11:59:00');
      expect(await reminders.run()).toEqual({ asked: 0 });
      clock = at('2026-12-05T12:01:00');
      expect(await reminders.run()).toEqual({ asked: 1 });
      const [m] = await ratingMessages();
      const citizen = await prisma.citizen.findUniqueOrThrow({ where: { id: q.citizenId } });
      expect(m).toMatchObject({ chatId: citizen.telegramId, citizenId: citizen.id });
      expect(sentParams(m!).text).toBe(kk('consultations:rating.ask', { number: q.number }));
      expect(sentParams(m!).reply_markup!.inline_keyboard).toEqual([[1, 2, 3, 4, 5].map((n) => ({ text: `${n} ⭐`, callback_data: `qr:${q.id}:${n}` }))]);
      expect((await row(q.id)).ratingAskedAt).toEqual(clock);
      expect(await prisma.questionMessage.count({ where: { questionId: q.id, kind: 'reminder' } })).toBe(1);

      clock = at('2026-12-09T12:00:00');
      expect(await reminders.run()).toEqual({ asked: 0 });
      expect((await ratingMessages()).length).toBe(1);
    });

    it('not for rated, referred, self-served or followed-up questions, nor for a citizen who withdrew consent; yes for one closed as answered', async () => {
      const rated = await answeredAt('2026-12-02T12:00:00');
      await prisma.question.update({ where: { id: rated.id }, data: { rating: 5, ratedAt: clock, state: 'closed', result: 'answered' } });
      const referred = await answeredAt('2026-12-02T12:00:00');
      await prisma.question.update({ where: { id: referred.id }, data: { state: 'closed', result: 'referred' } });
      const followedUp = await answeredAt('2026-12-02T12:00:00');
      await prisma.question.update({ where: { id: followedUp.id }, data: { state: 'claimed', followUpAt: clock } });
      const gone = await answeredAt('2026-12-02T12:00:00');
      await prisma.citizen.update({ where: { id: gone.citizenId }, data: { consentAt: null } });
      const closedAnswered = await answeredAt('2026-12-02T12:00:00');
      await prisma.question.update({ where: { id: closedAnswered.id }, data: { state: 'closed', result: 'answered', closedAt: clock } });

      clock = at('2026-12-07T12:00:00');
      expect(await reminders.run()).toEqual({ asked: 1 });
      expect((await ratingMessages()).map((m) => sentParams(m).text)).toEqual([ru('consultations:rating.ask', { number: closedAnswered.number })]);
      expect(await prisma.question.count({ where: { ratingAskedAt: { not: null } } })).toBe(1);
    });
  });
});
