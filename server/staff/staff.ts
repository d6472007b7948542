// Staff accounts: admins only, except the directory of active colleagues (names and roles) that every
// staff member needs to assign a report or hand over a question. Every write is audited by the service.
import type { z } from 'zod';
import type { StaffUser } from '../../generated/prisma/client.ts';
import { toPrincipal } from '../../core/staff/staff-service.ts';
import { actorOf } from '../plugins/auth.ts';
import { routeModule } from '../route-kit.ts';
import { idParam, withErrors } from '../schemas.ts';
import { createBody, directoryBody, directoryQuery, patchBody, staffBody } from './staff-schemas.ts';

export function staffView(u: StaffUser): z.output<typeof staffBody> {
  return {
    ...toPrincipal(u),
    active: u.active,
    telegramId: u.telegramId?.toString() ?? null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: u.mustChangePassword,
  };
}

const tg = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : BigInt(v));

export const staffRoutes = routeModule('staff', 'admin', (app, { guard: admin, anyStaff, tags, opts }, services) => {
  app.get(
    '/api/staff/directory',
    opts(
      'Active colleagues: names, roles and scope only (for assigning and handing over)',
      { querystring: directoryQuery, response: directoryBody.array() },
      anyStaff,
    ),
    async (req) =>
      (await services.staff.list())
        .filter((u) => u.active && (!req.query.role || u.roles.includes(req.query.role) || u.roles.includes('admin')))
        .map((u) => ({ id: u.id, fullName: u.fullName, roles: u.roles, regionId: u.regionId, districtId: u.districtId, departmentId: u.departmentId })),
  );

  app.get('/api/staff', opts('List staff accounts', { response: staffBody.array() }), async () => (await services.staff.list()).map(staffView));

  app.post('/api/staff', opts('Create a staff account', { body: createBody, created: staffBody }), async (req, reply) => {
    const user = await services.staff.create(actorOf(req), { ...req.body, telegramId: tg(req.body.telegramId) });
    return reply.status(201).send(staffView(user));
  });

  app.get('/api/staff/:id', { onRequest: admin, schema: { tags, params: idParam, response: withErrors({ 200: staffBody }) } }, async (req) =>
    staffView(await services.staff.get(req.params.id)),
  );

  app.patch('/api/staff/:id', opts('Change roles, scope, password or deactivate', { params: idParam, body: patchBody, response: staffBody }), async (req) =>
    staffView(await services.staff.update(actorOf(req), req.params.id, { ...req.body, telegramId: tg(req.body.telegramId) })),
  );
});
