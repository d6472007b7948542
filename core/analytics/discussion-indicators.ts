// Public-discussion indicators (DOMAIN.md § Public discussion; Rules ch. 2) for topics in scope (a
// topic has a region, national ones none, and one of the 19 areas):
//   • topics published in the period; comments made in the period (not those a moderator removed, as the
//     topic's own counts) and their distinct authors (a citizen once, an author without a bot account by name);
//   • acceptance rate: accepted or partly accepted among the period's comments that have a decision;
//   • reviews on time: topics whose review (3 working days after the end) fell due in the period, up to
//     now, and how many were reviewed by then.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { filterSql, num, Params, rows, share, unapplied, type AnalyticsFilter, type AnalyticsQuery, type Dimensions } from './analytics-scope.ts';

export const TOPIC_DIMENSIONS: Dimensions = { region: 't."regionId"', area: 't."areaId"' };

export interface DiscussionIndicators {
  topicsPublished: number;
  comments: number;
  participants: number;
  decided: number;
  accepted: number;
  partlyAccepted: number;
  rejected: number;
  acceptanceRate: number | null;
  reviewsDue: number;
  reviewsOnTime: number;
  reviewsOnTimeShare: number | null;
  notApplied: Array<keyof AnalyticsFilter>;
}

export async function discussionIndicators(prisma: PrismaClient, q: AnalyticsQuery, now: Date): Promise<DiscussionIndicators> {
  const p = new Params();
  const from = p.add(q.period.from);
  const to = p.add(q.period.to);
  const scope = filterSql(q, TOPIC_DIMENSIONS, p);
  const nowP = p.add(now);
  const [r] = await rows<Record<string, number>>(
    prisma,
    `SELECT
       (SELECT count(*)::int FROM "DiscussionTopic" t WHERE t."publishedAt" >= ${from} AND t."publishedAt" < ${to} AND ${scope}) AS topics,
       (SELECT count(*)::int FROM "DiscussionTopic" t WHERE t."reviewDueAt" >= ${from} AND t."reviewDueAt" < ${to} AND t."reviewDueAt" <= ${nowP} AND ${scope}) AS reviews_due,
       (SELECT count(*)::int FROM "DiscussionTopic" t WHERE t."reviewDueAt" >= ${from} AND t."reviewDueAt" < ${to} AND t."reviewDueAt" <= ${nowP}
          AND t."reviewedAt" IS NOT NULL AND t."reviewedAt" <= t."reviewDueAt" AND ${scope}) AS reviews_on_time,
       c.*
     FROM (
       SELECT count(*)::int AS comments,
              count(DISTINCT coalesce('c' || k."citizenId"::text, 'n' || k."authorName"))::int AS participants,
              count(k.decision)::int AS decided,
              count(*) FILTER (WHERE k.decision = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE k.decision = 'partly_accepted')::int AS partly,
              count(*) FILTER (WHERE k.decision = 'rejected')::int AS rejected
       FROM "DiscussionComment" k JOIN "DiscussionTopic" t ON t.id = k."topicId"
       WHERE k."createdAt" >= ${from} AND k."createdAt" < ${to} AND NOT k.hidden AND ${scope}
     ) c`,
    p,
  );
  const decided = num(r?.decided);
  return {
    topicsPublished: num(r?.topics),
    comments: num(r?.comments),
    participants: num(r?.participants),
    decided,
    accepted: num(r?.accepted),
    partlyAccepted: num(r?.partly),
    rejected: num(r?.rejected),
    acceptanceRate: share(num(r?.accepted) + num(r?.partly), decided),
    reviewsDue: num(r?.reviews_due),
    reviewsOnTime: num(r?.reviews_on_time),
    reviewsOnTimeShare: share(num(r?.reviews_on_time), num(r?.reviews_due)),
    notApplied: unapplied(q, TOPIC_DIMENSIONS),
  };
}
