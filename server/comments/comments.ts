// Moderators on residents' public comments (issue 17): the queue in their scope, removing a comment with a note to
// its author, and restoring one. Scope, the note rule and the audit are the service's.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../core/services.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { iso, postAction, guardedRoutes } from '../route-kit.ts';
import { hideCommentBody, moderatedBody, moderationBody, moderationQuery, restoreCommentBody } from './comments-schemas.ts';

export const commentRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { guard: moderators, tags, opts } = guardedRoutes(services.staff, 'comments', 'moderator');
    const moderation = services.comments.moderation;

    app.get(
      '/api/comments/moderation',
      opts('Public comments on reports in your scope (default: hidden by flags, waiting)', { querystring: moderationQuery, response: moderationBody }),
      async (req) => {
        const { state, offset, limit } = req.query;
        const page = await moderation.list(staffOf(req), state, { offset, limit });
        return { total: page.total, items: page.items.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), moderatedAt: iso(c.moderatedAt) })) };
      },
    );

    postAction(app, '/api/comments/:id/hide', {
      onRequest: moderators,
      tags,
      summary: 'Remove a comment from the report’s page (its text is kept; the author is told why)',
      body: hideCommentBody,
      response: moderatedBody,
      act: async (req, id, body) => ({ id, state: await moderation.moderate(actorOf(req), staffOf(req), id, 'hide', body.note) }),
    });
    postAction(app, '/api/comments/:id/restore', {
      onRequest: moderators,
      tags,
      summary: 'Show a hidden comment again; further flags no longer hide it',
      body: restoreCommentBody,
      response: moderatedBody,
      act: async (req, id, body) => ({ id, state: await moderation.moderate(actorOf(req), staffOf(req), id, 'restore', body?.note) }),
    });
  };
