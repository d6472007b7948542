// Reference data: regions, districts, departments, categories (the working-day calendar is a platform
// service, since every deadline runs on it).
import type { DomainModule } from '../services.ts';
import { createReferenceService, type ReferenceService } from './reference-service.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    reference: ReferenceService;
  }
}

export const referenceDomain: DomainModule<'reference'> = {
  name: 'reference',
  services: ({ prisma }) => ({ reference: createReferenceService({ prisma }) }),
};
