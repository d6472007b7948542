// Stories of change, the staff's side (plan §3.4): calls, the review list, the most significant per period with
// a reason, publication only with consent, the voice; and the public feed (no sign-in, rate-limited).
import { z } from 'zod';
import { staffOf } from '../plugins/auth.ts';
import { byId, byPart, createdById, okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody, withErrors } from '../schemas.ts';
import {
  callBody,
  callInput,
  publicStoriesBody,
  publicStoriesQuery,
  publishInput,
  selectInput,
  selectionBody,
  selectParams,
  storiesQuery,
  storyBody,
} from './story-schemas.ts';
import { orUnavailable } from '../file-replies.ts';
import { callOut, selectionOut, storyOut } from './impact-views.ts';

export const impactStoryRoutes = routeModule('impact', 'manager', (app, { opts }, services) => {
  const r = services.impact.storyReview;

  app.get(
    '/api/impact/projects/:id/story-calls',
    opts('The project’s calls for stories of change', { params: idParam, response: z.array(callBody) }),
    async (req) => (await r.calls(staffOf(req), req.params.id)).map(callOut),
  );
  app.post(
    '/api/impact/projects/:id/story-calls',
    opts('Open a call: beneficiaries are invited to tell the most significant change (t.me/<bot>?start=story_<code>)', {
      params: idParam,
      body: callInput,
      created: callBody,
    }),
    createdById((who, id, body) => r.createCall(...who, id, body).then(callOut)),
  );
  app.post(
    '/api/impact/story-calls/:id/send',
    opts('Invite every beneficiary with Telegram, once each', { params: idParam, response: callBody }),
    byId((who, id) => r.requestSend(...who, id).then(callOut)),
  );

  app.get(
    '/api/impact/projects/:id/stories',
    opts('Stories of a project, by quarter and status', { params: idParam, querystring: storiesQuery, response: z.array(storyBody) }),
    async (req) => (await r.list(staffOf(req), req.params.id, req.query)).map(storyOut),
  );
  app.post(
    '/api/impact/stories/:id/select',
    opts('Choose as most significant for a period, with the reason (at least 20 characters)', {
      params: idParam,
      body: selectInput,
      response: selectionBody,
    }),
    byId((who, id, body) => r.select(...who, id, body).then(selectionOut)),
  );
  app.delete(
    '/api/impact/stories/:id/select/:periodKey',
    opts('Undo a choice', { params: selectParams, response: okBody }),
    byPart('periodKey', (who, id, period) => okAfter(r.unselect(...who, id, period))),
  );
  app.post(
    '/api/impact/stories/:id/publish',
    opts('Publish on the portal: only with the teller’s consent; a voice story needs its transcript', {
      params: idParam,
      body: publishInput,
      response: storyBody,
    }),
    byId((who, id, body) => r.publish(...who, id, body).then(storyOut)),
  );
  app.post(
    '/api/impact/stories/:id/unpublish',
    opts('Take a story off the portal', { params: idParam, response: storyBody }),
    byId((who, id) => r.unpublish(...who, id).then(storyOut)),
  );
  app.get(
    '/api/impact/stories/:id/voice',
    opts('The voice of a story (OGG/Opus)', { params: idParam, response: z.unknown().describe('audio/ogg') }),
    async (req, reply) =>
      orUnavailable(services, req, reply, async () =>
        reply
          .header('content-type', 'audio/ogg')
          .header('cache-control', 'private, no-store')
          .send(await r.voice(staffOf(req), req.params.id)),
      ),
  );

  app.get(
    '/api/public/impact/stories',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['impact'],
        security: [],
        summary: 'Published stories of change: the text, the project, the month; a name only when the teller agreed',
        querystring: publicStoriesQuery,
        response: withErrors({ 200: publicStoriesBody }),
      },
    },
    async (req) => r.publicFeed(req.query),
  );
});
