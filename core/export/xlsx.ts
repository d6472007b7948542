// XLSX (Office Open XML, ECMA-376) written by hand: the dozen small XML parts Excel, LibreOffice and
// Google Sheets need, zipped with fflate. Strings are inline (no shared-strings table to keep in step),
// numbers are numbers, dates are Excel serial numbers of the Almaty wall-clock time (Excel has no time
// zones: a serial is what the reader sees). Output is deterministic: the same tables give the same bytes.
import { strToU8, zipSync } from 'fflate';
import { localDate, localTimeOfDay } from '../calendar/local-time.ts';
import { asList, layOut, type Cell, type ExportTable, type LaidOutRow, type RowPart } from './table.ts';

export interface XlsxOptions {
  /** the document title in File → Properties; the first table's title (or sheet name) when absent */
  title?: string;
  creator?: string;
  /** the creation time in the properties; left out when absent, so the file stays byte-for-byte repeatable */
  created?: Date;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

// Excel's limits (specifications and limits of Excel 2007 and later): past them the file is "repaired".
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_CELL_TEXT = 32_767;
const SHEET_NAME_MAX = 31;
const MAX_COLUMN_WIDTH = 255;

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
function cellText(text: string): string {
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
const sheetRef = (name: string) => `'${name.replaceAll("'", "''")}'`;

// ---- styles ---------------------------------------------------------------------------------------

type BodyStyle = 'text' | 'number' | 'date' | 'datetime' | 'percent';
const BODY_STYLES: Record<BodyStyle, { numFmtId: number; wrap: boolean }> = {
  text: { numFmtId: 0, wrap: true },
  number: { numFmtId: 0, wrap: false },
  date: { numFmtId: 164, wrap: false },
  datetime: { numFmtId: 165, wrap: false },
  percent: { numFmtId: 166, wrap: false },
};
const BODY_ORDER = Object.keys(BODY_STYLES) as BodyStyle[];
const TITLE_STYLE = 1;
const HEADER_STYLE = 2;
/** Body styles follow: the regular ones, then the same in bold for the footer (totals). */
const FIRST_BODY_STYLE = 3;

function bodyStyleOf(cell: Cell): BodyStyle {
  if (cell.type === 'number') return cell.percent ? 'percent' : 'number';
  if (cell.type === 'date') return cell.withTime ? 'datetime' : 'date';
  return 'text';
}

function styleIndex(cell: Cell, part: RowPart): number {
  if (part === 'title') return TITLE_STYLE;
  if (part === 'header') return HEADER_STYLE;
  return FIRST_BODY_STYLE + (part === 'footer' ? BODY_ORDER.length : 0) + BODY_ORDER.indexOf(bodyStyleOf(cell));
}

function xf(numFmtId: number, fontId: number, fillId: number, alignment: string): string {
  return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment ${alignment}/></xf>`;
}

function stylesXml(): string {
  const body = (bold: boolean) =>
    BODY_ORDER.map((k) => xf(BODY_STYLES[k].numFmtId, bold ? 1 : 0, 0, `vertical="top"${BODY_STYLES[k].wrap ? ' wrapText="1"' : ''}`));
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    xf(0, 2, 0, 'vertical="center" wrapText="1"'),
    xf(0, 1, 2, 'horizontal="center" vertical="center" wrapText="1"'),
    ...body(false),
    ...body(true),
  ];
  const font = (extra: string, size: number) => `<font>${extra}<sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`;
  return (
    `${XML_DECLARATION}<styleSheet xmlns="${NS_MAIN}">` +
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="dd.mm.yyyy hh:mm"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>' +
    `<fonts count="3">${font('', 11)}${font('<b/>', 11)}${font('<b/>', 14)}</fonts>` +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

// ---- worksheets -----------------------------------------------------------------------------------

function cellXml(ref: string, cell: Cell, style: number): string {
  switch (cell.type) {
    case 'empty':
      return `<c r="${ref}" s="${style}"/>`;
    case 'text':
      return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${cellText(cell.text)}</t></is></c>`;
    case 'number':
      return `<c r="${ref}" s="${style}"><v>${cell.value}</v></c>`;
    case 'date':
      return `<c r="${ref}" s="${style}"><v>${excelSerial(cell.instant, cell.withTime)}</v></c>`;
  }
}

/** How many characters wide a cell's content is, for columns without a set width. */
function contentWidth(cell: Cell): number {
  switch (cell.type) {
    case 'empty':
      return 0;
    case 'text':
      return Math.max(...cell.text.split('\n').map((line) => line.length));
    case 'number':
      return String(cell.value).length + (cell.percent ? 2 : 0);
    case 'date':
      return cell.withTime ? 16 : 10;
  }
}

/** Enough rows to judge a column by; the rest of a long export does not change the answer much. */
const WIDTH_SAMPLE_ROWS = 500;

function columnWidths(table: ExportTable, rows: LaidOutRow[]): number[] {
  const sample = rows.filter((r) => r.part !== 'title').slice(0, WIDTH_SAMPLE_ROWS + 1);
  return table.columns.map((column, i) => {
    if (column.width !== undefined && Number.isFinite(column.width)) return Math.min(Math.max(column.width, 0), MAX_COLUMN_WIDTH);
    const widest = Math.max(...sample.map((r) => contentWidth(r.cells[i]!)));
    // + 2 for Excel's padding and the autofilter button on the header
    return Math.min(Math.max(widest, 8), 50) + 2;
  });
}

interface Sheet {
  xml: string;
  /** 1-based rows: the header, and the last data row (the header's when there is no data) */
  headerRow: number;
  lastDataRow: number;
  lastColumn: string;
}

function worksheet(table: ExportTable, selected: boolean): Sheet {
  const rows = Array.from(layOut(table));
  if (rows.length > MAX_ROWS) throw new RangeError(`Export table "${table.sheetName}" has more rows than Excel's ${MAX_ROWS}`);
  if (table.columns.length > MAX_COLUMNS) throw new RangeError(`Export table "${table.sheetName}" has more columns than Excel's ${MAX_COLUMNS}`);
  const widths = columnWidths(table, rows);
  const lastColumn = columnName(table.columns.length - 1);
  const headerRow = rows.findIndex((r) => r.part === 'header') + 1;
  const lastDataRow = headerRow + table.rows.length;

  const rowXml = rows.map(({ part, cells }, i) => {
    const r = i + 1;
    const written = cells.map((cell, c) => (cell.type === 'empty' && part !== 'header' ? '' : cellXml(`${columnName(c)}${r}`, cell, styleIndex(cell, part))));
    return `<row r="${r}"${part === 'title' ? titleHeight(table.title!, widths) : ''}>${written.join('')}</row>`;
  });
  const firstBody = `A${headerRow + 1}`;
  const merge = table.title !== undefined && table.columns.length > 1 ? `<mergeCells count="1"><mergeCell ref="A1:${lastColumn}1"/></mergeCells>` : '';
  const xml =
    `${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${lastColumn}${rows.length}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    `<pane ySplit="${headerRow}" topLeftCell="${firstBody}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${firstBody}" sqref="${firstBody}"/></sheetView></sheetViews>` +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rowXml.join('')}</sheetData>` +
    `<autoFilter ref="A${headerRow}:${lastColumn}${lastDataRow}"/>` +
    merge +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>';
  return { xml, headerRow, lastDataRow, lastColumn };
}

/** A merged title does not grow with its text in Excel, so the row is made tall enough for it. */
function titleHeight(title: string, widths: number[]): string {
  // 14-point bold letters take about 1.4 of the 11-point widths the columns are measured in.
  const perLine = Math.max(1, widths.reduce((a, b) => a + b, 0) / 1.4);
  const lines = title.split(/\r\n?|\n/).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return ` ht="${lines * 19}" customHeight="1"`;
}

// ---- package --------------------------------------------------------------------------------------

function workbookXml(names: string[], sheets: Sheet[]): string {
  const defined = sheets.flatMap((s, i) => {
    const ref = sheetRef(names[i]!);
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`${ref}!$A$${s.headerRow}:$${s.lastColumn}$${s.lastDataRow}`)}</definedName>`,
      // printed pages repeat the title and header rows
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(`${ref}!$1:$${s.headerRow}`)}</definedName>`,
    ];
  });
  return (
    `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
    `<definedNames>${defined.join('')}</definedNames>` +
    '</workbook>'
  );
}

function relationships(rels: Array<[type: string, target: string]>): string {
  const items = rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">${items.join('')}</Relationships>`;
}

function contentTypesXml(sheetCount: number): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  const ooxml = 'application/vnd.openxmlformats-officedocument';
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('xl/workbook.xml', `${ooxml}.spreadsheetml.sheet.main+xml`) +
    Array.from({ length: sheetCount }, (_, i) => override(`xl/worksheets/sheet${i + 1}.xml`, `${ooxml}.spreadsheetml.worksheet+xml`)).join('') +
    override('xl/styles.xml', `${ooxml}.spreadsheetml.styles+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', `${ooxml}.extended-properties+xml`) +
    '</Types>'
  );
}

function coreXml(title: string, creator: string, created: Date | undefined): string {
  const when = created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${created.toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created>` : '';
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${xmlEscape(creator)}</dc:creator>${when}` +
    '</cp:coreProperties>'
  );
}

function appXml(names: string[]): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Azamat</Application>' +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${xmlEscape(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '</Properties>'
  );
}

/**
 * A fixed zip timestamp keeps the output repeatable. fflate stores DOS time from a Date's local-time
 * fields, so the Date is built from local fields at each call: 1980-01-01 00:00 whatever the zone.
 */
const zipTime = () => new Date(1980, 0, 1);

/** A workbook with one sheet a table, in order. */
export function toXlsx(tables: ExportTable | readonly ExportTable[], options: XlsxOptions = {}): Buffer {
  const list = asList(tables);
  if (list.length === 0) throw new RangeError('Nothing to export: no tables');
  const names = sheetNames(list.map((t) => t.sheetName));
  const sheets = list.map((t, i) => worksheet(t, i === 0));
  const parts: Record<string, string> = {
    '[Content_Types].xml': contentTypesXml(sheets.length),
    '_rels/.rels': relationships([
      [`${NS_REL}/officeDocument`, 'xl/workbook.xml'],
      [`${NS_PKG_REL}/metadata/core-properties`, 'docProps/core.xml'],
      [`${NS_REL}/extended-properties`, 'docProps/app.xml'],
    ]),
    'docProps/core.xml': coreXml(options.title ?? list[0]!.title ?? names[0]!, options.creator ?? 'Azamat', options.created),
    'docProps/app.xml': appXml(names),
    'xl/workbook.xml': workbookXml(names, sheets),
    'xl/_rels/workbook.xml.rels': relationships([
      ...sheets.map((_, i): [string, string] => [`${NS_REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
      [`${NS_REL}/styles`, 'styles.xml'],
    ]),
    'xl/styles.xml': stylesXml(),
    ...Object.fromEntries(sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, s.xml])),
  };
  const zipped = zipSync(Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])), { level: 6, mtime: zipTime() });
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
