// The author of a public comment hears each moderation step in their own language, through the outbox, in the
// transaction of the change (so a rolled-back decision is never announced).
import type { i18n } from 'i18next';
import { reachable } from '../citizens/citizen-service.ts';
import type { Tx } from '../db/tx.ts';
import { toLocale } from '../i18n/i18n.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import { clip } from '../text.ts';

export type CommentNotice = 'hidden' | 'removed' | 'restored';

interface Authored {
  id: number;
  text: string;
  citizen: { id: number; telegramId: bigint; locale: string; consentAt: Date | null } | null;
  report: { number: string } | null;
  initiative?: { title: string } | null;
}

export async function tellCommentAuthor(tx: Tx, i18n: i18n, c: Authored, what: CommentNotice, at: Date, note?: string | null): Promise<void> {
  if (!reachable(c.citizen)) return;
  const t = i18n.getFixedT(toLocale(c.citizen.locale));
  // A comment on a civic initiative names the initiative instead of a report number.
  const text =
    (c.report
      ? t(`comments:notice.${what}`, { number: c.report.number, text: clip(c.text, 200) })
      : t(`comments:notice_initiative.${what}`, { title: clip(c.initiative?.title ?? '', 120), text: clip(c.text, 200) })) +
    (note ? `\n\n${t('comments:notice.moderator_note', { note })}` : '');
  await enqueueMessage(tx, {
    chatId: c.citizen.telegramId,
    citizenId: c.citizen.id,
    kind: 'comment.moderation',
    text,
    dedupeKey: `comment:${c.id}:${what}:${at.getTime()}`,
    notBefore: at,
  });
}
