// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for civic-control reports: public,
// rate-limited reads of services and requests, and filing by admin-issued API keys. Answers are
// JSON or XML by the path's suffix (open311-format.ts); errors are GeoReport lists of {code, description},
// so these routes live in their own plugin with their own error and not-found handlers.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { i18n } from 'i18next';
import type { ApiClientView } from '../../core/open311/api-client-service.ts';
import { Open311Error } from '../../core/open311/open311-errors.ts';
import { discovery, open311Locale, requestOf, serviceDefinition, serviceOf, type RequestRow } from '../../core/open311/open311-mapping.ts';
import { jurisdictionRegion, submitRequest } from '../../core/open311/open311-requests.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { Services } from '../../core/services.ts';
import { handleError, respond, sendErrors } from './open311-format.ts';
import {
  commonQuery,
  createdBody,
  definitionBody,
  discoveryBody,
  formatParams,
  listQuery,
  postBody,
  requestParams,
  requestsBody,
  serviceParams,
  servicesBody,
  withOpen311Errors,
} from './open311-schemas.ts';

export const OPEN311_PREFIX = '/open311/v2';

const commaList = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

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
      /** The categories offered as services, in a jurisdiction we serve (another one is refused). */
      const activeCategories = async (jurisdictionId: string | undefined) => {
        await jurisdictionRegion(services.reference, jurisdictionId);
        return (await services.reference.get()).categories.filter((c) => c.active);
      };
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
          response: withOpen311Errors(servicesBody),
        }),
        async (req, reply) => {
          const categories = await activeCategories(req.query.jurisdiction_id);
          const lng = open311Locale(req.query.locale);
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
          params: serviceParams,
          querystring: commonQuery,
          response: withOpen311Errors(definitionBody),
        }),
        async (req, reply) => {
          const category = (await activeCategories(req.query.jurisdiction_id)).find((c) => c.code === req.params.service_code);
          if (!category) throw new Open311Error(404, 'service_code not found');
          return respond(reply, req.params.format, 'service_definition', serviceDefinition(category));
        },
      );

      app.get(
        '/requests.:format',
        publicRead('Public service requests: the last 90 days by default, at most 1000', {
          params: formatParams,
          querystring: listQuery,
          response: withOpen311Errors(requestsBody),
        }),
        async (req, reply) => {
          const q = req.query;
          const rows = await services.open311Requests.list({
            regionId: await jurisdictionRegion(services.reference, q.jurisdiction_id),
            numbers: commaList(q.service_request_id)?.map((n) => n.toUpperCase()),
            serviceCodes: commaList(q.service_code),
            start: q.start_date,
            end: q.end_date,
            statuses: commaList(q.status) as Array<'open' | 'closed'> | undefined,
          });
          return respond(reply, req.params.format, 'service_requests', requestsOf(rows, q.locale));
        },
      );

      app.get(
        '/requests/:service_request_id.:format',
        publicRead('One service request (a list of one, as GeoReport v2 answers)', {
          params: requestParams,
          querystring: commonQuery,
          response: withOpen311Errors(requestsBody),
        }),
        async (req, reply) => {
          const regionId = await jurisdictionRegion(services.reference, req.query.jurisdiction_id);
          const row = await services.open311Requests.one(req.params.service_request_id.toUpperCase(), regionId);
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
