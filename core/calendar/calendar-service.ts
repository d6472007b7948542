// The working-day calendar as stored (defaults from the seed, decrees entered by admins).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { invalid, notFound } from '../errors.ts';
import { isDateString } from './local-time.ts';
import { WorkingCalendar, type CalendarException, type DayKind } from './working-days.ts';

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const fromDate = (d: Date) => d.toISOString().slice(0, 10);

export function createCalendarService({ prisma, ttlMs = 60_000 }: { prisma: PrismaClient; ttlMs?: number }) {
  let cached: { at: number; value: Promise<WorkingCalendar> } | undefined;

  async function load(): Promise<WorkingCalendar> {
    const rows = await prisma.calendarDay.findMany();
    return new WorkingCalendar(rows.map((r) => ({ date: fromDate(r.date), kind: r.kind, nameKk: r.nameKk, nameRu: r.nameRu })));
  }

  return {
    /** The calendar, cached briefly: deadlines are computed often and the calendar changes a few times a year. */
    calendar(): Promise<WorkingCalendar> {
      if (!cached || Date.now() - cached.at > ttlMs) {
        const value = load();
        cached = { at: Date.now(), value };
        value.catch(() => (cached = undefined));
      }
      return cached.value;
    },

    async list(year: number): Promise<Array<CalendarException & { source: string }>> {
      const rows = await prisma.calendarDay.findMany({
        where: { date: { gte: toDate(`${year}-01-01`), lte: toDate(`${year}-12-31`) } },
        orderBy: { date: 'asc' },
      });
      return rows.map((r) => ({ date: fromDate(r.date), kind: r.kind, nameKk: r.nameKk, nameRu: r.nameRu, source: r.source }));
    },

    /** An admin's entry (e.g. the annual decree moving days off); never overwritten by the seed. */
    async setDay(actor: Actor, day: { date: string; kind: DayKind; nameKk: string; nameRu: string }) {
      if (!isDateString(day.date)) throw invalid('calendar.bad_date');
      const before = await prisma.calendarDay.findUnique({ where: { date: toDate(day.date) } });
      await prisma.$transaction(async (tx) => {
        await tx.calendarDay.upsert({
          where: { date: toDate(day.date) },
          create: { date: toDate(day.date), kind: day.kind, nameKk: day.nameKk, nameRu: day.nameRu, source: 'admin' },
          update: { kind: day.kind, nameKk: day.nameKk, nameRu: day.nameRu, source: 'admin' },
        });
        await recordAudit(tx, actor, { action: 'calendar.set', entity: 'calendar_day', entityId: day.date, before, after: day });
      });
      cached = undefined;
    },

    async removeDay(actor: Actor, date: string) {
      if (!isDateString(date)) throw invalid('calendar.bad_date');
      const before = await prisma.calendarDay.findUnique({ where: { date: toDate(date) } });
      if (!before) throw notFound('calendar.not_found');
      await prisma.$transaction(async (tx) => {
        // Kept as an admin-sourced "working day" marker would change meaning; deleting restores Mon–Fri.
        await tx.calendarDay.delete({ where: { date: toDate(date) } });
        await recordAudit(tx, actor, { action: 'calendar.remove', entity: 'calendar_day', entityId: date, before });
      });
      cached = undefined;
    },

    invalidate(): void {
      cached = undefined;
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
