// The portal's discussion, project, map, statistics-download and widget pages over HTTP (issue 17), on PGlite and
// PostgreSQL at a pinned clock: topics under public discussion with every Annex 1 field, the days left and the bot
// link; reviewed topics with their Annex 2 report; finished projects with their Annex 5 data and average score;
// the map's points; the statistics' trend and CSV; the widget an akimat's website frames; Open Graph tags.
// Nothing hidden, drafted or personal appears.
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../core/calendar/periods.ts';
import { dbTargets } from './helpers/db.ts';
import { SECRETS, usePortalApp } from './helpers/portal-fixtures.ts';
import { PUBLIC_SECRETS, seedPortalPublicWorld, type PortalPublicWorld } from './helpers/portal-public-fixtures.ts';

const BOT = 'azamat_portal_bot';

describe.each(dbTargets)('public portal: discussions, projects, map, downloads, widgets (%s)', (target) => {
  const {
    services,
    world: w,
    get,
  } = usePortalApp(target, {
    projects: { botUsername: () => BOT },
    portal: {
      home: true,
      url: 'https://portal.example.kz',
      embedOrigins: ['https://astana.gov.kz'],
      map: { tileUrl: 'https://tiles.example.kz/{z}/{x}/{y}.png', attribution: '© OSM' },
    },
  });
  let p: PortalPublicWorld;

  beforeAll(async () => {
    p = await seedPortalPublicWorld(services);
  });

  const html = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    for (const secret of [...Object.values(SECRETS), ...Object.values(PUBLIC_SECRETS)]) expect(res.body, `${url}: ${secret}`).not.toContain(secret);
    return res.body;
  };

  it('lists the topics open for comments with their body, funding and days left, the ended and reviewed ones under their tabs, never a draft', async () => {
    const ru = await html('/ru/discussions');
    expect(ru).toContain(`/ru/discussions/${p.open.id}`);
    expect(ru).toContain(p.open.titleRu);
    expect(ru).toContain('Управление внутренней политики города Астаны');
    expect(ru).toMatch(/Планируемое финансирование: 12\s500,5 тыс\. тенге/);
    expect(ru).toContain('осталось дней: 9');
    expect(ru).not.toContain(`/ru/discussions/${p.ended.id}"`);
    const kk = await html('/kk/discussions');
    expect(kk).toContain(p.open.titleKk);
    expect(kk).toContain('аяқталуына 9 күн қалды');
    const ended = await html('/ru/discussions?tab=ended');
    expect(ended).toContain(`/ru/discussions/${p.ended.id}"`);
    expect(ended).not.toContain(`/ru/discussions/${p.open.id}"`);
    expect(ended).toContain('госорган рассматривает замечания и предложения');
    expect(await html('/ru/discussions?tab=reviewed')).toContain(`/ru/discussions/${p.reviewed.id}"`);
    expect((await get(`/ru/discussions/${p.draft.id}`)).statusCode).toBe(404);
    expect((await get('/ru/discussions/abc')).statusCode).toBe(404);
  });

  it('shows a topic with every Annex 1 field, its counts, its visible comments and the bot link where residents comment', async () => {
    const page = await html(`/ru/discussions/${p.open.id}`);
    for (const field of [
      'Планируемый объем финансирования (тысяч тенге)</dt><dd>12\u00a0500,5</dd>',
      'Обоснование с указанием источника информации',
      'A: 40 % молодёжи не получали консультаций',
      'Источник информации: Оценка потребностей населения 2026 (A)',
      'Целевая группа населения',
      'A: молодёжь 18–29 лет',
      'Ожидаемый результат',
      'A: 2000 молодых людей получат консультации',
    ])
      expect(page).toContain(field);
    expect(page).toContain(`href="https://t.me/${BOT}?start=topic_${p.open.id}"`);
    expect(page).toContain('Оставить замечание или предложение в Telegram');
    expect(page).toContain('за: 1, против: 0, всего комментариев: 1');
    expect(page).toContain('Ерлан Омаров (ОФ «Жастар»)');
    expect(page).not.toContain('Приложение 2');
    const kk = await html(`/kk/discussions/${p.open.id}`);
    expect(kk).toContain('A: 2000 жас кеңес алады');
    expect(kk).toContain('Telegram-да ескерту не ұсыныс қалдыру');
  });

  it("publishes a reviewed topic's Annex 2: each comment with its author and the body's conclusion with its reason, without removed comments", async () => {
    const page = await html(`/ru/discussions/${p.reviewed.id}`);
    expect(page).toContain('Отчет о завершении публичного обсуждения тем государственного социального заказа');
    expect(page).toMatch(/Нужен приём по вечерам, днём молодёжь учится\.<\/span><br\/>Автор: Ерлан Омаров<\/td><td>Принято/);
    expect(page).toContain('Не принято. Обоснование: Спорт финансируется по другой программе');
    expect(page).toContain('Автор: Участник обсуждения (данные удалены по его просьбе)');
    expect(page).toContain('Открыть тему в Telegram');
    // The ended topic has no report yet: its body is still reviewing.
    expect(await html(`/ru/discussions/${p.ended.id}`)).not.toContain('Приложение 2');
  });

  it('lists finished projects with the Annex 5 data and the average score out of 20, never an active one, and names no expert', async () => {
    const list = await html('/ru/projects');
    expect(list).toContain(`/ru/projects/${p.evaluated.id}"`);
    expect(list).toContain(`/ru/projects/${p.notEvaluated.id}"`);
    expect(list).toContain('16 из 20');
    expect(list).toContain('оценка не завершена');
    expect(list).toMatch(/сумма договора: 4\s800 тыс\. тенге/);
    expect((await get(`/ru/projects/${p.active.id}`)).statusCode).toBe(404);
    const page = await html(`/ru/projects/${p.evaluated.id}`);
    for (const text of [
      'ОФ «Жастар ортасы»',
      'Поддержка молодёжи в поиске работы',
      '01.02.2026 — 31.10.2026',
      '12 тренингов, 300 консультаций',
      '85 участников нашли работу',
      '16 из 20',
    ])
      expect(page).toContain(text);
    expect(page).toMatch(/Результаты выполнения социальных проектов<\/th><td>5<\/td>/);
    const kk = await html(`/kk/projects/${p.evaluated.id}`);
    expect(kk).toContain(p.evaluated.nameKk);
    expect(kk).toContain('85 қатысушы жұмысқа орналасты');
    expect(await html('/ru/projects?year=2025')).toContain('Завершённых проектов за этот период нет.');
  });

  it('adds a map over the same list: its own script under a CSP that allows it and the tiles, and public points rounded to ~100 m', async () => {
    const res = await get('/ru/map?status=open');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/ru/reports/${w.open.number}`);
    expect(res.body).not.toContain(`/ru/reports/${w.resolved.number}"`);
    expect(res.body).toMatch(/data-points="\/ru\/map\/points\.json\?status=open"/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: https://tiles.example.kz");
    const script = /<script type="module" src="(\/portal\/static\/map\.[0-9a-f]{12}\.js)"/.exec(res.body)?.[1];
    expect(script).toBeDefined();
    expect((await get(script!)).statusCode).toBe(200);
    // The list pages never carry a script.
    expect((await get('/ru/reports')).body).not.toContain('<script');
    const points = await get('/ru/map/points.json');
    expect(points.headers['content-type']).toContain('application/geo+json');
    const geo = points.json() as { features: Array<{ geometry: { coordinates: [number, number] }; properties: Record<string, string> }> };
    const numbers = geo.features.map((f) => f.properties.number);
    expect(numbers).toEqual(expect.arrayContaining([w.open.number, w.resolved.number, w.rejected.number]));
    expect(numbers).not.toContain(w.hidden.number);
    expect(numbers).not.toContain(w.duplicate.number);
    const open = geo.features.find((f) => f.properties.number === w.open.number)!;
    expect(open.geometry.coordinates).toEqual([71.431, 51.128]);
    expect(open.properties).toMatchObject({ label: 'В работе', colour: '#B3261E', href: `/ru/reports/${w.open.number}` });
    expect(geo.features.find((f) => f.properties.number === w.resolved.number)!.properties).toMatchObject({ label: 'Выполнено', colour: '#1B6E3A' });
    expect(JSON.stringify(geo)).not.toContain(SECRETS.authorName);
  });

  it("shows the statistics' trend by month and downloads the page's figures as CSV", async () => {
    const page = await html('/ru/stats?period=2026');
    expect(page).toContain('По месяцам');
    expect(page).toMatch(/<th scope="row">11\.2026<\/th><td>5<span class="bar w100" aria-hidden="true"><\/span><\/td><td>1<span class="bar done w20"/);
    const csvHref = /href="(\/ru\/stats\.csv\?period=2026)"/.exec(page)?.[1];
    expect(csvHref).toBeDefined();
    const csv = await get(csvHref!);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="stats-2026.csv"');
    const api = await services.portal.stats({}, parsePeriodKey('2026'));
    expect(csv.body).toContain(`Поступило обращений;${api.received}`);
    expect(csv.body).toContain(`Выполнено;${api.resolved}`);
    expect(csv.body).toContain('11.2026;5;1');
    expect(csv.body).not.toContain(w.open.number);
  });

  it('shows the figures per region, per district of a region and per category of a district, each as the headline gives them for that group', async () => {
    const year = parsePeriodKey('2026');
    const country = await html('/ru/stats?period=2026');
    const a = await services.portal.stats({ regionId: w.regionA.id }, year);
    expect(a.received).toBe(4);
    expect(country).toContain('<caption>По регионам</caption>');
    expect(country).toContain(
      `<th scope="row"><a href="/ru/stats?period=2026&amp;region=${w.regionA.code}">${w.regionA.nameRu}</a></th><td>${a.received}</td><td>${a.resolved}</td>`,
    );
    expect(country).toMatch(new RegExp(`region=${w.regionB.code}">${w.regionB.nameRu}</a></th><td>1</td><td>1</td><td>100 %</td>`));
    const district = w.regionA.districts[0]!;
    const region = await html(`/ru/stats?period=2026&region=${w.regionA.code}`);
    const d = await services.portal.stats({ regionId: w.regionA.id, districtId: district.id }, year);
    expect(region).toContain('<caption>По районам</caption>');
    expect(region).toContain(`${district.nameRu}</a></th><td>${d.received}</td><td>${d.resolved}</td>`);
    const categories = await html(`/kk/stats?period=2026&region=${w.regionA.code}&district=${district.code}`);
    expect(categories).toContain('<caption>Санаттар бойынша</caption>');
    expect(categories).toContain(`<th scope="row">${w.category.nameKk}</th><td>${d.received}</td>`);
    const csv = (await get(`/ru/stats.csv?period=2026`)).body;
    expect(csv).toContain(`${w.regionB.nameRu};1;1;100;`);
  });

  it("gives an akimat's website a widget of a region's figures it may frame, with links that open the portal", async () => {
    const res = await get(`/embed/ru/reports?region=${w.regionA.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain('frame-ancestors https://astana.gov.kz');
    expect(res.body).toContain(`${w.regionA.nameRu}, 2026 год`);
    expect(res.body).toContain(`href="/ru/reports/${w.open.number}" target="_top"`);
    expect(res.body).not.toContain(w.resolved.number);
    expect(res.body).not.toContain(w.hidden.number);
    expect(res.body).toMatch(/<strong>4<\/strong> Поступило обращений/);
    // Every other page still refuses to be framed.
    const list = await get('/ru/reports');
    expect(list.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(list.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('carries Open Graph tags and the share picture on every page, an article for one report, topic or project', async () => {
    for (const url of [
      '/ru/reports',
      `/ru/reports/${w.open.number}`,
      `/kk/discussions/${p.open.id}`,
      `/ru/projects/${p.evaluated.id}`,
      '/ru/map',
      '/ru/stats',
    ]) {
      const page = await html(url);
      const image = /<meta property="og:image" content="https:\/\/portal\.example\.kz(\/portal\/static\/og-[0-9a-f]{12}\.png)"/.exec(page)?.[1];
      expect(image, url).toBeDefined();
      expect(page).toContain('<meta name="twitter:card" content="summary_large_image"/>');
      expect(page).toContain(`<meta property="og:type" content="${/\/(reports|discussions|projects)\/[^/]+$/.test(url) ? 'article' : 'website'}"/>`);
      const png = await get(image!);
      expect([png.statusCode, png.headers['content-type']]).toEqual([200, 'image/png']);
    }
  });
});
