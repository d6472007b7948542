// Deadlines of civic-control reports (DOMAIN.md: deadlines in working days, Kazakhstan's calendar):
// an accepted report past its due time is announced once to the operators who answer for it, escalated
// once to the admins N working days later, and a reopened report goes back to its operator.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Category, PrismaClient, Report } from '../generated/prisma/client.ts';
import type { StaffRole } from '../generated/prisma/enums.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createAppServices } from '../app/compose.ts';
import { createReportDeadlinesJob } from '../jobs/report-deadlines.ts';
import type { Job } from '../jobs/scheduler.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { sentParams } from './helpers/outbox.ts';

const at = (local: string) => new Date(`${local}+05:00`);

describe.each(dbTargets)('report deadlines on %s', (target) => {
  const suite = useTestDb(target, { truncate: ['Citizen', 'Report', 'StaffUser', 'OutboxMessage', 'AuditLog', 'Counter'] });
  let prisma: PrismaClient;
  let services: ServicesWithDb;
  let job: Job;
  let clock = at('2026-05-04T09:00:00');
  let almaty: { id: number; districts: Array<{ id: number }> };
  let astanaId: number;
  let category: Category;
  let otherDepartmentId: number;
  let nextTelegramId = 5000;
  // The people of each test, by what they are.
  let staff: Record<
    'inScopeKk' | 'countryWide' | 'otherRegion' | 'otherDepartment' | 'inactive' | 'consultant' | 'adminLinked' | 'adminKk',
    { id: number; telegramId: bigint | null }
  >;

  beforeAll(async () => {
    prisma = suite.db.prisma;
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12, now: () => clock, reports: { escalationWorkingDays: 2 } });
    job = createReportDeadlinesJob(services.reportDeadlines);
    almaty = await prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' }, include: { districts: true } });
    astanaId = (await prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
    const template = await prisma.category.findFirstOrThrow({ orderBy: { id: 'asc' } });
    category = await prisma.category.update({ where: { id: template.id }, data: { deadlineDays: 2 } });
    otherDepartmentId = (await prisma.department.findFirstOrThrow({ where: { id: { not: category.departmentId } } })).id;
  });

  async function person(roles: StaffRole[], extra: { regionId?: number; departmentId?: number; locale?: string; linked?: boolean; active?: boolean } = {}) {
    const n = nextTelegramId++;
    return prisma.staffUser.create({
      data: {
        login: `staff${n}`,
        passwordHash: 'x',
        fullName: `Қызметкер ${n}`,
        roles,
        regionId: extra.regionId ?? null,
        departmentId: extra.departmentId ?? null,
        locale: extra.locale ?? 'ru',
        active: extra.active ?? true,
        telegramId: extra.linked === false ? null : BigInt(n),
      },
    });
  }

  beforeEach(async () => {
    const dept = category.departmentId;
    staff = {
      inScopeKk: await person(['operator'], { regionId: almaty.id, departmentId: dept, locale: 'kk' }),
      countryWide: await person(['operator'], { linked: false }),
      otherRegion: await person(['operator'], { regionId: astanaId, departmentId: dept }),
      otherDepartment: await person(['operator'], { regionId: almaty.id, departmentId: otherDepartmentId }),
      inactive: await person(['operator'], { regionId: almaty.id, departmentId: dept, active: false }),
      consultant: await person(['consultant'], { regionId: almaty.id }),
      adminLinked: await person(['admin']),
      adminKk: await person(['admin'], { locale: 'kk', linked: false }),
    };
  });

  async function fileReport(): Promise<{ report: Report; authorId: number }> {
    const author = await prisma.citizen.create({ data: { telegramId: BigInt(nextTelegramId++), locale: 'ru', consentAt: at('2026-01-01T00:00:00') } });
    const report = await services.reports.create(
      { type: 'citizen', id: author.id },
      {
        source: 'bot',
        citizenId: author.id,
        categoryId: category.id,
        regionId: almaty.id,
        districtId: almaty.districts[0]!.id,
        address: 'ул. Абая, 10',
        description: 'Не горят фонари во дворе, вечером темно и опасно',
        evidence: [{ kind: 'photo', telegramFileId: 'AgAC-1' }],
      },
    );
    return { report, authorId: author.id };
  }

  /** Filed and accepted at the same moment: the deadline runs from filing. */
  async function acceptAt(local: string): Promise<Report> {
    clock = at(local);
    const { report } = await fileReport();
    return services.reports.changeStatus({ type: 'staff', id: staff.inScopeKk.id }, report.id, { to: 'in_work' });
  }

  async function runAt(local: string) {
    clock = at(local);
    return job.run();
  }

  const noticesOf = (kind: string) => prisma.staffNotice.findMany({ where: { kind }, orderBy: [{ staffUserId: 'asc' }, { id: 'asc' }] });
  const outboxOf = (kind: string) => prisma.outboxMessage.findMany({ where: { kind }, orderBy: { id: 'asc' } });
  const textOf = (row: { payload: unknown }) => sentParams(row).text;

  it('counts the due time in working days across a holiday, a weekend and a moved day off', async () => {
    // Wed 6 May; Thu 7 May (Defender of the Fatherland Day) is off, Fri 8 is day 1, Sat 9 (Victory Day)
    // moves its day off to Mon 11, so day 2 is Tue 12 May at the same time of day.
    const report = await acceptAt('2026-05-06T10:00:00');
    expect(report.dueAt).toEqual(at('2026-05-12T10:00:00'));

    // Counting calendar days it would be late from Friday; it is not, even on Monday evening.
    expect(await runAt('2026-05-08T18:00:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-05-11T20:00:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-05-12T09:59:00')).toEqual({ overdue: 0, escalated: 0 });
    expect((await prisma.report.findUniqueOrThrow({ where: { id: report.id } })).overdueNotifiedAt).toBeNull();

    expect(await runAt('2026-05-12T10:01:00')).toEqual({ overdue: 1, escalated: 0 });
    const after = await prisma.report.findUniqueOrThrow({ where: { id: report.id } });
    expect(after.overdueNotifiedAt).toEqual(clock);
    const events = await prisma.reportEvent.findMany({ where: { reportId: report.id, type: 'overdue' } });
    expect(events).toEqual([expect.objectContaining({ actorType: 'system', at: clock })]);
  });

  it('tells the operators in scope and the assignee once, each in their language, Telegram only to linked ones', async () => {
    const report = await acceptAt('2026-05-04T10:00:00'); // due Wed 6 May 10:00
    // An assignee from another department hears of it too; a report filed later is not due yet, and a closed one never is.
    await prisma.report.update({ where: { id: report.id }, data: { assigneeId: staff.otherDepartment.id } });
    clock = at('2026-05-05T10:00:00');
    const fresh = (await fileReport()).report;
    const closed = await acceptAt('2026-05-04T11:00:00');
    await services.reports.changeStatus({ type: 'staff', id: staff.inScopeKk.id }, closed.id, { to: 'resolved', publicNote: 'Фонари заменены' });

    expect(await runAt('2026-05-06T12:00:00')).toEqual({ overdue: 1, escalated: 0 });
    const notices = await noticesOf('report.overdue');
    expect(notices.map((n) => n.staffUserId).sort()).toEqual([staff.inScopeKk.id, staff.countryWide.id, staff.otherDepartment.id].sort());
    expect(notices.every((n) => n.reportId === report.id && n.readAt === null)).toBe(true);
    const kk = notices.find((n) => n.staffUserId === staff.inScopeKk.id)!.text;
    const ru = notices.find((n) => n.staffUserId === staff.countryWide.id)!.text;
    expect(kk).toContain(`⏰ ${report.number} өтінішінің мерзімі өтіп кетті (мерзімі: 06.05.2026 10:00).`);
    expect(kk).toContain('ул. Абая, 10');
    expect(ru).toContain(`Просрочено обращение ${report.number}: срок истёк 06.05.2026 10:00.`);
    expect(ru).toContain('Не горят фонари во дворе');

    // Telegram: the linked in-scope operator and the linked assignee; never the operator of another region.
    const sent = await outboxOf('report.overdue');
    expect(sent.map((m) => m.chatId).sort()).toEqual([staff.inScopeKk.telegramId, staff.otherDepartment.telegramId].sort());
    expect(textOf(sent.find((m) => m.chatId === staff.inScopeKk.telegramId)!)).toBe(kk);
    expect(sent.every((m) => m.citizenId === null)).toBe(true);

    // Idempotent: a second run (or a second instance) notifies nobody again.
    expect(await runAt('2026-05-06T12:15:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await noticesOf('report.overdue')).toHaveLength(3);
    expect(await outboxOf('report.overdue')).toHaveLength(2);
    for (const id of [fresh.id, closed.id]) expect((await prisma.report.findUniqueOrThrow({ where: { id } })).overdueNotifiedAt).toBeNull();
  });

  it('a report nobody accepted falls overdue on the deadline counted from filing', async () => {
    clock = at('2026-05-13T10:00:00'); // Wed; due Fri 15 May 10:00
    const { report } = await fileReport();
    expect(report.dueAt).toEqual(at('2026-05-15T10:00:00'));
    expect(await runAt('2026-05-15T09:59:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-05-15T10:01:00')).toEqual({ overdue: 1, escalated: 0 });
    expect((await prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('new');
    expect((await noticesOf('report.overdue')).some((n) => n.reportId === report.id)).toBe(true);
  });

  it('gives a report filed before deadlines ran from filing the due time it would have had', async () => {
    clock = at('2026-05-18T10:00:00'); // Mon; due Wed 20 May 10:00
    const { report } = await fileReport();
    await prisma.report.update({ where: { id: report.id }, data: { dueAt: null } });
    expect(await runAt('2026-05-18T11:00:00')).toEqual({ overdue: 0, escalated: 0 });
    expect((await prisma.report.findUniqueOrThrow({ where: { id: report.id } })).dueAt).toEqual(at('2026-05-20T10:00:00'));
    expect(await runAt('2026-05-20T10:01:00')).toEqual({ overdue: 1, escalated: 0 });
  });

  it('escalates to the admins only, once, when the working days after the due time have passed', async () => {
    const report = await acceptAt('2026-05-04T10:00:00'); // due Wed 6 May 10:00
    // +2 working days: Thu 7 (holiday) and the weekend and Mon 11 (moved day off) do not count → Tue 12 May 10:00.
    expect(await runAt('2026-05-08T10:30:00')).toEqual({ overdue: 1, escalated: 0 });
    expect(await runAt('2026-05-11T20:00:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-05-12T09:59:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-05-12T10:01:00')).toEqual({ overdue: 0, escalated: 1 });
    expect(await runAt('2026-05-12T10:15:00')).toEqual({ overdue: 0, escalated: 0 });

    const notices = await noticesOf('report.escalated');
    expect(notices.map((n) => n.staffUserId).sort()).toEqual([staff.adminLinked.id, staff.adminKk.id].sort());
    expect(notices.find((n) => n.staffUserId === staff.adminLinked.id)!.text).toContain(
      `Обращение ${report.number} не решено спустя 2 раб. дн. после срока (06.05.2026 10:00). Статус: В работе.`,
    );
    expect(notices.find((n) => n.staffUserId === staff.adminKk.id)!.text).toContain('жұмыс күні өтсе де шешілмеді');
    const sent = await outboxOf('report.escalated');
    expect(sent.map((m) => m.chatId)).toEqual([staff.adminLinked.telegramId]);
    const after = await prisma.report.findUniqueOrThrow({ where: { id: report.id } });
    expect(after.escalatedAt).toEqual(at('2026-05-12T10:01:00'));
    expect(await prisma.reportEvent.count({ where: { reportId: report.id, type: 'escalated', actorType: 'system' } })).toBe(1);
    // The operators were told it was overdue, not escalated.
    expect((await noticesOf('report.overdue')).some((n) => n.staffUserId === staff.adminLinked.id)).toBe(false);
  });

  it('announces a report accepted again once its new due time has passed', async () => {
    const report = await acceptAt('2026-05-04T10:00:00');
    expect(await runAt('2026-05-06T12:00:00')).toEqual({ overdue: 1, escalated: 0 });
    const actor = { type: 'staff' as const, id: staff.inScopeKk.id };
    await services.reports.changeStatus(actor, report.id, { to: 'resolved', publicNote: 'Фонари заменены' });
    await services.reports.changeStatus(actor, report.id, { to: 'reopened' });
    // Reopened, with its old marks: nothing new to say.
    expect(await runAt('2026-05-06T13:00:00')).toEqual({ overdue: 0, escalated: 0 });
    // Accepted again on Wed 6 May 13:00: due Tue 12 May 13:00 (7 May, the weekend and 11 May are off), marks cleared.
    const again = await services.reports.changeStatus(actor, report.id, { to: 'in_work' });
    expect(again).toMatchObject({ dueAt: at('2026-05-12T13:00:00'), overdueNotifiedAt: null, escalatedAt: null });
    expect(await runAt('2026-05-12T12:59:00')).toEqual({ overdue: 0, escalated: 0 });
    expect(await runAt('2026-05-12T13:01:00')).toEqual({ overdue: 1, escalated: 0 });
    // The second occurrence reaches Telegram as well: it is not taken for a repeat of the first.
    expect((await outboxOf('report.overdue')).filter((m) => m.chatId === staff.inScopeKk.telegramId)).toHaveLength(2);
  });

  describe('reopened by the author', () => {
    async function resolvedReport(assigneeId: number | null) {
      const { report, authorId } = await fileReport();
      clock = at('2026-05-04T10:00:00');
      const actor = { type: 'staff' as const, id: staff.inScopeKk.id };
      await services.reports.changeStatus(actor, report.id, { to: 'in_work' });
      await prisma.report.update({ where: { id: report.id }, data: { assigneeId } });
      await services.reports.changeStatus(actor, report.id, { to: 'resolved', publicNote: 'Фонари заменены' });
      clock = at('2026-05-05T09:00:00');
      return { report, authorId };
    }

    it('notifies the assignee, in their language, on the console and in Telegram', async () => {
      const { report, authorId } = await resolvedReport(staff.inScopeKk.id);
      await services.reports.confirm(authorId, report.id, { fixed: false });
      const notices = await noticesOf('report.reopened');
      expect(notices.map((n) => n.staffUserId)).toEqual([staff.inScopeKk.id]);
      expect(notices[0]!.text).toContain(`${report.number} өтініші қайта ашылды: авторы мәселе шешілмегенін хабарлады.`);
      const sent = await outboxOf('report.reopened');
      expect(sent.map((m) => [m.chatId, textOf(m)])).toEqual([[staff.inScopeKk.telegramId, notices[0]!.text]]);
    });

    it('notifies the operators in scope when nobody is assigned', async () => {
      const { report, authorId } = await resolvedReport(null);
      await services.reports.confirm(authorId, report.id, { fixed: false });
      const notices = await noticesOf('report.reopened');
      expect(notices.map((n) => n.staffUserId).sort()).toEqual([staff.inScopeKk.id, staff.countryWide.id].sort());
      expect(notices.find((n) => n.staffUserId === staff.countryWide.id)!.text).toContain(
        `Обращение ${report.number} открыто повторно: автор сообщил, что проблема не решена.`,
      );
      expect((await outboxOf('report.reopened')).map((m) => m.chatId)).toEqual([staff.inScopeKk.telegramId]);
    });

    it('tells nobody while the report is merely confirmed fixed', async () => {
      const { report, authorId } = await resolvedReport(staff.inScopeKk.id);
      await services.reports.confirm(authorId, report.id, { fixed: true, rating: 5 });
      expect(await noticesOf('report.reopened')).toEqual([]);
    });
  });
});
