// Satisfaction polls of social projects: questionnaires, waves sent to beneficiaries, answers and results.
import type { DomainModule } from '../services.ts';
import { pollPersonalData } from './poll-personal-data.ts';
import { createPollServices } from './poll-services.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    polls: ReturnType<typeof createPollServices>;
  }
}

export const pollsDomain: DomainModule<'polls'> = {
  name: 'polls',
  services: ({ prisma, i18n, now }) => ({ polls: createPollServices({ prisma, i18n, now }) }),
  personalData: () => pollPersonalData,
};
