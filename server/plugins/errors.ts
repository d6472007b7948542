// One error handler: domain errors and validation become localised 4xx answers; anything else is
// logged in full and masked as a 500, so no stack or SQL reaches the caller.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { i18n } from 'i18next';
import { DomainError, type ErrorKind } from '../../core/errors.ts';
import type { ApiLocale } from '../../core/i18n/i18n.ts';

const statusOf: Record<ErrorKind, number> = { invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, too_many: 429 };

/** The first language of Accept-Language: kk or en when asked for (the console has an English UI), Russian otherwise. */
export function requestLocale(req: FastifyRequest): ApiLocale {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  return header.startsWith('kk') ? 'kk' : header.startsWith('en') ? 'en' : 'ru';
}

export function registerErrorHandler(app: FastifyInstance, i18n: i18n) {
  const message = (req: FastifyRequest, code: string, params: Record<string, unknown> = {}) =>
    i18n.getFixedT(requestLocale(req))(`errors:${code}`, { ...params, defaultValue: code });

  const send = (reply: FastifyReply, status: number, body: unknown) => reply.status(status).send(body);

  app.setErrorHandler((error: FastifyError | DomainError, req, reply) => {
    if (error instanceof DomainError) {
      return send(reply, statusOf[error.kind], { error: { code: error.code, message: message(req, error.code, error.params) } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath || ''}`.replace(/\//g, '.'),
        message: v.message ?? 'invalid',
        code: (v.params as { params?: { code?: unknown } } | undefined)?.params?.code,
      }));
      // Issues the shared schemas mark with a code (control characters, a day that does not exist) get
      // their own code and message; the rest are named in the generic one.
      const coded = details.find((d) => typeof d.code === 'string');
      const listed = details.map(({ path, message: m }) => ({ path, message: m }));
      if (coded)
        return send(reply, 400, { error: { code: coded.code as string, message: message(req, coded.code as string, { field: coded.path }), details: listed } });
      return send(reply, 400, {
        error: {
          code: 'validation',
          message: message(req, 'validation', { details: listed.map((d) => `${d.path}: ${d.message}`).join('; ') }),
          details: listed,
        },
      });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) {
      return send(reply, 429, { error: { code: 'rate_limited', message: message(req, 'rate_limited', { after: reply.getHeader('retry-after') ?? 60 }) } });
    }
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      const code = status === 404 ? 'not_found' : 'validation';
      return send(reply, status, {
        error: { code, message: status === 404 ? message(req, 'not_found') : message(req, 'validation', { details: error.message }) },
      });
    }
    req.log.error({ err: error }, 'request failed');
    return send(reply, 500, { error: { code: 'internal', message: message(req, 'internal') } });
  });

  app.setNotFoundHandler((req, reply) => send(reply, 404, { error: { code: 'not_found', message: message(req, 'not_found') } }));
}
