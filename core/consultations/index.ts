// Consultations of the civil resource centre: citizens' questions and their answers, the knowledge base,
// the log of consultations given offline, and the topics questions are sorted by (services.consultations).
import type { DomainModule } from '../services.ts';
import { createConsultationServices } from './consultations-services.ts';
import { scheduleConsultations } from './demo.ts';
import { questionPersonalData } from './question-citizen.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    consultations: ReturnType<typeof createConsultationServices>;
  }
}

export const consultationsDomain: DomainModule<'consultations'> = {
  name: 'consultations',
  services: ({ prisma, calendar, i18n, now }) => ({ consultations: createConsultationServices({ prisma, i18n, calendar, now }) }),
  personalData: () => questionPersonalData,
  demo: {
    schedule: scheduleConsultations,
    count: async ({ prisma: p }) => ({
      questions: await p.question.count(),
      consultations: await p.consultation.count(),
      faqArticles: await p.faqArticle.count(),
    }),
  },
};
