// CSV for staff who open exports in Excel: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM (without
// it Excel on Windows reads the file in the ANSI code page and Kazakh letters such as ә і ң ғ ү ұ қ ө һ
// come out garbled), and the OWASP guard against CSV (formula) injection for text typed by citizens.
import { formatLocalDate, formatLocalDateTime } from '../calendar/local-time.ts';
import { asList, layOut, type Cell, type ExportTable } from './table.ts';

export interface CsvOptions {
  /** ',' by default; ';' is Excel's list separator under Russian and Kazakh regional settings, so such a file opens in columns there */
  separator?: ',' | ';' | '\t';
  /** write the table's title as a first row (default true); several tables are always titled */
  titles?: boolean;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV Injection"), and, to be safe,
 * their full-width forms. Tab and CR are there because a spreadsheet may strip them and see what follows.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** Text that would start a formula is prefixed with an apostrophe, which Excel shows as plain text. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(field: string, separator: string): string {
  return /[",;\r\n]/.test(field) || field.includes(separator) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** 12.5% for 0.125, without the binary noise of the multiplication (0.1 + 0.2 → 30%, not 30.000000000000004%). */
function percent(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}

function field(cell: Cell, separator: string): string {
  switch (cell.type) {
    case 'empty':
      return '';
    case 'text':
      return quote(guardFormula(cell.text), separator);
    // A number is never guarded: -5 must stay -5, and a number cannot carry a formula.
    case 'number':
      return cell.percent ? percent(cell.value) : String(cell.value);
    case 'date':
      return cell.withTime ? formatLocalDateTime(cell.instant) : formatLocalDate(cell.instant);
  }
}

/** The table's lines; `title` 'sheet' falls back to the sheet name, so each of several tables is labelled. */
function lines(table: ExportTable, separator: string, title: 'none' | 'own' | 'sheet'): string[] {
  const titled = title === 'none' ? { ...table, title: undefined } : { ...table, title: table.title ?? (title === 'sheet' ? table.sheetName : undefined) };
  return Array.from(layOut(titled), (row) => row.cells.map((c) => field(c, separator)).join(separator));
}

/**
 * One table, or several one after another with a blank line between (each under its title, or its
 * sheet name when it has none), as a UTF-8 CSV file with a BOM.
 */
export function toCsv(tables: ExportTable | readonly ExportTable[], options: CsvOptions = {}): Buffer {
  const separator = options.separator ?? ',';
  const list = asList(tables);
  if (list.length === 0) throw new RangeError('Nothing to export: no tables');
  const title = list.length > 1 ? 'sheet' : options.titles === false ? 'none' : 'own';
  const blocks = list.map((t) => lines(t, separator, title).join(CRLF) + CRLF);
  return Buffer.from(BOM + blocks.join(CRLF), 'utf8');
}
