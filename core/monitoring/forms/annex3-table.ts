// Annex 3 (seed 003 item 7, stage 3, and the form L406–486): the projects a state body plans for a year
// after the public discussion, under all 19 areas in order, each area's rows numbered from 1 with its
// subtotal «Жиынында», then the grand total «Барлығы» the issue asks for (the form itself has none).
import type { TFunction } from 'i18next';
import type { DataRowKind, ExportCell, ExportTable } from '../../export/table.ts';
import { areaHeading, inLocale, sumTenths, type FormArea, type FormBody } from './form-table.ts';

export interface Annex3Row {
  id: number;
  areaId: number;
  nameKk: string;
  nameRu: string;
  /** thousand tenge */
  plannedSum: number;
  summaryKk: string;
  summaryRu: string;
}

export interface Annex3Input {
  planYear: number;
  body: FormBody;
  /** the 19 areas, in their order */
  areas: readonly FormArea[];
  rows: readonly Annex3Row[];
}

export interface Annex3Table extends ExportTable {
  /** for each data row, the planned project it shows (null: a heading or a subtotal): the preview edits through it */
  rowIds: Array<number | null>;
  total: number;
}

export function annex3Table(t: TFunction, locale: string, input: Annex3Input): Annex3Table {
  const h = (k: string, o?: Record<string, unknown>) => t(`monitoring-forms:annex3.${k}`, o);
  const rows: ExportCell[][] = [];
  const kinds: Array<DataRowKind | undefined> = [];
  const rowIds: Array<number | null> = [];
  const subtotals: number[] = [];
  const push = (cells: ExportCell[], kind: DataRowKind | undefined, id: number | null) => {
    rows.push(cells);
    kinds.push(kind);
    rowIds.push(id);
  };
  for (const area of input.areas) {
    push([areaHeading(t, locale, area)], 'section', null);
    const mine = input.rows.filter((r) => r.areaId === area.id);
    mine.forEach((r, i) =>
      push(
        [
          String(i + 1),
          inLocale(input.body, locale),
          inLocale(r, locale),
          r.plannedSum,
          locale === 'kk' ? r.summaryKk || r.summaryRu : r.summaryRu || r.summaryKk,
        ],
        undefined,
        r.id,
      ),
    );
    const subtotal = sumTenths(mine.map((r) => r.plannedSum));
    subtotals.push(subtotal);
    push([h('subtotal'), null, null, subtotal, null], 'subtotal', null);
  }
  const total = sumTenths(subtotals);
  return {
    sheetName: h('sheet'),
    title: `${h('above')}\n\n${h('title', { year: input.planYear })}`,
    columns: [
      { header: h('col1'), width: 8 },
      { header: h('col2'), width: 30 },
      { header: h('col3'), width: 45 },
      { header: h('col4'), kind: 'number', width: 18 },
      { header: h('col5'), width: 60 },
    ],
    subheader: ['1', '2', '3', '4', '5'],
    rows,
    kinds,
    footer: [[h('total'), null, null, total, null]],
    rowIds,
    total,
  };
}
