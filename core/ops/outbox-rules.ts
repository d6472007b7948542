// The outbox statuses an admin's queue lists, in the order the system-status screen offers them
// (failed first: those are the ones to act on).
import type { OutboxStatus } from '../../generated/prisma/enums.ts';

export const OUTBOX_LISTED_STATUSES = ['failed', 'pending', 'sending', 'blocked', 'discarded', 'sent'] as const satisfies readonly OutboxStatus[];
