// Open311 errors are a list of {code, description} with the HTTP status as the code (GeoReport v2),
// in English: the callers are other systems and their developers, not citizens.
import { DomainError, type ErrorKind } from '../errors.ts';

export type Open311Status = 400 | 403 | 404 | 429 | 500;

export class Open311Error extends Error {
  constructor(
    readonly status: Open311Status,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

export type Open311ErrorItem = { code: number; description: string };

const STATUS_OF: Record<ErrorKind, Open311Status> = { invalid: 400, conflict: 400, unauthorized: 403, forbidden: 403, not_found: 404, too_many: 429 };

/** English texts of the domain errors an Open311 request can meet; {{name}} is filled from the error's params. */
const DESCRIPTIONS: Record<string, string> = {
  'report.description_short': 'description must be at least {{min}} characters long',
  'report.description_long': 'description must be at most {{max}} characters long',
  'report.evidence_too_many': 'at most {{max}} media items are allowed',
  'report.bad_location': 'lat and long must be given together',
  'report.location_required': 'a location is required: lat and long, or address_string',
  'report.unknown_category': 'service_code is not a known service',
  'report.district_not_in_region': 'the district is not in the jurisdiction',
  'report.not_found': 'service_request_id not found',
};

export function fromDomainError(error: DomainError): Open311Error {
  const template = DESCRIPTIONS[error.code] ?? `request refused (${error.code})`;
  const description = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(error.params[name] ?? ''));
  return new Open311Error(STATUS_OF[error.kind], description);
}
