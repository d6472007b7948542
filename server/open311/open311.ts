// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for civic-control reports: public,
// rate-limited reads of services and requests, and filing by admin-issued API keys. Answers are
// JSON or XML by the path's suffix; errors are GeoReport lists of {code, description}, so these
// routes live in their own plugin with their own error and not-found handlers.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { i18n } from 'i18next';
import { z } from 'zod';
import type { ApiClientView } from '../../core/open311/api-client-service.ts';
import { isDateString, localMidnight, addDays } from '../../core/calendar/local-time.ts';
import { DomainError } from '../../core/errors.ts';
import { fromDomainError, Open311Error, type Open311ErrorItem } from '../../core/open311/open311-errors.ts';
import { DESCRIPTION_LIMIT, discovery, open311Locale, requestOf, serviceDefinition, serviceOf, type RequestRow } from '../../core/open311/open311-mapping.ts';
import { findRequest, findRequests, jurisdictionRegion, submitRequest } from '../../core/open311/open311-requests.ts';
import { toXml, type XmlValue } from '../../core/open311/xml.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { Services } from '../../core/services.ts';
import { isInstantString } from '../schemas.ts';

export const OPEN311_PREFIX = '/open311/v2';

type Format = 'json' | 'xml';
const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

// ───────────── input ─────────────

const format = z.enum(['json', 'xml']).describe('answer format: the path ends in .json or .xml');
const formatParams = z.object({ format });
const locale = z.string().max(20).optional().describe('kk or ru (default): the language of names');
const jurisdictionId = z.string().max(64).optional().describe('a region code, e.g. astana, almaty-city, abai');
const commonQuery = z.object({ jurisdiction_id: jurisdictionId, locale });

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
/** ISO 8601 with a zone, or a bare date read in Almaty time (its start, or with `endOfDay` its last moment). */
const dateParam = (endOfDay: boolean) =>
  z
    .string()
    .refine((v) => isInstantString(v) && (isDateString(v) || DATE_TIME.test(v)), 'expected ISO 8601 with an offset, e.g. 2026-11-23T00:00:00+05:00')
    .transform((v) => (!isDateString(v) ? new Date(v) : endOfDay ? new Date(localMidnight(addDays(v, 1)).getTime() - 1) : localMidnight(v)));

const commaList = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const listQuery = commonQuery.extend({
  service_request_id: z.string().max(20_000).optional().describe('comma-separated numbers, e.g. KZ-2026-000123,KZ-2026-000124; overrides the other filters'),
  service_code: z.string().max(2000).optional().describe('comma-separated service codes'),
  start_date: dateParam(false).optional().describe('requested at or after; default: 90 days ago'),
  end_date: dateParam(true).optional().describe('requested at or before; at most 90 days after start_date'),
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

const postBody = z.object({
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
const withOpen311Errors = <T extends z.ZodType>(ok: T) => ({ 200: ok, 400: errorsBody, 403: errorsBody, 404: errorsBody, 429: errorsBody, 500: errorsBody });

const discoveryBody = z.object({
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
const definitionBody = z.object({ service_code: z.string(), attributes: z.array(z.never()) });
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
const createdBody = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() }));

// ───────────── answers ─────────────

function respond(reply: FastifyReply, fmt: Format, root: string, body: XmlValue, status = 200) {
  reply.status(status).type(CONTENT_TYPES[fmt]);
  return reply.send(fmt === 'xml' ? toXml(root, body) : body);
}

/** The format of an answer that may fail before its params are parsed: by the path's suffix. */
const formatOf = (req: FastifyRequest): Format => (/\.xml$/i.test(req.url.split('?')[0]!) ? 'xml' : 'json');

const sendErrors = (req: FastifyRequest, reply: FastifyReply, status: number, descriptions: string[]) =>
  respond(
    reply,
    formatOf(req),
    'errors',
    descriptions.map((description): Open311ErrorItem => ({ code: status, description })),
    status,
  );

function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) error = fromDomainError(error);
  if (error instanceof Open311Error) return sendErrors(req, reply, error.status, [error.description]);
  if (hasZodFastifySchemaValidationErrors(error)) {
    // The only path parameters are the format and the resource's id: a bad one names nothing that exists.
    if (error.validationContext === 'params') return sendErrors(req, reply, 404, ['not found: the path must end in .json or .xml']);
    return sendErrors(
      req,
      reply,
      400,
      error.validation.map((v) => `${v.instancePath.replace(/^\//, '').replace(/\//g, '.') || error.validationContext}: ${v.message ?? 'invalid'}`),
    );
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 429) return sendErrors(req, reply, 429, [`rate limit exceeded: retry in ${reply.getHeader('retry-after') ?? 60} seconds`]);
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) return sendErrors(req, reply, status, [error.message]);
  req.log.error({ err: error }, 'open311 request failed');
  return sendErrors(req, reply, 500, ['internal error']);
}

// ───────────── routes ─────────────

/** Public reads: generous for apps that poll, still bounded per client address. */
const readLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
const writeLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export const open311Routes =
  (services: Services, i18n: i18n): FastifyPluginAsyncZod =>
  async (parent) => {
    const routes: FastifyPluginAsyncZod = async (app) => {
      /** Options of a public read: rate-limited, open to anyone (no security), documented under open311. */
      const publicRead = <S extends object>(summary: string, schema: S) => ({
        config: readLimit,
        schema: { tags: ['open311'], security: [], summary, ...schema },
      });
      const clients = new WeakMap<FastifyRequest, ApiClientView>();
      const requestsOf = (rows: RequestRow[], loc: string | undefined) => {
        const lng = open311Locale(loc);
        const t = i18n.getFixedT(lng);
        return rows.map((r) => requestOf(r, (key) => t(key), lng));
      };

      app.setErrorHandler(handleError);
      app.setNotFoundHandler((req, reply) => sendErrors(req, reply, 404, ['not found']));
      // GeoReport v2 posts are form-encoded; empty fields count as absent.
      app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
        done(null, Object.fromEntries([...new URLSearchParams(body as string)].filter(([, v]) => v !== '')));
      });

      app.get('/discovery.:format', publicRead('Open311 discovery', { params: formatParams, response: withOpen311Errors(discoveryBody) }), async (req, reply) =>
        respond(reply, req.params.format, 'discovery', discovery(`${req.protocol}://${req.host}`)),
      );

      app.get(
        '/services.:format',
        publicRead('Report categories as Open311 services', {
          params: formatParams,
          querystring: commonQuery,
          response: withOpen311Errors(z.array(serviceBody)),
        }),
        async (req, reply) => {
          await jurisdictionRegion(services.reference, req.query.jurisdiction_id);
          const lng = open311Locale(req.query.locale);
          const categories = (await services.reference.get()).categories.filter((c) => c.active);
          return respond(
            reply,
            req.params.format,
            'services',
            categories.map((c) => serviceOf(c, lng)),
          );
        },
      );

      app.get(
        '/services/:service_code.:format',
        publicRead("A service's definition (no extra attributes)", {
          params: z.object({ service_code: z.string().max(100), format }),
          querystring: commonQuery,
          response: withOpen311Errors(definitionBody),
        }),
        async (req, reply) => {
          await jurisdictionRegion(services.reference, req.query.jurisdiction_id);
          const category = (await services.reference.get()).categories.find((c) => c.code === req.params.service_code && c.active);
          if (!category) throw new Open311Error(404, 'service_code not found');
          return respond(reply, req.params.format, 'service_definition', serviceDefinition(category));
        },
      );

      app.get(
        '/requests.:format',
        publicRead('Public service requests: the last 90 days by default, at most 1000', {
          params: formatParams,
          querystring: listQuery,
          response: withOpen311Errors(z.array(requestBody)),
        }),
        async (req, reply) => {
          const q = req.query;
          const rows = await findRequests(
            services.prisma,
            {
              regionId: await jurisdictionRegion(services.reference, q.jurisdiction_id),
              numbers: commaList(q.service_request_id)?.map((n) => n.toUpperCase()),
              serviceCodes: commaList(q.service_code),
              start: q.start_date,
              end: q.end_date,
              statuses: commaList(q.status) as Array<'open' | 'closed'> | undefined,
            },
            services.now(),
          );
          return respond(reply, req.params.format, 'service_requests', requestsOf(rows, q.locale));
        },
      );

      app.get(
        '/requests/:service_request_id.:format',
        publicRead('One service request (a list of one, as GeoReport v2 answers)', {
          params: z.object({ service_request_id: z.string().max(40), format }),
          querystring: commonQuery,
          response: withOpen311Errors(z.array(requestBody)),
        }),
        async (req, reply) => {
          const regionId = await jurisdictionRegion(services.reference, req.query.jurisdiction_id);
          const row = await findRequest(services.prisma, req.params.service_request_id.toUpperCase(), regionId);
          return respond(reply, req.params.format, 'service_requests', requestsOf([row], req.query.locale));
        },
      );

      app.post(
        '/requests.:format',
        {
          config: writeLimit,
          // The key is checked before the body is validated: without one, nothing else is revealed.
          preValidation: async (req) => {
            const key = (req.body as { api_key?: unknown } | undefined)?.api_key;
            if (typeof key !== 'string' || !key) throw new Open311Error(403, 'api_key is required');
            const client = await services.apiClients.authenticate(key);
            if (!client) throw new Open311Error(403, 'api_key is invalid or revoked');
            clients.set(req, client);
          },
          schema: {
            tags: ['open311'],
            summary: 'File a report (application/x-www-form-urlencoded, with an api_key)',
            description: 'Names, e-mail, phone, device_id and account_id are accepted for compatibility and never stored.',
            params: formatParams,
            body: postBody,
            response: withOpen311Errors(createdBody),
          },
        },
        async (req, reply) => {
          const b = req.body;
          const report = await submitRequest(
            services,
            clients.get(req)!,
            {
              jurisdictionId: b.jurisdiction_id,
              serviceCode: b.service_code,
              lat: b.lat,
              long: b.long,
              address: b.address_string,
              description: b.description,
              mediaUrl: b.media_url,
            },
            req.ip,
          );
          const lng = open311Locale(b.locale);
          const t = i18n.getFixedT(lng);
          const department = (await services.reference.get()).departments.find((d) => d.id === report.departmentId);
          const notice = `${t('reports:notice.title', { number: report.number })} — ${t('reports:status.new')}${department ? ` (${localName(department, lng)})` : ''}`;
          return respond(reply, req.params.format, 'service_requests', [{ service_request_id: report.number, service_notice: notice, account_id: null }]);
        },
      );
    };
    await parent.register(routes, { prefix: OPEN311_PREFIX });
  };
