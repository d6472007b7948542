// Files for a report (its first evidence, or added later from "My reports"), gathered until "Done".
import { InlineKeyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { MAX_FILE_MB, mediaFromMessage } from '../media.ts';
import { type EvidenceInput } from '../../core/reports/report-service.ts';
import { type Flow } from '../flow-kit.ts';
import { evidenceStep } from './buttons.ts';

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
