// Delivery health: how many outbox messages are in each status.
import { z } from 'zod';

export const outboxCountsBody = z.object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number(), blocked: z.number() });
