// The health probes' answers: /health (the database answers), /health/live and /health/ready.
import { z } from 'zod';

export const healthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
  uptimeSeconds: z.number(),
});

export const liveStatusBody = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export const readyBody = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string() })),
});
