// "My reports": the citizen's own and supported reports with their colour (in work red, done green),
// a detail with the public history, and — while a report is open — a comment or more evidence.
import { InlineKeyboard } from 'grammy';
import type { BotContext, FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { formatLocalDate, formatLocalDateTime } from '../../core/calendar/local-time.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { COMMENT_MAX, EVIDENCE_TOTAL_MAX, type HistoryEntry } from '../../core/reports/report-citizen.ts';
import { EVIDENCE_MAX, type EvidenceInput } from '../../core/reports/report-service.ts';
import { statusIcon } from '../../core/reports/report-status.ts';
import { attempt, clip, errorText, esc, fitTitle, newestThatFit, showScreen, type Flow, nextMessage } from '../flow-kit.ts';
import { collectFiles } from './report-files.ts';
import { addToReport, closeMyReport, myReportsPage, openMyReport, showMyName } from './buttons.ts';

const PAGE = 8;
/** Telegram allows 4096 characters a message; the newest history is what the citizen looks for. */
const HISTORY_SHOWN = 12;
const MESSAGE_BUDGET = 3900;

export async function showMyReports(ctx: BotContext, offset = 0): Promise<void> {
  const citizen = ctx.citizen;
  if (!citizen) return;
  const [{ items, total }, ref] = await Promise.all([ctx.services.reportCitizen.list(citizen.id, { offset, limit: PAGE }), ctx.services.reference.get()]);
  if (total === 0) {
    await ctx.reply(ctx.t('reports:my.empty'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const kb = new InlineKeyboard();
  for (const r of items) {
    const category = ref.categories.find((c) => c.id === r.categoryId);
    // The category is shortened to fit the button; the report it opens names it in full.
    kb.text(
      fitTitle((name) => `${statusIcon(r.status)}${r.own ? '' : '👍'} ${r.number} · ${name}`, category ? localName(category, ctx.locale) : ''),
      openMyReport.encode({ reportId: r.id }),
    ).row();
  }
  if (offset + PAGE < total) kb.text(ctx.t('reports:my.more'), myReportsPage.encode({ offset: offset + PAGE }));
  const text = ctx.t('reports:my.title', { total });
  await showScreen(ctx, text, kb);
}

function historyLine(ctx: BotContext, h: HistoryEntry): string {
  const label =
    h.type === 'status' && h.toStatus
      ? `${statusIcon(h.toStatus)} ${ctx.t(`reports:status.${h.toStatus}`)}`
      : h.type === 'evidence'
        ? ctx.t('reports:my.ev_evidence', { count: h.evidenceCount ?? 0 })
        : ctx.t(`reports:my.ev_${h.type}`);
  return `• ${formatLocalDateTime(h.at)} — ${label}${h.note ? `: ${esc(clip(h.note, 300))}` : ''}`;
}

export async function showReportDetail(ctx: BotContext, reportId: number): Promise<void> {
  const citizen = ctx.citizen;
  if (!citizen) return;
  const [d, ref] = await Promise.all([ctx.services.reportCitizen.detail(citizen.id, reportId, ctx.locale), ctx.services.reference.get()]);
  const r = d.report;
  const category = ref.categories.find((c) => c.id === r.categoryId);
  const region = ref.regions.find((x) => x.id === r.regionId);
  const district = region?.districts.find((x) => x.id === r.districtId);
  const lines = [
    ctx.t('reports:my.detail', {
      number: r.number,
      icon: statusIcon(r.status),
      status: ctx.t(`reports:status.${r.status}`),
      category: category ? esc(localName(category, ctx.locale)) : '—',
      place: esc([region && localName(region, ctx.locale), district && localName(district, ctx.locale), r.address].filter(Boolean).join(', ')),
      created: formatLocalDate(r.createdAt),
      due: r.dueAt ? formatLocalDateTime(r.dueAt) : ctx.t('reports:my.due_none'),
      files: d.evidenceCount,
      support: r.supportCount,
      description: esc(clip(r.description, 800)),
    }),
  ];
  // Whatever room the header leaves goes to the newest history (Telegram's limit is 4096).
  const history = newestThatFit(
    d.history.slice(-HISTORY_SHOWN).map((h) => historyLine(ctx, h)),
    MESSAGE_BUDGET - lines.join('\n').length - 40,
  );
  lines.push('', ctx.t('reports:my.history'), ...history);
  const kb = new InlineKeyboard();
  if (d.canAdd) {
    kb.text(ctx.t('reports:my.comment'), addToReport.encode({ what: 'com', reportId: r.id }))
      .text(ctx.t('reports:my.add_files'), addToReport.encode({ what: 'files', reportId: r.id }))
      .row();
    kb.text(ctx.t('reports:self.button'), closeMyReport.encode({ reportId: r.id })).row();
  }
  if (d.own && r.source === 'bot') {
    kb.text(ctx.t(r.showName ? 'reports:my.name_hide' : 'reports:my.name_show'), showMyName.encode({ reportId: r.id, show: r.showName ? 0 : 1 })).row();
  }
  kb.text(ctx.t('reports:my.back'), myReportsPage.encode({ offset: 0 }));
  const text = lines.join('\n');
  await showScreen(ctx, text, kb);
}

/** Adds a comment or files to an open report of the citizen's. */
export async function reportAddConversation(conversation: Flow, ctx: FlowContext, reportId: number, mode: 'comment' | 'files'): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  // An old button may point at a report closed since: say so before the citizen uploads anything.
  const { number, room } = await conversation.external(() => ctx.services.reportCitizen.evidenceRoom(citizenId, reportId));
  if (room < 0) {
    await ctx.reply(ctx.t('errors:report.closed'), { reply_markup: mainMenu(ctx) });
    return;
  }
  if (mode === 'comment') {
    await ctx.reply(ctx.t('reports:my.ask_comment', { number, max: COMMENT_MAX }));
    for (;;) {
      const c = await nextMessage(conversation, ctx);
      const text = c.message?.text;
      if (!text) {
        await c.reply(ctx.t('reports:flow.description_expected'));
        continue;
      }
      const outcome = await conversation.external(() => attempt(() => ctx.services.reportCitizen.comment(citizenId, reportId, text)));
      if (outcome.ok) {
        await c.reply(ctx.t('reports:my.comment_added', { number }), { reply_markup: mainMenu(ctx) });
        return;
      }
      await c.reply(errorText(ctx, outcome));
      // Too short or too long: the citizen tries again; a closed report ends the flow.
      if (outcome.code === 'report.closed' || outcome.code === 'report.not_found') return;
    }
  }
  const max = Math.min(EVIDENCE_MAX, room);
  if (max === 0) {
    await ctx.reply(ctx.t('errors:report.evidence_too_many', { max: EVIDENCE_TOTAL_MAX }), { reply_markup: mainMenu(ctx) });
    return;
  }
  const items: EvidenceInput[] = [];
  await collectFiles(conversation, ctx, {
    prompt: ctx.t('reports:my.ask_files', { number, max }),
    have: 0,
    max,
    add: async (_c, item) => {
      if (!items.some((i) => i.fileUniqueId && i.fileUniqueId === item.fileUniqueId)) items.push(item);
      return items.length;
    },
  });
  if (items.length === 0) {
    await ctx.reply(ctx.t('reports:my.files_none'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const outcome = await conversation.external(() => attempt(() => ctx.services.reportCitizen.addEvidence(citizenId, reportId, items)));
  await ctx.reply(outcome.ok ? ctx.t('reports:my.files_added', { number, count: items.length }) : errorText(ctx, outcome), { reply_markup: mainMenu(ctx) });
}
