// Knowledge-base search by the words of a question, in Kazakh and Russian alike: both languages of
// every published article are searched, and words are compared by their first letters, which copes
// with the endings both languages pile onto a stem (салық/салықтар/салығы, налог/налоги/налогов).
import type { FaqArticle, PrismaClient } from '../../generated/prisma/client.ts';

const STEM = 5;
const MIN_WORD = 3;
/** Words that say nothing about the subject, in both languages. */
const STOP = new Set(
  'как какой какая какие где когда почему зачем что чтобы если можно нужно надо для это этот эта эти или при без под над про все его ее их мне меня нам нас вам вас они она оно есть быть был была будет также уже еще только очень который которая которые қалай қандай қайда қашан неге неліктен не үшін бұл осы сол және немесе бар жоқ керек болады болса мен біз сіз олар оның маған бізге сізге туралы бойынша'.split(
    ' ',
  ),
);

export function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < MIN_WORD || STOP.has(w)) continue;
    out.add(w.slice(0, STEM));
  }
  return out;
}

export interface FaqMatch {
  article: FaqArticle;
  /** share of the question's words found in the article, 0..1 */
  score: number;
}

/** How well an article answers the words: title words count double. */
export function scoreArticle(question: Set<string>, a: Pick<FaqArticle, 'titleKk' | 'titleRu' | 'bodyKk' | 'bodyRu'>): number {
  if (question.size === 0) return 0;
  const title = stems(`${a.titleKk} ${a.titleRu}`);
  const body = stems(`${a.bodyKk} ${a.bodyRu}`);
  let hit = 0;
  for (const w of question) hit += title.has(w) ? 2 : body.has(w) ? 1 : 0;
  return Math.min(1, hit / (question.size * 1.5));
}

export async function searchFaq(
  prisma: PrismaClient,
  text: string,
  opts: { topicId?: number; limit?: number; minScore?: number; includeDrafts?: boolean } = {},
): Promise<FaqMatch[]> {
  const words = stems(text);
  if (words.size === 0) return [];
  const articles = await prisma.faqArticle.findMany({
    where: { ...(opts.includeDrafts ? {} : { published: true }), ...(opts.topicId ? { topicId: opts.topicId } : {}) },
    orderBy: { id: 'asc' },
  });
  return articles
    .map((article) => ({ article, score: scoreArticle(words, article) }))
    .filter((m) => m.score >= (opts.minScore ?? 0.25))
    .sort((a, b) => b.score - a.score || b.article.helpedCount - a.article.helpedCount)
    .slice(0, opts.limit ?? 3);
}
