// The "propose an initiative" conversation (seed 002 L833–838): who proposes → title → what → region and district →
// place (optional) → area → why → help needed → name shown or not → summary (change any answer) → sent to the
// moderators. Every answer goes into the citizen's draft the moment it is valid, so bad input, /cancel or a restart
// lose nothing, and the next entry offers to go on. With an id it edits the author's returned initiative and sends
// it again. Every database or clock call is inside `conversation.external`; the state is the draft's ids and flags.
import { InlineKeyboard } from 'grammy';
import { formatLocalDateTime } from '../../core/calendar/local-time.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { attempt, clip, errorText, esc, waitForButton, type Flow } from '../flow-kit.ts';
import { initiativeDraftChoice, initiativeSummary } from './buttons.ts';
import { EMPTY, loadDraft, missing, started, STEPS, type DraftView, type Step } from './propose-draft.ts';
import { ASK } from './propose-steps.ts';

export async function proposeConversation(conversation: Flow, ctx: FlowContext, editId?: number | null): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const t = ctx.t;
  const editing = typeof editId === 'number' ? editId : null;
  const before = await loadDraft(conversation, ctx, citizenId);
  // A draft of the same purpose (new, or this initiative's edit) with answers in it: go on, or start again.
  if (before && before.initiativeId === editing && started(before)) {
    const kb = new InlineKeyboard()
      .text(t('initiatives-bot:flow.continue'), initiativeDraftChoice.encode({ choice: 'go' }))
      .text(t('initiatives-bot:flow.restart'), initiativeDraftChoice.encode({ choice: 'new' }));
    await ctx.reply(t('initiatives-bot:flow.draft_found', { date: formatLocalDateTime(new Date(before.updatedAt)) }), { reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, initiativeDraftChoice);
    await pressed.editMessageReplyMarkup().catch(() => {});
    if (value.choice === 'new') await conversation.external(() => ctx.services.initiatives.drafts.discardDraft(citizenId));
  }
  const opened = await conversation.external(() => attempt(() => ctx.services.initiatives.drafts.startDraft(citizenId, editing).then(() => true)));
  if (!opened.ok) {
    await ctx.reply(errorText(ctx, opened), { reply_markup: mainMenu(ctx) });
    return;
  }
  if (editing != null) await ctx.reply(t('initiatives-bot:flow.edit_intro', { id: editing }));

  // Every answer is in the draft once its step returns, so the flow then goes back here: the conversation's log is
  // cut to this point and holds one step's updates, not the whole flow's. The draft is read again after each rewind.
  const top = conversation.checkpoint();
  const draft = (await loadDraft(conversation, ctx, citizenId)) ?? EMPTY;
  const step = missing(draft);
  if (step) {
    await ASK[step](conversation, ctx, citizenId, draft);
    return conversation.rewind(top);
  }
  const choice = await showSummary(conversation, ctx, draft);
  if (choice === 'discard') {
    await conversation.external(() => ctx.services.initiatives.drafts.discardDraft(citizenId));
    await ctx.reply(t('initiatives-bot:flow.discarded'), { reply_markup: mainMenu(ctx) });
    return;
  }
  if (choice === 'send') {
    const sent = await conversation.external(() => attempt(() => ctx.services.initiatives.drafts.submit(citizenId, ctx.locale)));
    // A refusal (the day's limit) keeps the draft: the next entry offers it again.
    await ctx.reply(sent.ok ? t('initiatives-bot:flow.sent') : errorText(ctx, sent), { reply_markup: mainMenu(ctx) });
    return;
  }
  await ASK[choice](conversation, ctx, citizenId, draft);
  return conversation.rewind(top);
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
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, initiativeSummary);
  await pressed.editMessageReplyMarkup().catch(() => {});
  if (value.choice === 'send' || value.choice === 'discard') return value.choice;
  return (STEPS as readonly string[]).includes(value.choice) ? (value.choice as Step) : 'title';
}
