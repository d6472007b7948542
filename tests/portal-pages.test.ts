// The public portal over HTTP (issue 17): the list with red «В работе» and green «Выполнено», its filters and pages,
// a report's page without personal data, hidden reports nowhere, kk and ru with the language switch and `/`, and
// the caching a viral spike relies on (ETag and 304, Cache-Control, compressed bodies, pages served from memory).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { SECRETS, usePortalApp } from './helpers/portal-fixtures.ts';

describe.each(dbTargets)('public portal pages (%s)', (target) => {
  const portal = usePortalApp(target, {
    portal: { home: true, url: 'https://portal.example.kz/', body: { kk: 'Астана қаласының әкімдігі', ru: 'Акимат города Астаны' } },
  });
  const { services, app, world: w, get } = portal;
  const html = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };

  it('lists public reports newest first with their red and green status words, in Russian and in Kazakh', async () => {
    const ru = await html('/ru/reports');
    expect(ru).toContain('<html lang="ru">');
    for (const r of [w.open, w.resolved, w.rejected]) expect(ru).toContain(`/ru/reports/${r.number}`);
    expect(ru.indexOf(w.rejected.number)).toBeLessThan(ru.indexOf(w.open.number));
    expect(ru).toMatch(new RegExp(`${w.open.number}</a> <span class="badge red">.*?В работе`));
    expect(ru).toMatch(new RegExp(`${w.resolved.number}</a> <span class="badge green">.*?Выполнено`));
    expect(ru).toMatch(new RegExp(`${w.rejected.number}</a> <span class="badge grey">.*?Отклонено`));
    const kk = await html('/kk/reports');
    expect(kk).toContain('<html lang="kk">');
    expect(kk).toMatch(new RegExp(`${w.open.number}</a> <span class="badge red">.*?Жұмыста`));
    expect(kk).toMatch(new RegExp(`${w.resolved.number}</a> <span class="badge green">.*?Орындалды`));
    expect(kk).toContain(w.category.nameKk);
  });

  it('never shows a hidden report, a duplicate in the list, the author or anything the author typed to reach them', async () => {
    const pages = [
      await html('/ru/reports'),
      await html('/kk/reports'),
      await html(`/ru/reports/${w.open.number}`),
      await html(`/ru/reports/${w.resolved.number}`),
    ];
    for (const page of pages) {
      expect(page).not.toContain(w.hidden.number);
      for (const secret of Object.values(SECRETS)) expect(page).not.toContain(secret);
    }
    expect(pages[0]).not.toContain(`/ru/reports/${w.duplicate.number}`);
    expect(pages[2]).toContain('[***]');
    const hidden = await get(`/ru/reports/${w.hidden.number}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toContain('Такого обращения нет или оно не публикуется.');
    for (const url of ['/ru/reports/KZ-2026-999999', '/kk/reports/not-a-number']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
    expect((await get('/kk/reports/KZ-2026-999999')).body).toContain('Мұндай өтініш жоқ немесе ол жарияланбайды.');
  });

  it("shows a report's category, place, department, deadline, support and public history with staff notes only", async () => {
    const page = await html(`/ru/reports/${w.resolved.number}`);
    expect(page).toContain(`Обращение ${w.resolved.number}`);
    expect(page).toContain(w.category.nameRu);
    expect(page).toContain(w.regionB.nameRu);
    expect(page).toContain('Выполнено в срок: 10.11.2026');
    expect(page).toContain('Фонарь заменён.');
    expect(page).toContain('Акимат');
    expect(await html(`/kk/reports/${w.resolved.number}`)).toContain('Шам ауыстырылды.');
    const open = await html(`/ru/reports/${w.open.number}`);
    expect(open).toMatch(/Срок: \d\d\.\d\d\.2026/);
    expect(open).toContain('https://www.openstreetmap.org/?mlat=51.128&amp;mlon=71.431');
    const duplicate = await html(`/ru/reports/${w.duplicate.number}`);
    expect(duplicate).toContain(`<a href="/ru/reports/${w.open.number}">${w.open.number}</a>`);
  });

  it('drops a report from its page and the lists at once when staff hide it, and shows it again when they unhide it', async () => {
    const url = `/kk/reports/${w.rejected.number}`;
    expect((await get(url)).statusCode).toBe(200);
    expect(await html('/kk/reports')).toContain(w.rejected.number);
    const admin = await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'portal-admin' } });
    const principal = { ...admin, roles: ['admin' as const], locale: 'ru' };
    await services.reportAdmin.hide({ type: 'staff', id: admin.id }, principal, w.rejected.id, 'в тексте чужой номер телефона');
    expect((await get(url)).statusCode).toBe(404);
    expect(await html('/kk/reports')).not.toContain(w.rejected.number);
    await services.reportAdmin.unhide({ type: 'staff', id: admin.id }, principal, w.rejected.id);
    expect((await get(url)).statusCode).toBe(200);
  });

  it('filters by region, district, category and status with codes, and says when a code names nothing', async () => {
    const byRegion = await html(`/ru/reports?region=${w.regionB.code}`);
    expect(byRegion).toContain(w.resolved.number);
    expect(byRegion).not.toContain(w.open.number);
    const byDistrict = await html(`/ru/reports?region=${w.regionA.code}&district=${w.regionA.districts[0]!.code}&status=open`);
    expect(byDistrict).toContain(w.open.number);
    expect(byDistrict).not.toContain(w.rejected.number);
    expect(byDistrict).toContain(`<option value="${w.regionA.districts[0]!.code}" selected>`);
    expect(await html(`/ru/reports?status=resolved&category=${w.category.code}`)).not.toContain(w.open.number);
    const unknown = await html('/ru/reports?region=atlantis&status=everything');
    expect(unknown).toContain('Некоторые значения фильтра не распознаны и не учтены.');
    expect(unknown).toContain(w.open.number);
    expect(await html('/ru/reports?status=closed')).toContain(w.rejected.number);
  });

  it('filters by the period a report was filed in', async () => {
    const now = portal.clock;
    portal.clock = new Date('2026-03-16T06:00:00Z');
    const march = await services.reports.create(
      { type: 'staff', id: null },
      {
        source: 'staff',
        categoryId: w.category.id,
        regionId: w.regionA.id,
        districtId: null,
        address: 'ул. Кенесары, 40',
        description: 'Весной затопило подземный переход, пройти нельзя.',
        evidence: [],
      },
    );
    portal.clock = now;
    const inMarch = await html('/ru/reports?period=2026-03');
    expect(inMarch).toContain(march.number);
    expect(inMarch).not.toContain(w.open.number);
    expect(inMarch).toContain('<option value="2026-03" selected>');
    const inNovember = await html('/ru/reports?period=2026-11');
    expect(inNovember).toContain(w.open.number);
    expect(inNovember).not.toContain(march.number);
    const year = await html('/ru/reports?period=2026');
    for (const n of [march.number, w.open.number]) expect(year).toContain(n);
  });

  it('pages through a long list with a next link, newest first, and no report twice', async () => {
    const regionId = w.regionB.id;
    for (let i = 0; i < 21; i++) {
      portal.clock = new Date(portal.clock.getTime() + 60_000);
      await services.reports.create(
        { type: 'staff', id: null },
        {
          source: 'staff',
          categoryId: w.category.id,
          regionId,
          districtId: null,
          address: 'сквер у акимата',
          description: `Сломана скамейка в сквере номер ${i + 1}, нужен ремонт.`,
          evidence: [],
        },
      );
    }
    const first = await html(`/ru/reports?region=${w.regionB.code}&status=open`);
    const numbers = (page: string) => [...page.matchAll(/<h2><a href="\/ru\/reports\/([^"]+)"/g)].map((m) => m[1]);
    expect(numbers(first)).toHaveLength(20);
    const next = /<a href="([^"]+)" rel="next">/.exec(first)![1]!.replace(/&amp;/g, '&');
    const second = await html(next);
    expect(numbers(second)).toHaveLength(1);
    expect(second).not.toContain('rel="next"');
    expect(new Set([...numbers(first), ...numbers(second)]).size).toBe(21);
    // A full page and its stylesheet stay light for a slow mobile link (issue 17's budget: 15 KB gzip).
    const zipped = async (url: string) => (await get(url, { 'accept-encoding': 'gzip' })).rawPayload.length;
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(first)![1]!;
    const cssBytes = gzipSync((await get(css)).rawPayload).length;
    expect((await zipped(`/ru/reports?region=${w.regionB.code}&status=open`)) + cssBytes).toBeLessThan(15_000);
    expect((await zipped(`/ru/reports/${w.open.number}`)) + cssBytes).toBeLessThan(12_000);
  });

  it('sends `/` to the language chosen before, else the browser’s, else Kazakh, and the switch keeps the page', async () => {
    expect((await get('/')).headers.location).toBe('/kk/reports');
    expect((await get('/', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' })).headers.location).toBe('/ru/reports');
    expect((await get('/', { 'accept-language': 'ru', cookie: 'lang=kk' })).headers.location).toBe('/kk/reports');
    const page = await html(`/kk/reports/${w.open.number}`);
    expect(page).toContain(`href="/lang/ru?next=${encodeURIComponent(`/ru/reports/${w.open.number}`)}"`);
    const sw = await get(`/lang/ru?next=${encodeURIComponent(`/ru/reports/${w.open.number}`)}`);
    expect(sw.statusCode).toBe(302);
    expect(sw.headers.location).toBe(`/ru/reports/${w.open.number}`);
    expect(String(sw.headers['set-cookie'])).toContain('lang=ru');
    for (const next of ['//evil.example/ru', 'https://evil.example/', '/kk/reports'])
      expect((await get(`/lang/ru?next=${encodeURIComponent(next)}`)).headers.location).toBe('/ru/reports');
  });

  it('publishes the civic-control indicators of a period: the analytics API’s figures as an admin, for the country and a region', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'portal-admin', password: 'portal-admin-password-1' } });
    const token = login.json().token as string;
    const cell = (page: string, label: string) => new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(page)?.[1];
    for (const [query, filter] of [
      ['', ''],
      [`&region=${w.regionB.code}`, `&regionId=${w.regionB.id}`],
    ] as const) {
      const api = (
        await app.inject({ method: 'GET', url: `/api/analytics/civic-control?period=2026${filter}`, headers: { authorization: `Bearer ${token}` } })
      ).json();
      const ru = await html(`/ru/stats?period=2026${query}`);
      expect(cell(ru, 'Поступило обращений'), query).toBe(String(api.received));
      expect(cell(ru, 'Выполнено'), query).toBe(String(api.resolved));
      expect(cell(ru, 'Сейчас просрочено'), query).toBe(String(api.overdueNow));
      expect(cell(ru, 'Доля выполненных'), query).toBe(
        api.resolvedShare == null ? '—' : `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(api.resolvedShare * 100)} %`,
      );
      expect(api.received).toBeGreaterThan(0);
    }
    // The pinned clock's year is the default, in Kazakh as well; no single report is named.
    const kk = await html('/kk/stats');
    expect(kk).toContain('<option value="2026" selected>');
    expect(cell(kk, 'Түскен өтініштер')).toBe(cell(await html('/ru/stats?period=2026'), 'Поступило обращений'));
    expect(kk).not.toMatch(/KZ-2026-\d+/);
  });

  it('names the body on every page in its language and links each page to its public address', async () => {
    const ru = await html(`/ru/reports/${w.open.number}`);
    expect(ru).toContain('<p class="body">Акимат города Астаны</p>');
    expect(ru).toContain(`<title>Обращение ${w.open.number} · Гражданский контроль («Азаматтық бақылау») · Акимат города Астаны</title>`);
    expect(ru).toContain(`<link rel="canonical" href="https://portal.example.kz/ru/reports/${w.open.number}"/>`);
    expect(ru).toContain(`<meta property="og:url" content="https://portal.example.kz/ru/reports/${w.open.number}"/>`);
    expect(await html('/kk/reports')).toContain('<p class="body">Астана қаласының әкімдігі</p>');
  });

  it('serves a page from memory with an ETag, Cache-Control and compression, and answers 304 to a revalidation', async () => {
    const url = `/ru/reports/${w.rejected.number}`;
    const first = await get(url, { 'accept-encoding': 'br, gzip' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=120');
    expect(first.headers.vary).toBe('Accept-Encoding');
    expect(first.headers['content-security-policy']).toContain("script-src 'none'");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect((await get(url, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get(url, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).not.toContain('<script');
    // Within its 30 seconds the page is the one in memory: the crowd does not reach the database.
    await services.prisma.report.update({ where: { id: w.rejected.id }, data: { supportCount: 77 } });
    expect((await get(url)).body).not.toContain('<dd>77</dd>');
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(plain.body)![1]!;
    const sheet = await get(css);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/ru/reports?region=x&utm_source=viral&fbclid=1')).headers.etag).toBe((await get('/ru/reports?region=x')).headers.etag);
  });
});
