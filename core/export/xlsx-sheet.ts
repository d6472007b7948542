// One worksheet of an XLSX package, and the styles its cells use: the title, the header, the body
// (text, numbers, dates, percentages) and the column widths (core/export/xlsx.ts).
import { layOut, type Cell, type ExportTable, type LaidOutRow, type RowPart } from './table.ts';
import { MAX_COLUMNS, MAX_COLUMN_WIDTH, MAX_ROWS, NS_MAIN, NS_REL, XML_DECLARATION, cellText, columnName, excelSerial } from './xlsx-xml.ts';

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

/** Parts written in bold: totals under the data, and a form's section headings and subtotals within it. */
const BOLD_PARTS: ReadonlySet<RowPart> = new Set(['footer', 'section', 'subtotal']);

function styleIndex(cell: Cell, part: RowPart): number {
  if (part === 'title') return TITLE_STYLE;
  if (part === 'header' || part === 'subheader') return HEADER_STYLE;
  return FIRST_BODY_STYLE + (BOLD_PARTS.has(part) ? BODY_ORDER.length : 0) + BODY_ORDER.indexOf(bodyStyleOf(cell));
}

function xf(numFmtId: number, fontId: number, fillId: number, alignment: string): string {
  return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment ${alignment}/></xf>`;
}

export function stylesXml(): string {
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

export interface Sheet {
  xml: string;
  /** 1-based rows: the header, the last row repeated on printed pages, and the last data row (the header's when there is no data) */
  headerRow: number;
  lastHeadRow: number;
  lastDataRow: number;
  lastColumn: string;
  /** a plain list gets an autofilter; a form (subheader, sections) does not: filtering would tear its sections apart */
  filter: boolean;
}

export function worksheet(table: ExportTable, selected: boolean): Sheet {
  const rows = Array.from(layOut(table));
  if (rows.length > MAX_ROWS) throw new RangeError(`Export table "${table.sheetName}" has more rows than Excel's ${MAX_ROWS}`);
  if (table.columns.length > MAX_COLUMNS) throw new RangeError(`Export table "${table.sheetName}" has more columns than Excel's ${MAX_COLUMNS}`);
  const widths = columnWidths(table, rows);
  const lastColumn = columnName(table.columns.length - 1);
  const headerRow = rows.findIndex((r) => r.part === 'header') + 1;
  const lastHeadRow = headerRow + (table.subheader !== undefined ? 1 : 0);
  const lastDataRow = lastHeadRow + table.rows.length;
  const filter = table.subheader === undefined && !(table.kinds ?? []).some((k) => k !== undefined);

  const merged: string[] = [];
  const rowXml = rows.map(({ part, cells }, i) => {
    const r = i + 1;
    const boxed = part === 'header' || part === 'subheader';
    const written = cells.map((cell, c) => (cell.type === 'empty' && !boxed ? '' : cellXml(`${columnName(c)}${r}`, cell, styleIndex(cell, part))));
    if (table.columns.length > 1 && (part === 'title' || part === 'section')) merged.push(`A${r}:${lastColumn}${r}`);
    return `<row r="${r}"${part === 'title' ? titleHeight(table.title!, widths) : ''}>${written.join('')}</row>`;
  });
  const firstBody = `A${lastHeadRow + 1}`;
  const merge = merged.length > 0 ? `<mergeCells count="${merged.length}">${merged.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '';
  const xml =
    `${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${lastColumn}${rows.length}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    `<pane ySplit="${lastHeadRow}" topLeftCell="${firstBody}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${firstBody}" sqref="${firstBody}"/></sheetView></sheetViews>` +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rowXml.join('')}</sheetData>` +
    (filter ? `<autoFilter ref="A${headerRow}:${lastColumn}${lastDataRow}"/>` : '') +
    merge +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>';
  return { xml, headerRow, lastHeadRow, lastDataRow, lastColumn, filter };
}

/** A merged title does not grow with its text in Excel, so the row is made tall enough for it. */
function titleHeight(title: string, widths: number[]): string {
  // 14-point bold letters take about 1.4 of the 11-point widths the columns are measured in.
  const perLine = Math.max(1, widths.reduce((a, b) => a + b, 0) / 1.4);
  const lines = title.split(/\r\n?|\n/).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return ` ht="${lines * 19}" customHeight="1"`;
}
