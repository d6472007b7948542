// The "report a problem" conversation: category → place → location → description → evidence →
// name shown or hidden → summary (edit any step) → possible duplicates → filed. Every answer goes
// into the citizen's draft the moment it is valid, so bad input, /cancel or a restart lose nothing.
import { InlineKeyboard, Keyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { MAX_FILE_MB, mediaFromMessage } from '../media.ts';
import { mainMenu } from '../menu.ts';
import { formatLocalDateTime } from '../../core/calendar/local-time.ts';
import type { DraftFields } from '../../core/reports/report-citizen.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, EVIDENCE_MAX, insideKazakhstan, type EvidenceInput } from '../../core/reports/report-service.ts';
import { statusIcon } from '../../core/reports/report-status.ts';
import { attempt, choiceLabels, clip, errorText, esc, fitTitle, waitForButton, withLegend, type Flow } from '../flow-kit.ts';
import { grid } from '../telegram/keyboard.ts';
import {
  anonymity,
  draftChoice,
  duplicateChoice,
  evidenceStep,
  keepLocation,
  pickCategory,
  pickDistrict,
  pickRegion,
  savedRegionOrOther,
  summaryChoice,
} from './buttons.ts';
import { categoryChoices, placeLabel, regionChoices } from './report-choices.ts';

export const ADDRESS_MIN = 5;
export const ADDRESS_MAX = 300;
const STEPS = ['category', 'place', 'location', 'description', 'evidence', 'anonymous'] as const;
type Step = (typeof STEPS)[number];

/** The draft as the conversation keeps it: plain data, since `external` results are stored. */
type DraftView = DraftFields & { evidenceCount: number; updatedAt: string };

function missing(d: DraftView): Step | null {
  if (d.categoryId == null) return 'category';
  if (d.regionId == null) return 'place';
  if (d.lat == null && !d.address) return 'location';
  if (!d.description) return 'description';
  if (d.evidenceCount === 0) return 'evidence';
  if (d.anonymous == null) return 'anonymous';
  return null;
}

const header = (ctx: FlowContext, step: Step) => `<i>${ctx.t('reports:flow.step', { n: STEPS.indexOf(step) + 1, total: STEPS.length })}</i>\n`;

const EMPTY: DraftView = {
  categoryId: null,
  regionId: null,
  districtId: null,
  lat: null,
  lon: null,
  address: null,
  description: null,
  anonymous: null,
  evidenceCount: 0,
  updatedAt: '',
};

function loadDraft(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<DraftView | null> {
  return conversation.external(async () => {
    const d = await ctx.services.reportCitizen.getDraft(citizenId);
    if (!d) return null;
    const { evidence, updatedAt, ...fields } = d;
    return { ...fields, evidenceCount: evidence.length, updatedAt: updatedAt.toISOString() };
  });
}

async function save(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView, patch: Partial<DraftFields>): Promise<DraftView> {
  // Only plain data may come out of `external` (it is stored): the saved row stays outside.
  await conversation.external(async () => {
    await ctx.services.reportCitizen.saveDraft(citizenId, patch);
  });
  return { ...draft, ...patch };
}

async function askCategory(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const categories = await categoryChoices(conversation, ctx);
  const { labels, legend } = choiceLabels(categories.map((c) => c.label));
  const kb = grid(categories.map((c, i) => pickCategory.offer(labels[i]!, { categoryId: c.id })));
  await ctx.reply(withLegend(header(ctx, 'category') + ctx.t('reports:flow.category'), legend, true), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, pickCategory);
  const chosen = categories.find((c) => c.id === value.categoryId) ?? categories[0]!;
  await pressed.editMessageReplyMarkup().catch(() => {});
  await pressed.reply(ctx.t('reports:flow.category_chosen', { name: chosen.label, hint: chosen.hint }));
  return save(conversation, ctx, citizenId, draft, { categoryId: chosen.id });
}

async function askPlace(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const { regions, savedRegionId } = await regionChoices(conversation, ctx);
  const saved = regions.find((r) => r.id === savedRegionId);
  let regionId: number;
  if (saved) {
    const kb = new InlineKeyboard()
      .text(
        fitTitle((name) => ctx.t('reports:flow.region_saved', { name }), saved.name),
        savedRegionOrOther.encode({ regionId: saved.id }),
      )
      .row()
      .text(ctx.t('reports:flow.region_other'), savedRegionOrOther.encode({ regionId: 'other' }));
    await ctx.reply(header(ctx, 'place') + ctx.t('reports:flow.region_yours'), { parse_mode: 'HTML', reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, savedRegionOrOther);
    await pressed.editMessageReplyMarkup().catch(() => {});
    regionId = value.regionId === 'other' ? await askRegion(conversation, ctx, regions, false) : saved.id;
  } else {
    regionId = await askRegion(conversation, ctx, regions, true);
  }
  const region = regions.find((r) => r.id === regionId)!;
  let districtId: number | null = null;
  if (region.districts.length > 0) {
    const kb = grid([
      ...region.districts.map((d) => pickDistrict.offer(d.name, { districtId: d.id })),
      pickDistrict.offer(ctx.t('reports:flow.district_skip'), { districtId: 'none' }),
    ]);
    await ctx.reply(ctx.t('reports:flow.district', { region: region.name }), { reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, pickDistrict);
    await pressed.editMessageReplyMarkup().catch(() => {});
    districtId = value.districtId === 'none' ? null : value.districtId;
  }
  // A citizen without a saved region gets this one, so next time it is offered first.
  if (savedRegionId == null) {
    await conversation.external(async () => {
      await ctx.services.citizens.updateProfile(citizenId, { regionId, districtId });
    });
  }
  return save(conversation, ctx, citizenId, draft, { regionId, districtId });
}

async function askRegion(conversation: Flow, ctx: FlowContext, regions: Array<{ id: number; name: string }>, withHeader: boolean): Promise<number> {
  const kb = grid(regions.map((r) => pickRegion.offer(r.name, { regionId: r.id })));
  await ctx.reply((withHeader ? header(ctx, 'place') : '') + ctx.t('reports:flow.region'), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, pickRegion);
  await pressed.editMessageReplyMarkup().catch(() => {});
  return value.regionId;
}

async function askLocation(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const keyboard = new Keyboard().requestLocation(ctx.t('reports:flow.send_location')).resized().oneTime();
  await ctx.reply(header(ctx, 'location') + ctx.t('reports:flow.location'), { parse_mode: 'HTML', reply_markup: keyboard });
  let questioned: { lat: number; lon: number; address: string | null } | null = null;
  for (;;) {
    const c = await conversation.wait();
    if (questioned && keepLocation.decode(c.callbackQuery?.data ?? '')) {
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup().catch(() => {});
      await c.reply(ctx.t('reports:flow.location_saved'), { reply_markup: mainMenu(ctx) });
      return save(conversation, ctx, citizenId, draft, questioned);
    }
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const location = c.message?.venue?.location ?? c.message?.location;
    if (location) {
      const place = { lat: location.latitude, lon: location.longitude, address: c.message?.venue?.address?.slice(0, ADDRESS_MAX) ?? null };
      if (!insideKazakhstan(place.lat, place.lon)) {
        questioned = place;
        const kb = new InlineKeyboard().text(ctx.t('reports:flow.location_keep'), keepLocation.encode());
        await c.reply(ctx.t('reports:flow.location_outside', { lat: place.lat.toFixed(5), lon: place.lon.toFixed(5) }), { reply_markup: kb });
        continue;
      }
      await c.reply(ctx.t('reports:flow.location_saved'), { reply_markup: mainMenu(ctx) });
      return save(conversation, ctx, citizenId, draft, place);
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(ctx.t('reports:flow.location_expected'), { reply_markup: keyboard });
      continue;
    }
    if (text.length < ADDRESS_MIN) await c.reply(ctx.t('reports:flow.address_short', { min: ADDRESS_MIN }), { reply_markup: keyboard });
    else if (text.length > ADDRESS_MAX) await c.reply(ctx.t('reports:flow.address_long', { max: ADDRESS_MAX }), { reply_markup: keyboard });
    else {
      await c.reply(ctx.t('reports:flow.address_saved'), { reply_markup: mainMenu(ctx) });
      return save(conversation, ctx, citizenId, draft, { address: text, lat: null, lon: null });
    }
  }
}

async function askDescription(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  await ctx.reply(header(ctx, 'description') + ctx.t('reports:flow.description', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }), {
    parse_mode: 'HTML',
    reply_markup: mainMenu(ctx),
  });
  for (;;) {
    const c = await conversation.wait();
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const text = c.message?.text?.trim();
    if (!text) await c.reply(ctx.t('reports:flow.description_expected'));
    else if (text.length < DESCRIPTION_MIN) await c.reply(ctx.t('reports:flow.description_short', { len: text.length, min: DESCRIPTION_MIN }));
    else if (text.length > DESCRIPTION_MAX) await c.reply(ctx.t('reports:flow.description_long', { len: text.length, max: DESCRIPTION_MAX }));
    else return save(conversation, ctx, citizenId, draft, { description: text });
  }
}

/**
 * Collects files until "Done". An album arrives as one update per file: the first is answered,
 * the rest edit that answer, so ten photos cost one message instead of ten.
 */
export async function collectFiles(
  conversation: Flow,
  ctx: FlowContext,
  opts: { prompt: string; have: number; max: number; add: (c: FlowContext, item: EvidenceInput) => Promise<number>; clear?: () => Promise<void> },
): Promise<number> {
  let count = opts.have;
  const keyboard = () => {
    const kb = new InlineKeyboard().text(ctx.t('reports:flow.evidence_done'), evidenceStep.encode({ action: 'done' }));
    return opts.clear && count > 0 ? kb.row().text(ctx.t('reports:flow.evidence_clear'), evidenceStep.encode({ action: 'clear' })) : kb;
  };
  await ctx.reply(opts.prompt, { parse_mode: 'HTML', reply_markup: keyboard() });
  let ack: { messageId: number; group: string } | null = null;
  for (;;) {
    const c = await conversation.wait();
    const step = evidenceStep.decode(c.callbackQuery?.data ?? '');
    if (step?.action === 'done') {
      await c.answerCallbackQuery();
      if (count > 0 || !opts.clear) return count;
      await c.reply(ctx.t('reports:flow.evidence_required'));
      continue;
    }
    if (step?.action === 'clear' && opts.clear) {
      await c.answerCallbackQuery();
      await opts.clear();
      count = 0;
      await c.reply(ctx.t('reports:flow.evidence_cleared'), { reply_markup: keyboard() });
      continue;
    }
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const media = mediaFromMessage(c.message);
    if (!media.ok) {
      const key =
        media.reason === 'too_big'
          ? 'evidence_too_big'
          : media.reason === 'unsupported'
            ? 'evidence_unsupported'
            : count === 0 && opts.clear
              ? 'evidence_required'
              : 'evidence_expected';
      await c.reply(ctx.t(`reports:flow.${key}`, { size: 'sizeMb' in media ? media.sizeMb : undefined, max: MAX_FILE_MB }), { reply_markup: keyboard() });
      continue;
    }
    const group = c.message?.media_group_id;
    if (count >= opts.max) {
      if (!group || ack?.group !== group) await c.reply(ctx.t('reports:flow.evidence_full', { max: opts.max }), { reply_markup: keyboard() });
      continue;
    }
    count = await opts.add(c, media.item);
    const text = ctx.t('reports:flow.evidence_received', { count, max: opts.max });
    if (group && ack?.group === group) {
      await c.api.editMessageText(c.chat!.id, ack.messageId, text, { reply_markup: keyboard() }).catch(() => {});
    } else {
      const sent = await c.reply(text, { reply_markup: keyboard() });
      ack = group ? { messageId: sent.message_id, group } : null;
    }
  }
}

async function askEvidence(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const categories = await categoryChoices(conversation, ctx);
  const hint = categories.find((c) => c.id === draft.categoryId)?.hint ?? '';
  const prompt =
    header(ctx, 'evidence') +
    ctx.t('reports:flow.evidence', { max: EVIDENCE_MAX, hint: esc(hint) }) +
    (draft.evidenceCount > 0 ? `\n\n${ctx.t('reports:flow.evidence_have', { count: draft.evidenceCount })}` : '');
  const count = await collectFiles(conversation, ctx, {
    prompt,
    have: draft.evidenceCount,
    max: EVIDENCE_MAX,
    add: async (_c, item) => (await conversation.external(() => ctx.services.reportCitizen.addDraftEvidence(citizenId, item))).count,
    clear: () => conversation.external(() => ctx.services.reportCitizen.clearDraftEvidence(citizenId)),
  });
  return { ...draft, evidenceCount: count };
}

async function askAnonymous(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const kb = new InlineKeyboard()
    .text(ctx.t('reports:flow.anonymous_no'), anonymity.encode({ hidden: 0 }))
    .row()
    .text(ctx.t('reports:flow.anonymous_yes'), anonymity.encode({ hidden: 1 }));
  await ctx.reply(header(ctx, 'anonymous') + ctx.t('reports:flow.anonymous'), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, anonymity);
  await pressed.editMessageReplyMarkup().catch(() => {});
  return save(conversation, ctx, citizenId, draft, { anonymous: value.hidden === 1 });
}

const ASK: Record<Step, (conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView) => Promise<DraftView>> = {
  category: askCategory,
  place: askPlace,
  location: askLocation,
  description: askDescription,
  evidence: askEvidence,
  anonymous: askAnonymous,
};

async function showSummary(conversation: Flow, ctx: FlowContext, draft: DraftView): Promise<string> {
  const categories = await categoryChoices(conversation, ctx);
  const place = await placeLabel(conversation, ctx, draft.regionId, draft.districtId);
  const t = ctx.t;
  const text = t('reports:flow.summary', {
    category: esc(categories.find((c) => c.id === draft.categoryId)?.label ?? '—'),
    place: esc(place),
    address: esc(
      [draft.address, draft.lat != null ? t('reports:flow.point', { lat: draft.lat.toFixed(5), lon: draft.lon!.toFixed(5) }) : null]
        .filter(Boolean)
        .join(' · ') || t('reports:flow.not_given'),
    ),
    description: esc(clip(draft.description ?? '', 600)),
    files: draft.evidenceCount,
    name: t(draft.anonymous ? 'reports:flow.name_hidden' : 'reports:flow.name_shown'),
  });
  const kb = InlineKeyboard.from([
    [InlineKeyboard.text(t('reports:flow.send'), summaryChoice.encode({ choice: 'send' }))],
    ...grid(STEPS.map((s) => summaryChoice.offer(t(`reports:flow.edit.${s}`), { choice: s }))).inline_keyboard,
    [InlineKeyboard.text(t('reports:flow.discard'), summaryChoice.encode({ choice: 'discard' }))],
  ]);
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, summaryChoice);
  await pressed.editMessageReplyMarkup().catch(() => {});
  return value.choice;
}

/** Offers open reports that look like the same problem; returns true if the citizen supported one. */
async function offerDuplicates(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<boolean> {
  const dups = await conversation.external(async () =>
    (
      await ctx.services.reports.findDuplicates({
        categoryId: draft.categoryId!,
        regionId: draft.regionId!,
        districtId: draft.districtId,
        lat: draft.lat,
        lon: draft.lon,
        description: draft.description!,
      })
    ).map(({ report, distanceM }) => ({
      id: report.id,
      number: report.number,
      icon: statusIcon(report.status),
      text: clip(report.hidden ? '' : report.description, 160),
      distanceM,
    })),
  );
  if (dups.length === 0) return false;
  const list = dups
    .map((d) =>
      ctx.t('reports:flow.duplicate_item', {
        icon: d.icon,
        number: d.number,
        distance: d.distanceM != null ? ctx.t('reports:flow.distance', { m: d.distanceM }) : '',
        text: esc(d.text),
      }),
    )
    .join('\n\n');
  const kb = new InlineKeyboard();
  for (const d of dups) kb.text(ctx.t('reports:flow.support', { number: d.number }), duplicateChoice.encode({ reportId: d.id })).row();
  kb.text(ctx.t('reports:flow.file_new'), duplicateChoice.encode({ reportId: 'new' }));
  await ctx.reply(ctx.t('reports:flow.duplicates', { list }), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, duplicateChoice);
  await pressed.editMessageReplyMarkup().catch(() => {});
  const { reportId: supported } = value;
  if (supported === 'new') return false;
  const result = await conversation.external(() =>
    attempt(async () => {
      const r = await ctx.services.reportCitizen.supportInsteadOfDraft(citizenId, supported);
      return { added: r.added, number: r.report.number, count: r.report.supportCount };
    }),
  );
  if (!result.ok) {
    // Closed or hidden since it was offered: say so and file the citizen's own report instead.
    await ctx.reply(errorText(ctx, result));
    return false;
  }
  await ctx.reply(ctx.t(result.value.added ? 'reports:flow.supported' : 'reports:flow.already_supporting', result.value), { reply_markup: mainMenu(ctx) });
  return true;
}

async function submit(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<boolean> {
  const outcome = await conversation.external(() =>
    attempt(async () => {
      const report = await ctx.services.reportCitizen.submitDraft(citizenId);
      const { categories, departments } = await ctx.services.reference.get();
      const category = categories.find((c) => c.id === report.categoryId)!;
      const department = departments.find((d) => d.id === report.departmentId)!;
      return { number: report.number, department: esc(ctx.locale === 'kk' ? department.nameKk : department.nameRu), days: category.deadlineDays };
    }),
  );
  if (outcome.ok) {
    await ctx.reply(ctx.t('reports:flow.created', outcome.value), { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });
    return true;
  }
  const text = outcome.code === 'report.daily_limit' ? ctx.t('reports:flow.daily_limit', outcome.params) : errorText(ctx, outcome);
  await ctx.reply(text, { reply_markup: mainMenu(ctx) });
  return outcome.code === 'report.daily_limit';
}

export async function reportConversation(conversation: Flow, ctx: FlowContext): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const left = await conversation.external(() => ctx.services.reports.remainingToday(citizenId));
  if (left === 0) {
    await ctx.reply(ctx.t('reports:flow.daily_limit', { limit: await conversation.external(() => ctx.services.reports.perDay) }), {
      reply_markup: mainMenu(ctx),
    });
    return;
  }
  let draft = (await loadDraft(conversation, ctx, citizenId)) ?? EMPTY;
  if (draft !== EMPTY && draft.categoryId != null) {
    const kb = new InlineKeyboard()
      .text(ctx.t('reports:flow.continue'), draftChoice.encode({ choice: 'go' }))
      .text(ctx.t('reports:flow.restart'), draftChoice.encode({ choice: 'new' }));
    await ctx.reply(ctx.t('reports:flow.draft_found', { date: formatLocalDateTime(new Date(draft.updatedAt)) }), { reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, draftChoice);
    await pressed.editMessageReplyMarkup().catch(() => {});
    if (value.choice === 'new') {
      await conversation.external(() => ctx.services.reportCitizen.discardDraft(citizenId));
      draft = EMPTY;
    }
  }
  for (;;) {
    for (let step = missing(draft); step; step = missing(draft)) draft = await ASK[step](conversation, ctx, citizenId, draft);
    const choice = await showSummary(conversation, ctx, draft);
    if (choice === 'discard') {
      await conversation.external(() => ctx.services.reportCitizen.discardDraft(citizenId));
      await ctx.reply(ctx.t('reports:flow.discarded'), { reply_markup: mainMenu(ctx) });
      return;
    }
    if (choice === 'send') {
      if (await offerDuplicates(conversation, ctx, citizenId, draft)) return;
      if (await submit(conversation, ctx, citizenId)) return;
      // A refused draft (e.g. a category switched off meanwhile) goes back to the summary, intact.
      draft = (await loadDraft(conversation, ctx, citizenId)) ?? draft;
      continue;
    }
    if ((STEPS as readonly string[]).includes(choice)) draft = await ASK[choice as Step](conversation, ctx, citizenId, draft);
  }
}
