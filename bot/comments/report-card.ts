// A public report's card in the bot, opened from the portal's "support / comment in Telegram" link
// (t.me/<bot>?start=rp_<number>): what the public page shows in short, the latest visible comments with a flag
// button each, and the buttons to support it, follow its news and leave an idea. Only what the portal shows:
// a hidden or unknown number is "not found".
import { InlineKeyboard } from 'grammy';
import { formatLocalDate } from '../../core/calendar/local-time.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { BotContext } from '../context.ts';
import { clip, esc, showScreen } from '../flow-kit.ts';
import { addCommentButtons, CARD_COMMENTS, commentLines } from './card-comments.ts';
import { flagPublicComment, followReport, moreComments, supportReport, writeReportComment } from './buttons.ts';

export async function showReportCard(ctx: BotContext, number: string, opts: { offset?: number; edit?: boolean } = {}): Promise<void> {
  const t = ctx.t;
  const r = await ctx.services.portal.reports.byNumber(number);
  if (!r) {
    await ctx.reply(t('errors:report.not_found'));
    return;
  }
  const ref = await ctx.services.reference.get();
  const offset = opts.offset ?? 0;
  const comments = await ctx.services.comments.public.list(r.id, { newestFirst: true, offset, limit: CARD_COMMENTS });
  const category = ref.categories.find((c) => c.id === r.categoryId);
  const region = ref.regions.find((x) => x.id === r.regionId);
  const district = region?.districts.find((d) => d.id === r.districtId);
  const place = [region, district].flatMap((x) => (x ? [localName(x, ctx.locale)] : [])).join(', ');
  const open = r.colour === 'red';
  const lines = [
    `<b>${esc(t('comments:card.title', { number: r.number }))}</b>`,
    esc(t('comments:card.status', { status: t(`reports:status.${r.status}`) })),
    esc(t('comments:card.category', { category: category ? localName(category, ctx.locale) : '' })),
    esc(t('comments:card.place', { place })),
  ];
  if (open && r.dueAt) lines.push(esc(t(r.dueAt < ctx.services.now() ? 'comments:card.overdue' : 'comments:card.due', { date: formatLocalDate(r.dueAt) })));
  lines.push(esc(t('comments:card.supports', { count: r.supportCount })), '', esc(t('comments:card.description', { text: clip(r.description, 500) })), '');
  const shown = { keys: 'comments:card', page: comments, offset };
  lines.push(...commentLines(t, shown));
  if (!open) lines.push('', esc(t('comments:card.closed')));
  const kb = new InlineKeyboard();
  if (open) {
    kb.text(t('comments:card.support'), supportReport.encode({ number: r.number }))
      .text(t('comments:card.follow'), followReport.encode({ number: r.number }))
      .row();
    kb.text(t('comments:card.write'), writeReportComment.encode({ number: r.number })).row();
  }
  addCommentButtons(kb, t, shown, {
    flag: (commentId) => flagPublicComment.encode({ commentId }),
    more: (next) => moreComments.encode({ number: r.number, offset: next }),
  });
  await showScreen(ctx, lines.join('\n'), kb, { edit: opts.edit ?? false });
}
