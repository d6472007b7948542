import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';

export interface UploadedFile {
  /** Multipart part name; grammY refers to it as `attach://<field>` in the payload. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedBody {
  fields: Record<string, unknown>;
  uploads: UploadedFile[];
}

export class BodyParseError extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// Form encodings carry every value as a string; the Bot API coerces by
// parameter type. These lists cover the parameters the fake interprets.
const NUMERIC_FIELDS = new Set([
  'chat_id',
  'from_chat_id',
  'message_id',
  'message_thread_id',
  'reply_to_message_id',
  'offset',
  'limit',
  'timeout',
  'latitude',
  'longitude',
  'horizontal_accuracy',
  'live_period',
  'heading',
  'proximity_alert_radius',
  'duration',
  'width',
  'height',
  'user_id',
  'cache_time',
  'max_connections',
  'length',
  'until_date',
]);
const BOOLEAN_FIELDS = new Set([
  'disable_notification',
  'protect_content',
  'show_alert',
  'drop_pending_updates',
  'is_big',
  'has_spoiler',
  'supports_streaming',
  'disable_content_type_detection',
  'allow_sending_without_reply',
  'disable_web_page_preview',
  'show_caption_above_media',
  'allow_paid_broadcast',
  'only_if_banned',
]);
// Free text must never be reinterpreted, even when it looks like JSON or a number.
const TEXT_FIELDS = new Set([
  'text',
  'caption',
  'title',
  'description',
  'performer',
  'first_name',
  'last_name',
  'phone_number',
  'vcard',
  'secret_token',
  'url',
  'callback_query_id',
  'file_id',
  'inline_message_id',
  'address',
  'emoji',
  'action',
  'parse_mode',
  'language_code',
]);

export function coerceField(key: string, value: string): unknown {
  if (TEXT_FIELDS.has(key)) return value;
  if (NUMERIC_FIELDS.has(key) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false')) return value === 'true';
  const first = value.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function parseDisposition(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  // grammY writes `form-data;name="x";filename=photo.jpg` (unquoted filename, no spaces),
  // browsers and curl quote everything; accept both.
  const re = /;\s*([A-Za-z*]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(header); m !== null; m = re.exec(header)) {
    const key = (m[1] ?? '').toLowerCase();
    params[key] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim();
  }
  return params;
}

export function parseMultipart(body: Buffer, boundary: string): ParsedBody {
  const fields: Record<string, unknown> = {};
  const uploads: UploadedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos === -1) throw new BodyParseError('multipart boundary not found');
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers: Record<string, string> = {};
      for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const data = part.subarray(headerEnd + 4);
      const disposition = parseDisposition(headers['content-disposition'] ?? '');
      const name = disposition['name'];
      if (name !== undefined) {
        if (disposition['filename'] !== undefined) {
          uploads.push({
            field: name,
            filename: disposition['filename'],
            contentType: headers['content-type'] ?? 'application/octet-stream',
            data: Buffer.from(data),
          });
        } else {
          fields[name] = coerceField(name, data.toString('utf8'));
        }
      }
    }
    pos = next;
  }
  return { fields, uploads };
}

export function parseSearchParams(params: URLSearchParams): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of params) fields[key] = coerceField(key, value);
  return fields;
}

export function parseBody(contentType: string | undefined, body: Buffer): ParsedBody {
  const type = (contentType ?? '').toLowerCase();
  if (body.length === 0) return { fields: {}, uploads: [] };
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (err) {
      throw new BodyParseError(`can't parse JSON object: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new BodyParseError('JSON object expected');
    }
    return { fields: parsed as Record<string, unknown>, uploads: [] };
  }
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value) throw new BodyParseError('multipart boundary missing');
    return parseMultipart(body, value.trim());
  }
  if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
    return { fields: parseSearchParams(new URLSearchParams(body.toString('utf8'))), uploads: [] };
  }
  throw new BodyParseError(`unsupported Content-Type ${contentType ?? ''}`);
}
