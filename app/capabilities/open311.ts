// Open311 GeoReport v2 for outside systems (public, under /open311/v2), and their API keys (the console's
// admin shell).
import { open311Domain } from '../../core/open311/index.ts';
import type { Capability } from '../capability.ts';

export const open311: Capability = {
  ...open311Domain,
  locales: [],
  routes: async ({ services, i18n }) => [
    (await import('../../server/open311/api-clients.ts')).apiClientRoutes(services),
    (await import('../../server/open311/open311.ts')).open311Routes(services, i18n),
  ],
};
