// The invitation to a wave and the one reminder, each in the citizen's own language, with the button
// that starts the poll in the bot (bot/polls/poll.ts answers `startPoll` outside any conversation).
import type { i18n } from 'i18next';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import { type Locale, toLocale } from '../i18n/i18n.ts';
import type { Tx } from '../db/tx.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import { startLink } from '../projects/project-invite.ts';
import { esc } from '../text.ts';
import { startPoll } from './polls-buttons.ts';

export type PollNotice = 'invite' | 'reminder';

export interface NoticeWave {
  id: number;
  labelKk: string;
  labelRu: string;
  opensAt: Date;
  closesAt: Date;
  poll: { titleKk: string; titleRu: string; anonymous: boolean; project: { nameKk: string; nameRu: string } };
}

export const POLL_LINK_PREFIX = 'poll';
export const startPayloadOf = (inviteCode: string) => `${POLL_LINK_PREFIX}_${inviteCode}`;
/** The wave's invitation link; null while no bot username is known (BOT_USERNAME unset, bot not running here). */
export const pollInviteLink = (username: string | null | undefined, inviteCode: string): string | null =>
  username ? startLink(username, startPayloadOf(inviteCode)) : null;
export const dedupeKeyOf = (notice: PollNotice, waveId: number, beneficiaryId: number) => `polls:${notice}:${waveId}:${beneficiaryId}`;

export function noticeText(i18n: i18n, locale: Locale, notice: PollNotice, w: NoticeWave, questions: number): string {
  const t = i18n.getFixedT(locale);
  const kk = locale === 'kk';
  return t(`polls:${notice}.text`, {
    project: esc(kk ? w.poll.project.nameKk : w.poll.project.nameRu),
    title: esc(kk ? w.poll.titleKk : w.poll.titleRu),
    wave: esc(kk ? w.labelKk : w.labelRu),
    closes: formatLocalDateTime(w.closesAt),
    questions,
    anonymous: w.poll.anonymous ? t('polls:invite.anonymous') : '',
  });
}

/**
 * Enqueues the notice in the caller's transaction and returns the outbox row's id. The dedupe key
 * names the wave and the beneficiary, so a repeated run, a second instance or a restart never sends
 * it twice: the second enqueue finds the first row.
 */
export async function enqueueNotice(
  tx: Tx,
  i18n: i18n,
  notice: PollNotice,
  w: NoticeWave,
  to: { beneficiaryId: number; citizenId: number; telegramId: bigint; locale: string },
  questions: number,
  at: Date,
): Promise<number> {
  const locale: Locale = toLocale(to.locale);
  const dedupeKey = dedupeKeyOf(notice, w.id, to.beneficiaryId);
  const outboxId = await enqueueMessage(tx, {
    chatId: to.telegramId,
    citizenId: to.citizenId,
    kind: `poll.${notice}`,
    text: noticeText(i18n, locale, notice, w, questions),
    html: true,
    offers: [[startPoll.offer(i18n.getFixedT(locale)('polls:invite.button'), { waveId: w.id })]],
    dedupeKey,
    // a wave announced ahead of its opening goes out when it opens
    notBefore: w.opensAt > at ? w.opensAt : at,
  });
  return Number(outboxId);
}
