// Staff authentication: a bearer token (API clients) or an HTTP-only session cookie (the console).
// Cookie-authenticated writes must carry the CSRF header, which a foreign site cannot read or set.
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import type { Actor } from '../../core/audit/audit-log.ts';
import { DomainError } from '../../core/errors.ts';
import { requireRole, type StaffPrincipal } from '../../core/staff/scope.ts';
import { csrfFor, type StaffService } from '../../core/staff/staff-service.ts';

export const SESSION_COOKIE = 'azamat_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffPrincipal | null;
    staffToken: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokenOf(req: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export function registerAuth(app: FastifyInstance) {
  app.decorateRequest('staff', null);
  app.decorateRequest('staffToken', null);
}

export interface RequireStaffOptions {
  /**
   * The route serves an account whose generated password must be changed first (who am I, sign out,
   * change the password); every other route answers 403 auth.password_change_required for it.
   */
  beforePasswordChange?: boolean;
}

/**
 * onRequest hook: the caller must be signed-in staff, with one of `roles` if given (admins always pass).
 * It runs before the body is parsed and validated, so an anonymous caller learns nothing about the schema.
 */
export function requireStaff(staff: StaffService, roles: StaffRole[] = [], opts: RequireStaffOptions = {}): onRequestAsyncHookHandler {
  return async (req) => {
    const found = tokenOf(req);
    const principal = found ? await staff.authenticate(found.token) : null;
    if (!found || !principal) throw new DomainError('unauthorized', 'auth.unauthenticated');
    if (found.via === 'cookie' && !SAFE.has(req.method) && req.headers[CSRF_HEADER] !== csrfFor(found.token)) {
      throw new DomainError('forbidden', 'auth.csrf');
    }
    req.staff = principal;
    req.staffToken = found.token;
    if (principal.mustChangePassword && !opts.beforePasswordChange) throw new DomainError('forbidden', 'auth.password_change_required');
    if (roles.length > 0) requireRole(principal, roles);
  };
}

export function staffOf(req: FastifyRequest): StaffPrincipal {
  if (!req.staff) throw new DomainError('unauthorized', 'auth.unauthenticated');
  return req.staff;
}

export function actorOf(req: FastifyRequest): Actor {
  return { type: 'staff', id: req.staff?.id ?? null, ip: req.ip };
}
