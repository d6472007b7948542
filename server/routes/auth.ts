import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { csrfFor } from '../../core/staff/staff-service.ts';
import { actorOf, requireStaff, SESSION_COOKIE, staffOf } from '../plugins/auth.ts';
import { okBody, withErrors } from '../schemas.ts';

export const principalBody = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  roles: z.array(z.string()),
  regionId: z.number().nullable(),
  districtId: z.number().nullable(),
  departmentId: z.number().nullable(),
  locale: z.string(),
});

export const authRoutes = (services: Services, opts: { cookieSecure: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      {
        // Brute force is slowed per client address; the account itself is never locked (that would let anyone lock out an operator).
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in: sets an HTTP-only session cookie and also returns a bearer token',
          body: z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
          response: withErrors({
            200: z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: principalBody }),
          }),
        },
      },
      async (req, reply) => {
        const r = await services.staff.login(req.body.login, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
        reply.setCookie(SESSION_COOKIE, r.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: opts.cookieSecure,
          path: '/',
          expires: r.expiresAt,
        });
        return { token: r.token, csrfToken: r.csrfToken, expiresAt: r.expiresAt.toISOString(), user: r.user };
      },
    );

    app.post(
      '/api/auth/logout',
      { onRequest: requireStaff(services.staff), schema: { tags: ['auth'], summary: 'End this session', response: withErrors({ 200: okBody }) } },
      async (req, reply) => {
        await services.staff.logout(req.staffToken!, actorOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        onRequest: requireStaff(services.staff),
        schema: {
          tags: ['auth'],
          summary: 'The signed-in staff member',
          response: withErrors({ 200: principalBody.extend({ csrfToken: z.string().optional().describe("with the session cookie: the CSRF header's value, so a reloaded console page can write again") }) }),
        },
      },
      // Only a same-origin page can read this answer, so handing the CSRF value back here is safe.
      async (req) => ({ ...staffOf(req), ...(req.cookies?.[SESSION_COOKIE] === req.staffToken ? { csrfToken: csrfFor(req.staffToken!) } : {}) }),
    );
  };
