// Open311 GeoReport v2: discovery, services, definitions and requests in JSON and XML with the
// spec's fields, filing with admin-issued keys, filters, and what must never leave (hidden reports,
// the author's personal data, citizens' comments, staff-only files).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Category, Report } from '../generated/prisma/client.ts';
import type { Actor } from '../core/audit/audit-log.ts';
import { toLocalIso } from '../core/calendar/local-time.ts';
import { useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'lat',
  'long',
  'media_url',
];
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const staff: Actor = { type: 'staff', id: null };
const CITIZEN = { name: 'Айгерим Жаксылыкова', phone: '+77017654321', telegramId: 735_551_234n };
const COMMENT = 'Звоните мне в любое время, я живу в соседнем доме';

// ───────────── a DOM-less XML reader, enough for GeoReport answers ─────────────

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function parseXml(xml: string): XmlNode {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack = [root];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      top.text += unescape(m[4]);
    } else if (m[1]) {
      expect(top.name, `closing </${m[2]}>`).toBe(m[2]);
      stack.pop();
    } else {
      const node: XmlNode = { name: m[2]!, children: [], text: '' };
      top.children.push(node);
      if (!m[3]) stack.push(node);
    }
  }
  expect(stack, 'every element is closed').toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const kids = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
const field = (node: XmlNode, name: string) => {
  const found = kids(node, name);
  expect(found, `<${node.name}> has one <${name}>`).toHaveLength(1);
  return found[0]!.text;
};

describe.each(dbTargets)('Open311 GeoReport v2 (%s)', (target) => {
  const api = useApiApp(target);
  const { services, app } = api;
  let key: string;
  let keyWithoutRegion: string;
  let clientId: number;
  let astana: { id: number; code: string };
  let almaty: { id: number; code: string };
  let category: Category;
  let other: Category;
  let activeCategories: Category[];
  const r: Record<string, Report> = {};
  let addr = 0;

  /** A fresh client address per request, so the rate limits only bite where a test wants them to. */
  const nextAddress = () => `172.16.${Math.floor(addr / 250) % 250}.${(addr++ % 250) + 1}`;
  const get = (url: string, remoteAddress = nextAddress()) => app.inject({ method: 'GET', url: `/open311/v2${url}`, remoteAddress });
  async function getJson<T = Record<string, unknown>>(url: string): Promise<T> {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json() as T;
  }
  async function getXml(url: string): Promise<XmlNode> {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    return parseXml(res.body);
  }
  const post = (fields: Record<string, string>, format = 'json') =>
    app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
      remoteAddress: nextAddress(),
    });
  const good = (extra: Record<string, string> = {}) => ({
    api_key: key,
    service_code: category.code,
    lat: '51.1282',
    long: '71.4304',
    description: 'Открытый канализационный люк на тротуаре, опасно для детей',
    ...extra,
  });
  const ids = (list: Array<{ service_request_id: string }>) => list.map((x) => x.service_request_id).sort();
  /** The number of the report a successful POST filed. */
  const filed = (res: { json(): unknown }) => (res.json() as Array<{ service_request_id: string }>)[0]!.service_request_id;
  const sorted = (...reports: Report[]) => reports.map((x) => x.number).sort();
  /** An Open311 error answer: the status, and a list of {code, description} with that code. */
  function expectErrors(res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, description?: RegExp) {
    expect(res.statusCode, res.body).toBe(status);
    const body = JSON.parse(res.body) as Array<{ code: number; description: string }>;
    expect(Array.isArray(body)).toBe(true);
    expect(body.length).toBeGreaterThan(0);
    for (const e of body) {
      expect(e.code).toBe(status);
      expect(typeof e.description).toBe('string');
    }
    if (description) expect(body.map((e) => e.description).join(' | ')).toMatch(description);
  }

  beforeAll(async () => {
    astana = await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } });
    almaty = await services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } });
    activeCategories = await services.prisma.category.findMany({ where: { active: true }, orderBy: [{ sort: 'asc' }, { id: 'asc' }] });
    [category, other] = [activeCategories[0]!, activeCategories[1]!];

    const system: Actor = { type: 'system' };
    const issued = await services.apiClients.create(system, { name: 'Astana city app', regionId: astana.id });
    key = issued.key;
    clientId = issued.client.id;
    keyWithoutRegion = (await services.apiClients.create(system, { name: 'National portal' })).key;

    const citizen = await services.prisma.citizen.create({
      data: {
        telegramId: CITIZEN.telegramId,
        locale: 'ru',
        consentAt: new Date('2026-01-01T00:00:00Z'),
        name: CITIZEN.name,
        phone: CITIZEN.phone,
        regionId: astana.id,
      },
    });
    const base = { source: 'staff' as const, categoryId: category.id, regionId: astana.id, evidence: [] };
    r.bot = await services.reports.create(staff, {
      ...base,
      source: 'bot',
      citizenId: citizen.id,
      lat: 51.1694,
      lon: 71.4491,
      address: 'пр. Республики, 10',
      description: 'Яма на проезжей части у остановки, машины объезжают по встречной',
      evidence: [{ kind: 'photo', telegramFileId: 'AgAC-secret-file', fileUniqueId: 'uniq-o311', mimeType: 'image/jpeg', fileSize: 1000 }],
    });
    await services.reportCitizen.comment(citizen.id, r.bot.id, COMMENT);
    r.withUrl = await services.reports.create(staff, {
      ...base,
      address: 'ул. Кенесары, 40',
      description: 'Не работает уличное освещение вдоль всей улицы',
      // A staff-only Telegram file first: media_url is the first file that has a public URL.
      evidence: [
        { kind: 'video', telegramFileId: 'BAAC-video' },
        { kind: 'photo', url: 'https://example.org/dark-street.jpg?a=1&b=2' },
      ],
    });
    r.other = await services.reports.create(staff, {
      ...base,
      categoryId: other.id,
      address: 'ул. Достык, 5',
      description: 'Переполнены мусорные контейнеры во дворе',
    });
    r.hidden = await services.reports.create(staff, { ...base, address: 'ул. Абая, 1', description: 'Оскорбительный текст, скрытый модератором' });
    await services.prisma.report.update({ where: { id: r.hidden.id }, data: { hidden: true, hiddenReason: 'abuse' } });
    r.resolved = await services.reports.create(staff, { ...base, address: 'ул. Сыганак, 2', description: 'Сломана детская площадка во дворе дома' });
    await services.reports.changeStatus(staff, r.resolved.id, { to: 'in_work' });
    await services.reports.changeStatus(staff, r.resolved.id, {
      to: 'resolved',
      publicNote: 'Площадку отремонтировали 20 ноября',
      internalNote: 'подрядчик ТОО «Секрет»',
    });
    r.duplicate = await services.reports.create(staff, { ...base, address: 'ул. Кенесары, 42', description: 'Темно на улице Кенесары, фонари не горят' });
    await services.reports.changeStatus(staff, r.duplicate.id, { to: 'duplicate', duplicateOfId: r.withUrl.id });
    r.old = await services.reports.create(staff, { ...base, address: 'ул. Сарыарка, 3', description: 'Старая проблема: разбитый тротуар у школы' });
    await services.prisma.report.update({ where: { id: r.old.id }, data: { createdAt: new Date(Date.now() - 120 * 86_400_000) } });
    for (const k of Object.keys(r)) r[k] = await services.prisma.report.findUniqueOrThrow({ where: { id: r[k]!.id } });
  });

  describe('discovery', () => {
    it('names the endpoint, its specification and both formats, in JSON', async () => {
      const d = await getJson<{ changeset: string; contact: string; key_service: string; endpoints: Array<Record<string, unknown>> }>('/discovery.json');
      expect(d.changeset).toMatch(ISO_WITH_OFFSET);
      expect(typeof d.contact).toBe('string');
      expect(typeof d.key_service).toBe('string');
      expect(d.endpoints).toHaveLength(1);
      expect(d.endpoints[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      });
      expect(d.endpoints[0]!.url).toMatch(/^https?:\/\/[^/]+\/open311\/v2$/);
    });

    it('and in XML under <discovery>', async () => {
      const d = await getXml('/discovery.xml');
      expect(d.name).toBe('discovery');
      expect(field(d, 'changeset')).toMatch(ISO_WITH_OFFSET);
      const endpoints = kids(d, 'endpoints');
      expect(endpoints).toHaveLength(1);
      const [endpoint] = kids(endpoints[0]!, 'endpoint');
      expect(field(endpoint!, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
      expect(kids(kids(endpoint!, 'formats')[0]!, 'format').map((f) => f.text)).toEqual(['text/xml', 'application/json']);
    });
  });

  describe('services', () => {
    it('lists every active category as a service with its group, in Russian by default and in Kazakh on request', async () => {
      const list = await getJson<Array<Record<string, unknown>>>('/services.json');
      expect(list.map((s) => s.service_code)).toEqual(activeCategories.map((c) => c.code));
      for (const s of list) {
        expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
        expect(s).toMatchObject({ metadata: false, type: 'realtime' });
        for (const k of ['service_name', 'description', 'keywords', 'group']) expect(typeof s[k], k).toBe('string');
      }
      expect(list[0]).toMatchObject({ service_name: category.nameRu, description: category.hintRu, group: category.groupRu });
      const kk = await getJson<Array<Record<string, unknown>>>('/services.json?locale=kk');
      expect(kk[0]).toMatchObject({ service_name: category.nameKk, description: category.hintKk, group: category.groupKk });
    });

    it('lists the same services in XML as <services><service>', async () => {
      const root = await getXml('/services.xml');
      expect(root.name).toBe('services');
      const items = kids(root, 'service');
      expect(items.map((s) => field(s, 'service_code'))).toEqual(activeCategories.map((c) => c.code));
      for (const s of items) {
        expect(s.children.map((c) => c.name).sort()).toEqual([...SERVICE_FIELDS].sort());
        expect(field(s, 'metadata')).toBe('false');
        expect(field(s, 'type')).toBe('realtime');
      }
    });

    it('a deactivated category is no longer offered', async () => {
      await services.prisma.category.update({ where: { id: other.id }, data: { active: false } });
      services.reference.invalidate();
      try {
        expect((await getJson<Array<{ service_code: string }>>('/services.json')).map((s) => s.service_code)).not.toContain(other.code);
        expectErrors(await get(`/services/${other.code}.json`), 404);
      } finally {
        await services.prisma.category.update({ where: { id: other.id }, data: { active: true } });
        services.reference.invalidate();
      }
    });

    it('answers a service definition with an (empty) attribute list in both formats', async () => {
      expect(await getJson(`/services/${category.code}.json`)).toEqual({ service_code: category.code, attributes: [] });
      const def = await getXml(`/services/${category.code}.xml`);
      expect(def.name).toBe('service_definition');
      expect(field(def, 'service_code')).toBe(category.code);
      expect(kids(def, 'attributes')).toHaveLength(1);
      expectErrors(await get('/services/no-such-service.json'), 404, /service_code/);
    });

    it('an unknown jurisdiction_id is 404', async () => {
      expectErrors(await get('/services.json?jurisdiction_id=atlantis'), 404, /jurisdiction_id/);
      expect(await getJson(`/services.json?jurisdiction_id=${astana.code}`)).toHaveLength(activeCategories.length);
    });
  });

  describe('requests', () => {
    it('lists the public reports of the last 90 days with every GeoReport field, newest first', async () => {
      const list = await getJson<Array<Record<string, unknown>>>('/requests.json');
      expect(list.map((x) => x.service_request_id)).toEqual([r.duplicate!, r.resolved!, r.other!, r.withUrl!, r.bot!].map((x) => x.number));
      for (const x of list) {
        expect(Object.keys(x).sort()).toEqual([...REQUEST_FIELDS].sort());
        expect(['open', 'closed']).toContain(x.status);
        expect(x.requested_datetime).toMatch(ISO_WITH_OFFSET);
        expect(x.updated_datetime).toMatch(ISO_WITH_OFFSET);
        for (const k of ['status_notes', 'service_name', 'service_code', 'description', 'agency_responsible']) expect(typeof x[k], k).toBe('string');
      }
      const bot = list.find((x) => x.service_request_id === r.bot!.number)!;
      const department = await services.prisma.department.findUniqueOrThrow({ where: { id: r.bot!.departmentId } });
      expect(bot).toMatchObject({
        status: 'open',
        status_notes: 'Новое',
        service_code: category.code,
        service_name: category.nameRu,
        agency_responsible: department.nameRu,
        description: r.bot!.description,
        address: 'пр. Республики, 10',
        lat: 51.1694,
        long: 71.4491,
        // the deadline runs from filing, so a new report already has one
        expected_datetime: expect.stringMatching(ISO_WITH_OFFSET),
        // Its only file is a Telegram file, which only staff may fetch.
        media_url: null,
      });
      expect(bot.requested_datetime).toBe(toLocalIso(r.bot!.createdAt));
      expect(bot.requested_datetime).toMatch(/\+05:00$/);
      expect(list.find((x) => x.service_request_id === r.withUrl!.number)!.media_url).toBe('https://example.org/dark-street.jpg?a=1&b=2');
    });

    it('gives the same requests in XML as <service_requests><request>, escaped', async () => {
      const root = await getXml('/requests.xml');
      expect(root.name).toBe('service_requests');
      const items = kids(root, 'request');
      expect(items.map((x) => field(x, 'service_request_id'))).toEqual([r.duplicate!, r.resolved!, r.other!, r.withUrl!, r.bot!].map((x) => x.number));
      for (const x of items) {
        expect(x.children.map((c) => c.name).sort()).toEqual([...REQUEST_FIELDS].sort());
        expect(['open', 'closed']).toContain(field(x, 'status'));
        expect(field(x, 'requested_datetime')).toMatch(ISO_WITH_OFFSET);
        expect(field(x, 'updated_datetime')).toMatch(ISO_WITH_OFFSET);
      }
      const withUrl = items.find((x) => field(x, 'service_request_id') === r.withUrl!.number)!;
      expect(field(withUrl, 'media_url')).toBe('https://example.org/dark-street.jpg?a=1&b=2');
      expect(
        Number(
          field(
            items.find((x) => field(x, 'service_request_id') === r.bot!.number)!,
            'lat',
          ),
        ),
      ).toBe(51.1694);
      expect((await get('/requests.xml')).body).toContain('dark-street.jpg?a=1&amp;b=2');
    });

    it('a resolved report is closed, with the public note and the due time; never the internal note', async () => {
      const [x] = await getJson<Array<Record<string, unknown>>>(`/requests/${r.resolved!.number}.json`);
      expect(x).toMatchObject({ status: 'closed', status_notes: 'Площадку отремонтировали 20 ноября' });
      expect(x!.expected_datetime).toMatch(ISO_WITH_OFFSET);
      expect(x!.expected_datetime).toBe(toLocalIso(r.resolved!.dueAt!));
      expect(JSON.stringify(x)).not.toContain('Секрет');
    });

    it('a duplicate is closed and points to the original number', async () => {
      const [x] = await getJson<Array<Record<string, unknown>>>(`/requests/${r.duplicate!.number}.json`);
      expect(x!.status).toBe('closed');
      expect(x!.status_notes).toContain(r.withUrl!.number);
      const [kk] = await getJson<Array<Record<string, unknown>>>(`/requests/${r.duplicate!.number}.json?locale=kk`);
      expect(kk!.status_notes).toBe(`Бұл мәселе бұрын хабарланған: ${r.withUrl!.number}`);
      expect(kk!.service_name).toBe(category.nameKk);
    });

    it('answers one request by its number as a list of one, in JSON and XML', async () => {
      const list = await getJson<Array<{ service_request_id: string }>>(`/requests/${r.bot!.number}.json`);
      expect(ids(list)).toEqual([r.bot!.number]);
      const root = await getXml(`/requests/${r.bot!.number}.xml`);
      expect(root.name).toBe('service_requests');
      expect(kids(root, 'request').map((x) => field(x, 'service_request_id'))).toEqual([r.bot!.number]);
      expect(ids(await getJson(`/requests/${r.bot!.number.toLowerCase()}.json`))).toEqual([r.bot!.number]);
      expectErrors(await get('/requests/KZ-2026-999999.json'), 404, /service_request_id/);
    });

    it('filters by status', async () => {
      expect(ids(await getJson('/requests.json?status=closed'))).toEqual(sorted(r.resolved!, r.duplicate!));
      expect(ids(await getJson('/requests.json?status=open'))).toEqual(sorted(r.bot!, r.withUrl!, r.other!));
      expect(await getJson('/requests.json?status=open,closed')).toHaveLength(5);
      expectErrors(await get('/requests.json?status=pending'), 400, /status/);
    });

    it('filters by service_code', async () => {
      expect(ids(await getJson(`/requests.json?service_code=${other.code}`))).toEqual(sorted(r.other!));
      expect(await getJson(`/requests.json?service_code=${category.code}`)).toHaveLength(4);
      expect(await getJson('/requests.json?service_code=no-such-service')).toEqual([]);
    });

    it('filters by date range, at most 90 days; older reports only when asked for', async () => {
      const day = 86_400_000;
      const q = (from: number, to?: number) =>
        `/requests.json?start_date=${encodeURIComponent(toLocalIso(new Date(Date.now() - from * day)))}${to === undefined ? '' : `&end_date=${encodeURIComponent(toLocalIso(new Date(Date.now() - to * day)))}`}`;
      expect(ids(await getJson(q(130, 100)))).toEqual(sorted(r.old!));
      expect(ids(await getJson(`/requests.json?end_date=${encodeURIComponent(toLocalIso(new Date(Date.now() - 100 * day)))}`))).toEqual(sorted(r.old!));
      expect(await getJson(q(1))).toHaveLength(5);
      expect(await getJson(q(200))).toHaveLength(6);
      expect(await getJson('/requests.json?end_date=2000-01-01')).toEqual([]);
      expectErrors(await get(`${q(200, 1)}`), 400, /90 days/);
      expectErrors(await get(q(1, 2)), 400, /start_date/);
      expectErrors(await get('/requests.json?start_date=yesterday'), 400, /start_date/);
    });

    it('a service_request_id list overrides the other filters, and never yields hidden reports', async () => {
      const list = await getJson<Array<{ service_request_id: string }>>(
        `/requests.json?service_request_id=${r.old!.number},${r.bot!.number},${r.hidden!.number}&status=closed&service_code=${other.code}`,
      );
      expect(ids(list)).toEqual(sorted(r.old!, r.bot!));
    });

    it('filters by jurisdiction_id', async () => {
      expect(await getJson(`/requests.json?jurisdiction_id=${almaty.code}`)).toEqual([]);
      expect(await getJson(`/requests.json?jurisdiction_id=${astana.code}`)).toHaveLength(5);
      expectErrors(await get(`/requests/${r.bot!.number}.json?jurisdiction_id=${almaty.code}`), 404);
      expectErrors(await get('/requests.json?jurisdiction_id=atlantis'), 404, /jurisdiction_id/);
    });

    it('hidden reports never appear: not in lists, not by number', async () => {
      for (const url of ['/requests.json', '/requests.xml', `/requests.json?service_request_id=${r.hidden!.number}`]) {
        const res = await get(url);
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(r.hidden!.number);
        expect(res.body).not.toContain('Оскорбительный');
      }
      expectErrors(await get(`/requests/${r.hidden!.number}.json`), 404);
      const xml = await get(`/requests/${r.hidden!.number}.xml`);
      expect(xml.statusCode).toBe(404);
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      const errors = parseXml(xml.body);
      expect(errors.name).toBe('errors');
      expect(kids(errors, 'error').map((e) => field(e, 'code'))).toEqual(['404']);
    });

    it("never shows the author's name, phone, Telegram id or comments, nor staff-only files", async () => {
      const bodies = await Promise.all(
        [
          '/requests.json',
          '/requests.xml',
          `/requests/${r.bot!.number}.json`,
          `/requests/${r.bot!.number}.xml`,
          `/requests.json?service_request_id=${r.bot!.number}`,
        ].map(async (u) => (await get(u)).body),
      );
      for (const body of bodies) {
        expect(body).toContain(r.bot!.number);
        for (const secret of [
          CITIZEN.name,
          'Айгерим',
          CITIZEN.phone,
          '7017654321',
          String(CITIZEN.telegramId),
          COMMENT,
          'AgAC-secret-file',
          `/api/reports/${r.bot!.id}/evidence`,
        ]) {
          expect(body).not.toContain(secret);
        }
      }
    });
  });

  describe('formats and errors', () => {
    it('an unknown format suffix or a missing one is 404 in the Open311 error format', async () => {
      for (const url of [
        '/services.csv',
        '/discovery.yaml',
        '/requests.html',
        `/requests/${r.bot!.number}.txt`,
        `/services/${category.code}.jsonx`,
        '/services',
        '/discovery',
        '/nothing-here.json',
      ]) {
        const res = await get(url);
        expectErrors(res, 404);
        expect(res.headers['content-type'], url).toBe('application/json; charset=utf-8');
      }
    });

    it('rate-limits the public reads per client address, answering 429 as an Open311 error', async () => {
      let last = await get('/discovery.json', '192.0.2.77');
      for (let i = 0; i < 130 && last.statusCode === 200; i += 1) last = await get('/discovery.json', '192.0.2.77');
      expectErrors(last, 429, /rate limit/);
      expect((await get('/discovery.json', '192.0.2.78')).statusCode).toBe(200);
    });

    it('the Open311 routes are documented under the open311 tag, and only there', async () => {
      const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
      const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/open311/'));
      expect(paths.sort()).toEqual(
        [
          '/open311/v2/discovery.{format}',
          '/open311/v2/services.{format}',
          '/open311/v2/services/{service_code}.{format}',
          '/open311/v2/requests.{format}',
          '/open311/v2/requests/{service_request_id}.{format}',
        ].sort(),
      );
      for (const p of paths) for (const op of Object.values(doc.paths[p]!)) expect(op.tags).toEqual(['open311']);
    });
  });

  describe('POST requests', () => {
    it('refuses a missing, unknown or revoked api_key with 403, filing nothing', async () => {
      const before = await services.prisma.report.count();
      const { api_key: _k, ...withoutKey } = good();
      expectErrors(await post(withoutKey), 403, /api_key/);
      expectErrors(await post({ ...good(), api_key: 'az_not-a-real-key-at-all-000000000' }), 403, /api_key/);
      // Without a key nothing else is checked: an anonymous caller learns nothing from validation.
      expectErrors(await post({ description: 'x' }), 403);
      const revoked = await services.apiClients.create({ type: 'system' }, { name: 'Old app', regionId: astana.id });
      await services.apiClients.update({ type: 'system' }, revoked.client.id, { active: false });
      expectErrors(await post({ ...good(), api_key: revoked.key }), 403, /api_key/);
      const xml = await post(withoutKey, 'xml');
      expect(xml.statusCode).toBe(403);
      expect(kids(parseXml(xml.body), 'error').map((e) => [field(e, 'code'), field(e, 'description')])).toEqual([['403', 'api_key is required']]);
      expect(await services.prisma.report.count()).toBe(before);
    });

    it("files a report for the key's client, and the report can be read back", async () => {
      const res = await post(good({ address_string: 'ул. Кабанбай батыра, 11', media_url: 'https://example.org/manhole.jpg' }));
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as Array<{ service_request_id: string; service_notice: string; account_id: string | null }>;
      expect(body).toHaveLength(1);
      expect(body[0]!.service_request_id).toMatch(/^KZ-\d{4}-\d{6}$/);
      expect(typeof body[0]!.service_notice).toBe('string');
      expect(body[0]!.account_id).toBeNull();

      const report = await services.prisma.report.findUniqueOrThrow({
        where: { number: body[0]!.service_request_id },
        include: { evidence: true, events: true },
      });
      expect(report).toMatchObject({
        source: 'open311',
        apiClientId: clientId,
        citizenId: null,
        regionId: astana.id,
        categoryId: category.id,
        status: 'new',
        lat: 51.1282,
        lon: 71.4304,
      });
      expect(report.evidence.map((e) => ({ kind: e.kind, url: e.url }))).toEqual([{ kind: 'photo', url: 'https://example.org/manhole.jpg' }]);
      expect(report.events[0]).toMatchObject({ type: 'created', actorType: 'api_client', actorId: String(clientId) });
      expect((await services.prisma.apiClient.findUniqueOrThrow({ where: { id: clientId } })).lastUsedAt).not.toBeNull();

      const [back] = await getJson<Array<Record<string, unknown>>>(`/requests/${report.number}.json`);
      expect(back).toMatchObject({
        service_request_id: report.number,
        status: 'open',
        service_code: category.code,
        address: 'ул. Кабанбай батыра, 11',
        media_url: 'https://example.org/manhole.jpg',
        lat: 51.1282,
        long: 71.4304,
      });
    });

    it('answers in XML under <service_requests><request>', async () => {
      const res = await post(good(), 'xml');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const [request] = kids(parseXml(res.body), 'request');
      expect(field(request!, 'service_request_id')).toMatch(/^KZ-\d{4}-\d{6}$/);
      expect(kids(request!, 'service_notice')).toHaveLength(1);
      expect(kids(request!, 'account_id')).toHaveLength(1);
    });

    it('keeps none of the personal data a client may send', async () => {
      const personal = {
        email: 'aizhan@example.kz',
        first_name: 'Айжан',
        last_name: 'Садыкова',
        phone: '+77019998877',
        device_id: 'device-42-unique',
        account_id: 'account-42-unique',
      };
      const res = await post(good(personal));
      expect(res.statusCode, res.body).toBe(200);
      const number = filed(res);
      const report = await services.prisma.report.findUniqueOrThrow({ where: { number }, include: { evidence: true, events: true } });
      const audit = await services.prisma.auditLog.findMany({ where: { actorType: 'api_client' } });
      const stored = JSON.stringify({ report, audit }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
      const read = (await get(`/requests/${number}.json`)).body;
      for (const value of Object.values(personal)) {
        expect(stored).not.toContain(value);
        expect(read).not.toContain(value);
      }
    });

    it('jurisdiction_id chooses the region; without one the key needs a default region', async () => {
      const res = await post(good({ jurisdiction_id: almaty.code, lat: '43.2389', long: '76.8897' }));
      expect(res.statusCode, res.body).toBe(200);
      const number = filed(res);
      expect((await services.prisma.report.findUniqueOrThrow({ where: { number } })).regionId).toBe(almaty.id);
      expectErrors(await post(good({ api_key: keyWithoutRegion })), 400, /jurisdiction_id/);
      expect((await post(good({ api_key: keyWithoutRegion, jurisdiction_id: astana.code }))).statusCode).toBe(200);
      expectErrors(await post(good({ jurisdiction_id: 'atlantis' })), 404, /jurisdiction_id/);
    });

    it('refuses bad input with 400 and a readable description', async () => {
      const before = await services.prisma.report.count();
      expectErrors(await post(good({ lat: '55.7558', long: '37.6173' })), 400, /outside Kazakhstan/);
      expectErrors(await post(good({ lat: '51.1282', long: '' })), 400, /lat and long/);
      const { lat: _a, long: _b, ...nowhere } = good();
      expectErrors(await post(nowhere), 400, /location is required/);
      expectErrors(await post(good({ description: 'Яма' })), 400, /at least 10 characters/);
      expectErrors(await post(good({ description: 'Очень длинно. '.repeat(200) })), 400, /at most 2000 characters/);
      expectErrors(await post(good({ service_code: 'no-such-service' })), 400, /service_code/);
      expectErrors(await post(good({ lat: 'north' })), 400, /lat: expected a decimal number/);
      expectErrors(await post(good({ media_url: 'javascript:alert(1)' })), 400, /media_url/);
      const { description: _d, ...silent } = good();
      expectErrors(await post(silent), 400, /description/);
      expect(await services.prisma.report.count()).toBe(before);
    });

    it('accepts an address instead of coordinates', async () => {
      const { lat: _a, long: _b, ...rest } = good();
      const res = await post({ ...rest, address_string: 'ул. Сыганак, 18' });
      expect(res.statusCode, res.body).toBe(200);
      const number = filed(res);
      expect(await services.prisma.report.findUniqueOrThrow({ where: { number } })).toMatchObject({ lat: null, lon: null, address: 'ул. Сыганак, 18' });
    });
  });
});
