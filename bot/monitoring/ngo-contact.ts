// The NGO's contact binds themselves from the manager's link t.me/<bot>?start=ngo_<code>: the bot names the
// project and the supplier, the citizen confirms with a button, and from then on the project's measures and
// document requests reach them here (core/monitoring/supplier-contact.ts). No conversation: one press.
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature } from '../features.ts';
import { mainMenu } from '../menu.ts';
import { NGO_LINK_PREFIX } from '../../core/monitoring/supplier-contact.ts';
import { nameIn } from '../../core/projects/project-rules.ts';
import { esc, onButton } from '../flow-kit.ts';
import { confirmNgoContact } from './buttons.ts';

async function openNgoInvitation(ctx: BotContext, code: string): Promise<void> {
  const inv = await ctx.services.monitoring.supplierContact.invitation(code);
  if (!inv) {
    await ctx.reply(ctx.t('monitoring-bot:not_found'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const text = ctx.t('monitoring-bot:confirm', { project: esc(nameIn(inv.names, ctx.locale)), supplier: esc(inv.supplier) });
  const kb = new InlineKeyboard().text(ctx.t('monitoring-bot:confirm_button'), confirmNgoContact.encode({ code }));
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: kb });
}

export function createNgoContactFeature(): Feature {
  const composer = new Composer<BotContext>();
  composer.chatType('private').callbackQuery(confirmNgoContact.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { code } = confirmNgoContact.decode(ctx.callbackQuery.data)!;
      const b = await ctx.services.monitoring.supplierContact.bind(citizenId, code);
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(ctx.t('monitoring-bot:bound', { project: esc(nameIn(b.names, ctx.locale)), supplier: esc(b.supplier) }), {
        parse_mode: 'HTML',
        reply_markup: mainMenu(ctx),
      });
    }),
  );
  return { name: 'monitoring-ngo', composer, deepLinks: { [NGO_LINK_PREFIX]: openNgoInvitation } };
}
