// Staff passwords (issue 16, finding 5): at least 12 characters and not easy to guess, wherever one is set
// (a new account, an admin's reset, one's own change, ADMIN_PASSWORD), and a generated first-admin password
// must be changed at the first sign-in before the API answers anything else.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/audit/audit-log.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { buildAppServer, createAppServices } from '../app/compose.ts';
import { ConfigError, parseConfig } from '../app/config.ts';
import { startApp } from '../app/app.ts';
import { bearer, useApiApp } from './helpers/api-app.ts';
import { createTestDb, dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const system: Actor = { type: 'system' };
const GOOD = 'тихий-вечер-над-Ишимом';

describe.each(dbTargets)('staff passwords (%s)', (target) => {
  const api = useApiApp(target);
  let services: ServicesWithDb;
  let ip = 0;
  const from = () => `10.77.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`;
  const asAdmin = (lang = 'ru') => ({ ...bearer(api.adminToken), 'accept-language': lang });

  beforeAll(() => {
    services = api.services;
  });

  it('an admin cannot create staff with a short or an easily guessed password; a long unusual one is fine', async () => {
    const create = (login: string, password: string, lang = 'ru') =>
      api.app.inject({
        method: 'POST',
        url: '/api/staff',
        headers: asAdmin(lang),
        payload: { login, fullName: 'Айгерім Сапарова', password, roles: ['admin'] },
      });
    // ten letters were enough before
    const short = await create('weak.one', 'aaaaaaaaaa');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.password']);
    for (const password of ['aaaaaaaaaaaa', 'qwerty123456', 'password1234', 'aigerim.sapar1']) {
      const res = await create('aigerim.sapar', password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error).toEqual({ code: 'staff.password_weak', message: expect.stringMatching(/^Пароль легко подобрать/) });
    }
    expect((await create('aigerim.sapar', 'aaaaaaaaaaaa', 'kk')).json().error.message).toMatch(/^Құпиясөзді табу оңай/);
    expect(await services.prisma.staffUser.count({ where: { login: { in: ['weak.one', 'aigerim.sapar'] } } })).toBe(0);
    expect((await create('aigerim.sapar', GOOD)).statusCode).toBe(201);
  });

  it('a reset by an admin is checked too and leaves the old password working when refused', async () => {
    const user = await services.staff.create(system, { login: 'reset.me', fullName: 'Ерлан Ахметов', password: 'first-good-password-7', roles: ['operator'] });
    const patch = (password: string) => api.app.inject({ method: 'PATCH', url: `/api/staff/${user.id}`, headers: asAdmin(), payload: { password } });
    const weak = await patch('111111111111');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('staff.password_weak');
    await api.signIn('reset.me', 'first-good-password-7');
    expect((await patch(GOOD)).statusCode).toBe(200);
    await api.signIn('reset.me', GOOD);
  });

  it('the services refuse a weak password whoever calls them', async () => {
    await expect(services.staff.create(system, { login: 'direct', fullName: 'Direct', password: 'short-1', roles: ['operator'] })).rejects.toMatchObject({
      code: 'staff.password_short',
      params: { min: 12 },
    });
    await expect(services.staff.create(system, { login: 'direct', fullName: 'Direct', password: '123456789012', roles: ['operator'] })).rejects.toMatchObject({
      code: 'staff.password_weak',
    });
  });

  it('signing in with a generated first-admin password allows only who-am-I, sign-out and changing it', async () => {
    // a database of its own: its first admin is created without ADMIN_PASSWORD
    const t = await createTestDb(target);
    const fresh = createAppServices({ db: t.db, logger: testLogger, sessionTtlHours: 12, passwords: services.passwords });
    try {
      const { generatedPassword } = await fresh.staff.ensureFirstAdmin('root', undefined);
      expect(generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
      const app = await buildAppServer({ services: fresh, i18n: fresh.i18n, logger: testLogger, cookieSecure: false });
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: 'root', password: generatedPassword },
          remoteAddress: from(),
        });
        expect(login.json().user.mustChangePassword).toBe(true);
        const token = login.json().token as string;
        const call = (method: 'GET' | 'POST', url: string, payload?: object, lang = 'ru') =>
          app.inject({ method, url, headers: { ...bearer(token), 'accept-language': lang }, ...(payload ? { payload } : {}), remoteAddress: from() });

        for (const url of ['/api/reports', '/api/staff', '/api/reference/regions']) {
          const res = await call('GET', url);
          expect(res.statusCode, url).toBe(403);
          expect(res.json().error).toEqual({
            code: 'auth.password_change_required',
            message: 'Сначала смените пароль: он был создан автоматически и показан при установке.',
          });
        }
        expect((await call('GET', '/api/staff', undefined, 'kk')).json().error.message).toMatch(/^Алдымен құпиясөзді ауыстырыңыз/);
        expect((await call('POST', '/api/staff', { login: 'second', fullName: 'Second', password: GOOD, roles: ['admin'] })).statusCode).toBe(403);
        expect((await call('GET', '/api/auth/me')).json()).toMatchObject({ login: 'root', mustChangePassword: true });

        const wrong = await call('POST', '/api/auth/password', { currentPassword: 'not-the-password', newPassword: GOOD });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.code).toBe('auth.wrong_password');
        const weak = await call('POST', '/api/auth/password', { currentPassword: generatedPassword, newPassword: 'root-root-root' });
        expect(weak.json().error.code).toBe('staff.password_weak');
        const same = await call('POST', '/api/auth/password', { currentPassword: generatedPassword, newPassword: generatedPassword });
        expect(same.json().error.code).toBe('staff.password_unchanged');

        const other = (await fresh.staff.login('root', generatedPassword!)).token;
        expect((await call('POST', '/api/auth/password', { currentPassword: generatedPassword, newPassword: GOOD })).statusCode).toBe(200);
        // this session goes on, now with everything; the other one ended with the old password
        expect((await call('GET', '/api/staff')).statusCode).toBe(200);
        expect((await call('GET', '/api/auth/me')).json().mustChangePassword).toBe(false);
        expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(other) })).statusCode).toBe(401);
        await expect(fresh.staff.login('root', generatedPassword!)).rejects.toMatchObject({ code: 'auth.bad_credentials' });
        expect((await fresh.staff.login('root', GOOD)).user.mustChangePassword).toBe(false);
        const audit = await fresh.prisma.auditLog.findMany({ where: { action: 'staff.change_password' } });
        expect(audit).toHaveLength(1);
        expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(GOOD);
      } finally {
        await app.close();
      }
    } finally {
      await t.drop();
    }
  });

  it("a password an admin set for someone else must be replaced by its owner first; one's own new password need not", async () => {
    const { id } = await api.staff({ login: 'forgot.it', password: 'first-good-password-8', roles: ['operator'] });
    const reset = await api.app.inject({ method: 'PATCH', url: `/api/staff/${id}`, headers: asAdmin(), payload: { password: GOOD } });
    expect(reset.statusCode).toBe(200);
    const token = await api.signIn('forgot.it', GOOD);
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      api.app.inject({ method, url, payload, headers: { ...bearer(token), 'accept-language': 'ru' } });
    expect((await as('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    const refused = await as('GET', '/api/reports');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.password_change_required');
    const own = 'светлый-день-у-Балхаша';
    expect((await as('POST', '/api/auth/password', { currentPassword: GOOD, newPassword: own })).statusCode).toBeLessThan(300);
    const again = await api.signIn('forgot.it', own);
    expect((await api.app.inject({ method: 'GET', url: '/api/reports', headers: bearer(again) })).statusCode).toBe(200);
  });

  it('an administrator given by ADMIN_PASSWORD need not change it', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: asAdmin() })).json().mustChangePassword).toBe(false);
    expect((await api.app.inject({ method: 'GET', url: '/api/reports', headers: asAdmin() })).statusCode).toBe(200);
  });
});

describe.each(dbTargets)('ADMIN_PASSWORD (%s)', (target) => {
  const suite = useTestDb(target);

  it('needs 12 characters in the configuration, and a weak one stops the start with the variable named', async () => {
    expect(() => parseConfig({ ADMIN_PASSWORD: 'aaaaaaaaaa' })).toThrow(/ADMIN_PASSWORD: must be at least 12 characters/);
    const config = parseConfig({ ADMIN_PASSWORD: 'aaaaaaaaaaaa', LOG_LEVEL: 'silent' });
    const start = startApp({ config, db: suite.db, roles: [], logger: testLogger, print: () => undefined });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/ADMIN_PASSWORD: The password is easy to guess/);
    expect(await suite.db.prisma.staffUser.count()).toBe(0);
  });
});
