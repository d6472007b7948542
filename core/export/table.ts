// The one table model every staff export uses (consultation log, Annex 1 / Annex 2 forms, grant-report
// statistics), written out as CSV (csv.ts) or XLSX (xlsx.ts). Both writers read cells through `cellOf`,
// so a value means the same thing in both files; dates are always shown in Almaty time.

export type ColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'percent';

export interface ExportColumn {
  header: string;
  /** in characters, as Excel measures column widths; estimated from the content when absent */
  width?: number;
  /** how numbers and dates in the column are shown; 'text' when absent */
  kind?: ColumnKind;
}

export type ExportCell = string | number | Date | null;

export interface ExportTable {
  sheetName: string;
  /** a title row above the header, e.g. the form's name "Приложение 2 …" */
  title?: string;
  columns: ExportColumn[];
  /** one array a row, in column order; a shorter row is padded with empty cells, a longer one is a bug */
  rows: ExportCell[][];
  /** rows under the data, e.g. totals: not part of the autofilter range */
  footer?: Array<Array<string | number | null>>;
  /** a row right under the header in the header's style, e.g. a form's column numbers «1 2 3 4 5» */
  subheader?: ExportCell[];
  /**
   * What each data row is, by index (absent: plain data): a `section` heading (its first cell, bold, merged
   * across the row, like a form's «1-сала. …») or a `subtotal` (bold, like «Жиынында»). CSV writes them as rows.
   */
  kinds?: ReadonlyArray<DataRowKind | undefined>;
}

export type DataRowKind = 'section' | 'subtotal';

/**
 * A cell as both writers see it. Strings are always text (an IIN or a phone number stays as typed);
 * numbers are numbers (a percent is the fraction: 0.125 is 12.5 %); a Date is a date, with its time
 * unless the column is a 'date' column; null, NaN and ±Infinity are empty.
 */
export type Cell =
  { type: 'empty' } | { type: 'text'; text: string } | { type: 'number'; value: number; percent: boolean } | { type: 'date'; instant: Date; withTime: boolean };

const EMPTY: Cell = { type: 'empty' };

export function cellOf(value: ExportCell | undefined, kind: ColumnKind = 'text'): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return { type: 'text', text: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { type: 'number', value, percent: kind === 'percent' } : EMPTY;
  if (Number.isNaN(value.getTime())) throw new RangeError('Invalid Date in an export table');
  return { type: 'date', instant: value, withTime: kind !== 'date' };
}

export type RowPart = 'title' | 'header' | 'subheader' | 'data' | 'section' | 'subtotal' | 'footer';

export interface LaidOutRow {
  part: RowPart;
  cells: Cell[];
}

/**
 * The rows of a table in the order they are written: title (a single cell), header, subheader, data
 * (each as its kind: data, section or subtotal), footer.
 * Throws on a table with no columns or a row wider than its columns, which would misalign a form.
 */
export function* layOut(table: ExportTable): Generator<LaidOutRow> {
  const { columns } = table;
  if (columns.length === 0) throw new RangeError(`Export table "${table.sheetName}" has no columns`);
  const row = (part: RowPart, values: ReadonlyArray<ExportCell>, index: number): LaidOutRow => {
    if (values.length > columns.length) {
      throw new RangeError(`Export table "${table.sheetName}": ${part} row ${index + 1} has ${values.length} cells for ${columns.length} columns`);
    }
    return { part, cells: columns.map((c, i) => cellOf(values[i], c.kind)) };
  };
  if (table.title !== undefined) yield { part: 'title', cells: [cellOf(table.title)] };
  yield row(
    'header',
    columns.map((c) => c.header),
    0,
  );
  if (table.subheader !== undefined) yield row('subheader', table.subheader, 0);
  for (const [i, values] of table.rows.entries()) yield row(table.kinds?.[i] ?? 'data', values, i);
  for (const [i, values] of (table.footer ?? []).entries()) yield row('footer', values, i);
}

export function asList<T>(items: T | readonly T[]): T[] {
  return Array.isArray(items) ? [...items] : [items as T];
}
