// How an opportunity reads to a volunteer, in their language: the same card in the bot and in the
// messages the outbox sends (approval, reminders, announcements), so both always agree.
import type { TFunction } from 'i18next';
import type { District, Region, VolunteerOpportunity } from '../../generated/prisma/client.ts';
import { formatLocalDateTime, localDate } from '../calendar/local-time.ts';
import { localName } from '../reference/reference-service.ts';
import { esc } from '../text.ts';

export type PlacedOpportunity = VolunteerOpportunity & { region: Region; district: District | null };
export const PLACED = { region: true, district: true } as const;

/** Staff and volunteers type these texts; Telegram HTML needs three characters escaped. */

export const titleIn = (o: Pick<VolunteerOpportunity, 'titleKk' | 'titleRu'>, locale: string) => (locale === 'kk' ? o.titleKk : o.titleRu);
const descriptionIn = (o: VolunteerOpportunity, locale: string) =>
  (locale === 'kk' ? o.descriptionKk : o.descriptionRu) || (locale === 'kk' ? o.descriptionRu : o.descriptionKk);

/** "01.12.2026 10:00–14:00", or both ends in full when the event spans days. */
export function timeSpan(startsAt: Date, endsAt: Date): string {
  const end = formatLocalDateTime(endsAt);
  return `${formatLocalDateTime(startsAt)}–${localDate(startsAt) === localDate(endsAt) ? end.slice(-5) : end}`;
}

export function placeOf(o: PlacedOpportunity, locale: string): string {
  return [localName(o.region, locale), o.district ? localName(o.district, locale) : null, o.place].filter(Boolean).join(', ');
}

/** The card: title, organiser, time, place and, when known, the places left; the description if asked. */
export function opportunityCard(t: TFunction, locale: string, o: PlacedOpportunity, opts: { placesLeft?: number; description?: boolean } = {}): string {
  const lines = [
    `<b>${esc(titleIn(o, locale))}</b>`,
    t('volunteering:card.organiser', { name: esc(o.organiserName) }),
    t('volunteering:card.when', { when: timeSpan(o.startsAt, o.endsAt) }),
    t('volunteering:card.place', { place: esc(placeOf(o, locale)) }),
  ];
  if (opts.placesLeft !== undefined) lines.push(t('volunteering:card.places', { needed: o.needed, left: opts.placesLeft }));
  const description = descriptionIn(o, locale);
  if (opts.description && description) lines.push('', esc(description));
  return lines.join('\n');
}
