// One error handler: domain errors and validation become localised 4xx answers (a refused field by its path,
// code and message: validation-details.ts); anything else is
// logged in full and masked as a 500, so no stack or SQL reaches the caller.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { i18n } from 'i18next';
import { DomainError, type ErrorKind } from '../../core/errors.ts';
import type { ApiLocale } from '../../core/i18n/i18n.ts';
import { fieldIssues } from './validation-details.ts';

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
      const issues = fieldIssues(error.validation, error.validationContext, req as unknown as Record<string, unknown>);
      const details = issues.map((d) => ({ ...d, message: message(req, d.code, { ...d.params, field: d.path }) }));
      const listed = details.map((d) => `${d.path}: ${d.message}`).join(' ');
      // One shared code on its own (control characters, a day that does not exist) answers with that code,
      // as before; otherwise `validation` with each field's code and message in the details.
      const shared = details.find((d) => !d.code.startsWith('field.'));
      const code = shared?.code ?? 'validation';
      return send(reply, 400, {
        error: { code, message: shared ? message(req, shared.code, { field: shared.path }) : message(req, 'validation', { details: listed }), details },
      });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) {
      return send(reply, 429, { error: { code: 'rate_limited', message: message(req, 'rate_limited', { after: reply.getHeader('retry-after') ?? 60 }) } });
    }
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      const code = status === 404 ? 'not_found' : 'validation';
      return send(reply, status, {
        // Fastify's own text (an unreadable JSON body, a wrong content type) is English: the reader gets ours.
        error: { code, message: status === 404 ? message(req, 'not_found') : message(req, 'field.malformed') },
      });
    }
    req.log.error({ err: error }, 'request failed');
    return send(reply, 500, { error: { code: 'internal', message: message(req, 'internal') } });
  });

  app.setNotFoundHandler((req, reply) => send(reply, 404, { error: { code: 'not_found', message: message(req, 'not_found') } }));
}
