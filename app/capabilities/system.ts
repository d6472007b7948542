// The system's state for admins: the outbox queue and its actions, job runs, the database, backups and
// the version (the console's system-status screen). Health, readiness and /metrics are the foundation's
// (server/app.ts); the operations services are the platform's (core/ops, services.ops).
import { outboxRoutes } from '../../server/system/outbox.ts';
import { systemStatusRoutes } from '../../server/system/system-status.ts';
import type { Capability } from '../capability.ts';

export const system: Capability = {
  name: 'system',
  locales: [],
  routes: ({ services, system }) => [outboxRoutes(services), systemStatusRoutes(services, system)],
  console: true,
};
