// The analytics API as staff use it: scope enforcement (403 or narrowed), exports whose numbers equal the
// JSON for the same filters (CSV in Russian, XLSX in Kazakh), valid GeoJSON without personal data, the
// periodic workbook with a sheet per capability, and the needs-assessment justification cited by a new
// Annex 1 topic.
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civicControlRows, exportContext } from '../core/analytics/analytics-export.ts';
import type { CivicControlIndicators } from '../core/analytics/civic-control.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { buildAppServer, createAppServices } from '../app/compose.ts';
import { buildAnalyticsWorld, NOW, type AnalyticsWorld } from './helpers/analytics-fixtures.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

/** RFC 4180 with ';', as the exports write it (BOM, CRLF, quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** A CSV number cell back to a number ('' is null). */
const numberOf = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell.replace(',', '.').replace('%', '')));

describe.each(dbTargets)('analytics API (%s)', (target) => {
  const suite = useTestDb(target);
  const i18n = createI18n();
  let services: ServicesWithDb;
  let app: FastifyInstance;
  let w: AnalyticsWorld;
  const tokens: Record<string, string> = {};

  const get = async (url: string, who = 'admin') => {
    const res = await app.inject({ method: 'GET', url, headers: tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {} });
    return { status: res.statusCode, body: res.body, raw: res.rawPayload, headers: res.headers, json: () => res.json() };
  };
  const account = async (
    login: string,
    roles: Array<'operator' | 'expert' | 'project_manager' | 'consultant' | 'moderator'>,
    scope: { regionId?: number; districtId?: number; departmentId?: number } = {},
  ) => {
    await services.staff.create({ type: 'system' }, { login, fullName: login, password: `${login}-password-1`, roles, ...scope });
    tokens[login] = (await services.staff.login(login, `${login}-password-1`)).token;
  };

  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 24, now: () => NOW, i18n });
    app = await buildAppServer({ services, i18n, logger: testLogger, cookieSecure: false });
    w = await buildAnalyticsWorld(services.prisma);
    await services.staff.ensureFirstAdmin('admin', 'admin-password-1');
    tokens.admin = (await services.staff.login('admin', 'admin-password-1')).token;
    await account('operB', ['operator'], { regionId: w.regionB });
    await account('expert', ['expert']);
    await account('pm', ['project_manager']);
    await account('consultantA', ['consultant'], { regionId: w.regionA });
    await account('moderatorA', ['moderator'], { regionId: w.regionA });
    await account('operDistrictA', ['operator'], { regionId: w.regionA, districtId: w.districtA });
    await account('operRoadsA', ['operator'], { regionId: w.regionA, departmentId: w.departments.roads });
  });
  afterAll(async () => {
    await app?.close();
  });

  const dec = () => `period=2026-12&regionId=${w.regionA}`;

  it('answers every indicator for the same filters', async () => {
    for (const path of ['civic-control', 'consultations', 'discussion', 'polls', 'volunteering', 'engagement', 'rankings', 'map/districts', 'map/reports']) {
      const res = await get(`/api/analytics/${path}?${dec()}`);
      expect(res.status, `${path}: ${res.body}`).toBe(200);
    }
    expect((await get(`/api/analytics/civic-control?${dec()}`)).json()).toMatchObject({
      received: 7,
      resolvedShare: 0.5,
      timeToAccept: { medianWorkingDays: 1 },
    });
    // a custom range of days works like a period
    expect((await get(`/api/analytics/civic-control?from=2026-12-14&to=2026-12-15&regionId=${w.regionA}`)).json()).toMatchObject({ received: 2 });
  });

  it('refuses bad periods and ranges with a clear error', async () => {
    expect((await get('/api/analytics/civic-control?period=2026-13')).status).toBe(400);
    const reversed = await get('/api/analytics/civic-control?from=2026-12-20&to=2026-12-01');
    expect(reversed.status).toBe(400);
    expect(reversed.json().error.code).toBe('period.bad_range');
  });

  it('scope: an operator of region B sees B only, is refused region A, and experts and strangers are refused', async () => {
    expect((await get('/api/analytics/civic-control?period=2026-12', 'operB')).json()).toMatchObject({ received: 1 });
    const refused = await get(`/api/analytics/civic-control?${dec()}`, 'operB');
    expect(refused.status).toBe(403);
    expect(refused.json().error.code).toBe('auth.out_of_scope');
    expect((await get(`/api/analytics/rankings/export?${dec()}&format=csv`, 'operB')).status).toBe(403);
    expect((await get(`/api/analytics/report?${dec()}`, 'operB')).status).toBe(403);
    expect((await get('/api/analytics/map/reports?period=2026-12', 'operB')).json().features).toHaveLength(1);
    expect((await get('/api/analytics/engagement?period=2026-12', 'expert')).status).toBe(403);
    expect((await get('/api/analytics/engagement?period=2026-12', 'nobody')).status).toBe(401);
  });

  it('scope: a district-scoped operator is refused another district and narrowed to their own', async () => {
    const other = await services.prisma.district.findFirstOrThrow({ where: { regionId: w.regionA, id: { not: w.districtA } } });
    const refused = await get(`/api/analytics/civic-control?period=2026-12&districtId=${other.id}`, 'operDistrictA');
    expect(refused.status).toBe(403);
    expect(refused.json().error.code).toBe('auth.out_of_scope');
    expect((await get(`/api/analytics/map/reports/export?period=2026-12&districtId=${other.id}&format=csv`, 'operDistrictA')).status).toBe(403);
    // R1–R5 and R9 are in the district; R6 was filed without one
    expect((await get('/api/analytics/civic-control?period=2026-12', 'operDistrictA')).json()).toMatchObject({ received: 6, resolved: 3 });
    expect((await get(`/api/analytics/civic-control?period=2026-12&districtId=${w.districtA}`, 'operDistrictA')).json()).toMatchObject({ received: 6 });
  });

  it('scope: a department-scoped operator sees the figures of their department only', async () => {
    // roads in region A in December: R1, R2 (both resolved) and the duplicate R9; waste and animals are other departments
    const civic = (await get(`/api/analytics/civic-control?period=2026-12`, 'operRoadsA')).json();
    expect(civic).toMatchObject({ received: 3, resolved: 2, resolvedShare: 1, byStatus: { duplicate: 1, in_work: 0, rejected: 0 }, overdueNow: 0 });
    const ranked = (await get('/api/analytics/rankings?period=2026-12', 'operRoadsA')).json();
    expect(ranked.categories.map((c: { code: string }) => c.code)).toEqual(['roads-sidewalks']);
    const points = (await get('/api/analytics/map/reports?period=2026-12', 'operRoadsA')).json();
    expect(points.features.map((f: { properties: { id: number } }) => f.properties.id).sort()).toEqual([w.reports.R1, w.reports.R2].sort());
    const other = await services.prisma.category.findUniqueOrThrow({ where: { id: w.categories.waste } });
    expect((await get(`/api/analytics/civic-control?period=2026-12&departmentId=${other.departmentId}`, 'operRoadsA')).status).toBe(403);
  });

  it('single reports (map points, their export, needs examples) only for operators, moderators and admins', async () => {
    for (const who of ['consultantA', 'pm']) {
      const map = await get('/api/analytics/map/reports?period=2026-12', who);
      expect(map.status, who).toBe(403);
      expect(map.json().error.code).toBe('auth.role_required');
      expect((await get('/api/analytics/map/reports/export?period=2026-12&format=csv', who)).status).toBe(403);
      // the aggregates stay open to them
      expect((await get(`/api/analytics/map/districts?${dec()}`, who)).status).toBe(200);
    }
    const consultant = await get(`/api/analytics/needs-assessment?regionId=${w.regionA}&to=2026-12-31`, 'consultantA');
    expect(consultant.status).toBe(200);
    expect(consultant.json().needs[0]).toMatchObject({ areaId: 14, lastYear: { total: 10 }, examples: [] });
    expect(consultant.json().needs.every((n: { examples: unknown[] }) => n.examples.length === 0)).toBe(true);
    expect((await get(`/api/analytics/needs-assessment/export?regionId=${w.regionA}&to=2026-12-31&format=csv&lang=ru`, 'consultantA')).body).not.toContain(
      'Глубокая яма',
    );
    expect((await get('/api/analytics/map/reports?period=2026-12', 'moderatorA')).json().features).toHaveLength(5);
    const moderator = (await get(`/api/analytics/needs-assessment?regionId=${w.regionA}&to=2026-12-31`, 'moderatorA')).json();
    expect(moderator.needs[0].examples.map((e: { text: string }) => e.text)).toContain('Глубокая яма на проспекте Абая у остановки');
  });

  it('the CSV export (Russian) has exactly the numbers of the JSON for the same filters', async () => {
    const api = (await get(`/api/analytics/civic-control?${dec()}`)).json() as CivicControlIndicators;
    const csv = await get(`/api/analytics/civic-control/export?${dec()}&format=csv&lang=ru`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(csv.body);
    const values = new Map(rows.filter((r) => r.length === 2).map((r) => [r[0]!, numberOf(r[1])]));
    const expected = civicControlRows(exportContext(i18n, 'ru', ''), api);
    expect(expected.length).toBeGreaterThan(25);
    for (const [label, value] of expected) expect(values.get(label), label).toBe(value);
    expect(values.get('Поступило обращений')).toBe(7);
    expect(values.get('Доля решённых, %')).toBe(50);
    expect(values.get('Время до принятия, медиана, рабочих дней')).toBe(1);
    expect(values.get('Статус «Выполнено»')).toBe(3);
    // the weekly trend follows as its own table
    expect(rows.some((r) => r[0] === '2026-12-14' && r[1] === '3' && r[2] === '2')).toBe(true);

    const ranked = (await get(`/api/analytics/rankings?${dec()}`)).json();
    const rcsv = parseCsv((await get(`/api/analytics/rankings/export?${dec()}&format=csv&lang=ru`)).body);
    for (const c of ranked.categories) {
      const line = rcsv.find((r) => r[1] === c.nameRu)!;
      expect([line[0], line[2], line[3], line[4]].map(numberOf)).toEqual([c.rank, c.reports, c.supports, c.previousReports]);
    }
  });

  it('the XLSX export (Kazakh) has Kazakh headers, names and the same numbers', async () => {
    const api = (await get(`/api/analytics/consultations?${dec()}`)).json();
    const xlsx = await get(`/api/analytics/consultations/export?${dec()}&format=xlsx&lang=kk`);
    expect(xlsx.status).toBe(200);
    const files = unzipSync(new Uint8Array(xlsx.raw));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('Кеңестер');
    expect(sheet).toContain('Көрсеткіш');
    expect(sheet).toContain('Нысаналы топ');
    const cell = (label: string) => new RegExp(`${label.replace(/[()]/g, '.')}</t></is></c><c r="B\\d+" s="\\d+"><v>([^<]+)</v>`).exec(sheet)?.[1];
    expect(Number(cell('Кеңестер'))).toBe(api.count);
    expect(Number(cell('Алғашқы жауапқа дейінгі уақыт медианасы, минут'))).toBe(api.medianResponseMinutes);
    expect(Number(cell('Орташа қанағаттану (1–5)'))).toBe(api.averageSatisfaction);
  });

  it('GeoJSON: a FeatureCollection of [lon, lat] points in Kazakhstan, no personal data, no hidden reports; bbox and limit', async () => {
    const res = await get(`/api/analytics/map/reports?${dec()}`);
    const geo = res.json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(5);
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(46);
      expect(lon).toBeLessThanOrEqual(88);
      expect(lat).toBeGreaterThanOrEqual(40);
      expect(lat).toBeLessThanOrEqual(56);
      expect(Object.keys(f.properties).sort()).toEqual([
        'categoryCode',
        'categoryId',
        'categoryKk',
        'categoryRu',
        'filedOn',
        'id',
        'number',
        'status',
        'supports',
      ]);
    }
    for (const secret of ['Азамат', 'Кенесары', 'Глубокая яма', 'Скрытый текст', 'citizen', 'description', 'address']) expect(res.body).not.toContain(secret);
    // positions to ~100 m: the stored 51.13112, 71.43134 of R1 shows as 51.131, 71.431
    const stored = await services.prisma.report.findUniqueOrThrow({ where: { id: w.reports.R1 } });
    expect(stored.lat).not.toBe(51.131);
    expect(geo.features.find((f: { properties: { id: number } }) => f.properties.id === w.reports.R1).geometry.coordinates).toEqual([71.431, 51.131]);
    for (const f of geo.features) for (const c of f.geometry.coordinates) expect(Math.round(c * 1000) / 1000).toBe(c);
    // the export names the day a report was filed as such, with the same rounded position
    const ru = parseCsv((await get(`/api/analytics/map/reports/export?${dec()}&format=csv&lang=ru`)).body);
    const header = ru.find((r) => r[0] === '№')!;
    expect(header).toEqual(['№', 'Категория', 'Статус', 'Дата подачи', 'Поддержки', 'lat', 'lon']);
    const r1 = ru.find((r) => r[0] === stored.number)!;
    expect([r1[3], numberOf(r1[5]), numberOf(r1[6])]).toEqual(['2026-12-14', 51.131, 71.431]);
    const kk = parseCsv((await get(`/api/analytics/map/reports/export?${dec()}&format=csv&lang=kk`)).body);
    expect(kk.find((r) => r[0] === '№')![3]).toBe('Берілген күні');
    expect((await get(`/api/analytics/map/reports?${dec()}&bbox=0,0,1,1`)).json().features).toEqual([]);
    expect((await get(`/api/analytics/map/reports?${dec()}&bbox=71.4,51.0,71.5,51.2`)).json().features.length).toBe(5);
    const bad = await get(`/api/analytics/map/reports?${dec()}&bbox=200,0,1,1`);
    expect(bad.status).toBe(400);
    expect(bad.json().error.code).toBe('analytics.bad_bbox');
    expect((await get(`/api/analytics/map/reports?${dec()}&limit=2`)).json()).toMatchObject({ truncated: true });
    const districts = (await get(`/api/analytics/map/districts?${dec()}`)).json();
    expect(districts.type).toBe('FeatureCollection');
    const located = districts.features.filter((f: { geometry: unknown }) => f.geometry !== null);
    for (const f of located) expect(f.geometry.coordinates[0]).toBeGreaterThan(f.geometry.coordinates[1]);
  });

  it('the periodic report is one workbook with a sheet per capability, in the chosen language', async () => {
    const res = await get(`/api/analytics/report?${dec()}&lang=kk`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const files = unzipSync(new Uint8Array(res.raw));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    for (const sheet of ['Азаматтық бақылау', 'Кеңестер', 'Жария талқылау', 'Сауалнамалар', 'Еріктілік', 'Қатысу', 'Мәселелер рейтингі', 'Аудандар бойынша'])
      expect(workbook).toContain(sheet);
    expect(Object.keys(files).filter((f) => f.startsWith('xl/worksheets/sheet')).length).toBeGreaterThanOrEqual(8);
    // the Kazakh labels of the civic-control and consultation sheets
    const strings = Object.entries(files)
      .filter(([f]) => f.startsWith('xl/worksheets/'))
      .map(([, b]) => strFromU8(b))
      .join('');
    expect(strings).toContain('Орындаушылар шешкен өтініштер');
    expect(strings).toContain('Жауап уақыты белгіленгендер');
  });

  it('the periodic report of a district-scoped operator is titled with the region and the district', async () => {
    const district = await services.prisma.district.findUniqueOrThrow({ where: { id: w.districtA } });
    for (const [lang, name] of [
      ['ru', `Астана, ${district.nameRu}`],
      ['kk', `${district.nameKk}`],
    ] as const) {
      const res = await get(`/api/analytics/report?period=2026-12&lang=${lang}`, 'operDistrictA');
      expect(res.status).toBe(200);
      const disposition = decodeURIComponent(String(res.headers['content-disposition']));
      expect(disposition, lang).toContain(name);
    }
    // a region-wide one names the region only
    expect(decodeURIComponent(String((await get(`/api/analytics/report?${dec()}&lang=ru`)).headers['content-disposition']))).not.toContain(district.nameRu);
  });

  it('the needs assessment is exported and its justification is cited by a new Annex 1 topic', async () => {
    const needs = await get(`/api/analytics/needs-assessment?regionId=${w.regionA}&to=2026-12-31`);
    expect(needs.status).toBe(200);
    expect(needs.json().needs[0]).toMatchObject({ areaId: 14, lastYear: { total: 10 } });
    const file = await get(`/api/analytics/needs-assessment/export?regionId=${w.regionA}&to=2026-12-31&format=csv&lang=ru`);
    expect(file.body).toContain('Обоснование');
    expect(file.body).toContain(needs.json().needs[0].justificationRu.slice(0, 40));

    const j = (await get(`/api/analytics/needs-assessment/justification?regionId=${w.regionA}&areaId=3&to=2026-12-31`)).json();
    expect(j.justificationRu).toContain('Астана');
    const body = await services.prisma.stateBody.findFirstOrThrow({ where: { code: 'astana-ip' } });
    const created = await app.inject({
      method: 'POST',
      url: '/api/discussions',
      headers: { authorization: `Bearer ${tokens.pm}` },
      payload: {
        stateBodyId: body.id,
        regionId: w.regionA,
        areaId: 3,
        year: 2027,
        titleKk: 'Таза аула',
        titleRu: 'Чистый двор',
        fundingThousandTenge: '2500',
        targetGroupKk: 'Тұрғындар',
        targetGroupRu: 'Жители',
        expectedResultKk: 'Аулалар таза',
        expectedResultRu: 'Дворы чистые',
        needsAssessment: { to: '2026-12-31' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ justificationKk: j.justificationKk, justificationRu: j.justificationRu });
    expect(created.json().informationSource).toContain(j.informationSourceRu);
    // without the reference the justification is still required
    const missing = await app.inject({
      method: 'POST',
      url: '/api/discussions',
      headers: { authorization: `Bearer ${tokens.pm}` },
      payload: {
        stateBodyId: body.id,
        areaId: 3,
        year: 2027,
        titleKk: 'А',
        titleRu: 'А',
        fundingThousandTenge: '1',
        targetGroupKk: 'а',
        targetGroupRu: 'а',
        expectedResultKk: 'а',
        expectedResultRu: 'а',
      },
    });
    expect(missing.statusCode).toBe(400);
  });
});
