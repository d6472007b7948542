// Telling staff members about something (an overdue report or question, a hand-over): a StaffNotice row
// for the console in each person's own language and, for those with a linked Telegram account, the same
// text through the outbox, all in the caller's transaction so a notice exists exactly when its cause does.
import type { i18n, TFunction } from 'i18next';
import type { StaffUser } from '../../generated/prisma/client.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import { toLocale, type Locale } from '../i18n/i18n.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';

/** Staff accounts may say 'en'; staff texts exist in the two official languages, Russian otherwise. */

/**
 * Raw SQL because the PGlite driver adapter cannot bind Prisma's enum-array filters (DEVELOPERS.md);
 * the role is cast to the enum so the same statement runs on both databases.
 */
export async function activeWithRole(tx: Tx, role: StaffRole): Promise<StaffUser[]> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM "StaffUser" WHERE ${role}::"StaffRole" = ANY(roles) AND active`;
  if (rows.length === 0) return [];
  return tx.staffUser.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { id: 'asc' } });
}

export interface StaffMessage {
  /** e.g. 'report.overdue', 'question.handover' */
  kind: string;
  /** the report or question the notice is about: part of the Telegram copy's dedupe key */
  subjectId: number;
  /** shown by the console as a link to the report */
  reportId?: number | null;
  /** one occurrence of the cause (a due time, an event id): the Telegram copy is enqueued once per person and occurrence */
  occurrence: string | number;
  /** the whole text, in the recipient's language */
  text: (t: TFunction, locale: Locale) => string;
}

/** Writes the notices and enqueues the Telegram copies; returns how many people were told. */
export async function sendStaffMessage(tx: Tx, i18n: i18n, recipients: StaffUser[], m: StaffMessage): Promise<number> {
  for (const s of recipients) {
    const locale = toLocale(s.locale);
    const text = m.text(i18n.getFixedT(locale), locale);
    await tx.staffNotice.create({ data: { staffUserId: s.id, kind: m.kind, reportId: m.reportId ?? null, text } });
    if (s.telegramId != null) {
      await enqueueMessage(tx, {
        chatId: s.telegramId,
        kind: m.kind,
        text,
        dedupeKey: `${m.kind}:${m.subjectId}:${s.id}:${m.occurrence}`,
      });
    }
  }
  return recipients.length;
}
