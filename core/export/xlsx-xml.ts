// The XML text of an XLSX package: namespaces, Excel's limits, serial dates, escaping and clipping
// of cell text, column letters and sheet names (core/export/xlsx.ts).
import { localDate, localTimeOfDay } from '../calendar/local-time.ts';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

// Excel's limits (specifications and limits of Excel 2007 and later): past them the file is "repaired".
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const MAX_CELL_TEXT = 32_767;
const SHEET_NAME_MAX = 31;
export const MAX_COLUMN_WIDTH = 255;

const DAY_MS = 86_400_000;
/** The serial of 1970-01-01: Excel counts days from 1899-12-30 (Lotus's 1900 leap-year bug included). */
const SERIAL_OF_UNIX_EPOCH = 25_569;

/** The Excel serial number of the Almaty wall-clock time of an instant; the day alone when `withTime` is false. */
export function excelSerial(instant: Date, withTime = true): number {
  const day = Date.parse(`${localDate(instant)}T00:00:00Z`) / DAY_MS + SERIAL_OF_UNIX_EPOCH;
  return withTime ? day + localTimeOfDay(instant) / DAY_MS : day;
}

// ---- text -----------------------------------------------------------------------------------------

/** What XML 1.0 forbids: control characters other than tab, LF and CR, U+FFFE/U+FFFF and lone surrogates. */
// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters: they are what this removes
const ILLEGAL_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Safe in XML text and in a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(ILLEGAL_XML, '').replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/** At most `max` UTF-16 units, never half a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Cell text as Excel will show it: line breaks as LF (what Alt+Enter stores), at most Excel's 32,767
 * characters, and a literal "_x0041_" kept literal (Excel reads _xHHHH_ as an escaped character
 * unless its underscore is itself escaped as _x005F_).
 */
export function cellText(text: string): string {
  const clean = text.replace(ILLEGAL_XML, '').replace(/\r\n?/g, '\n');
  const fitted = clean.length > MAX_CELL_TEXT ? `${clip(clean, MAX_CELL_TEXT - 1)}…` : clean;
  return xmlEscape(fitted.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_'));
}

/** A, B, …, Z, AA, AB, … for a zero-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Names Excel accepts, in order: at most 31 characters, none of []:*?/\ or control characters, not
 * starting or ending with an apostrophe, not Excel's reserved "History", and unique ignoring case
 * (a repeat gets " (2)", " (3)", …).
 */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set(['history']);
  return names.map((raw, i) => {
    const cleaned = raw
      .replace(ILLEGAL_XML, '')
      .replace(/[\p{Cc}[\]:*?/\\]/gu, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s']+|[\s']+$/g, '');
    const base = clip(cleaned, SHEET_NAME_MAX).trimEnd() || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clip(base, SHEET_NAME_MAX - ` (${n})`.length).trimEnd()} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A sheet name as it stands in a formula reference: 'Name' with its apostrophes doubled. */
export const sheetRef = (name: string) => `'${name.replaceAll("'", "''")}'`;
