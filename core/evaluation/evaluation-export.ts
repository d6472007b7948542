// Annex 7 (one expert's sheet), Annex 8 (the council's averages) and Annex 5 (a body's projects of a
// year with their average score) as export tables in Kazakh or Russian (seed 003 annex forms).
import type { TFunction } from 'i18next';
import { formatLocalDate } from '../calendar/local-time.ts';
import type { ExportTable } from '../export/table.ts';
import { nameIn } from '../projects/project-rules.ts';
import { CRITERIA } from './criteria.ts';
import type { CouncilReport, ExpertSheet } from './expert-scoring.ts';

const criterionName = (locale: string, n: number) => {
  const c = CRITERIA.find((x) => x.number === n)!;
  return locale === 'kk' ? c.nameKk : c.nameRu;
};

export function annex7Table(t: TFunction, locale: string, s: ExpertSheet): ExportTable {
  const h = (k: string) => t(`projects:annex7.${k}`);
  return {
    sheetName: h('sheet'),
    title: h('title'),
    columns: [
      { header: h('number'), width: 8 },
      { header: h('criterion'), width: 60 },
      { header: h('score'), kind: 'number', width: 14 },
      { header: h('comment'), width: 60 },
    ],
    rows: [
      ['', h('project'), null, nameIn(s.project, locale)],
      ['', h('supplier'), null, s.project.supplierName],
      ['', h('expert'), null, s.expert.fullName],
      ['', h('position'), null, s.expert.position],
      ['', h('filled'), null, s.filledAt ? formatLocalDate(s.filledAt) : ''],
      ...s.scores.map((x) => [String(x.criterion), criterionName(locale, x.criterion), x.score, x.comment ?? '']),
    ],
    footer: [['', h('total'), s.total, null]],
  };
}

export function annex8Table(t: TFunction, locale: string, r: CouncilReport, areaName: string): ExportTable {
  const h = (k: string) => t(`projects:annex8.${k}`);
  const experts = r.scoredBy.length ? t('projects:annex8.experts', { names: r.scoredBy.map((e) => e.fullName).join(', ') }) : h('no_experts');
  return {
    sheetName: h('sheet'),
    title: t('projects:annex8.title', { area: areaName, project: nameIn(r.project, locale) }),
    columns: [
      { header: h('number'), width: 8 },
      { header: h('criterion'), width: 60 },
      { header: h('average'), kind: 'number', width: 16 },
      { header: h('comment'), width: 70 },
    ],
    rows: r.criteria.map((c) => [
      String(c.criterion),
      criterionName(locale, c.criterion),
      c.average,
      c.comments.map((x) => `${x.fullName}: ${x.comment}`).join('\n'),
    ]),
    footer: [['', h('total'), r.total, r.closedAt ? experts : `${experts}. ${h('provisional')}`]],
  };
}

export interface Annex5Row {
  nameKk: string;
  nameRu: string;
  supplierName: string;
  contractSum: number;
  goalsKk: string;
  goalsRu: string;
  objectivesKk: string;
  objectivesRu: string;
  startsOn: Date;
  endsOn: Date;
  activitiesKk: string;
  activitiesRu: string;
  resultsKk: string;
  resultsRu: string;
  /** the Annex 8 total of a closed evaluation (out of 20); null until closed */
  score: number | null;
}

const pick = (locale: string, kk: string, ru: string) => (locale === 'kk' ? kk || ru : ru || kk);

export function annex5Table(t: TFunction, locale: string, bodyName: string, year: number, rows: Annex5Row[]): ExportTable {
  const h = (k: string) => t(`projects:annex5.${k}`);
  return {
    sheetName: h('sheet'),
    title: t('projects:annex5.title', { body: bodyName, year }),
    columns: [
      { header: h('project'), width: 40 },
      { header: h('supplier'), width: 30 },
      { header: h('sum'), kind: 'number', width: 14 },
      { header: h('goals'), width: 50 },
      { header: h('period'), width: 24 },
      { header: h('activities'), width: 60 },
      { header: h('results'), width: 60 },
      { header: h('score'), width: 14 },
    ],
    rows: rows.map((p) => {
      const goals = pick(locale, p.goalsKk, p.goalsRu);
      const objectives = pick(locale, p.objectivesKk, p.objectivesRu);
      return [
        pick(locale, p.nameKk, p.nameRu),
        p.supplierName,
        p.contractSum,
        [goals, objectives].filter(Boolean).join('\n'),
        `${formatLocalDate(p.startsOn)} — ${formatLocalDate(p.endsOn)}`,
        pick(locale, p.activitiesKk, p.activitiesRu),
        pick(locale, p.resultsKk, p.resultsRu),
        p.score ?? h('not_evaluated'),
      ];
    }),
  };
}
