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
  bot: () => [createAskFeature(), createQuestionStaffChat()],
  routes: ({ services }) => [questionRoutes(services), faqRoutes(services), consultationRoutes(services), consultationTopicRoutes(services)],
  jobs: ({ services: { consultations: c }, config, logger, chat }) => {
    const chatLogger = logger.child({ component: 'question-chat' });
    return [
      createQuestionDeadlinesJob(() => c.processDeadlines(config.QUESTION_ESCALATION_WORKING_DAYS)),
      createQuestionRatingReminderJob(() => c.remindRatings()),
      ...(chat ? [createQuestionChatSyncJob(() => c.staffChat.sync(chat, chatLogger))] : []),
    ];
  },
  console: true,
};
