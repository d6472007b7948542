// A consultation topic's staff Telegram group (ConsultationTopic.telegramChatId): each new question of
// the topic is posted there with a "take" button, the post follows the question (holder, state, the
// latest follow-up), and a consultant's reply to the post is their answer to the citizen. The group is
// reached through an injected ChatPort, like the report groups (core/reports/staff-chat.ts), whose
// helpers this shares (core/staff/staff-chat-kit.ts).
import type { i18n, TFunction } from 'i18next';
import type { Logger } from 'pino';
import type { PrismaClient, Prisma } from '../../generated/prisma/client.ts';
import type { QuestionState } from '../../generated/prisma/enums.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { ChatMessage, ChatPort } from '../outbox/chat-port.ts';
import { localName } from '../reference/reference-service.ts';
import { hasAnyRole, type StaffPrincipal } from '../staff/scope.ts';
import { STAFF_CHAT_LOCALE, syncChatGroups, type ChatGroup, type StaffChatSyncRun } from '../staff/staff-chat-kit.ts';
import { PENDING_STATES, pendingDue } from './question-deadlines.ts';
import { inQuestionScope } from './question-scope.ts';
import { takeQuestion } from './consultations-buttons.ts';
import { clip } from '../text.ts';

const TEXT_PREVIEW = 1500;
const DAY = 86_400_000;
// The same marks as the citizen's «My questions» (docs/glossary.md § Emoji).
const STATE_ICON: Record<QuestionState, string> = { waiting: '⏳', claimed: '🙋', answered: '💬', closed: '⚪' };

const POST_INCLUDE = {
  topic: true,
  consultant: { select: { fullName: true } },
  messages: { where: { kind: 'followup' }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1 },
} as const satisfies Prisma.QuestionInclude;
type PostedQuestion = Prisma.QuestionGetPayload<{ include: typeof POST_INCLUDE }>;

/** The post about a question: plain text (the citizen's own words), the take button while nobody holds it. */
export function renderQuestionPost(t: TFunction, locale: Locale, q: PostedQuestion, cal: WorkingCalendar, now: Date): ChatMessage {
  const due = pendingDue(q, q.topic.responseDays, cal);
  const followUp = q.followUpAt && PENDING_STATES.includes(q.state) ? q.messages[0]?.text : null;
  const lines = [
    `${STATE_ICON[q.state]} ${q.number} · ${t(`consultations:chat.state.${q.state}`)}`,
    `📂 ${localName(q.topic, locale)} · ${t(`consultations:group.${q.askerGroup}`)}`,
    ...(due
      ? [`${t('consultations:chat.due', { due: formatLocalDateTime(due) })}${due.getTime() < now.getTime() ? ` · ${t('consultations:chat.overdue')}` : ''}`]
      : []),
    ...(q.consultant ? [t('consultations:chat.holder', { name: q.consultant.fullName })] : []),
    '',
    clip(q.text, TEXT_PREVIEW),
    ...(followUp ? ['', t('consultations:chat.followup'), clip(followUp, TEXT_PREVIEW)] : []),
    ...(q.consultant && q.state !== 'closed' ? ['', t('consultations:chat.reply_hint')] : []),
  ];
  const text = lines.join('\n');
  return q.consultantId == null && q.state !== 'closed'
    ? { text, offers: [[takeQuestion.offer(t('consultations:chat.take'), { questionId: q.id })]] }
    : { text };
}

export type QuestionChatRefusal = 'not_linked' | 'no_role' | 'out_of_scope';

/** Why this person may not take or answer the question from a group, or null when they may (consultants in scope, admins). */
export function questionChatRefusal(staff: StaffPrincipal | null, q: { regionId: number | null }): QuestionChatRefusal | null {
  if (!staff) return 'not_linked';
  if (!hasAnyRole(staff, ['consultant'])) return 'no_role';
  if (!inQuestionScope(staff, q.regionId)) return 'out_of_scope';
  return null;
}

export interface QuestionPostDeps {
  prisma: PrismaClient;
  chat: ChatPort;
  i18n: i18n;
  calendar: CalendarService;
  now?: () => Date;
}

async function renderNow(deps: QuestionPostDeps, questionId: number) {
  const q = await deps.prisma.question.findUniqueOrThrow({ where: { id: questionId }, include: POST_INCLUDE });
  return {
    q,
    post: renderQuestionPost(deps.i18n.getFixedT(STAFF_CHAT_LOCALE), STAFF_CHAT_LOCALE, q, await deps.calendar.calendar(), (deps.now ?? (() => new Date()))()),
  };
}

/** Edits one post to the question as it is now and remembers which version it shows. */
async function refreshPost(deps: QuestionPostDeps, row: { questionId: number; chatId: bigint; messageId: bigint }): Promise<void> {
  const { q, post } = await renderNow(deps, row.questionId);
  await deps.chat.edit(row.chatId, Number(row.messageId), post);
  await deps.prisma.questionStaffMessage.update({
    where: { questionId_chatId: { questionId: row.questionId, chatId: row.chatId } },
    data: { syncedAt: q.updatedAt },
  });
}

/** Right after a change made from the group, so the person who acted sees it at once. */
export async function refreshQuestionPosts(deps: QuestionPostDeps, questionId: number): Promise<void> {
  for (const row of await deps.prisma.questionStaffMessage.findMany({ where: { questionId } })) await refreshPost(deps, row);
}

export interface QuestionChatSyncDeps extends QuestionPostDeps {
  logger: Logger;
  /** calls per group per run: at a run every 15 s, 4 stays under Telegram's 20 messages a minute per group */
  perChatPerRun?: number;
  /** only questions this recent are posted, so a newly connected group is not flooded with history */
  postWindowMs?: number;
}

export async function syncQuestionChats(deps: QuestionChatSyncDeps): Promise<StaffChatSyncRun> {
  const { prisma, chat, logger, now = () => new Date(), perChatPerRun = 4, postWindowMs = DAY } = deps;
  const since = new Date(now().getTime() - postWindowMs);
  const topics = await prisma.consultationTopic.findMany({ where: { telegramChatId: { not: null } }, orderBy: { id: 'asc' } });
  const groups = topics.map((topic): ChatGroup<{ id: number }, { questionId: number; messageId: bigint }> => {
    const chatId = topic.telegramChatId!;
    return {
      chatId,
      label: { topic: topic.code },
      fresh: (take) =>
        prisma.question.findMany({
          where: { topicId: topic.id, state: { in: PENDING_STATES }, createdAt: { gte: since }, staffMessages: { none: { chatId } } },
          select: { id: true },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take,
        }),
      async post({ id }) {
        const { q, post } = await renderNow(deps, id);
        const sent = await chat.send(chatId, post);
        await prisma.questionStaffMessage.create({ data: { questionId: id, chatId, messageId: BigInt(sent.messageId), syncedAt: q.updatedAt } });
      },
      // Posts whose question changed since they were last edited (Prisma cannot compare two columns).
      stale: (room) => prisma.$queryRaw<Array<{ questionId: number; messageId: bigint }>>`
        SELECT m."questionId", m."messageId" FROM "QuestionStaffMessage" m JOIN "Question" q ON q.id = m."questionId"
        WHERE m."chatId" = ${chatId} AND q."updatedAt" > m."syncedAt"
        ORDER BY q."updatedAt", m."questionId" LIMIT ${room}`,
      refresh: (m) => refreshPost(deps, { questionId: m.questionId, chatId, messageId: m.messageId }),
    };
  });
  return syncChatGroups(logger, groups, perChatPerRun);
}
