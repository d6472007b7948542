// The Open311 GeoReport v2 shapes (http://wiki.open311.org/GeoReport_v2): the queries and the form a client
// posts, and the answers in JSON (XML has the same fields); errors are lists of {code, description}.
import { z } from 'zod';
import { DESCRIPTION_LIMIT } from '../../core/open311/open311-rules.ts';
import { zonedDateOrDay } from '../schemas.ts';

// ───────────── input ─────────────

const format = z.enum(['json', 'xml']).describe('answer format: the path ends in .json or .xml');
export const formatParams = z.object({ format });
export const serviceParams = z.object({ service_code: z.string().max(100), format });
export const requestParams = z.object({ service_request_id: z.string().max(40), format });
const locale = z.string().max(20).optional().describe('kk or ru (default): the language of names');
const jurisdictionId = z.string().max(64).optional().describe('a region code, e.g. astana, almaty-city, abai');
export const commonQuery = z.object({ jurisdiction_id: jurisdictionId, locale });

export const listQuery = commonQuery.extend({
  service_request_id: z.string().max(20_000).optional().describe('comma-separated numbers, e.g. KZ-2026-000123,KZ-2026-000124; overrides the other filters'),
  service_code: z.string().max(2000).optional().describe('comma-separated service codes'),
  start_date: zonedDateOrDay(false).optional().describe('requested at or after; default: 90 days ago'),
  end_date: zonedDateOrDay(true).optional().describe('requested at or before; at most 90 days after start_date'),
  status: z
    .string()
    .max(20)
    .refine((v) => v.split(',').every((s) => ['open', 'closed'].includes(s.trim())), 'expected open, closed or open,closed')
    .optional(),
});

const coordinate = z.union(
  [
    z.number(),
    z
      .string()
      .trim()
      .regex(/^[-+]?\d+(\.\d+)?$/)
      .transform(Number),
  ],
  { error: 'expected a decimal number' },
);
const ignored = z.string().max(500).optional().describe('accepted and ignored: Azamat keeps no personal data from Open311 clients');

export const postBody = z.object({
  api_key: z.string().max(200).optional().describe('issued by the administrators (POST /api/api-clients)'),
  jurisdiction_id: jurisdictionId.describe("a region code; default: the API key's own region"),
  service_code: z.string().min(1).max(100),
  lat: coordinate.optional().describe('WGS 84, inside Kazakhstan; with long, or give address_string'),
  long: coordinate.optional(),
  address_string: z.string().trim().max(500).optional(),
  description: z.string().max(DESCRIPTION_LIMIT).describe('at least 10 characters'),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional()
    .describe('a photo of the problem'),
  locale,
  email: ignored,
  first_name: ignored,
  last_name: ignored,
  phone: ignored,
  device_id: ignored,
  account_id: ignored,
});

// ───────────── output (JSON; XML has the same fields) ─────────────

const errorsBody = z.array(z.object({ code: z.number().int(), description: z.string() })).describe('Open311 errors');
export const withOpen311Errors = <T extends z.ZodType>(ok: T) => ({
  200: ok,
  400: errorsBody,
  403: errorsBody,
  404: errorsBody,
  429: errorsBody,
  500: errorsBody,
});

export const discoveryBody = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.string(), formats: z.array(z.string()) })),
});
const serviceBody = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
});
export const servicesBody = z.array(serviceBody);
export const definitionBody = z.object({ service_code: z.string(), attributes: z.array(z.never()) });
const requestBody = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export const requestsBody = z.array(requestBody);
export const createdBody = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() }));
