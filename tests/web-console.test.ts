// The console as the server delivers it: `/` leads to it, its files and the page for any screen path,
// a strict CSP that lets the map's tiles in, the public config (no staff data), and the small API the
// console added: the CSRF value for a reloaded page, the colleague directory, category routing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../app/config.ts';
import { consolePolicy, tileOrigin } from '../server/plugins/console.ts';
import { ADMIN_PASSWORD, bearer, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';

describe('console configuration', () => {
  it('takes the map tiles from MAP_TILE_URL, OpenStreetMap by default, and refuses a URL without {z}/{x}/{y}', () => {
    expect(parseConfig({}).MAP_TILE_URL).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(parseConfig({ MAP_TILE_URL: 'https://{s}.tiles.example.kz/{z}/{x}/{y}.png' }).MAP_TILE_URL).toBe('https://{s}.tiles.example.kz/{z}/{x}/{y}.png');
    expect(() => parseConfig({ MAP_TILE_URL: 'https://tiles.example.kz/tile.png' })).toThrow(/MAP_TILE_URL/);
  });

  it("lets the tile server's images into the page's CSP and nothing else from outside runs", () => {
    expect(tileOrigin('https://{s}.tiles.example.kz/{z}/{x}/{y}.png')).toBe('https://*.tiles.example.kz');
    const csp = consolePolicy('http://10.0.0.5:8080/{z}/{x}/{y}.png');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/img-src [^;]*http:\/\/10\.0\.0\.5:8080/);
    // Images come from here and the tiles only: an outside app's media_url must not load behind staff's backs.
    expect(/img-src ([^;]*)/.exec(csp)![1]!.split(' ')).toEqual(["'self'", 'data:', 'http://10.0.0.5:8080']);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe.each(dbTargets)('console routes (%s)', (target) => {
  const api = useApiApp(target);
  let distDir: string;

  beforeAll(async () => {
    // A tiny stand-in for the built console: these tests are about the routes, not the bundle.
    distDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'azamat-dist-')), 'dist');
    await mkdir(distDir, { recursive: true });
    await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>Azamat</title><script type="module" src="/console/app.js?v=1"></script>');
    await writeFile(path.join(distDir, 'app.js'), 'console.log("azamat")');
  });

  async function consoleApp() {
    const { buildAppServer: buildServer } = await import('../app/compose.ts');
    const { createI18n } = await import('../core/i18n/i18n.ts');
    const { testLogger } = await import('./helpers/silent-logger.ts');
    return buildServer({
      services: api.services,
      i18n: createI18n(),
      logger: testLogger,
      cookieSecure: false,
      console: { mapTileUrl: 'https://{s}.tile.example.kz/{z}/{x}/{y}.png', mapAttribution: '© test', distDir },
    });
  }

  it('sends / to the console and serves the page for every screen path, with its CSP and no caching', async () => {
    const app = await consoleApp();
    try {
      const root = await app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(302);
      expect(root.headers.location).toBe('/console/');
      expect((await app.inject({ method: 'GET', url: '/console' })).headers.location).toBe('/console/');
      for (const url of ['/console/', '/console/reports/12?status=new', '/console/admin/audit']) {
        const page = await app.inject({ method: 'GET', url });
        expect(page.statusCode, url).toBe(200);
        expect(page.headers['content-type']).toContain('text/html');
        expect(page.body).toContain('<title>Azamat</title>');
        expect(page.headers['cache-control']).toBe('no-store');
        const csp = String(page.headers['content-security-policy']);
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain('https://*.tile.example.kz');
        expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
        expect(/img-src ([^;]*)/.exec(csp)![1]).toBe("'self' data: https://*.tile.example.kz");
      }
      // The API's own answers (and the OpenAPI page) let no outside image in either.
      for (const url of ['/docs/', '/health']) {
        const helmetCsp = String((await app.inject({ method: 'GET', url })).headers['content-security-policy']);
        expect(/img-src ([^;]*)/.exec(helmetCsp)![1], url).toBe("'self' data:");
      }
      const js = await app.inject({ method: 'GET', url: '/console/app.js?v=1' });
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toContain('javascript');
      expect(js.headers['cache-control']).toContain('immutable');
      // paths that try to leave the folder get the page, never a file from elsewhere
      const escape = await app.inject({ method: 'GET', url: '/console/..%2f..%2fpackage.json' });
      expect(escape.body).not.toContain('"dependencies"');
    } finally {
      await app.close();
    }
  });

  it('builds the console on start when it has not been built, and serves the bundle the page names', async () => {
    const { buildAppServer: buildServer } = await import('../app/compose.ts');
    const { createI18n } = await import('../core/i18n/i18n.ts');
    const { testLogger } = await import('./helpers/silent-logger.ts');
    const empty = path.join(await mkdtemp(path.join(os.tmpdir(), 'azamat-nodist-')), 'dist');
    const app = await buildServer({
      services: api.services,
      i18n: createI18n(),
      logger: testLogger,
      cookieSecure: false,
      console: { mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', mapAttribution: '©', distDir: empty },
    });
    try {
      const page = await app.inject({ method: 'GET', url: '/console/' });
      const script = /src="(\/console\/app\.js\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
      expect(script).toBeDefined();
      const js = await app.inject({ method: 'GET', url: script! });
      expect(js.statusCode).toBe(200);
      expect(js.body.length).toBeGreaterThan(10_000);
      expect((await app.inject({ method: 'GET', url: page.body.match(/href="(\/console\/app\.css[^"]*)"/)![1]! })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('never rebuilds an existing console at start, even older than its sources (read-only in production)', async () => {
    const { utimes } = await import('node:fs/promises');
    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(path.join(distDir, 'index.html'), old, old);
    const app = await consoleApp();
    try {
      expect((await app.inject({ method: 'GET', url: '/console/' })).body).toContain('src="/console/app.js?v=1"');
    } finally {
      await app.close();
    }
  });

  it('starts the API when the console cannot be built, and says so on the console page', async () => {
    const { buildAppServer: buildServer } = await import('../app/compose.ts');
    const { createI18n } = await import('../core/i18n/i18n.ts');
    const { testLogger } = await import('./helpers/silent-logger.ts');
    // a folder under a regular file can never be created
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'azamat-rofs-')), 'not-a-dir');
    await writeFile(file, '');
    const app = await buildServer({
      services: api.services,
      i18n: createI18n(),
      logger: testLogger,
      cookieSecure: false,
      console: { mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', mapAttribution: '©', distDir: path.join(file, 'dist') },
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/console/config' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/console/' })).statusCode).toBe(503);
    } finally {
      await app.close();
      await rm(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('gives the page its public config without a session, and nothing of staff data', async () => {
    const app = await consoleApp();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/console/config' });
      expect(res.statusCode).toBe(200);
      // no version either: it only tells an attacker what to look up
      expect(res.json()).toEqual({ mapTileUrl: 'https://{s}.tile.example.kz/{z}/{x}/{y}.png', mapAttribution: '© test' });
      for (const url of ['/api/reports', '/api/reports/counts', '/api/staff/directory', '/api/questions', '/api/reference/regions']) {
        expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      }
    } finally {
      await app.close();
    }
  });

  it('answers errors in English to a console set to English, and in Russian to other languages', async () => {
    const ask = (lang: string) =>
      api.app.inject({ method: 'GET', url: '/api/discussions/999999', headers: { ...bearer(api.adminToken), 'accept-language': lang } });
    expect((await ask('en-GB,en;q=0.9')).json().error).toEqual({ code: 'discussion.not_found', message: 'Topic not found.' });
    expect((await ask('kk')).json().error.message).toBe('Тақырып табылмады.');
    expect((await ask('de')).json().error.message).toBe('Тема не найдена.');
    // a code the console never had its own English for
    const poll = await api.app.inject({ method: 'GET', url: '/api/polls/999999', headers: { ...bearer(api.adminToken), 'accept-language': 'en' } });
    expect(poll.json().error, poll.body).toEqual({ code: 'poll.not_found', message: 'Poll not found.' });
  });

  it('hands the CSRF value back to a page signed in with the cookie, and not to bearer clients', async () => {
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin', password: ADMIN_PASSWORD },
      remoteAddress: '10.9.9.1',
    });
    const cookie = login.cookies.find((c) => c.name === 'azamat_session')!;
    const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { azamat_session: cookie.value } });
    expect(me.json().csrfToken).toBe(login.json().csrfToken);
    // and that value is what a cookie write needs
    const write = await api.app.inject({
      method: 'PUT',
      url: '/api/calendar/2026-12-31',
      cookies: { azamat_session: cookie.value },
      headers: { 'x-csrf-token': me.json().csrfToken },
      payload: { kind: 'day_off', nameKk: 'Демалыс', nameRu: 'Выходной' },
    });
    expect(write.statusCode).toBe(200);
    const viaBearer = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(api.adminToken) });
    expect(viaBearer.json()).not.toHaveProperty('csrfToken');
  });

  it('lists active colleagues by role for any staff member, without logins or Telegram ids', async () => {
    const s = api.services;
    const sys = { type: 'system' as const };
    await s.staff.create(sys, { login: 'op-dir', fullName: 'Оператор Бір', password: 'op-dir-password', roles: ['operator'] });
    await s.staff.create(sys, { login: 'cons-dir', fullName: 'Кеңесші Екі', password: 'cons-dir-password', roles: ['consultant'] });
    const off = await s.staff.create(sys, { login: 'cons-off', fullName: 'Кеңесші Үш', password: 'cons-off-password', roles: ['consultant'] });
    await s.prisma.staffUser.update({ where: { id: off.id }, data: { active: false } });
    const token = await api.signIn('op-dir', 'op-dir-password');
    const res = await api.app.inject({ method: 'GET', url: '/api/staff/directory?role=consultant', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    const names = res.json().map((p: { fullName: string }) => p.fullName);
    expect(names).toContain('Кеңесші Екі');
    expect(names).not.toContain('Кеңесші Үш');
    expect(names).not.toContain('Оператор Бір');
    expect(Object.keys(res.json()[0]).sort()).toEqual(['departmentId', 'districtId', 'fullName', 'id', 'regionId', 'roles']);
    // the full staff list stays admins' only
    expect((await api.app.inject({ method: 'GET', url: '/api/staff', headers: bearer(token) })).statusCode).toBe(403);
  });

  it("lets an admin change a category's department, deadline and availability, audited; operators may not", async () => {
    const s = api.services;
    const [cat] = await s.prisma.category.findMany({ orderBy: { id: 'asc' }, take: 1 });
    const other = await s.prisma.department.findFirstOrThrow({ where: { id: { not: cat!.departmentId }, active: true } });
    const res = await api.app.inject({
      method: 'PATCH',
      url: `/api/reference/categories/${cat!.id}`,
      headers: bearer(api.adminToken),
      payload: { departmentId: other.id, deadlineDays: 7, active: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: cat!.id, departmentId: other.id, deadlineDays: 7, active: false });
    const listed = (await api.app.inject({ method: 'GET', url: '/api/reference/categories', headers: bearer(api.adminToken) })).json();
    expect(listed.find((c: { id: number }) => c.id === cat!.id)).toMatchObject({ departmentId: other.id, deadlineDays: 7 });
    const audit = await s.prisma.auditLog.findFirstOrThrow({ where: { action: 'category.update', entityId: String(cat!.id) } });
    expect(audit.before).toMatchObject({ departmentId: cat!.departmentId, deadlineDays: cat!.deadlineDays });
    expect(audit.after).toMatchObject({ departmentId: other.id, deadlineDays: 7, active: false });

    const bad = await api.app.inject({
      method: 'PATCH',
      url: `/api/reference/categories/${cat!.id}`,
      headers: bearer(api.adminToken),
      payload: { deadlineDays: 0 },
    });
    expect(bad.statusCode).toBe(400);
    const op = await s.staff.create({ type: 'system' }, { login: 'op-cat', fullName: 'Оператор', password: 'op-cat-password', roles: ['operator'] });
    void op;
    const opToken = await api.signIn('op-cat', 'op-cat-password');
    expect(
      (await api.app.inject({ method: 'PATCH', url: `/api/reference/categories/${cat!.id}`, headers: bearer(opToken), payload: { deadlineDays: 3 } }))
        .statusCode,
    ).toBe(403);
  });
});
