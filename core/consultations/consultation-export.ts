// The consultation log and its totals as export tables (CSV/XLSX through core/export), with Kazakh or
// Russian headers and names: the form consultants used to fill in by hand, now filled by the system.
import type { i18n, TFunction } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ExportTable } from '../export/table.ts';
import { invalid } from '../errors.ts';
import type { Locale } from '../i18n/i18n.ts';
import { localName } from '../reference/reference-service.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { consultationWhere, LOG_INCLUDE, type LogFilter } from './consultation-log.ts';
import type { Measures, Totals } from './consultation-totals.ts';

/** More rows than this is not a log anyone reads: narrow the dates. */
export const EXPORT_MAX_ROWS = 100_000;

export async function logTable(prisma: PrismaClient, i18n: i18n, staff: StaffPrincipal, filter: LogFilter, lang: Locale): Promise<ExportTable> {
  const t = i18n.getFixedT(lang);
  const where = consultationWhere(filter, staff);
  const count = await prisma.consultation.count({ where });
  if (count > EXPORT_MAX_ROWS) throw invalid('consultation.export_too_big', { max: EXPORT_MAX_ROWS, count });
  const rows = await prisma.consultation.findMany({ where, include: LOG_INCLUDE, orderBy: [{ date: 'asc' }, { id: 'asc' }] });
  const h = (key: string) => t(`consultations:log.${key}`);
  return {
    sheetName: t('consultations:log.sheet'),
    title: t('consultations:log.title'),
    columns: [
      { header: h('date'), kind: 'datetime' },
      { header: h('channel') },
      { header: h('topic'), width: 30 },
      { header: h('group') },
      { header: h('region') },
      { header: h('consultant') },
      { header: h('summary'), width: 60 },
      { header: h('result') },
      { header: h('response'), kind: 'number' },
      { header: h('satisfaction'), kind: 'number' },
    ],
    rows: rows.map((c) => [
      c.date,
      t(`consultations:channel.${c.channel}`),
      localName(c.topic, lang),
      t(`consultations:group.${c.askerGroup}`),
      c.region ? localName(c.region, lang) : null,
      c.consultant?.fullName ?? null,
      c.summary,
      t(`consultations:result.${c.result}`),
      c.responseMinutes,
      c.satisfaction,
    ]),
  };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** 2026-03 → 03.2026; 2026-Q1 → "I квартал 2026"; 2026-H2 → "2-е полугодие 2026"; 2026 → 2026. */
export function periodLabel(t: TFunction, key: string): string {
  const m = /^(\d{4})(?:-(\d{2})|-Q(\d)|-H(\d))?$/.exec(key);
  if (!m) return key;
  const [, year, month, quarter, half] = m;
  if (month) return `${month}.${year}`;
  if (quarter) return t('consultations:period.quarter', { n: ROMAN[Number(quarter) - 1], year });
  if (half) return t('consultations:period.half', { n: half, year });
  return year!;
}

export function totalsTable(i18n: i18n, totals: Totals, lang: Locale): ExportTable {
  const t = i18n.getFixedT(lang);
  const h = (key: string) => t(`consultations:totals.${key}`);
  const measures = (m: Measures) => [m.count, m.rated, m.averageSatisfaction, m.satisfiedShare, m.medianResponseMinutes];
  return {
    sheetName: t('consultations:totals.sheet'),
    title: `${t('consultations:totals.title')} (${h(`by.${totals.groupBy}`)})`,
    columns: [
      { header: h('period') },
      { header: h(`by.${totals.groupBy}`), width: 30 },
      { header: h('count'), kind: 'number' },
      { header: h('rated'), kind: 'number' },
      { header: h('average'), kind: 'number' },
      { header: h('satisfied'), kind: 'percent' },
      { header: h('median'), kind: 'number' },
    ],
    rows: totals.rows.map((r) => [periodLabel(t, r.period), lang === 'kk' ? r.group.nameKk : r.group.nameRu, ...measures(r)]),
    footer: [[h('total'), null, ...measures(totals.total)]],
  };
}
