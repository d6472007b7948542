// What the citizen sees of public discussion outside the comment conversation: the list of open topics
// that suit them (with days left), a topic with all its Annex 1 fields, counts and latest comments, their
// own comments with the decisions, and their subscriptions to areas and regions.
import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import { formatLocalDate, formatLocalDateTime } from '../../core/calendar/local-time.ts';
import type { MyComment } from '../../core/discussions/discussion-reading.ts';
import { daysLeft, MIN_DISCUSSION_WORKING_DAYS } from '../../core/discussions/discussion-rules.ts';
import { authorOf, decisionText, formatThousands, inLocale, placeOf } from '../../core/discussions/topic-text.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { choiceLabels, clip, esc, numberedLabels, showScreen, withLegend } from '../flow-kit.ts';
import { openTopic } from '../../core/discussions/discussions-buttons.ts';
import { flagComment, myCommentsPage, subscriptionChoices, subscriptions, toggleSubscription, topicsPage, writeComment } from './buttons.ts';

const PAGE = 8;
const MY_PAGE = 5;
/** Telegram's limit is 4096 characters a message; long Annex 1 fields are cut to keep the detail under it. */
const MESSAGE_MAX = 4096;

export async function showTopics(ctx: BotContext, opts: { all?: boolean; offset?: number; edit?: boolean } = {}): Promise<void> {
  const citizen = ctx.citizen;
  if (!citizen) return;
  const t = ctx.t;
  const offset = opts.offset ?? 0;
  const { items, total, filtered } = await ctx.services.discussions.citizen.openTopics(citizen.id, { all: opts.all, offset, limit: PAGE });
  const now = ctx.services.now();
  const mode = opts.all ? 'a' : 'f';
  const kb = new InlineKeyboard();
  const titles = items.map((x) => inLocale(x, 'title', ctx.locale));
  const labels = numberedLabels(titles, undefined, offset + 1);
  items.forEach((x, i) => kb.text(labels[i]!, openTopic.encode({ topicId: x.id })).row());
  if (offset + PAGE < total) kb.text(t('discussions:list.more'), topicsPage.encode({ mode, offset: offset + PAGE })).row();
  if (filtered) kb.text(t('discussions:list.show_all'), topicsPage.encode({ mode: 'a', offset: 0 })).row();
  else if (opts.all) kb.text(t('discussions:list.show_mine'), topicsPage.encode({ mode: 'f', offset: 0 })).row();
  kb.text(t('discussions:list.my'), myCommentsPage.encode({ offset: 0 })).text(t('discussions:list.subscriptions'), subscriptions.encode());
  const lines = [t('discussions:list.title')];
  if (filtered) lines.push(t('discussions:list.filtered'));
  lines.push(
    '',
    total === 0
      ? t(filtered ? 'discussions:list.empty_filtered' : 'discussions:list.empty')
      : t('discussions:list.choose', { total, days: MIN_DISCUSSION_WORKING_DAYS }),
  );
  // The full titles with the days left, numbered as the buttons below (which may shorten them).
  if (titles.length)
    lines.push(
      '',
      ...titles.map((title, i) => t('discussions:list.item', { n: offset + i + 1, title: esc(clip(title, 300)), days: daysLeft(items[i]!.endsAt, now) })),
    );
  await showScreen(ctx, lines.join('\n'), kb, { edit: opts.edit ?? false });
}

export async function showTopicDetail(ctx: BotContext, topicId: number): Promise<void> {
  const citizen = ctx.citizen;
  if (!citizen) return;
  const t = ctx.t;
  const l = ctx.locale;
  const d = await ctx.services.discussions.citizen.topic(citizen.id, topicId);
  const x = d.topic;
  const now = ctx.services.now();
  const period = d.accepting
    ? t('discussions:detail.open_until', { start: formatLocalDate(x.publishedAt!), end: formatLocalDateTime(x.endsAt!), days: daysLeft(x.endsAt!, now) })
    : t(x.status === 'reviewed' ? 'discussions:detail.reviewed' : 'discussions:detail.ended', {
        start: formatLocalDate(x.publishedAt!),
        end: formatLocalDateTime(x.endsAt!),
      });
  const head = [
    `<b>${esc(clip(inLocale(x, 'title', l), 400))}</b>`,
    '',
    t('discussions:detail.body', { body: esc(localName(x.stateBody, l)) }),
    t('discussions:detail.area', { area: esc(localName(x.area, l)) }),
    t('discussions:detail.place', { place: esc(placeOf(t, x, l)), year: x.year }),
    t('discussions:detail.funding', { amount: formatThousands(x.fundingThousandTenge) }),
    t('discussions:detail.justification', { text: esc(clip(inLocale(x, 'justification', l), 900)) }),
    t('discussions:detail.source', { text: esc(clip(x.informationSource, 200)) }),
    t('discussions:detail.target_group', { text: esc(clip(inLocale(x, 'targetGroup', l), 300)) }),
    t('discussions:detail.expected_result', { text: esc(clip(inLocale(x, 'expectedResult', l), 600)) }),
    '',
    period,
    t('discussions:detail.counts', { supports: d.supports, objections: d.objections, comments: d.comments }),
    t('discussions:detail.link', { link: `https://t.me/${ctx.me.username}?start=topic_${x.id}` }),
  ];
  const comments = d.latest.map((c, i) =>
    t('discussions:detail.comment', {
      n: i + 1,
      author: esc(authorOf(t, c)),
      date: formatLocalDate(c.createdAt),
      stance: c.stance ? t(`discussions:stance_icon.${c.stance}`) : '',
      text: esc(clip(c.text, 300)),
    }),
  );
  const withComments = [...head, ...(comments.length ? ['', t('discussions:detail.latest'), ...comments] : [])].join('\n');
  const kb = new InlineKeyboard();
  if (d.accepting) kb.text(t('discussions:detail.write'), writeComment.encode({ topicId: x.id })).row();
  // A flag for each comment but one's own: the numbers match the list above.
  d.latest.forEach((c, i) => {
    if (!c.own) kb.text(t('discussions:detail.flag', { n: i + 1 }), flagComment.encode({ commentId: c.id }));
  });
  kb.row().text(t('discussions:detail.back'), topicsPage.encode({ mode: 'f', offset: 0 }));
  await showScreen(ctx, withComments.length <= MESSAGE_MAX ? withComments : head.join('\n'), kb, { edit: false });
}

function myStatus(ctx: BotContext, c: MyComment): string {
  if (c.hidden) return ctx.t('discussions:my.hidden');
  if (c.topicStatus === 'reviewed') return esc(decisionText(ctx.t, c.decision, c.decisionReason, 'notice'));
  return ctx.t(c.topicStatus === 'open' ? 'discussions:my.open' : 'discussions:my.reviewing');
}

export async function showMyComments(ctx: BotContext, offset = 0): Promise<void> {
  const citizen = ctx.citizen;
  if (!citizen) return;
  const t = ctx.t;
  const { items, total } = await ctx.services.discussions.citizen.myComments(citizen.id, { offset, limit: MY_PAGE });
  const kb = new InlineKeyboard();
  if (offset + MY_PAGE < total) kb.text(t('discussions:my.more'), myCommentsPage.encode({ offset: offset + MY_PAGE })).row();
  kb.text(t('discussions:detail.back'), topicsPage.encode({ mode: 'f', offset: 0 }));
  if (total === 0) return showScreen(ctx, t('discussions:my.empty'), kb);
  const blocks = items.map((c) =>
    t('discussions:my.item', {
      title: esc(clip(inLocale(c, 'title', ctx.locale), 150)),
      date: formatLocalDate(c.createdAt),
      text: esc(clip(c.text, 300)),
      status: myStatus(ctx, c),
    }),
  );
  await showScreen(ctx, [t('discussions:my.title', { total }), ...blocks].join('\n\n'), kb, { edit: true });
}

export async function showSubscriptions(ctx: BotContext, edit = true): Promise<void> {
  const citizen = ctx.citizen;
  if (!citizen) return;
  const t = ctx.t;
  const s = await ctx.services.discussions.citizen.subscriptions(citizen.id);
  const kb = new InlineKeyboard()
    .text(t('discussions:subs.areas', { count: s.areaIds.length }), subscriptionChoices.encode({ kind: 'a' }))
    .row()
    .text(t('discussions:subs.regions', { count: s.regionIds.length }), subscriptionChoices.encode({ kind: 'r' }))
    .row()
    .text(t('discussions:detail.back'), topicsPage.encode({ mode: 'f', offset: 0 }));
  await showScreen(ctx, t('discussions:subs.title'), kb, { edit: edit });
}

/** The 19 areas or the 20 regions as toggles, ✅ where subscribed. */
export async function showSubscriptionChoices(ctx: BotContext, kind: 'a' | 'r'): Promise<void> {
  const citizen = ctx.citizen;
  if (!citizen) return;
  const t = ctx.t;
  const [s, ref] = await Promise.all([ctx.services.discussions.citizen.subscriptions(citizen.id), ctx.services.reference.get()]);
  const chosen = new Set(kind === 'a' ? s.areaIds : s.regionIds);
  // The areas by their official names (prisma/seed/areas.ts, Annex 3), the same everywhere an area is shown.
  const options = (kind === 'a' ? ref.areas : ref.regions).map((x) => ({ id: x.id, name: localName(x, ctx.locale) }));
  const { labels, legend } = choiceLabels(
    options.map((o) => o.name),
    (i, label) => `${chosen.has(options[i]!.id) ? '✅' : '▫️'} ${label}`,
    { numbered: kind === 'a' },
  );
  const kb = new InlineKeyboard();
  options.forEach((o, i) => kb.text(labels[i]!, toggleSubscription.encode({ kind, itemId: o.id })).row());
  kb.text(t('discussions:subs.done'), subscriptions.encode());
  await showScreen(ctx, withLegend(t(kind === 'a' ? 'discussions:subs.pick_areas' : 'discussions:subs.pick_regions'), legend, true), kb, { edit: true });
}

/** The answer to a flag: thanks, or why it changed nothing. */
export function flagAnswer(ctx: BotContext, r: { flagged: boolean; hidden: boolean }): string {
  return ctx.t(r.hidden ? 'discussions:flag.hidden' : r.flagged ? 'discussions:flag.thanks' : 'discussions:flag.already');
}
