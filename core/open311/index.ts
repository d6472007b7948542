// Open311 GeoReport v2 for outside systems, and the API keys they use.
import type { DomainModule } from '../services.ts';
import { createApiClientService } from './api-client-service.ts';
import { createOpen311Requests } from './open311-requests.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    apiClients: ReturnType<typeof createApiClientService>;
    /** public service requests (reports in public view) */
    open311Requests: ReturnType<typeof createOpen311Requests>;
  }
}

export const open311Domain: DomainModule<'apiClients' | 'open311Requests'> = {
  name: 'open311',
  services: ({ prisma, now }) => ({ apiClients: createApiClientService({ prisma, now }), open311Requests: createOpen311Requests({ prisma, now }) }),
};
