// Messages to volunteers, each in the volunteer's own language and through the outbox in the caller's
// transaction, so a message exists exactly when its cause does; a dedupe key makes each one once-only.
import type { i18n, TFunction } from 'i18next';
import type { Tx } from '../db/tx.ts';
import { type Locale, toLocale } from '../i18n/i18n.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import type { Offers } from '../offers/button.ts';
import { confirmAttendance, openOpportunity } from './volunteering-buttons.ts';
import { opportunityCard, type PlacedOpportunity } from './volunteer-text.ts';
import { reachable } from '../citizens/citizen-service.ts';

export interface VolunteerMessage {
  /** e.g. 'volunteer.approved' */
  kind: string;
  dedupeKey: string;
  /** the cause's time (the services' clock): the message is due from then */
  at: Date;
  text: (t: TFunction, locale: Locale) => string;
  offers?: (t: TFunction) => Offers;
}

/** The buttons the bot answers outside any conversation (bot/volunteering/volunteer.ts). */
export const openOffers = (t: TFunction, opportunityId: number): Offers => [[openOpportunity.offer(t('volunteering:notice.open'), { opportunityId })]];
const confirmOffers = (t: TFunction, applicationId: number): Offers => [
  [
    confirmAttendance.offer(t('volunteering:confirm.yes'), { applicationId, answer: 'y' }),
    confirmAttendance.offer(t('volunteering:confirm.no'), { applicationId, answer: 'n' }),
  ],
];

/** Enqueues one message to a citizen unless they erased their data; returns whether it was enqueued. */
export async function tellVolunteer(tx: Tx, i18n: i18n, citizenId: number, m: VolunteerMessage): Promise<boolean> {
  const c = await tx.citizen.findUnique({ where: { id: citizenId }, select: { telegramId: true, locale: true, consentAt: true } });
  if (!reachable(c)) return false;
  const locale: Locale = toLocale(c.locale);
  const t = i18n.getFixedT(locale);
  await enqueueMessage(tx, {
    chatId: c.telegramId,
    citizenId,
    kind: m.kind,
    text: m.text(t, locale),
    html: true,
    offers: m.offers?.(t),
    dedupeKey: m.dedupeKey,
    notBefore: m.at,
  });
  return true;
}

/** A headline from volunteer.json above the opportunity's card. */
export const withCard =
  (key: string, o: PlacedOpportunity, params: Record<string, unknown> = {}) =>
  (t: TFunction, locale: Locale) =>
    `${t(`volunteering:notice.${key}`, params)}\n\n${opportunityCard(t, locale, o)}`;

export type ApplicationNotice =
  'approved' | 'declined' | 'waitlisted' | 'promoted' | 'cancelled_event' | 'reminder_day' | 'reminder_soon' | 'ask_confirm' | 'attended' | 'changed';

/**
 * A notice about one application. `occurrence` tells repeated causes apart (a second decision, a new
 * start time): the same application, notice and occurrence are enqueued at most once.
 */
export function applicationNotice(
  tx: Tx,
  i18n: i18n,
  at: Date,
  a: { id: number; citizenId: number },
  o: PlacedOpportunity,
  key: ApplicationNotice,
  occurrence: string | number,
  params: Record<string, unknown> = {},
) {
  const asksConfirmation = key === 'ask_confirm' || key === 'attended';
  return tellVolunteer(tx, i18n, a.citizenId, {
    kind: `volunteer.${key}`,
    dedupeKey: `volunteering:${key}:${a.id}:${occurrence}`,
    at,
    text: withCard(key, o, params),
    offers: asksConfirmation ? (t) => confirmOffers(t, a.id) : key === 'cancelled_event' || key === 'declined' ? undefined : (t) => openOffers(t, o.id),
  });
}
