// The working-day calendar as stored (defaults from the seed, decrees entered by admins).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { ttlCached } from '../cache/ttl-cached.ts';
import { invalid, notFound } from '../errors.ts';
import { isDateString } from './local-time.ts';
import { WorkingCalendar, type CalendarException, type DayKind } from './working-days.ts';

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const fromDate = (d: Date) => d.toISOString().slice(0, 10);

export interface CalendarServiceDeps {
  prisma: PrismaClient;
  /** the default calendar of a year (holidays and the weekend rule), to restore a date an admin had changed */
  defaults?: (year: number) => CalendarException[];
  ttlMs?: number;
}

export function createCalendarService({ prisma, defaults = () => [], ttlMs = 60_000 }: CalendarServiceDeps) {
  async function load(): Promise<WorkingCalendar> {
    const rows = await prisma.calendarDay.findMany();
    return new WorkingCalendar(rows.map((r) => ({ date: fromDate(r.date), kind: r.kind, nameKk: r.nameKk, nameRu: r.nameRu })));
  }

  // Deadlines are computed often and the calendar changes a few times a year.
  const cached = ttlCached(load, ttlMs);

  return {
    calendar: cached.get,

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
      cached.invalidate();
    },

    async removeDay(actor: Actor, date: string) {
      if (!isDateString(date)) throw invalid('calendar.bad_date');
      const before = await prisma.calendarDay.findUnique({ where: { date: toDate(date) } });
      if (!before) throw notFound('calendar.not_found');
      const fallback = defaults(Number(date.slice(0, 4))).find((d) => d.date === date);
      await prisma.$transaction(async (tx) => {
        if (fallback) {
          // A legal holiday or moved day off comes back rather than turning into a working day.
          const after = { kind: fallback.kind, nameKk: fallback.nameKk, nameRu: fallback.nameRu, source: 'default' };
          await tx.calendarDay.update({ where: { date: toDate(date) }, data: after });
          await recordAudit(tx, actor, { action: 'calendar.remove', entity: 'calendar_day', entityId: date, before, after });
        } else {
          await tx.calendarDay.delete({ where: { date: toDate(date) } });
          await recordAudit(tx, actor, { action: 'calendar.remove', entity: 'calendar_day', entityId: date, before });
        }
      });
      cached.invalidate();
    },

    invalidate: cached.invalidate,
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
