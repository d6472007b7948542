// Sending a table export from a route: the shared `format` and `lang` query params, the response
// schema, and the headers that make a browser save the file under its Kazakh or Russian name.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { toCsv, type CsvOptions } from '../core/export/csv.ts';
import type { ExportTable } from '../core/export/table.ts';
import { toXlsx, XLSX_MIME, type XlsxOptions } from '../core/export/xlsx.ts';
import { safeFileName } from '../core/reports/evidence-store.ts';
import { contentDisposition } from './content-disposition.ts';

export const exportFormat = z.enum(['csv', 'xlsx']).default('xlsx').describe('xlsx (Excel workbook) or csv (UTF-8 with BOM)');
export const exportLang = z.enum(['kk', 'ru']).default('ru').describe('language of the headers and titles');
/** The query of an export route; `.extend({ … })` it with the route's own filters. */
export const exportQuery = z.object({ format: exportFormat, lang: exportLang });
/** The 200 body of an export route, for `withErrors({ 200: exportFileBody })`. */
export const exportFileBody = z.unknown().describe('the file: text/csv or an XLSX workbook');

export type ExportFormat = z.infer<typeof exportFormat>;

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_MIME };

export interface SendExport {
  format: ExportFormat;
  /** without the extension (one is added, or replaced if it is the other format's), e.g. "Приложение 2" */
  fileName: string;
  tables: ExportTable | ExportTable[];
  /** ';' by default: it opens in columns in Excel with a Russian or Kazakh list separator */
  csv?: CsvOptions;
  xlsx?: XlsxOptions;
}

/** Sets the headers and returns the body: `return sendExport(reply, { … })` from the handler. */
export function sendExport(reply: FastifyReply, { format, fileName, tables, csv, xlsx }: SendExport): Buffer {
  const body = format === 'csv' ? toCsv(tables, { separator: ';', ...csv }) : toXlsx(tables, xlsx);
  const name = `${safeFileName(fileName.replace(/\.(csv|xlsx)$/i, ''), 'export')}.${format}`;
  reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', contentDisposition(name, false))
    // staff reports carry citizens' personal data: no shared or browser cache keeps a copy
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff');
  return body;
}
