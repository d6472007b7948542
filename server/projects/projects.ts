// Social projects for project managers and admins, scoped by region: the Annex 5 fields, draft → active →
// finished, the events table of the grant report, and the invitation link with its QR code (PNG, SVG).
// Beneficiaries: project-beneficiaries.ts; statistics: project-stats.ts; evaluation: expert-*.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProjectEvent } from '../../generated/prisma/client.ts';
import { ProjectStatus } from '../../generated/prisma/enums.ts';
import type { ProjectWithCounts } from '../../core/projects/project-admin.ts';
import { inviteLink, qrPng, qrSvg, requireInviteLink } from '../../core/projects/project-invite.ts';
import {
  COMPLETENESS_MAX,
  CONTRACT_SUM_MAX,
  FORM_MAX,
  isoDate,
  NAME_MAX,
  PARTICIPANTS_MAX,
  PLACE_MAX,
  SUPPLIER_MAX,
  TEXT_MAX,
} from '../../core/projects/project-rules.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { idParam, okBody, withErrors, pageQuery, positiveId, bodyId, calendarDate } from '../schemas.ts';

export const day = calendarDate;
const id = positiveId;
const status = z.enum(Object.values(ProjectStatus) as [ProjectStatus, ...ProjectStatus[]]);
const page = pageQuery;
const text = z.string().max(TEXT_MAX);

const fields = {
  nameKk: z.string().trim().min(1).max(NAME_MAX),
  nameRu: z.string().trim().min(1).max(NAME_MAX),
  supplierName: z.string().trim().min(1).max(SUPPLIER_MAX).describe('the supplier NGO as written in the contract'),
  supplierBin: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'a BIN is 12 digits')
    .nullable()
    .optional(),
  contractSum: z.number().min(0).max(CONTRACT_SUM_MAX).describe('thousand tenge, one decimal (Annex 5)'),
  goalsKk: text.optional(),
  goalsRu: text.optional(),
  objectivesKk: text.optional(),
  objectivesRu: text.optional(),
  activitiesKk: text.optional().describe('Annex 5 "activities carried out": may be kept up to date; required to finish'),
  activitiesRu: text.optional(),
  resultsKk: text.optional().describe('Annex 5 "results achieved": required to finish'),
  resultsRu: text.optional(),
  startsOn: day,
  endsOn: day,
  areaId: z.number().int().min(1).max(19).describe('one of the 19 areas of the state social order'),
  regionId: bodyId.nullable().describe('null: a national project (only staff without a region scope)'),
  stateBodyId: bodyId.nullable().optional().describe('the budget programme administrator (Annex 5 is per body and year)'),
};

const countsBody = z.object({
  beneficiaries: z.number().describe('persons registered (bot) or imported'),
  events: z.number(),
  eventParticipants: z.number().describe("sum of the events' participant numbers: attendances, not persons"),
});

export const projectBody = z.object({
  id: z.number(),
  ...fields,
  supplierBin: z.string().nullable(),
  goalsKk: z.string(),
  goalsRu: z.string(),
  objectivesKk: z.string(),
  objectivesRu: z.string(),
  activitiesKk: z.string(),
  activitiesRu: z.string(),
  resultsKk: z.string(),
  resultsRu: z.string(),
  stateBodyId: z.number().nullable(),
  status,
  inviteCode: z.string(),
  inviteLink: z.string().nullable().describe('null when the bot username is unknown: set BOT_USERNAME, or run the bot (BOT_TOKEN) in this process'),
  councilId: z.number().nullable(),
  evaluationClosedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
  counts: countsBody,
});

const eventFields = {
  heldOn: day,
  place: z.string().trim().min(1).max(PLACE_MAX),
  form: z.string().trim().min(1).max(FORM_MAX).describe('e.g. seminar, training, round table'),
  participants: z.number().int().min(0).max(PARTICIPANTS_MAX),
  completeness: z.string().max(COMPLETENESS_MAX).optional().describe('held in full / partly / not held, with a note'),
};

export const eventBody = z.object({ id: z.number(), projectId: z.number(), ...eventFields, completeness: z.string(), createdAt: z.string() });

export const eventView = (e: ProjectEvent): z.infer<typeof eventBody> => ({
  id: e.id,
  projectId: e.projectId,
  heldOn: isoDate(e.heldOn),
  place: e.place,
  form: e.form,
  participants: e.participants,
  completeness: e.completeness,
  createdAt: e.createdAt.toISOString(),
});

export const projectRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const manager = requireStaff(services.staff, ['project_manager']);
    const tags = ['projects'];
    const { admin } = services.projects;

    const view = (p: ProjectWithCounts): z.infer<typeof projectBody> => {
      const username = services.projects.botUsername();
      return {
        id: p.id,
        nameKk: p.nameKk,
        nameRu: p.nameRu,
        supplierName: p.supplierName,
        supplierBin: p.supplierBin,
        contractSum: Number(p.contractSum),
        goalsKk: p.goalsKk,
        goalsRu: p.goalsRu,
        objectivesKk: p.objectivesKk,
        objectivesRu: p.objectivesRu,
        activitiesKk: p.activitiesKk,
        activitiesRu: p.activitiesRu,
        resultsKk: p.resultsKk,
        resultsRu: p.resultsRu,
        startsOn: isoDate(p.startsOn),
        endsOn: isoDate(p.endsOn),
        areaId: p.areaId,
        regionId: p.regionId,
        stateBodyId: p.stateBodyId,
        status: p.status,
        inviteCode: p.inviteCode,
        inviteLink: username ? inviteLink(username, p.inviteCode) : null,
        councilId: p.councilId,
        evaluationClosedAt: p.evaluationClosedAt?.toISOString() ?? null,
        finishedAt: p.finishedAt?.toISOString() ?? null,
        createdAt: p.createdAt.toISOString(),
        counts: p.counts,
      };
    };

    /** The project (in the caller's scope) and its invitation link; the link, the QR PNG and SVG all start here. */
    const inviteOf = async (req: Parameters<typeof staffOf>[0], projectId: number) => {
      const p = await admin.get(staffOf(req), projectId);
      return { p, link: requireInviteLink(services.projects.botUsername(), p.inviteCode) };
    };

    app.get(
      '/api/projects',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Projects in your region (admins: all), the latest start first, with beneficiary and event counts',
          querystring: z.object({
            status: status.optional(),
            regionId: id.optional(),
            stateBodyId: id.optional(),
            areaId: id.optional(),
            year: z.coerce.number().int().min(2000).max(2100).optional().describe('running at some time in this year'),
            q: z.string().max(200).optional(),
            ...page,
          }),
          response: withErrors({ 200: z.object({ items: z.array(projectBody), total: z.number() }) }),
        },
      },
      async (req) => {
        const { offset, limit, ...filter } = req.query;
        const r = await admin.list(staffOf(req), filter, { offset, limit });
        return { items: r.items.map(view), total: r.total };
      },
    );

    app.post(
      '/api/projects',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Create a project (a draft); a regional manager only in their region',
          body: z.object(fields),
          response: withErrors({ 200: projectBody }),
        },
      },
      async (req) => view(await admin.create(actorOf(req), staffOf(req), req.body)),
    );

    app.get(
      '/api/projects/:id',
      { onRequest: manager, schema: { tags, summary: 'A project with its counts', params: idParam, response: withErrors({ 200: projectBody }) } },
      async (req) => view(await admin.get(staffOf(req), req.params.id)),
    );

    app.patch(
      '/api/projects/:id',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Change a draft or active project (a finished one is final)',
          params: idParam,
          body: z
            .object(fields)
            .partial()
            .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
          response: withErrors({ 200: projectBody }),
        },
      },
      async (req) => view(await admin.update(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/projects/:id',
      { onRequest: manager, schema: { tags, summary: 'Delete a draft without beneficiaries', params: idParam, response: withErrors({ 200: okBody }) } },
      async (req) => {
        await admin.remove(actorOf(req), staffOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/projects/:id/activate',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'draft → active: the invitation link starts registering beneficiaries',
          params: idParam,
          response: withErrors({ 200: projectBody }),
        },
      },
      async (req) => view(await admin.activate(actorOf(req), staffOf(req), req.params.id)),
    );

    app.post(
      '/api/projects/:id/finish',
      {
        onRequest: manager,
        schema: {
          tags,
          summary:
            'active → finished, recording the activities carried out and the results achieved (Annex 5) in both languages; the invitation stops, evaluation opens',
          params: idParam,
          body: z.object({
            activitiesKk: z.string().trim().min(1).max(TEXT_MAX),
            activitiesRu: z.string().trim().min(1).max(TEXT_MAX),
            resultsKk: z.string().trim().min(1).max(TEXT_MAX),
            resultsRu: z.string().trim().min(1).max(TEXT_MAX),
          }),
          response: withErrors({ 200: projectBody }),
        },
      },
      async (req) => view(await admin.finish(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.get(
      '/api/projects/:id/invite',
      {
        onRequest: manager,
        schema: {
          tags,
          summary:
            'The invitation link t.me/<bot>?start=prj_<code>; 409 project.no_bot_username when neither BOT_USERNAME is set nor the bot runs in this process',
          params: idParam,
          response: withErrors({ 200: z.object({ link: z.string(), inviteCode: z.string(), status, png: z.string(), svg: z.string() }) }),
        },
      },
      async (req) => {
        const { p, link } = await inviteOf(req, req.params.id);
        return { link, inviteCode: p.inviteCode, status: p.status, png: `/api/projects/${p.id}/qr.png`, svg: `/api/projects/${p.id}/qr.svg` };
      },
    );

    app.get(
      '/api/projects/:id/qr.png',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'The invitation as a QR code, PNG (for leaflets and posters)',
          params: idParam,
          querystring: z.object({ size: z.coerce.number().int().min(128).max(2000).default(600).describe('pixels') }),
          response: withErrors({ 200: z.unknown().describe('image/png') }),
        },
      },
      async (req, reply) => {
        const png = await qrPng((await inviteOf(req, req.params.id)).link, req.query.size);
        return reply.header('content-type', 'image/png').header('cache-control', 'private, no-store').send(png);
      },
    );

    app.get(
      '/api/projects/:id/qr.svg',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'The invitation as a QR code, SVG (scales for print design)',
          params: idParam,
          response: withErrors({ 200: z.unknown().describe('image/svg+xml') }),
        },
      },
      async (req, reply) => {
        const svg = await qrSvg((await inviteOf(req, req.params.id)).link);
        return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store').send(svg);
      },
    );

    app.get(
      '/api/projects/:id/events',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'The events table (grant report), in date order',
          params: idParam,
          querystring: z.object({ from: day.optional(), to: day.optional() }),
          response: withErrors({ 200: z.object({ items: z.array(eventBody) }) }),
        },
      },
      async (req) => ({ items: (await admin.events(staffOf(req), req.params.id, req.query)).map(eventView) }),
    );

    app.post(
      '/api/projects/:id/events',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Add an event (within the project period; not to a finished project)',
          params: idParam,
          body: z.object(eventFields),
          response: withErrors({ 200: eventBody }),
        },
      },
      async (req) => eventView(await admin.addEvent(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.patch(
      '/api/projects/events/:id',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Change an event',
          params: idParam,
          body: z
            .object(eventFields)
            .partial()
            .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
          response: withErrors({ 200: eventBody }),
        },
      },
      async (req) => eventView(await admin.updateEvent(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/projects/events/:id',
      { onRequest: manager, schema: { tags, summary: 'Delete an event', params: idParam, response: withErrors({ 200: okBody }) } },
      async (req) => {
        await admin.removeEvent(actorOf(req), staffOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
