// What the citizen receives from the consultant's side, in their own language, through the outbox in
// the transaction of its cause: the answer (with the buttons the bot handles: a follow-up, or "resolved"),
// the news that the question was referred elsewhere or is out of scope, and the one reminder to rate.
import type { i18n, TFunction } from 'i18next';
import type { Question } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import { type Locale, toLocale } from '../i18n/i18n.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import type { ChatMessage } from '../outbox/chat-port.ts';
import type { Offers } from '../offers/button.ts';
import { answerAction, ratingOffers } from './consultations-buttons.ts';
import { reachable } from '../citizens/citizen-service.ts';

/** Telegram's limit on a message's text. */
const MESSAGE_MAX = 4096;

/** A link a consultant adds to an answer (a form, a law, the centre's page): sent as a line of text. */
export interface AnswerLink {
  url: string;
  title?: string | null;
}

interface Reader {
  citizenId: number;
  chatId: bigint;
  locale: Locale;
  t: TFunction;
}

/** The asker, when the bot may write to them: consent given, data not erased, a real Telegram chat. */
async function reader(tx: Tx, i18n: i18n, citizenId: number): Promise<Reader | null> {
  const c = await tx.citizen.findUnique({ where: { id: citizenId } });
  if (!reachable(c)) return null;
  const locale: Locale = toLocale(c.locale);
  return { citizenId: c.id, chatId: c.telegramId, locale, t: i18n.getFixedT(locale) };
}

/** Buttons under an answer, which the citizen's bot answers (bot/consultations/ask.ts). */
const answerOffers = (t: TFunction, questionId: number): Offers => [
  [
    answerAction.offer(t('consultations:answer.more'), { action: 'more', questionId }),
    answerAction.offer(t('consultations:answer.resolved'), { action: 'close', questionId }),
  ],
];

/** One message to the asker through the outbox. */
const enqueueTo = (tx: Tx, r: Reader, kind: string, dedupeKey: string, m: ChatMessage) =>
  enqueueMessage(tx, { chatId: r.chatId, citizenId: r.citizenId, kind, ...m, dedupeKey });

/**
 * The answer: "Answer to your question Q-…:" and the text, with the buttons; a link goes on the same
 * message, or right after it when both would not fit in one. Returns whether the citizen can be reached.
 */
export async function sendAnswer(tx: Tx, i18n: i18n, q: Question, messageId: number, text: string, link?: AnswerLink | null): Promise<boolean> {
  const r = await reader(tx, i18n, q.citizenId);
  if (!r) return false;
  const body = `${r.t('consultations:answer.title', { number: q.number })}\n\n${text}`;
  const linkText = link ? `🔗 ${link.title?.trim() ? `${link.title.trim()}: ` : ''}${link.url}` : null;
  const together = linkText && body.length + 2 + linkText.length <= MESSAGE_MAX;
  const key = `question.answer:${messageId}`;
  await enqueueTo(tx, r, 'question.answer', `${key}:text`, { text: together ? `${body}\n\n${linkText}` : body, offers: answerOffers(r.t, q.id) });
  if (linkText && !together) await enqueueTo(tx, r, 'question.answer', `${key}:link`, { text: linkText });
  return true;
}

/** A question closed as referred elsewhere or out of scope: the citizen is told why, in the consultant's words. */
export async function sendClosed(tx: Tx, i18n: i18n, q: Question, messageId: number, result: 'referred' | 'not_in_scope', note: string): Promise<boolean> {
  const r = await reader(tx, i18n, q.citizenId);
  if (r)
    await enqueueTo(tx, r, 'question.closed', `question.closed:${messageId}`, {
      text: `${r.t(`consultations:close.${result}`, { number: q.number })}\n\n${note}`,
    });
  return r != null;
}

/** The one reminder to rate the consultation. */
export async function sendRatingRequest(tx: Tx, i18n: i18n, q: Question): Promise<boolean> {
  const r = await reader(tx, i18n, q.citizenId);
  if (r)
    await enqueueTo(tx, r, 'question.rating', `question.rating:${q.id}`, {
      text: r.t('consultations:rating.ask', { number: q.number }),
      offers: ratingOffers(q.id),
    });
  return r != null;
}
