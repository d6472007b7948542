// The citizen's side of public discussion: open topics that suit them, a topic with its latest comments,
// a comment or proposal composed answer by answer in a draft, their own comments with the decisions once
// the review is done, flags on others' comments (enough of them hide one pending a moderator), and
// subscriptions to areas and regions.
import type { i18n } from 'i18next';
import type { DiscussionComment, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { CommentDecision, CommentStance, DiscussionStatus } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import type { PersonalDataSection } from '../citizens/citizen-service.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { tellCommentAuthor } from './discussion-notify.ts';
import {
  acceptsComments,
  AUTHOR_NAME_MAX,
  AUTHOR_NAME_MIN,
  COMMENT_MAX,
  COMMENT_MIN,
  DEFAULT_FLAGS_TO_HIDE,
  MIN_DISCUSSION_WORKING_DAYS,
  ORGANISATION_MAX,
} from './discussion-rules.ts';
import { TOPIC_NAMES, type NamedTopic } from './topic-text.ts';

export interface CommentInput {
  text: string;
  authorName: string;
  organisation?: string | null;
  stance?: CommentStance | null;
}

export interface CommentDraft {
  topicId: number;
  text: string | null;
  authorName: string | null;
  /** '' once the citizen said they write for themselves */
  organisation: string | null;
  updatedAt: Date;
}

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
const VISIBLE = { hidden: false } as const;
const PUBLIC_STATUSES: DiscussionStatus[] = ['open', 'closed', 'reviewed'];
const AUTHOR = { citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } } } as const;

export interface DiscussionCitizenDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  /** flags from different citizens that hide a comment pending a moderator (config DISCUSSION_FLAGS_TO_HIDE) */
  flagsToHide?: number;
}

export function createDiscussionCitizenService({ prisma, i18n, now, flagsToHide = DEFAULT_FLAGS_TO_HIDE }: DiscussionCitizenDeps) {
  function checkComment(input: CommentInput): Required<CommentInput> {
    const text = input.text.trim();
    const authorName = input.authorName.trim();
    const organisation = input.organisation?.trim() || null;
    if (text.length < COMMENT_MIN) throw invalid('discussion.comment_short', { min: COMMENT_MIN });
    if (text.length > COMMENT_MAX) throw invalid('discussion.comment_long', { max: COMMENT_MAX });
    if (authorName.length < AUTHOR_NAME_MIN || authorName.length > AUTHOR_NAME_MAX)
      throw invalid('discussion.bad_author_name', { min: AUTHOR_NAME_MIN, max: AUTHOR_NAME_MAX });
    if (organisation && organisation.length > ORGANISATION_MAX) throw invalid('discussion.organisation_long', { max: ORGANISATION_MAX });
    return { text, authorName, organisation, stance: input.stance ?? null };
  }

  const service = {
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

    async getDraft(citizenId: number): Promise<CommentDraft | null> {
      return prisma.discussionCommentDraft.findUnique({
        where: { citizenId },
        select: { topicId: true, text: true, authorName: true, organisation: true, updatedAt: true },
      });
    },

    /** Saves answers to the draft; a draft for another topic is replaced. */
    async saveDraft(citizenId: number, topicId: number, patch: Partial<Pick<CommentDraft, 'text' | 'authorName' | 'organisation'>>): Promise<void> {
      const existing = await prisma.discussionCommentDraft.findUnique({ where: { citizenId } });
      const fresh = !existing || existing.topicId !== topicId;
      const data = fresh ? { topicId, text: null, authorName: null, organisation: null, ...patch } : patch;
      await prisma.discussionCommentDraft.upsert({ where: { citizenId }, create: { citizenId, topicId, ...patch }, update: data });
    },

    async discardDraft(citizenId: number): Promise<void> {
      await prisma.discussionCommentDraft.deleteMany({ where: { citizenId } });
    },

    /**
     * Records a comment or proposal. The clock decides whether it counts: DOMAIN.md, "Comments received after
     * the end are not considered", so one arriving after `endsAt` is refused even before the job closes it.
     */
    async comment(citizenId: number, topicId: number, input: CommentInput): Promise<DiscussionComment> {
      const fields = checkComment(input);
      const topic = await prisma.discussionTopic.findFirst({ where: { id: topicId, status: { in: PUBLIC_STATUSES } } });
      if (!topic) throw notFound('discussion.not_found');
      const at = now();
      if (!acceptsComments(topic, at)) throw conflict('discussion.closed', { end: formatLocalDateTime(topic.endsAt!), days: MIN_DISCUSSION_WORKING_DAYS });
      return prisma.$transaction(async (tx) => {
        const created = await tx.discussionComment.create({ data: { topicId, citizenId, ...fields, createdAt: at } });
        await tx.discussionCommentDraft.deleteMany({ where: { citizenId, topicId } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'discussion.comment', entity: 'discussion_comment', entityId: created.id, after: { topicId, stance: fields.stance } },
        );
        return created;
      });
    },

    /** Sends the draft as a comment with the stance just chosen. */
    async submitDraft(citizenId: number, stance: CommentStance | null): Promise<DiscussionComment> {
      const d = await service.getDraft(citizenId);
      if (!d?.text || !d.authorName) throw invalid('discussion.draft_incomplete');
      return service.comment(citizenId, d.topicId, { text: d.text, authorName: d.authorName, organisation: d.organisation, stance });
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

    /**
     * A citizen flags someone else's visible comment, once. When `flagsToHide` different citizens have, it is
     * hidden pending a moderator (unless a moderator already kept it); the text is kept and the author told.
     */
    async flag(citizenId: number, commentId: number): Promise<{ flagged: boolean; hidden: boolean }> {
      const at = now();
      return prisma.$transaction(async (tx) => {
        const c = await tx.discussionComment.findUnique({ where: { id: commentId }, include: { ...AUTHOR, topic: { include: TOPIC_NAMES } } });
        if (!c || c.hidden || !PUBLIC_STATUSES.includes(c.topic.status)) throw notFound('discussion.comment_not_found');
        if (c.citizenId === citizenId) throw invalid('discussion.flag_own');
        const { count } = await tx.commentFlag.createMany({ data: [{ commentId, citizenId, createdAt: at }], skipDuplicates: true });
        if (count === 0) return { flagged: false, hidden: false };
        const after = await tx.discussionComment.update({ where: { id: commentId }, data: { flagCount: { increment: 1 } } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'discussion.comment_flag', entity: 'discussion_comment', entityId: commentId, after: { flagCount: after.flagCount } },
        );
        if (after.flagCount < flagsToHide || after.moderatedAt !== null) return { flagged: true, hidden: false };
        const hid = await tx.discussionComment.updateMany({ where: { id: commentId, hidden: false, moderatedAt: null }, data: { hidden: true, hiddenAt: at } });
        if (hid.count === 0) return { flagged: true, hidden: false };
        await tellCommentAuthor(tx, i18n, c, c.topic, 'hidden', at);
        await recordAudit(
          tx,
          { type: 'system' },
          {
            action: 'discussion.comment_auto_hide',
            entity: 'discussion_comment',
            entityId: commentId,
            after: { flagCount: after.flagCount, threshold: flagsToHide },
          },
        );
        return { flagged: true, hidden: true };
      });
    },

    async subscriptions(citizenId: number): Promise<{ areaIds: number[]; regionIds: number[] }> {
      const [areas, regions] = await Promise.all([
        prisma.topicAreaSubscription.findMany({ where: { citizenId }, select: { areaId: true }, orderBy: { areaId: 'asc' } }),
        prisma.topicRegionSubscription.findMany({ where: { citizenId }, select: { regionId: true }, orderBy: { regionId: 'asc' } }),
      ]);
      return { areaIds: areas.map((a) => a.areaId), regionIds: regions.map((r) => r.regionId) };
    },

    /** Subscribes to the area or region, or unsubscribes if already subscribed; returns whether subscribed now. */
    async toggleSubscription(citizenId: number, kind: 'area' | 'region', id: number): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const removed =
          kind === 'area'
            ? await tx.topicAreaSubscription.deleteMany({ where: { citizenId, areaId: id } })
            : await tx.topicRegionSubscription.deleteMany({ where: { citizenId, regionId: id } });
        if (removed.count === 0) {
          const exists = kind === 'area' ? await tx.area.findUnique({ where: { id } }) : await tx.region.findUnique({ where: { id } });
          if (!exists) throw invalid(kind === 'area' ? 'discussion.unknown_area' : 'discussion.unknown_region');
          if (kind === 'area') await tx.topicAreaSubscription.create({ data: { citizenId, areaId: id } });
          else await tx.topicRegionSubscription.create({ data: { citizenId, regionId: id } });
        }
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: `discussion.${removed.count === 0 ? 'subscribe' : 'unsubscribe'}`, entity: `topic_${kind}_subscription`, entityId: id },
        );
        return removed.count === 0;
      });
    },
  };
  return service;
}

/**
 * What /mydata shows of discussions, and what /deletedata removes. Subscriptions, flags and the draft go.
 * Comments stay, because the Annex 2 report is the body's public record of what was proposed, but the
 * author's name is emptied and shown as an anonymised participant; an organisation they wrote for (a legal
 * entity, not personal data) is kept.
 */
export const discussionPersonalData: PersonalDataSection = {
  key: 'comments',
  async describe(tx, citizenId) {
    // One connection serves a transaction: its queries go one after another (pg 9 refuses overlapping ones).
    const count = await tx.discussionComment.count({ where: { citizenId } });
    const areas = await tx.topicAreaSubscription.count({ where: { citizenId } });
    const regions = await tx.topicRegionSubscription.count({ where: { citizenId } });
    const flags = await tx.commentFlag.count({ where: { citizenId } });
    const draft = await tx.discussionCommentDraft.count({ where: { citizenId } });
    return count + areas + regions + flags + draft === 0 ? null : { count, subscriptions: areas + regions, flags, draft };
  },
  async erase(tx, citizenId) {
    await tx.discussionCommentDraft.deleteMany({ where: { citizenId } });
    await tx.topicAreaSubscription.deleteMany({ where: { citizenId } });
    await tx.topicRegionSubscription.deleteMany({ where: { citizenId } });
    // The flags go, and so does their weight in the counts; a comment already hidden stays with its moderator.
    const flags = await tx.commentFlag.findMany({ where: { citizenId }, select: { commentId: true } });
    if (flags.length > 0)
      await tx.discussionComment.updateMany({ where: { id: { in: flags.map((f) => f.commentId) } }, data: { flagCount: { decrement: 1 } } });
    await tx.commentFlag.deleteMany({ where: { citizenId } });
    await tx.discussionComment.updateMany({ where: { citizenId }, data: { authorName: '' } });
  },
};
