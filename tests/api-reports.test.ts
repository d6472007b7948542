// Staff API for civic-control reports: the operator's list with filters and pages, the region scope,
// counts per status, the detail with its history, and status changes with their refusals.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../generated/prisma/client.ts';
import type { Actor } from '../core/audit/audit-log.ts';
import type { NewReport } from '../core/reports/report-service.ts';
import { bearer as as, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';

const STATUSES = ['new', 'in_work', 'resolved', 'rejected', 'duplicate', 'not_responsible', 'reopened'];
const photo = { kind: 'photo' as const, telegramFileId: 'AgAC-photo', fileUniqueId: 'uniq-1', mimeType: 'image/jpeg', fileSize: 12345 };
const staffActor: Actor = { type: 'staff', id: null };

interface Item {
  id: number;
  number: string;
  status: string;
  colour: string;
  regionId: number;
  districtId: number | null;
  description: string;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  evidenceCount: number;
  supportCount: number;
  hidden: boolean;
}

describe.each(dbTargets)('reports API (%s)', (target) => {
  const api = useApiApp(target);
  const { services, app } = api;
  let adminToken: string;
  let operatorA: string;
  let operatorElsewhere: string;
  let consultant: string;
  let regionA: { id: number; districts: Array<{ id: number }> };
  let regionB: { id: number; districts: Array<{ id: number }> };
  let regionC: { id: number };
  let categoryId: number;
  const r: Record<string, Report> = {};

  async function list(query: string, token = adminToken): Promise<{ items: Item[]; nextCursor: string | null }> {
    const res = await app.inject({ method: 'GET', url: `/api/reports${query}`, headers: as(token) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const numbers = (items: Item[]) => items.map((i) => i.number).sort();
  const changeStatus = (id: number, payload: Record<string, unknown>, token = adminToken) =>
    app.inject({ method: 'POST', url: `/api/reports/${id}/status`, headers: as(token), payload });

  const report = (extra: Partial<NewReport> & { description: string }): NewReport => ({
    source: 'staff',
    categoryId,
    regionId: regionA.id,
    districtId: regionA.districts[0]!.id,
    evidence: [],
    ...extra,
  });

  beforeAll(async () => {
    adminToken = api.adminToken;

    const regions = await services.prisma.region.findMany({ orderBy: { id: 'asc' }, include: { districts: { orderBy: { id: 'asc' } } } });
    const withDistricts = regions.filter((x) => x.districts.length > 0);
    [regionA, regionB] = [withDistricts[0]!, withDistricts[1]!];
    regionC = regions.find((x) => x.id !== regionA.id && x.id !== regionB.id)!;
    categoryId = (await services.prisma.category.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } })).id;

    ({ token: operatorA } = await api.staff({
      login: 'operator-a',
      fullName: 'Operator A',
      password: 'operator-password-1',
      roles: ['operator'],
      regionId: regionA.id,
    }));
    ({ token: operatorElsewhere } = await api.staff({
      login: 'operator-c',
      fullName: 'Operator C',
      password: 'operator-password-2',
      roles: ['operator'],
      regionId: regionC.id,
    }));
    ({ token: consultant } = await api.staff({ login: 'consultant', fullName: 'Consultant', password: 'consultant-password', roles: ['consultant'] }));

    const citizen = await services.prisma.citizen.create({ data: { telegramId: 777001n, locale: 'ru', consentAt: new Date('2026-01-01T00:00:00Z') } });
    // Created one after another, so the list's newest-first order is pothole last.
    r.light = await services.reports.create(staffActor, report({ description: 'Не работает уличное освещение во дворе дома' }));
    r.bins = await services.reports.create(
      staffActor,
      report({
        description: 'Переполнены мусорные контейнеры у подъезда',
        address: 'ул. Сатпаева, 5',
        districtId: regionA.districts[1]?.id ?? regionA.districts[0]!.id,
      }),
    );
    r.bench = await services.reports.create(
      staffActor,
      report({ description: 'Сломана скамейка в сквере у фонтана', regionId: regionB.id, districtId: regionB.districts[0]!.id }),
    );
    r.long = await services.reports.create(
      staffActor,
      report({ description: `Длинное описание проблемы ${'и ещё подробности '.repeat(30)}`, regionId: regionB.id, districtId: regionB.districts[0]!.id }),
    );
    r.pothole = await services.reports.create(
      staffActor,
      report({
        source: 'bot',
        citizenId: citizen.id,
        description: 'Яма на дороге у остановки Абая, машины объезжают',
        evidence: [photo, { ...photo, fileUniqueId: 'uniq-2', fileSize: 999 }],
      }),
    );
  });

  describe('access', () => {
    it('without a session every report route answers 401', async () => {
      const requests = [
        { method: 'GET' as const, url: '/api/reports' },
        { method: 'GET' as const, url: '/api/reports/counts' },
        { method: 'GET' as const, url: `/api/reports/${r.light!.id}` },
        { method: 'POST' as const, url: `/api/reports/${r.light!.id}/status`, payload: { to: 'in_work' } },
      ];
      for (const req of requests) {
        const res = await app.inject(req);
        expect(res.statusCode, req.url).toBe(401);
        expect(res.json().error.code).toBe('auth.unauthenticated');
      }
    });

    it('a consultant (not an operator) gets 403 auth.role_required and changes nothing', async () => {
      for (const req of [
        { method: 'GET' as const, url: '/api/reports' },
        { method: 'GET' as const, url: '/api/reports/counts' },
        { method: 'GET' as const, url: `/api/reports/${r.light!.id}` },
        { method: 'POST' as const, url: `/api/reports/${r.light!.id}/status`, payload: { to: 'in_work' } },
      ]) {
        const res = await app.inject({ ...req, headers: as(consultant) });
        expect(res.statusCode, req.url).toBe(403);
        expect(res.json().error.code).toBe('auth.role_required');
      }
      expect((await services.prisma.report.findUniqueOrThrow({ where: { id: r.light!.id } })).status).toBe('new');
    });

    it('an unknown report is 404 report.not_found', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/reports/999999', headers: as(adminToken) });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('report.not_found');
      expect((await changeStatus(999999, { to: 'in_work' })).statusCode).toBe(404);
    });
  });

  describe('list', () => {
    it('an admin sees every report, newest first, with the summary fields', async () => {
      const { items, nextCursor } = await list('');
      expect(nextCursor).toBeNull();
      expect(items.map((i) => i.id)).toEqual([r.pothole!.id, r.long!.id, r.bench!.id, r.bins!.id, r.light!.id]);
      const pothole = items[0]!;
      expect(pothole).toMatchObject({
        number: r.pothole!.number,
        status: 'new',
        colour: 'red',
        regionId: regionA.id,
        overdue: false,
        evidenceCount: 2,
        supportCount: 0,
        hidden: false,
      });
      // the deadline runs from filing, so even a new report shows when it falls due
      expect(pothole!.dueAt).not.toBeNull();
      expect(pothole.createdAt).toBe(r.pothole!.createdAt.toISOString());
      expect(items.find((i) => i.id === r.long!.id)!.description).toHaveLength(300);
    });

    it('filters by status, region, district, text and evidence', async () => {
      expect((await list('?status=new')).items).toHaveLength(5);
      expect((await list('?status=resolved,rejected')).items).toHaveLength(0);
      expect(numbers((await list(`?regionId=${regionB.id}`)).items)).toEqual(numbers([r.bench!, r.long!] as never));
      expect((await list(`?regionId=${regionC.id}`)).items).toHaveLength(0);
      expect((await list(`?districtId=${regionB.districts[0]!.id}`)).items).toHaveLength(2);
      // Case-insensitive, in the number, the address or the description.
      expect((await list(`?q=${encodeURIComponent(r.pothole!.number.toLowerCase())}`)).items.map((i) => i.id)).toEqual([r.pothole!.id]);
      expect((await list(`?q=${encodeURIComponent('сатпаева')}`)).items.map((i) => i.id)).toEqual([r.bins!.id]);
      expect((await list(`?q=${encodeURIComponent('скамейка')}`)).items.map((i) => i.id)).toEqual([r.bench!.id]);
      expect((await list('?hasEvidence=true')).items.map((i) => i.id)).toEqual([r.pothole!.id]);
      expect((await list('?hasEvidence=false')).items).toHaveLength(4);
    });

    it('refuses an unknown status or a page larger than 200 (400)', async () => {
      for (const q of ['?status=new,lost', '?limit=201', '?overdue=maybe']) {
        const res = await app.inject({ method: 'GET', url: `/api/reports${q}`, headers: as(adminToken) });
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error.code).toBe('validation');
      }
    });

    it('pages by cursor: every report exactly once, in order, then no next cursor', async () => {
      const all = (await list('')).items.map((i) => i.id);
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(all);
    });
  });

  describe('scope', () => {
    it('an operator scoped to another region sees none of them and gets 403 on the detail and on a status change', async () => {
      expect((await list('', operatorElsewhere)).items).toEqual([]);
      const counts = await app.inject({ method: 'GET', url: '/api/reports/counts', headers: as(operatorElsewhere) });
      expect(Object.values(counts.json()).every((n) => n === 0)).toBe(true);
      const detail = await app.inject({ method: 'GET', url: `/api/reports/${r.light!.id}`, headers: as(operatorElsewhere) });
      expect(detail.statusCode).toBe(403);
      expect(detail.json().error.code).toBe('auth.out_of_scope');
      const change = await changeStatus(r.light!.id, { to: 'in_work' }, operatorElsewhere);
      expect(change.statusCode).toBe(403);
      expect((await services.prisma.report.findUniqueOrThrow({ where: { id: r.light!.id } })).status).toBe('new');
    });

    it('a region operator sees only that region, even when asking for another one', async () => {
      expect(numbers((await list('', operatorA)).items)).toEqual(numbers([r.light!, r.bins!, r.pothole!] as never));
      expect((await list(`?regionId=${regionB.id}`, operatorA)).items).toEqual([]);
      expect((await app.inject({ method: 'GET', url: `/api/reports/${r.bench!.id}`, headers: as(operatorA) })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: `/api/reports/${r.light!.id}`, headers: as(operatorA) })).statusCode).toBe(200);
    });
  });

  describe('status changes and history', () => {
    it('accept then resolve: the detail shows both steps with their notes, the evidence and the followers', async () => {
      const accepted = await changeStatus(r.pothole!.id, { to: 'in_work', internalNote: 'Передано в ЖКХ' }, operatorA);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ id: r.pothole!.id, status: 'in_work', colour: 'red', overdue: false });
      expect(accepted.json().dueAt).not.toBeNull();

      const resolved = await changeStatus(r.pothole!.id, { to: 'resolved', publicNote: 'Яму заделали 5 марта' }, operatorA);
      expect(resolved.statusCode, resolved.body).toBe(200);
      expect(resolved.json()).toMatchObject({ status: 'resolved', colour: 'green' });

      const res = await app.inject({ method: 'GET', url: `/api/reports/${r.pothole!.id}`, headers: as(operatorA) });
      expect(res.statusCode, res.body).toBe(200);
      const detail = res.json();
      expect(detail.description).toBe(r.pothole!.description);
      expect(detail.followers).toBe(0);
      expect(detail.evidence).toEqual([
        expect.objectContaining({ kind: 'photo', mimeType: 'image/jpeg', fileSize: 12345 }),
        expect.objectContaining({ kind: 'photo', fileSize: 999 }),
      ]);
      expect(detail.history.map((h: { type: string; fromStatus: string | null; toStatus: string | null }) => [h.type, h.fromStatus, h.toStatus])).toEqual([
        ['created', null, 'new'],
        ['status', 'new', 'in_work'],
        ['status', 'in_work', 'resolved'],
      ]);
      expect(detail.history[1]).toMatchObject({ actorType: 'staff', internalNote: 'Передано в ЖКХ', publicNote: null });
      expect(detail.history[2]).toMatchObject({ publicNote: 'Яму заделали 5 марта' });
      expect(Number.isNaN(Date.parse(detail.history[2].at))).toBe(false);
    });

    it('closing without a public note is refused with 400 report.note_required', async () => {
      for (const payload of [{ to: 'rejected' }, { to: 'resolved', publicNote: '   ' }, { to: 'not_responsible', publicNote: null }]) {
        const res = await changeStatus(r.light!.id, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error.code).toBe('report.note_required');
      }
      expect((await services.prisma.report.findUniqueOrThrow({ where: { id: r.light!.id } })).status).toBe('new');
    });

    it('a transition the status machine does not allow is 409 report.bad_transition', async () => {
      const res = await changeStatus(r.pothole!.id, { to: 'in_work' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('report.bad_transition');
      // the operator reads status names, not codes
      expect(res.json().error.message).toMatch(/«(Выполнено|Орындалды)».*«(В работе|Жұмыста)»/);
      expect((await services.prisma.report.findUniqueOrThrow({ where: { id: r.pothole!.id } })).status).toBe('resolved');
    });

    it('overdue: an open report past its due time, and only that one', async () => {
      expect((await changeStatus(r.bins!.id, { to: 'in_work' })).statusCode).toBe(200);
      await services.prisma.report.update({ where: { id: r.bins!.id }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
      const overdue = await list('?overdue=true');
      expect(overdue.items.map((i) => i.id)).toEqual([r.bins!.id]);
      expect(overdue.items[0]!.overdue).toBe(true);
      expect((await list('?overdue=false')).items.map((i) => i.id)).not.toContain(r.bins!.id);
      expect((await list('?overdue=false')).items).toHaveLength(4);
      // Soonest due first: the overdue one leads, reports without a due time come last.
      const byDue = await list('?sort=dueAt');
      expect(byDue.items[0]!.id).toBe(r.bins!.id);
      const paged: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`?sort=dueAt&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(byDue.items.map((i) => i.id));
    });

    it('counts per status: all seven keys, equal to the list for each status, in scope', async () => {
      for (const token of [adminToken, operatorA]) {
        const res = await app.inject({ method: 'GET', url: '/api/reports/counts', headers: as(token) });
        expect(res.statusCode, res.body).toBe(200);
        const counts = res.json() as Record<string, number>;
        expect(Object.keys(counts).sort()).toEqual([...STATUSES].sort());
        for (const s of STATUSES) expect(counts[s], s).toBe((await list(`?status=${s}`, token)).items.length);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        expect(total).toBe((await list('', token)).items.length);
      }
      const admin = (await app.inject({ method: 'GET', url: '/api/reports/counts', headers: as(adminToken) })).json();
      expect(admin).toMatchObject({ new: 3, in_work: 1, resolved: 1, rejected: 0, reopened: 0 });
      const filtered = (await app.inject({ method: 'GET', url: `/api/reports/counts?regionId=${regionB.id}`, headers: as(adminToken) })).json();
      expect(filtered).toMatchObject({ new: 2, in_work: 0, resolved: 0 });
    });

    // Last in the file: it adds a report the counts above would see.
    it("the history names who acted: the staff member's full name, the citizen as the report's author, the system as such", async () => {
      const author = await services.prisma.citizen.create({ data: { telegramId: 777002n, locale: 'kk', consentAt: new Date('2026-01-01T00:00:00Z') } });
      const filed = await services.reports.create(
        { type: 'citizen', id: author.id },
        report({
          source: 'bot',
          citizenId: author.id,
          description: 'Аулада жарық жанбайды, кешке қараңғы',
          evidence: [{ ...photo, fileUniqueId: 'uniq-author' }],
        }),
      );
      expect((await changeStatus(filed.id, { to: 'in_work' }, operatorA)).statusCode).toBe(200);
      const last = await services.prisma.reportEvent.findFirstOrThrow({ where: { reportId: filed.id }, orderBy: { at: 'desc' } });
      await services.prisma.reportEvent.create({
        data: { reportId: filed.id, at: new Date(last.at.getTime() + 60_000), actorType: 'system', type: 'overdue' },
      });

      const res = await app.inject({ method: 'GET', url: `/api/reports/${filed.id}`, headers: as(operatorA) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().history.map((h: { actorType: string; actorName: string | null; byAuthor: boolean }) => [h.actorType, h.actorName, h.byAuthor])).toEqual(
        [
          ['citizen', null, true],
          ['staff', 'Operator A', false],
          ['system', null, false],
        ],
      );
    });
  });
});
