// Moderators on residents' public comments (issue 17): the queue in their scope, removing a comment with a note to
// its author, and restoring one. Scope, the note rule and the audit are the service's.
import { actorOf, staffOf } from '../plugins/auth.ts';
import { iso, postAction, routeModule } from '../route-kit.ts';
import { hideCommentBody, moderatedBody, moderationBody, moderationQuery, restoreCommentBody } from './comments-schemas.ts';

export const commentRoutes = routeModule('comments', 'moderator', (app, { guard: moderators, tags, opts }, services) => {
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
});
