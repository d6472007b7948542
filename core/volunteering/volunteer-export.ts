// The rankings and a volunteer's certificate as export tables (core/export/table.ts), with headers and
// titles in Kazakh or Russian, written as CSV or XLSX by the shared writers.
import type { TFunction } from 'i18next';
import type { ExportTable } from '../export/table.ts';
import { formatLocalDate } from '../calendar/local-time.ts';
import type { RecordItem } from './volunteer-citizen.ts';
import type { Period, Rankings } from './volunteer-rankings.ts';
import { placeOf, titleIn } from './volunteer-text.ts';

export function periodLabel(t: TFunction, p: Period): string {
  if (p.kind === 'year') return t('volunteering:period.year', { year: p.year });
  if (p.kind === 'quarter') return t('volunteering:period.quarter', { n: p.index, year: p.year });
  return t('volunteering:period.month', { month: t(`volunteering:months.${p.index}`), year: p.year });
}

/** Three sheets: the most active, the favourites, and the totals (the indicator). */
export function rankingTables(t: TFunction, r: Rankings, place: string): ExportTable[] {
  const where = { place, period: periodLabel(t, r.period) };
  const h = (k: string) => t(`volunteering:export.${k}`);
  return [
    {
      sheetName: h('sheet_active'),
      title: t('volunteering:export.title_active', where),
      columns: [
        { header: h('rank'), kind: 'number', width: 8 },
        { header: h('name') },
        { header: h('people'), kind: 'number' },
        { header: h('hours'), kind: 'number' },
        { header: h('events'), kind: 'number' },
      ],
      rows: r.mostActive.map((v) => [v.rank, v.name, v.peopleHelped, v.hours, v.events]),
    },
    {
      sheetName: h('sheet_favourite'),
      title: t('volunteering:export.title_favourite', where),
      columns: [
        { header: h('rank'), kind: 'number', width: 8 },
        { header: h('name') },
        { header: h('positive'), kind: 'number' },
        { header: h('average'), kind: 'number' },
        { header: h('reviews'), kind: 'number' },
        { header: h('people'), kind: 'number' },
      ],
      rows: r.favourite.map((v) => [v.rank, v.name, v.positiveReviews, v.averageRating, v.reviews, v.peopleHelped]),
    },
    {
      sheetName: h('sheet_totals'),
      title: t('volunteering:export.title_totals', where),
      columns: [{ header: h('indicator') }, { header: h('value'), kind: 'number' }],
      rows: [
        [h('hours'), r.totals.hours],
        [h('people'), r.totals.peopleHelped],
        [h('volunteers'), r.totals.volunteers],
        [h('events'), r.totals.events],
      ],
    },
  ];
}

export interface Certificate {
  name: string;
  items: RecordItem[];
  period: Period | null;
  issuedAt: Date;
}

/** A volunteer's record: one row per event, the totals under it, and who and when in the title. */
export function certificateTable(t: TFunction, locale: string, c: Certificate): ExportTable {
  const h = (k: string) => t(`volunteering:certificate.${k}`);
  const hours = Math.round(c.items.reduce((s, i) => s + i.hours, 0) * 100) / 100;
  const people = c.items.reduce((s, i) => s + i.peopleHelped, 0);
  return {
    sheetName: h('sheet'),
    title: t('volunteering:certificate.title', {
      name: c.name,
      period: c.period ? periodLabel(t, c.period) : h('all_time'),
      issued: formatLocalDate(c.issuedAt),
      events: c.items.length,
      hours,
      people,
    }),
    columns: [
      { header: h('date'), kind: 'date' },
      { header: h('event') },
      { header: h('organiser') },
      { header: h('place') },
      { header: h('hours'), kind: 'number' },
      { header: h('people'), kind: 'number' },
    ],
    rows: c.items.map((i) => [
      i.opportunity.startsAt,
      titleIn(i.opportunity, locale),
      i.opportunity.organiserName,
      placeOf(i.opportunity, locale),
      i.hours,
      i.peopleHelped,
    ]),
    footer: [[h('total'), null, null, null, hours, people]],
  };
}
