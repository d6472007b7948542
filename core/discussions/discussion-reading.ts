// What a citizen reads of public discussion: the open topics that suit them, a topic with its public
// counts and latest comments, their own comments with the decisions once the review is done, and their
// subscriptions.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { CommentDecision, CommentStance, DiscussionStatus } from '../../generated/prisma/enums.ts';
import { notFound } from '../errors.ts';
import { acceptsComments } from './discussion-rules.ts';
import { TOPIC_NAMES, type NamedTopic } from './topic-text.ts';

export interface TopicListItem {
  id: number;
  titleKk: string;
  titleRu: string;
  endsAt: Date;
}

export interface PublicComment {
  id: number;
  authorName: string;
  organisation: string | null;
  text: string;
  stance: CommentStance | null;
  createdAt: Date;
  own: boolean;
}

export interface MyComment {
  id: number;
  topicId: number;
  titleKk: string;
  titleRu: string;
  topicStatus: DiscussionStatus;
  text: string;
  createdAt: Date;
  /** shown once the review is complete; until then staff may still change it */
  decision: CommentDecision | null;
  decisionReason: string | null;
  hidden: boolean;
}

/** Comments citizens see: visible ones, newest first. */
export const VISIBLE = { hidden: false } as const;
export const PUBLIC_STATUSES: DiscussionStatus[] = ['open', 'closed', 'reviewed'];

export function createDiscussionReading({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  return {
    /**
     * Open topics, soonest end first. Unless `all`, only those that suit the citizen: their subscribed
     * regions (or else their profile's region) plus national topics, and their subscribed areas if any.
     */
    async openTopics(
      citizenId: number,
      opts: { all?: boolean; offset?: number; limit?: number } = {},
    ): Promise<{ items: TopicListItem[]; total: number; filtered: boolean }> {
      const [citizen, areas, regions] = await Promise.all([
        prisma.citizen.findUnique({ where: { id: citizenId }, select: { regionId: true } }),
        prisma.topicAreaSubscription.findMany({ where: { citizenId }, select: { areaId: true } }),
        prisma.topicRegionSubscription.findMany({ where: { citizenId }, select: { regionId: true } }),
      ]);
      const regionIds = regions.length > 0 ? regions.map((r) => r.regionId) : citizen?.regionId != null ? [citizen.regionId] : [];
      const areaIds = areas.map((a) => a.areaId);
      const filtered = !opts.all && (regionIds.length > 0 || areaIds.length > 0);
      const where: Prisma.DiscussionTopicWhereInput = {
        status: 'open',
        endsAt: { gt: now() },
        ...(filtered
          ? {
              AND: [
                regionIds.length > 0 ? { OR: [{ regionId: null }, { regionId: { in: regionIds } }] } : {},
                areaIds.length > 0 ? { areaId: { in: areaIds } } : {},
              ],
            }
          : {}),
      };
      const [items, total] = await Promise.all([
        prisma.discussionTopic.findMany({
          where,
          select: { id: true, titleKk: true, titleRu: true, endsAt: true },
          orderBy: [{ endsAt: 'asc' }, { id: 'asc' }],
          skip: opts.offset ?? 0,
          take: opts.limit ?? 8,
        }),
        prisma.discussionTopic.count({ where }),
      ]);
      return { items: items.map((t) => ({ ...t, endsAt: t.endsAt! })), total, filtered };
    },

    /** A published topic with its public counts and latest visible comments. */
    async topic(
      citizenId: number,
      topicId: number,
      latest = 3,
    ): Promise<{ topic: NamedTopic; supports: number; objections: number; comments: number; latest: PublicComment[]; accepting: boolean }> {
      const topic = await prisma.discussionTopic.findFirst({ where: { id: topicId, status: { in: PUBLIC_STATUSES } }, include: TOPIC_NAMES });
      if (!topic) throw notFound('discussion.not_found');
      const [stances, recent] = await Promise.all([
        prisma.discussionComment.groupBy({ by: ['stance'], where: { topicId, ...VISIBLE }, _count: { _all: true } }),
        prisma.discussionComment.findMany({ where: { topicId, ...VISIBLE }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: latest }),
      ]);
      const count = (s: CommentStance | null) => stances.find((g) => g.stance === s)?._count._all ?? 0;
      return {
        topic,
        supports: count('support'),
        objections: count('object'),
        comments: stances.reduce((n, g) => n + g._count._all, 0),
        latest: recent.map((c) => ({
          id: c.id,
          authorName: c.authorName,
          organisation: c.organisation,
          text: c.text,
          stance: c.stance,
          createdAt: c.createdAt,
          own: c.citizenId === citizenId,
        })),
        accepting: acceptsComments(topic, now()),
      };
    },

    async myComments(citizenId: number, { offset = 0, limit = 5 }: { offset?: number; limit?: number } = {}): Promise<{ items: MyComment[]; total: number }> {
      const where = { citizenId };
      const [rows, total] = await Promise.all([
        prisma.discussionComment.findMany({
          where,
          include: { topic: { select: { titleKk: true, titleRu: true, status: true } } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: offset,
          take: limit,
        }),
        prisma.discussionComment.count({ where }),
      ]);
      return {
        total,
        items: rows.map((c) => {
          const reviewed = c.topic.status === 'reviewed';
          return {
            id: c.id,
            topicId: c.topicId,
            titleKk: c.topic.titleKk,
            titleRu: c.topic.titleRu,
            topicStatus: c.topic.status,
            text: c.text,
            createdAt: c.createdAt,
            decision: reviewed ? c.decision : null,
            decisionReason: reviewed ? c.decisionReason : null,
            hidden: c.hidden,
          };
        }),
      };
    },

    async subscriptions(citizenId: number): Promise<{ areaIds: number[]; regionIds: number[] }> {
      const [areas, regions] = await Promise.all([
        prisma.topicAreaSubscription.findMany({ where: { citizenId }, select: { areaId: true }, orderBy: { areaId: 'asc' } }),
        prisma.topicRegionSubscription.findMany({ where: { citizenId }, select: { regionId: true }, orderBy: { regionId: 'asc' } }),
      ]);
      return { areaIds: areas.map((a) => a.areaId), regionIds: regions.map((r) => r.regionId) };
    },
  };
}
