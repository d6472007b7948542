// The system's state for admins: the outbox queue and its actions, job runs, the database, backups and
// the version (the console's system-status screen). Health, readiness and /metrics are the foundation's
// (server/app.ts); the operations services are the platform's (core/ops, services.ops).
import type { Capability } from '../capability.ts';

export const system: Capability = {
  name: 'system',
  locales: [],
  routes: async ({ services, system }) => [
    (await import('../../server/system/outbox.ts')).outboxRoutes(services),
    (await import('../../server/system/system-status.ts')).systemStatusRoutes(services, system),
  ],
  console: true,
};
