// An initiative's card in the bot, opened by the portal's link (t.me/<bot>?start=in_<id>), a notice or a list:
// what the public page shows in short (state, area, place, who took it on, patrons, progress, result, the residents'
// rating and satisfaction index beside the national one), the latest visible comments with a flag button each,
// and what a resident may do in its state: support, follow and comment while it is open, rate once implemented.
// Only what the portal shows: an initiative not in public view is "not found".
import { InlineKeyboard } from 'grammy';
import { commentInitiative, followInitiative, supportInitiative } from '../../core/initiatives/initiative-buttons.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { BotContext } from '../context.ts';
import { clip, esc, showScreen } from '../flow-kit.ts';
import { addCommentButtons, CARD_COMMENTS, commentLines } from '../comments/card-comments.ts';
import { askRating, flagInitiativeComment, moreInitiativeComments } from './buttons.ts';

/** A calendar day as the bot writes dates: dd.mm.yyyy (no Kazakh suffix after it). */
const dayText = (day: string) => day.split('-').reverse().join('.');
const fmt = (locale: string, n: number) => new Intl.NumberFormat(locale === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: 1 }).format(n);

export async function showInitiativeCard(ctx: BotContext, id: number, opts: { offset?: number; edit?: boolean } = {}): Promise<void> {
  const t = ctx.t;
  const x = await ctx.services.initiatives.public.byId(id);
  if (!x) {
    await ctx.reply(t('initiatives-bot:card.not_found'));
    return;
  }
  const ref = await ctx.services.reference.get();
  const l = ctx.locale;
  const region = ref.regions.find((r) => r.id === x.regionId);
  const district = region?.districts.find((d) => d.id === x.districtId);
  const place = [region && localName(region, l), district && localName(district, l), x.address].filter(Boolean).join(', ');
  const area = ref.areas.find((a) => a.id === x.areaId);
  const open = x.status === 'published' || x.status === 'in_progress';
  const author = x.organisation ?? x.authorName ?? t('initiatives-bot:card.resident');
  const lines = [
    t('initiatives-bot:card.title', { id: x.id, title: esc(x.title) }),
    esc(t('initiatives-bot:card.status', { status: t(`initiatives-bot:status.${x.status}`) })),
    esc(t('initiatives-bot:card.area', { area: area ? localName(area, l) : '' })),
    esc(t('initiatives-bot:card.place', { place })),
    esc(t('initiatives-bot:card.author', { author })),
    '',
    esc(t('initiatives-bot:card.description', { text: clip(x.description, 500) })),
    esc(t('initiatives-bot:card.why', { text: clip(x.justification, 300) })),
    esc(t('initiatives-bot:card.help', { help: x.helpNeeded.map((h) => t(`initiatives:help.${h}`)).join(', ') })),
    esc(t('initiatives-bot:card.supports', { count: x.supportCount })),
  ];
  const lead = x.partners.find((p) => p.lead);
  if (lead) lines.push(esc(t('initiatives-bot:card.lead', { name: lead.name })));
  if (x.patrons.length > 0)
    lines.push(esc(t('initiatives-bot:card.patrons', { list: x.patrons.map((p) => p.name ?? t('initiatives-bot:card.private_patron')).join(', ') })));
  if (x.status === 'in_progress') {
    lines.push(esc(t('initiatives-bot:card.progress', { percent: x.progressPercent })));
    const u = x.updates.at(-1);
    if (u) lines.push(esc(t('initiatives-bot:card.update', { date: dayText(u.heldOn), text: clip(l === 'kk' ? u.textKk : u.textRu, 300) })));
  }
  if (x.status === 'implemented') {
    const result = l === 'kk' ? x.resultKk : x.resultRu;
    if (result) lines.push(esc(t('initiatives-bot:card.result', { text: clip(result, 500) })));
    if (x.servedCount != null) lines.push(esc(t('initiatives-bot:card.served', { count: x.servedCount })));
    const r = x.rating;
    if (r?.averageRating != null) lines.push(esc(t('initiatives-bot:card.rating', { avg: fmt(l, r.averageRating), n: r.rated })));
    if (r?.satisfactionIndex != null)
      lines.push(esc(t('initiatives-bot:card.satisfaction', { index: fmt(l, r.satisfactionIndex), base: fmt(l, r.nationalBaselinePercent) })));
  }
  const offset = opts.offset ?? 0;
  const comments = await ctx.services.comments.public.listInitiative(x.id, { newestFirst: true, offset, limit: CARD_COMMENTS });
  lines.push('');
  const shown = { keys: 'initiatives-bot:card', page: comments, offset };
  lines.push(...commentLines(t, shown));
  if (!open && x.status !== 'implemented') lines.push('', esc(t('initiatives-bot:card.closed')));
  const kb = new InlineKeyboard();
  if (open) {
    kb.text(t('initiatives-bot:card.support'), supportInitiative.encode({ initiativeId: x.id }))
      .text(t('initiatives-bot:card.follow'), followInitiative.encode({ initiativeId: x.id }))
      .row()
      .text(t('initiatives-bot:card.write'), commentInitiative.encode({ initiativeId: x.id }))
      .row();
  }
  if (x.status === 'implemented') kb.text(t('initiatives-bot:card.rate'), askRating.encode({ initiativeId: x.id })).row();
  addCommentButtons(kb, t, shown, {
    flag: (commentId) => flagInitiativeComment.encode({ commentId }),
    more: (next) => moreInitiativeComments.encode({ initiativeId: x.id, offset: next }),
  });
  await showScreen(ctx, lines.join('\n'), kb, { edit: opts.edit ?? false });
}
