// Carrying an initiative out (project managers in scope; admins too): take it on, partners, patrons, dated
// progress updates, photo withholding, implemented, close, and the prefilled discussion topic.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { INITIATIVE_IMPLEMENTERS } from '../../core/initiatives/initiative-access.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { postAction, routeOptions } from '../route-kit.ts';
import { idParam } from '../schemas.ts';
import {
  closeBody,
  createdBody,
  detailBody,
  implementedBody,
  partnerBody,
  patronBody,
  subParams,
  takeBody,
  topicDraftBody,
  updateBody,
} from './initiatives-schemas.ts';

type DetailOf = (req: Parameters<typeof staffOf>[0], id: number) => Promise<unknown>;

export const implementationRoutes =
  (services: Services, detailOf: DetailOf): FastifyPluginAsyncZod =>
  async (app) => {
    const managers = requireStaff(services.staff, INITIATIVE_IMPLEMENTERS);
    const tags = ['initiatives'];
    const opts = routeOptions(tags, managers);
    const work = services.initiatives.implementation;

    postAction(app, '/api/initiatives/:id/take', {
      onRequest: managers,
      tags,
      summary: 'Take a published initiative on: the lead implementer (NGO, initiative group, akimat, social project, business)',
      body: takeBody,
      response: detailBody,
      act: (req, id, body) => work.take(actorOf(req), staffOf(req), id, body),
      answer: (req, id) => detailOf(req, id),
    });

    app.post(
      '/api/initiatives/:id/partners',
      opts('Add a partner (published or in progress)', { params: idParam, body: partnerBody, created: createdBody }),
      async (req, reply) => reply.status(201).send({ id: await work.addPartner(actorOf(req), staffOf(req), req.params.id, req.body) }),
    );
    app.delete('/api/initiatives/:id/partners/:subId', opts('Remove a partner (not the lead)', { params: subParams, response: detailBody }), async (req) => {
      await work.removePartner(actorOf(req), staffOf(req), req.params.id, req.params.subId);
      return detailOf(req, req.params.id) as never;
    });

    app.post(
      '/api/initiatives/:id/patrons',
      opts('Record a patron and their contribution (money in tenge, materials, services)', { params: idParam, body: patronBody, created: createdBody }),
      async (req, reply) => reply.status(201).send({ id: await work.addPatron(actorOf(req), staffOf(req), req.params.id, req.body) }),
    );
    app.delete('/api/initiatives/:id/patrons/:subId', opts('Remove a patron record', { params: subParams, response: detailBody }), async (req) => {
      await work.removePatron(actorOf(req), staffOf(req), req.params.id, req.params.subId);
      return detailOf(req, req.params.id) as never;
    });

    app.post(
      '/api/initiatives/:id/updates',
      opts('A dated progress update in kk and ru (the percentage never goes down); followers are told', {
        params: idParam,
        body: updateBody,
        created: createdBody,
      }),
      async (req, reply) => reply.status(201).send({ id: await work.addUpdate(actorOf(req), staffOf(req), req.params.id, req.body) }),
    );

    app.post(
      '/api/initiatives/:id/photos/:subId/withhold',
      opts('Withhold a photo from public view (the file stays for staff)', { params: subParams, response: detailBody }),
      async (req) => {
        await work.withholdPhoto(actorOf(req), staffOf(req), req.params.id, req.params.subId, true);
        return detailOf(req, req.params.id) as never;
      },
    );
    app.post('/api/initiatives/:id/photos/:subId/release', opts('Show a withheld photo again', { params: subParams, response: detailBody }), async (req) => {
      await work.withholdPhoto(actorOf(req), staffOf(req), req.params.id, req.params.subId, false);
      return detailOf(req, req.params.id) as never;
    });

    postAction(app, '/api/initiatives/:id/implemented', {
      onRequest: managers,
      tags,
      summary: 'Mark it implemented: the result in kk and ru and people served; followers and volunteers are asked to rate it',
      body: implementedBody,
      response: detailBody,
      act: (req, id, body) => work.implemented(actorOf(req), staffOf(req), id, body),
      answer: (req, id) => detailOf(req, id),
    });
    postAction(app, '/api/initiatives/:id/close', {
      onRequest: managers,
      tags,
      summary: 'Close a published or running initiative with a reason in kk and ru (followers are told)',
      body: closeBody,
      response: detailBody,
      act: (req, id, body) => work.close(actorOf(req), staffOf(req), id, body),
      answer: (req, id) => detailOf(req, id),
    });

    app.get(
      '/api/initiatives/:id/topic-draft',
      opts('The discussion topic form prefilled from the initiative (POST /api/discussions with sourceInitiativeId)', {
        params: idParam,
        response: topicDraftBody,
      }),
      async (req) => services.initiatives.topic.topicDraft(staffOf(req), req.params.id),
    );
  };
