// The citizen's side of the resource centre: asking (after the knowledge base had its chance),
// "my questions" with the thread, follow-ups that go back to the same consultant, closing and rating.
import type { i18n as I18n } from 'i18next';
import { Prisma, type ConsultationTopic, type PrismaClient, type Question } from '../../generated/prisma/client.ts';
import type { AskerGroup, QuestionState } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { almatyYear } from '../calendar/local-time.ts';
import type { PersonalDataSection } from '../citizens/citizen-service.ts';
import { formatSerial, nextCounter, SERIAL_TX } from '../db/counter.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { sendStaffMessage } from '../staff/staff-messages.ts';
import { syncConsultation } from './consultation-record.ts';
import { searchFaq, type FaqMatch } from './faq-search.ts';

export const QUESTION_MIN = 10;
export const QUESTION_MAX = 3000;
export const RATING_COMMENT_MAX = 1000;

/** A Telegram file attached to a question or follow-up. */
export interface QuestionAttachment {
  kind: string;
  telegramFileId?: string;
  fileUniqueId?: string;
  mimeType?: string;
  fileName?: string;
  fileSize?: number;
}

export interface NewQuestion {
  topicId: number;
  askerGroup: AskerGroup;
  regionId?: number | null;
  text: string;
  attachment?: QuestionAttachment | null;
}

export interface ThreadEntry {
  at: Date;
  kind: 'question' | 'followup' | 'answer';
  text: string | null;
  hasAttachment: boolean;
}

const formatNumber = (year: number, seq: number) => formatSerial('Q', year, seq);
/** What the citizen sees of the thread: never internal notes, claims or hand-overs. */
const CITIZEN_KINDS = ['question', 'followup', 'answer'];

function checkText(text: string): string {
  const body = text.trim();
  if (body.length < QUESTION_MIN) throw invalid('question.text_short', { min: QUESTION_MIN });
  if (body.length > QUESTION_MAX) throw invalid('question.text_long', { max: QUESTION_MAX });
  return body;
}

export function createQuestionCitizenService({
  prisma,
  calendar,
  i18n,
  now = () => new Date(),
}: {
  prisma: PrismaClient;
  calendar: CalendarService;
  i18n: I18n;
  now?: () => Date;
}) {
  async function own(citizenId: number, questionId: number): Promise<Question> {
    const q = await prisma.question.findUnique({ where: { id: questionId } });
    if (!q || q.citizenId !== citizenId) throw notFound('question.not_found');
    return q;
  }

  /** `cal` is read before the transaction: PGlite has one connection, and a read beside it would wait forever. */
  async function insert(
    tx: Tx,
    cal: WorkingCalendar,
    citizenId: number,
    input: NewQuestion,
    extra: { state?: QuestionState; closed?: boolean; result?: 'self_served' } = {},
  ): Promise<Question> {
    const topic = await tx.consultationTopic.findUnique({ where: { id: input.topicId } });
    if (!topic || !topic.active) throw invalid('question.unknown_topic');
    const at = now();
    const year = almatyYear(at);
    const seq = await nextCounter(tx, `question:${year}`);
    const q = await tx.question.create({
      data: {
        number: formatNumber(year, seq),
        citizenId,
        topicId: topic.id,
        askerGroup: input.askerGroup,
        regionId: input.regionId ?? null,
        text: checkText(input.text),
        state: extra.state ?? 'waiting',
        dueAt: cal.addWorkingDays(at, topic.responseDays),
        createdAt: at,
        ...(extra.closed ? { closedAt: at, result: extra.result ?? null } : {}),
      },
    });
    await tx.questionMessage.create({
      data: {
        questionId: q.id,
        at,
        kind: 'question',
        authorType: 'citizen',
        text: q.text,
        ...(input.attachment ? { attachment: { ...input.attachment } } : {}),
      },
    });
    await recordAudit(
      tx,
      { type: 'citizen', id: citizenId },
      { action: extra.closed ? 'question.self_served' : 'question.ask', entity: 'question', entityId: q.id, after: { number: q.number, topicId: q.topicId } },
    );
    return q;
  }

  const service = {
    /** Up to three published articles that may answer the question; each showing is counted. */
    async suggest(text: string, topicId?: number): Promise<FaqMatch[]> {
      const matches = await searchFaq(prisma, text, { topicId, limit: 3 });
      if (matches.length > 0)
        await prisma.faqArticle.updateMany({ where: { id: { in: matches.map((m) => m.article.id) } }, data: { shownCount: { increment: 1 } } });
      return matches;
    },

    async ask(citizenId: number, input: NewQuestion): Promise<Question> {
      const cal = await calendar.calendar();
      return prisma.$transaction((tx) => insert(tx, cal, citizenId, input), SERIAL_TX);
    },

    /** The knowledge base answered it: a consultation of its own, closed at once and logged as self-served. */
    async selfServed(citizenId: number, input: NewQuestion, articleId: number): Promise<Question> {
      const cal = await calendar.calendar();
      return prisma.$transaction(async (tx) => {
        const article = await tx.faqArticle.findUnique({ where: { id: articleId } });
        if (!article || !article.published) throw notFound('question.article_not_found');
        const q = await insert(tx, cal, citizenId, input, { state: 'closed', closed: true, result: 'self_served' });
        await tx.faqArticle.update({ where: { id: articleId }, data: { helpedCount: { increment: 1 } } });
        await syncConsultation(tx, q.id);
        await tx.consultation.update({ where: { questionId: q.id }, data: { faqArticleId: articleId } });
        return q;
      }, SERIAL_TX);
    },

    async list(citizenId: number, { offset = 0, limit = 8 }: { offset?: number; limit?: number } = {}) {
      // NOT (result = 'self_served') would also drop the NULLs of questions without a result yet.
      const where = { citizenId, OR: [{ result: null }, { result: { not: 'self_served' as const } }] };
      const [items, total] = await Promise.all([
        prisma.question.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: offset,
          take: limit,
          select: { id: true, number: true, state: true, topicId: true, createdAt: true, rating: true },
        }),
        prisma.question.count({ where }),
      ]);
      return { items, total };
    },

    /** One of the citizen's own questions, its topic and the part of its thread they see. */
    async detail(citizenId: number, questionId: number): Promise<{ question: Question; topic: ConsultationTopic | null; thread: ThreadEntry[] }> {
      const question = await own(citizenId, questionId);
      const [topic, messages] = await Promise.all([
        prisma.consultationTopic.findUnique({ where: { id: question.topicId } }),
        prisma.questionMessage.findMany({ where: { questionId, kind: { in: CITIZEN_KINDS } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
      ]);
      return {
        question,
        topic,
        thread: messages.map((m) => ({ at: m.at, kind: m.kind as ThreadEntry['kind'], text: m.text, hasAttachment: m.attachment != null })),
      };
    },

    /** A follow-up returns the question to its consultant (or to the queue, if nobody holds it). */
    async followUp(citizenId: number, questionId: number, text: string, attachment?: QuestionAttachment | null): Promise<Question> {
      const q = await own(citizenId, questionId);
      if (q.state === 'closed') throw conflict('question.closed');
      const body = checkText(text);
      const at = now();
      return prisma.$transaction(async (tx) => {
        const message = await tx.questionMessage.create({
          data: { questionId, at, kind: 'followup', authorType: 'citizen', text: body, ...(attachment ? { attachment: { ...attachment } } : {}) },
        });
        // Back to its consultant; if they have left, back to the queue, where any consultant sees it.
        const holder = q.consultantId ? await tx.staffUser.findUnique({ where: { id: q.consultantId } }) : null;
        const after = await tx.question.update({
          where: { id: questionId },
          data: { state: holder?.active ? 'claimed' : 'waiting', consultantId: holder?.active ? holder.id : null, followUpAt: at },
        });
        if (holder?.active) {
          // The holder hears of it in the console and, if linked, in Telegram.
          await sendStaffMessage(tx, i18n, [holder], {
            kind: 'question.followup',
            subjectId: questionId,
            occurrence: message.id,
            text: (t) => t('consultations:staff.followup', { number: q.number, text: body.slice(0, 300) }),
          });
        }
        await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'question.followup', entity: 'question', entityId: questionId });
        return after;
      });
    },

    /** The citizen closes the question: answered if it was, otherwise withdrawn (and not logged). */
    async close(citizenId: number, questionId: number): Promise<Question> {
      const q = await own(citizenId, questionId);
      if (q.state === 'closed') return q;
      return prisma.$transaction(async (tx) => {
        const after = await tx.question.update({
          where: { id: questionId },
          data: { state: 'closed', closedAt: now(), result: q.firstAnsweredAt ? 'answered' : null },
        });
        await tx.questionMessage.create({ data: { questionId, at: now(), kind: 'close', authorType: 'citizen' } });
        await syncConsultation(tx, questionId);
        await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'question.close', entity: 'question', entityId: questionId });
        return after;
      });
    },

    /** 1–5 with an optional comment; rating an answered question also closes it. */
    async rate(citizenId: number, questionId: number, rating: number, comment?: string | null): Promise<Question> {
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw invalid('question.bad_rating');
      const note = comment?.trim() || null;
      if (note && note.length > RATING_COMMENT_MAX) throw invalid('question.comment_long', { max: RATING_COMMENT_MAX });
      const q = await own(citizenId, questionId);
      if (!q.firstAnsweredAt) throw conflict('question.not_answered');
      const at = now();
      return prisma.$transaction(async (tx) => {
        const after = await tx.question.update({
          where: { id: questionId },
          data: {
            rating,
            ratedAt: at,
            ...(note !== null || q.ratingComment == null ? { ratingComment: note } : {}),
            ...(q.state === 'closed' ? {} : { state: 'closed', closedAt: at, result: q.result ?? 'answered' }),
          },
        });
        await tx.questionMessage.create({ data: { questionId, at, kind: 'rating', authorType: 'citizen', text: note, data: { rating } } });
        await syncConsultation(tx, questionId);
        await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'question.rate', entity: 'question', entityId: questionId, after: { rating } });
        return after;
      });
    },
  };
  return service;
}

/** What /mydata shows of consultations; /deletedata withdraws open questions and removes the text of unanswered ones. */
export const questionPersonalData: PersonalDataSection = {
  key: 'questions',
  async describe(tx, citizenId) {
    const asked = await tx.question.count({ where: { citizenId } });
    return asked === 0 ? null : { asked };
  },
  // Answered consultations stay in the centre's log, which holds no name or contact; questions still
  // waiting are withdrawn, since nobody can answer a person who is gone.
  async erase(tx, citizenId, at) {
    const open = await tx.question.findMany({ where: { citizenId, state: { not: 'closed' } }, select: { id: true, firstAnsweredAt: true } });
    for (const q of open) {
      await tx.question.update({ where: { id: q.id }, data: { state: 'closed', closedAt: at, result: q.firstAnsweredAt ? 'answered' : null } });
      await syncConsultation(tx, q.id);
    }
    // A question nobody answered is in no log: its words and files go entirely.
    const unanswered = await tx.question.findMany({
      where: { citizenId, firstAnsweredAt: null, OR: [{ result: null }, { result: { not: 'self_served' } }] },
      select: { id: true },
    });
    const ids = unanswered.map((q) => q.id);
    if (ids.length > 0) {
      await tx.question.updateMany({ where: { id: { in: ids } }, data: { text: '—' } });
      await tx.questionMessage.updateMany({ where: { questionId: { in: ids }, authorType: 'citizen' }, data: { text: null, attachment: Prisma.DbNull } });
    }
  },
};
