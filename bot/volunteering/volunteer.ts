// Volunteering in the bot («Жомарт жүрек»): the home screen (sign up, or the profile with the totals),
// opportunities that suit the volunteer with apply and cancel, "my applications", the record of hours
// and people helped, the answer "did you take part?" and the announcements switch. Buttons sent with
// outbox notices (open an opportunity, confirm participation) are handled here too.
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature } from '../features.ts';
import { mainMenu } from '../menu.ts';
import { formatLocalDate, formatLocalDateTime } from '../../core/calendar/local-time.ts';
import { ACTIVE } from '../../core/volunteering/volunteer-rules.ts';
import { opportunityCard, titleIn } from '../../core/volunteering/volunteer-text.ts';
import { enterFlowFromScreen, esc, numberedLabels, onButton, showScreen } from '../flow-kit.ts';
import { volunteerSignupConversation } from './volunteer-signup.ts';
import { confirmAttendance, openOpportunity } from '../../core/volunteering/volunteering-buttons.ts';
import {
  announcements,
  applyTo,
  myApplicationsPage,
  opportunitiesPage,
  signUp,
  volunteerHome,
  volunteerRecord,
  withdrawFrom,
  withdrawSure,
} from './buttons.ts';

const PAGE = 8;
/** The newest part of a long record; Telegram allows 4096 characters a message. */
const RECORD_SHOWN = 15;

async function showHome(ctx: BotContext): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const { profiles, citizen } = ctx.services.volunteering;
  const v = await profiles.get(citizenId);
  if (!v?.signedUpAt) {
    const kb = new InlineKeyboard().text(ctx.t(v ? 'volunteering:home.continue' : 'volunteering:home.sign_up'), signUp.encode());
    await showScreen(ctx, ctx.t('volunteering:home.intro'), kb);
    return;
  }
  const { totals } = await citizen.record(citizenId);
  const kb = new InlineKeyboard()
    .text(ctx.t('volunteering:home.opportunities'), opportunitiesPage.encode({ offset: 0 }))
    .row()
    .text(ctx.t('volunteering:home.mine'), myApplicationsPage.encode({ offset: 0 }))
    .text(ctx.t('volunteering:home.record'), volunteerRecord.encode())
    .row()
    .text(
      ctx.t(v.announcementsOff ? 'volunteering:home.announcements_on' : 'volunteering:home.announcements_off'),
      announcements.encode({ to: v.announcementsOff ? 'on' : 'off' }),
    )
    .row()
    .text(ctx.t('volunteering:home.profile'), signUp.encode());
  const text =
    ctx.t('volunteering:home.title', { name: esc(v.name ?? ''), ...totals }) +
    '\n' +
    ctx.t(v.announcementsOff ? 'volunteering:home.announcements_are_off' : 'volunteering:home.announcements_are_on');
  await showScreen(ctx, text, kb);
}

const stateLabel = (ctx: BotContext, state: string, position?: number | null) => ctx.t(`volunteering:state.${state}`, { position: position ?? '' });

async function showOpportunities(ctx: BotContext, offset = 0): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const v = await ctx.services.volunteering.profiles.get(citizenId);
  if (!v?.signedUpAt) return showHome(ctx);
  const { items, total } = await ctx.services.volunteering.citizen.suitable(citizenId, { offset, limit: PAGE });
  const kb = new InlineKeyboard();
  const marks = items.map(({ placesLeft, mine }) => (mine && ACTIVE.includes(mine.state) ? '✅' : placesLeft > 0 ? '🙋' : '🕒'));
  const titles = items.map(({ opportunity: o }) => titleIn(o, ctx.locale));
  const labels = numberedLabels(titles, (i, title) => `${marks[i]} ${title}`, offset + 1);
  items.forEach(({ opportunity: o }, i) => kb.text(labels[i]!, openOpportunity.encode({ opportunityId: o.id })).row());
  if (offset + PAGE < total) kb.text(ctx.t('volunteering:list.more'), opportunitiesPage.encode({ offset: offset + PAGE })).row();
  kb.text(ctx.t('volunteering:back'), volunteerHome.encode());
  // The buttons may shorten a title: the message has each in full, with its start, by the same number.
  const lines = items.map(({ opportunity: o }, i) =>
    ctx.t('volunteering:list.line', { n: offset + i + 1, date: formatLocalDateTime(o.startsAt), title: esc(titles[i]!) }),
  );
  await showScreen(ctx, total === 0 ? ctx.t('volunteering:list.empty') : [ctx.t('volunteering:list.title', { total }), '', ...lines].join('\n'), kb);
}

async function showOpportunity(ctx: BotContext, opportunityId: number): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const { opportunity: o, placesLeft, mine } = await ctx.services.volunteering.citizen.detail(citizenId, opportunityId);
  const now = ctx.services.now();
  const started = o.startsAt <= now;
  const lines = [opportunityCard(ctx.t, ctx.locale, o, { placesLeft, description: true })];
  if (o.status === 'cancelled') lines.push('', ctx.t('volunteering:detail.cancelled'));
  if (mine) lines.push('', ctx.t('volunteering:detail.mine', { state: stateLabel(ctx, mine.state, mine.position) }));
  const kb = new InlineKeyboard();
  const active = mine && ACTIVE.includes(mine.state);
  if (o.status === 'published' && !started && !active) kb.text(ctx.t('volunteering:detail.apply'), applyTo.encode({ opportunityId: o.id })).row();
  if (o.status === 'published' && !started && active) kb.text(ctx.t('volunteering:detail.cancel'), withdrawFrom.encode({ opportunityId: o.id })).row();
  if (mine && started && ['approved', 'attended', 'no_show'].includes(mine.state) && mine.confirmed == null) {
    kb.text(ctx.t('volunteering:confirm.yes'), confirmAttendance.encode({ applicationId: mine.id, answer: 'y' }))
      .text(ctx.t('volunteering:confirm.no'), confirmAttendance.encode({ applicationId: mine.id, answer: 'n' }))
      .row();
  }
  kb.text(ctx.t('volunteering:back'), opportunitiesPage.encode({ offset: 0 }));
  await showScreen(ctx, lines.join('\n'), kb);
}

async function showMine(ctx: BotContext, offset = 0): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const { items, total } = await ctx.services.volunteering.citizen.applications(citizenId, { offset, limit: PAGE });
  const kb = new InlineKeyboard();
  const titles = items.map((a) => titleIn(a.opportunity, ctx.locale));
  const labels = numberedLabels(titles, (i, title) => `${stateLabel(ctx, items[i]!.state).split(' ')[0]} ${title}`, offset + 1);
  items.forEach((a, i) => kb.text(labels[i]!, openOpportunity.encode({ opportunityId: a.opportunityId })).row());
  if (offset + PAGE < total) kb.text(ctx.t('volunteering:list.more'), myApplicationsPage.encode({ offset: offset + PAGE })).row();
  kb.text(ctx.t('volunteering:back'), volunteerHome.encode());
  const lines = items.map((a, i) =>
    ctx.t('volunteering:list.line', { n: offset + i + 1, date: formatLocalDate(a.opportunity.startsAt), title: esc(titles[i]!) }),
  );
  await showScreen(ctx, total === 0 ? ctx.t('volunteering:mine.empty') : [ctx.t('volunteering:mine.title', { total }), '', ...lines].join('\n'), kb);
}

async function showRecord(ctx: BotContext): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const { items, totals } = await ctx.services.volunteering.citizen.record(citizenId);
  const lines = [ctx.t('volunteering:record.title', totals)];
  if (items.length === 0) lines.push('', ctx.t('volunteering:record.empty'));
  for (const i of items.slice(0, RECORD_SHOWN)) {
    lines.push(
      ctx.t('volunteering:record.item', {
        date: formatLocalDate(i.opportunity.startsAt),
        title: esc(titleIn(i.opportunity, ctx.locale)),
        hours: i.hours,
        people: i.peopleHelped,
      }),
    );
  }
  await showScreen(ctx, lines.join('\n'), new InlineKeyboard().text(ctx.t('volunteering:back'), volunteerHome.encode()));
}

export function createVolunteerFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.command('volunteer', showHome);
  pm.callbackQuery(volunteerHome.pattern, (ctx) => onButton(ctx, () => showHome(ctx)));
  pm.callbackQuery(signUp.pattern, (ctx) => enterFlowFromScreen(ctx, 'volunteer-signup'));
  pm.callbackQuery(opportunitiesPage.pattern, (ctx) => onButton(ctx, () => showOpportunities(ctx, opportunitiesPage.decode(ctx.callbackQuery.data)!.offset)));
  pm.callbackQuery(myApplicationsPage.pattern, (ctx) => onButton(ctx, () => showMine(ctx, myApplicationsPage.decode(ctx.callbackQuery.data)!.offset)));
  pm.callbackQuery(volunteerRecord.pattern, (ctx) => onButton(ctx, () => showRecord(ctx)));
  pm.callbackQuery(openOpportunity.pattern, (ctx) => onButton(ctx, () => showOpportunity(ctx, openOpportunity.decode(ctx.callbackQuery.data)!.opportunityId)));

  pm.callbackQuery(applyTo.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { opportunityId } = applyTo.decode(ctx.callbackQuery.data)!;
      const r = await ctx.services.volunteering.applications.apply(citizenId, opportunityId);
      await showOpportunity(ctx, opportunityId);
      await ctx.reply(ctx.t(`volunteering:apply.${r.state}`, { position: r.position ?? '' }), { reply_markup: mainMenu(ctx) });
    }),
  );
  // Withdrawing costs the place (re-applying goes to the end of the queue), so it is asked once more.
  pm.callbackQuery(withdrawFrom.pattern, (ctx) =>
    onButton(ctx, () => {
      const { opportunityId } = withdrawFrom.decode(ctx.callbackQuery.data)!;
      return showScreen(
        ctx,
        ctx.t('volunteering:cancel.sure'),
        new InlineKeyboard()
          .text(ctx.t('volunteering:cancel.yes'), withdrawSure.encode({ opportunityId }))
          .text(ctx.t('volunteering:cancel.no'), openOpportunity.encode({ opportunityId })),
      );
    }),
  );
  pm.callbackQuery(withdrawSure.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { opportunityId } = withdrawSure.decode(ctx.callbackQuery.data)!;
      await ctx.services.volunteering.applications.cancel(citizenId, opportunityId);
      await showOpportunity(ctx, opportunityId);
      await ctx.reply(ctx.t('volunteering:cancel.done'), { reply_markup: mainMenu(ctx) });
    }),
  );
  pm.callbackQuery(confirmAttendance.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { applicationId, answer } = confirmAttendance.decode(ctx.callbackQuery.data)!;
      const tookPart = answer === 'y';
      await ctx.services.volunteering.applications.confirm(citizenId, applicationId, tookPart);
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(ctx.t(tookPart ? 'volunteering:confirm.thanks' : 'volunteering:confirm.noted'), { reply_markup: mainMenu(ctx) });
    }),
  );
  pm.callbackQuery(announcements.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      await ctx.services.volunteering.profiles.setAnnouncements(citizenId, announcements.decode(ctx.callbackQuery.data)!.to === 'on');
      await showHome(ctx);
    }),
  );

  return {
    name: 'volunteer',
    composer,
    flows: [{ id: 'volunteer-signup', version: 2, builder: volunteerSignupConversation }],
    menu: [{ key: 'volunteer', order: 31, labelKey: 'common:menu.volunteer', open: showHome }],
    commands: [{ command: 'volunteer', descriptionKey: 'volunteering:commands.volunteer', order: 40 }],
  };
}
