// Domain errors carry a stable code; the bot and the API translate it into the user's language.
export type ErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unauthorized' | 'too_many';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** i18n key under the "errors" namespace, e.g. 'report.note_required' */
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, params?: Record<string, unknown>) => new DomainError('invalid', code, params);
export const notFound = (code: string, params?: Record<string, unknown>) => new DomainError('not_found', code, params);
export const forbidden = (code: string, params?: Record<string, unknown>) => new DomainError('forbidden', code, params);
export const conflict = (code: string, params?: Record<string, unknown>) => new DomainError('conflict', code, params);
export const tooMany = (code: string, params?: Record<string, unknown>) => new DomainError('too_many', code, params);
