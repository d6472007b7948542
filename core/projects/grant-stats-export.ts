// The grant report's participant tables (seed 004) as export tables in Kazakh or Russian: gender,
// social status, age (each one row: the counts under the form's columns, "not stated" last, the total
// first), and the events table with the attendances' sum under it.
import type { TFunction } from 'i18next';
import { formatLocalDate } from '../calendar/local-time.ts';
import type { ExportTable } from '../export/table.ts';
import { localName } from '../reference/reference-service.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import { ALL_AGE_BRACKETS } from './age-brackets.ts';
import { NOT_STATED, type GrantStats } from './grant-stats.ts';
import { dateOnly } from './project-rules.ts';

export function statusLabel(t: TFunction, locale: string, code: string): string {
  const s = socialStatuses.find((x) => x.code === code);
  return s ? localName(s, locale) : t('projects:not_stated');
}

export function ageLabel(t: TFunction, locale: string, code: string): string {
  const b = ALL_AGE_BRACKETS.find((x) => x.code === code);
  return b ? (locale === 'kk' ? b.labelKk : b.labelRu) : t('projects:not_stated');
}

export function grantStatsTables(t: TFunction, locale: string, projectName: string, s: GrantStats): ExportTable[] {
  const where = { project: projectName, from: formatLocalDate(dateOnly(s.period.from)), to: formatLocalDate(dateOnly(s.period.to)) };
  const h = (k: string) => t(`projects:stats.${k}`);
  const num = (header: string) => ({ header, kind: 'number' as const });
  return [
    {
      sheetName: h('sheet_gender'),
      title: t('projects:stats.title_gender', where),
      columns: [num(h('total')), num(t('projects:gender.male')), num(t('projects:gender.female')), num(t('projects:gender.not_stated'))],
      rows: [[s.gender.total, s.gender.male, s.gender.female, s.gender.notStated]],
    },
    {
      sheetName: h('sheet_status'),
      title: t('projects:stats.title_status', where),
      columns: [num(h('total')), ...s.socialStatus.map((c) => num(statusLabel(t, locale, c.code)))],
      rows: [[s.total, ...s.socialStatus.map((c) => c.count)]],
    },
    {
      sheetName: h('sheet_age'),
      title: t('projects:stats.title_age', where),
      columns: [num(h('total')), ...s.age.map((c) => num(c.code === NOT_STATED ? t('projects:not_stated') : ageLabel(t, locale, c.code)))],
      rows: [[s.total, ...s.age.map((c) => c.count)]],
    },
    {
      sheetName: h('sheet_events'),
      title: t('projects:stats.title_events', where),
      columns: [
        { header: h('number'), kind: 'number', width: 6 },
        { header: h('date'), kind: 'date' },
        { header: h('place') },
        { header: h('form') },
        num(h('participants')),
        { header: h('completeness') },
      ],
      rows: s.events.map((e, i) => [i + 1, e.heldOn, e.place, e.form, e.participants, e.completeness]),
      footer: [[h('events_total'), null, null, null, s.eventParticipants, null]],
    },
  ];
}
