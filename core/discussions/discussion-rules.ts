// The timing and limits of a public discussion. DOMAIN.md § "Public discussion of proposed topics" (seed 003,
// Rules ch. 2): "Discussion lasts at least 10 working days from posting. Comments received after the end are
// not considered." and "Within 3 working days after the end, the body accepts or rejects every comment with
// reasons, then publishes the Annex 2 report". Working days follow the configurable Kazakhstan calendar.
import type { DiscussionStatus } from '../../generated/prisma/enums.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';

export const MIN_DISCUSSION_WORKING_DAYS = 10;
const REVIEW_WORKING_DAYS = 3;
/** working days past the review's due time before the admins hear of it (the managers hear at once) */
export const REVIEW_ESCALATION_WORKING_DAYS = 2;

export const COMMENT_MIN = 10;
export const COMMENT_MAX = 3000;
export const AUTHOR_NAME_MIN = 2;
export const AUTHOR_NAME_MAX = 200;
export const ORGANISATION_MAX = 300;
export const REASON_MAX = 2000;
export const MODERATION_NOTE_MAX = 500;
export const DEFAULT_FLAGS_TO_HIDE = 3;

/** The earliest end a discussion published at `publishedAt` may have: 10 working days later, to the minute. */
export function earliestEnd(cal: WorkingCalendar, publishedAt: Date): Date {
  return cal.addWorkingDays(publishedAt, MIN_DISCUSSION_WORKING_DAYS);
}

/** When the review of a discussion ending at `endsAt` is due. */
export function reviewDueAfter(cal: WorkingCalendar, endsAt: Date): Date {
  return cal.addWorkingDays(endsAt, REVIEW_WORKING_DAYS);
}

/**
 * Whether a comment arriving at `at` is considered. The clock decides, not the status the job sets, so a
 * comment one minute after the end is refused even if the closing job has not run yet.
 */
export function acceptsComments(topic: { status: DiscussionStatus; endsAt: Date | null }, at: Date): boolean {
  return topic.status === 'open' && topic.endsAt !== null && at.getTime() < topic.endsAt.getTime();
}

/** The discussion's end has passed (whatever the status says): comments are over, the review may start. */
export function hasEnded(topic: { status: DiscussionStatus; endsAt: Date | null }, at: Date): boolean {
  return (
    topic.status === 'closed' || topic.status === 'reviewed' || (topic.status === 'open' && topic.endsAt !== null && at.getTime() >= topic.endsAt.getTime())
  );
}

/** Whole days left, rounded up: a discussion ending in three hours has 1 day left (the bot and the portal say the same). */
export const daysLeft = (endsAt: Date, now: Date) => Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / 86_400_000));

/** A comment a moderator removed (hidden after a decision) is kept but is no part of the discussion's record. */
export const isRemoved = (c: { hidden: boolean; moderatedAt: Date | null }) => c.hidden && c.moderatedAt !== null;
/** Hidden by citizens' flags, waiting for a moderator. */
export const isPendingModeration = (c: { hidden: boolean; moderatedAt: Date | null }) => c.hidden && c.moderatedAt === null;
