// Admin API for Open311 clients: a key is shown once and stored hashed, lists never show it, only
// admins may issue, change or revoke keys, a revoked key stops working at once, and all is audited.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearer as as, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { useFixture } from './helpers/fixture.ts';

interface ClientBody {
  id: number;
  name: string;
  keyPrefix: string;
  regionId: number | null;
  active: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  key?: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(dbTargets)('API clients (%s)', (target) => {
  const api = useApiApp(target);
  const { services, app } = api;
  const given = useFixture(async () => ({
    adminToken: api.adminToken,
    regionId: (await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id,
    serviceCode: (await services.prisma.category.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } })).code,
    operator: (await api.staff({ login: 'operator-k', fullName: 'Operator K', password: 'operator-password-k', roles: ['operator'] })).token,
  }));
  let addr = 0;

  const issue = (payload: Record<string, unknown>, token = given.adminToken) =>
    app.inject({ method: 'POST', url: '/api/api-clients', headers: as(token), payload });
  const list = (token = given.adminToken) => app.inject({ method: 'GET', url: '/api/api-clients', headers: as(token) });
  const patch = (id: number, payload: Record<string, unknown>, token = given.adminToken) =>
    app.inject({ method: 'PATCH', url: `/api/api-clients/${id}`, headers: as(token), payload });
  const file = (key: string) =>
    app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: key,
        service_code: given.serviceCode,
        lat: '51.1694',
        long: '71.4491',
        description: 'Не убран снег во дворе дома уже неделю',
      }).toString(),
      remoteAddress: `198.51.100.${++addr}`,
    });

  it('issues a key shown once, stores only its hash and prefix, and the key files reports', async () => {
    const res = await issue({ name: 'Astana city app', regionId: given.regionId });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as ClientBody;
    expect(body).toMatchObject({ name: 'Astana city app', regionId: given.regionId, active: true, lastUsedAt: null });
    expect(body.key).toMatch(/^az_[A-Za-z0-9_-]{32}$/);
    expect(body.keyPrefix).toBe(body.key!.slice(0, 8));

    const row = await services.prisma.apiClient.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.keyHash).toBe(sha256(body.key!));
    expect(JSON.stringify(row)).not.toContain(body.key!.slice(8));

    expect((await file(body.key!)).statusCode).toBe(200);
    const used = ((await list()).json() as ClientBody[]).find((c) => c.id === body.id)!;
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('issues a different key every time', async () => {
    const a = (await issue({ name: 'App A' })).json() as ClientBody;
    const b = (await issue({ name: 'App B' })).json() as ClientBody;
    expect(a.key).not.toBe(b.key);
    expect(a.regionId).toBeNull();
  });

  it('lists clients without their keys', async () => {
    const created = (await issue({ name: 'Listed app', regionId: given.regionId })).json() as ClientBody;
    const res = await list();
    expect(res.statusCode).toBe(200);
    const items = res.json() as ClientBody[];
    const item = items.find((c) => c.id === created.id)!;
    expect(item).toEqual({
      id: created.id,
      name: 'Listed app',
      keyPrefix: created.keyPrefix,
      regionId: given.regionId,
      active: true,
      createdAt: created.createdAt,
      lastUsedAt: null,
    });
    for (const c of items) expect(c).not.toHaveProperty('key');
    expect(res.body).not.toContain(created.key!.slice(8));
    expect(res.body).not.toContain(sha256(created.key!));
  });

  it('revoking a key stops it at once; re-activating restores it; both are audited', async () => {
    const created = (await issue({ name: 'Partner portal', regionId: given.regionId })).json() as ClientBody;
    expect((await file(created.key!)).statusCode).toBe(200);

    const revoked = await patch(created.id, { active: false });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ id: created.id, active: false });
    const refused = await file(created.key!);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual([{ code: 403, description: 'api_key is invalid or revoked' }]);

    expect((await patch(created.id, { active: true })).statusCode).toBe(200);
    expect((await file(created.key!)).statusCode).toBe(200);

    const audit = await services.prisma.auditLog.findMany({ where: { entity: 'api_client', entityId: String(created.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['api_client.create', 'api_client.revoke', 'api_client.update']);
    expect(audit.every((a) => a.actorType === 'staff' && a.actorId !== null)).toBe(true);
    const logged = JSON.stringify(audit, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    expect(logged).not.toContain(created.key!.slice(8));
    expect(logged).not.toContain(sha256(created.key!));
  });

  it('renames and moves a client to another region', async () => {
    const created = (await issue({ name: 'Old name', regionId: given.regionId })).json() as ClientBody;
    const other = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
    const res = await patch(created.id, { name: 'New name', regionId: other });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'New name', regionId: other, keyPrefix: created.keyPrefix, active: true });
    expect((await patch(created.id, { regionId: null })).json()).toMatchObject({ regionId: null });
  });

  it('refuses an unknown client, an unknown region and an empty name', async () => {
    const missing = await patch(999_999, { active: false });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('api_client.not_found');
    const badRegion = await issue({ name: 'Nowhere app', regionId: 999_999 });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json().error.code).toBe('api_client.unknown_region');
    expect((await issue({ name: '   ' })).statusCode).toBe(400);
    expect((await issue({})).statusCode).toBe(400);
  });

  it('only admins may see, issue or change keys', async () => {
    const created = (await issue({ name: 'Guarded app' })).json() as ClientBody;
    const before = await services.prisma.apiClient.count();
    for (const res of [
      await list(given.operator),
      await issue({ name: 'Sneaky app' }, given.operator),
      await patch(created.id, { active: false }, given.operator),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.role_required');
    }
    for (const req of [
      { method: 'GET' as const, url: '/api/api-clients' },
      { method: 'POST' as const, url: '/api/api-clients', payload: { name: 'Anonymous app' } },
      { method: 'PATCH' as const, url: `/api/api-clients/${created.id}`, payload: { active: false } },
    ]) {
      const res = await app.inject(req);
      expect(res.statusCode).toBe(401);
    }
    expect(await services.prisma.apiClient.count()).toBe(before);
    expect((await services.prisma.apiClient.findUniqueOrThrow({ where: { id: created.id } })).active).toBe(true);
  });
});
