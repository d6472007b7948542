// The "propose an initiative" conversation (seed 002 L833–838): who proposes → title → what → region and district →
// place (optional) → area → why → help needed → name shown or not → summary (change any answer) → sent to the
// moderators. Every answer goes into the citizen's draft the moment it is valid, so bad input, /cancel or a restart
// lose nothing, and the next entry offers to go on. With an id it edits the author's returned initiative and sends
// it again. Every database or clock call is inside `conversation.external`; the state is the draft's ids and flags.
import { InlineKeyboard } from 'grammy';
import { localName } from '../../core/reference/reference-service.ts';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { askOnce, attempt, clip, draftSteps, errorText, esc, offerSavedDraft, type Flow } from '../flow-kit.ts';
import { initiativeDraftChoice, initiativeSummary } from './buttons.ts';
import { loadDraft, PROPOSE_DRAFT, started, STEPS, type DraftView, type Step } from './propose-draft.ts';
import { ASK } from './propose-steps.ts';

export async function proposeConversation(conversation: Flow, ctx: FlowContext, editId?: number | null): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const t = ctx.t;
  const editing = typeof editId === 'number' ? editId : null;
  const before = await loadDraft(conversation, ctx, citizenId);
  const discard = () => ctx.services.initiatives.drafts.discardDraft(citizenId);
  // A draft of the same purpose (new, or this initiative's edit) with answers in it: go on, or start again.
  if (before && before.initiativeId === editing && started(before))
    await offerSavedDraft(conversation, ctx, initiativeDraftChoice, 'initiatives-bot', before.updatedAt, discard);
  const opened = await conversation.external(() => attempt(() => ctx.services.initiatives.drafts.startDraft(citizenId, editing).then(() => true)));
  if (!opened.ok) {
    await ctx.reply(errorText(ctx, opened), { reply_markup: mainMenu(ctx) });
    return;
  }
  if (editing != null) await ctx.reply(t('initiatives-bot:flow.edit_intro', { id: editing }));
  await draftSteps(conversation, ctx, citizenId, PROPOSE_DRAFT, {
    ns: 'initiatives-bot',
    ask: ASK,
    summary: showSummary,
    discard,
    send: async () => {
      const sent = await conversation.external(() => attempt(() => ctx.services.initiatives.drafts.submit(citizenId, ctx.locale)));
      // A refusal (the day's limit) keeps the draft: the next entry offers it again.
      await ctx.reply(sent.ok ? t('initiatives-bot:flow.sent') : errorText(ctx, sent), { reply_markup: mainMenu(ctx) });
      return true;
    },
  });
}

async function showSummary(conversation: Flow, ctx: FlowContext, d: DraftView): Promise<Step | 'send' | 'discard'> {
  const t = ctx.t;
  const { regions } = await ctx.services.reference.choices(ctx.locale);
  const { areas } = await ctx.services.reference.get();
  const region = regions.find((r) => r.id === d.regionId);
  const district = region?.districts.find((x) => x.id === d.districtId);
  const place = [region?.name, district?.name, d.address ?? (d.hasPoint ? '📍' : null)].filter(Boolean).join(', ');
  const author = d.organisation ? d.organisation : t('initiatives-bot:flow.myself');
  const text = t('initiatives-bot:flow.summary', {
    title: esc(d.title ?? ''),
    author: `${esc(author)} (${t(d.showName ? 'initiatives-bot:flow.name_shown' : 'initiatives-bot:flow.name_hidden')})`,
    area: esc(localName(areas.find((a) => a.id === d.areaId) ?? { nameKk: '', nameRu: '' }, ctx.locale)),
    place: esc(place || t('initiatives-bot:flow.no_place')),
    description: esc(clip(d.description ?? '', 400)),
    why: esc(clip(d.justification ?? '', 400)),
    help: d.helpNeeded.map((h) => t(`initiatives:help.${h}`)).join(', '),
  });
  const edit = (step: Exclude<Step, 'location' | 'who'>) =>
    InlineKeyboard.text(t(`initiatives-bot:flow.edit_${step}`), initiativeSummary.encode({ choice: step }));
  const kb = InlineKeyboard.from([
    [InlineKeyboard.text(t('initiatives-bot:flow.send'), initiativeSummary.encode({ choice: 'send' }))],
    [edit('title'), edit('description')],
    [edit('place'), edit('area')],
    [edit('why'), edit('help')],
    [edit('name')],
    [InlineKeyboard.text(t('initiatives-bot:flow.discard'), initiativeSummary.encode({ choice: 'discard' }))],
  ]);
  const { value } = await askOnce(conversation, ctx, text, kb, initiativeSummary, { html: true });
  if (value.choice === 'send' || value.choice === 'discard') return value.choice;
  return (STEPS as readonly string[]).includes(value.choice) ? (value.choice as Step) : 'title';
}
