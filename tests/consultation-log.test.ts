// The consultation log (DOMAIN.md, seed 002): consultations given by phone, in person or online are
// logged and corrected by staff; entries of the bot follow their question and are not edited by hand.
// Totals per group and reporting period (Almaty dates) with exact numbers on a fixture, and the CSV and
// XLSX exports with Kazakh or Russian headers.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationTopic, StaffUser } from '../generated/prisma/client.ts';
import type { Actor } from '../core/audit/audit-log.ts';
import { bearer as as, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';

const system: Actor = { type: 'system' };
const at = (local: string) => new Date(`${local}+05:00`);
const BOM = '\uFEFF';

describe.each(dbTargets)('consultation log (%s)', (target) => {
  const api = useApiApp(target);
  const { services, app, prisma } = api;
  let admin: string;
  let regionA: { id: number; nameRu: string; nameKk: string };
  let regionB: number;
  let topicA: ConsultationTopic;
  let topicB: ConsultationTopic;
  const people: Record<string, { user: StaffUser; token: string }> = {};

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, token = admin) =>
    app.inject({ method, url, headers: as(token), ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
  const offline = (extra: object = {}) => ({
    date: '2026-03-02T10:30:00+05:00',
    channel: 'phone',
    topicId: topicA.id,
    askerGroup: 'ngo',
    summary: 'Как составить смету гранта',
    result: 'answered',
    responseMinutes: 0,
    satisfaction: 5,
    ...extra,
  });

  async function account(login: string, roles: Array<'consultant' | 'operator'>, regionId?: number) {
    const password = `${login}-password-1`;
    const user = await services.staff.create(system, { login, fullName: `Кеңесші ${login}`, password, roles, regionId });
    people[login] = { user, token: await api.signIn(login, password) };
  }

  beforeAll(async () => {
    admin = api.adminToken;
    const regions = await prisma.region.findMany({ orderBy: { id: 'asc' } });
    regionA = regions[0]!;
    regionB = regions[1]!.id;
    const topics = await prisma.consultationTopic.findMany({ orderBy: { sort: 'asc' } });
    [topicA, topicB] = [topics[0]!, topics[1]!];
    await account('log-a', ['consultant'], regionA.id);
    await account('log-a2', ['consultant'], regionA.id);
    await account('log-b', ['consultant'], regionB);
    await account('log-op', ['operator']);
  });

  describe('offline consultations', () => {
    it('logs one with the consultant and their region by default; it is audited and listed', async () => {
      const res = await send('POST', '/api/consultations', offline(), people['log-a']!.token);
      expect(res.statusCode, res.body).toBe(201);
      const entry = res.json();
      expect(entry).toMatchObject({
        date: at('2026-03-02T10:30:00').toISOString(),
        channel: 'phone',
        topic: { id: topicA.id, nameRu: topicA.nameRu },
        askerGroup: 'ngo',
        region: { id: regionA.id },
        consultant: { id: people['log-a']!.user.id },
        questionId: null,
        questionNumber: null,
        summary: 'Как составить смету гранта',
        result: 'answered',
        responseMinutes: 0,
        satisfaction: 5,
        createdById: people['log-a']!.user.id,
      });
      expect(await prisma.auditLog.count({ where: { action: 'consultation.create', entityId: String(entry.id) } })).toBe(1);
      const list = await send('GET', '/api/consultations?channel=phone', undefined, people['log-a']!.token);
      expect(list.json().items.map((i: { id: number }) => i.id)).toContain(entry.id);
      // A day is taken as its start in Almaty.
      const dayOnly = await send('POST', '/api/consultations', offline({ date: '2026-03-03', satisfaction: null }), people['log-a']!.token);
      expect(dayOnly.json()).toMatchObject({ date: at('2026-03-03T00:00:00').toISOString(), satisfaction: null });
    });

    it('refuses the bot channel, a future date, empty and oversized summaries, bad scores, others’ names and other regions', async () => {
      const cases: Array<[object, number, string, string?]> = [
        [{ channel: 'bot' }, 400, 'validation'],
        [{ date: '2099-01-01T10:00:00+05:00' }, 400, 'consultation.future_date'],
        [{ date: '2026-02-30T10:00:00+05:00' }, 400, 'input.bad_date'],
        [{ date: 'вчера' }, 400, 'validation'],
        [{ summary: '' }, 400, 'consultation.summary_empty'],
        [{ summary: 'с'.repeat(501) }, 400, 'consultation.summary_long'],
        [{ satisfaction: 6 }, 400, 'validation'],
        [{ responseMinutes: -1 }, 400, 'validation'],
        [{ result: 'self_served' }, 400, 'validation'],
        [{ topicId: 999_999 }, 400, 'consultation.unknown_topic'],
        [{ consultantId: people['log-a2']!.user.id }, 403, 'consultation.not_own'],
        [{ regionId: regionB }, 403, 'auth.out_of_scope'],
      ];
      const before = await prisma.consultation.count();
      for (const [extra, status, code] of cases) {
        const res = await send('POST', '/api/consultations', offline(extra), people['log-a']!.token);
        expect(res.statusCode, code).toBe(status);
        expect(res.json().error.code).toBe(code);
      }
      expect(await prisma.consultation.count()).toBe(before);
      expect((await send('POST', '/api/consultations', offline(), people['log-op']!.token)).statusCode).toBe(403);
    });

    it('an admin logs for a consultant (a paper log), but only for an active consultant of the region', async () => {
      const ok = await send('POST', '/api/consultations', offline({ consultantId: people['log-a2']!.user.id, regionId: regionA.id }));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ consultant: { id: people['log-a2']!.user.id }, region: { id: regionA.id } });
      for (const consultantId of [people['log-b']!.user.id, people['log-op']!.user.id]) {
        const bad = await send('POST', '/api/consultations', offline({ consultantId, regionId: regionA.id }));
        expect(bad.json().error.code).toBe('consultation.bad_consultant');
      }
    });

    it('corrects one’s own offline entry (audited); never an entry of the bot, nor a colleague’s', async () => {
      const entry = (await send('POST', '/api/consultations', offline(), people['log-a']!.token)).json();
      const res = await send(
        'PATCH',
        `/api/consultations/${entry.id}`,
        { satisfaction: 3, channel: 'in_person', summary: 'Смета гранта на 2026 год' },
        people['log-a']!.token,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ satisfaction: 3, channel: 'in_person', summary: 'Смета гранта на 2026 год', askerGroup: 'ngo' });
      expect(await prisma.auditLog.findFirstOrThrow({ where: { action: 'consultation.update', entityId: String(entry.id) } })).toMatchObject({
        before: { satisfaction: 5, channel: 'phone' },
        after: { satisfaction: 3, channel: 'in_person' },
      });

      const colleague = await send('PATCH', `/api/consultations/${entry.id}`, { satisfaction: 1 }, people['log-a2']!.token);
      expect(colleague.statusCode).toBe(403);
      expect(colleague.json().error.code).toBe('consultation.not_own');
      expect((await send('PATCH', `/api/consultations/${entry.id}`, { satisfaction: 1 }, people['log-b']!.token)).json().error.code).toBe('auth.out_of_scope');
      expect((await send('PATCH', `/api/consultations/${entry.id}`, { summary: ' ' }, people['log-a']!.token)).json().error.code).toBe(
        'consultation.summary_empty',
      );

      const bot = await prisma.consultation.create({
        data: { date: at('2026-03-01T10:00:00'), channel: 'bot', topicId: topicA.id, askerGroup: 'individual', summary: 'из бота', result: 'answered' },
      });
      const refused = await send('PATCH', `/api/consultations/${bot.id}`, { satisfaction: 5 });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('consultation.not_offline');
      expect((await prisma.consultation.findUniqueOrThrow({ where: { id: bot.id } })).satisfaction).toBeNull();
    });
  });

  describe('totals and exports on a fixture (2025)', () => {
    // Almaty times; e5 is 1 April in Almaty but still 31 March in UTC.
    const fixture = () =>
      [
        {
          key: 'e1',
          date: at('2025-01-10T10:00:00'),
          topicId: topicA.id,
          channel: 'bot',
          askerGroup: 'ngo',
          satisfaction: 5,
          responseMinutes: 60,
          regionId: regionA.id,
        },
        {
          key: 'e2',
          date: at('2025-01-20T12:00:00'),
          topicId: topicA.id,
          channel: 'phone',
          askerGroup: 'individual',
          satisfaction: 3,
          responseMinutes: 30,
          regionId: regionA.id,
        },
        {
          key: 'e3',
          date: at('2025-02-05T09:00:00'),
          topicId: topicB.id,
          channel: 'in_person',
          askerGroup: 'ngo',
          satisfaction: 4,
          responseMinutes: null,
          regionId: null,
        },
        {
          key: 'e4',
          date: at('2025-03-31T23:30:00'),
          topicId: topicA.id,
          channel: 'bot',
          askerGroup: 'business',
          satisfaction: null,
          responseMinutes: 120,
          regionId: regionA.id,
        },
        {
          key: 'e5',
          date: at('2025-04-01T00:30:00'),
          topicId: topicB.id,
          channel: 'online_meeting',
          askerGroup: 'ngo',
          satisfaction: 2,
          responseMinutes: 15,
          regionId: regionB,
        },
        {
          key: 'e6',
          date: at('2025-05-15T15:00:00'),
          topicId: topicA.id,
          channel: 'bot',
          askerGroup: 'ngo',
          satisfaction: 5,
          responseMinutes: 90,
          regionId: regionA.id,
        },
        {
          key: 'e7',
          date: at('2025-07-01T11:00:00'),
          topicId: topicA.id,
          channel: 'phone',
          askerGroup: 'individual',
          satisfaction: 4,
          responseMinutes: 10,
          regionId: regionA.id,
        },
      ] as const;
    const range = 'from=2025-01-01&to=2025-12-31';

    beforeAll(async () => {
      for (const { key, ...e } of fixture()) {
        await prisma.consultation.create({
          data: { ...e, summary: `Вопрос ${key}; «кавычки», запятая`, result: key === 'e5' ? 'referred' : 'answered', consultantId: people['log-a']!.user.id },
        });
      }
    });

    const totals = async (query: string, token = admin) => {
      const res = await send('GET', `/api/consultations/totals?${range}&${query}`, undefined, token);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const cell = (
      count: number,
      rated: number,
      averageSatisfaction: number | null,
      satisfiedShare: number | null,
      responded: number,
      medianResponseMinutes: number | null,
    ) => ({
      count,
      rated,
      averageSatisfaction,
      satisfiedShare,
      responded,
      medianResponseMinutes,
    });

    it('per topic and quarter: counts, average score, share satisfied among the rated, median response time', async () => {
      const t = await totals('groupBy=topic&period=quarter');
      expect(t.rows.map((r: { period: string; group: { id: number } }) => [r.period, r.group.id])).toEqual([
        ['2025-Q1', topicA.id],
        ['2025-Q1', topicB.id],
        ['2025-Q2', topicA.id],
        ['2025-Q2', topicB.id],
        ['2025-Q3', topicA.id],
      ]);
      expect(t.rows.map((r: object) => ({ ...r, period: undefined, group: undefined }))).toEqual([
        // e1, e2, e4: scores 5 and 3 (e4 unrated); minutes 60, 30, 120
        { ...cell(3, 2, 4, 0.5, 3, 60), period: undefined, group: undefined },
        // e3: one score of 4, no response time
        { ...cell(1, 1, 4, 1, 0, null), period: undefined, group: undefined },
        { ...cell(1, 1, 5, 1, 1, 90), period: undefined, group: undefined },
        // e5 falls in April by Almaty time
        { ...cell(1, 1, 2, 0, 1, 15), period: undefined, group: undefined },
        { ...cell(1, 1, 4, 1, 1, 10), period: undefined, group: undefined },
      ]);
      expect(t.rows[0].group).toEqual({ key: `topic:${topicA.id}`, id: topicA.id, nameKk: topicA.nameKk, nameRu: topicA.nameRu });
      // All seven: scores 5,3,4,2,5,4 → 23/6; 4 of 6 satisfied; minutes 10,15,30,60,90,120 → (30+60)/2.
      expect(t.total).toEqual(cell(7, 6, 3.83, 0.6667, 6, 45));
    });

    it('per target group and half-year, per channel and month, per topic and year', async () => {
      const halves = await totals('groupBy=askerGroup&period=half');
      expect(
        halves.rows.map(
          (r: {
            period: string;
            group: { key: string };
            count: number;
            averageSatisfaction: number;
            satisfiedShare: number;
            medianResponseMinutes: number;
          }) => [r.period, r.group.key, r.count, r.averageSatisfaction, r.satisfiedShare, r.medianResponseMinutes],
        ),
      ).toEqual([
        ['2025-H1', 'individual', 1, 3, 0, 30],
        ['2025-H1', 'ngo', 4, 4, 0.75, 60],
        ['2025-H1', 'business', 1, null, null, 120],
        ['2025-H2', 'individual', 1, 4, 1, 10],
      ]);
      const months = await totals('groupBy=channel&period=month');
      expect(months.rows.map((r: { period: string; group: { key: string }; count: number }) => `${r.period} ${r.group.key} ${r.count}`)).toEqual([
        '2025-01 bot 1',
        '2025-01 phone 1',
        '2025-02 in_person 1',
        '2025-03 bot 1',
        '2025-04 online_meeting 1',
        '2025-05 bot 1',
        '2025-07 phone 1',
      ]);
      const year = await totals('groupBy=topic&period=year');
      expect(year.rows[0]).toMatchObject({ period: '2025', group: { id: topicA.id }, ...cell(5, 4, 4.25, 0.75, 5, 60) });
      const byConsultant = await totals('groupBy=consultant&period=year');
      expect(byConsultant.rows).toEqual([
        expect.objectContaining({ group: expect.objectContaining({ id: people['log-a']!.user.id, nameRu: 'Кеңесші log-a' }), count: 7 }),
      ]);
    });

    it('respects the filters and the consultant’s region (entries without a region are everyone’s)', async () => {
      expect((await totals('groupBy=region&period=year', people['log-b']!.token)).total.count).toBe(2);
      const regions = await totals('groupBy=region&period=year');
      expect(regions.rows.map((r: { group: { key: string }; count: number }) => [r.group.key, r.count])).toEqual([
        [`region:${regionA.id}`, 5],
        [`region:${regionB}`, 1],
        ['region:none', 1],
      ]);
      expect((await totals('groupBy=topic&period=year&channel=bot')).total.count).toBe(3);
      expect((await totals('groupBy=topic&period=year&result=referred')).total.count).toBe(1);
      const march = await send('GET', '/api/consultations?from=2025-03-31&to=2025-03-31');
      expect(march.json().items.map((i: { summary: string }) => i.summary)).toEqual(['Вопрос e4; «кавычки», запятая']);
    });

    it('exports the log as CSV with Russian headers, Almaty dates and names in Russian', async () => {
      const res = await send('GET', `/api/consultations/export?format=csv&lang=ru&${range}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('.csv');
      const lines = res.body.replace(BOM, '').split('\r\n');
      expect(lines[0]).toBe('Журнал консультаций ресурсного центра');
      expect(lines[1]).toBe(
        'Дата;Канал;Тема;Целевая группа;Регион;Консультант;Содержание вопроса;Результат;"Время ответа, мин";Оценка удовлетворённости (1–5)',
      );
      expect(lines.length).toBe(2 + 7 + 1);
      expect(lines[6]).toBe(
        `01.04.2025 00:30;Онлайн-встреча;${topicB.nameRu};Представитель НПО;${(await prisma.region.findUniqueOrThrow({ where: { id: regionB } })).nameRu};Кеңесші log-a;"Вопрос e5; «кавычки», запятая";Перенаправлен в другую организацию;15;2`,
      );
      expect(lines[3]).toBe(
        `20.01.2025 12:00;Телефон;${topicA.nameRu};Частное лицо;${regionA.nameRu};Кеңесші log-a;"Вопрос e2; «кавычки», запятая";Дан ответ;30;3`,
      );
    });

    it('exports the log as XLSX with Kazakh headers', async () => {
      const res = await send('GET', `/api/consultations/export?format=xlsx&lang=kk&${range}`);
      expect(res.statusCode).toBe(200);
      const files = unzipSync(res.rawPayload);
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      for (const header of [
        'Күні',
        'Байланыс арнасы',
        'Тақырыбы',
        'Нысаналы топ',
        'Өңір',
        'Кеңесші',
        'Сұрақтың мазмұны',
        'Нәтижесі',
        'Жауап беру уақыты, мин',
        'Қанағаттану бағасы (1–5)',
      ]) {
        expect(sheet).toContain(`<t xml:space="preserve">${header}</t>`);
      }
      expect(sheet).toContain('Онлайн кездесу');
      expect(sheet).toContain(topicB.nameKk);
      expect(strFromU8(files['xl/workbook.xml']!)).toContain('Кеңестер журналы');
    });

    it('exports the totals per quarter with labels, percentages and the total row, in Russian and Kazakh', async () => {
      const res = await send('GET', `/api/consultations/totals/export?format=csv&lang=ru&groupBy=topic&period=quarter&${range}`);
      expect(res.statusCode, res.body).toBe(200);
      const lines = res.body.replace(BOM, '').split('\r\n');
      expect(lines[0]).toBe('Свод консультаций ресурсного центра (Тема)');
      expect(lines[1]).toBe('Период;Тема;Консультаций;С оценкой;Средняя оценка;Доля удовлетворённых (оценки 4–5);"Медиана времени первого ответа, мин"');
      expect(lines.slice(2, 8)).toEqual([
        `I квартал 2025;${topicA.nameRu};3;2;4;50%;60`,
        `I квартал 2025;${topicB.nameRu};1;1;4;100%;`,
        `II квартал 2025;${topicA.nameRu};1;1;5;100%;90`,
        `II квартал 2025;${topicB.nameRu};1;1;2;0%;15`,
        `III квартал 2025;${topicA.nameRu};1;1;4;100%;10`,
        'Итого;;7;6;3.83;66.67%;45',
      ]);
      const kk = await send('GET', `/api/consultations/totals/export?format=csv&lang=kk&groupBy=channel&period=half&${range}`);
      const kkLines = kk.body.replace(BOM, '').split('\r\n');
      expect(kkLines[1]).toBe(
        'Кезең;Байланыс арнасы;Кеңестер саны;Бағаланғаны;Орташа баға;Қанағаттанғандар үлесі (4–5 баға);"Алғашқы жауап уақытының медианасы, мин"',
      );
      expect(kkLines[2]).toBe('2025 ж. 1-жартыжылдық;Telegram-бот;3;2;5;100%;90');
      const xlsx = await send('GET', `/api/consultations/totals/export?format=xlsx&lang=kk&groupBy=topic&period=year&${range}`);
      expect(strFromU8(unzipSync(xlsx.rawPayload)['xl/workbook.xml']!)).toContain('Кеңестер жиынтығы');
    });

    it('refuses bad totals parameters and non-consultants', async () => {
      for (const query of ['groupBy=colour', 'period=week', 'from=2025-13-01', 'format=pdf']) {
        const res = await send('GET', `/api/consultations/totals/export?${query}`);
        expect(res.statusCode, query).toBe(400);
      }
      expect((await send('GET', '/api/consultations/totals', undefined, people['log-op']!.token)).statusCode).toBe(403);
      expect((await send('GET', '/api/consultations/export', undefined, people['log-op']!.token)).statusCode).toBe(403);
    });
  });
});
