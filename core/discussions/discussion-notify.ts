// Messages about discussions, each in its reader's language, through the outbox in the caller's transaction
// and due from the moment of their cause (the services' clock): new topics to subscribers, review results and
// moderation to comment authors. Who hears of an overdue review: the body's project managers.
import type { i18n, TFunction } from 'i18next';
import type { Citizen, DiscussionComment, StaffUser } from '../../generated/prisma/client.ts';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import { toLocale } from '../i18n/i18n.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import type { Offers } from '../offers/button.ts';
import { openTopic } from './discussions-buttons.ts';
import { localName } from '../reference/reference-service.ts';
import { activeWithRole } from '../staff/staff-messages.ts';
import { decisionText, inLocale, placeOf, type NamedTopic } from './topic-text.ts';
import { clip } from '../text.ts';
import { reachable } from '../citizens/citizen-service.ts';

type Reader = Pick<Citizen, 'id' | 'telegramId' | 'locale' | 'consentAt'>;
const citizenT = (i18n: i18n, c: Reader) => i18n.getFixedT(toLocale(c.locale));
/** Erased citizens (no consent, a negative id standing in for the Telegram one) hear nothing. */

/** The button that opens a topic in the bot (bot/discussions/topics.ts). */
const openTopicOffers = (t: TFunction, topicId: number): Offers => [[openTopic.offer(t('discussions:notice.open'), { topicId })]];

/**
 * Citizens who asked to hear of topics like this one: subscribed to something, and neither their areas nor
 * their regions rule it out (a national topic suits every region). The same test as the bot's list.
 */
async function subscribersOf(tx: Tx, topic: NamedTopic): Promise<Reader[]> {
  const areaOk = { OR: [{ areaSubscriptions: { none: {} } }, { areaSubscriptions: { some: { areaId: topic.areaId } } }] };
  const regionOk =
    topic.regionId === null ? {} : { OR: [{ regionSubscriptions: { none: {} } }, { regionSubscriptions: { some: { regionId: topic.regionId } } }] };
  return tx.citizen.findMany({
    where: {
      consentAt: { not: null },
      active: true,
      telegramId: { gt: 0n },
      OR: [{ areaSubscriptions: { some: {} } }, { regionSubscriptions: { some: {} } }],
      AND: [areaOk, regionOk],
    },
    select: { id: true, telegramId: true, locale: true, consentAt: true },
    orderBy: { id: 'asc' },
  });
}

/** Announces a newly published topic, at most once per citizen and topic (the dedupe key). */
export async function announceTopic(tx: Tx, i18n: i18n, topic: NamedTopic, at: Date): Promise<number> {
  const people = await subscribersOf(tx, topic);
  for (const c of people) {
    const locale = toLocale(c.locale);
    const t = citizenT(i18n, c);
    const text = t('discussions:notice.announce', {
      title: inLocale(topic, 'title', locale),
      body: localName(topic.stateBody, locale),
      area: localName(topic.area, locale),
      place: placeOf(t, topic, locale),
      end: formatLocalDateTime(topic.endsAt!),
    });
    await enqueueMessage(tx, {
      chatId: c.telegramId,
      citizenId: c.id,
      kind: 'discussion.announce',
      text,
      offers: openTopicOffers(t, topic.id),
      dedupeKey: `topic-announce:${topic.id}:${c.id}`,
      notBefore: at,
    });
  }
  return people.length;
}

type AuthoredComment = DiscussionComment & { citizen: Reader | null };

/** One message per author with the decision and reason on each of their comments; returns the authors told. */
export async function notifyReviewResults(tx: Tx, i18n: i18n, topic: NamedTopic, comments: AuthoredComment[], at: Date): Promise<number> {
  const byAuthor = new Map<number, AuthoredComment[]>();
  for (const c of comments) {
    if (!reachable(c.citizen)) continue;
    byAuthor.set(c.citizen.id, [...(byAuthor.get(c.citizen.id) ?? []), c]);
  }
  for (const [citizenId, own] of byAuthor) {
    const reader = own[0]!.citizen!;
    const locale = toLocale(reader.locale);
    const t = citizenT(i18n, reader);
    const items = own.map((c, i) => `${i + 1}) «${clip(c.text, 200)}»\n${decisionText(t, c.decision, c.decisionReason, 'notice')}`);
    const text = [t('discussions:notice.review', { title: inLocale(topic, 'title', locale), body: localName(topic.stateBody, locale) }), '', ...items].join(
      '\n\n',
    );
    await enqueueMessage(tx, {
      chatId: reader.telegramId,
      citizenId,
      kind: 'discussion.review',
      text: clip(text, 4000),
      offers: openTopicOffers(t, topic.id),
      dedupeKey: `discussion-review:${topic.id}:${citizenId}`,
      notBefore: at,
    });
  }
  return byAuthor.size;
}

export type ModerationNotice = 'hidden' | 'restored' | 'removed';

/** Tells a comment's author that it was hidden for flags, restored, or removed by a moderator. */
export async function tellCommentAuthor(
  tx: Tx,
  i18n: i18n,
  comment: AuthoredComment,
  topic: NamedTopic,
  what: ModerationNotice,
  at: Date,
  note?: string | null,
): Promise<void> {
  if (!reachable(comment.citizen)) return;
  const locale = toLocale(comment.citizen.locale);
  const t = citizenT(i18n, comment.citizen);
  const text =
    t(`discussions:notice.${what}`, { title: inLocale(topic, 'title', locale), text: clip(comment.text, 200) }) +
    (note ? `\n\n${t('discussions:notice.moderator_note', { note })}` : '');
  await enqueueMessage(tx, {
    chatId: comment.citizen.telegramId,
    citizenId: comment.citizen.id,
    kind: `discussion.comment_${what}`,
    text,
    dedupeKey: `discussion-moderation:${comment.id}:${what}:${at.getTime()}`,
    notBefore: at,
  });
}

export type TopicStaffNoticeKind = 'discussion.review_overdue' | 'discussion.review_escalated';

/** Active project managers of the topic's body, and those tied to no body (they manage every body's). */
export async function topicManagers(tx: Tx, stateBodyId: number): Promise<StaffUser[]> {
  return (await activeWithRole(tx, 'project_manager')).filter((s) => s.stateBodyId === null || s.stateBodyId === stateBodyId);
}
