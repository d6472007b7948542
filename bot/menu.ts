// What the installed features offer together: the main menu (a persistent reply keyboard, the easiest
// thing to tap on a small phone), the deep links and the commands. Built once by createBot and put on
// every context, so a feature reaches the others' entries without importing them.
import { Keyboard } from 'grammy';
import type { i18n } from 'i18next';
import { LOCALES, type TFunction } from '../core/i18n/i18n.ts';
import type { BotContext } from './context.ts';
import type { CommandEntry, Feature, MenuEntry } from './features.ts';

export interface BotCatalog {
  /** the main menu's rows, in order */
  rows: MenuEntry[][];
  /** a label in any language → its entry, so a button works whatever language it was shown in */
  byLabel: Map<string, MenuEntry>;
  /** deep-link prefix → handler */
  deepLinks: Map<string, (ctx: BotContext, rest: string) => Promise<unknown>>;
  /** every published command, in order (Telegram's command menu and /help) */
  commands: CommandEntry[];
  /** the features' own parts of /mydata, in the features' order */
  myData: Array<(ctx: BotContext) => Promise<unknown>>;
}

export function buildCatalog(features: readonly Feature[], i18n: i18n): BotCatalog {
  const entries = features.flatMap((f) => f.menu ?? []).sort((a, b) => a.order - b.order);
  const rows = new Map<number, MenuEntry[]>();
  for (const e of entries) {
    const row = Math.floor(e.order / 10);
    rows.set(row, [...(rows.get(row) ?? []), e]);
  }
  const byLabel = new Map<string, MenuEntry>();
  for (const lng of LOCALES) for (const e of entries) byLabel.set(i18n.getFixedT(lng)(e.labelKey), e);
  return {
    rows: [...rows.values()],
    byLabel,
    deepLinks: new Map(features.flatMap((f) => Object.entries(f.deepLinks ?? {}))),
    commands: commandList(features),
    myData: features.flatMap((f) => (f.myData ? [f.myData] : [])),
  };
}

/** The commands Telegram's command menu and /help list, in order. */
export function commandList(features: readonly Feature[]): CommandEntry[] {
  return features.flatMap((f) => f.commands ?? []).sort((a, b) => a.order - b.order);
}

export function mainMenu(ctx: { t: TFunction; catalog: BotCatalog }): Keyboard {
  const kb = new Keyboard();
  for (const row of ctx.catalog.rows) {
    for (const entry of row) kb.text(ctx.t(entry.labelKey));
    kb.row();
  }
  return kb.resized().persistent();
}

/** "This link is not known", with the main menu. */
export const unknownLink = (ctx: BotContext) => ctx.reply(ctx.t('common:link_unknown'), { reply_markup: mainMenu(ctx) });

/** A deep link's handler that opens what `rest` names (a number or id matching `re`); any other rest is an unknown link. */
export const deepLinkTo =
  (re: RegExp, open: (ctx: BotContext, rest: string) => Promise<unknown>) =>
  (ctx: BotContext, rest: string): Promise<unknown> =>
    re.test(rest) ? open(ctx, rest) : unknownLink(ctx);

/** A deep link naming a record by its id (`in_12`, `topic_7`). */
export const deepLinkToId = (open: (ctx: BotContext, id: number) => Promise<unknown>) => deepLinkTo(/^\d{1,9}$/, (ctx, id) => open(ctx, Number(id)));
