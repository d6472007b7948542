// The section's screens in the bot: home (propose, my initiatives, the three public categories), a category's list
// in the citizen's region (the whole country when they gave none), newest or most supported first, eight a page,
// and the citizen's own proposals with their state (a returned one can be edited and sent again).
import { InlineKeyboard } from 'grammy';
import { formatLocalDate } from '../../core/calendar/local-time.ts';
import { editInitiative, openInitiative } from '../../core/initiatives/initiative-buttons.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { BotContext } from '../context.ts';
import { esc, numberedLabels, showScreen } from '../flow-kit.ts';
import { initiativesHome, initiativesPage, myInitiativesPage, proposeInitiative, STAGE_CODES } from './buttons.ts';

const PAGE = 8;
type StageCode = keyof typeof STAGE_CODES;

export async function showHome(ctx: BotContext): Promise<void> {
  const t = ctx.t;
  const kb = new InlineKeyboard()
    .text(t('initiatives-bot:home.propose'), proposeInitiative.encode())
    .text(t('initiatives-bot:home.mine'), myInitiativesPage.encode({ offset: 0 }))
    .row()
    .text(t('initiatives-bot:home.proposals'), initiativesPage.encode({ stage: 'p', offset: 0 }))
    .row()
    .text(t('initiatives-bot:home.in_progress'), initiativesPage.encode({ stage: 'w', offset: 0 }))
    .text(t('initiatives-bot:home.implemented'), initiativesPage.encode({ stage: 'd', offset: 0 }));
  await showScreen(ctx, t('initiatives-bot:home.title'), kb);
}

export async function showStage(ctx: BotContext, code: StageCode, offset = 0): Promise<void> {
  const t = ctx.t;
  const stage = STAGE_CODES[code];
  const citizenId = ctx.citizen?.id;
  const regionId = citizenId == null ? null : await ctx.services.citizens.regionOf(citizenId);
  const ref = await ctx.services.reference.get();
  const region = ref.regions.find((r) => r.id === regionId);
  const { items, total } = await ctx.services.initiatives.public.list(stage, { regionId: region?.id }, { offset, limit: PAGE });
  const lines = items.map((x, i) => {
    const n = offset + i + 1;
    const title = esc(x.title);
    if (stage === 'in_progress') return t('initiatives-bot:list.line_progress', { n, title, percent: x.progressPercent });
    if (stage === 'implemented') return t('initiatives-bot:list.line_done', { n, title, date: x.implementedAt ? formatLocalDate(x.implementedAt) : '' });
    return t('initiatives-bot:list.line', { n, title, supports: x.supportCount });
  });
  const head = t('initiatives-bot:list.title', {
    stage: t(`initiatives-bot:stage.${stage}`),
    region: esc(region ? localName(region, ctx.locale) : t('initiatives-bot:list.all_regions')),
  });
  const kb = new InlineKeyboard();
  // The buttons may shorten a title: the message has each in full, by the same number.
  numberedLabels(
    items.map((x) => x.title),
    undefined,
    offset + 1,
  ).forEach((label, i) => kb.text(label, openInitiative.encode({ initiativeId: items[i]!.id })).row());
  if (offset + PAGE < total) kb.text(t('initiatives-bot:list.more'), initiativesPage.encode({ stage: code, offset: offset + PAGE })).row();
  kb.text(t('initiatives-bot:list.back'), initiativesHome.encode());
  await showScreen(ctx, [head, '', ...(items.length ? lines : [t('initiatives-bot:list.empty')])].join('\n'), kb);
}

export async function showMine(ctx: BotContext, offset = 0): Promise<void> {
  const t = ctx.t;
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const { items, total } = await ctx.services.initiatives.citizen.mine(citizenId, { offset, limit: PAGE });
  const kb = new InlineKeyboard();
  const lines = items.map((x, i) =>
    t('initiatives-bot:mine.line', { n: offset + i + 1, title: esc(x.title), status: t(`initiatives-bot:status.${x.status}`) }),
  );
  for (const x of items) {
    if (x.status === 'returned') kb.text(t('initiatives-bot:mine.edit', { id: x.id }), editInitiative.encode({ initiativeId: x.id })).row();
    else if (['published', 'in_progress', 'implemented'].includes(x.status)) kb.text(`💡 №${x.id}`, openInitiative.encode({ initiativeId: x.id })).row();
  }
  if (offset + PAGE < total) kb.text(t('initiatives-bot:list.more'), myInitiativesPage.encode({ offset: offset + PAGE })).row();
  kb.text(t('initiatives-bot:list.back'), initiativesHome.encode());
  await showScreen(ctx, [t('initiatives-bot:mine.title'), '', ...(items.length ? lines : [t('initiatives-bot:mine.empty')])].join('\n'), kb);
}
