// The grant report's participant statistics (seed 004, DOMAIN.md § "Grant report statistics") on a fixture
// checked cell by cell: persons registered by the period end, each once in every table, "not stated" for
// unknown or withheld values, "under 8" for young children, every table summing to the total; the events
// table of the period; the XLSX in Kazakh and Russian.
import { beforeAll, describe, expect, it } from 'vitest';
import { ageBracketOf } from '../core/projects/age-brackets.ts';
import { assertSums, tally } from '../core/projects/grant-stats.ts';
import type { Gender } from '../generated/prisma/enums.ts';
import { dbTargets } from './helpers/db.ts';
import { actor, cellValue, principal, projectInput, useProjectApi, xlsxSheets } from './helpers/project-fixtures.ts';

const at = (local: string) => new Date(`${local}+05:00`);

describe('age brackets of the form', () => {
  const end = at('2026-06-30T23:59:59');
  it.each([
    [2020, 'under-8'],
    [2019, 'under-8'],
    [2018, 'age-8-12'],
    [2014, 'age-8-12'],
    [2013, 'age-13-16'],
    [2010, 'age-13-16'],
    [2009, 'age-17-22'],
    [2004, 'age-17-22'],
    [2003, 'age-23-27'],
    [1999, 'age-23-27'],
    [1998, 'age-28-32'],
    [1994, 'age-28-32'],
    [1993, 'age-33-45'],
    [1981, 'age-33-45'],
    [1980, 'age-46-58'],
    [1968, 'age-46-58'],
    [1967, 'age-59-plus'],
    [1920, 'age-59-plus'],
  ])('born %i → %s in 2026', (year, code) => expect(ageBracketOf(year, end)).toBe(code));
  it('is unknown without a birth year or with one after the date', () => {
    expect(ageBracketOf(null, end)).toBeNull();
    expect(ageBracketOf(undefined, end)).toBeNull();
    expect(ageBracketOf(2027, end)).toBeNull();
  });
  it('uses the Almaty year: 31 December 20:00 UTC is already the next year', () => {
    expect(ageBracketOf(2018, new Date('2025-12-31T20:00:00Z'))).toBe('age-8-12');
    expect(ageBracketOf(2018, new Date('2025-12-31T18:00:00Z'))).toBe('under-8');
  });
  it('refuses a table that does not add up', () => {
    const t = tally([{ gender: 'male', birthYear: 1990, socialStatus: 'youth' }], end);
    expect(() => assertSums({ ...t, total: 2 })).toThrow(/sums to 1, not to the total 2/);
  });
});

describe.each(dbTargets)('grant-report statistics (%s)', (target) => {
  const api = useProjectApi(target);
  const ADMIN = principal(1, ['admin']);
  let projectId: number;
  let token: string;

  beforeAll(async () => {
    const { services } = api;
    const almatyId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
    token = (await api.account('pm', ['project_manager'], almatyId)).token;
    const p = await services.projects.admin.create(actor(ADMIN), ADMIN, projectInput(almatyId));
    projectId = p.id;
    await services.projects.admin.activate(actor(ADMIN), ADMIN, p.id);
    const imported = (n: number, joined: string, gender: Gender | null, birthYear: number | null, socialStatus: string | null) =>
      services.prisma.projectBeneficiary.create({
        data: { projectId, source: 'import', externalRef: `id:${n}`, fullName: `Person ${n}`, gender, birthYear, socialStatus, joinedAt: at(joined) },
      });
    await imported(1, '2026-03-01T10:00:00', 'male', 1990, 'unemployed');
    await imported(2, '2026-03-02T10:00:00', 'female', 2015, 'children');
    await imported(3, '2026-03-03T10:00:00', 'female', 2020, 'children');
    await imported(4, '2026-03-04T10:00:00', null, 1967, 'older-people');
    await imported(5, '2026-03-05T10:00:00', 'unstated', 1968, null);
    await imported(6, '2026-03-06T10:00:00', 'male', null, 'astronauts');
    // bot registrations: the values come from the citizen's profile (8 chose "prefer not to say" everywhere)
    const citizen = async (n: number, joined: string, profile: { gender: Gender; birthYear: number | null; socialStatus: string | null }) => {
      const c = await services.citizens.giveConsent(800_000_000 + n, 'kk', `Citizen ${n}`);
      await services.prisma.citizen.update({ where: { id: c.id }, data: { ...profile, profileAskedAt: at(joined) } });
      await services.prisma.projectBeneficiary.create({ data: { projectId, citizenId: c.id, source: 'invitation', joinedAt: at(joined) } });
    };
    await citizen(7, '2026-04-01T10:00:00', { gender: 'female', birthYear: 2003, socialStatus: 'youth' });
    await citizen(8, '2026-04-02T10:00:00', { gender: 'unstated', birthYear: null, socialStatus: null });
    await imported(9, '2026-06-30T23:59:00', 'male', 2018, 'other');
    // joined a minute after the period: not a participant of it
    await imported(10, '2026-07-01T00:01:00', 'male', 1990, 'unemployed');

    const event = (heldOn: string, participants: number, form: string) =>
      services.projects.admin.addEvent(actor(ADMIN), ADMIN, projectId, { heldOn, place: 'Алматы, Абай к-сі 1', form, participants, completeness: 'Толық' });
    await event('2026-03-10', 25, 'Семинар');
    await event('2026-05-20', 40, 'Тренинг');
    await event('2026-06-30', 15, 'Дөңгелек үстел');
    await event('2026-07-15', 99, 'Форум');
  });

  const stats = async (query: string) => {
    const res = await api.call('GET', `/api/projects/${projectId}/grant-stats${query}`, token);
    expect(res.status, res.text).toBe(200);
    return res.json();
  };
  const cells = (xs: Array<{ code: string; count: number }>) => Object.fromEntries(xs.map((x) => [x.code, x.count]));

  it('counts each person once per table, "not stated" and "under 8" included, and every table sums to the total', async () => {
    const s = await stats('?from=2026-02-01&to=2026-06-30');
    expect(s.total).toBe(9);
    expect(s.gender).toEqual({ total: 9, male: 3, female: 3, notStated: 3 });
    expect(cells(s.socialStatus)).toEqual({
      children: 2,
      youth: 1,
      'civil-servants': 0,
      'public-sector-employees': 0,
      'people-with-disabilities': 0,
      'older-people': 1,
      unemployed: 1,
      'ngo-representatives': 0,
      'business-representatives': 0,
      other: 1,
      'not-stated': 3,
    });
    expect(s.socialStatus.map((x: { code: string }) => x.code).at(-1)).toBe('not-stated');
    expect(cells(s.age)).toEqual({
      'under-8': 1,
      'age-8-12': 2,
      'age-13-16': 0,
      'age-17-22': 0,
      'age-23-27': 1,
      'age-28-32': 0,
      'age-33-45': 1,
      'age-46-58': 1,
      'age-59-plus': 1,
      'not-stated': 2,
    });
    const sum = (xs: Array<{ count: number }>) => xs.reduce((a, x) => a + x.count, 0);
    expect([s.gender.male + s.gender.female + s.gender.notStated, sum(s.socialStatus), sum(s.age)]).toEqual([9, 9, 9]);
    expect(s.events.map((e: { heldOn: string; participants: number }) => [e.heldOn, e.participants])).toEqual([
      ['2026-03-10', 25],
      ['2026-05-20', 40],
      ['2026-06-30', 15],
    ]);
    expect(s.eventParticipants).toBe(80);
  });

  it('takes the whole project period by default, where the later person counts too', async () => {
    const s = await stats('');
    expect(s.period).toEqual({ from: '2026-02-01', to: '2026-11-30' });
    expect([s.total, s.gender.male, cells(s.socialStatus).unemployed, s.eventParticipants]).toEqual([10, 4, 2, 179]);
    const bad = await api.call('GET', `/api/projects/${projectId}/grant-stats?from=2026-06-01&to=2026-05-01`, token);
    expect([bad.status, bad.json().error.code]).toEqual([400, 'project.bad_stats_period']);
  });

  it('exports the four tables as XLSX in Russian and Kazakh', async () => {
    const ru = await api.call('GET', `/api/projects/${projectId}/grant-stats/export?from=2026-02-01&to=2026-06-30&lang=ru`, token);
    expect(ru.status).toBe(200);
    const s = xlsxSheets(ru.body);
    expect(Object.keys(s).sort()).toEqual(['sheet1.xml', 'sheet2.xml', 'sheet3.xml', 'sheet4.xml']);
    expect(cellValue(s['sheet1.xml']!, 'A1')).toContain('Статистика участников по полу — «Правовая помощь молодёжи», 01.02.2026 — 30.06.2026');
    expect(['A2', 'B2', 'C2', 'D2'].map((r) => cellValue(s['sheet1.xml']!, r))).toEqual(['Всего', 'Мужчины', 'Женщины', 'Не указано']);
    expect(['A3', 'B3', 'C3', 'D3'].map((r) => cellValue(s['sheet1.xml']!, r))).toEqual(['9', '3', '3', '3']);
    expect(['A2', 'B2', 'K2', 'L2'].map((r) => cellValue(s['sheet2.xml']!, r))).toEqual([
      'Всего',
      'Дети (в том числе дети с инвалидностью)',
      'Другие категории',
      'Не указано',
    ]);
    expect(['A3', 'B3', 'C3', 'G3', 'H3', 'K3', 'L3'].map((r) => cellValue(s['sheet2.xml']!, r))).toEqual(['9', '2', '1', '1', '1', '1', '3']);
    expect(['B2', 'C2', 'J2', 'K2'].map((r) => cellValue(s['sheet3.xml']!, r))).toEqual(['младше 8 лет', '8–12 лет', '59 лет и старше', 'Не указано']);
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3', 'J3', 'K3'].map((r) => cellValue(s['sheet3.xml']!, r))).toEqual([
      '9',
      '1',
      '2',
      '0',
      '0',
      '1',
      '0',
      '1',
      '1',
      '1',
      '2',
    ]);
    expect(['C2', 'D2', 'E2'].map((r) => cellValue(s['sheet4.xml']!, r))).toEqual(['Место проведения', 'Форма мероприятия', 'Количество участников']);
    expect(['A3', 'D3', 'E3', 'D5', 'E5'].map((r) => cellValue(s['sheet4.xml']!, r))).toEqual(['1', 'Семинар', '25', 'Дөңгелек үстел', '15']);
    expect(cellValue(s['sheet4.xml']!, 'E6')).toBe('80');

    const kk = xlsxSheets((await api.call('GET', `/api/projects/${projectId}/grant-stats/export?from=2026-02-01&to=2026-06-30&lang=kk`, token)).body);
    expect(cellValue(kk['sheet1.xml']!, 'A1')).toContain('«Жастарға құқықтық көмек»');
    expect(['A2', 'B2', 'C2', 'D2'].map((r) => cellValue(kk['sheet1.xml']!, r))).toEqual(['Барлығы', 'Ерлер', 'Әйелдер', 'Көрсетілмеген']);
    expect(['B2', 'L2'].map((r) => cellValue(kk['sheet2.xml']!, r))).toEqual(['Балалар (оның ішінде мүгедектігі бар балалар)', 'Көрсетілмеген']);
    expect(['B2', 'J2'].map((r) => cellValue(kk['sheet3.xml']!, r))).toEqual(['8 жасқа дейін', '59 жас және одан жоғары']);
    expect(cellValue(kk['sheet4.xml']!, 'E2')).toBe('Қатысушылар саны');
  });
});
