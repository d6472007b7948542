// The impact tables for XLSX/CSV in Kazakh or Russian: the balanced scorecard (a group row Қаржылық /
// Әлеуметтік / Ұйымдастырушылық under the header) and the SROI sheet, where the ratio is printed above its
// range and every outcome's assumptions, never alone.
import type { TFunction } from 'i18next';
import type { ExportCell, ExportTable } from '../export/table.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { ScorecardRow } from './scorecard.ts';
import type { SroiView } from './sroi-service.ts';
import type { SroiResult } from './sroi.ts';

const frac = (p: number | null | undefined) => (p == null ? null : p / 100);

export function scorecardTable(t: TFunction, lang: Locale, year: number, rows: readonly ScorecardRow[]): ExportTable {
  const s = (k: string) => t(`impact:scorecard.${k}`);
  const g = (k: string) => t(`impact:scorecard.groups.${k}`);
  return {
    sheetName: s('sheet'),
    title: t('impact:scorecard.title', { year }),
    columns: [
      { header: s('project'), width: 40 },
      { header: s('supplier'), width: 30 },
      { header: s('contract_sum'), kind: 'number' },
      { header: s('planned_sum'), kind: 'number' },
      { header: s('beneficiaries'), kind: 'number' },
      { header: s('cost_per_beneficiary'), kind: 'number' },
      { header: s('outcome_progress'), kind: 'percent' },
      { header: s('outcome_indicators'), kind: 'number' },
      { header: s('satisfaction'), kind: 'percent' },
      { header: s('satisfaction_base'), kind: 'number' },
      { header: s('expert_score'), kind: 'number' },
      { header: s('on_time_reporting'), kind: 'percent' },
      { header: s('requests_due'), kind: 'number' },
      { header: s('measures_closed'), kind: 'percent' },
      { header: s('measures_due'), kind: 'number' },
      { header: s('rounds'), kind: 'number' },
    ],
    subheader: [g('project'), '', g('financial'), '', '', '', g('social'), '', '', '', '', g('organisational'), '', '', '', ''],
    rows: rows.map((r): ExportCell[] => [
      lang === 'kk' ? r.nameKk : r.nameRu,
      r.supplierName,
      r.financial.contractSum,
      r.financial.plannedSum,
      r.financial.beneficiaries,
      r.financial.costPerBeneficiary,
      frac(r.social.outcomeProgress),
      r.social.outcomeIndicators || null,
      frac(r.social.satisfaction?.index),
      r.social.satisfaction?.base ?? null,
      r.social.expertScore,
      frac(r.organisational.onTimeReporting?.percent),
      r.organisational.onTimeReporting?.due ?? null,
      frac(r.organisational.measuresClosed?.percent),
      r.organisational.measuresClosed?.due ?? null,
      r.organisational.rounds.completed,
    ]),
  };
}

export function sroiTables(t: TFunction, lang: Locale, projectName: string, v: SroiView & { result: SroiResult }): ExportTable[] {
  const s = (k: string) => t(`impact:sroi.${k}`);
  const name = (x: { nameKk: string; nameRu: string }) => (lang === 'kk' ? x.nameKk : x.nameRu);
  const r = v.result;
  const summary: ExportTable = {
    sheetName: s('sheet'),
    title: t('impact:sroi.title', { project: projectName }),
    columns: [
      { header: '', width: 36 },
      { header: '', width: 20, kind: 'number' },
    ],
    rows: [
      [s('ratio'), r.ratio],
      [s('range'), `${r.low} – ${r.high}`],
      [s('net'), r.net],
      [s('break_even'), r.breakEven],
      [s('discount'), r.discountRate],
      [s('total_inputs'), r.totalInputs],
      [s('present_value'), r.presentValue],
    ],
  };
  const inputs: ExportTable = {
    sheetName: s('inputs'),
    columns: [
      { header: s('inputs'), width: 30 },
      { header: s('amount'), kind: 'number' },
      { header: s('source'), width: 40 },
    ],
    rows: r.inputs.map((i) => [`${t(`impact:sroi.kind.${i.kind}`)}: ${lang === 'kk' ? i.labelKk : i.labelRu}`, i.amount, i.source]),
  };
  const outcomes: ExportTable = {
    sheetName: s('outcome'),
    columns: [
      { header: s('outcome'), width: 30 },
      { header: s('quantity'), kind: 'number' },
      { header: s('proxy'), width: 30 },
      { header: s('proxy_value'), kind: 'number' },
      { header: s('proxy_source'), width: 40 },
      { header: s('duration'), kind: 'number' },
      { header: s('deadweight'), kind: 'number' },
      { header: s('displacement'), kind: 'number' },
      { header: s('attribution'), kind: 'number' },
      { header: s('drop_off'), kind: 'number' },
      { header: s('rationale'), width: 50 },
      { header: s('value_year1'), kind: 'number' },
      { header: s('value_pv'), kind: 'number' },
    ],
    rows: r.outcomes.map((o) => [
      name(o),
      o.quantity,
      name(o.proxy),
      o.assumptions.proxyValue,
      o.assumptions.proxySource,
      o.assumptions.durationYears,
      o.assumptions.deadweight,
      o.assumptions.displacement,
      o.assumptions.attribution,
      o.assumptions.dropOff,
      o.assumptions.rationale,
      o.v1,
      o.pv,
    ]),
  };
  return [summary, inputs, outcomes];
}
