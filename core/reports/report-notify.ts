// Status notices to the author and followers, each in their own language, through the outbox
// in the same transaction as the change.
import type { i18n } from 'i18next';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import { enqueueMessage, type OutgoingMessage } from '../outbox/outbox-repository.ts';
import type { Offers } from '../offers/button.ts';
import { statusIcon } from './report-status.ts';
import { toLocale } from '../i18n/i18n.ts';
import { reachable } from '../citizens/citizen-service.ts';

export interface NoticeInput {
  reportId: number;
  number: string;
  status: ReportStatus;
  publicNote: string | null;
  /** the same note in each language, when it came from a template */
  publicNoteByLocale?: Partial<Record<'kk' | 'ru', string>>;
  /** ReportEvent id, so a retry of the same change never enqueues twice */
  eventId: number;
  /** buttons for the author only, e.g. "fixed / not fixed" after resolution */
  authorOffers?: (t: (key: string) => string) => Offers;
  /** someone who made the change themselves and needs no message about it */
  skipCitizenId?: number;
}

/** Someone who hears about a report. */
export interface Listener {
  citizenId: number;
  telegramId: bigint;
  locale: string;
  isAuthor: boolean;
}

/** Everyone who hears about a report: the author (unless erased) and active followers. */
export async function audience(tx: Tx, reportId: number): Promise<Listener[]> {
  const report = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } },
      followers: { select: { citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } } } },
    },
  });
  return listeners(
    report.citizen,
    report.followers.map((f) => f.citizen),
  );
}

/** The notices of a status change, one per person who hears of it (dedupe keys still to add: they need the event's id). */
export function statusNotices(
  i18n: i18n,
  n: Omit<NoticeInput, 'eventId' | 'reportId'>,
  audience: Listener[],
): Array<Omit<OutgoingMessage, 'dedupeKey'> & { citizenId: number }> {
  return audience
    .filter((p) => p.citizenId !== n.skipCitizenId)
    .map((p) => {
      const locale = toLocale(p.locale);
      const t = i18n.getFixedT(locale);
      const note = n.publicNoteByLocale?.[locale] ?? n.publicNote;
      const lines = [
        t('reports:notice.title', { number: n.number }),
        `${statusIcon(n.status)} ${t(`reports:status.${n.status}`)}`,
        ...(note ? ['', note] : []),
        ...(p.isAuthor ? [] : ['', t('reports:notice.you_follow')]),
      ];
      const offers = p.isAuthor && n.authorOffers ? n.authorOffers((k) => t(k)) : undefined;
      return { chatId: p.telegramId, citizenId: p.citizenId, kind: 'report.status', text: lines.join('\n'), offers };
    });
}

/**
 * The dedupe key of a notice about a report's event: a retry of the same change never enqueues twice. SQL that
 * enqueues such notices itself builds it from the prefix (report-status-sql.ts).
 */
export const EVENT_NOTICE_PREFIX = 'report-event:';
export const eventNoticeKey = (eventId: number | bigint, citizenId: number) => `${EVENT_NOTICE_PREFIX}${eventId}:${citizenId}`;

export async function notifyStatus(tx: Tx, i18n: i18n, n: NoticeInput): Promise<number> {
  const notices = statusNotices(i18n, n, await audience(tx, n.reportId));
  for (const m of notices) await enqueueMessage(tx, { ...m, dedupeKey: eventNoticeKey(n.eventId, m.citizenId) });
  return notices.length;
}

/** Who hears of a report, from rows read elsewhere (the author first, then followers; unreachable and repeated people left out). */
export function listeners(author: AudienceCitizen | null, followers: AudienceCitizen[]): Listener[] {
  const people = new Map<number, Listener>();
  const add = (c: AudienceCitizen | null, isAuthor: boolean) => {
    if (!reachable(c) || people.has(c.id)) return;
    people.set(c.id, { citizenId: c.id, telegramId: c.telegramId, locale: c.locale, isAuthor });
  };
  add(author, true);
  for (const f of followers) add(f, false);
  return [...people.values()];
}

interface AudienceCitizen {
  id: number;
  telegramId: bigint;
  locale: string;
  consentAt: Date | null;
}
