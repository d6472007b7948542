// Annex 9 (seed 003 item 21 and the form L635–661): a state body's monitoring report for a year, by the
// half-year or for the whole year. The seed has no header row, so the 8 headers come from the form's notes
// 4–10. Only areas with projects appear, each numbered from 1 with «Жиынында» for the sums (columns 4 and
// 5) and «Барлығы» under all; column 7 adds the positive effect and column 8 is filled in the annual version
// only (notes 9 and 10); the first head, or whoever acts for them, signs (note 3).
import type { TFunction } from 'i18next';
import type { DataRowKind, ExportCell, ExportTable } from '../../export/table.ts';
import { areaHeading, inLocale, sumTenths, type FormArea, type FormBody } from './form-table.ts';

export type ReportKind = 'half_year' | 'annual';

/** Column 8: the Annex 8 total of a closed evaluation, or why there is none. */
export type Column8 = { score: number } | { state: 'not_evaluated' | 'continues' };

export interface Annex9Row {
  projectId: number;
  areaId: number;
  nameKk: string;
  nameRu: string;
  /** thousand tenge; null when the project has no planned sum */
  plannedSum: number | null;
  contractSum: number;
  supplierName: string;
  col7Kk: string;
  col7Ru: string;
  col8: Column8;
}

export interface Annex9Input {
  year: number;
  kind: ReportKind;
  body: FormBody;
  /** every area; only those with rows are written */
  areas: readonly FormArea[];
  rows: readonly Annex9Row[];
  signer: { name: string; acting: boolean };
}

export interface Annex9Table extends ExportTable {
  /** for each data row, the project it shows (null: a heading or a subtotal) */
  rowIds: Array<number | null>;
  totals: { planned: number; contract: number };
}

function col8(t: TFunction, kind: ReportKind, value: Column8): ExportCell {
  if (kind === 'half_year') return null;
  return 'score' in value ? value.score : t(`monitoring-forms:annex9.${value.state}`);
}

export function annex9Table(t: TFunction, locale: string, input: Annex9Input): Annex9Table {
  const h = (k: string, o?: Record<string, unknown>) => t(`monitoring-forms:annex9.${k}`, o);
  const rows: ExportCell[][] = [];
  const kinds: Array<DataRowKind | undefined> = [];
  const rowIds: Array<number | null> = [];
  const planned: number[] = [];
  const contract: number[] = [];
  for (const area of input.areas) {
    const mine = input.rows.filter((r) => r.areaId === area.id);
    if (mine.length === 0) continue;
    rows.push([areaHeading(t, locale, area)]);
    kinds.push('section');
    rowIds.push(null);
    for (const [i, r] of mine.entries()) {
      rows.push([
        String(i + 1),
        inLocale(input.body, locale),
        inLocale(r, locale),
        r.plannedSum,
        r.contractSum,
        r.supplierName,
        locale === 'kk' ? r.col7Kk : r.col7Ru,
        col8(t, input.kind, r.col8),
      ]);
      kinds.push(undefined);
      rowIds.push(r.projectId);
    }
    const p = sumTenths(mine.map((r) => r.plannedSum));
    const c = sumTenths(mine.map((r) => r.contractSum));
    planned.push(p);
    contract.push(c);
    rows.push([h('subtotal'), null, null, p, c]);
    kinds.push('subtotal');
    rowIds.push(null);
  }
  const totals = { planned: sumTenths(planned), contract: sumTenths(contract) };
  const signer = h(input.signer.acting ? 'signer_acting' : 'signer', { name: input.signer.name });
  return {
    sheetName: h('sheet'),
    title: `${h('above')}\n\n${h('title', { year: input.year })} ${h(input.kind)}`,
    columns: [
      { header: h('col1'), width: 6 },
      { header: h('col2'), width: 28 },
      { header: h('col3'), width: 36 },
      { header: h('col4'), kind: 'number', width: 15 },
      { header: h('col5'), kind: 'number', width: 15 },
      { header: h('col6'), width: 26 },
      { header: h(input.kind === 'annual' ? 'col7_annual' : 'col7'), width: 70 },
      { header: h('col8'), width: 16 },
    ],
    subheader: ['1', '2', '3', '4', '5', '6', '7', '8'],
    rows,
    kinds,
    footer: [[h('total'), null, null, totals.planned, totals.contract], [], [signer]],
    rowIds,
    totals,
  };
}
