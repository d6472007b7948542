// Consultations of the civil resource centre: citizens' questions and their answers, the knowledge base,
// the log of consultations given offline, and the topics questions are sorted by.
import type { DomainModule } from '../services.ts';
import { createConsultationLogService } from './consultation-log.ts';
import { createConsultationTopicService } from './consultation-topics.ts';
import { createConsultationServices } from './consultations-services.ts';
import { scheduleConsultations } from './demo.ts';
import { createFaqService } from './faq-service.ts';
import { createQuestionCitizenService, questionPersonalData } from './question-citizen.ts';
import { createQuestionStaffService } from './question-staff.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    questionCitizen: ReturnType<typeof createQuestionCitizenService>;
    questionStaff: ReturnType<typeof createQuestionStaffService>;
    faq: ReturnType<typeof createFaqService>;
    consultationLog: ReturnType<typeof createConsultationLogService>;
    consultationTopics: ReturnType<typeof createConsultationTopicService>;
    /** staff reads in scope, the log's totals and exports, the topics' staff groups, the scheduled work */
    consultations: ReturnType<typeof createConsultationServices>;
  }
}

export const consultationsDomain: DomainModule<'questionCitizen' | 'questionStaff' | 'faq' | 'consultationLog' | 'consultationTopics' | 'consultations'> = {
  name: 'consultations',
  services: ({ prisma, calendar, i18n, now }) => ({
    questionCitizen: createQuestionCitizenService({ prisma, calendar, i18n, now }),
    questionStaff: createQuestionStaffService({ prisma, i18n, now }),
    faq: createFaqService({ prisma, now }),
    consultationLog: createConsultationLogService({ prisma, now }),
    consultationTopics: createConsultationTopicService({ prisma }),
    consultations: createConsultationServices({ prisma, i18n, calendar, now }),
  }),
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
