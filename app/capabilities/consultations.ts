// Consultations of the civil resource centre: questions in the bot, the consultants' queue, the knowledge
// base, the log of offline consultations, and the topics' staff groups in Telegram.
import { consultationsDomain } from '../../core/consultations/index.ts';
import type { Capability } from '../capability.ts';

export const consultations: Capability = {
  ...consultationsDomain,
  locales: ['consultations'],
  bot: async () => [
    (await import('../../bot/consultations/ask.ts')).createAskFeature(),
    (await import('../../bot/consultations/staff-chat.ts')).createQuestionStaffChat(),
  ],
  routes: async ({ services }) => [
    (await import('../../server/consultations/questions.ts')).questionRoutes(services),
    (await import('../../server/consultations/faq.ts')).faqRoutes(services),
    (await import('../../server/consultations/consultations.ts')).consultationRoutes(services),
    (await import('../../server/consultations/consultation-topics.ts')).consultationTopicRoutes(services),
  ],
  jobs: async ({ services: { consultations: c }, config, logger, chat }) => {
    const chatLogger = logger.child({ component: 'question-chat' });
    return [
      (await import('../../jobs/question-deadlines.ts')).createQuestionDeadlinesJob(() => c.processDeadlines(config.QUESTION_ESCALATION_WORKING_DAYS)),
      (await import('../../jobs/question-rating-reminder.ts')).createQuestionRatingReminderJob(() => c.remindRatings()),
      ...(chat ? [(await import('../../jobs/question-chat-sync.ts')).createQuestionChatSyncJob(() => c.staffChat.sync(chat, chatLogger))] : []),
    ];
  },
  console: true,
};
