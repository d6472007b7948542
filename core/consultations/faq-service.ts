// The centre's knowledge base for staff: articles in Kazakh and Russian per topic, drafts and published
// ones (only published ones reach citizens), the same search the bot uses (drafts included for staff),
// and promoting a good answer into a draft article. Every change is audited.
import type { ConsultationTopic, FaqArticle, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { searchFaq, type FaqMatch } from './faq-search.ts';
import { keysetPage } from '../db/keyset-page.ts';
import { assertQuestionScope } from './question-scope.ts';
import { requiredText } from './text-input.ts';
import { toLocale } from '../i18n/i18n.ts';
import { FAQ_QUERY_MAX } from './consultation-rules.ts';

export const FAQ_TITLE_MAX = 200;
/** An article is shown as one Telegram message (4096 characters) with its title. */
export const FAQ_BODY_MAX = 3500;

export interface FaqInput {
  topicId: number;
  titleKk: string;
  titleRu: string;
  bodyKk: string;
  bodyRu: string;
  published?: boolean;
}

export type FaqPatch = Partial<FaqInput>;

export interface FaqFilter {
  topicId?: number;
  published?: boolean;
  cursor?: number;
  limit: number;
}

export interface PromoteInput {
  titleKk: string;
  titleRu: string;
  bodyKk?: string | null;
  bodyRu?: string | null;
}

const titles = (x: Pick<FaqInput, 'titleKk' | 'titleRu'>) => ({
  titleKk: requiredText(x.titleKk, FAQ_TITLE_MAX, 'faq.title'),
  titleRu: requiredText(x.titleRu, FAQ_TITLE_MAX, 'faq.title'),
});
const bodies = (x: Pick<FaqInput, 'bodyKk' | 'bodyRu'>) => ({
  bodyKk: requiredText(x.bodyKk, FAQ_BODY_MAX, 'faq.body'),
  bodyRu: requiredText(x.bodyRu, FAQ_BODY_MAX, 'faq.body'),
});

/** The fields of a patch that are given, each checked like on creation. */
function checkedPatch(p: FaqPatch): Partial<FaqInput> {
  const out: Partial<FaqInput> = {};
  for (const key of ['titleKk', 'titleRu'] as const) if (p[key] !== undefined) out[key] = requiredText(p[key], FAQ_TITLE_MAX, 'faq.title');
  for (const key of ['bodyKk', 'bodyRu'] as const) if (p[key] !== undefined) out[key] = requiredText(p[key], FAQ_BODY_MAX, 'faq.body');
  if (p.topicId !== undefined) out.topicId = p.topicId;
  if (p.published !== undefined) out.published = p.published;
  return out;
}

async function checkTopic(tx: Tx, topicId: number) {
  if (!(await tx.consultationTopic.findUnique({ where: { id: topicId } }))) throw invalid('faq.unknown_topic');
}

export function createFaqService({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }) {
  async function found(tx: Tx, id: number): Promise<FaqArticle> {
    const a = await tx.faqArticle.findUnique({ where: { id } });
    if (!a) throw notFound('faq.not_found');
    return a;
  }

  return {
    /** By topic, then oldest first; keyset pages on the id. */
    async list(filter: FaqFilter): Promise<{ items: FaqArticle[]; nextCursor: number | null }> {
      const rows = await prisma.faqArticle.findMany({
        where: {
          ...(filter.topicId != null ? { topicId: filter.topicId } : {}),
          ...(filter.published !== undefined ? { published: filter.published } : {}),
          ...(filter.cursor != null ? { id: { gt: filter.cursor } } : {}),
        },
        orderBy: { id: 'asc' },
        take: filter.limit + 1,
      });
      return keysetPage(rows, filter.limit);
    },

    get: (id: number) => found(prisma, id),

    /** What citizens read of a topic: its published articles, those that helped most first. */
    async topicArticles(topicId: number, take: number): Promise<{ topic: ConsultationTopic | null; articles: FaqArticle[] }> {
      const [topic, articles] = await Promise.all([
        prisma.consultationTopic.findUnique({ where: { id: topicId } }),
        prisma.faqArticle.findMany({ where: { topicId, published: true }, orderBy: [{ helpedCount: 'desc' }, { id: 'asc' }], take }),
      ]);
      return { topic, articles };
    },

    /** One article as citizens may read it: null unless published. */
    published: (id: number): Promise<FaqArticle | null> => prisma.faqArticle.findFirst({ where: { id, published: true } }),

    async create(actor: Actor, staff: StaffPrincipal, input: FaqInput): Promise<FaqArticle> {
      const data = { topicId: input.topicId, ...titles(input), ...bodies(input), published: input.published ?? false, createdById: staff.id };
      return prisma.$transaction(async (tx) => {
        await checkTopic(tx, data.topicId);
        const a = await tx.faqArticle.create({ data });
        await recordAudit(tx, actor, {
          action: 'faq.create',
          entity: 'faq_article',
          entityId: a.id,
          after: { topicId: a.topicId, published: a.published, titleRu: a.titleRu },
        });
        return a;
      });
    },

    async update(actor: Actor, id: number, patch: FaqPatch): Promise<FaqArticle> {
      const data = checkedPatch(patch);
      return prisma.$transaction(async (tx) => {
        const before = await found(tx, id);
        if (data.topicId !== undefined) await checkTopic(tx, data.topicId);
        const after = await tx.faqArticle.update({ where: { id }, data });
        const changed = Object.keys(data) as Array<keyof FaqInput>;
        await recordAudit(tx, actor, {
          action: data.published === true && !before.published ? 'faq.publish' : data.published === false && before.published ? 'faq.unpublish' : 'faq.update',
          entity: 'faq_article',
          entityId: id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: data,
        });
        return after;
      });
    },

    /** Gone for good; the audit log keeps its text. Log entries that named it keep the id. */
    async remove(actor: Actor, id: number): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const before = await found(tx, id);
        await tx.faqArticle.delete({ where: { id } });
        await recordAudit(tx, actor, { action: 'faq.delete', entity: 'faq_article', entityId: id, before });
      });
    },

    /** Staff search the drafts too, in either language. */
    async search(q: string, topicId?: number): Promise<FaqMatch[]> {
      const text = requiredText(q, FAQ_QUERY_MAX, 'faq.query');
      return searchFaq(prisma, text, { topicId, limit: 10, minScore: 0.1, includeDrafts: true });
    },

    /**
     * A draft article from the last answer to a question. The answer was written in the citizen's
     * language, so it becomes that language's body unless one is given; the other language's body
     * must be given (an article is never half-translated).
     */
    async promote(actor: Actor, staff: StaffPrincipal, questionId: number, input: PromoteInput): Promise<FaqArticle> {
      const head = titles(input);
      return prisma.$transaction(async (tx) => {
        const q = await tx.question.findUnique({ where: { id: questionId }, include: { citizen: { select: { locale: true } } } });
        if (!q) throw notFound('question.not_found');
        assertQuestionScope(staff, q.regionId);
        const answer = await tx.questionMessage.findFirst({ where: { questionId, kind: 'answer' }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
        if (!answer?.text) throw invalid('faq.no_answer');
        const written = toLocale(q.citizen.locale);
        const given = { kk: input.bodyKk?.trim() || null, ru: input.bodyRu?.trim() || null };
        given[written] ??= answer.text;
        const other = written === 'kk' ? 'ru' : 'kk';
        if (!given[other]) throw invalid(`faq.translation_${other}`);
        const data = {
          topicId: q.topicId,
          ...head,
          ...bodies({ bodyKk: given.kk!, bodyRu: given.ru! }),
          published: false,
          sourceQuestionId: q.id,
          createdById: staff.id,
        };
        const a = await tx.faqArticle.create({ data });
        await tx.questionMessage.create({
          data: {
            questionId: q.id,
            at: now(),
            kind: 'promote',
            authorType: 'staff',
            staffUserId: staff.id,
            data: { articleId: a.id, answerMessageId: answer.id },
          },
        });
        await recordAudit(tx, actor, {
          action: 'faq.promote',
          entity: 'faq_article',
          entityId: a.id,
          after: { sourceQuestionId: q.id, answerMessageId: answer.id, from: written },
        });
        return a;
      });
    },
  };
}
