// SROI per project (plan §3.5) with its export, the proxies (admins edit), and the balanced scorecard across a
// body's projects with its export in kk or ru.
import { z } from 'zod';
import type { Actor } from '../../core/audit/audit-log.ts';
import { scorecardTable, sroiTables } from '../../core/impact/impact-exports.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { exportFile } from '../reply-export.ts';
import { okAfter, routeModule } from '../route-kit.ts';
import { exportFileBody, exportQuery, idParam, okBody } from '../schemas.ts';
import {
  createdBody,
  proxyBody,
  proxyCreateInput,
  proxyInput,
  scorecardBody,
  scorecardQuery,
  sroiBody,
  sroiInputInput,
  sroiOutcomeInput,
  sroiSetupInput,
} from './impact-schemas.ts';

/** What the SROI service does with one kind of its rows. */
interface RowActs<V> {
  add(actor: Actor, staff: StaffPrincipal, projectId: number, v: V): Promise<{ id: number }>;
  update(actor: Actor, staff: StaffPrincipal, id: number, v: V): Promise<unknown>;
  remove(actor: Actor, staff: StaffPrincipal, id: number): Promise<unknown>;
}

export const impactSroiRoutes = routeModule('impact', 'manager', (app, { admin, opts }, services) => {
  const s = services.impact.sroi;
  const view = async (staff: ReturnType<typeof staffOf>, projectId: number, lang: string) => {
    const v = await s.get(staff, projectId);
    const t = services.i18n.getFixedT(lang);
    return { ...v, refusalMessage: v.refusal ? t(`errors:${v.refusal}`) : null };
  };

  app.get(
    '/api/impact/projects/:id/sroi',
    opts('The SROI: ratio with range and every assumption, or why there is none yet', { params: idParam, response: sroiBody }),
    async (req) => view(staffOf(req), req.params.id, staffOf(req).locale),
  );
  app.put('/api/impact/projects/:id/sroi', opts('The discount rate and a note', { params: idParam, body: sroiSetupInput, response: sroiBody }), async (req) => {
    await s.setup(actorOf(req), staffOf(req), req.params.id, req.body);
    return view(staffOf(req), req.params.id, staffOf(req).locale);
  });
  // Inputs and outcomes are the SROI's rows alike: added under the project (201 with the id), changed and removed by
  // their own id.
  const rows = <B extends z.ZodType>(
    kind: 'inputs' | 'outcomes',
    body: B,
    summaries: [add: string, change: string, remove: string],
    act: RowActs<z.output<B>>,
  ) => {
    app.post(`/api/impact/projects/:id/sroi/${kind}`, opts(summaries[0], { params: idParam, body, created: createdBody }), async (req, reply) =>
      reply.status(201).send({ id: (await act.add(actorOf(req), staffOf(req), req.params.id, req.body as z.output<B>)).id }),
    );
    app.put(`/api/impact/sroi/${kind}/:id`, opts(summaries[1], { params: idParam, body, response: okBody }), async (req) =>
      okAfter(act.update(actorOf(req), staffOf(req), req.params.id, req.body as z.output<B>)),
    );
    app.delete(`/api/impact/sroi/${kind}/:id`, opts(summaries[2], { params: idParam, response: okBody }), async (req) =>
      okAfter(act.remove(actorOf(req), staffOf(req), req.params.id)),
    );
  };
  rows('inputs', sroiInputInput, ['Add an input besides the contract (co-funding, in kind, volunteer time)', 'Change an input', 'Remove an input'], {
    add: s.addInput,
    update: s.updateInput,
    remove: s.removeInput,
  });
  rows(
    'outcomes',
    sroiOutcomeInput,
    [
      'Add an outcome: quantity (from an indicator or entered), proxy, duration, deadweight, attribution, displacement, drop-off and why',
      'Change an outcome',
      'Remove an outcome',
    ],
    { add: s.addOutcome, update: s.updateOutcome, remove: s.removeOutcome },
  );
  app.get(
    '/api/impact/projects/:id/sroi/export',
    opts('The SROI with its assumptions as XLSX or CSV, in kk or ru (refused while incomplete)', {
      params: idParam,
      querystring: exportQuery,
      response: exportFileBody,
    }),
    exportFile(services.i18n, async (req, lang, t) => {
      const v = await s.result(staffOf(req), req.params.id);
      const project = await services.projects.admin.get(staffOf(req), req.params.id);
      const name = lang === 'kk' ? project.nameKk : project.nameRu;
      return { fileName: `SROI ${name}`, tables: sroiTables(t, lang, name, v) };
    }),
  );

  app.get('/api/impact/proxies', opts('Financial proxies with their sources', { response: z.array(proxyBody) }), async (req) =>
    services.impact.proxies.list(staffOf(req)),
  );
  app.post('/api/impact/proxies', opts('Add a proxy (a source is required)', { body: proxyCreateInput, created: proxyBody }, admin), async (req, reply) =>
    reply.status(201).send(await services.impact.proxies.create(actorOf(req), staffOf(req), req.body)),
  );
  app.put('/api/impact/proxies/:id', opts('Change a proxy', { params: idParam, body: proxyInput, response: proxyBody }, admin), async (req) =>
    services.impact.proxies.update(actorOf(req), staffOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/impact/scorecard',
    opts('The balanced scorecard of a body’s projects in a year (no SROI ratio here)', { querystring: scorecardQuery, response: scorecardBody }),
    async (req) => services.impact.scorecard.get(staffOf(req), req.query),
  );
  app.get(
    '/api/impact/scorecard/export',
    opts('The balanced scorecard as XLSX or CSV, in kk or ru', { querystring: scorecardQuery.extend(exportQuery.shape), response: exportFileBody }),
    exportFile(services.i18n, async (req, lang, t) => {
      const { stateBodyId, year } = req.query;
      const card = await services.impact.scorecard.get(staffOf(req), { stateBodyId, year });
      return { fileName: `${t('impact:scorecard.sheet')} ${year}`, tables: scorecardTable(t, lang, year, card.rows) };
    }),
  );
});
