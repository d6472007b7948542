// Reference data for staff screens and integrations: regions with districts, areas, departments, categories.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATEGORY_DEADLINE_MAX, updateCategory } from '../../core/reports/category-admin.ts';
import { setDepartmentChat } from '../../core/reports/staff-chat.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { idParam, withErrors, bodyId } from '../schemas.ts';

const named = { nameKk: z.string(), nameRu: z.string() };
const region = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(['city', 'oblast']),
  ...named,
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  districts: z.array(z.object({ id: z.number(), code: z.string(), ...named })),
});
const area = z.object({ id: z.number(), slug: z.string(), ...named });
const department = z.object({ id: z.number(), code: z.string(), ...named, active: z.boolean(), telegramChatId: z.string().nullable() });
const departmentPatch = z.object({
  telegramChatId: z
    .string()
    .regex(/^-\d{1,16}$/, 'a group chat id, negative')
    .nullable()
    .describe('the staff group new reports are posted to (/chatid in the group tells it); null disconnects'),
});
const category = z.object({
  id: z.number(),
  code: z.string(),
  ...named,
  hintKk: z.string(),
  hintRu: z.string(),
  emoji: z.string(),
  group: z.string(),
  departmentId: z.number(),
  areaId: z.number().nullable(),
  deadlineDays: z.number(),
  active: z.boolean(),
});

export const referenceRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = requireStaff(services.staff);
    const tags = ['reference'];
    app.get(
      '/api/reference/regions',
      { onRequest: staff, schema: { tags, summary: 'The 20 regions with their districts', response: withErrors({ 200: z.array(region) }) } },
      async () =>
        (await services.reference.get()).regions.map((r) => ({
          ...r,
          districts: r.districts.map(({ id, code, nameKk, nameRu }) => ({ id, code, nameKk, nameRu })),
        })),
    );
    app.get(
      '/api/reference/areas',
      { onRequest: staff, schema: { tags, summary: 'The 19 areas of the state social order', response: withErrors({ 200: z.array(area) }) } },
      async () => (await services.reference.get()).areas,
    );
    app.get('/api/reference/departments', { onRequest: staff, schema: { tags, response: withErrors({ 200: z.array(department) }) } }, async () =>
      (await services.reference.get()).departments.map((d) => ({ ...d, telegramChatId: d.telegramChatId?.toString() ?? null })),
    );
    app.patch(
      '/api/reference/departments/:id',
      {
        onRequest: requireStaff(services.staff, ['admin']),
        schema: {
          tags,
          summary: "Connect the department's staff Telegram group",
          params: idParam,
          body: departmentPatch,
          response: withErrors({ 200: department }),
        },
      },
      async (req) => {
        const { telegramChatId } = req.body;
        const d = await setDepartmentChat(services.prisma, actorOf(req), req.params.id, telegramChatId == null ? null : BigInt(telegramChatId));
        services.reference.invalidate();
        return { ...d, telegramChatId: d.telegramChatId?.toString() ?? null };
      },
    );
    app.get(
      '/api/reference/categories',
      { onRequest: staff, schema: { tags, summary: 'Civic-control categories with routing and deadlines', response: withErrors({ 200: z.array(category) }) } },
      async () => (await services.reference.get()).categories,
    );
    app.patch(
      '/api/reference/categories/:id',
      {
        onRequest: requireStaff(services.staff, ['admin']),
        schema: {
          tags,
          summary: "Change a category's department, deadline (working days) or availability; reports already filed keep theirs",
          params: idParam,
          body: z
            .object({
              departmentId: bodyId.optional(),
              deadlineDays: z.number().int().min(1).max(CATEGORY_DEADLINE_MAX).optional(),
              active: z.boolean().optional(),
            })
            .refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change'),
          response: withErrors({ 200: category }),
        },
      },
      async (req) => {
        await updateCategory(services.prisma, actorOf(req), req.params.id, req.body);
        services.reference.invalidate();
        return (await services.reference.get()).categories.find((c) => c.id === req.params.id)!;
      },
    );
  };
