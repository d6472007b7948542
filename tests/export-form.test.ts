// A form laid out as the Rules' annexes are (seed 003 Annexes 3 and 9): column numbers under the header,
// an area's heading merged across the row, its subtotal and the grand total in bold, read back by a real
// spreadsheet reader (exceljs), and the same rows in CSV.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../core/export/csv.ts';
import type { ExportTable } from '../core/export/table.ts';
import { toXlsx } from '../core/export/xlsx.ts';

const form: ExportTable = {
  sheetName: '3-қосымша',
  title: 'Ақпарат',
  columns: [{ header: '№' }, { header: 'Атауы' }, { header: 'Сомасы', kind: 'number' }],
  subheader: ['1', '2', '3'],
  rows: [['1-сала. Білім беру'], ['1', 'Жоба А', 1200.5], ['Жиынында', null, 1200.5]],
  kinds: ['section', undefined, 'subtotal'],
  footer: [['Барлығы', null, 1200.5]],
};

async function read(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

describe('a form table', () => {
  it('writes the column numbers under the header, the section merged and bold, the subtotal and total in bold', async () => {
    const sheet = await read(toXlsx(form));
    expect(sheet.getRow(2).values).toEqual([undefined, '№', 'Атауы', 'Сомасы']);
    expect(sheet.getRow(3).values).toEqual([undefined, '1', '2', '3']);
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.getCell('A4').value).toBe('1-сала. Білім беру');
    expect(sheet.getCell('A4').font?.bold).toBe(true);
    expect(sheet.getCell('C4').isMerged).toBe(true);
    expect(sheet.getCell('C4').master.address).toBe('A4');
    expect(sheet.getCell('B5').font?.bold).toBeFalsy();
    expect(sheet.getCell('C5').value).toBe(1200.5);
    expect(sheet.getCell('A6').font?.bold).toBe(true);
    expect(sheet.getCell('C6').value).toBe(1200.5);
    expect(sheet.getCell('A7').value).toBe('Барлығы');
    expect(sheet.getCell('C7').font?.bold).toBe(true);
    // frozen below the column numbers; no autofilter that would tear the areas apart
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBeUndefined();
  });

  it('keeps an autofilter on a plain list', async () => {
    const sheet = await read(toXlsx({ ...form, subheader: undefined, kinds: undefined }));
    expect(sheet.autoFilter).toBe('A2:C5');
  });

  it('writes the same rows to CSV, the column numbers included', () => {
    const text = toCsv(form).toString('utf8').slice(1);
    expect(text.split('\r\n')).toEqual([
      'Ақпарат',
      '№,Атауы,Сомасы',
      '1,2,3',
      '1-сала. Білім беру,,',
      '1,Жоба А,1200.5',
      'Жиынында,,1200.5',
      'Барлығы,,1200.5',
      '',
    ]);
  });
});
