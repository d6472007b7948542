// The discussion calendar as the job runs it (DOMAIN.md: "Within 3 working days after the end, the body
// accepts or rejects every comment"): a discussion closes exactly at its end, the review falls due 3 working
// days later, an overdue review is announced once to the body's project managers and, 2 working days on,
// escalated once to the admins; a reviewed topic is never overdue.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient, StaffUser } from '../generated/prisma/client.ts';
import type { StaffRole } from '../generated/prisma/enums.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createAppServices } from '../app/compose.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import { toPrincipal } from '../core/staff/staff-service.ts';
import { createDiscussionDeadlinesJob } from '../jobs/discussion-deadlines.ts';
import type { Job } from '../jobs/scheduler.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { sentParams } from './helpers/outbox.ts';

const at = (local: string) => new Date(`${local}+05:00`);

describe.each(dbTargets)('discussion deadlines on %s', (target) => {
  const suite = useTestDb(target);
  let prisma: PrismaClient;
  let services: ServicesWithDb;
  let job: Job;
  let clock = at('2026-03-17T10:00:00');
  let bodyId: number;
  let otherBodyId: number;
  let nextTelegramId = 7000;
  let manager: StaffPrincipal;
  let staff: Record<'pmKk' | 'pmEveryBody' | 'pmOtherBody' | 'pmInactive' | 'moderator' | 'admin' | 'adminKk', StaffUser>;

  async function person(roles: StaffRole[], extra: { stateBodyId?: number; locale?: string; linked?: boolean; active?: boolean } = {}) {
    const n = nextTelegramId++;
    return prisma.staffUser.create({
      data: {
        login: `pm${n}`,
        passwordHash: 'x',
        fullName: `Менеджер ${n}`,
        roles,
        locale: extra.locale ?? 'ru',
        active: extra.active ?? true,
        stateBodyId: extra.stateBodyId ?? null,
        telegramId: extra.linked === false ? null : BigInt(n),
      },
    });
  }

  beforeAll(async () => {
    prisma = suite.db.prisma;
    const i18n = createI18n();
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12, now: () => clock, i18n });
    job = createDiscussionDeadlinesJob(() => services.discussions.processDeadlines());
    bodyId = (
      await prisma.stateBody.create({
        data: { code: 'akimat-almaty-ip', nameKk: 'Алматы қаласының ішкі саясат басқармасы', nameRu: 'Управление внутренней политики города Алматы' },
      })
    ).id;
    otherBodyId = (
      await prisma.stateBody.create({
        data: { code: 'akimat-astana-ip', nameKk: 'Астана қаласының ішкі саясат басқармасы', nameRu: 'Управление внутренней политики города Астаны' },
      })
    ).id;
    staff = {
      pmKk: await person(['project_manager'], { stateBodyId: bodyId, locale: 'kk' }),
      pmEveryBody: await person(['project_manager'], { linked: false }),
      pmOtherBody: await person(['project_manager'], { stateBodyId: otherBodyId }),
      pmInactive: await person(['project_manager'], { stateBodyId: bodyId, active: false }),
      moderator: await person(['moderator']),
      admin: await person(['admin']),
      adminKk: await person(['admin'], { locale: 'kk', linked: false }),
    };
    manager = toPrincipal(staff.pmKk);
  });

  async function publishAt(local: string, title: string): Promise<number> {
    clock = at(local);
    const fields = {
      stateBodyId: bodyId,
      areaId: 6,
      year: 2026,
      titleKk: `${title} (kk)`,
      titleRu: title,
      fundingThousandTenge: '3000',
      justificationKk: 'Негіздеме',
      justificationRu: 'Обоснование',
      informationSource: 'Статистика',
      targetGroupKk: 'Зейнеткерлер',
      targetGroupRu: 'Пенсионеры',
      expectedResultKk: 'Нәтиже',
      expectedResultRu: 'Результат',
    };
    const topic = await services.discussions.topics.create({ type: 'staff', id: manager.id }, manager, fields);
    await services.discussions.topics.publish({ type: 'staff', id: manager.id }, manager, topic.id);
    return topic.id;
  }

  async function runAt(local: string) {
    clock = at(local);
    return job.run();
  }
  const topicRow = (id: number) => prisma.discussionTopic.findUniqueOrThrow({ where: { id } });
  const noticesOf = (kind: string) => prisma.staffNotice.findMany({ where: { kind }, orderBy: [{ staffUserId: 'asc' }, { id: 'asc' }] });
  const outboxOf = (kind: string) => prisma.outboxMessage.findMany({ where: { kind }, orderBy: { id: 'asc' } });
  const textOf = (row: { payload: unknown }) => sentParams(row).text;

  it('runs every minute', () => {
    expect(job).toMatchObject({ name: 'discussion-deadlines', schedule: '* * * * *' });
  });

  it('closes a discussion exactly at its end and sets the review due 3 working days later', async () => {
    const id = await publishAt('2026-03-17T10:00:00', 'Забота о пожилых');
    expect((await topicRow(id)).endsAt).toEqual(at('2026-04-03T10:00:00'));
    expect(await runAt('2026-04-03T09:59:00')).toEqual({ closed: 0, overdue: 0, escalated: 0 });
    expect((await topicRow(id)).status).toBe('open');
    expect(await runAt('2026-04-03T10:00:00')).toEqual({ closed: 1, overdue: 0, escalated: 0 });
    // Mon 6, Tue 7, Wed 8 April.
    expect(await topicRow(id)).toMatchObject({ status: 'closed', closedAt: at('2026-04-03T10:00:00'), reviewDueAt: at('2026-04-08T10:00:00') });
    expect(await runAt('2026-04-03T10:01:00')).toEqual({ closed: 0, overdue: 0, escalated: 0 });
    const audit = await prisma.auditLog.findMany({ where: { action: 'discussion.close', entityId: String(id) } });
    expect(audit).toEqual([expect.objectContaining({ actorType: 'system' })]);
    // Reviewed (no comments came), so the next test sees only its own topics.
    clock = at('2026-04-06T09:00:00');
    await services.discussions.review.complete({ type: 'staff', id: manager.id }, manager, id);
  });

  it('announces an overdue review once to the body’s project managers, then escalates it once to the admins', async () => {
    const id = await publishAt('2026-03-17T11:00:00', 'Социальная помощь одиноким пенсионерам');
    const reviewed = await publishAt('2026-03-17T11:00:00', 'Уже рассмотренная тема');
    const author = await prisma.citizen.create({ data: { telegramId: BigInt(nextTelegramId++), locale: 'ru', consentAt: at('2026-01-01T00:00:00') } });
    clock = at('2026-03-18T12:00:00');
    const a = await services.discussions.citizen.comment(author.id, id, { text: 'Нужна доставка продуктов на дом', authorName: 'Гульнар Ахметова' });
    await services.discussions.citizen.comment(author.id, id, { text: 'И помощь с оплатой коммунальных услуг', authorName: 'Гульнар Ахметова' });
    await runAt('2026-04-03T11:00:00');
    clock = at('2026-04-06T10:00:00');
    await services.discussions.review.decide({ type: 'staff', id: manager.id }, manager, id, a.id, { decision: 'accepted' });
    await services.discussions.review.complete({ type: 'staff', id: manager.id }, manager, reviewed);

    expect(await runAt('2026-04-08T11:00:00')).toEqual({ closed: 0, overdue: 0, escalated: 0 });
    expect(await runAt('2026-04-08T11:01:00')).toEqual({ closed: 0, overdue: 1, escalated: 0 });
    expect((await topicRow(id)).reviewOverdueAt).toEqual(clock);
    expect((await topicRow(reviewed)).reviewOverdueAt).toBeNull();
    const overdue = await noticesOf('discussion.review_overdue');
    expect(overdue.map((x) => x.staffUserId)).toEqual([staff.pmKk.id, staff.pmEveryBody.id]);
    expect(overdue.find((x) => x.staffUserId === staff.pmKk.id)!.text).toBe(
      '⏰ «Социальная помощь одиноким пенсионерам (kk)» тақырыбы бойынша ескертулерді қарау мерзімі өтіп кетті (Алматы қаласының ішкі саясат басқармасы, мерзімі: 08.04.2026 11:00). Шешімсіз қалғаны: 1 (барлығы: 2). Қағидаларға сәйкес қарауға талқылау аяқталғаннан кейін 3 жұмыс күні беріледі.',
    );
    expect(overdue.find((x) => x.staffUserId === staff.pmEveryBody.id)!.text).toContain('Без решения: 1 из 2');
    const sent = await outboxOf('discussion.review_overdue');
    expect(sent.map((m) => m.chatId)).toEqual([staff.pmKk.telegramId]);
    expect(textOf(sent[0]!)).toBe(overdue.find((x) => x.staffUserId === staff.pmKk.id)!.text);
    expect(await runAt('2026-04-08T12:00:00')).toEqual({ closed: 0, overdue: 0, escalated: 0 });
    expect(await noticesOf('discussion.review_overdue')).toHaveLength(2);

    // Thu 9, Fri 10 April: two working days after the due time.
    expect(await runAt('2026-04-10T10:59:00')).toEqual({ closed: 0, overdue: 0, escalated: 0 });
    expect(await runAt('2026-04-10T11:01:00')).toEqual({ closed: 0, overdue: 0, escalated: 1 });
    const escalated = await noticesOf('discussion.review_escalated');
    expect(escalated.map((x) => x.staffUserId)).toEqual([staff.admin.id, staff.adminKk.id]);
    expect(escalated[0]!.text).toBe(
      '🚨 Замечания по теме «Социальная помощь одиноким пенсионерам» (Управление внутренней политики города Алматы) не рассмотрены спустя 2 раб. дн. после срока (08.04.2026 11:00). Без решения: 1 из 2.',
    );
    expect((await outboxOf('discussion.review_escalated')).map((m) => m.chatId)).toEqual([staff.admin.telegramId]);
    expect(await runAt('2026-04-13T09:00:00')).toEqual({ closed: 0, overdue: 0, escalated: 0 });
    const audit = await prisma.auditLog.findMany({
      where: { entityId: String(id), action: { in: ['discussion.review_overdue', 'discussion.review_escalated'] } },
    });
    expect(audit.map((x) => x.action).sort()).toEqual(['discussion.review_escalated', 'discussion.review_overdue']);
  });
});
