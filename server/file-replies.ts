// A stored file that exists but cannot be served now (no storage directory, Telegram unreachable) answers
// 502/503 with a localised message and is never cached; never a 500. The impact evidence and the portal's report
// photos answer so.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EvidenceUnavailable } from '../core/reports/evidence-store.ts';
import type { Services } from '../core/services.ts';
import { requestLocale } from './plugins/errors.ts';

export async function orUnavailable<T>(services: Services, req: FastifyRequest, reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof EvidenceUnavailable)) throw e;
    const message = services.i18n.getFixedT(requestLocale(req))(`errors:${e.code}`, { defaultValue: e.code });
    return reply
      .status(e.status)
      .header('cache-control', 'no-store')
      .send({ error: { code: e.code, message } });
  }
}
