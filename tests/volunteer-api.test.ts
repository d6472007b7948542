// The organisers' volunteering API: opportunities within the project manager's region, decisions on
// applications (decline needs a reason), attendance and reviews, the parent's consent for minors, the
// «Жомарт жүрек» rankings with CSV/XLSX exports in Kazakh and Russian, and a volunteer's certificate.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Citizen } from '../generated/prisma/client.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { bearer, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { at, opportunityInput, outboxTexts, signedUpVolunteer } from './volunteer-fixtures.ts';

const DAY = 86_400_000;
const xlsxText = (body: Buffer) =>
  Object.entries(unzipSync(new Uint8Array(body)))
    .filter(([name]) => name.startsWith('xl/worksheets/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');

describe.each(dbTargets)('volunteering API (%s)', (target) => {
  const api = useApiApp(target);
  let services: ServicesWithDb;
  let almaty: { id: number; districts: Array<{ id: number }> };
  let astanaId: number;
  const token: Record<'pm' | 'astanaPm' | 'operator', string> = { pm: '', astanaPm: '', operator: '' };

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, who: string = token.pm) => {
    const res = await api.app.inject({ method, url, headers: bearer(who), ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
    return { status: res.statusCode, json: () => res.json(), body: res.rawPayload, headers: res.headers };
  };
  /** A JSON body for the API: dates as ISO strings, starting `days` from now. */
  const body = (days: number, extra: Record<string, unknown> = {}) => {
    const startsAt = new Date(Date.now() + days * DAY);
    return { ...opportunityInput(almaty.id), startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(), ...extra };
  };
  const volunteer = (extra: Partial<Parameters<typeof signedUpVolunteer>[1]> = {}) =>
    signedUpVolunteer(services, { regionId: almaty.id, directions: ['ecology'], ...extra });
  const applicationsOf = async (id: number) =>
    (await call('GET', `/api/volunteering/opportunities/${id}/applications`)).json().items as Array<{
      id: number;
      citizenId: number;
      state: string;
      [k: string]: unknown;
    }>;
  const appFor = async (id: number, c: Citizen) => (await applicationsOf(id)).find((a) => a.citizenId === c.id)!;

  beforeAll(async () => {
    services = api.services;
    almaty = await services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' }, include: { districts: { orderBy: { id: 'asc' } } } });
    astanaId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
    const account = async (login: keyof typeof token, roles: Array<'project_manager' | 'operator'>, regionId: number) => {
      await services.staff.create({ type: 'system' }, { login, fullName: login, password: `${login}-password-1`, roles, regionId });
      token[login] = await api.signIn(login, `${login}-password-1`);
    };
    await account('pm', ['project_manager'], almaty.id);
    await account('astanaPm', ['project_manager'], astanaId);
    await account('operator', ['operator'], almaty.id);
  });

  it('creates, publishes, changes, cancels and deletes opportunities within the organiser’s region', async () => {
    const fan = await volunteer({ locale: 'kk' });
    expect((await call('GET', '/api/volunteering/opportunities', undefined, token.operator)).status).toBe(403);
    const wrong = await call('POST', '/api/volunteering/opportunities', body(5, { endsAt: new Date(Date.now()).toISOString() }));
    expect([wrong.status, wrong.json().error.code]).toEqual([400, 'volunteer.bad_times']);
    expect((await call('POST', '/api/volunteering/opportunities', body(5), token.astanaPm)).status).toBe(403);

    const created = await call('POST', '/api/volunteering/opportunities', body(5));
    expect(created.status, String(created.body)).toBe(200);
    const o = created.json();
    expect(o).toMatchObject({ status: 'draft', needed: 2, placesLeft: 2, directions: ['ecology'], counts: { applied: 0, waitlisted: 0 } });
    expect((await call('GET', `/api/volunteering/opportunities/${o.id}`, undefined, token.astanaPm)).status).toBe(403);
    expect((await call('GET', '/api/volunteering/opportunities', undefined, token.astanaPm)).json().total).toBe(0);

    const published = await call('POST', `/api/volunteering/opportunities/${o.id}/publish`);
    expect(published.json().status).toBe('published');
    expect((await outboxTexts(services.prisma, fan.id, 'volunteer.announce'))[0]).toContain('Саябақта сенбілік');

    expect((await call('PATCH', `/api/volunteering/opportunities/${o.id}`, { needed: 3 })).json()).toMatchObject({ needed: 3, placesLeft: 3 });
    expect((await call('DELETE', `/api/volunteering/opportunities/${o.id}`)).json().error.code).toBe('volunteer.delete_published');
    await services.volunteering.applications.apply(fan.id, o.id);
    const cancelled = await call('POST', `/api/volunteering/opportunities/${o.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', counts: { cancelled: 1, applied: 0 } });
    expect((await outboxTexts(services.prisma, fan.id, 'volunteer.cancelled_event'))[0]).toContain('Ұйымдастырушы іс-шараны тоқтатты');

    const draft = (await call('POST', '/api/volunteering/opportunities', body(6))).json();
    expect((await call('DELETE', `/api/volunteering/opportunities/${draft.id}`)).status).toBe(200);
    expect(await services.prisma.volunteerOpportunity.findUnique({ where: { id: draft.id } })).toBeNull();
    const actions = (
      await services.prisma.auditLog.findMany({ where: { entity: 'volunteer_opportunity', entityId: { in: [String(o.id), String(draft.id)] } } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'volunteer.opportunity.create',
        'volunteer.opportunity.publish',
        'volunteer.opportunity.update',
        'volunteer.opportunity.cancel',
        'volunteer.opportunity.delete',
      ]),
    );
  });

  it('decides applications, records attendance and reviews, and sets a minor’s parental consent', async () => {
    const o = (await call('POST', '/api/volunteering/opportunities', body(3, { needed: 1, publish: true }))).json();
    const [first, second, minor] = [
      await volunteer({ locale: 'ru' }),
      await volunteer({ locale: 'kk' }),
      await volunteer({ birthYear: new Date().getFullYear() - 15 }),
    ];
    for (const c of [first, second, minor]) await services.volunteering.applications.apply(c.id, o.id);
    expect((await applicationsOf(o.id)).map((a) => a.state)).toEqual(['applied', 'waitlisted', 'waitlisted']);

    const noReason = await call('POST', `/api/volunteering/applications/${(await appFor(o.id, first)).id}/decline`, {});
    expect(noReason.status).toBe(400);
    const declined = await call('POST', `/api/volunteering/applications/${(await appFor(o.id, first)).id}/decline`, { reason: 'Нужны волонтёры с опытом' });
    expect(declined.json()).toMatchObject({ state: 'declined', reason: 'Нужны волонтёры с опытом' });
    expect((await appFor(o.id, second)).state).toBe('applied');

    const minorApp = await appFor(o.id, minor);
    expect(minorApp.volunteer).toMatchObject({ minor: true, parentConsent: false });
    await call('PATCH', `/api/volunteering/opportunities/${o.id}`, { needed: 2 });
    const refused = await call('POST', `/api/volunteering/applications/${minorApp.id}/approve`);
    expect([refused.status, refused.json().error.code]).toEqual([409, 'volunteer.minor_needs_consent']);
    expect((await call('PATCH', `/api/volunteering/volunteers/${minor.id}`, { parentConsent: true }, token.astanaPm)).status).toBe(403);
    expect((await call('PATCH', `/api/volunteering/volunteers/${minor.id}`, { parentConsent: true })).json()).toMatchObject({
      minor: true,
      parentConsent: true,
    });
    expect((await call('POST', `/api/volunteering/applications/${minorApp.id}/approve`)).json().state).toBe('approved');
    const secondApp = await appFor(o.id, second);
    expect((await call('POST', `/api/volunteering/applications/${secondApp.id}/approve`)).json().state).toBe('approved');
    expect((await outboxTexts(services.prisma, second.id, 'volunteer.approved'))[0]).toContain('Өтініміңіз мақұлданды');
    expect(
      (await call('POST', `/api/volunteering/applications/${secondApp.id}/attendance`, { attended: true, hours: 3, peopleHelped: 7 })).json().error.code,
    ).toBe('volunteer.event_not_started');

    // The event took place: attendance and reviews.
    await services.prisma.volunteerOpportunity.update({
      where: { id: o.id },
      data: { startsAt: new Date(Date.now() - 5 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000) },
    });
    expect((await call('POST', `/api/volunteering/applications/${secondApp.id}/attendance`, { attended: true })).status).toBe(400);
    expect(
      (await call('POST', `/api/volunteering/applications/${secondApp.id}/attendance`, { attended: true, hours: 3.5, peopleHelped: 7 })).json(),
    ).toMatchObject({ state: 'attended', hours: 3.5, peopleHelped: 7 });
    expect((await call('POST', `/api/volunteering/applications/${minorApp.id}/attendance`, { attended: false })).json().state).toBe('no_show');
    expect((await call('PUT', `/api/volunteering/applications/${minorApp.id}/review`, { rating: 5 })).json().error.code).toBe(
      'volunteer.review_needs_attendance',
    );
    expect((await call('PUT', `/api/volunteering/applications/${secondApp.id}/review`, { rating: 5, comment: 'Тамаша жұмыс' })).json().review).toEqual({
      rating: 5,
      comment: 'Тамаша жұмыс',
    });

    const listed = (await call('GET', `/api/volunteering/volunteers?regionId=${almaty.id}&direction=ecology`)).json();
    expect(listed.items.map((x: { citizenId: number }) => x.citizenId)).toEqual(expect.arrayContaining([first.id, second.id, minor.id]));
    expect((await call('GET', '/api/volunteering/volunteers', undefined, token.astanaPm)).json().total).toBe(0);
  });

  describe('rankings and certificates', () => {
    let star: Citizen;
    beforeAll(async () => {
      star = await volunteer({ name: 'Әсел Нұрланқызы' });
      const helper = await volunteer({ name: 'Сергей Ким' });
      const o = await services.prisma.volunteerOpportunity.create({
        data: { ...opportunityInput(almaty.id), startsAt: at('2026-02-14T10:00:00'), endsAt: at('2026-02-14T13:00:00'), status: 'published' },
      });
      for (const [c, people, minutes, rating] of [
        [star, 15, 180, 5],
        [helper, 4, 120, 3],
      ] as const) {
        const a = await services.prisma.volunteerApplication.create({
          data: { opportunityId: o.id, citizenId: c.id, state: 'attended', peopleHelped: people, minutes },
        });
        await services.prisma.volunteerReview.create({ data: { applicationId: a.id, rating } });
      }
    });

    it('answers the rankings of a region for a month, within the organiser’s scope', async () => {
      const r = await call('GET', `/api/volunteering/rankings?level=region&regionId=${almaty.id}&period=2026-02`);
      expect(r.status, String(r.body)).toBe(200);
      expect(r.json().mostActive.map((v: { name: string }) => v.name)).toEqual(['Әсел Нұрланқызы', 'Сергей Ким']);
      expect(r.json().favourite.map((v: { name: string }) => v.name)).toEqual(['Әсел Нұрланқызы']);
      expect(r.json().totals).toEqual({ hours: 5, peopleHelped: 19, volunteers: 2, events: 1 });
      expect((await call('GET', `/api/volunteering/rankings?level=region&period=2026-02`)).status).toBe(400);
      expect((await call('GET', `/api/volunteering/rankings?level=region&regionId=${almaty.id}&period=2026-02`, undefined, token.astanaPm)).status).toBe(403);
    });

    it('exports the rankings as CSV in Kazakh and as XLSX in Russian', async () => {
      const csv = await call('GET', `/api/volunteering/rankings/export?level=region&regionId=${almaty.id}&period=2026-02&format=csv&lang=kk`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const text = csv.body.toString('utf8');
      expect(text).toContain('«Жомарт жүрек»: ең белсенді еріктілер — Алматы қаласы, 2026 жылғы ақпан');
      expect(text).toContain('1;Әсел Нұрланқызы;15;3;1');
      expect(text).toContain('Көмек алғандар;19');
      const xlsx = await call('GET', `/api/volunteering/rankings/export?level=region&regionId=${almaty.id}&period=2026-Q1&lang=ru`);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const sheets = xlsxText(xlsx.body);
      expect(sheets).toContain('«Жомарт жүрек»: самые активные волонтёры — город Алматы, 1 квартал 2026 года');
      expect(sheets).toContain('Сергей Ким');
    });

    it('issues a volunteer’s certificate in Kazakh or Russian', async () => {
      const kk = await call('GET', `/api/volunteering/volunteers/${star.id}/certificate?lang=kk`);
      expect(kk.status).toBe(200);
      const sheet = xlsxText(kk.body);
      expect(sheet).toContain('Волонтерлік қызмет туралы анықтама');
      expect(sheet).toContain('Ерікті: Әсел Нұрланқызы');
      expect(sheet).toContain('Іс-шаралар: 1, сағат: 3, көмек алғандар: 15');
      expect(sheet).toContain('Саябақта сенбілік');
      const ru = await call('GET', `/api/volunteering/volunteers/${star.id}/certificate?lang=ru&format=csv&period=2026`);
      expect(ru.body.toString('utf8')).toContain('Справка о волонтерской деятельности');
      expect(ru.body.toString('utf8')).toContain('Субботник в парке');
      const empty = await call('GET', `/api/volunteering/volunteers/${star.id}/certificate?lang=ru&format=csv&period=2025`);
      expect(empty.body.toString('utf8')).toContain('Мероприятий: 0, часов: 0');
      expect((await call('GET', `/api/volunteering/volunteers/${star.id}/certificate`, undefined, token.astanaPm)).status).toBe(403);
    });
  });
});
