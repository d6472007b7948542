// Reference data for staff screens and integrations: regions with districts, areas, departments, categories.
import { actorOf } from '../plugins/auth.ts';
import { routeModule } from '../route-kit.ts';
import { idParam, withErrors } from '../schemas.ts';
import { areaBody, categoryBody, categoryPatch, departmentBody, departmentPatch, regionBody } from './reference-schemas.ts';

export const referenceRoutes = routeModule('reference', 'anyStaff', (app, { guard: staff, admin, tags, opts }, services) => {
  app.get('/api/reference/regions', opts('The 20 regions with their districts', { response: regionBody.array() }), async () =>
    (await services.reference.get()).regions.map((r) => ({
      ...r,
      districts: r.districts.map(({ id, code, nameKk, nameRu }) => ({ id, code, nameKk, nameRu })),
    })),
  );
  app.get(
    '/api/reference/areas',
    opts('The 19 areas of the state social order', { response: areaBody.array() }),
    async () => (await services.reference.get()).areas,
  );
  app.get('/api/reference/departments', { onRequest: staff, schema: { tags, response: withErrors({ 200: departmentBody.array() }) } }, async () =>
    (await services.reference.get()).departments.map((d) => ({ ...d, telegramChatId: d.telegramChatId?.toString() ?? null })),
  );
  app.patch(
    '/api/reference/departments/:id',
    opts("Connect the department's staff Telegram group", { params: idParam, body: departmentPatch, response: departmentBody }, admin),
    async (req) => {
      const { telegramChatId } = req.body;
      const d = await services.reportStaffChat.setDepartmentChat(actorOf(req), req.params.id, telegramChatId == null ? null : BigInt(telegramChatId));
      services.reference.invalidate();
      return { ...d, telegramChatId: d.telegramChatId?.toString() ?? null };
    },
  );
  app.get(
    '/api/reference/categories',
    opts('Civic-control categories with routing and deadlines', { response: categoryBody.array() }),
    async () => (await services.reference.get()).categories,
  );
  app.patch(
    '/api/reference/categories/:id',
    opts(
      "Change a category's department, deadline (working days) or availability; reports already filed keep theirs",
      { params: idParam, body: categoryPatch, response: categoryBody },
      admin,
    ),
    async (req) => {
      await services.reportAdmin.updateCategory(actorOf(req), req.params.id, req.body);
      services.reference.invalidate();
      return (await services.reference.get()).categories.find((c) => c.id === req.params.id)!;
    },
  );
});
