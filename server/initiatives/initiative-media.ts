// /media/i/:photoId serves a public initiative photo's bytes (issue 18; plan §3.4, as /media/r/:evidenceId does for
// reports), so the portal shows progress-update photos without a Telegram file id ever reaching a browser. A photo
// that is withheld, of an initiative that is not public, a Telegram file or unknown answers 404 alike.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { requestLocale } from '../plugins/errors.ts';
import { positiveId, withErrors } from '../schemas.ts';

const params = z.object({ photoId: positiveId });
const responses = withErrors({ 200: z.unknown().describe('the image') });

export const initiativeMediaRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/media/i/:photoId',
      { schema: { tags: ['portal'], summary: "A public initiative's progress photo (404 for anything not public)", params, response: responses } },
      async (req, reply) => {
        const file = await services.initiatives.photos.forPublic(req.params.photoId);
        if (!file) {
          const message = services.i18n.getFixedT(requestLocale(req))('errors:initiative.photo_not_found');
          return reply
            .status(404)
            .header('cache-control', 'no-store')
            .send({ error: { code: 'initiative.photo_not_found', message } });
        }
        return (
          reply
            .header('content-type', file.mimeType)
            .header('content-security-policy', "default-src 'none'; sandbox")
            .header('x-content-type-options', 'nosniff')
            // Short: a photo withheld later must leave shared caches soon; the portal's own pages drop it at once.
            .header('cache-control', 'public, max-age=300')
            .send(file.bytes)
        );
      },
    );
  };
