// Staff accounts: admins only, except the directory of active colleagues (names and roles) that every
// staff member needs to assign a report or hand over a question. Every write is audited by the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffUser } from '../../generated/prisma/client.ts';
import { StaffRole } from '../../generated/prisma/enums.ts';
import type { Services } from '../../core/services.ts';
import { toPrincipal } from '../../core/staff/staff-service.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/staff/password-policy.ts';
import { idParam, withErrors, bodyId } from '../schemas.ts';

const role = z.enum(Object.values(StaffRole) as [StaffRole, ...StaffRole[]]);

export const staffBody = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  roles: z.array(role),
  regionId: z.number().nullable(),
  districtId: z.number().nullable(),
  departmentId: z.number().nullable(),
  locale: z.string(),
  active: z.boolean(),
  telegramId: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean().describe('a generated password not yet changed by its owner'),
});

export function staffView(u: StaffUser): z.infer<typeof staffBody> {
  return {
    ...toPrincipal(u),
    active: u.active,
    telegramId: u.telegramId?.toString() ?? null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: u.mustChangePassword,
  };
}

const directoryBody = z.object({
  id: z.number(),
  fullName: z.string(),
  roles: z.array(role),
  regionId: z.number().nullable(),
  districtId: z.number().nullable(),
  departmentId: z.number().nullable(),
});

const scopeFields = {
  regionId: bodyId.nullable().optional(),
  districtId: bodyId.nullable().optional(),
  departmentId: bodyId.nullable().optional(),
  locale: z.enum(['kk', 'ru', 'en']).optional(),
  telegramId: z
    .string()
    .regex(/^\d{1,15}$/)
    .nullable()
    .optional()
    .describe('Telegram user id, to let this person act from staff groups'),
};

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .describe(
    `at least ${PASSWORD_MIN_LENGTH} characters and not easy to guess: a common password, a keyboard pattern or the person's own name is refused (400 staff.password_weak)`,
  );

const createBody = z.object({
  login: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ - only'),
  fullName: z.string().trim().min(1).max(200),
  password: password,
  roles: z.array(role).min(1),
  ...scopeFields,
});

const patchBody = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  password: password.optional(),
  roles: z.array(role).min(1).optional(),
  active: z.boolean().optional(),
  ...scopeFields,
});

const tg = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : BigInt(v));

export const staffRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = requireStaff(services.staff, ['admin']);
    const tags = ['staff'];

    app.get(
      '/api/staff/directory',
      {
        onRequest: requireStaff(services.staff),
        schema: {
          tags,
          summary: 'Active colleagues: names, roles and scope only (for assigning and handing over)',
          querystring: z.object({ role: role.optional().describe('only staff with this role (admins are listed for every role)') }),
          response: withErrors({ 200: z.array(directoryBody) }),
        },
      },
      async (req) =>
        (await services.staff.list())
          .filter((u) => u.active && (!req.query.role || u.roles.includes(req.query.role) || u.roles.includes('admin')))
          .map((u) => ({ id: u.id, fullName: u.fullName, roles: u.roles, regionId: u.regionId, districtId: u.districtId, departmentId: u.departmentId })),
    );

    app.get('/api/staff', { onRequest: admin, schema: { tags, summary: 'List staff accounts', response: withErrors({ 200: z.array(staffBody) }) } }, async () =>
      (await services.staff.list()).map(staffView),
    );

    app.post(
      '/api/staff',
      { onRequest: admin, schema: { tags, summary: 'Create a staff account', body: createBody, response: withErrors({ 201: staffBody }) } },
      async (req, reply) => {
        const user = await services.staff.create(actorOf(req), { ...req.body, telegramId: tg(req.body.telegramId) });
        return reply.status(201).send(staffView(user));
      },
    );

    app.get('/api/staff/:id', { onRequest: admin, schema: { tags, params: idParam, response: withErrors({ 200: staffBody }) } }, async (req) =>
      staffView(await services.staff.get(req.params.id)),
    );

    app.patch(
      '/api/staff/:id',
      {
        onRequest: admin,
        schema: { tags, summary: 'Change roles, scope, password or deactivate', params: idParam, body: patchBody, response: withErrors({ 200: staffBody }) },
      },
      async (req) => staffView(await services.staff.update(actorOf(req), req.params.id, { ...req.body, telegramId: tg(req.body.telegramId) })),
    );
  };
