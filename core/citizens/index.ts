// Citizens: who they are, their consent, profile and language, and everything stored about them (/mydata,
// /deletedata) gathered from every capability's personal-data section.
import type { DomainModule } from '../services.ts';
import { createCitizenService } from './citizen-service.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    citizens: ReturnType<typeof createCitizenService>;
  }
}

export const citizensDomain: DomainModule<'citizens'> = {
  name: 'citizens',
  services: ({ prisma, sections, now, chatState }) => ({ citizens: createCitizenService({ prisma, sections, now, chatState }) }),
};
