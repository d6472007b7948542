// Table exports (CSV and XLSX) as staff open them in Excel: Kazakh and Russian text intact, dates in
// Almaty time, numbers as numbers, no formula injection, and a workbook whose every part is valid XML.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv } from '../core/export/csv.ts';
import type { ExportTable } from '../core/export/table.ts';
import { columnName, sheetNames, toXlsx } from '../core/export/xlsx.ts';
import { sendExport } from '../server/reply-export.ts';
import { exportFileBody, exportQuery } from '../server/schemas.ts';

/** An instant given as Almaty wall-clock time. */
const almaty = (local: string) => new Date(`${local}+05:00`);

const KAZAKH = 'әіңғүұқөһ ӘІҢҒҮҰҚӨҺ';

const consultations: ExportTable = {
  sheetName: 'Журнал консультаций',
  title: 'Приложение 2 к Правилам',
  columns: [
    { header: '№', kind: 'number' },
    { header: 'Азамат / Гражданин', width: 40 },
    { header: 'Күні', kind: 'date' },
    { header: 'Уақыты', kind: 'datetime' },
    { header: 'Үлесі', kind: 'percent' },
  ],
  rows: [
    [1, `Әлихан Қоңырбаев ${KAZAKH}`, almaty('2026-11-23T10:30:00'), almaty('2026-11-23T10:30:00'), 0.125],
    [-5, 'A & B <c> "q"', almaty('2026-11-23T23:59:00'), new Date('2026-11-23T20:00:00Z'), null],
  ],
  footer: [['Барлығы / Итого', 2, null, null, 1]],
};

function csvText(buf: Buffer): string {
  expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return buf.subarray(3).toString('utf8');
}

const oneColumn = (...rows: Array<string | number | null>) => ({ sheetName: 'S', columns: [{ header: 'h' }], rows: rows.map((r) => [r]) });

describe('CSV', () => {
  it('is UTF-8 with a BOM and CRLF line ends, Kazakh letters intact, the title above the header', () => {
    const buf = toCsv({ ...consultations, rows: consultations.rows.slice(0, 1), footer: undefined });
    expect(csvText(buf)).toBe(
      `Приложение 2 к Правилам\r\n№,Азамат / Гражданин,Күні,Уақыты,Үлесі\r\n1,Әлихан Қоңырбаев ${KAZAKH},23.11.2026,23.11.2026 10:30,12.5%\r\n`,
    );
    expect(csvText(buf)).not.toMatch(/(?<!\r)\n/);
  });

  it('quotes fields holding a quote, comma, semicolon, CR or LF, doubling the quotes, and leaves others bare', () => {
    const text = csvText(toCsv(oneColumn('say "hi"', 'a,b', 'a;b', 'line1\r\nline2', 'cr\rhere', 'plain text', null)));
    expect(text.split('\r\n').slice(1, 2)).toEqual(['"say ""hi"""']);
    expect(text).toBe('h\r\n"say ""hi"""\r\n"a,b"\r\n"a;b"\r\n"line1\r\nline2"\r\n"cr\rhere"\r\nplain text\r\n\r\n');
  });

  it('uses the separator asked for and quotes fields containing it', () => {
    const table = {
      sheetName: 'S',
      columns: [{ header: 'a' }, { header: 'b', kind: 'number' as const }],
      rows: [
        ['x\ty', 1.5],
        ['1,5', 2],
      ],
    };
    expect(csvText(toCsv(table, { separator: ';' }))).toBe('a;b\r\nx\ty;1.5\r\n"1,5";2\r\n');
    expect(csvText(toCsv(table, { separator: '\t' }))).toBe('a\tb\r\n"x\ty"\t1.5\r\n"1,5"\t2\r\n');
  });

  it('guards text that would start a formula, but never a number', () => {
    const text = csvText(
      toCsv({
        sheetName: 'S',
        columns: [{ header: 'text' }, { header: 'n', kind: 'number' }],
        rows: [
          ['=SUM(A1)', -5],
          ['+7 701 000 00 00', 3],
          ['-2+3', 0],
          ['@cmd', 1],
          ['\t=1', 2],
          ['\r=1', 4],
          ['＝HYPERLINK("x")', 5],
          ['=SUM(A1,B1)', 6],
          ['a=b', 7],
        ],
      }),
    );
    expect(text.split('\r\n').slice(1, -1)).toEqual([
      "'=SUM(A1),-5",
      "'+7 701 000 00 00,3",
      "'-2+3,0",
      "'@cmd,1",
      "'\t=1,2",
      `"'\r=1",4`,
      `"'＝HYPERLINK(""x"")",5`,
      `"'=SUM(A1,B1)",6`,
      'a=b,7',
    ]);
  });

  it('writes dates in Almaty time: dd.mm.yyyy for a date column, dd.mm.yyyy hh:mm otherwise', () => {
    const text = csvText(toCsv({ ...consultations, title: undefined }));
    const second = text.split('\r\n')[2]!;
    // 20:00 UTC on the 23rd is 01:00 on the 24th in Almaty (UTC+5)
    expect(second).toBe('-5,"A & B <c> ""q""",23.11.2026,24.11.2026 01:00,');
    expect(text.split('\r\n')[3]).toBe('Барлығы / Итого,2,,,100%');
  });

  it('shows percents without binary noise and leaves NaN and Infinity empty', () => {
    const table = {
      sheetName: 'S',
      columns: [
        { header: 'p', kind: 'percent' as const },
        { header: 'n', kind: 'number' as const },
      ],
      rows: [
        [0.1 + 0.2, NaN],
        [-0.05, Infinity],
      ],
    };
    expect(csvText(toCsv(table))).toBe('p,n\r\n30%,\r\n-5%,\r\n');
  });

  it('writes several tables one after another, each under its title or sheet name; titles can be left out', () => {
    const a = { sheetName: 'Лист А', columns: [{ header: 'x' }], rows: [['1']] };
    const b = { sheetName: 'Лист Б', title: 'Кесте Б', columns: [{ header: 'y' }], rows: [['2']] };
    expect(csvText(toCsv([a, b]))).toBe('Лист А\r\nx\r\n1\r\n\r\nКесте Б\r\ny\r\n2\r\n');
    expect(csvText(toCsv(b, { titles: false }))).toBe('y\r\n2\r\n');
  });

  it('refuses tables that would misalign or mislead: a row wider than the columns, no columns, an invalid date', () => {
    expect(() => toCsv({ sheetName: 'S', columns: [{ header: 'a' }], rows: [['1', '2']] })).toThrow(/row 1 has 2 cells for 1 columns/);
    expect(() => toCsv({ sheetName: 'S', columns: [], rows: [] })).toThrow(/no columns/);
    expect(() => toCsv({ sheetName: 'S', columns: [{ header: 'd', kind: 'date' }], rows: [[new Date('nope')]] })).toThrow(/Invalid Date/);
    expect(() => toCsv([])).toThrow(/no tables/);
    expect(csvText(toCsv({ sheetName: 'S', columns: [{ header: 'a' }, { header: 'b' }], rows: [['only a']] }))).toBe('a,b\r\nonly a,\r\n');
  });
});

// ---- XLSX -------------------------------------------------------------------------------------------

const REQUIRED_PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
  'docProps/core.xml',
  'docProps/app.xml',
];

function unzip(buf: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(buf)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The <c> element of one cell reference, e.g. cell(sheet, 'C3'). */
function cell(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  if (!m) throw new Error(`no cell ${ref}`);
  return m[0];
}
const valueOf = (c: string) => /<v>([^<]*)<\/v>/.exec(c)?.[1];
const textOf = (c: string) => /<t[^>]*>([^<]*)<\/t>/.exec(c)?.[1];

/** The number format a cell is shown with, looked up through its style index in styles.xml. */
function formatOf(files: Record<string, string>, c: string): string {
  const s = Number(/ s="(\d+)"/.exec(c)![1]);
  const xfs = /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(files['xl/styles.xml']!)![1]!.match(/<xf [^>]*>/g)!;
  const id = /numFmtId="(\d+)"/.exec(xfs[s]!)![1];
  if (id === '0') return 'General';
  return new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]+)"`).exec(files['xl/styles.xml']!)![1]!;
}

/** Every tag closed in order, no stray '<' or '&' outside markup and entities, and no illegal characters. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  // eslint-disable-next-line no-control-regex -- the test looks for characters XML forbids
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F]/.test(body) || /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(body)) return false;
  const stack: string[] = [];
  let rest = body;
  for (const m of body.matchAll(/<(\/?)([\w:]+)((?:\s+[\w:]+="[^"<]*")*)\s*(\/?)>|</g)) {
    if (m[2] === undefined) return false;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
    rest = rest.replace(m[0], '');
  }
  return stack.length === 0 && !/[<>]/.test(rest);
}

describe('XLSX', () => {
  const files = unzip(toXlsx(consultations));
  const sheet = files['xl/worksheets/sheet1.xml']!;

  it('holds every part of a workbook, each declared in [Content_Types].xml and reachable through the relationships', () => {
    expect(Object.keys(files).sort()).toEqual([...REQUIRED_PARTS].sort());
    const types = files['[Content_Types].xml']!;
    expect(types).toContain('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>');
    for (const part of REQUIRED_PARTS.filter((p) => !p.endsWith('.rels') && p !== '[Content_Types].xml')) {
      expect(types, part).toMatch(
        new RegExp(`<Override PartName="/${part.replace(/[.[\]]/g, '\\$&')}" ContentType="application/vnd\\.openxmlformats-[^"]+\\+xml"/>`),
      );
    }
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>');
    const targets = (rels: string, base: string) => [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => path.posix.join(base, m[1]!));
    expect(targets(files['_rels/.rels']!, '').sort()).toEqual(['docProps/app.xml', 'docProps/core.xml', 'xl/workbook.xml']);
    expect(targets(files['xl/_rels/workbook.xml.rels']!, 'xl').sort()).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    expect(files['xl/workbook.xml']).toContain('<sheet name="Журнал консультаций" sheetId="1" r:id="rId1"/>');
    expect(files['docProps/core.xml']).toContain('<dc:title>Приложение 2 к Правилам</dc:title>');
    expect(files['docProps/app.xml']).toContain('<vt:lpstr>Журнал консультаций</vt:lpstr>');
  });

  it('writes the merged title in row 1 and the header cells, bold, in row 2', () => {
    expect(textOf(cell(sheet, 'A1'))).toBe('Приложение 2 к Правилам');
    expect(sheet).toContain('<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>');
    expect(['A2', 'B2', 'C2', 'D2', 'E2'].map((r) => textOf(cell(sheet, r)))).toEqual(['№', 'Азамат / Гражданин', 'Күні', 'Уақыты', 'Үлесі']);
    const s = Number(/ s="(\d+)"/.exec(cell(sheet, 'A2'))![1]);
    const xf = /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(files['xl/styles.xml']!)![1]!.match(/<xf [^>]*>/g)![s]!;
    const fonts = files['xl/styles.xml']!.match(/<font>.*?<\/font>/g)!;
    expect(fonts[Number(/fontId="(\d+)"/.exec(xf)![1])]).toContain('<b/>');
  });

  it('keeps Kazakh text, as inline strings', () => {
    expect(cell(sheet, 'B3')).toContain('t="inlineStr"');
    expect(textOf(cell(sheet, 'B3'))).toBe(`Әлихан Қоңырбаев ${KAZAKH}`);
  });

  it('stores numbers as numbers, not strings, and shows percents as 0.0%', () => {
    expect(cell(sheet, 'A3')).not.toContain(' t=');
    expect(valueOf(cell(sheet, 'A3'))).toBe('1');
    expect(valueOf(cell(sheet, 'A4'))).toBe('-5');
    expect(valueOf(cell(sheet, 'E3'))).toBe('0.125');
    expect(formatOf(files, cell(sheet, 'E3'))).toBe('0.0%');
    expect(formatOf(files, cell(sheet, 'A3'))).toBe('General');
    expect(sheet).not.toContain('r="E4"'); // null is no cell at all
  });

  it('stores dates as Excel serial numbers of the Almaty wall-clock time, formatted dd.mm.yyyy (hh:mm)', () => {
    // 2026-11-23 is 20,780 days after 1970-01-01 (Date.UTC(2026, 10, 23) / 86,400,000), and 1970-01-01
    // is serial 25,569 (Excel counts from 1899-12-30), so the day is 46,349; 10:30 is 10.5 / 24 = 0.4375
    // of a day. The instant is 05:30 UTC: a serial of UTC time would be 46349.229166….
    expect(Number(valueOf(cell(sheet, 'D3')))).toBe(46349.4375);
    expect(Number(valueOf(cell(sheet, 'C3')))).toBe(46349); // a date column keeps the day only
    expect(formatOf(files, cell(sheet, 'C3'))).toBe('dd.mm.yyyy');
    expect(formatOf(files, cell(sheet, 'D3'))).toBe('dd.mm.yyyy hh:mm');
    // 23:59 Almaty stays on the 23rd; 20:00 UTC is already 01:00 on the 24th in Almaty
    expect(Number(valueOf(cell(sheet, 'C4')))).toBe(46349);
    expect(Number(valueOf(cell(sheet, 'D4')))).toBeCloseTo(46350 + 1 / 24, 9);
  });

  it('escapes & < > and quotes in text, sheet names and properties', () => {
    expect(textOf(cell(sheet, 'B4'))).toBe('A &amp; B &lt;c&gt; &quot;q&quot;');
    const wb = unzip(toXlsx({ sheetName: 'R&D <1>', title: 'Fish & "chips"', columns: [{ header: 'a<b' }], rows: [] }));
    expect(wb['xl/workbook.xml']).toContain('<sheet name="R&amp;D &lt;1&gt;"');
    expect(wb['docProps/core.xml']).toContain('<dc:title>Fish &amp; &quot;chips&quot;</dc:title>');
    expect(wb['xl/worksheets/sheet1.xml']).toContain('>a&lt;b</t>');
    expect(Object.values(wb).every(wellFormed)).toBe(true);
  });

  it('freezes the rows down to the header and puts an autofilter on the header and data, not the footer', () => {
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A2:E4"/>');
    expect(textOf(cell(sheet, 'A5'))).toBe('Барлығы / Итого'); // the footer, below the filtered range
    expect(files['xl/workbook.xml']).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Журнал консультаций'!$A$2:$E$4</definedName>`,
    );
    const untitled = unzip(toXlsx({ ...consultations, title: undefined, footer: undefined }))['xl/worksheets/sheet1.xml']!;
    expect(untitled).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(untitled).toContain('<autoFilter ref="A1:E3"/>');
    expect(untitled).not.toContain('mergeCell');
  });

  it('sets the widths given and estimates the others', () => {
    expect(sheet).toContain('<col min="2" max="2" width="40" customWidth="1"/>');
    expect(sheet).toContain('<col min="4" max="4" width="18" customWidth="1"/>'); // dd.mm.yyyy hh:mm + 2
    const wide = unzip(toXlsx({ sheetName: 'S', columns: [{ header: 'x' }], rows: [['y'.repeat(500)]] }))['xl/worksheets/sheet1.xml']!;
    expect(wide).toContain('<col min="1" max="1" width="52" customWidth="1"/>');
  });

  it('makes sheet names Excel accepts: no []:*?/\\, at most 31 characters, unique ignoring case', () => {
    const names = sheetNames([
      'Отчёт: [янв/фев] *?\\',
      'Статистика грантов за 2026 год по регионам',
      'Свод',
      'СВОД',
      'свод',
      '',
      "'Итоги'",
      'History',
      'a\u0001b',
    ]);
    expect(names).toEqual(['Отчёт янв фев', 'Статистика грантов за 2026 год', 'Свод', 'СВОД (2)', 'свод (3)', 'Sheet6', 'Итоги', 'History (2)', 'ab']);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    const long = sheetNames(['Ы'.repeat(40), 'ы'.repeat(40)]);
    expect(long).toEqual(['Ы'.repeat(31), `${'ы'.repeat(27)} (2)`]);
    expect(sheetNames([`${'ж'.repeat(30)}😀`])).toEqual(['ж'.repeat(30)]); // never half an emoji's surrogate pair
    const wb = unzip(
      toXlsx([
        { ...consultations, sheetName: 'Свод' },
        { ...consultations, sheetName: 'свод' },
      ]),
    );
    expect([...wb['xl/workbook.xml']!.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Свод', 'свод (2)']);
    expect(wb['xl/worksheets/sheet2.xml']).toBeDefined();
    expect(wb['[Content_Types].xml']).toContain('<Override PartName="/xl/worksheets/sheet2.xml"');
    expect(wb['xl/_rels/workbook.xml.rels']).toContain('Target="worksheets/sheet2.xml"');
  });

  it('strips characters XML 1.0 forbids and keeps tab and line breaks', () => {
    const dirty = unzip(
      toXlsx({ sheetName: 'S\u0000', title: 'T\u000b', columns: [{ header: 'h\u001f' }], rows: [['a\u0000b\u0007c\u001Fd\tE\r\nF\uFFFE\uD800G']] }),
    );
    const xml = dirty['xl/worksheets/sheet1.xml']!;
    expect(textOf(cell(xml, 'A3'))).toBe('abcd\tE\nF' + 'G');
    expect(textOf(cell(xml, 'A1'))).toBe('T');
    expect(textOf(cell(xml, 'A2'))).toBe('h');
    // eslint-disable-next-line no-control-regex -- the test looks for characters XML forbids
    for (const [name, part] of Object.entries(dirty)) expect(part, name).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uD800]/);
  });

  it("keeps Excel's _xHHHH_ escapes literal and cuts text at Excel's 32,767 characters", () => {
    const xml = unzip(toXlsx({ sheetName: 'S', columns: [{ header: 'h' }], rows: [['code _x0041_'], ['я'.repeat(40_000)]] }))['xl/worksheets/sheet1.xml']!;
    expect(textOf(cell(xml, 'A2'))).toBe('code _x005F_x0041_');
    expect(textOf(cell(xml, 'A3'))).toHaveLength(32_767);
  });

  it('names columns past Z as Excel does', () => {
    expect([0, 25, 26, 51, 701, 702, 16_383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
  });

  it('gives the same bytes for the same tables, whatever the time zone of the machine', () => {
    const first = toXlsx(consultations);
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(toXlsx(consultations).equals(first)).toBe(true);
      process.env.TZ = 'Asia/Tokyo';
      expect(toXlsx(consultations).equals(first)).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    expect(toXlsx(consultations, { created: new Date('2026-11-23T05:30:00.123Z') }).equals(first)).toBe(false);
    expect(unzip(toXlsx(consultations, { created: new Date('2026-11-23T05:30:00.123Z') }))['docProps/core.xml']).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-23T05:30:00Z</dcterms:created>',
    );
  });

  it('passes the well-formedness check in every part, and the check catches broken XML', () => {
    for (const [name, xml] of Object.entries(files)) expect(wellFormed(xml), name).toBe(true);
    expect(wellFormed('<a><b></a></b>')).toBe(false);
    expect(wellFormed('<a>x & y</a>')).toBe(false);
    expect(wellFormed('<a>1 < 2</a>')).toBe(false);
    expect(wellFormed('<a>\u0001</a>')).toBe(false);
  });
});

// A real XML parser (Python's expat through xml.dom.minidom) over every part of the zip, and the zip's CRCs.
const VALIDATE = `
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'bad CRC'
for name in z.namelist():
    xml.dom.minidom.parseString(z.read(name))
print('\\n'.join(sorted(z.namelist())))
`;
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!hasPython)('XLSX read by a real XML parser (python3)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'azamat-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const validate = (bytes: Uint8Array) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(file, bytes);
    return spawnSync('python3', ['-c', VALIDATE, file], { encoding: 'utf8' });
  };

  it('parses every part of a workbook with several sheets, odd text and dates', () => {
    const nasty: ExportTable = {
      sheetName: 'R&D: "x"',
      title: 'a\u0000<b>&',
      columns: [{ header: '"&\'<>' }, { header: 'd', kind: 'datetime' }],
      rows: [['\u0007]]>', almaty('2026-01-01T00:00:00')]],
    };
    const result = validate(toXlsx([consultations, nasty, { ...nasty, sheetName: 'r&d: "X"' }], { created: new Date('2026-11-23T05:30:00Z') }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([...REQUIRED_PARTS, 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'].sort());
  });

  it('fails on a workbook with a broken part (the check is real)', () => {
    const parts = unzipSync(toXlsx(consultations));
    parts['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData></worksheet>');
    const result = validate(zipSync(parts));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ExpatError|mismatched tag/);
  });

  it('is a zip Python reads without a warning (python3 -m zipfile -t)', () => {
    const file = path.join(dir, 'test.xlsx');
    writeFileSync(file, toXlsx(consultations));
    expect(execFileSync('python3', ['-m', 'zipfile', '-t', file], { encoding: 'utf8' })).toMatch(/Done testing/);
  });
});

// ---- route helper -----------------------------------------------------------------------------------

describe('sendExport', () => {
  const headers = { kk: ['Аты', 'Саны'], ru: ['Название', 'Количество'] };
  const server = Fastify().withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.get('/export', { schema: { querystring: exportQuery, response: { 200: exportFileBody } } }, async (req, reply) =>
    sendExport(reply, {
      format: req.query.format,
      fileName: 'Приложение 2 (грант).csv',
      tables: { sheetName: 'Приложение 2', columns: headers[req.query.lang].map((header) => ({ header })), rows: [['Әсел', 3]] },
      // the routes' default is ';' (Excel with a kk/ru list separator); a caller may ask for ','
      csv: { separator: ',' },
    }),
  );
  afterAll(() => server.close());
  const get = (url: string) => server.inject({ method: 'GET', url });
  /** The file name "Приложение 2 (грант)" percent-encoded as RFC 5987 wants it, ( and ) included. */
  const encodedName = '%D0%9F%D1%80%D0%B8%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5%202%20%28%D0%B3%D1%80%D0%B0%D0%BD%D1%82%29';

  it('sends XLSX by default, in Russian, as an attachment with the Russian file name (RFC 6266/5987)', async () => {
    const res = await get('/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // the plain filename is the ASCII fallback for old clients; the csv extension asked for is replaced
    expect(res.headers['content-disposition']).toBe(`attachment; filename="__________ 2 (_____).xlsx"; filename*=UTF-8''${encodedName}.xlsx`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const sheet = unzip(res.rawPayload)['xl/worksheets/sheet1.xml']!;
    expect(textOf(cell(sheet, 'A1'))).toBe('Название');
    expect(valueOf(cell(sheet, 'B2'))).toBe('3');
  });

  it('sends CSV with Kazakh headers when asked, and rejects an unknown format or language', async () => {
    const res = await get('/export?format=csv&lang=kk');
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodedName}.csv`);
    expect(res.rawPayload.equals(Buffer.from('\uFEFFАты,Саны\r\nӘсел,3\r\n'))).toBe(true);
    expect((await get('/export?format=pdf')).statusCode).toBe(400);
    expect((await get('/export?lang=en')).statusCode).toBe(400);
  });
});
