// The end of the report conversation: the summary with its edit buttons, open reports that look like the
// same problem (support one instead), and filing the draft.
import { InlineKeyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { statusIcon } from '../../core/reports/report-status.ts';
import { attempt, clip, errorText, esc, waitForButton, type Flow } from '../flow-kit.ts';
import { grid } from '../telegram/keyboard.ts';
import { duplicateChoice, summaryChoice } from './buttons.ts';
import { categoryChoice, placeLabel } from './report-choices.ts';
import { STEPS, SUMMARY_DESCRIPTION, type DraftView } from './report-draft.ts';

export async function showSummary(conversation: Flow, ctx: FlowContext, draft: DraftView): Promise<string> {
  const category = await categoryChoice(ctx, draft.categoryId);
  const place = await placeLabel(ctx, draft.regionId, draft.districtId);
  const t = ctx.t;
  const text = t('reports:flow.summary', {
    category: esc(category?.label ?? '—'),
    place: esc(place),
    address: esc(
      [draft.address, draft.lat != null ? t('reports:flow.point', { lat: draft.lat.toFixed(5), lon: draft.lon!.toFixed(5) }) : null]
        .filter(Boolean)
        .join(' · ') || t('reports:flow.not_given'),
    ),
    description: esc(clip(draft.description ?? '', SUMMARY_DESCRIPTION)),
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
export async function offerDuplicates(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<boolean> {
  const dups = await conversation.external(async () =>
    // the candidates came with the draft in the update's first statement (core/reports/report-duplicates.ts)
    (
      await ctx.services.reportCitizen.findDuplicates(citizenId, {
        categoryId: draft.categoryId!,
        regionId: draft.regionId!,
        districtId: draft.districtId,
        lat: draft.lat,
        lon: draft.lon,
        // the whole description, which the conversation's draft view does not keep
        description: (await ctx.services.reportCitizen.getDraft(citizenId))?.description ?? draft.description!,
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

export async function submit(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<boolean> {
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
