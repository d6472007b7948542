// Which report photos the public sees (issue 17): staff withhold or release one file (operators and moderators,
// in their scope, audited), and /media/r/:evidenceId serves a public photo's bytes from the evidence store, so a
// Telegram file id never reaches a browser. Anything not public (not accepted, withheld, hidden, not an image)
// answers 404 like an id that does not exist.
import { createReadStream } from 'node:fs';
import type { ReportEvidence } from '../../generated/prisma/client.ts';
import { EvidenceUnavailable } from '../../core/reports/evidence-store.ts';
import { orUnavailable } from '../file-replies.ts';
import { byPart, iso, routeModule } from '../route-kit.ts';
import { publicPhotoParams, publicPhotoResponses, withheldBody, withholdBody, withholdParams } from './evidence-publicity-schemas.ts';

const view = (e: ReportEvidence) => ({ id: e.id, withheldAt: iso(e.withheldAt), withheldReason: e.withheldReason });

export const evidencePublicityRoutes = routeModule('reports', 'operatorOrModerator', (app, { opts }, services) => {
  const files = services.evidencePublicity;

  app.post(
    '/api/reports/:id/evidence/:evidenceId/withhold',
    opts('Keep one file off the public portal (the file stays for staff)', { params: withholdParams, body: withholdBody, response: withheldBody }),
    byPart('evidenceId', (who, id, evidenceId, body) => files.withhold(...who, id, evidenceId, body.reason).then(view)),
  );
  app.post(
    '/api/reports/:id/evidence/:evidenceId/release',
    opts('Let a withheld file be public again (once the report is accepted)', { params: withholdParams, response: withheldBody }),
    byPart('evidenceId', (who, id, evidenceId) => files.release(...who, id, evidenceId).then(view)),
  );

  app.get(
    '/media/r/:evidenceId',
    {
      schema: {
        tags: ['portal'],
        summary: "A public report's photo (404 for anything not public)",
        params: publicPhotoParams,
        response: publicPhotoResponses,
      },
    },
    async (req, reply) =>
      orUnavailable(services, req, reply, async () => {
        const source = await files.openPublic(req.params.evidenceId);
        if (source.type !== 'file') throw new EvidenceUnavailable(503, 'evidence.gone');
        return (
          reply
            .header('content-type', source.mimeType)
            .header('content-length', source.size)
            .header('content-security-policy', "default-src 'none'; sandbox")
            .header('x-content-type-options', 'nosniff')
            // Short: a file withheld later must leave shared caches soon; the portal's own pages drop it at once.
            .header('cache-control', 'public, max-age=300')
            .send(createReadStream(source.path))
        );
      }),
  );
});
