// Staff API, signing in and the cross-cutting HTTP behaviour every route shares: sessions (bearer and
// cookie), CSRF on cookie writes, the login rate limit, localised errors, masked 5xx, health and OpenAPI.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { buildAppServer, createAppServices } from '../app/compose.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const ADMIN_PASSWORD = 'admin-password-1';
const OPERATOR_PASSWORD = 'operator-password-1';
const RU_BAD_CREDENTIALS = 'Неверный логин или пароль.';
// Letters of the Kazakh alphabet that Russian does not have.
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

describe.each(dbTargets)('staff auth API (%s)', (target) => {
  let t: TestDb;
  let services: ServicesWithDb;
  let app: FastifyInstance;
  let operatorId: number;

  // The login route allows 10 attempts a minute per client address; every sign-in a test needs
  // comes from its own address so that only the rate-limit test ever meets the limit.
  let nextIp = 1;
  const freshIp = () => `10.1.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

  const loginReq = (login: string, password: string, extra: Partial<InjectOptions> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: freshIp(), ...extra });

  async function signIn(login: string, password: string): Promise<{ token: string; csrfToken: string }> {
    const res = await loginReq(login, password);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'azamat_session');

  beforeAll(async () => {
    t = await createTestDb(target);
    services = createAppServices({ db: t.db, logger: testLogger, sessionTtlHours: 12 });
    app = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
    await services.staff.ensureFirstAdmin('admin', ADMIN_PASSWORD);
    const op = await services.staff.create(
      { type: 'system' },
      { login: 'operator1', fullName: 'Айгүл Операторова', password: OPERATOR_PASSWORD, roles: ['operator'] },
    );
    operatorId = op.id;
  });

  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  describe('login', () => {
    it('good credentials answer 200 with a bearer token, a CSRF token, the roles and an HttpOnly session cookie', async () => {
      const before = Date.now();
      const res = await loginReq('admin', ADMIN_PASSWORD);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(body.csrfToken).toMatch(/^[0-9a-f]{32}$/);
      expect(body.csrfToken).not.toBe(body.token);
      expect(body.user).toMatchObject({ login: 'admin', fullName: 'Administrator', roles: ['admin'], regionId: null, districtId: null, departmentId: null });
      expect(body.user).not.toHaveProperty('passwordHash');
      // sessionTtlHours: 12
      const expires = Date.parse(body.expiresAt);
      expect(expires - before).toBeGreaterThan(11.9 * 3_600_000);
      expect(expires - before).toBeLessThan(12.1 * 3_600_000);

      const cookie = sessionCookie(res);
      expect(cookie).toBeDefined();
      expect(cookie!.value).toBe(body.token);
      expect(cookie!.httpOnly).toBe(true);
      expect(cookie!.path).toBe('/');
      expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
      // cookieSecure: false in this suite (plain-HTTP local console)
      expect(cookie!.secure).toBeFalsy();
    });

    it('a wrong password and an unknown login both answer 401 auth.bad_credentials with the same Russian message', async () => {
      const wrong = await loginReq('admin', 'not-the-password');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toEqual({ error: { code: 'auth.bad_credentials', message: RU_BAD_CREDENTIALS } });
      expect(sessionCookie(wrong)).toBeUndefined();

      const unknown = await loginReq('nobody-here', ADMIN_PASSWORD);
      expect(unknown.statusCode).toBe(401);
      // Identical answer, so the API does not reveal which logins exist.
      expect(unknown.json()).toEqual(wrong.json());
    });

    it('answers in Kazakh with Accept-Language: kk', async () => {
      const ru = await loginReq('admin', 'not-the-password');
      const kk = await loginReq('admin', 'not-the-password', { headers: { 'accept-language': 'kk' } });
      expect(kk.statusCode).toBe(401);
      const kkBody = kk.json();
      expect(kkBody.error.code).toBe('auth.bad_credentials');
      expect(kkBody.error.message).not.toBe(ru.json().error.message);
      expect(kkBody.error.message).not.toBe('auth.bad_credentials');
      expect(kkBody.error.message).toMatch(KAZAKH_LETTERS);

      const kkRegion = await loginReq('admin', 'not-the-password', { headers: { 'accept-language': 'kk-KZ,ru;q=0.8' } });
      expect(kkRegion.json().error.message).toBe(kkBody.error.message);
    });

    it('rejects an invalid body with 400 validation before looking anything up', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: '' }, remoteAddress: freshIp() });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('validation');
      expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.login', 'body.password']));
    });

    it('a deactivated account cannot sign in, even with its right password, and its open sessions stop working', async () => {
      await services.staff.create({ type: 'system' }, { login: 'leaver', fullName: 'Leaver', password: 'leaver-password-1', roles: ['consultant'] });
      const { token } = await signIn('leaver', 'leaver-password-1');
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);

      const leaver = await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'leaver' } });
      await services.staff.update({ type: 'system' }, leaver.id, { active: false });

      const res = await loginReq('leaver', 'leaver-password-1');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.bad_credentials');
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
      expect(me.statusCode).toBe(401);
      expect(me.json().error.code).toBe('auth.unauthenticated');
    });
  });

  describe('/api/auth/me', () => {
    it('returns the signed-in staff member for a bearer token', async () => {
      const { token } = await signIn('operator1', OPERATOR_PASSWORD);
      const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: operatorId,
        login: 'operator1',
        fullName: 'Айгүл Операторова',
        roles: ['operator'],
        regionId: null,
        districtId: null,
        departmentId: null,
        locale: 'ru',
        mustChangePassword: false,
      });
    });

    it('returns the signed-in staff member for the session cookie', async () => {
      const login = await loginReq('admin', ADMIN_PASSWORD);
      const cookie = sessionCookie(login)!;
      const res = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { azamat_session: cookie.value } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ login: 'admin', roles: ['admin'] });
    });

    it('answers 401 auth.unauthenticated without a session, with a made-up token, and with a token sent as the wrong scheme', async () => {
      const { token } = await signIn('admin', ADMIN_PASSWORD);
      const cases = [{}, bearer('made-up-token'), { authorization: `Basic ${token}` }];
      for (const headers of cases) {
        const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(401);
        expect(res.json()).toEqual({ error: { code: 'auth.unauthenticated', message: 'Войдите в систему.' } });
      }
      const cookie = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { azamat_session: 'made-up-token' } });
      expect(cookie.statusCode).toBe(401);
    });

    it('a session expires after sessionTtlHours of inactivity', async () => {
      const { token } = await signIn('operator1', OPERATOR_PASSWORD);
      // The same database seen by a process whose clock is 13 hours ahead.
      const later = createAppServices({ db: t.db, logger: testLogger, sessionTtlHours: 12, now: () => new Date(Date.now() + 13 * 3_600_000) });
      const laterApp = await buildAppServer({ services: later, i18n: createI18n(), logger: testLogger, cookieSecure: false });
      try {
        const res = await laterApp.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('auth.unauthenticated');
      } finally {
        await laterApp.close();
      }
      // …while now it is still valid.
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    });
  });

  describe('logout', () => {
    it('ends the session: the token then answers 401, and the cookie is cleared', async () => {
      const { token } = await signIn('operator1', OPERATOR_PASSWORD);
      const other = await signIn('operator1', OPERATOR_PASSWORD);

      const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
      const cleared = sessionCookie(res);
      expect(cleared).toBeDefined();
      expect(cleared!.value).toBe('');
      expect(cleared!.expires!.getTime()).toBeLessThan(Date.now());

      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
      expect(me.statusCode).toBe(401);
      expect(me.json().error.code).toBe('auth.unauthenticated');
      // Only this session ends; the same person's session on another device goes on.
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(other.token) })).statusCode).toBe(200);
      // A second logout with the dead token is refused.
      expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode).toBe(401);
    });

    it('a cookie logout needs the CSRF header (a foreign site cannot sign the user out)', async () => {
      const login = await loginReq('operator1', OPERATOR_PASSWORD);
      const { csrfToken } = login.json();
      const cookies = { azamat_session: sessionCookie(login)!.value };

      const forged = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().error.code).toBe('auth.csrf');
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(200);

      const real = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies, headers: { 'x-csrf-token': csrfToken } });
      expect(real.statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
    });
  });

  describe('CSRF', () => {
    let cookies: Record<string, string>;
    let csrfToken: string;
    let token: string;

    beforeAll(async () => {
      const login = await loginReq('admin', ADMIN_PASSWORD);
      ({ csrfToken, token } = login.json());
      cookies = { azamat_session: sessionCookie(login)!.value };
    });

    const newStaff = (login: string) => ({ login, fullName: 'CSRF probe', password: 'csrf-password-1', roles: ['consultant'] });

    it('a cookie-authenticated POST without x-csrf-token answers 403 auth.csrf and changes nothing', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/staff', cookies, payload: newStaff('csrf-missing') });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'auth.csrf', message: 'Сессия устарела: обновите страницу и повторите действие.' } });
      expect(await services.prisma.staffUser.findUnique({ where: { login: 'csrf-missing' } })).toBeNull();
    });

    it("a cookie-authenticated POST with another session's CSRF token is refused", async () => {
      const otherSession = await signIn('admin', ADMIN_PASSWORD);
      const res = await app.inject({
        method: 'POST',
        url: '/api/staff',
        cookies,
        headers: { 'x-csrf-token': otherSession.csrfToken },
        payload: newStaff('csrf-wrong'),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.csrf');
      expect(await services.prisma.staffUser.findUnique({ where: { login: 'csrf-wrong' } })).toBeNull();
    });

    it('a cookie-authenticated POST with the right CSRF token succeeds', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/staff', cookies, headers: { 'x-csrf-token': csrfToken }, payload: newStaff('csrf-ok') });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ login: 'csrf-ok', roles: ['consultant'], active: true });
    });

    it('a cookie-authenticated PATCH needs the header too', async () => {
      const url = `/api/staff/${operatorId}`;
      const without = await app.inject({ method: 'PATCH', url, cookies, payload: { fullName: 'Changed without CSRF' } });
      expect(without.statusCode).toBe(403);
      expect(without.json().error.code).toBe('auth.csrf');
      expect((await services.staff.get(operatorId)).fullName).toBe('Айгүл Операторова');

      const withIt = await app.inject({ method: 'PATCH', url, cookies, headers: { 'x-csrf-token': csrfToken }, payload: { fullName: 'Айгүл Жаңа' } });
      expect(withIt.statusCode).toBe(200);
      expect(withIt.json().fullName).toBe('Айгүл Жаңа');
      await services.staff.update({ type: 'system' }, operatorId, { fullName: 'Айгүл Операторова' });
    });

    it('cookie-authenticated reads need no CSRF header', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/staff', cookies });
      expect(res.statusCode).toBe(200);
      expect(res.json().map((u: { login: string }) => u.login)).toContain('admin');
    });

    it('bearer-authenticated writes need no CSRF header (no ambient credentials to forge)', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/staff', headers: bearer(token), payload: newStaff('csrf-bearer') });
      expect(res.statusCode).toBe(201);
      const patch = await app.inject({ method: 'PATCH', url: `/api/staff/${res.json().id}`, headers: bearer(token), payload: { fullName: 'Bearer patched' } });
      expect(patch.statusCode).toBe(200);
      expect(patch.json().fullName).toBe('Bearer patched');
    });
  });

  describe('login rate limit', () => {
    it('the 11th attempt within a minute from one address answers 429 rate_limited; other addresses are unaffected', async () => {
      const ip = '203.0.113.7';
      for (let i = 1; i <= 10; i++) {
        const res = await loginReq('admin', `wrong-password-${i}`, { remoteAddress: ip });
        expect(res.statusCode, `attempt ${i}`).toBe(401);
      }
      // Even the right password is refused now: the limit is on the address, not on failures.
      const eleventh = await loginReq('admin', ADMIN_PASSWORD, { remoteAddress: ip });
      expect(eleventh.statusCode).toBe(429);
      const body = eleventh.json();
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toMatch(/^Слишком много попыток/);
      expect(sessionCookie(eleventh)).toBeUndefined();

      const kk = await loginReq('admin', ADMIN_PASSWORD, { remoteAddress: ip, headers: { 'accept-language': 'kk' } });
      expect(kk.statusCode).toBe(429);
      expect(kk.json().error.message).toMatch(KAZAKH_LETTERS);

      // The account is not locked: the admin signs in from elsewhere.
      expect((await loginReq('admin', ADMIN_PASSWORD, { remoteAddress: '203.0.113.8' })).statusCode).toBe(200);
    });
  });

  describe('errors, health and OpenAPI', () => {
    it('an unexpected error answers 500 internal without its message, and is logged in full', async () => {
      const lines: string[] = [];
      const logger = pino({ level: 'error' }, { write: (s: string) => void lines.push(s) });
      const own = await buildAppServer({ services, i18n: createI18n(), logger, cookieSecure: false });
      try {
        await own.register(async (a) => {
          a.get('/boom', async () => {
            throw new Error('secret sql detail');
          });
        });
        await own.ready();
        const res = await own.inject({ method: 'GET', url: '/boom' });
        expect(res.statusCode).toBe(500);
        const body = res.json();
        expect(body.error.code).toBe('internal');
        expect(body.error.message).toMatch(/^Внутренняя ошибка сервера/);
        expect(res.body).not.toContain('secret sql detail');
        expect(res.body).not.toContain('stack');

        const kk = await own.inject({ method: 'GET', url: '/boom', headers: { 'accept-language': 'kk' } });
        expect(kk.json().error.message).toMatch(KAZAKH_LETTERS);
        expect(kk.body).not.toContain('secret sql detail');

        expect(lines.join('\n')).toContain('secret sql detail');
      } finally {
        await own.close();
      }
    });

    it('an unknown route answers 404 not_found, localised', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/no-such-route' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Не найдено.' } });
      const kk = await app.inject({ method: 'DELETE', url: '/nowhere', headers: { 'accept-language': 'kk' } });
      expect(kk.statusCode).toBe(404);
      expect(kk.json()).toEqual({ error: { code: 'not_found', message: 'Табылмады.' } });
    });

    it('/health answers 200 with the database check', async () => {
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.status).toBe('ok');
      expect(body.database).toMatchObject({ kind: target, ok: true });
      expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('/docs/json is an OpenAPI 3 document listing the login route and the auth schemes', async () => {
      const res = await app.inject({ method: 'GET', url: '/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info.title).toBe('Azamat admin API');
      expect(doc.paths['/api/auth/login']?.post).toBeDefined();
      expect(Object.keys(doc.paths['/api/auth/login'].post.responses)).toEqual(expect.arrayContaining(['200', '401', '429']));
      expect(doc.paths['/api/staff']).toBeDefined();
      expect(doc.components.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' }, cookie: { in: 'cookie', name: 'azamat_session' } });
    });
  });
});
