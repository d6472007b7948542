// /mydata shows everything stored about the citizen; /deletedata erases it after confirmation.
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature } from '../features.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import { enterFlow, esc } from '../flow-kit.ts';
import { profileEditConversation } from './profile.ts';
import { editProfile, eraseAsk, eraseNo, eraseYes, settingsLanguage, settingsMyData } from './buttons.ts';
import { askLanguage } from './onboarding.ts';
import { formatLocalDateTime } from '../../core/calendar/local-time.ts';
import { grid } from '../telegram/keyboard.ts';

function socialStatusName(code: string | null, locale: string): string | null {
  const s = code ? socialStatuses.find((x) => x.code === code) : undefined;
  return s ? localName(s, locale) : code;
}

async function showMyData(ctx: BotContext): Promise<void> {
  if (!ctx.citizen) return;
  const t = ctx.t;
  const data = await ctx.services.citizens.exportData(ctx.citizen.id);
  const p = data.profile;
  const none = t('citizens:privacy.none');
  const gender = p.gender ? t(`citizens:privacy.gender.${p.gender}`) : none;
  const lines = [
    `<b>${t('citizens:privacy.mydata.title')}</b>`,
    `${t('citizens:privacy.mydata.telegram_id')}: <code>${data.telegramId}</code>`,
    `${t('citizens:privacy.mydata.language')}: ${data.locale === 'kk' ? 'Қазақша' : 'Русский'}`,
    `${t('citizens:privacy.mydata.consent')}: ${data.consentAt ? formatLocalDateTime(data.consentAt) : '—'}`,
    `${t('citizens:privacy.mydata.name')}: ${p.name ? esc(p.name) : none}`,
    `${t('citizens:privacy.mydata.phone')}: ${p.phone ? esc(p.phone) : none}`,
    `${t('citizens:privacy.mydata.region')}: ${p.regionName ? esc(p.regionName) : none}${p.districtName ? `, ${esc(p.districtName)}` : ''}`,
    `${t('citizens:privacy.mydata.gender')}: ${gender}`,
    `${t('citizens:privacy.mydata.birth_year')}: ${p.birthYear ?? none}`,
    `${t('citizens:privacy.mydata.social_status')}: ${socialStatusName(p.socialStatus, ctx.locale) ?? none}`,
  ];
  for (const s of data.sections) {
    lines.push('', `<b>${t(`citizens:privacy.sections.${s.key}`, { defaultValue: s.key })}</b>`);
    for (const [k, v] of Object.entries(s.data)) lines.push(`${t(`citizens:privacy.fields.${k}`, { defaultValue: k })}: ${esc(String(v))}`);
  }
  lines.push('', t('citizens:privacy.mydata.footer'));
  await ctx.reply(lines.join('\n'), {
    parse_mode: 'HTML',
    reply_markup: new InlineKeyboard()
      .text(t('citizens:profile.change'), editProfile.encode())
      .row()
      .text(t('citizens:privacy.delete.button'), eraseAsk.encode()),
  });
  for (const more of ctx.catalog.myData) await more(ctx);
}

async function askErase(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t('citizens:privacy.delete.confirm'), {
    parse_mode: 'HTML',
    reply_markup: grid([eraseYes.offer(ctx.t('citizens:privacy.delete.yes')), eraseNo.offer(ctx.t('citizens:privacy.delete.no'))], 1),
  });
}

async function showSettings(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t('citizens:privacy.settings.title'), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('citizens:privacy.settings.language'), settingsLanguage.encode())
      .row()
      .text(ctx.t('citizens:privacy.settings.mydata'), settingsMyData.encode())
      .row()
      .text(ctx.t('citizens:privacy.delete.button'), eraseAsk.encode()),
  });
}

export function createPrivacy(): Feature {
  const root = new Composer<BotContext>();
  const composer = root.chatType('private');
  composer.command('mydata', showMyData);
  composer.command('deletedata', askErase);
  composer.callbackQuery(settingsMyData.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMyData(ctx);
  });
  composer.callbackQuery(settingsLanguage.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askLanguage(ctx);
  });
  composer.callbackQuery(editProfile.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, 'profile-edit');
  });
  composer.callbackQuery(eraseAsk.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askErase(ctx);
  });
  composer.callbackQuery(eraseNo.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('citizens:privacy.delete.kept'));
  });
  composer.callbackQuery(eraseYes.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (!ctx.citizen) return;
    await ctx.conversation.exitAll();
    await ctx.services.citizens.erase(ctx.citizen.id);
    ctx.citizen = null;
    await ctx.editMessageText(ctx.t('citizens:privacy.delete.done'));
    await ctx.reply(ctx.t('citizens:privacy.delete.after'), { reply_markup: { remove_keyboard: true } });
  });
  return {
    name: 'privacy',
    composer: root,
    flows: [{ id: 'profile-edit', version: 1, builder: profileEditConversation }],
    menu: [{ key: 'settings', order: 40, labelKey: 'common:menu.settings', open: showSettings }],
    commands: [
      { command: 'mydata', descriptionKey: 'common:commands.mydata', order: 90 },
      { command: 'deletedata', descriptionKey: 'common:commands.deletedata', order: 91 },
    ],
  };
}
