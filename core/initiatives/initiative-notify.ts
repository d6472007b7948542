// Who hears what about an initiative, each in their own language, through the outbox in the transaction of the
// change (a rolled-back decision is never announced); a dedupe key per event and citizen makes each once-only.
// The author hears moderators' decisions; the author, followers and supporters (and, when it is implemented,
// the volunteers who attended its events) hear its news.
import type { i18n, TFunction } from 'i18next';
import { reachable } from '../citizens/citizen-service.ts';
import type { Tx } from '../db/tx.ts';
import { type Locale, toLocale } from '../i18n/i18n.ts';
import type { Offers } from '../offers/button.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import { clip } from '../text.ts';
import { editInitiative, openInitiative, rateInitiative, satisfactionInitiative } from './initiative-buttons.ts';
import { SATISFACTION } from '../polls/poll-rules.ts';

export type DecisionNotice = 'published' | 'returned' | 'rejected';
export type NewsNotice = 'taken' | 'update' | 'implemented' | 'closed';

interface Reader {
  id: number;
  telegramId: bigint;
  locale: string;
  consentAt: Date | null;
}

async function send(
  tx: Tx,
  i18n: i18n,
  c: Reader,
  kind: string,
  dedupeKey: string,
  at: Date,
  text: (t: TFunction, l: Locale) => string,
  offers?: (t: TFunction) => Offers,
) {
  if (!reachable(c)) return;
  const locale = toLocale(c.locale);
  const t = i18n.getFixedT(locale);
  await enqueueMessage(tx, { chatId: c.telegramId, citizenId: c.id, kind, text: text(t, locale), offers: offers?.(t), dedupeKey, notBefore: at });
}

/** The reason as the author reads it: the code's label, then the moderator's note. */
export const reasonText = (t: TFunction, code: string, note: string | null) => `${t(`initiatives:reason.${code}`)}${note ? `. ${note}` : ''}`;

/** A moderator's decision, to the author in their language (returned: «✏️ Edit»; published: «open»). */
export async function tellAuthor(
  tx: Tx,
  i18n: i18n,
  ini: { id: number; title: string; citizen: Reader | null },
  what: DecisionNotice,
  eventId: number,
  at: Date,
  reason?: { code: string; note: string | null },
): Promise<void> {
  if (!ini.citizen) return;
  await send(
    tx,
    i18n,
    ini.citizen,
    'initiative.decision',
    `initiative-event:${eventId}:${ini.citizen.id}`,
    at,
    (t) =>
      t(`initiatives:notice.${what}`, { title: clip(ini.title, 120), reason: reason ? reasonText(t, reason.code, reason.note) : '' }) +
      (what === 'rejected' && reason?.code === 'not_initiative' ? `\n\n${t('initiatives:notice.report_instead')}` : ''),
    (t) =>
      what === 'returned'
        ? [[editInitiative.offer(t('initiatives:button.edit'), { initiativeId: ini.id })]]
        : what === 'published'
          ? [[openInitiative.offer(t('initiatives:button.open'), { initiativeId: ini.id })]]
          : [],
  );
}

/**
 * News of an initiative to its author, followers and supporters (and `extra` citizens, e.g. volunteers who
 * attended), each once. `params(locale)` gives the texts staff wrote in kk and ru; "implemented" carries the
 * 1–5 rating buttons.
 */
export async function tellNews(
  tx: Tx,
  i18n: i18n,
  ini: { id: number; title: string; citizenId: number | null },
  what: NewsNotice,
  eventId: number,
  at: Date,
  params: (locale: Locale, t: TFunction) => Record<string, unknown>,
  extra: number[] = [],
): Promise<number> {
  const follows = await tx.initiativeFollower.findMany({ where: { initiativeId: ini.id }, select: { citizenId: true } });
  const ids = [...new Set([...(ini.citizenId ? [ini.citizenId] : []), ...follows.map((f) => f.citizenId), ...extra])];
  const readers = await tx.citizen.findMany({ where: { id: { in: ids } }, select: { id: true, telegramId: true, locale: true, consentAt: true } });
  for (const c of readers) {
    await send(
      tx,
      i18n,
      c,
      'initiative.news',
      `initiative-event:${eventId}:${c.id}`,
      at,
      (t, locale) => t(`initiatives:notice.${what}`, { title: clip(ini.title, 120), ...params(locale, t) }),
      what === 'implemented' ? () => rateOffers(ini.id) : (t) => [[openInitiative.offer(t('initiatives:button.open'), { initiativeId: ini.id })]],
    );
  }
  return readers.filter((c) => reachable(c)).length;
}

export const rateOffers = (initiativeId: number): Offers => [[1, 2, 3, 4, 5].map((score) => rateInitiative.offer(`${score} ⭐`, { initiativeId, score }))];

/** After a rating: the satisfaction question on the national scale, one answer per row. */
export const satisfactionOffers = (t: TFunction, initiativeId: number): Offers =>
  SATISFACTION.map((answer) => [satisfactionInitiative.offer(t(`polls:answer.${answer}`), { initiativeId, answer })]);
