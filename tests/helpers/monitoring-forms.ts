// Shared pieces of the forms tests (Annexes 3 and 9, the forms' deadlines): a movable clock, state bodies,
// staff tied to a body, and an XLSX read back by a real spreadsheet reader (exceljs).
import ExcelJS from 'exceljs';
import type { PrismaClient } from '../../generated/prisma/client.ts';

/** A clock the test moves: services read `clock.now()` through `() => clock.at`. */
export function movableClock(start: string) {
  const clock = {
    at: new Date(start),
    set(iso: string) {
      clock.at = new Date(iso);
    },
    now: () => clock.at,
  };
  return clock;
}

export async function makeBody(prisma: PrismaClient, code: string, regionId: number | null, head = '') {
  return prisma.stateBody.create({
    data: {
      code,
      nameKk: `${code} басқармасы`,
      nameRu: `Управление ${code}`,
      regionId,
      headName: head,
      headPositionKk: 'басшы',
      headPositionRu: 'руководитель',
    },
  });
}

/** Ties a staff account to a body (and, for a supplier's staff, to the NGO's BIN). */
export async function tie(
  prisma: PrismaClient,
  staffId: number,
  data: { stateBodyId?: number | null; supplierBin?: string | null; telegramId?: bigint | null },
) {
  await prisma.staffUser.update({ where: { id: staffId }, data });
}

export interface SheetRow {
  n: number;
  values: Array<string | number | null>;
  bold: boolean;
}

/** Every row of the first sheet as plain values (A…), with whether its first cell is bold. */
export async function readSheet(body: Buffer): Promise<{ sheet: ExcelJS.Worksheet; rows: SheetRow[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: Array<string | number | null> = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      const v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
      values.push(v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));
    }
    rows.push({ n, values, bold: row.getCell(1).font?.bold === true });
  });
  return { sheet, rows };
}

/** Sum of one decimal amounts as a reader adds them by hand. */
export const addUp = (xs: Array<number | null>) => Math.round(xs.reduce<number>((a, x) => a + (x ?? 0) * 10, 0)) / 10;

let nextIp = 1;
/** Signs an account made by `ProjectApi.account` in again: sessions expire when a test moves the clock by months. */
export async function signInAgain(app: { inject: (o: object) => Promise<{ statusCode: number; json(): { token: string } }> }, login: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password: `${login}-password-1` },
    remoteAddress: `10.77.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode}`);
  return res.json().token;
}
