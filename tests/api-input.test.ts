// Bad input gets a clear 400, never a 500 (issue 16, findings 4 and 5): NUL and other control characters,
// ids and cursors past what the database column holds, days that do not exist, and `%`, `_` and `\`
// in text searches, which must find themselves rather than act as wildcards.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/audit/audit-log.ts';
import { bearer, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';

const system: Actor = { type: 'system' };
const INT4_OVER = '2147483648';

describe.each(dbTargets)('bad input answers 400, never 500 (%s)', (target) => {
  const api = useApiApp(target);
  const { services } = api;
  let key: string;
  let categoryCode: string;
  let regionId: number;
  let addr = 0;
  const anywhere = () => `172.20.${Math.floor(addr / 250) % 250}.${(addr++ % 250) + 1}`;
  const get = (url: string, lang = 'ru') =>
    api.app.inject({ method: 'GET', url, headers: { ...bearer(api.adminToken), 'accept-language': lang }, remoteAddress: anywhere() });
  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown, lang = 'ru') =>
    api.app.inject({ method, url, payload: payload as object, headers: { ...bearer(api.adminToken), 'accept-language': lang }, remoteAddress: anywhere() });

  beforeAll(async () => {
    const region = await services.prisma.region.findFirstOrThrow({ where: { code: 'astana' }, include: { districts: true } });
    regionId = region.id;
    const category = await services.prisma.category.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } });
    categoryCode = category.code;
    key = (await services.apiClients.create(system, { name: 'city app', regionId })).key;
    const report = (description: string) =>
      services.reports.create(system, { source: 'staff', categoryId: category.id, regionId, districtId: region.districts[0]!.id, evidence: [], description });
    await report('Скидка 100% на ремонт дороги обещана, но яма на месте');
    await report('Яма на дороге у дома номер 100 по улице Абая уже месяц');
    await report('Указатель snake_case висит на остановке вместо названия');
    await report('Указатель snakeXcase висит на остановке вместо названия');
    await report('Путь C:\\temp на табличке у школы вместо номера дома');
  });

  describe('NUL and other control characters', () => {
    it('a public Open311 search for service_code=%00 answers 400 in the Open311 error format', async () => {
      for (const query of ['service_code=%00', 'service_request_id=KZ%00', 'jurisdiction_id=astana%01']) {
        const res = await api.app.inject({ method: 'GET', url: `/open311/v2/requests.json?${query}`, remoteAddress: anywhere() });
        expect(res.statusCode, query).toBe(400);
        expect(res.json()).toEqual([{ code: 400, description: expect.stringMatching(/control characters/) }]);
      }
      expect((await api.app.inject({ method: 'GET', url: '/open311/v2/requests/KZ%00.json', remoteAddress: anywhere() })).statusCode).toBe(404);
    });

    it('an Open311 report whose description holds NUL is refused with 400 and nothing is filed', async () => {
      const before = await services.prisma.report.count();
      const res = await api.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: key,
          service_code: categoryCode,
          address_string: 'ул. Абая, 1',
          description: 'Открытый люк\u0000 на тротуаре у школы',
        }).toString(),
        remoteAddress: anywhere(),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()[0].description).toMatch(/^description: .*control characters/);
      expect(await services.prisma.report.count()).toBe(before);
    });

    it('the staff API names the field in Kazakh or Russian (input.control_characters) and stores nothing', async () => {
      const topic = await services.prisma.consultationTopic.findFirstOrThrow();
      const article = { topicId: topic.id, titleKk: 'Салық', titleRu: 'Налог\u0000', bodyKk: 'Жауап мәтіні', bodyRu: 'Текст ответа' };
      const ru = await send('POST', '/api/faq', article, 'ru');
      expect(ru.statusCode).toBe(400);
      expect(ru.json().error).toMatchObject({
        code: 'input.control_characters',
        message: 'Поле body.titleRu содержит управляющие символы (например, нулевой байт). Уберите их и повторите.',
      });
      expect(ru.json().error.details).toEqual([{ path: 'body.titleRu', code: 'input.control_characters', params: {}, message: expect.any(String) }]);
      const kk = await send('POST', '/api/faq', { ...article, titleRu: 'Налог', bodyKk: 'Жауап\u001b[2J' }, 'kk');
      expect(kk.json().error.message).toBe('body.bodyKk өрісінде басқару таңбалары бар (мысалы, нөлдік байт). Оларды алып тастап, қайталаңыз.');
      expect((await get('/api/reports?q=%07', 'ru')).json().error.code).toBe('input.control_characters');
      expect(await services.prisma.faqArticle.count()).toBe(0);
      // tabs and line breaks are text, not control input
      expect((await send('POST', '/api/faq', { ...article, titleRu: 'Налог', bodyRu: 'Строка 1\r\n\tСтрока 2' })).statusCode).toBe(201);
    });
  });

  describe('ids and cursors bounded to the column', () => {
    it('an id or cursor past 2^31 − 1 answers 400 validation on every kind of route, 2^31 − 1 itself a plain 404', async () => {
      const urls = [
        `/api/reports/${INT4_OVER}`,
        `/api/reports?cursor=${INT4_OVER}`,
        `/api/reports?regionId=${INT4_OVER}`,
        `/api/reports/1/evidence/${INT4_OVER}`,
        `/api/questions/${INT4_OVER}`,
        `/api/questions?cursor=${INT4_OVER}`,
        `/api/questions?consultant=${INT4_OVER}`,
        `/api/faq/${INT4_OVER}`,
        `/api/faq?cursor=${INT4_OVER}`,
        `/api/consultations/${INT4_OVER}`,
        `/api/consultations?cursor=${INT4_OVER}`,
        `/api/notices?cursor=${INT4_OVER}`,
        `/api/audit?cursor=9223372036854775808`,
        `/api/projects/9007199254740991`,
      ];
      for (const url of urls) {
        const res = await get(url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('validation');
      }
      expect((await get('/api/reports/2147483647')).statusCode).toBe(404);
      expect((await get('/api/audit?cursor=9223372036854775807')).statusCode).toBe(200);
    });

    it('an id past 2^31 − 1 in a JSON body answers 400 naming the field, and changes nothing', async () => {
      const res = await send('POST', '/api/api-clients', { name: 'partner', regionId: 2 ** 31 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.regionId']);
      const [first] = await services.prisma.report.findMany({ orderBy: { id: 'asc' }, take: 1 });
      const dup = await send('POST', `/api/reports/${first!.id}/status`, { to: 'duplicate', duplicateOfId: 2 ** 40 });
      expect(dup.statusCode).toBe(400);
      expect((await services.prisma.report.findUniqueOrThrow({ where: { id: first!.id } })).status).toBe('new');
    });
  });

  describe('days that do not exist', () => {
    it('from=2026-02-30 is refused with input.bad_date in both languages; 29 February of a leap year is a day', async () => {
      const ru = await get('/api/reports?from=2026-02-30');
      expect(ru.statusCode).toBe(400);
      expect(ru.json().error).toMatchObject({ code: 'input.bad_date', message: expect.stringMatching(/^Поле querystring\.from: такой даты нет в календаре/) });
      const kk = await get('/api/reports?from=2026-02-30', 'kk');
      expect(kk.json().error.message).toMatch(/^querystring\.from өрісіндегі күн күнтізбеде жоқ/);
      for (const url of [
        '/api/audit?to=2026-04-31T10:00:00%2B05:00',
        '/api/questions?from=2026-13-01',
        '/api/analytics/civic-control?from=2025-02-29',
        '/api/consultations?from=0000-01-01',
        '/api/calendar/add-working-days?from=2026-06-31&days=1',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error.code, url).toBe('input.bad_date');
      }
      expect((await get('/api/reports?from=2028-02-29')).statusCode).toBe(200);
      expect((await get('/api/reports?from=2026-02-28T10:00:00%2B05:00')).statusCode).toBe(200);
    });

    it('an Open311 start_date of 30 February, or past year 2199, is a 400, not some other day', async () => {
      for (const d of ['2026-02-30', '2026-02-30T00:00:00%2B05:00', '%2B275760-09-13T00:00:00Z']) {
        const res = await api.app.inject({ method: 'GET', url: `/open311/v2/requests.json?start_date=${d}`, remoteAddress: anywhere() });
        expect(res.statusCode, d).toBe(400);
      }
    });

    it('a day in year 0, which PostgreSQL does not have, or a wave closing in year 275760 is refused, not stored', async () => {
      const res = await send('PUT', '/api/calendar/0000-01-01', { kind: 'holiday', nameKk: 'x', nameRu: 'x' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('input.bad_date');
      const wave = (closesAt: string) =>
        send('POST', '/api/polls/1/waves', { labelKk: 'Бастапқы', labelRu: 'Базовая', opensAt: '2027-01-15T09:00:00Z', closesAt });
      const farAway = await wave('+275760-09-13T00:00:00Z');
      expect(farAway.statusCode).toBe(400);
      expect(farAway.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.closesAt']);
      expect((await wave('2027-02-30T10:00:00+05:00')).json().error.code).toBe('input.bad_date');
    });
  });

  describe('text search', () => {
    const found = async (q: string) =>
      ((await get(`/api/reports?q=${encodeURIComponent(q)}`)).json().items as Array<{ description: string }>).map((r) => r.description).sort();

    it('% and _ and \\ in a report search find themselves, not everything', async () => {
      expect(await found('100%')).toEqual(['Скидка 100% на ремонт дороги обещана, но яма на месте']);
      expect(await found('%')).toEqual(['Скидка 100% на ремонт дороги обещана, но яма на месте']);
      expect(await found('snake_case')).toEqual(['Указатель snake_case висит на остановке вместо названия']);
      expect(await found('C:\\temp')).toEqual(['Путь C:\\temp на табличке у школы вместо номера дома']);
      expect(await found('\\')).toEqual(['Путь C:\\temp на табличке у школы вместо номера дома']);
      expect(await found('100')).toHaveLength(2);
    });

    it('% in a project search finds the project that has it', async () => {
      const project = (nameRu: string) => ({
        nameKk: nameRu,
        nameRu,
        supplierName: 'ҚБ «Жарқын болашақ»',
        contractSum: 1200,
        startsOn: '2026-03-01',
        endsOn: '2026-11-30',
        areaId: 3,
        regionId,
      });
      for (const name of ['Софинансирование 50% школьных кружков', 'Кружки к 50-летию школы'])
        expect((await send('POST', '/api/projects', project(name))).statusCode).toBe(200);
      const res = await get('/api/projects?q=50%25');
      expect(res.json().items.map((p: { nameRu: string }) => p.nameRu)).toEqual(['Софинансирование 50% школьных кружков']);
    });

    it('an audit prefix with _ matches the underscore only', async () => {
      await services.prisma.auditLog.createMany({
        data: [
          { actorType: 'system', action: 'x_y.one', entity: 'test' },
          { actorType: 'system', action: 'xzy.two', entity: 'test' },
        ],
      });
      const items = (await get('/api/audit?entity=test&action=x_*')).json().items as Array<{ action: string }>;
      expect(items.map((i) => i.action)).toEqual(['x_y.one']);
    });
  });
});
