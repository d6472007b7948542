// Open311 GeoReport v2 for outside systems, and the API keys they use.
import type { DomainModule } from '../services.ts';
import { createApiClientService } from './api-client-service.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    apiClients: ReturnType<typeof createApiClientService>;
  }
}

export const open311Domain: DomainModule<'apiClients'> = {
  name: 'open311',
  services: ({ prisma, now }) => ({ apiClients: createApiClientService({ prisma, now }) }),
};
