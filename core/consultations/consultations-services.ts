// The consultations' services, under one key (services.consultations): the citizen's questions, the
// consultants' work, the knowledge base, the log and the topics; the queue and a question's detail in the
// caller's scope, the log's totals and exports, the topics' staff groups in Telegram, the deadlines and the
// rating reminders. Callers hand in what a request names; scope is applied here (question-scope.ts), never
// in the route or the bot.
import type { i18n as I18n } from 'i18next';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { ChatPort } from '../outbox/chat-port.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { linkedStaff } from '../staff/staff-chat-kit.ts';
import { logTable, totalsTable } from './consultation-export.ts';
import { createConsultationLogService, type LogFilter } from './consultation-log.ts';
import { createConsultationTopicService } from './consultation-topics.ts';
import { consultationTotals, type GroupBy, type Period } from './consultation-totals.ts';
import { createFaqService } from './faq-service.ts';
import { createQuestionCitizenService } from './question-citizen.ts';
import { processQuestionDeadlines } from './question-deadlines.ts';
import { createQuestionQueries } from './question-query.ts';
import { questionChatRefusal, refreshQuestionPosts, syncQuestionChats, type QuestionChatRefusal } from './question-staff-chat.ts';
import { createQuestionStaffService } from './question-staff.ts';
import { sendRatingReminders } from './rating-reminder.ts';

export interface ConsultationServiceDeps {
  prisma: PrismaClient;
  i18n: I18n;
  calendar: CalendarService;
  now: () => Date;
}

export type TotalsQuery = LogFilter & { groupBy: GroupBy; period: Period };

/** Who acts from a topic's group on a question: the consultant, or why they may not (or that it is gone). */
export type GroupActor =
  { question: { id: number; number: string }; staff: StaffPrincipal; refusal?: undefined } | { refusal: QuestionChatRefusal | 'not_found'; staff?: undefined };

export function createConsultationServices(deps: ConsultationServiceDeps) {
  const { prisma, i18n, calendar, now } = deps;

  async function actorOn(telegramId: number, question: { id: number; number: string; regionId: number | null }): Promise<GroupActor> {
    const staff = await linkedStaff(prisma, telegramId);
    const refusal = questionChatRefusal(staff, question);
    return refusal || !staff ? { refusal: refusal ?? 'not_linked' } : { question: { id: question.id, number: question.number }, staff };
  }

  return {
    /** the citizen's own questions (asked in the bot) */
    citizen: createQuestionCitizenService({ prisma, calendar, i18n, now }),
    /** the consultants' work on a question: claim, answer, hand over, close */
    staff: createQuestionStaffService({ prisma, i18n, now }),
    faq: createFaqService({ prisma, now }),
    log: createConsultationLogService({ prisma, now }),
    topics: createConsultationTopicService({ prisma }),
    queries: createQuestionQueries({ prisma, calendar, now }),

    /** Counts, satisfaction and response times of the log in the caller's scope. */
    totals: (staff: StaffPrincipal, query: TotalsQuery) => consultationTotals(prisma, i18n, staff, query),
    exportTotals: async (staff: StaffPrincipal, query: TotalsQuery, lang: Locale) =>
      totalsTable(i18n, await consultationTotals(prisma, i18n, staff, query), lang),
    exportLog: (staff: StaffPrincipal, filter: LogFilter, lang: Locale) => logTable(prisma, i18n, staff, filter, lang),

    staffChat: {
      /** The consultant behind a press of "take" on a question's post. */
      async actorFor(telegramId: number, questionId: number): Promise<GroupActor> {
        const question = await prisma.question.findUnique({ where: { id: questionId }, select: { id: true, number: true, regionId: true } });
        return question ? actorOn(telegramId, question) : { refusal: 'not_found' };
      },
      /** The consultant behind a reply to the bot's message `messageId` in a group; null when that is no question's post. */
      async actorAtPost(telegramId: number, chatId: number, messageId: number): Promise<GroupActor | null> {
        const post = await prisma.questionStaffMessage.findUnique({
          where: { chatId_messageId: { chatId: BigInt(chatId), messageId: BigInt(messageId) } },
          include: { question: { select: { id: true, number: true, regionId: true } } },
        });
        return post ? actorOn(telegramId, post.question) : null;
      },
      /** Edits the question's posts at once, so whoever acted in a group sees it. */
      refresh: (questionId: number, chat: ChatPort) => refreshQuestionPosts({ prisma, chat, i18n, calendar, now }, questionId),
      /** The sync job's run: new questions posted, changed ones edited. */
      sync: (chat: ChatPort, logger: Logger) => syncQuestionChats({ prisma, chat, i18n, calendar, logger, now }),
    },

    processDeadlines: (escalationWorkingDays: number) => processQuestionDeadlines({ prisma, calendar, i18n, now, escalationWorkingDays }),
    remindRatings: () => sendRatingReminders({ prisma, i18n, now }),
  };
}
