// Civic control («Азаматтық бақылау», DOMAIN.md): filing with evidence, readable numbers, routing,
// deadlines in working days, no closing without a reason, notices in each citizen's language,
// duplicates and support, and the author's confirmation after resolution.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, PrismaClient } from '../generated/prisma/client.ts';
import type { Actor } from '../core/audit/audit-log.ts';
import { createCalendarService } from '../core/calendar/calendar-service.ts';
import { defaultCalendar } from '../core/calendar/defaults.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { notifyStatus } from '../core/reports/report-notify.ts';
import { createReportService, insideKazakhstan, textSimilarity, type NewReport, type ReportService } from '../core/reports/report-service.ts';
import { fixedHolidays, movableHolidays, transfers } from '../prisma/seed/holidays.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { sentParams } from './helpers/outbox.ts';

const operator: Actor = { type: 'staff', id: 1 };
const photo = { kind: 'photo' as const, telegramFileId: 'AgAC-photo', fileUniqueId: 'uniq-1' };
const DAY = 86_400_000;

describe.each(dbTargets)('report service on %s', (target) => {
  let t: TestDb;
  let prisma: PrismaClient;
  let service: ReportService;
  let clock = new Date('2026-03-02T10:00:00+05:00');
  let regionId: number;
  let otherRegionId: number;
  let districtId: number;
  let otherDistrictId: number;
  let nextTelegramId = 1000;
  let nextCategory = 1;

  beforeAll(async () => {
    t = await createTestDb(target);
    prisma = t.db.prisma;
    const calendar = createCalendarService({ prisma, defaults: (year) => defaultCalendar(year, fixedHolidays, movableHolidays, transfers) });
    service = createReportService({ prisma, calendar, i18n: createI18n(), now: () => clock });
    const almaty = await prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' }, include: { districts: true } });
    const astana = await prisma.region.findUniqueOrThrow({ where: { code: 'astana' }, include: { districts: true } });
    regionId = almaty.id;
    districtId = almaty.districts[0]!.id;
    otherDistrictId = almaty.districts[1]!.id;
    otherRegionId = astana.id;
  });

  afterAll(async () => {
    await t?.drop();
  });

  async function citizen(locale: 'kk' | 'ru' = 'ru', consent = true) {
    return prisma.citizen.create({ data: { telegramId: BigInt(nextTelegramId++), locale, consentAt: consent ? new Date('2026-01-01T00:00:00Z') : null } });
  }

  /** A category of our own, so that other tests' reports never get in the way. */
  async function category(deadlineDays = 10): Promise<Category> {
    const template = await prisma.category.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const n = nextCategory++;
    return prisma.category.create({
      data: {
        code: `test-${n}`,
        nameKk: `Сынақ санаты ${n}`,
        nameRu: `Тестовая категория ${n}`,
        hintKk: 'Фото тіркеңіз',
        hintRu: 'Приложите фото',
        group: template.group,
        groupKk: template.groupKk,
        groupRu: template.groupRu,
        departmentId: template.departmentId,
        deadlineDays,
      },
    });
  }

  function input(categoryId: number, extra: Partial<NewReport> = {}): NewReport {
    return {
      source: 'bot',
      categoryId,
      regionId,
      districtId,
      lat: 43.24,
      lon: 76.95,
      description: 'Яма на дороге у остановки, машины объезжают по встречной полосе',
      evidence: [photo],
      ...extra,
    };
  }

  async function fileReport(categoryId: number, extra: Partial<NewReport> = {}) {
    const author = await citizen('kk');
    const report = await service.create({ type: 'citizen', id: author.id }, input(categoryId, { citizenId: author.id, ...extra }));
    return { author, report };
  }

  async function statusMessages(reportId: number) {
    const events = await prisma.reportEvent.findMany({ where: { reportId }, select: { id: true } });
    const keys = new Set(events.map((e) => `report-event:${e.id}:`));
    const rows = await prisma.outboxMessage.findMany({ where: { kind: 'report.status' }, orderBy: { id: 'asc' } });
    return rows
      .filter((r) => r.dedupeKey && [...keys].some((k) => r.dedupeKey!.startsWith(k)))
      .map((r) => ({ citizenId: r.citizenId, chatId: r.chatId, params: sentParams(r) }));
  }

  describe('numbers', () => {
    it('are human-readable and sequential per year, restarting in a new Almaty year', async () => {
      const cat = await category();
      clock = new Date('2026-03-02T10:00:00+05:00');
      const a = await fileReport(cat.id);
      const b = await fileReport(cat.id);
      expect(a.report.number).toBe('KZ-2026-000001');
      expect(b.report.number).toBe('KZ-2026-000002');
      // 02:00 on 1 January in Almaty is still 31 December in UTC: the year is Almaty's.
      clock = new Date('2027-01-01T02:00:00+05:00');
      const c = await fileReport(cat.id);
      expect(c.report.number).toBe('KZ-2027-000001');
      clock = new Date('2026-03-02T10:00:00+05:00');
    });
  });

  describe('filing', () => {
    it('refuses a bot report without photo, video or audio evidence', async () => {
      const cat = await category();
      await expect(service.create(operator, input(cat.id, { evidence: [] }))).rejects.toMatchObject({ code: 'report.evidence_required' });
    });

    it('refuses a too short or too long description, telling the limits', async () => {
      const cat = await category();
      await expect(service.create(operator, input(cat.id, { description: '  яма  ' }))).rejects.toMatchObject({
        code: 'report.description_short',
        params: { min: 10 },
      });
      await expect(service.create(operator, input(cat.id, { description: 'а'.repeat(2001) }))).rejects.toMatchObject({
        code: 'report.description_long',
        params: { max: 2000 },
      });
    });

    it('refuses more than 10 evidence items', async () => {
      const cat = await category();
      const evidence = Array.from({ length: 11 }, (_, i) => ({ ...photo, fileUniqueId: `u${i}` }));
      await expect(service.create(operator, input(cat.id, { evidence }))).rejects.toMatchObject({ code: 'report.evidence_too_many', params: { max: 10 } });
    });

    it('refuses a district from another region', async () => {
      const cat = await category();
      await expect(service.create(operator, input(cat.id, { regionId: otherRegionId }))).rejects.toMatchObject({ code: 'report.district_not_in_region' });
    });

    it("routes the report to its category's department as new, with a created event and an audit row", async () => {
      const cat = await category();
      const { author, report } = await fileReport(cat.id);
      expect(report).toMatchObject({ status: 'new', departmentId: cat.departmentId, citizenId: author.id, regionId, districtId });
      const evidence = await prisma.reportEvidence.findMany({ where: { reportId: report.id } });
      expect(evidence).toHaveLength(1);
      const events = await prisma.reportEvent.findMany({ where: { reportId: report.id } });
      expect(events).toEqual([expect.objectContaining({ type: 'created', toStatus: 'new', actorType: 'citizen', actorId: String(author.id) })]);
      const audit = await prisma.auditLog.findMany({ where: { entity: 'report', entityId: String(report.id), action: 'report.create' } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorType: 'citizen', actorId: String(author.id) });
    });
  });

  describe('status machine', () => {
    it('filing sets the due date in working days (Nauryz, moved days off and the weekend skipped) and accepting later keeps it', async () => {
      const cat = await category(3);
      clock = new Date('2026-03-19T10:00:00+05:00'); // Thursday
      const { report } = await fileReport(cat.id);
      // Fri 20 → (21–23 Nauryz, 24–25 moved days off) → Thu 26 → Fri 27
      expect(report.dueAt).toEqual(new Date('2026-03-27T10:00:00+05:00'));
      clock = new Date('2026-03-26T09:00:00+05:00');
      const after = await service.changeStatus(operator, report.id, { to: 'in_work' });
      expect(after.status).toBe('in_work');
      expect(after.acceptedAt).toEqual(clock);
      // a late acceptance buys no time: the deadline counts from filing
      expect(after.dueAt).toEqual(new Date('2026-03-27T10:00:00+05:00'));
    });

    it('a report nobody accepted falls due like any other, and a reopened one gets a fresh deadline when taken up again', async () => {
      const cat = await category(1);
      clock = new Date('2026-04-06T10:00:00+05:00'); // Monday
      const { report } = await fileReport(cat.id);
      expect(report.dueAt).toEqual(new Date('2026-04-07T10:00:00+05:00'));
      clock = new Date('2026-04-08T10:00:00+05:00');
      await service.changeStatus(operator, report.id, { to: 'resolved', publicNote: 'Сделано' });
      await service.changeStatus({ type: 'citizen', id: 1 }, report.id, { to: 'reopened' });
      clock = new Date('2026-04-09T12:00:00+05:00'); // Thursday
      const again = await service.changeStatus(operator, report.id, { to: 'in_work' });
      expect(again.dueAt).toEqual(new Date('2026-04-10T12:00:00+05:00'));
    });

    it('refuses to close as resolved, rejected or not responsible without a public note', async () => {
      const cat = await category();
      const { report } = await fileReport(cat.id);
      for (const to of ['resolved', 'rejected', 'not_responsible'] as const) {
        await expect(service.changeStatus(operator, report.id, { to })).rejects.toMatchObject({ code: 'report.note_required' });
        await expect(service.changeStatus(operator, report.id, { to, publicNote: '   ' })).rejects.toMatchObject({ code: 'report.note_required' });
      }
      const still = await prisma.report.findUniqueOrThrow({ where: { id: report.id } });
      expect(still.status).toBe('new');
      expect(still.closedAt).toBeNull();
    });

    it('closing as resolved with a note records when, who, and both notes', async () => {
      const cat = await category();
      const { report } = await fileReport(cat.id);
      clock = new Date('2026-04-06T11:00:00+05:00');
      await service.changeStatus(operator, report.id, { to: 'in_work' });
      clock = new Date('2026-04-08T15:30:00+05:00');
      const after = await service.changeStatus(operator, report.id, { to: 'resolved', publicNote: 'Яма заделана', internalNote: 'Бригада №3' });
      expect(after).toMatchObject({ status: 'resolved', resolvedAt: clock, closedAt: clock });
      const event = await prisma.reportEvent.findFirstOrThrow({ where: { reportId: report.id, toStatus: 'resolved' } });
      expect(event).toMatchObject({
        type: 'status',
        fromStatus: 'in_work',
        toStatus: 'resolved',
        publicNote: 'Яма заделана',
        internalNote: 'Бригада №3',
        actorType: 'staff',
        actorId: '1',
        at: clock,
      });
      const audit = await prisma.auditLog.findMany({ where: { entity: 'report', entityId: String(report.id), action: 'report.resolved' } });
      expect(audit).toHaveLength(1);
    });

    it('closing as rejected or not responsible with a reason sets closedAt but not resolvedAt', async () => {
      const cat = await category();
      for (const to of ['rejected', 'not_responsible'] as const) {
        const { report } = await fileReport(cat.id);
        const after = await service.changeStatus(operator, report.id, { to, publicNote: 'Участок частный, обратитесь к владельцу' });
        expect(after).toMatchObject({ status: to, closedAt: clock, resolvedAt: null });
        const event = await prisma.reportEvent.findFirstOrThrow({ where: { reportId: report.id, toStatus: to } });
        expect(event).toMatchObject({ fromStatus: 'new', publicNote: 'Участок частный, обратитесь к владельцу', actorType: 'staff' });
      }
    });

    it('refuses an impossible transition (resolved → in work)', async () => {
      const cat = await category();
      const { report } = await fileReport(cat.id);
      await service.changeStatus(operator, report.id, { to: 'resolved', publicNote: 'Сделано' });
      await expect(service.changeStatus(operator, report.id, { to: 'in_work' })).rejects.toMatchObject({
        code: 'report.bad_transition',
        params: { from: 'resolved', to: 'in_work' },
      });
      expect((await prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('resolved');
    });

    it('refuses a status change of an unknown report', async () => {
      await expect(service.changeStatus(operator, 999_999, { to: 'in_work' })).rejects.toMatchObject({ code: 'report.not_found' });
    });
  });

  describe('closed by the author (DOMAIN.md: problems solved by citizens themselves)', () => {
    it('counts as solved by citizens only when no operator acted; followers hear it, the author does not', async () => {
      const cat = await category();
      clock = new Date('2026-05-04T10:00:00+05:00');
      const { author, report } = await fileReport(cat.id);
      const follower = await citizen('ru');
      await service.support(follower.id, report.id);
      clock = new Date('2026-05-05T10:00:00+05:00');
      const closed = await service.closeByAuthor(author.id, report.id);
      expect(closed).toMatchObject({ status: 'resolved', selfResolved: true, confirmedFixed: true, resolvedAt: clock, closedAt: clock });
      const event = await prisma.reportEvent.findFirstOrThrow({ where: { reportId: report.id, toStatus: 'resolved' } });
      expect(event).toMatchObject({ actorType: 'citizen', actorId: String(author.id), fromStatus: 'new', at: clock });
      const audit = await prisma.auditLog.findMany({ where: { entity: 'report', entityId: String(report.id), action: 'report.self_resolve' } });
      expect(audit).toHaveLength(1);
      const messages = (await statusMessages(report.id)).filter((m) => m.params.text.includes('🟢'));
      expect(messages.map((m) => m.citizenId)).toEqual([follower.id]);
      expect(messages[0]!.params.text).toContain('без участия акимата');

      const accepted = await fileReport(cat.id);
      await service.changeStatus(operator, accepted.report.id, { to: 'in_work' });
      expect(await service.closeByAuthor(accepted.author.id, accepted.report.id)).toMatchObject({ status: 'resolved', selfResolved: false });
    });

    it("is refused for someone else's report and for a closed one", async () => {
      const cat = await category();
      const { author, report } = await fileReport(cat.id);
      const other = await citizen('ru');
      await expect(service.closeByAuthor(other.id, report.id)).rejects.toMatchObject({ code: 'report.not_found' });
      await service.changeStatus(operator, report.id, { to: 'rejected', publicNote: 'Частная территория' });
      await expect(service.closeByAuthor(author.id, report.id)).rejects.toMatchObject({ code: 'report.closed' });
      expect((await prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('rejected');
    });
  });

  describe('notices', () => {
    it('each public change reaches the author and every follower once, in their own language', async () => {
      const cat = await category();
      const { author, report } = await fileReport(cat.id); // kk
      const follower = await citizen('ru');
      const erased = await citizen('ru', false);
      await service.support(follower.id, report.id);
      await service.support(erased.id, report.id);

      await service.changeStatus(operator, report.id, { to: 'in_work' });
      const messages = await statusMessages(report.id);
      expect(messages.map((m) => m.citizenId).sort()).toEqual([author.id, follower.id].sort());
      const toAuthor = messages.find((m) => m.citizenId === author.id)!;
      const toFollower = messages.find((m) => m.citizenId === follower.id)!;
      expect(toAuthor.chatId).toBe(author.telegramId);
      expect(toAuthor.params.text).toContain(`${report.number} өтініші`);
      expect(toAuthor.params.text).toContain('Жұмыста');
      expect(toFollower.params.text).toContain(`Обращение ${report.number}`);
      expect(toFollower.params.text).toContain('В работе');
      expect(toFollower.params.text).toContain('поддержали');
      expect(toAuthor.params.text).not.toContain('қолдағаныңыз');

      // A retry of the same change enqueues nothing more.
      const event = await prisma.reportEvent.findFirstOrThrow({ where: { reportId: report.id, toStatus: 'in_work' } });
      await prisma.$transaction((tx) =>
        notifyStatus(tx, createI18n(), { reportId: report.id, number: report.number, status: 'in_work', publicNote: null, eventId: event.id }),
      );
      expect(await statusMessages(report.id)).toHaveLength(2);
    });

    it('after resolution the author gets "fixed / not fixed" buttons, followers do not', async () => {
      const cat = await category();
      const { author, report } = await fileReport(cat.id);
      const follower = await citizen('ru');
      await service.support(follower.id, report.id);
      await service.changeStatus(operator, report.id, { to: 'resolved', publicNote: 'Яма заделана' });
      const messages = await statusMessages(report.id);
      expect(messages).toHaveLength(2);
      const toAuthor = messages.find((m) => m.citizenId === author.id)!;
      expect(toAuthor.params.text).toContain('Орындалды');
      expect(toAuthor.params.text).toContain('Яма заделана');
      const buttons = toAuthor.params.reply_markup!.inline_keyboard.flat();
      expect(buttons.map((b) => b.callback_data)).toEqual([`rc:ok:${report.id}`, `rc:no:${report.id}`]);
      for (const b of buttons) expect(b.text.length).toBeLessThanOrEqual(30);
      const toFollower = messages.find((m) => m.citizenId === follower.id)!;
      expect(toFollower.params.text).toContain('Выполнено');
      expect(toFollower.params.reply_markup).toBeUndefined();
    });

    it('an erased author hears nothing', async () => {
      const cat = await category();
      const gone = await citizen('kk', false);
      const report = await service.create({ type: 'citizen', id: gone.id }, input(cat.id, { citizenId: gone.id }));
      await service.changeStatus(operator, report.id, { to: 'in_work' });
      expect(await statusMessages(report.id)).toEqual([]);
    });
  });

  describe('duplicates and support', () => {
    it('marking as duplicate needs an original', async () => {
      const cat = await category();
      const { report } = await fileReport(cat.id);
      await expect(service.changeStatus(operator, report.id, { to: 'duplicate' })).rejects.toMatchObject({ code: 'report.duplicate_needs_original' });
      await expect(service.changeStatus(operator, report.id, { to: 'duplicate', duplicateOfId: report.id })).rejects.toMatchObject({
        code: 'report.duplicate_needs_original',
      });
      await expect(service.changeStatus(operator, report.id, { to: 'duplicate', duplicateOfId: 999_999 })).rejects.toMatchObject({
        code: 'report.duplicate_needs_original',
      });
    });

    it("the duplicate's author and followers follow the original, whose support count is its follower count", async () => {
      const cat = await category();
      const original = await fileReport(cat.id);
      const copy = await fileReport(cat.id);
      const follower = await citizen('ru');
      await service.support(follower.id, copy.report.id);
      const after = await service.changeStatus(operator, copy.report.id, { to: 'duplicate', duplicateOfId: original.report.id });
      expect(after).toMatchObject({ status: 'duplicate', duplicateOfId: original.report.id, closedAt: clock });
      const followers = await prisma.reportFollower.findMany({ where: { reportId: original.report.id } });
      expect(followers.map((f) => f.citizenId).sort()).toEqual([copy.author.id, follower.id].sort());
      const o = await prisma.report.findUniqueOrThrow({ where: { id: original.report.id } });
      expect(o.supportCount).toBe(2);
      // the original's own author is not a follower of their report
      expect(followers.map((f) => f.citizenId)).not.toContain(original.author.id);
    });

    it('a second citizen supporting a report follows it and adds one support; twice or own report changes nothing', async () => {
      const cat = await category();
      const { author, report } = await fileReport(cat.id);
      const neighbour = await citizen('ru');
      expect(await service.support(neighbour.id, report.id)).toEqual({ added: true });
      expect(await service.support(neighbour.id, report.id)).toEqual({ added: false });
      expect(await service.support(author.id, report.id)).toEqual({ added: false, own: true });
      const r = await prisma.report.findUniqueOrThrow({ where: { id: report.id }, include: { followers: true } });
      expect(r.supportCount).toBe(1);
      expect(r.followers.map((f) => f.citizenId)).toEqual([neighbour.id]);
    });

    it('supporting an unknown report is refused', async () => {
      const someone = await citizen('ru');
      await expect(service.support(someone.id, 999_999)).rejects.toMatchObject({ code: 'report.not_found' });
    });
  });

  describe('findDuplicates', () => {
    // 0.0009° of latitude ≈ 100 m; 0.0027° ≈ 300 m
    it('finds an open report of the same category 100 m away with its distance, not one 300 m away', async () => {
      const cat = await category();
      const near = await fileReport(cat.id, { lat: 43.24, lon: 76.95 });
      await fileReport(cat.id, { lat: 43.2427, lon: 76.95 });
      const found = await service.findDuplicates({ categoryId: cat.id, regionId, lat: 43.2391, lon: 76.95, description: 'Яма' });
      expect(found.map((f) => f.report.id)).toEqual([near.report.id]);
      expect(found[0]!.distanceM).toBeGreaterThanOrEqual(95);
      expect(found[0]!.distanceM).toBeLessThanOrEqual(105);
    });

    it('does not suggest a closed report, or one of another category', async () => {
      const cat = await category();
      const other = await category();
      const closed = await fileReport(cat.id, { lat: 43.3, lon: 76.9 });
      await service.changeStatus(operator, closed.report.id, { to: 'rejected', publicNote: 'Не подтвердилось' });
      await fileReport(other.id, { lat: 43.3, lon: 76.9 });
      expect(await service.findDuplicates({ categoryId: cat.id, regionId, lat: 43.3, lon: 76.9, description: 'Яма' })).toEqual([]);
    });

    it('without coordinates finds a report in the same district with similar text, not with different text', async () => {
      const cat = await category();
      const text = 'Не работает уличное освещение на улице Абая возле школы';
      const similar = await fileReport(cat.id, { lat: null, lon: null, description: text });
      await fileReport(cat.id, { lat: null, lon: null, districtId: otherDistrictId, description: text });
      const found = await service.findDuplicates({ categoryId: cat.id, regionId, districtId, description: 'Уличное освещение не работает возле школы' });
      expect(found).toEqual([{ report: expect.objectContaining({ id: similar.report.id }), distanceM: null }]);
      expect(await service.findDuplicates({ categoryId: cat.id, regionId, districtId, description: 'Переполнены мусорные контейнеры во дворе дома' })).toEqual(
        [],
      );
    });
  });

  describe("the author's confirmation", () => {
    async function resolved(followerLocale?: 'kk' | 'ru') {
      const cat = await category();
      const filed = await fileReport(cat.id);
      const follower = followerLocale ? await citizen(followerLocale) : undefined;
      if (follower) await service.support(follower.id, filed.report.id);
      clock = new Date('2026-05-04T12:00:00+05:00');
      await service.changeStatus(operator, filed.report.id, { to: 'resolved', publicNote: 'Отремонтировано' });
      return { ...filed, follower, resolvedAt: clock };
    }

    it('"fixed" with a rating of 4 is stored; a rating of 6 is refused', async () => {
      const { author, report } = await resolved();
      await expect(service.confirm(author.id, report.id, { fixed: true, rating: 6 })).rejects.toMatchObject({ code: 'report.bad_rating' });
      clock = new Date('2026-05-05T09:00:00+05:00');
      const after = await service.confirm(author.id, report.id, { fixed: true, rating: 4 });
      expect(after).toMatchObject({ status: 'resolved', confirmedFixed: true, rating: 4, ratedAt: clock });
    });

    it('"not fixed" within 30 days reopens the report and tells its followers', async () => {
      const { author, report, follower, resolvedAt } = await resolved('ru');
      clock = new Date(resolvedAt.getTime() + 29 * DAY);
      const after = await service.confirm(author.id, report.id, { fixed: false });
      expect(after).toMatchObject({ status: 'reopened', reopenedAt: clock, reopenCount: 1, closedAt: null, resolvedAt: null });
      const event = await prisma.reportEvent.findFirstOrThrow({ where: { reportId: report.id, toStatus: 'reopened' } });
      expect(event).toMatchObject({ fromStatus: 'resolved', actorType: 'citizen', actorId: String(author.id) });
      const reopenNotices = (await statusMessages(report.id)).filter((m) => m.citizenId === follower!.id && m.params.text.includes('Открыто повторно'));
      expect(reopenNotices).toHaveLength(1);
    });

    it('"not fixed" after 31 days is refused: the window is over', async () => {
      const { author, report, resolvedAt } = await resolved();
      clock = new Date(resolvedAt.getTime() + 31 * DAY);
      await expect(service.confirm(author.id, report.id, { fixed: false })).rejects.toMatchObject({ code: 'report.reopen_window_over', params: { days: 30 } });
      expect((await prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('resolved');
    });

    it('only the author can confirm', async () => {
      const { report } = await resolved();
      const stranger = await citizen('ru');
      await expect(service.confirm(stranger.id, report.id, { fixed: true, rating: 5 })).rejects.toMatchObject({ code: 'report.not_found' });
    });

    it('a report that is not resolved cannot be confirmed', async () => {
      const cat = await category();
      const { author, report } = await fileReport(cat.id);
      await expect(service.confirm(author.id, report.id, { fixed: true })).rejects.toMatchObject({ code: 'report.not_resolved' });
    });
  });
});

describe('geography and text helpers', () => {
  it('Almaty is inside Kazakhstan, Moscow is not', () => {
    expect(insideKazakhstan(43.24, 76.95)).toBe(true);
    expect(insideKazakhstan(55.75, 37.62)).toBe(false);
  });

  it('textSimilarity: identical texts 1, unrelated 0, empty 0', () => {
    const a = 'Не работает уличное освещение возле школы';
    expect(textSimilarity(a, a)).toBe(1);
    expect(textSimilarity(a, 'Переполнены мусорные контейнеры во дворе')).toBe(0);
    expect(textSimilarity('', a)).toBe(0);
    expect(textSimilarity('Освещение НЕ РАБОТАЕТ', a)).toBe(1);
  });
});
