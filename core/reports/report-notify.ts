// Status notices to the author and followers, each in their own language, through the outbox
// in the same transaction as the change.
import type { i18n } from 'i18next';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
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

/** Everyone who hears about a report: the author (unless erased) and active followers. */
export async function audience(tx: Tx, reportId: number): Promise<Array<{ citizenId: number; telegramId: bigint; locale: string; isAuthor: boolean }>> {
  const report = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } },
      followers: { select: { citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } } } },
    },
  });
  const people = new Map<number, { citizenId: number; telegramId: bigint; locale: string; isAuthor: boolean }>();
  const add = (c: { id: number; telegramId: bigint; locale: string; consentAt: Date | null } | null, isAuthor: boolean) => {
    if (!reachable(c) || people.has(c.id)) return;
    people.set(c.id, { citizenId: c.id, telegramId: c.telegramId, locale: c.locale, isAuthor });
  };
  add(report.citizen, true);
  for (const f of report.followers) add(f.citizen, false);
  return [...people.values()];
}

export async function notifyStatus(tx: Tx, i18n: i18n, n: NoticeInput): Promise<number> {
  const people = (await audience(tx, n.reportId)).filter((p) => p.citizenId !== n.skipCitizenId);
  for (const p of people) {
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
    await enqueueMessage(tx, {
      chatId: p.telegramId,
      citizenId: p.citizenId,
      kind: 'report.status',
      text: lines.join('\n'),
      offers,
      dedupeKey: `report-event:${n.eventId}:${p.citizenId}`,
    });
  }
  return people.length;
}
