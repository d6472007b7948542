// The project managers' API: projects with the Annex 5 fields inside the manager's region, draft → active →
// finished (finishing needs the activities and results), events of the grant report, the invitation link
// and its QR code (a real PNG and a well-formed SVG), the CSV import of beneficiaries with bad lines
// reported by line and re-import idempotent, the list and removal, and volunteering linked to projects.
import { describe, expect, it, beforeAll } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { requireInviteLink } from '../core/projects/project-invite.ts';
import { dbTargets } from './helpers/db.ts';
import { BOT_USERNAME, projectInput, useProjectApi } from './helpers/project-fixtures.ts';

describe.each(dbTargets)('projects API (%s)', (target) => {
  const api = useProjectApi(target);
  let almatyId: number;
  let astanaId: number;
  const token = { pm: '', astanaPm: '', operator: '', admin: '' };

  beforeAll(async () => {
    almatyId = (await api.services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
    astanaId = (await api.services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
    token.pm = (await api.account('pm', ['project_manager'], almatyId)).token;
    token.astanaPm = (await api.account('astanapm', ['project_manager'], astanaId)).token;
    token.operator = (await api.account('operator', ['operator'], almatyId)).token;
    token.admin = (await api.account('boss', ['admin'])).token;
  });

  const create = async (extra: Record<string, unknown> = {}, who = token.pm) => {
    const res = await api.call('POST', '/api/projects', who, { ...projectInput(almatyId), ...extra });
    expect(res.status, res.text).toBe(200);
    return res.json();
  };

  it('creates and changes a project within the manager’s region; another region’s manager gets 403, an operator 403', async () => {
    const p = await create();
    expect(p).toMatchObject({
      status: 'draft',
      contractSum: 4500.5,
      startsOn: '2026-02-01',
      endsOn: '2026-11-30',
      regionId: almatyId,
      counts: { beneficiaries: 0, events: 0, eventParticipants: 0 },
    });
    expect(p.inviteCode).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(p.inviteLink).toBe(`https://t.me/${BOT_USERNAME}?start=prj_${p.inviteCode}`);

    expect((await api.call('GET', `/api/projects/${p.id}`, token.astanaPm)).status).toBe(403);
    expect((await api.call('PATCH', `/api/projects/${p.id}`, token.astanaPm, { supplierName: 'X' })).status).toBe(403);
    expect((await api.call('GET', '/api/projects', token.astanaPm)).json().total).toBe(0);
    expect((await api.call('GET', '/api/projects', token.operator)).status).toBe(403);
    expect((await api.call('POST', '/api/projects', token.astanaPm, projectInput(almatyId))).status).toBe(403);
    // a national project is not a regional manager's to create
    expect((await api.call('POST', '/api/projects', token.pm, projectInput(null))).status).toBe(403);
    expect((await api.call('POST', '/api/projects', token.admin, projectInput(null))).status).toBe(200);

    const bad = await api.call('POST', '/api/projects', token.pm, { ...projectInput(almatyId), startsOn: '2026-12-01' });
    expect([bad.status, bad.json().error.code]).toEqual([400, 'project.bad_period']);
    expect((await api.call('POST', '/api/projects', token.pm, { ...projectInput(almatyId), contractSum: 10.25 })).json().error.code).toBe('project.bad_sum');
    // binary fractions: 0.3 thousand tenge is one decimal, not refused
    expect((await api.call('POST', '/api/projects', token.pm, { ...projectInput(almatyId), contractSum: 0.3 })).json().contractSum).toBe(0.3);

    const changed = await api.call('PATCH', `/api/projects/${p.id}`, token.pm, { supplierName: 'ОФ «Жаңа Болашақ»', contractSum: 5000 });
    expect(changed.json()).toMatchObject({ supplierName: 'ОФ «Жаңа Болашақ»', contractSum: 5000 });
    const list = await api.call('GET', '/api/projects?q=%D0%B6%D0%B0%D2%A3%D0%B0&year=2026', token.pm);
    expect(list.json().items.map((x: { id: number }) => x.id)).toEqual([p.id]);

    const audit = await api.services.prisma.auditLog.findMany({ where: { entity: 'social_project', entityId: String(p.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['project.create', 'project.update']);
    expect(audit[1]!.actorType).toBe('staff');
  });

  it('goes draft → active → finished; finishing needs activities and results in both languages and freezes the project', async () => {
    const p = await create();
    expect(
      (await api.call('POST', `/api/projects/${p.id}/finish`, token.pm, { activitiesKk: 'а', activitiesRu: 'а', resultsKk: 'н', resultsRu: 'р' })).json().error
        .code,
    ).toBe('project.bad_transition');
    expect((await api.call('POST', `/api/projects/${p.id}/activate`, token.pm)).json().status).toBe('active');
    expect((await api.call('POST', `/api/projects/${p.id}/activate`, token.pm)).status).toBe(409);
    expect(
      (await api.call('POST', `/api/projects/${p.id}/finish`, token.pm, { activitiesKk: 'а', activitiesRu: '', resultsKk: 'н', resultsRu: 'р' })).status,
    ).toBe(400);
    const finished = await api.call('POST', `/api/projects/${p.id}/finish`, token.pm, {
      activitiesKk: '12 семинар өтті',
      activitiesRu: 'Проведено 12 семинаров',
      resultsKk: '300 жас оқытылды',
      resultsRu: 'Обучено 300 молодых людей',
    });
    expect(finished.json()).toMatchObject({ status: 'finished', activitiesRu: 'Проведено 12 семинаров', resultsKk: '300 жас оқытылды' });
    expect(finished.json().finishedAt).not.toBeNull();
    const frozen = await api.call('PATCH', `/api/projects/${p.id}`, token.pm, { nameRu: 'Другое' });
    expect([frozen.status, frozen.json().error.code]).toEqual([409, 'project.finished']);
    expect((await api.call('DELETE', `/api/projects/${p.id}`, token.pm)).json().error.code).toBe('project.not_draft');
    const draft = await create();
    expect((await api.call('DELETE', `/api/projects/${draft.id}`, token.pm)).status).toBe(200);
    expect((await api.call('GET', `/api/projects/${draft.id}`, token.pm)).status).toBe(404);
  });

  it('keeps the events table: within the project period, counted on the project, in date order', async () => {
    const p = await create();
    const add = (e: Record<string, unknown>) =>
      api.call('POST', `/api/projects/${p.id}/events`, token.pm, {
        place: 'Алматы, ул. Абая 1',
        form: 'Семинар',
        participants: 25,
        completeness: 'Выполнено в полном объёме',
        ...e,
      });
    expect((await add({ heldOn: '2026-03-10' })).status).toBe(200);
    const second = (await add({ heldOn: '2026-02-15', participants: 40, form: 'Тренинг' })).json();
    const out = await add({ heldOn: '2027-01-10' });
    expect([out.status, out.json().error.code]).toEqual([400, 'project.event_out_of_period']);
    expect((await add({ heldOn: '2026-03-11', participants: -1 })).status).toBe(400);
    const events = (await api.call('GET', `/api/projects/${p.id}/events`, token.pm)).json().items;
    expect(events.map((e: { heldOn: string }) => e.heldOn)).toEqual(['2026-02-15', '2026-03-10']);
    expect((await api.call('PATCH', `/api/projects/events/${second.id}`, token.pm, { participants: 45 })).json().participants).toBe(45);
    expect((await api.call('PATCH', `/api/projects/events/${second.id}`, token.astanaPm, { participants: 1 })).status).toBe(403);
    expect((await api.call('GET', `/api/projects/${p.id}`, token.pm)).json().counts).toMatchObject({ events: 2, eventParticipants: 70 });
    expect((await api.call('DELETE', `/api/projects/events/${second.id}`, token.pm)).status).toBe(200);
    expect((await api.call('GET', `/api/projects/${p.id}`, token.pm)).json().counts).toMatchObject({ events: 1, eventParticipants: 25 });
  });

  it('gives the invitation link and its QR code as a real PNG and a well-formed SVG', async () => {
    const p = await create();
    const invite = (await api.call('GET', `/api/projects/${p.id}/invite`, token.pm)).json();
    expect(invite.link).toBe(`https://t.me/${BOT_USERNAME}?start=prj_${p.inviteCode}`);
    const png = await api.call('GET', `/api/projects/${p.id}/qr.png?size=300`, token.pm);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    // IHDR: width and height as asked
    expect([png.body.readUInt32BE(16), png.body.readUInt32BE(20)]).toEqual([300, 300]);
    const svg = await api.call('GET', `/api/projects/${p.id}/qr.svg`, token.pm);
    expect(String(svg.headers['content-type'])).toContain('image/svg+xml');
    expect(svg.text).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"[^>]*>[\s\S]*<path[^>]* d="M[^"]+"[^>]*\/?>[\s\S]*<\/svg>\s*$/,
    );
    // every tag closes: the SVG parses
    const tags = [...svg.text.matchAll(/<(\/?)(\w+)[^>]*?(\/?)>/g)];
    const stack: string[] = [];
    for (const [, close, name, self] of tags) {
      if (self) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect((await api.call('GET', `/api/projects/${p.id}/qr.png`, token.astanaPm)).status).toBe(403);
    expect(() => requireInviteLink(null, p.inviteCode)).toThrow(DomainError);
  });

  it('imports beneficiaries from CSV: semicolons and a BOM, kk/ru/en values, bad lines reported by line, re-import changes nothing', async () => {
    const p = await create();
    const csv = [
      '\uFEFFФИО;Телефон;Пол;Год рождения;Социальный статус',
      'Иванов Иван;8 701 123 45 67;м;1990;Безработные',
      'Асанова Айгүл;+7 702 000 11 22;әйел;2015;балалар',
      '"Сериков ""Серік""";;male;1958;pensioners',
      'Без пола;;не знаю;1990;youth',
      'Старый год;;ж;1850;youth',
      ';;ж;1990;youth',
      'Ахметова Дана;;female;;',
      'Иванов Иван;8 701 123 45 67;м;1990;Безработные',
      'Странный статус;;м;1980;космонавты',
    ].join('\r\n');
    const res = await api.call('POST', `/api/projects/${p.id}/beneficiaries/import`, token.pm, csv, { 'content-type': 'text/csv', 'accept-language': 'ru' });
    expect(res.status, res.text).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ rows: 9, created: 4, updated: 0, unchanged: 0 });
    expect(r.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [5, 'project.bad_gender'],
      [6, 'project.bad_birth_year'],
      [7, 'project.name_missing'],
      [9, 'project.duplicate_line'],
      [10, 'project.bad_social_status'],
    ]);
    expect(r.errors[0].message).toBe('Пол не распознан: «не знаю».');
    expect(r.errors[3].message).toBe('Строка повторяет строку 2.');

    const list = (await api.call('GET', `/api/projects/${p.id}/beneficiaries`, token.pm)).json();
    expect(list.total).toBe(4);
    const byName = Object.fromEntries(list.items.map((b: { fullName: string }) => [b.fullName, b]));
    expect(byName['Иванов Иван']).toMatchObject({ phone: '+77011234567', gender: 'male', birthYear: 1990, socialStatus: 'unemployed', source: 'import' });
    expect(byName['Асанова Айгүл']).toMatchObject({ gender: 'female', socialStatus: 'children', ageBracket: 'age-8-12' });
    expect(byName['Сериков "Серік"']).toMatchObject({ gender: 'male', socialStatus: 'older-people', ageBracket: 'age-59-plus' });
    expect(byName['Ахметова Дана']).toMatchObject({ gender: 'female', birthYear: null, socialStatus: null, ageBracket: null });

    // the same file again (Kazakh error texts this time): nothing new, nothing lost
    const again = await api.call('POST', `/api/projects/${p.id}/beneficiaries/import`, token.pm, csv, { 'content-type': 'text/csv', 'accept-language': 'kk' });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(again.json().errors[0].message).toBe('Жынысы танылмады: «не знаю».');
    // a corrected line updates its person; commas work too
    const fix = await api.call(
      'POST',
      `/api/projects/${p.id}/beneficiaries/import`,
      token.pm,
      'Full name,Phone,Gender,Birth year,Social status\nИванов Иван,87011234567,m,1991,other\n',
      { 'content-type': 'text/csv' },
    );
    expect(fix.json()).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect((await api.call('GET', `/api/projects/${p.id}/beneficiaries?q=Иванов`, token.pm)).json().items[0]).toMatchObject({
      birthYear: 1991,
      socialStatus: 'other',
    });

    expect((await api.call('GET', `/api/projects/${p.id}/beneficiaries?gender=female`, token.pm)).json().total).toBe(2);
    expect((await api.call('GET', `/api/projects/${p.id}/beneficiaries?limit=2&offset=2`, token.pm)).json().items).toHaveLength(2);
    const header = await api.call('POST', `/api/projects/${p.id}/beneficiaries/import`, token.pm, 'a;b\n1;2\n', { 'content-type': 'text/csv' });
    expect([header.status, header.json().error.code]).toEqual([400, 'project.csv_header']);
    expect((await api.call('POST', `/api/projects/${p.id}/beneficiaries/import`, token.astanaPm, csv, { 'content-type': 'text/csv' })).status).toBe(403);

    const dana = byName['Ахметова Дана'];
    expect((await api.call('DELETE', `/api/projects/${p.id}/beneficiaries/${dana.id}`, token.pm)).status).toBe(200);
    expect((await api.call('GET', `/api/projects/${p.id}`, token.pm)).json().counts.beneficiaries).toBe(3);
    expect((await api.call('DELETE', `/api/projects/${p.id}/beneficiaries/${dana.id}`, token.pm)).status).toBe(404);
  });

  it('takes the date a person joined from the file, and links a bot registration to the imported row with the same phone', async () => {
    const p = await create();
    await api.call('POST', `/api/projects/${p.id}/activate`, token.pm);
    const csv =
      'Аты-жөні;Телефон;Жынысы;Туған жылы;Әлеуметтік мәртебесі;Қатысу күні\nСәкен Бек;+7 705 111 22 33;ер;1980;жұмыссыздар;15.03.2026\nЖаңа адам;;әйел;;;01.01.2099\n';
    const r = (await api.call('POST', `/api/projects/${p.id}/beneficiaries/import`, token.pm, csv, { 'content-type': 'text/csv' })).json();
    expect(r).toMatchObject({ created: 1, errors: [{ line: 3, code: 'project.bad_joined_on' }] });
    const [row] = (await api.call('GET', `/api/projects/${p.id}/beneficiaries`, token.pm)).json().items;
    expect(row).toMatchObject({ fullName: 'Сәкен Бек', gender: 'male', socialStatus: 'unemployed', joinedAt: '2026-03-14T19:00:00.000Z' });
    const stats = (await api.call('GET', `/api/projects/${p.id}/grant-stats?to=2026-03-31`, token.pm)).json();
    expect(stats.total).toBe(1);

    const c = await api.services.citizens.giveConsent(901_000_001, 'kk', 'Сәкен');
    await api.services.prisma.citizen.update({ where: { id: c.id }, data: { phone: '77051112233' } });
    expect(await api.services.projects.join({ projectId: p.id, citizenId: c.id })).toEqual({ beneficiaryId: row.id, created: true });
    expect(await api.services.projects.join({ projectId: p.id, citizenId: c.id })).toEqual({ beneficiaryId: row.id, created: false });
    const list = (await api.call('GET', `/api/projects/${p.id}/beneficiaries`, token.pm)).json();
    expect([list.total, list.items[0].citizenId]).toEqual([1, c.id]);
  });

  it('counts people imported without a date from the project start, and updates a person whose year or phone was corrected', async () => {
    const p = await create();
    const first = await api.call(
      'POST',
      `/api/projects/${p.id}/beneficiaries/import`,
      token.pm,
      'ФИО;Телефон;Пол;Год рождения\nДина Омарова;;ж;1990\nБолат Сейт;+7 701 555 00 11;м;1985\n',
      { 'content-type': 'text/csv' },
    );
    expect(first.json()).toMatchObject({ created: 2, updated: 0, joinedAtProjectStart: { count: 2, date: '2026-02-01' }, errors: [] });
    const items = (await api.call('GET', `/api/projects/${p.id}/beneficiaries`, token.pm)).json().items;
    // Almaty midnight of the project's first day, not the moment of the import
    expect(items.map((b: { joinedAt: string }) => b.joinedAt)).toEqual(['2026-01-31T19:00:00.000Z', '2026-01-31T19:00:00.000Z']);
    // so they are in the statistics of an early period of the project
    expect((await api.call('GET', `/api/projects/${p.id}/grant-stats?to=2026-02-28`, token.pm)).json().total).toBe(2);

    // the NGO corrects a birth year (no phone: keyed by name) and a phone (found by the unique name)
    const fixed = await api.call(
      'POST',
      `/api/projects/${p.id}/beneficiaries/import`,
      token.pm,
      'ФИО;Телефон;Пол;Год рождения\nДина  омарова;;ж;1991\nБолат Сейт;+7 701 555 00 12;м;1985\n',
      { 'content-type': 'text/csv' },
    );
    expect(fixed.json()).toMatchObject({ created: 0, updated: 2, unchanged: 0, joinedAtProjectStart: { count: 0 } });
    const list = (await api.call('GET', `/api/projects/${p.id}/beneficiaries`, token.pm)).json();
    expect(list.total).toBe(2);
    const byName = Object.fromEntries(list.items.map((b: { fullName: string }) => [b.fullName, b]));
    expect(byName['Дина омарова']).toMatchObject({ birthYear: 1991, joinedAt: '2026-01-31T19:00:00.000Z' });
    expect(byName['Болат Сейт']).toMatchObject({ phone: '+77015550012' });
    const again = await api.call(
      'POST',
      `/api/projects/${p.id}/beneficiaries/import`,
      token.pm,
      'ФИО;Телефон;Пол;Год рождения\nДина  омарова;;ж;1991\nБолат Сейт;+7 701 555 00 12;м;1985\n',
      { 'content-type': 'text/csv' },
    );
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // a file that is not CSV is refused with 415, described in the schema
    const xml = await api.call('POST', `/api/projects/${p.id}/beneficiaries/import`, token.pm, '<people/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
  });

  it('links volunteer opportunities to projects and refuses an unknown project with 400', async () => {
    const p = await create();
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    const body = {
      titleKk: 'Сенбілік',
      titleRu: 'Субботник',
      organiserName: 'ОФ',
      regionId: almatyId,
      place: 'Парк',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      needed: 3,
    };
    const unknown = await api.call('POST', '/api/volunteering/opportunities', token.pm, { ...body, projectId: 999_999 });
    expect([unknown.status, unknown.json().error.code]).toEqual([400, 'volunteer.unknown_project']);
    const linked = await api.call('POST', '/api/volunteering/opportunities', token.pm, { ...body, projectId: p.id });
    expect([linked.status, linked.json().projectId]).toEqual([200, p.id]);
  });
});
