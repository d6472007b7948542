// SROI per project (plan §3.5) with its export, the proxies (admins edit), and the balanced scorecard across a
// body's projects with its export in kk or ru.
import { z } from 'zod';
import { scorecardTable, sroiTables } from '../../core/impact/impact-exports.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { sendExport } from '../reply-export.ts';
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
  app.post(
    '/api/impact/projects/:id/sroi/inputs',
    opts('Add an input besides the contract (co-funding, in kind, volunteer time)', { params: idParam, body: sroiInputInput, created: createdBody }),
    async (req, reply) => reply.status(201).send({ id: (await s.addInput(actorOf(req), staffOf(req), req.params.id, req.body)).id }),
  );
  app.put('/api/impact/sroi/inputs/:id', opts('Change an input', { params: idParam, body: sroiInputInput, response: okBody }), async (req) =>
    okAfter(s.updateInput(actorOf(req), staffOf(req), req.params.id, req.body)),
  );
  app.delete('/api/impact/sroi/inputs/:id', opts('Remove an input', { params: idParam, response: okBody }), async (req) =>
    okAfter(s.removeInput(actorOf(req), staffOf(req), req.params.id)),
  );
  app.post(
    '/api/impact/projects/:id/sroi/outcomes',
    opts('Add an outcome: quantity (from an indicator or entered), proxy, duration, deadweight, attribution, displacement, drop-off and why', {
      params: idParam,
      body: sroiOutcomeInput,
      created: createdBody,
    }),
    async (req, reply) => reply.status(201).send({ id: (await s.addOutcome(actorOf(req), staffOf(req), req.params.id, req.body)).id }),
  );
  app.put('/api/impact/sroi/outcomes/:id', opts('Change an outcome', { params: idParam, body: sroiOutcomeInput, response: okBody }), async (req) =>
    okAfter(s.updateOutcome(actorOf(req), staffOf(req), req.params.id, req.body)),
  );
  app.delete('/api/impact/sroi/outcomes/:id', opts('Remove an outcome', { params: idParam, response: okBody }), async (req) =>
    okAfter(s.removeOutcome(actorOf(req), staffOf(req), req.params.id)),
  );
  app.get(
    '/api/impact/projects/:id/sroi/export',
    opts('The SROI with its assumptions as XLSX or CSV, in kk or ru (refused while incomplete)', {
      params: idParam,
      querystring: exportQuery,
      response: exportFileBody,
    }),
    async (req, reply) => {
      const { lang, format } = req.query;
      const v = await s.result(staffOf(req), req.params.id);
      const project = await services.projects.admin.get(staffOf(req), req.params.id);
      const t = services.i18n.getFixedT(lang);
      const name = lang === 'kk' ? project.nameKk : project.nameRu;
      return sendExport(reply, { format, fileName: `SROI ${name}`, tables: sroiTables(t, lang, name, v) });
    },
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
    async (req, reply) => {
      const { lang, format, stateBodyId, year } = req.query;
      const card = await services.impact.scorecard.get(staffOf(req), { stateBodyId, year });
      const t = services.i18n.getFixedT(lang);
      return sendExport(reply, { format, fileName: `${t('impact:scorecard.sheet')} ${year}`, tables: scorecardTable(t, lang, year, card.rows) });
    },
  );
});
