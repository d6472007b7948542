import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../core/services.ts';
import { csrfFor } from '../../core/staff/staff-service.ts';
import { actorOf, requireStaff, SESSION_COOKIE, staffOf } from '../plugins/auth.ts';
import { okAfter, routeOptions } from '../route-kit.ts';
import { okBody, withErrors } from '../schemas.ts';
import { loginBody, meBody, passwordBody, sessionBody } from './auth-schemas.ts';

/** Who am I, sign out and change the password stay open to an account that must change its password. */
const beforeChange = { beforePasswordChange: true };
/** Ten tries a minute per client address: signing in, and changing the password (each checks the current one). */
const TRIES = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export const authRoutes =
  (services: Services, opts: { cookieSecure: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    // The options of a route for a signed-in staff member.
    const signedIn = routeOptions(['auth'], requireStaff(services.staff, [], beforeChange));

    app.post(
      '/api/auth/login',
      {
        // Brute force is slowed per client address; the account itself is never locked (that would let anyone lock out an operator).
        config: TRIES,
        schema: {
          tags: ['auth'],
          summary: 'Sign in: sets an HTTP-only session cookie and also returns a bearer token',
          body: loginBody,
          response: withErrors({ 200: sessionBody }),
        },
      },
      async (req, reply) => {
        // The user agent is stored with the session: control characters in a forged header are dropped.
        // eslint-disable-next-line no-control-regex -- control characters are stripped from the stored user agent
        const userAgent = req.headers['user-agent']?.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
        const r = await services.staff.login(req.body.login, req.body.password, { ip: req.ip, userAgent });
        reply.setCookie(SESSION_COOKIE, r.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: opts.cookieSecure,
          path: '/',
          expires: r.expiresAt,
        });
        return {
          token: r.token,
          csrfToken: r.csrfToken,
          expiresAt: r.expiresAt.toISOString(),
          user: { ...r.user, mustChangePassword: r.user.mustChangePassword ?? false },
        };
      },
    );

    app.post('/api/auth/logout', signedIn('End this session', { response: okBody }), async (req, reply) => {
      await services.staff.logout(req.staffToken!, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    app.get(
      '/api/auth/me',
      signedIn('The signed-in staff member', { response: meBody }),
      // Only a same-origin page can read this answer, so handing the CSRF value back here is safe.
      async (req) => ({
        ...staffOf(req),
        mustChangePassword: staffOf(req).mustChangePassword ?? false,
        ...(req.cookies?.[SESSION_COOKIE] === req.staffToken ? { csrfToken: csrfFor(req.staffToken!) } : {}),
      }),
    );

    app.post(
      '/api/auth/password',
      {
        ...signedIn('Change your own password (the current one is needed); your other sessions end, this one stays', { body: passwordBody, response: okBody }),
        // Each attempt checks the current password: as slow to brute-force as signing in.
        config: TRIES,
      },
      async (req) => okAfter(services.staff.changePassword(actorOf(req), staffOf(req).id, req.staffToken!, req.body.currentPassword, req.body.newPassword)),
    );
  };
