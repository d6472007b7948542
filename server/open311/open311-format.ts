// The answers of the Open311 routes: JSON or XML by the path's suffix, and errors as GeoReport lists of
// {code, description}, whatever went wrong (a domain error, invalid input, a rate limit, a crash).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../../core/errors.ts';
import { fromDomainError, Open311Error, type Open311ErrorItem } from '../../core/open311/open311-errors.ts';
import { toXml, type XmlValue } from '../../core/open311/xml.ts';

type Format = 'json' | 'xml';
const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

export function respond(reply: FastifyReply, fmt: Format, root: string, body: XmlValue, status = 200) {
  reply.status(status).type(CONTENT_TYPES[fmt]);
  return reply.send(fmt === 'xml' ? toXml(root, body) : body);
}

/** The format of an answer that may fail before its params are parsed: by the path's suffix. */
const formatOf = (req: FastifyRequest): Format => (/\.xml$/i.test(req.url.split('?')[0]!) ? 'xml' : 'json');

export const sendErrors = (req: FastifyRequest, reply: FastifyReply, status: number, descriptions: string[]) =>
  respond(
    reply,
    formatOf(req),
    'errors',
    descriptions.map((description): Open311ErrorItem => ({ code: status, description })),
    status,
  );

export function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
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
