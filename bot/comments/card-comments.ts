// The residents' comments on a card in the bot (a public report's, an initiative's): the latest visible ones in the
// card's text, a flag button for each under it, and "more" while older ones remain. Each card's namespace holds the
// same keys (no_comments, comments, comment, participant, flag, more), in its own words.
import type { InlineKeyboard } from 'grammy';
import type { PublicCommentView } from '../../core/comments/comment-citizen.ts';
import type { TFunction } from '../../core/i18n/i18n.ts';
import type { BotContext } from '../context.ts';
import { clip, esc } from '../flow-kit.ts';

/** How many comments a card shows at a time. */
export const CARD_COMMENTS = 3;

export interface CardComments {
  /** the card's texts, e.g. 'comments:card' */
  keys: string;
  page: { items: Array<Pick<PublicCommentView, 'id' | 'authorName' | 'text'>>; total: number };
  /** how many newer comments the card passed over (its "more" button's offset) */
  offset: number;
}

/** The comments' lines of the card's text, numbered from the newest. */
export function commentLines(t: TFunction, { keys, page, offset }: CardComments): string[] {
  if (page.total === 0) return [esc(t(`${keys}.no_comments`))];
  return [
    t(`${keys}.comments`, { count: page.total }),
    ...page.items.map((c, i) => esc(t(`${keys}.comment`, { n: offset + i + 1, author: c.authorName ?? t(`${keys}.participant`), text: clip(c.text, 400) }))),
  ];
}

/** A flag button for each comment shown (numbered as in the text), then "more" while older ones remain. */
export function addCommentButtons(
  kb: InlineKeyboard,
  t: TFunction,
  { keys, page, offset }: CardComments,
  data: { flag: (commentId: number) => string; more: (offset: number) => string },
): void {
  page.items.forEach((c, i) => kb.text(t(`${keys}.flag`, { n: offset + i + 1 }), data.flag(c.id)));
  if (page.items.length > 0) kb.row();
  if (offset + CARD_COMMENTS < page.total) kb.text(t(`${keys}.more`), data.more(offset + CARD_COMMENTS)).row();
}

/** A resident flags a comment under a card (enough flags hide it, in core), and is told what became of it. */
export async function flagComment(ctx: BotContext, citizenId: number, commentId: number): Promise<string> {
  const r = await ctx.services.comments.citizen.flag(citizenId, commentId);
  return ctx.t(r.hidden ? 'comments:flag.hidden' : r.flagged ? 'comments:flag.thanks' : 'comments:flag.already');
}
