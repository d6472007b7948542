// Totals of the consultation log per group (topic, target group, channel, consultant, region) and per
// reporting period (month, quarter, half-year, year; DOMAIN.md) in Almaty time: how many consultations,
// the average satisfaction score, the share satisfied, and the median time to the first answer.
//
// The share satisfied is scores 4–5 among the consultations that have a score: an unrated consultation
// is unknown, not "hard to answer" (the population survey's base includes that answer; our 1–5 scale has
// none). Both the share and the average are null when nothing in the cell was rated; the median is over
// entries with a response time (bot questions that were answered, offline entries that give one).
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AskerGroup, ConsultationChannel } from '../../generated/prisma/enums.ts';
import { periodKeyOf } from '../calendar/periods.ts';
import { round } from '../numbers.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { consultationWhere, type LogFilter } from './consultation-log.ts';
import { GROUP_BY, PERIODS } from './consultation-rules.ts';

export type GroupBy = (typeof GROUP_BY)[number];
export type Period = (typeof PERIODS)[number];

export interface Measures {
  count: number;
  rated: number;
  /** two decimals */
  averageSatisfaction: number | null;
  /** 0..1, four decimals */
  satisfiedShare: number | null;
  /** entries with a response time */
  responded: number;
  medianResponseMinutes: number | null;
}

export interface TotalsRow extends Measures {
  /** e.g. 2026-03, 2026-Q1, 2026-H1, 2026 */
  period: string;
  group: { key: string; id: number | null; nameKk: string; nameRu: string };
}

export interface Totals {
  groupBy: GroupBy;
  period: Period;
  rows: TotalsRow[];
  /** everything in the range, all groups and periods together */
  total: Measures;
}

/** The period an instant falls in, by its Almaty date. */
export const periodOf = (instant: Date, period: Period): string => periodKeyOf(instant, period);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function measure(entries: Array<{ satisfaction: number | null; responseMinutes: number | null }>): Measures {
  const scores = entries.map((e) => e.satisfaction).filter((s): s is number => s != null);
  const minutes = entries.map((e) => e.responseMinutes).filter((m): m is number => m != null);
  return {
    count: entries.length,
    rated: scores.length,
    averageSatisfaction: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 2) : null,
    satisfiedShare: scores.length ? round(scores.filter((s) => s >= 4).length / scores.length, 4) : null,
    responded: minutes.length,
    medianResponseMinutes: median(minutes),
  };
}

interface Group {
  key: string;
  id: number | null;
  nameKk: string;
  nameRu: string;
  /** order within a period */
  order: number;
}

export async function consultationTotals(
  prisma: PrismaClient,
  i18n: i18n,
  staff: StaffPrincipal,
  query: LogFilter & { groupBy: GroupBy; period: Period },
): Promise<Totals> {
  const entries = await prisma.consultation.findMany({
    where: consultationWhere(query, staff),
    select: { date: true, channel: true, topicId: true, askerGroup: true, regionId: true, consultantId: true, satisfaction: true, responseMinutes: true },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
  });
  const groupOf = await grouper(prisma, i18n, query.groupBy, entries);
  const cells = new Map<string, { period: string; group: Group; entries: typeof entries }>();
  for (const e of entries) {
    const period = periodOf(e.date, query.period);
    const group = groupOf(e);
    const key = `${period}\u0000${group.key}`;
    const cell = cells.get(key) ?? { period, group, entries: [] };
    cell.entries.push(e);
    cells.set(key, cell);
  }
  const rows = [...cells.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || a.group.order - b.group.order || a.group.key.localeCompare(b.group.key))
    .map(({ period, group: { order: _order, ...group }, entries: list }) => ({ period, group, ...measure(list) }));
  return { groupBy: query.groupBy, period: query.period, rows, total: measure(entries) };
}

type Entry = { channel: ConsultationChannel; topicId: number; askerGroup: AskerGroup; regionId: number | null; consultantId: number | null };

/** How an entry is named in its group, with names from the reference tables or the locales. */
async function grouper(prisma: PrismaClient, i18n: i18n, by: GroupBy, entries: Entry[]): Promise<(e: Entry) => Group> {
  const [kk, ru] = [i18n.getFixedT('kk'), i18n.getFixedT('ru')];
  const none = (key: string): Group => ({
    key,
    id: null,
    nameKk: kk('consultations:totals.none'),
    nameRu: ru('consultations:totals.none'),
    order: Number.MAX_SAFE_INTEGER,
  });
  const ids = (pick: (e: Entry) => number | null) => [...new Set(entries.map(pick).filter((x): x is number => x != null))];
  switch (by) {
    case 'askerGroup':
    case 'channel': {
      const values: string[] = Object.values(by === 'channel' ? ConsultationChannel : AskerGroup);
      const ns = by === 'channel' ? 'channel' : 'group';
      return (e) => {
        const v = e[by];
        return { key: v, id: null, nameKk: kk(`consultations:${ns}.${v}`), nameRu: ru(`consultations:${ns}.${v}`), order: values.indexOf(v) };
      };
    }
    case 'topic': {
      const topics = new Map((await prisma.consultationTopic.findMany({ where: { id: { in: ids((e) => e.topicId) } } })).map((t) => [t.id, t]));
      return (e) => {
        const t = topics.get(e.topicId)!;
        return { key: `topic:${t.id}`, id: t.id, nameKk: t.nameKk, nameRu: t.nameRu, order: t.sort };
      };
    }
    case 'region': {
      const regions = new Map((await prisma.region.findMany({ where: { id: { in: ids((e) => e.regionId) } } })).map((r) => [r.id, r]));
      return (e) => {
        const r = e.regionId == null ? undefined : regions.get(e.regionId);
        return r ? { key: `region:${r.id}`, id: r.id, nameKk: r.nameKk, nameRu: r.nameRu, order: r.sort } : none('region:none');
      };
    }
    case 'consultant': {
      const people = new Map((await prisma.staffUser.findMany({ where: { id: { in: ids((e) => e.consultantId) } } })).map((s) => [s.id, s]));
      return (e) => {
        const s = e.consultantId == null ? undefined : people.get(e.consultantId);
        return s ? { key: `consultant:${s.id}`, id: s.id, nameKk: s.fullName, nameRu: s.fullName, order: s.id } : none('consultant:none');
      };
    }
  }
}
