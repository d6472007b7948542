// Offers (core/offers/button.ts) as grammY inline keyboards, for the bot's own screens.
import { InlineKeyboard } from 'grammy';
import type { Offer, Offers } from '../../core/offers/button.ts';

/** Rows of offers as an inline keyboard. */
export const keyboardOf = (offers: Offers): InlineKeyboard => InlineKeyboard.from(offers.map((row) => row.map((o) => InlineKeyboard.text(o.label, o.data))));

/** Offers in rows of `cols`, with no empty trailing row (Telegram refuses those). */
export function grid(offers: Offer[], cols = 2): InlineKeyboard {
  const rows: Offer[][] = [];
  offers.forEach((o, i) => {
    if (i % cols === 0) rows.push([]);
    rows.at(-1)!.push(o);
  });
  return keyboardOf(rows);
}
