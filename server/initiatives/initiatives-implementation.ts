// Carrying an initiative out (project managers in scope; admins too): take it on, partners, patrons, dated
// progress updates, photo withholding, implemented, close, and the prefilled discussion topic.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Actor } from '../../core/audit/audit-log.ts';
import { INITIATIVE_IMPLEMENTERS, INITIATIVE_READERS } from '../../core/initiatives/initiative-access.ts';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../core/initiatives/initiative-photos.ts';
import { notFound } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { routeOptions } from '../route-kit.ts';
import { initiativeSteps, type DetailOf } from './initiative-steps.ts';
import { idParam } from '../schemas.ts';
import {
  closeBody,
  createdBody,
  detailBody,
  implementedBody,
  partnerBody,
  patronBody,
  photoBody,
  subParams,
  takeBody,
  topicDraftBody,
  updateBody,
} from './initiatives-schemas.ts';

/** What the implementation service does with partners or patrons. */
interface MemberActs<V> {
  add(actor: Actor, staff: StaffPrincipal, id: number, v: V): Promise<number>;
  remove(actor: Actor, staff: StaffPrincipal, id: number, subId: number): Promise<unknown>;
}

export const implementationRoutes =
  (services: Services, detailOf: DetailOf): FastifyPluginAsyncZod =>
  async (app) => {
    const managers = requireStaff(services.staff, INITIATIVE_IMPLEMENTERS);
    const readers = requireStaff(services.staff, INITIATIVE_READERS);
    const tags = ['initiatives'];
    const opts = routeOptions(tags, managers);
    const work = services.initiatives.implementation;

    const step = initiativeSteps(app, managers, detailOf);
    step('take', 'Take a published initiative on: the lead implementer (NGO, initiative group, akimat, social project, business)', takeBody, work.take);

    // Partners and patrons are kept alike: added with a 201 and the new id, removed with the initiative's detail as the
    // answer.
    const members = <B extends z.ZodType>(kind: 'partners' | 'patrons', body: B, summaries: [add: string, remove: string], act: MemberActs<z.output<B>>) => {
      app.post(`/api/initiatives/:id/${kind}`, opts(summaries[0], { params: idParam, body, created: createdBody }), async (req, reply) =>
        reply.status(201).send({ id: await act.add(actorOf(req), staffOf(req), req.params.id, req.body as z.output<B>) }),
      );
      app.delete(`/api/initiatives/:id/${kind}/:subId`, opts(summaries[1], { params: subParams, response: detailBody }), async (req) => {
        await act.remove(actorOf(req), staffOf(req), req.params.id, req.params.subId);
        return detailOf(req, req.params.id) as never;
      });
    };
    members('partners', partnerBody, ['Add a partner (published or in progress)', 'Remove a partner (not the lead)'], {
      add: work.addPartner,
      remove: work.removePartner,
    });
    members('patrons', patronBody, ['Record a patron and their contribution (money in tenge, materials, services)', 'Remove a patron record'], {
      add: work.addPatron,
      remove: work.removePatron,
    });

    app.post(
      '/api/initiatives/:id/updates',
      opts('A dated progress update in kk and ru (the percentage never goes down); followers are told', {
        params: idParam,
        body: updateBody,
        created: createdBody,
      }),
      async (req, reply) => {
        const id = await work.addUpdate(actorOf(req), staffOf(req), req.params.id, req.body);
        // Followers are told now; the public page must not show less than they read.
        return reply.status(201).send({ id });
      },
    );

    // A photo of an update as the raw body (image/jpeg, image/png or image/webp, at most 5 MB).
    app.addContentTypeParser(Object.keys(PHOTO_TYPES), { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_req, body, done) => done(null, body));
    app.put(
      '/api/initiatives/:id/updates/:subId/photos',
      opts('Add a photo to an update: the raw image as the body', { params: subParams, body: photoBody, created: createdBody }),
      async (req, reply) => {
        const mimeType = String(req.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim();
        const id = await services.initiatives.photos.upload(actorOf(req), staffOf(req), req.params.id, req.params.subId, {
          bytes: req.body as Buffer,
          mimeType,
        });
        return reply.status(201).send({ id });
      },
    );
    app.get(
      '/api/initiatives/:id/photos/:subId',
      opts('A photo of the initiative (withheld ones too, for staff)', { params: subParams, response: photoBody }, readers),
      async (req, reply) => {
        const file = await services.initiatives.photos.forStaff(staffOf(req), req.params.id, req.params.subId);
        if (!file) throw notFound('initiative.photo_not_found');
        return reply.header('content-type', file.mimeType).header('cache-control', 'private, no-store').send(file.bytes);
      },
    );

    app.post(
      '/api/initiatives/:id/photos/:subId/withhold',
      opts('Withhold a photo from public view (the file stays for staff)', { params: subParams, response: detailBody }),
      async (req) => {
        await work.withholdPhoto(actorOf(req), staffOf(req), req.params.id, req.params.subId, true);
        // The portal's cached page must drop the photo at once, not when its cache runs out.
        return detailOf(req, req.params.id) as never;
      },
    );
    app.post('/api/initiatives/:id/photos/:subId/release', opts('Show a withheld photo again', { params: subParams, response: detailBody }), async (req) => {
      await work.withholdPhoto(actorOf(req), staffOf(req), req.params.id, req.params.subId, false);
      return detailOf(req, req.params.id) as never;
    });

    step(
      'implemented',
      'Mark it implemented: the result in kk and ru and people served; followers and volunteers are asked to rate it',
      implementedBody,
      work.implemented,
    );
    step('close', 'Close a published or running initiative with a reason in kk and ru (followers are told)', closeBody, work.close);

    app.get(
      '/api/initiatives/:id/topic-draft',
      opts('The discussion topic form prefilled from the initiative (POST /api/discussions with sourceInitiativeId)', {
        params: idParam,
        response: topicDraftBody,
      }),
      async (req) => services.initiatives.topic.topicDraft(staffOf(req), req.params.id),
    );
  };
