// Consultations of the civil resource centre: questions in the bot, the consultants' queue, the knowledge
// base, the log of offline consultations, and the topics' staff groups in Telegram.
import { createAskFeature } from '../../bot/consultations/ask.ts';
import { createQuestionStaffChat } from '../../bot/consultations/staff-chat.ts';
import { consultationsDomain } from '../../core/consultations/index.ts';
import { createQuestionChatSyncJob } from '../../jobs/question-chat-sync.ts';
import { createQuestionDeadlinesJob } from '../../jobs/question-deadlines.ts';
import { createQuestionRatingReminderJob } from '../../jobs/question-rating-reminder.ts';
import { consultationTopicRoutes } from '../../server/consultations/consultation-topics.ts';
import { consultationRoutes } from '../../server/consultations/consultations.ts';
import { faqRoutes } from '../../server/consultations/faq.ts';
import { questionRoutes } from '../../server/consultations/questions.ts';
import type { Capability } from '../capability.ts';

export const consultations: Capability = {
  ...consultationsDomain,
  locales: ['consultations'],
  bot: ({ i18n }) => [createAskFeature(), createQuestionStaffChat(i18n)],
  routes: ({ services }) => [questionRoutes(services), faqRoutes(services), consultationRoutes(services), consultationTopicRoutes(services)],
  jobs: ({ services, config, logger, chat }) => {
    const { prisma, calendar, i18n, now } = services;
    return [
      createQuestionDeadlinesJob({ prisma, calendar, i18n, now, escalationWorkingDays: config.QUESTION_ESCALATION_WORKING_DAYS }),
      createQuestionRatingReminderJob({ prisma, i18n, now }),
      ...(chat ? [createQuestionChatSyncJob({ prisma, chat, i18n, calendar, logger: logger.child({ component: 'question-chat' }), now })] : []),
    ];
  },
  console: true,
};
