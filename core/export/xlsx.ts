// XLSX (Office Open XML, ECMA-376) written by hand: the dozen small XML parts Excel, LibreOffice and
// Google Sheets need, zipped with fflate. Strings are inline (no shared-strings table to keep in step),
// numbers are numbers, dates are Excel serial numbers of the Almaty wall-clock time (Excel has no time
// zones: a serial is what the reader sees). Output is deterministic: the same tables give the same bytes.
import { strToU8, zipSync } from 'fflate';
import { asList, type ExportTable } from './table.ts';
// The XML of the text and the sheets is in xlsx-xml.ts and xlsx-sheet.ts; this file packs them.
import { NS_MAIN, NS_PKG_REL, NS_REL, XML_DECLARATION, sheetNames, sheetRef, xmlEscape } from './xlsx-xml.ts';
import { stylesXml, worksheet, type Sheet } from './xlsx-sheet.ts';

export { columnName, sheetNames } from './xlsx-xml.ts';

export interface XlsxOptions {
  /** the document title in File → Properties; the first table's title (or sheet name) when absent */
  title?: string;
  creator?: string;
  /** the creation time in the properties; left out when absent, so the file stays byte-for-byte repeatable */
  created?: Date;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ---- package --------------------------------------------------------------------------------------

function workbookXml(names: string[], sheets: Sheet[]): string {
  const defined = sheets.flatMap((s, i) => {
    const ref = sheetRef(names[i]!);
    return [
      ...(s.filter
        ? [
            `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`${ref}!$A$${s.headerRow}:$${s.lastColumn}$${s.lastDataRow}`)}</definedName>`,
          ]
        : []),
      // printed pages repeat the title and header rows
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(`${ref}!$1:$${s.lastHeadRow}`)}</definedName>`,
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
