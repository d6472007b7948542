// Staff actions on reports beyond one status change: routing and assignment within scope, status changes
// in bulk with per-report results, merging duplicates (followers and support move), hiding from public
// view with the author told in their language, and each staff member's own notices.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Category, Citizen, Report } from '../generated/prisma/client.ts';
import type { Actor } from '../core/audit/audit-log.ts';
import type { NewReport } from '../core/reports/report-service.ts';
import { bearer as as, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { sentParams } from './helpers/outbox.ts';

const system: Actor = { type: 'system' };

interface Result {
  id: number;
  ok: boolean;
  error?: { code: string; message: string };
}

describe.each(dbTargets)('report admin API (%s)', (target) => {
  const api = useApiApp(target);
  const { services, app } = api;
  let admin: string;
  let regionA: { id: number; districts: Array<{ id: number }> };
  let regionB: { id: number; districts: Array<{ id: number }> };
  let category: Category;
  let otherCategory: Category;
  let otherDepartmentId: number;
  const staff: Record<string, { id: number; token: string }> = {};
  let nextTelegramId = 880_000;

  const post = (url: string, payload: unknown, token = admin, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, headers: { ...as(token), ...headers }, payload: payload as Record<string, unknown> });
  const detail = async (id: number, token = admin) => {
    const res = await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: as(token) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const row = (id: number) => services.prisma.report.findUniqueOrThrow({ where: { id } });

  async function citizen(locale: 'kk' | 'ru' = 'ru'): Promise<Citizen> {
    return services.prisma.citizen.create({ data: { telegramId: BigInt(nextTelegramId++), locale, consentAt: new Date('2026-01-01T00:00:00Z') } });
  }

  let n = 0;
  async function report(extra: Partial<NewReport> = {}): Promise<Report> {
    n += 1;
    return services.reports.create(system, {
      source: 'staff',
      categoryId: category.id,
      regionId: regionA.id,
      districtId: regionA.districts[0]!.id,
      description: `Проблема номер ${n}: сломан фонарь у дома`,
      evidence: [],
      ...extra,
    });
  }

  async function account(
    login: string,
    roles: Array<'operator' | 'consultant' | 'moderator'>,
    scope: { regionId?: number; departmentId?: number } = {},
    active = true,
  ) {
    const password = `${login}-password-1`;
    const user = await services.staff.create(system, { login, fullName: login, password, roles, ...scope });
    staff[login] = { id: user.id, token: await api.signIn(login, password) };
    if (!active) await services.prisma.staffUser.update({ where: { id: user.id }, data: { active: false } });
  }

  beforeAll(async () => {
    admin = api.adminToken;
    const regions = await services.prisma.region.findMany({ orderBy: { id: 'asc' }, include: { districts: { orderBy: { id: 'asc' } } } });
    const withDistricts = regions.filter((r) => r.districts.length > 0);
    [regionA, regionB] = [withDistricts[0]!, withDistricts[1]!];
    const categories = await services.prisma.category.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
    category = categories[0]!;
    otherCategory = categories.find((c) => c.departmentId !== category.departmentId)!;
    otherDepartmentId = otherCategory.departmentId;

    await account('op-region', ['operator'], { regionId: regionA.id });
    await account('op-dept', ['operator'], { regionId: regionA.id, departmentId: category.departmentId });
    await account('op-b', ['operator'], { regionId: regionB.id });
    await account('op-asleep', ['operator'], { regionId: regionA.id }, false);
    await account('consultant', ['consultant'], { regionId: regionA.id });
    await account('moderator', ['moderator']);
  });

  describe('assign and route', () => {
    it('an operator in scope assigns an operator whose scope covers the report: kept in history with who, and audited', async () => {
      const r = await report();
      const res = await post(`/api/reports/${r.id}/assign`, { assigneeId: staff['op-dept']!.id, internalNote: 'Возьмите в работу' }, staff['op-region']!.token);
      expect(res.statusCode, res.body).toBe(200);
      const d = await detail(r.id);
      expect(d.assigneeId).toBe(staff['op-dept']!.id);
      expect(d.history.at(-1)).toMatchObject({ type: 'assign', actorType: 'staff', internalNote: 'Возьмите в работу' });
      const event = await services.prisma.reportEvent.findFirstOrThrow({ where: { reportId: r.id, type: 'assign' } });
      expect(event.actorId).toBe(String(staff['op-region']!.id));
      const audit = await services.prisma.auditLog.findFirstOrThrow({ where: { entity: 'report', entityId: String(r.id), action: 'report.assign' } });
      expect(audit).toMatchObject({ actorType: 'staff', actorId: String(staff['op-region']!.id), after: { assigneeId: staff['op-dept']!.id } });

      // null takes it off the assignee.
      expect((await post(`/api/reports/${r.id}/assign`, { assigneeId: null })).statusCode).toBe(200);
      expect((await row(r.id)).assigneeId).toBeNull();
    });

    it('refuses an assignee who is not an active operator covering the report (400 report.bad_assignee)', async () => {
      const r = await report();
      for (const who of [staff['op-b']!.id, staff['consultant']!.id, staff['op-asleep']!.id, staff['moderator']!.id, 999_999]) {
        const res = await post(`/api/reports/${r.id}/assign`, { assigneeId: who });
        expect(res.statusCode, String(who)).toBe(400);
        expect(res.json().error.code).toBe('report.bad_assignee');
      }
      // An operator of another department does not cover it either.
      const elsewhere = await report({ categoryId: otherCategory.id });
      const res = await post(`/api/reports/${elsewhere.id}/assign`, { assigneeId: staff['op-dept']!.id });
      expect(res.json().error.code).toBe('report.bad_assignee');
      expect((await row(r.id)).assigneeId).toBeNull();
      expect(await services.prisma.reportEvent.count({ where: { reportId: { in: [r.id, elsewhere.id] }, type: 'assign' } })).toBe(0);
    });

    it('re-routing: the department changes, the report may leave the operator’s scope, and an assignee it no longer covers is taken off', async () => {
      const r = await report();
      expect((await post(`/api/reports/${r.id}/assign`, { assigneeId: staff['op-dept']!.id })).statusCode).toBe(200);
      const res = await post(`/api/reports/${r.id}/assign`, { departmentId: otherDepartmentId, internalNote: 'Не наш профиль' }, staff['op-dept']!.token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().departmentId).toBe(otherDepartmentId);
      const after = await row(r.id);
      expect(after).toMatchObject({ departmentId: otherDepartmentId, assigneeId: null });
      // Out of the department operator's scope now, still in the region operator's.
      expect((await app.inject({ method: 'GET', url: `/api/reports/${r.id}`, headers: as(staff['op-dept']!.token) })).statusCode).toBe(403);
      const d = await detail(r.id, staff['op-region']!.token);
      expect(d.history.slice(-2).map((h: { type: string }) => h.type)).toEqual(['route', 'assign']);
      expect(d.history.at(-2)).toMatchObject({ internalNote: 'Не наш профиль' });
      expect(await services.prisma.auditLog.count({ where: { entityId: String(r.id), action: 'report.route' } })).toBe(1);
    });

    it('an operator out of scope can neither route nor assign (403), and nothing changes', async () => {
      const r = await report();
      for (const payload of [{ departmentId: otherDepartmentId }, { assigneeId: staff['op-b']!.id }]) {
        const res = await post(`/api/reports/${r.id}/assign`, payload, staff['op-b']!.token);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('auth.out_of_scope');
      }
      expect(await row(r.id)).toMatchObject({ departmentId: category.departmentId, assigneeId: null });
    });

    it('an empty body, an unknown department or a consultant are refused', async () => {
      const r = await report();
      const empty = await post(`/api/reports/${r.id}/assign`, {});
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.code).toBe('validation');
      const unknown = await post(`/api/reports/${r.id}/assign`, { departmentId: 999_999 });
      expect(unknown.json().error.code).toBe('report.unknown_department');
      const consultant = await post(`/api/reports/${r.id}/assign`, { assigneeId: null }, staff['consultant']!.token);
      expect(consultant.statusCode).toBe(403);
      expect(consultant.json().error.code).toBe('auth.role_required');
    });
  });

  describe('bulk status', () => {
    it('each report succeeds or fails on its own: scope, transition and unknown ids, with localised messages', async () => {
      const [a, b, done, foreign] = [
        await report(),
        await report(),
        await report(),
        await report({ regionId: regionB.id, districtId: regionB.districts[0]!.id }),
      ];
      await services.reports.changeStatus(system, done.id, { to: 'rejected', publicNote: 'Не подтвердилось' });
      const res = await post(
        '/api/reports/bulk/status',
        { ids: [a.id, done.id, foreign.id, 999_999, b.id], to: 'in_work', internalNote: 'Пакетом' },
        staff['op-region']!.token,
        { 'accept-language': 'kk' },
      );
      expect(res.statusCode, res.body).toBe(200);
      const results: Result[] = res.json().results;
      expect(results.map((r) => [r.id, r.ok, r.error?.code])).toEqual([
        [a.id, true, undefined],
        [done.id, false, 'report.bad_transition'],
        [foreign.id, false, 'auth.out_of_scope'],
        [999_999, false, 'report.not_found'],
        [b.id, true, undefined],
      ]);
      expect(results[2]!.error!.message).toMatch(/өңіріңізге/);
      expect((await row(a.id)).status).toBe('in_work');
      expect((await row(b.id)).status).toBe('in_work');
      expect((await row(foreign.id)).status).toBe('new');
      const events = await services.prisma.reportEvent.findMany({ where: { reportId: { in: [a.id, b.id] }, type: 'status' } });
      expect(events.map((e) => [e.actorId, e.internalNote])).toEqual([
        [String(staff['op-region']!.id), 'Пакетом'],
        [String(staff['op-region']!.id), 'Пакетом'],
      ]);
    });

    it('closing in bulk: a report the template does not fit has no note and fails, the others close with the note', async () => {
      const template = await services.reportTemplates.create(system, {
        categoryId: category.id,
        status: 'resolved',
        title: 'Исправлено',
        textKk: '{{number}} өтініші бойынша жұмыс аяқталды.',
        textRu: 'Работы по обращению {{number}} выполнены.',
      });
      const [a, b, other] = [await report(), await report(), await report({ categoryId: otherCategory.id })];
      const res = await post('/api/reports/bulk/status', { ids: [a.id, other.id, b.id], to: 'resolved', templateId: template.id });
      expect(res.statusCode, res.body).toBe(200);
      const results: Result[] = res.json().results;
      expect(results.map((r) => [r.id, r.ok, r.error?.code])).toEqual([
        [a.id, true, undefined],
        [other.id, false, 'template.wrong_category'],
        [b.id, true, undefined],
      ]);
      expect((await row(other.id)).status).toBe('new');
      const note = await services.prisma.reportEvent.findFirstOrThrow({ where: { reportId: b.id, toStatus: 'resolved' } });
      expect(note.publicNote).toBe(`Работы по обращению ${b.number} выполнены.`);

      // Without any note nothing closes.
      const bare = await post('/api/reports/bulk/status', { ids: [other.id], to: 'resolved' });
      expect(bare.json().results).toEqual([{ id: other.id, ok: false, error: { code: 'report.note_required', message: expect.any(String) } }]);
    });

    it('takes 1 to 200 ids', async () => {
      for (const ids of [[], Array.from({ length: 201 }, (_, i) => i + 1)]) {
        const res = await post('/api/reports/bulk/status', { ids, to: 'in_work' });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('validation');
      }
    });
  });

  describe('merge', () => {
    it('duplicates point to the report, their authors and followers follow it, and its support count grows', async () => {
      const [authorT, authorD1, followerD1, authorD2, supporterT] = [await citizen(), await citizen('kk'), await citizen(), await citizen(), await citizen()];
      const t = await report({ citizenId: authorT.id });
      const d1 = await report({ citizenId: authorD1.id });
      const d2 = await report({ citizenId: authorD2.id });
      await services.reports.support(supporterT.id, t.id);
      await services.reports.support(followerD1.id, d1.id);
      // A shared follower is counted once.
      await services.reports.support(supporterT.id, d2.id);

      const res = await post(
        `/api/reports/${t.id}/merge`,
        { duplicateIds: [d1.id, d2.id], publicNote: 'Эта проблема уже в работе' },
        staff['op-region']!.token,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results).toEqual([
        { id: d1.id, ok: true },
        { id: d2.id, ok: true },
      ]);
      expect(res.json().report).toMatchObject({ id: t.id, supportCount: 4 });

      for (const d of [d1, d2]) expect(await row(d.id)).toMatchObject({ status: 'duplicate', duplicateOfId: t.id });
      const followers = await services.prisma.reportFollower.findMany({ where: { reportId: t.id }, orderBy: { citizenId: 'asc' } });
      expect(followers.map((f) => f.citizenId)).toEqual([supporterT.id, authorD1.id, followerD1.id, authorD2.id].sort((x, y) => x - y));
      expect((await detail(t.id)).history.filter((h: { type: string }) => h.type === 'merge')).toHaveLength(2);
      expect(await services.prisma.auditLog.count({ where: { entityId: String(t.id), action: 'report.merge' } })).toBe(1);
    });

    it('refuses to merge into a closed report or a duplicate (409), or a report into itself (400)', async () => {
      const [closed, loose, original, dup] = [await report(), await report(), await report(), await report()];
      await services.reports.changeStatus(system, closed.id, { to: 'resolved', publicNote: 'Сделано' });
      await services.reports.changeStatus(system, dup.id, { to: 'duplicate', duplicateOfId: original.id });
      for (const target of [closed, dup]) {
        const res = await post(`/api/reports/${target.id}/merge`, { duplicateIds: [loose.id] });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('report.merge_target_closed');
        expect(res.json().error.message).toContain(target.number);
      }
      const self = await post(`/api/reports/${original.id}/merge`, { duplicateIds: [original.id] });
      expect(self.statusCode).toBe(400);
      expect(self.json().error.code).toBe('report.merge_self');
      expect((await row(loose.id)).status).toBe('new');
    });

    it('a duplicate out of the operator’s scope is refused on its own', async () => {
      const [t, mine, foreign] = [await report(), await report(), await report({ regionId: regionB.id, districtId: regionB.districts[0]!.id })];
      const res = await post(`/api/reports/${t.id}/merge`, { duplicateIds: [foreign.id, mine.id] }, staff['op-region']!.token);
      expect(res.json().results.map((r: Result) => [r.id, r.ok, r.error?.code])).toEqual([
        [foreign.id, false, 'auth.out_of_scope'],
        [mine.id, true, undefined],
      ]);
      expect((await row(foreign.id)).status).toBe('new');
    });
  });

  describe('hide and unhide', () => {
    const texts = async (chatId: bigint) =>
      (await services.prisma.outboxMessage.findMany({ where: { chatId }, orderBy: { id: 'asc' } })).map((m) => sentParams(m).text);

    it('a moderator hides a report: the text is kept, the list flags it, the history has the reason, the author is told in Kazakh', async () => {
      const [author, follower] = [await citizen('kk'), await citizen('ru')];
      const r = await report({ citizenId: author.id, description: 'Сосед ругается матом и паркуется на газоне' });
      await services.reports.support(follower.id, r.id);
      const res = await post(`/api/reports/${r.id}/hide`, { reason: 'Персональные данные третьих лиц' }, staff['moderator']!.token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().hidden).toBe(true);

      const d = await detail(r.id);
      expect(d).toMatchObject({ description: 'Сосед ругается матом и паркуется на газоне', hidden: true, hiddenReason: 'Персональные данные третьих лиц' });
      expect(d.history.at(-1)).toMatchObject({ type: 'hide', actorType: 'staff', internalNote: 'Персональные данные третьих лиц', publicNote: null });
      const list = await app.inject({ method: 'GET', url: '/api/reports?limit=200', headers: as(admin) });
      expect(list.json().items.find((i: { id: number }) => i.id === r.id).hidden).toBe(true);

      const told = await texts(author.telegramId);
      expect(told).toHaveLength(1);
      expect(told[0]).toContain(r.number);
      expect(told[0]).toContain('көпшілікке көрсетілмейді');
      expect(told[0]).toContain('Персональные данные третьих лиц');
      // Followers are not told: moderation is between the author and the akimat.
      expect(await texts(follower.telegramId)).toEqual([]);
      expect(await services.prisma.auditLog.count({ where: { entityId: String(r.id), action: 'report.hide', actorId: String(staff['moderator']!.id) } })).toBe(
        1,
      );

      expect((await post(`/api/reports/${r.id}/hide`, { reason: 'ещё раз' }, staff['moderator']!.token)).json().error.code).toBe('report.already_hidden');
    });

    it('unhide shows it again, tells a Russian-speaking author in Russian, and keeps both steps in history', async () => {
      const author = await citizen('ru');
      const r = await report({ citizenId: author.id });
      expect((await post(`/api/reports/${r.id}/hide`, { reason: 'Оскорбления' }, staff['op-region']!.token)).statusCode).toBe(200);
      const res = await post(`/api/reports/${r.id}/unhide`, undefined, staff['op-region']!.token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().hidden).toBe(false);
      expect(await row(r.id)).toMatchObject({ hidden: false, hiddenReason: null, description: r.description });
      expect((await detail(r.id)).history.slice(-2).map((h: { type: string }) => h.type)).toEqual(['hide', 'unhide']);
      const told = await texts(author.telegramId);
      expect(told).toHaveLength(2);
      expect(told[0]).toContain('скрыто из открытого доступа');
      expect(told[1]).toContain('снова видно');
      expect((await post(`/api/reports/${r.id}/unhide`, undefined)).json().error.code).toBe('report.not_hidden');
    });

    it('a consultant, an operator out of scope and an empty reason are refused; nothing is hidden', async () => {
      const r = await report();
      const consultant = await post(`/api/reports/${r.id}/hide`, { reason: 'Спам' }, staff['consultant']!.token);
      expect(consultant.statusCode).toBe(403);
      expect(consultant.json().error.code).toBe('auth.role_required');
      expect((await post(`/api/reports/${r.id}/hide`, { reason: 'Спам' }, staff['op-b']!.token)).statusCode).toBe(403);
      expect((await post(`/api/reports/${r.id}/hide`, { reason: '   ' })).statusCode).toBe(400);
      expect((await row(r.id)).hidden).toBe(false);
    });
  });

  describe('notices', () => {
    it('each staff member lists and reads only their own notices', async () => {
      const r = await report();
      const mk = (who: string, text: string) =>
        services.prisma.staffNotice.create({ data: { staffUserId: staff[who]!.id, kind: 'report.overdue', reportId: r.id, text } });
      const first = await mk('op-region', 'Просрочено 1');
      const second = await mk('op-region', 'Просрочено 2');
      const theirs = await mk('op-b', 'Чужое');
      const token = staff['op-region']!.token;
      const list = (q = '') => app.inject({ method: 'GET', url: `/api/notices${q}`, headers: as(token) }).then((res) => res.json());

      const all = await list();
      expect(all.items.map((x: { id: number }) => x.id)).toEqual([second.id, first.id]);
      expect(all.unread).toBe(2);
      expect(all.items[0]).toMatchObject({ kind: 'report.overdue', reportId: r.id, text: 'Просрочено 2', readAt: null });

      const read = await post(`/api/notices/${first.id}/read`, undefined, token);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().readAt).not.toBeNull();
      const unread = await list('?unread=true');
      expect(unread.items.map((x: { id: number }) => x.id)).toEqual([second.id]);
      expect(unread.unread).toBe(1);
      const paged = await list('?limit=1');
      expect(paged.nextCursor).toBe(String(second.id));
      expect((await list(`?limit=1&cursor=${paged.nextCursor}`)).items.map((x: { id: number }) => x.id)).toEqual([first.id]);

      const foreign = await post(`/api/notices/${theirs.id}/read`, undefined, token);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe('notice.not_found');
      expect((await services.prisma.staffNotice.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
      expect((await app.inject({ method: 'GET', url: '/api/notices' })).statusCode).toBe(401);
    });
  });
});
