// Sending a table export from a route: the headers that make a browser save the file under its Kazakh or
// Russian name. The shared `format` and `lang` query and the response schema are in server/schemas.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { i18n, TFunction } from 'i18next';
import type { z } from 'zod';
import { toCsv, type CsvOptions } from '../core/export/csv.ts';
import type { ExportTable } from '../core/export/table.ts';
import { toXlsx, XLSX_MIME, type XlsxOptions } from '../core/export/xlsx.ts';
import { safeFileName } from '../core/reports/evidence-store.ts';
import { contentDisposition } from './content-disposition.ts';
import type { exportQuery } from './schemas.ts';

type ExportFormat = z.output<typeof exportQuery>['format'];
type ExportLang = z.output<typeof exportQuery>['lang'];

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

/** What an export route makes in the asked language: the file's name and tables (and their options). */
export type ExportFile = Omit<SendExport, 'format'>;
type ExportRequest = FastifyRequest & { query: z.output<typeof exportQuery> };

/**
 * The handler of an export route (GET with the shared `format` and `lang`): `file` makes the file in the asked
 * language with that language's texts; it goes out in the asked format.
 */
export function exportFile<R extends ExportRequest>(i18n: i18n, file: (req: R, lang: ExportLang, t: TFunction) => Promise<ExportFile>) {
  return async (req: R, reply: FastifyReply) => {
    const { format, lang } = req.query;
    return sendExport(reply, { format, ...(await file(req, lang, i18n.getFixedT(lang))) });
  };
}
