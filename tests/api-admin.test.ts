// Admin side of the staff API: roles, staff accounts, region/department scope, the audit log, the
// working-day calendar and the reference data, as an admin console or an integration sees them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { assertInScope, inScope, scopeWhere, type StaffPrincipal } from '../core/staff/scope.ts';
import { ADMIN_PASSWORD, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

interface AuditItem {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

const principal = (p: Partial<StaffPrincipal>): StaffPrincipal => ({
  id: 1,
  login: 'p',
  fullName: 'P',
  roles: ['operator'],
  regionId: null,
  districtId: null,
  departmentId: null,
  locale: 'ru',
  ...p,
});

describe('scope (core/staff/scope.ts)', () => {
  const admin = principal({ roles: ['admin'] });
  const wholeCountry = principal({ roles: ['operator'] });
  const region = principal({ regionId: 5 });
  const regionDept = principal({ regionId: 5, departmentId: 7 });
  const district = principal({ regionId: 5, districtId: 50 });

  it('an admin sees every record, whatever its scope', () => {
    expect(inScope(admin, { regionId: 1, departmentId: 2 })).toBe(true);
    expect(inScope(admin, { regionId: null })).toBe(true);
    expect(inScope(admin, {})).toBe(true);
    expect(() => assertInScope(admin, { regionId: 99, districtId: 999, departmentId: 9 })).not.toThrow();
    expect(scopeWhere(admin)).toEqual({});
  });

  it('an admin scoped to a region still sees every region (the admin role wins)', () => {
    const scopedAdmin = principal({ roles: ['admin'], regionId: 5 });
    expect(inScope(scopedAdmin, { regionId: 6 })).toBe(true);
    expect(scopeWhere(scopedAdmin)).toEqual({});
  });

  it('staff without any scope see the whole country', () => {
    expect(inScope(wholeCountry, { regionId: 1, departmentId: 2 })).toBe(true);
    expect(scopeWhere(wholeCountry)).toEqual({});
  });

  it('a region-scoped operator sees records of that region only, in any department', () => {
    expect(inScope(region, { regionId: 5 })).toBe(true);
    expect(inScope(region, { regionId: 5, departmentId: 3, districtId: 51 })).toBe(true);
    expect(inScope(region, { regionId: 6 })).toBe(false);
    // A record without a region is not in any region's scope.
    expect(inScope(region, { regionId: null })).toBe(false);
    expect(inScope(region, {})).toBe(false);
    expect(scopeWhere(region)).toEqual({ regionId: 5 });
  });

  it('a region+department operator needs both to match', () => {
    expect(inScope(regionDept, { regionId: 5, departmentId: 7 })).toBe(true);
    expect(inScope(regionDept, { regionId: 5, departmentId: 8 })).toBe(false);
    expect(inScope(regionDept, { regionId: 6, departmentId: 7 })).toBe(false);
    expect(inScope(regionDept, { regionId: 5 })).toBe(false);
    expect(scopeWhere(regionDept)).toEqual({ regionId: 5, departmentId: 7 });
  });

  it('a district-scoped operator needs the district to match', () => {
    expect(inScope(district, { regionId: 5, districtId: 50 })).toBe(true);
    expect(inScope(district, { regionId: 5, districtId: 51 })).toBe(false);
    expect(scopeWhere(district)).toEqual({ regionId: 5, districtId: 50 });
  });

  it('assertInScope throws a forbidden auth.out_of_scope DomainError outside the scope, nothing inside', () => {
    expect(() => assertInScope(regionDept, { regionId: 5, departmentId: 7 })).not.toThrow();
    let caught: unknown;
    try {
      assertInScope(regionDept, { regionId: 5, departmentId: 8 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ kind: 'forbidden', code: 'auth.out_of_scope' });
    expect(() => assertInScope(region, { regionId: 6 })).toThrow(DomainError);
  });

  it('scopeWhere renames the fields for tables that name them differently', () => {
    expect(scopeWhere(regionDept, { region: 'citizenRegionId', department: 'assignedDepartmentId' })).toEqual({ citizenRegionId: 5, assignedDepartmentId: 7 });
    expect(scopeWhere(district, { district: 'homeDistrictId' })).toEqual({ regionId: 5, homeDistrictId: 50 });
  });
});

describe.each(dbTargets)('admin API (%s)', (target) => {
  const api = useApiApp(target);
  const { services, app } = api;
  let adminId: number;
  let adminToken: string;
  let operatorToken: string;
  let regionA: { id: number; districts: Array<{ id: number }> };
  let regionB: { id: number; districts: Array<{ id: number }> };
  let departmentId: number;
  let otherDepartmentId: number;

  // Each sign-in comes from its own address so that the login rate limit (10/min per address) never interferes.
  let nextIp = 1;
  const freshIp = () => `10.2.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

  async function signIn(login: string, password: string, ip = freshIp()): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: ip });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token;
  }

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const asAdmin = () => as(adminToken);

  const createStaff = (payload: Record<string, unknown>, token = adminToken, ip?: string) =>
    app.inject({ method: 'POST', url: '/api/staff', headers: as(token), payload, ...(ip ? { remoteAddress: ip } : {}) });
  const patchStaff = (id: number, payload: Record<string, unknown>, token = adminToken, ip?: string) =>
    app.inject({ method: 'PATCH', url: `/api/staff/${id}`, headers: as(token), payload, ...(ip ? { remoteAddress: ip } : {}) });

  async function audit(query: string): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
    const res = await app.inject({ method: 'GET', url: `/api/audit${query}`, headers: asAdmin() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: as(token) });

  beforeAll(async () => {
    adminId = (await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'admin' } })).id;
    adminToken = api.adminToken;

    const regions = await services.prisma.region.findMany({ orderBy: { id: 'asc' }, include: { districts: { orderBy: { id: 'asc' } } } });
    const withDistricts = regions.filter((r) => r.districts.length > 0);
    regionA = withDistricts[0]!;
    regionB = withDistricts[1]!;
    const departments = await services.prisma.department.findMany({ orderBy: { id: 'asc' }, take: 2 });
    departmentId = departments[0]!.id;
    otherDepartmentId = departments[1]!.id;

    await services.staff.create(
      { type: 'system' },
      { login: 'operator1', fullName: 'Operator One', password: 'operator-password-1', roles: ['operator'], regionId: regionA.id, departmentId },
    );
    operatorToken = await signIn('operator1', 'operator-password-1');
  });

  describe('roles', () => {
    it('an operator gets 403 auth.role_required on staff, audit and calendar writes, naming the role needed', async () => {
      const requests = [
        { method: 'GET' as const, url: '/api/staff' },
        { method: 'GET' as const, url: `/api/staff/${adminId}` },
        { method: 'POST' as const, url: '/api/staff', payload: { login: 'by-operator', fullName: 'X', password: 'operator-made-1', roles: ['admin'] } },
        { method: 'PATCH' as const, url: `/api/staff/${adminId}`, payload: { active: false } },
        { method: 'GET' as const, url: '/api/audit' },
        { method: 'GET' as const, url: '/api/outbox/stats' },
        { method: 'PUT' as const, url: '/api/calendar/2026-03-27', payload: { kind: 'holiday', nameKk: 'Мереке', nameRu: 'Праздник' } },
        { method: 'DELETE' as const, url: '/api/calendar/2026-03-09' },
      ];
      for (const r of requests) {
        const res = await app.inject({ ...r, headers: as(operatorToken) });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
        expect(res.json()).toEqual({ error: { code: 'auth.role_required', message: 'Недостаточно прав: нужна роль admin.' } });
      }
      // Nothing changed behind the refusals.
      expect(await services.prisma.staffUser.findUnique({ where: { login: 'by-operator' } })).toBeNull();
      expect((await services.staff.get(adminId)).active).toBe(true);
      expect(await services.prisma.calendarDay.findUnique({ where: { date: new Date('2026-03-27T00:00:00Z') } })).toBeNull();
      expect(await services.prisma.calendarDay.findUnique({ where: { date: new Date('2026-03-09T00:00:00Z') } })).not.toBeNull();

      const kk = await app.inject({ method: 'GET', url: '/api/staff', headers: { ...as(operatorToken), 'accept-language': 'kk' } });
      expect(kk.json().error.message).toMatch(KAZAKH_LETTERS);
    });

    it('an operator may read the calendar and the reference data', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/calendar?year=2026', headers: as(operatorToken) })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/reference/areas', headers: as(operatorToken) })).statusCode).toBe(200);
    });

    it('without a session the admin routes answer 401, not 403', async () => {
      for (const url of ['/api/staff', '/api/audit', '/api/calendar?year=2026', '/api/reference/regions']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(401);
        expect(res.json().error.code).toBe('auth.unauthenticated');
      }
    });
  });

  describe('staff accounts', () => {
    it('an admin creates an operator with region/district/department scope (201); the operator signs in with that scope', async () => {
      const districtId = regionA.districts[0]!.id;
      const res = await createStaff({
        login: 'scoped.op',
        fullName: 'Дәурен Сапаров',
        password: 'scoped-password-1',
        roles: ['operator'],
        regionId: regionA.id,
        districtId,
        departmentId,
        locale: 'kk',
        telegramId: '123456789',
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        login: 'scoped.op',
        fullName: 'Дәурен Сапаров',
        roles: ['operator'],
        regionId: regionA.id,
        districtId,
        departmentId,
        locale: 'kk',
        active: true,
        telegramId: '123456789',
        lastLoginAt: null,
      });
      expect(Number.isInteger(body.id)).toBe(true);
      expect(Math.abs(Date.parse(body.createdAt) - Date.now())).toBeLessThan(60_000);
      expect(body).not.toHaveProperty('passwordHash');
      expect(body).not.toHaveProperty('password');

      const got = await app.inject({ method: 'GET', url: `/api/staff/${body.id}`, headers: asAdmin() });
      expect(got.statusCode).toBe(200);
      expect(got.json()).toEqual(body);

      const token = await signIn('scoped.op', 'scoped-password-1');
      expect((await me(token)).json()).toMatchObject({ id: body.id, roles: ['operator'], regionId: regionA.id, districtId, departmentId, locale: 'kk' });
      // The sign-in is visible to the admin.
      const after = await app.inject({ method: 'GET', url: `/api/staff/${body.id}`, headers: asAdmin() });
      expect(after.json().lastLoginAt).not.toBeNull();
    });

    it('lists staff accounts sorted by login, without password hashes', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/staff', headers: asAdmin() });
      expect(res.statusCode).toBe(200);
      const logins = res.json().map((u: { login: string }) => u.login);
      expect(logins).toEqual(expect.arrayContaining(['admin', 'operator1']));
      expect(logins).toEqual([...logins].sort());
      expect(res.body).not.toMatch(/passwordHash|scrypt\$/);
    });

    it('an unknown staff id answers 404 staff.not_found', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/staff/999999', headers: asAdmin() });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'staff.not_found', message: 'Сотрудник не найден.' } });
      expect((await patchStaff(999999, { fullName: 'Nobody' })).statusCode).toBe(404);
    });

    it('an existing login answers 409 staff.login_taken and leaves the account as it was', async () => {
      const res = await createStaff({ login: 'operator1', fullName: 'Impostor', password: 'impostor-pass-1', roles: ['admin'] });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ error: { code: 'staff.login_taken', message: 'Такой логин уже занят.' } });
      const op = await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'operator1' } });
      expect(op.fullName).toBe('Operator One');
      expect(op.roles).toEqual(['operator']);
    });

    it('an invalid body answers 400 validation with details naming each bad field', async () => {
      const res = await createStaff({ login: 'bad body', fullName: 'X', password: 'short', roles: ['boss'] });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('validation');
      expect(body.error.message).toMatch(/^Проверьте введённые данные/);
      const paths = body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['body.login', 'body.password', 'body.roles.0']));
      for (const d of body.error.details) expect(d.message).toEqual(expect.any(String));

      const noRoles = await createStaff({ login: 'no-roles', fullName: 'X', password: 'long-enough-1', roles: [] });
      expect(noRoles.statusCode).toBe(400);
      expect(noRoles.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.roles']);

      const badPatch = await patchStaff(adminId, { password: 'short', active: 'no' });
      expect(badPatch.statusCode).toBe(400);
      expect(badPatch.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.password', 'body.active']));

      expect(await services.prisma.staffUser.count({ where: { login: { in: ['bad body', 'no-roles'] } } })).toBe(0);
    });

    it("names each refused field by its path and a code, with a message in the reader's language and no English", async () => {
      const empty = { login: '', fullName: 'X', password: 'long-enough-1', roles: ['operator'] };
      for (const lang of ['kk', 'ru'] as const) {
        const res = await app.inject({ method: 'POST', url: '/api/staff', headers: { ...as(adminToken), 'accept-language': lang }, payload: empty });
        expect(res.statusCode).toBe(400);
        const { error } = res.json();
        expect(error.details).toEqual([{ path: 'body.login', code: 'field.required', params: {}, message: expect.any(String) }]);
        // zod's English («Too small: expected string …») reaches no one: only the field's path is Latin.
        expect(error.details[0].message).not.toMatch(/[a-z]{3,}/i);
        expect(error.message.replace('body.login', '')).not.toMatch(/[a-z]{3,}/i);
        if (lang === 'kk') expect(error.details[0].message).toBe('Бұл өрісті толтырыңыз.');
        else expect(error.details[0].message).toBe('Заполните это поле.');
      }
      const short = await createStaff({ login: 'ab', fullName: 'X', password: 'long-enough-1', roles: ['operator'] });
      expect(short.json().error.details).toEqual([{ path: 'body.login', code: 'field.too_short', params: { min: 3 }, message: 'Минимум символов: 3.' }]);
      const missing = await createStaff({ fullName: 'X', password: 'long-enough-1', roles: [] });
      expect(missing.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
        ['body.login', 'field.required'],
        ['body.roles', 'field.too_few'],
      ]);
      const malformed = await app.inject({
        method: 'POST',
        url: '/api/staff',
        headers: { ...as(adminToken), 'content-type': 'application/json' },
        payload: '{"login":',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.message).toBe('Запрос не удалось прочитать: проверьте данные и повторите.');
    });

    it('a district outside the chosen region answers 400 staff.district_not_in_region, on create and on patch', async () => {
      const foreignDistrict = regionB.districts[0]!.id;
      const res = await createStaff({
        login: 'wrong-district',
        fullName: 'X',
        password: 'long-enough-1',
        roles: ['operator'],
        regionId: regionA.id,
        districtId: foreignDistrict,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'staff.district_not_in_region', message: 'Район не относится к выбранному региону.' } });
      expect(await services.prisma.staffUser.findUnique({ where: { login: 'wrong-district' } })).toBeNull();

      // operator1 is scoped to region A: moving them to a district of region B alone is refused too.
      const op = await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'operator1' } });
      const patch = await patchStaff(op.id, { districtId: foreignDistrict });
      expect(patch.statusCode).toBe(400);
      expect(patch.json().error.code).toBe('staff.district_not_in_region');
      expect((await services.staff.get(op.id)).districtId).toBeNull();
    });

    it('unknown region and department ids answer 400 with their own codes', async () => {
      const region = await createStaff({ login: 'no-such-region', fullName: 'X', password: 'long-enough-1', roles: ['operator'], regionId: 999999 });
      expect(region.statusCode).toBe(400);
      expect(region.json().error.code).toBe('staff.unknown_region');
      const dept = await createStaff({ login: 'no-such-dept', fullName: 'X', password: 'long-enough-1', roles: ['operator'], departmentId: 999999 });
      expect(dept.statusCode).toBe(400);
      expect(dept.json().error.code).toBe('staff.unknown_department');
    });

    it('an admin patches roles, scope and active; a deactivated account cannot sign in until reactivated', async () => {
      const created = await createStaff({ login: 'patchee', fullName: 'Patchee', password: 'patchee-password-1', roles: ['operator'] });
      const id: number = created.json().id;

      const roles = await patchStaff(id, { roles: ['operator', 'consultant'], regionId: regionB.id, departmentId: otherDepartmentId });
      expect(roles.statusCode).toBe(200);
      expect(roles.json()).toMatchObject({ id, roles: ['operator', 'consultant'], regionId: regionB.id, departmentId: otherDepartmentId, active: true });

      const token = await signIn('patchee', 'patchee-password-1');
      expect((await me(token)).json()).toMatchObject({ roles: ['operator', 'consultant'], regionId: regionB.id });

      const off = await patchStaff(id, { active: false });
      expect(off.statusCode).toBe(200);
      expect(off.json().active).toBe(false);
      expect((await me(token)).statusCode).toBe(401);
      const refused = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'patchee', password: 'patchee-password-1' },
        remoteAddress: freshIp(),
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe('auth.bad_credentials');

      const on = await patchStaff(id, { active: true });
      expect(on.json().active).toBe(true);
      await signIn('patchee', 'patchee-password-1');

      // Clearing the scope with null widens it to the whole country.
      const cleared = await patchStaff(id, { regionId: null, departmentId: null });
      expect(cleared.json()).toMatchObject({ regionId: null, departmentId: null });
    });

    it("changing a password ends that user's sessions, and only theirs; other edits end none", async () => {
      const created = await createStaff({ login: 'rotator', fullName: 'Rotator', password: 'first-password-1', roles: ['consultant'] });
      const id: number = created.json().id;
      const laptop = await signIn('rotator', 'first-password-1');
      const phone = await signIn('rotator', 'first-password-1');

      const rename = await patchStaff(id, { fullName: 'Rotator Renamed' });
      expect(rename.statusCode).toBe(200);
      expect((await me(laptop)).statusCode).toBe(200);

      const res = await patchStaff(id, { password: 'second-password-2' });
      expect(res.statusCode).toBe(200);
      expect((await me(laptop)).statusCode).toBe(401);
      expect((await me(phone)).statusCode).toBe(401);
      // The admin who changed it stays signed in.
      expect((await me(adminToken)).statusCode).toBe(200);

      const old = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'rotator', password: 'first-password-1' },
        remoteAddress: freshIp(),
      });
      expect(old.statusCode).toBe(401);
      await signIn('rotator', 'second-password-2');
    });

    it('the last active admin cannot be deactivated or demoted (409 staff.last_admin); with a second admin one can go', async () => {
      const deactivate = await patchStaff(adminId, { active: false });
      expect(deactivate.statusCode).toBe(409);
      expect(deactivate.json()).toEqual({ error: { code: 'staff.last_admin', message: 'Нельзя отключить последнего администратора.' } });
      const demote = await patchStaff(adminId, { roles: ['operator'] });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().error.code).toBe('staff.last_admin');
      const still = await services.staff.get(adminId);
      expect(still.active).toBe(true);
      expect(still.roles).toEqual(['admin']);
      expect((await me(adminToken)).statusCode).toBe(200);
      // The refused change left no audit row.
      expect((await audit(`?entity=staff_user&entityId=${adminId}&action=staff.update`)).items).toEqual([]);

      const second = await createStaff({ login: 'admin2', fullName: 'Second Admin', password: 'admin2-password-1', roles: ['admin'] });
      expect(second.statusCode).toBe(201);
      const off = await patchStaff(second.json().id, { active: false });
      expect(off.statusCode).toBe(200);
      // admin2 is inactive again, so `admin` is once more the last active one.
      expect((await patchStaff(adminId, { active: false })).statusCode).toBe(409);
    });

    it('scopeWhere selects exactly the staff rows inScope accepts', async () => {
      const [a0, a1] = regionA.districts;
      const people = [
        { login: 'sc-a', regionId: regionA.id, departmentId },
        { login: 'sc-a-other-dept', regionId: regionA.id, departmentId: otherDepartmentId },
        { login: 'sc-a-d0', regionId: regionA.id, districtId: a0!.id, departmentId },
        { login: 'sc-a-d1', regionId: regionA.id, districtId: (a1 ?? a0)!.id },
        { login: 'sc-b', regionId: regionB.id, departmentId },
        { login: 'sc-none' },
      ];
      for (const p of people) await services.staff.create({ type: 'system' }, { fullName: p.login, password: 'scope-password-1', roles: ['expert'], ...p });
      const all = await services.prisma.staffUser.findMany();
      const principals = [
        principal({ regionId: regionA.id }),
        principal({ regionId: regionA.id, departmentId }),
        principal({ regionId: regionA.id, districtId: a0!.id }),
        principal({ roles: ['admin'], regionId: regionB.id }),
      ];
      for (const p of principals) {
        const viaWhere = (await services.prisma.staffUser.findMany({ where: scopeWhere(p) })).map((u) => u.id).sort((x, y) => x - y);
        const viaInScope = all
          .filter((u) => inScope(p, u))
          .map((u) => u.id)
          .sort((x, y) => x - y);
        expect(viaWhere, JSON.stringify(p)).toEqual(viaInScope);
      }
      const regionDept = principals[1]!;
      const visible = all.filter((u) => inScope(regionDept, u)).map((u) => u.login);
      expect(visible).toEqual(expect.arrayContaining(['sc-a', 'sc-a-d0', 'operator1']));
      expect(visible).not.toContain('sc-a-other-dept');
      expect(visible).not.toContain('sc-b');
      expect(visible).not.toContain('sc-none');
    });
  });

  describe('audit log', () => {
    it('staff create, update and password change each leave a row with actor, action, entity, before and after', async () => {
      const ip = '198.51.100.20';
      const created = await createStaff({ login: 'audited', fullName: 'Audited Person', password: 'audited-password-1', roles: ['moderator'] }, adminToken, ip);
      const id: number = created.json().id;
      await patchStaff(id, { fullName: 'Audited Renamed', roles: ['moderator', 'expert'] }, adminToken, ip);
      await patchStaff(id, { password: 'audited-password-2' }, adminToken, ip);

      const { items } = await audit(`?entity=staff_user&entityId=${id}`);
      expect(items.map((i) => i.action)).toEqual(['staff.update_password', 'staff.update', 'staff.create']);
      for (const i of items) expect(i).toMatchObject({ actorType: 'staff', actorId: String(adminId), entity: 'staff_user', entityId: String(id), ip });

      const [password, update, create] = items as [AuditItem, AuditItem, AuditItem];
      expect(create.before).toBeNull();
      expect(create.after).toMatchObject({ id, login: 'audited', fullName: 'Audited Person', roles: ['moderator'], active: true });
      expect(update.before).toMatchObject({ fullName: 'Audited Person', roles: ['moderator'] });
      expect(update.after).toMatchObject({ fullName: 'Audited Renamed', roles: ['moderator', 'expert'] });
      expect(password.before).toMatchObject({ fullName: 'Audited Renamed' });
      expect(password.after).toMatchObject({ fullName: 'Audited Renamed' });
      for (const i of items) {
        expect(i.before ?? {}).not.toHaveProperty('passwordHash');
        expect(i.after ?? {}).not.toHaveProperty('passwordHash');
      }
    });

    it('sign-in, failed sign-in and sign-out are recorded with the client address', async () => {
      await services.staff.create({ type: 'system' }, { login: 'comer', fullName: 'Comer', password: 'comer-password-1', roles: ['consultant'] });
      const comer = await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'comer' } });
      const ip = '198.51.100.30';

      const failed = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'comer', password: 'wrong-password' }, remoteAddress: ip });
      expect(failed.statusCode).toBe(401);
      const unknown = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'ghost-login', password: 'whatever-1' },
        remoteAddress: ip,
      });
      expect(unknown.statusCode).toBe(401);
      const token = await signIn('comer', 'comer-password-1', ip);
      const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(token), remoteAddress: ip });
      expect(out.statusCode).toBe(200);

      const { items } = await audit('?action=auth.*&limit=4');
      expect(items.map((i) => i.action)).toEqual(['auth.logout', 'auth.login', 'auth.login_failed', 'auth.login_failed']);
      const [logout, login, ghost, wrong] = items as [AuditItem, AuditItem, AuditItem, AuditItem];
      expect(logout).toMatchObject({ actorType: 'staff', actorId: String(comer.id), entity: 'staff_user', entityId: String(comer.id), ip });
      expect(login).toMatchObject({ actorType: 'staff', actorId: String(comer.id), entity: 'staff_user', entityId: String(comer.id), ip });
      expect(wrong).toMatchObject({ actorType: 'staff', actorId: String(comer.id), entity: 'staff_user', ip });
      // An unknown login has no actor.
      expect(ghost).toMatchObject({ actorType: 'staff', actorId: null, entity: 'staff_user', ip });
      expect(JSON.stringify(items)).not.toContain('wrong-password');
    });

    it('calendar set and remove are recorded with the day before and after', async () => {
      const ip = '198.51.100.40';
      const put = await app.inject({
        method: 'PUT',
        url: '/api/calendar/2026-11-13',
        headers: asAdmin(),
        remoteAddress: ip,
        payload: { kind: 'day_off', nameKk: 'Сынақ демалысы', nameRu: 'Тестовый выходной' },
      });
      expect(put.statusCode).toBe(200);
      const del = await app.inject({ method: 'DELETE', url: '/api/calendar/2026-11-13', headers: asAdmin(), remoteAddress: ip });
      expect(del.statusCode).toBe(200);

      const { items } = await audit('?entity=calendar_day&entityId=2026-11-13');
      expect(items.map((i) => i.action)).toEqual(['calendar.remove', 'calendar.set']);
      const [remove, set] = items as [AuditItem, AuditItem];
      expect(set).toMatchObject({ actorType: 'staff', actorId: String(adminId), entity: 'calendar_day', entityId: '2026-11-13', before: null, ip });
      expect(set.after).toEqual({ date: '2026-11-13', kind: 'day_off', nameKk: 'Сынақ демалысы', nameRu: 'Тестовый выходной' });
      expect(remove).toMatchObject({ actorType: 'staff', actorId: String(adminId), after: null, ip });
      expect(remove.before).toMatchObject({ kind: 'day_off', nameRu: 'Тестовый выходной', source: 'admin' });
    });

    it('lists newest first and filters by entity and by an action prefix', async () => {
      const marker = await createStaff({ login: 'newest', fullName: 'Newest', password: 'newest-password-1', roles: ['expert'] });
      const { items } = await audit('?limit=500');
      expect(items.length).toBeGreaterThan(10);
      const ids = items.map((i) => BigInt(i.id));
      for (let k = 1; k < ids.length; k++) expect(ids[k]! < ids[k - 1]!).toBe(true);
      expect(items[0]).toMatchObject({ action: 'staff.create', entityId: String(marker.json().id) });
      for (let k = 1; k < items.length; k++) expect(Date.parse(items[k]!.at)).toBeLessThanOrEqual(Date.parse(items[k - 1]!.at));

      const staffActions = (await audit('?action=staff.*&limit=500')).items;
      expect(staffActions.length).toBeGreaterThan(0);
      expect(staffActions.every((i) => i.action.startsWith('staff.'))).toBe(true);
      expect(new Set(staffActions.map((i) => i.action))).toEqual(new Set(['staff.bootstrap_admin', 'staff.create', 'staff.update', 'staff.update_password']));
      // auth.* rows concern staff_user too, but are not staff.* actions.
      expect(items.some((i) => i.entity === 'staff_user' && i.action.startsWith('auth.'))).toBe(true);

      const exact = (await audit('?action=staff.create&limit=500')).items;
      expect(exact.length).toBeGreaterThan(0);
      expect(exact.every((i) => i.action === 'staff.create')).toBe(true);

      const calendar = (await audit('?entity=calendar_day&limit=500')).items;
      expect(calendar.length).toBeGreaterThan(0);
      expect(calendar.every((i) => i.entity === 'calendar_day')).toBe(true);
      expect(calendar.length).toBeLessThan(items.length);

      const byActor = (await audit(`?actorType=system&limit=500`)).items;
      expect(byActor.map((i) => i.action)).toContain('staff.bootstrap_admin');
      expect(byActor.every((i) => i.actorType === 'system')).toBe(true);
    });

    it('paginates with nextCursor: pages are disjoint, in order, and end with null', async () => {
      const full = (await audit('?limit=500')).items;
      expect(full.length).toBeGreaterThan(7);
      const walked: AuditItem[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: AuditItem[]; nextCursor: string | null } = await audit(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(3);
        if (page.nextCursor) {
          expect(page.items).toHaveLength(3);
          expect(page.nextCursor).toBe(page.items[2]!.id);
        }
        walked.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 1000);
      expect(pages).toBe(Math.ceil(full.length / 3));
      expect(walked.map((i) => i.id)).toEqual(full.map((i) => i.id));

      const bad = await app.inject({ method: 'GET', url: '/api/audit?cursor=abc', headers: asAdmin() });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation');
    });

    it('password hashes and passwords never appear in the audit log', async () => {
      const rows = await services.prisma.auditLog.findMany();
      const staffRows = rows.filter((r) => r.entity === 'staff_user' && (r.before || r.after));
      expect(staffRows.length).toBeGreaterThan(3);
      const raw = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
      expect(raw).not.toContain('scrypt$');
      expect(raw).not.toContain('passwordHash');
      for (const secret of [ADMIN_PASSWORD, 'audited-password-1', 'audited-password-2', 'second-password-2', 'patchee-password-1'])
        expect(raw).not.toContain(secret);
      const api = await app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: asAdmin() });
      expect(api.body).not.toContain('scrypt$');
      expect(api.body).not.toContain('passwordHash');
    });
  });

  describe('calendar', () => {
    // The days below are of the calendar of 2026: the clock is pinned in that year, so the tests read the same
    // calendar whatever day they run on (Date only; timers stay real).
    beforeAll(() => vi.setSystemTime(new Date('2026-03-02T04:00:00Z')));
    afterAll(() => vi.useRealTimers());
    /** An admin's entry for one day of the calendar. */
    const putDay = (date: string, payload: Record<string, unknown>) => app.inject({ method: 'PUT', url: `/api/calendar/${date}`, headers: asAdmin(), payload });
    const addWorkingDays = async (from: string, days: number) => {
      const res = await app.inject({ method: 'GET', url: `/api/calendar/add-working-days?from=${from}&days=${days}`, headers: as(operatorToken) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { from: string; days: number; date: string; at: string };
    };

    it('removing an admin change to a legal day off restores the day off, not a working day', async () => {
      const put = await putDay('2026-03-24', { kind: 'working_day', nameKk: 'Жұмыс күні', nameRu: 'Рабочий день' });
      expect(put.statusCode, put.body).toBe(200);
      expect((await addWorkingDays('2026-03-23', 1)).date).toBe('2026-03-24');
      const del = await app.inject({ method: 'DELETE', url: '/api/calendar/2026-03-24', headers: asAdmin() });
      expect(del.statusCode, del.body).toBe(200);
      expect((await addWorkingDays('2026-03-23', 1)).date).toBe('2026-03-26');
      const res = await app.inject({ method: 'GET', url: '/api/calendar?year=2026', headers: asAdmin() });
      expect((res.json() as Array<{ date: string; kind: string; source: string }>).find((d) => d.date === '2026-03-24')).toMatchObject({
        kind: 'day_off',
        source: 'default',
      });
    });

    it('asks for a sign-in before looking at the body of an anonymous write', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/staff', payload: { login: 'x' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.unauthenticated');
    });

    it('lists the seeded 2026 exceptions, including the days off moved from weekend holidays', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/calendar?year=2026', headers: as(operatorToken) });
      expect(res.statusCode).toBe(200);
      const days: Array<{ date: string; kind: string; nameRu: string; nameKk: string; source: string }> = res.json();
      const byDate = new Map(days.map((d) => [d.date, d]));
      expect(days.every((d) => d.date.startsWith('2026-'))).toBe(true);
      expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
      // 8 March 2026 is a Sunday, so Monday 9 March is the day off.
      expect(byDate.get('2026-03-08')).toMatchObject({ kind: 'holiday', nameRu: 'Международный женский день', source: 'default' });
      expect(byDate.get('2026-03-09')).toMatchObject({ kind: 'day_off', source: 'default' });
      expect(byDate.get('2026-03-09')!.nameRu).toContain('Международный женский день');
      // Nauryz 21–23 March: 21 (Sat) and 22 (Sun) move past Monday 23 (itself a holiday) to 24 and 25.
      for (const d of ['2026-03-21', '2026-03-22', '2026-03-23']) expect(byDate.get(d)?.kind, d).toBe('holiday');
      expect(byDate.get('2026-03-24')).toMatchObject({ kind: 'day_off', nameRu: 'Перенесённый выходной (Наурыз мейрамы)' });
      expect(byDate.get('2026-03-25')).toMatchObject({ kind: 'day_off', nameKk: 'Демалыс күні ауыстырылды (Наурыз мейрамы)' });
      expect(byDate.has('2026-03-26')).toBe(false);
      // Kurban Ait is religious: no moved day off for it (27 May 2026 is a Wednesday anyway).
      expect(byDate.get('2026-05-27')?.kind).toBe('holiday');

      const y2027 = (await app.inject({ method: 'GET', url: '/api/calendar?year=2027', headers: as(operatorToken) })).json();
      expect(y2027.length).toBeGreaterThan(0);
      expect(y2027.every((d: { date: string }) => d.date.startsWith('2027-'))).toBe(true);

      const badYear = await app.inject({ method: 'GET', url: '/api/calendar?year=1999', headers: as(operatorToken) });
      expect(badYear.statusCode).toBe(400);
      expect(badYear.json().error.code).toBe('validation');
    });

    it('add-working-days skips the Nauryz holidays and moved days off', async () => {
      // From Wednesday 18 March 2026, three working days:
      //   Thu 19 (1), Fri 20 (2); Sat 21 + Sun 22 are Nauryz on a weekend and Mon 23 is Nauryz;
      //   the weekend days move to the next days that are neither weekend nor holiday: Tue 24, Wed 25;
      //   so Thu 26 is the 3rd working day.
      const r = await addWorkingDays('2026-03-18', 3);
      expect(r).toEqual({ from: '2026-03-18', days: 3, date: '2026-03-26', at: '2026-03-26T00:00:00+05:00' });
      // The 4th is Fri 27 March.
      expect((await addWorkingDays('2026-03-18', 4)).date).toBe('2026-03-27');
      // 0 days: the first working day on/after the date (Sunday 8 March → Tuesday 10 March, since 9 March is the moved day off).
      expect((await addWorkingDays('2026-03-08', 0)).date).toBe('2026-03-10');
    });

    it('an admin PUT of a holiday changes add-working-days; DELETE restores it', async () => {
      const put = await putDay('2026-03-27', { kind: 'holiday', nameKk: 'Қосымша демалыс', nameRu: 'Дополнительный выходной' });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toEqual({ ok: true });

      const listed = (await app.inject({ method: 'GET', url: '/api/calendar?year=2026', headers: asAdmin() })).json();
      expect(listed.find((d: { date: string }) => d.date === '2026-03-27')).toEqual({
        date: '2026-03-27',
        kind: 'holiday',
        nameKk: 'Қосымша демалыс',
        nameRu: 'Дополнительный выходной',
        source: 'admin',
      });
      // 3 working days after 18 March still end on Thursday 26; the 4th moves from Fri 27 over the weekend to Mon 30.
      expect((await addWorkingDays('2026-03-18', 3)).date).toBe('2026-03-26');
      expect(await addWorkingDays('2026-03-18', 4)).toEqual({ from: '2026-03-18', days: 4, date: '2026-03-30', at: '2026-03-30T00:00:00+05:00' });

      const del = await app.inject({ method: 'DELETE', url: '/api/calendar/2026-03-27', headers: asAdmin() });
      expect(del.statusCode).toBe(200);
      expect((await addWorkingDays('2026-03-18', 4)).date).toBe('2026-03-27');
      const after = (await app.inject({ method: 'GET', url: '/api/calendar?year=2026', headers: asAdmin() })).json();
      expect(after.some((d: { date: string }) => d.date === '2026-03-27')).toBe(false);

      const again = await app.inject({ method: 'DELETE', url: '/api/calendar/2026-03-27', headers: asAdmin() });
      expect(again.statusCode).toBe(404);
      expect(again.json()).toEqual({ error: { code: 'calendar.not_found', message: 'В календаре нет такой даты.' } });
    });

    it('a working Saturday set by decree counts as a working day', async () => {
      // Sat 28 March 2026 made a working day: from Thu 26, the 1st working day is Fri 27, the 2nd Sat 28.
      expect((await addWorkingDays('2026-03-26', 2)).date).toBe('2026-03-30');
      const put = await putDay('2026-03-28', { kind: 'working_day', nameKk: 'Жұмыс күні', nameRu: 'Рабочий день' });
      expect(put.statusCode).toBe(200);
      expect((await addWorkingDays('2026-03-26', 2)).date).toBe('2026-03-28');
      await app.inject({ method: 'DELETE', url: '/api/calendar/2026-03-28', headers: asAdmin() });
      expect((await addWorkingDays('2026-03-26', 2)).date).toBe('2026-03-30');
    });

    it('rejects impossible dates and unknown kinds', async () => {
      const impossible = await putDay('2026-02-30', { kind: 'holiday', nameKk: 'x', nameRu: 'x' });
      expect(impossible.statusCode).toBe(400);
      // every route refuses a day that does not exist with the same code (server/schemas.ts calendarDate)
      expect(impossible.json().error.code).toBe('input.bad_date');
      const kind = await putDay('2026-04-01', { kind: 'weekend', nameKk: 'x', nameRu: 'x' });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error.code).toBe('validation');
      expect(kind.json().error.details.map((d: { path: string }) => d.path)).toContain('body.kind');
      const query = await app.inject({ method: 'GET', url: '/api/calendar/add-working-days?from=18.03.2026&days=3', headers: asAdmin() });
      expect(query.statusCode).toBe(400);
      expect(query.json().error.code).toBe('validation');
      expect(await services.prisma.calendarDay.findUnique({ where: { date: new Date('2026-04-01T00:00:00Z') } })).toBeNull();
    });
  });

  describe('reference data', () => {
    it('lists the 20 regions, each with Kazakh and Russian names and its districts', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/reference/regions', headers: as(operatorToken) });
      expect(res.statusCode).toBe(200);
      const regions: Array<{
        id: number;
        code: string;
        kind: string;
        nameKk: string;
        nameRu: string;
        districts: Array<{ id: number; nameKk: string; nameRu: string }>;
      }> = res.json();
      expect(regions).toHaveLength(20);
      expect(regions.filter((r) => r.kind === 'city')).toHaveLength(3);
      expect(regions.filter((r) => r.kind === 'oblast')).toHaveLength(17);
      expect(new Set(regions.map((r) => r.code)).size).toBe(20);
      for (const r of regions) {
        expect(r.nameKk.length, r.code).toBeGreaterThan(0);
        expect(r.nameRu.length, r.code).toBeGreaterThan(0);
        expect(r.districts.length, r.code).toBeGreaterThan(0);
        for (const d of r.districts) {
          expect(d.nameKk.length).toBeGreaterThan(0);
          expect(d.nameRu.length).toBeGreaterThan(0);
        }
      }
      expect(regions.find((r) => r.code === 'astana')).toMatchObject({ nameKk: 'Астана қаласы', nameRu: 'город Астана', kind: 'city' });
      expect(regions.filter((r) => KAZAKH_LETTERS.test(r.nameKk)).length).toBeGreaterThan(10);
      // Internal columns stay internal.
      expect(res.body).not.toContain('"sort"');
      expect(res.body).not.toContain('"regionId"');
    });

    it('lists the 19 areas of the state social order', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/reference/areas', headers: as(operatorToken) });
      expect(res.statusCode).toBe(200);
      const areas: Array<{ id: number; slug: string; nameKk: string; nameRu: string }> = res.json();
      expect(areas).toHaveLength(19);
      expect(areas.map((a) => a.id)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
      expect(areas[0]).toMatchObject({ slug: 'education-science-information-sport' });
      for (const a of areas) expect(a.nameKk).not.toBe(a.nameRu);
    });

    it('lists categories routed to existing departments with their deadlines in working days', async () => {
      const categories: Array<{ code: string; departmentId: number; areaId: number | null; deadlineDays: number; nameKk: string; nameRu: string }> = (
        await app.inject({ method: 'GET', url: '/api/reference/categories', headers: as(operatorToken) })
      ).json();
      const departments: Array<{ id: number; code: string }> = (
        await app.inject({ method: 'GET', url: '/api/reference/departments', headers: as(operatorToken) })
      ).json();
      expect(categories.length).toBeGreaterThan(5);
      const deptIds = new Set(departments.map((d) => d.id));
      for (const c of categories) {
        expect(deptIds.has(c.departmentId), c.code).toBe(true);
        expect(Number.isInteger(c.deadlineDays) && c.deadlineDays >= 1 && c.deadlineDays <= 15, c.code).toBe(true);
      }
      const roads = categories.find((c) => c.code === 'roads-sidewalks');
      expect(roads).toMatchObject({ deadlineDays: 10, areaId: 14, nameRu: 'Дороги и тротуары' });
      expect(departments.find((d) => d.id === roads!.departmentId)?.code).toBe('roads-transport');
    });

    it('reference data needs a signed-in staff member', async () => {
      for (const path of ['regions', 'areas', 'departments', 'categories']) {
        const res = await app.inject({ method: 'GET', url: `/api/reference/${path}` });
        expect(res.statusCode, path).toBe(401);
      }
    });
  });
});
