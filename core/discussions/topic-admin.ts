// Planned topics for staff: drafts with the Annex 1 fields, publication (which opens the discussion for at
// least 10 working days and announces the topic to subscribers), a later end, closing at the end, the list
// and the counts per topic. Every change is audited; managers act only on their own body's topics.
import type { i18n } from 'i18next';
import type { DiscussionComment, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { DiscussionStatus } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { assertCovers, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { assertManages, mayRead, TOPIC, topicScopeWhere } from './discussion-access.ts';
import { usableStateBody } from './state-body-service.ts';
import { announceTopic } from './discussion-notify.ts';
import { earliestEnd, isPendingModeration, isRemoved, MIN_DISCUSSION_WORKING_DAYS, reviewDueAfter } from './discussion-rules.ts';
import { TOPIC_NAMES, type NamedTopic } from './topic-text.ts';
import { linkTopic } from '../initiatives/initiative-topic.ts';

/** The Annex 1 fields and where the topic belongs. */
export interface TopicFields {
  stateBodyId: number;
  /** null: a national topic; absent on creation: the body's region */
  regionId: number | null;
  areaId: number;
  year: number;
  titleKk: string;
  titleRu: string;
  /** thousand tenge, at most one decimal, e.g. "12500.5" */
  fundingThousandTenge: string;
  justificationKk: string;
  justificationRu: string;
  informationSource: string;
  targetGroupKk: string;
  targetGroupRu: string;
  expectedResultKk: string;
  expectedResultRu: string;
}

export interface TopicFilter {
  status?: DiscussionStatus;
  stateBodyId?: number;
  year?: number;
  areaId?: number;
  regionId?: number;
}

export interface TopicCounts {
  comments: number;
  authors: number;
  supports: number;
  objections: number;
  decisions: { accepted: number; partly_accepted: number; rejected: number; undecided: number };
  pendingModeration: number;
  removed: number;
}

const FUNDING_PATTERN = /^\d{1,15}(\.\d)?$/;

export interface TopicAdminDeps {
  prisma: PrismaClient;
  calendar: CalendarService;
  i18n: i18n;
  now: () => Date;
}

/** Counts of one topic's comments, as staff see them (hidden ones included, removed ones apart). */
async function topicCounts(tx: Tx, topicId: number): Promise<TopicCounts> {
  const rows = await tx.discussionComment.findMany({
    where: { topicId },
    select: { citizenId: true, authorName: true, stance: true, decision: true, hidden: true, moderatedAt: true },
  });
  const kept = rows.filter((c) => !isRemoved(c));
  const decisions = { accepted: 0, partly_accepted: 0, rejected: 0, undecided: 0 };
  for (const c of kept) decisions[c.decision ?? 'undecided'] += 1;
  return {
    comments: kept.length,
    authors: new Set(kept.map((c) => (c.citizenId !== null ? `c${c.citizenId}` : `n${c.authorName}`))).size,
    supports: kept.filter((c) => c.stance === 'support').length,
    objections: kept.filter((c) => c.stance === 'object').length,
    decisions,
    pendingModeration: rows.filter(isPendingModeration).length,
    removed: rows.length - kept.length,
  };
}

export function createTopicAdminService({ prisma, calendar, i18n, now }: TopicAdminDeps) {
  async function named(id: number, tx: Tx = prisma): Promise<NamedTopic> {
    const topic = await tx.discussionTopic.findUnique({ where: { id }, include: TOPIC_NAMES });
    if (!topic) throw notFound('discussion.not_found');
    return topic;
  }

  /** The topic, if `p` manages its body in their region. */
  async function managed(p: StaffPrincipal, id: number): Promise<NamedTopic> {
    const topic = await loadInScope(prisma, p, TOPIC, id);
    await assertManages(prisma, p, topic.stateBodyId);
    return topic;
  }

  /** The topic, if `p` may read it; another body's or region's topic is simply not found. */
  async function readable(p: StaffPrincipal, id: number): Promise<NamedTopic> {
    const topic = await loadInScope(prisma, p, TOPIC, id);
    if (!(await mayRead(prisma, p, topic))) throw notFound(TOPIC.notFound);
    return topic;
  }

  /**
   * The references of a topic as it will be: a body `p` manages, in their scope and active, and a region in
   * their scope (403 otherwise; a national topic is for staff without a region).
   */
  async function checkRefs(p: StaffPrincipal, f: Partial<TopicFields>) {
    if (f.stateBodyId !== undefined) {
      await assertManages(prisma, p, f.stateBodyId);
      await usableStateBody(prisma, p, f.stateBodyId, 'discussion.body_not_found');
    }
    if (f.areaId !== undefined && !(await prisma.area.findUnique({ where: { id: f.areaId } }))) throw invalid('discussion.unknown_area');
    if (f.regionId != null && !(await prisma.region.findUnique({ where: { id: f.regionId } }))) throw invalid('discussion.unknown_region');
    if (f.regionId !== undefined) assertCovers(SCOPES.region, p, { regionId: f.regionId });
    if (f.fundingThousandTenge !== undefined && !FUNDING_PATTERN.test(f.fundingThousandTenge)) throw invalid('discussion.bad_funding');
  }

  /**
   * Closes every open discussion whose end has passed (or just `topicId`'s): the review is then due
   * 3 working days after the end. A conditional update makes a second closer find nothing to do.
   */
  async function closeEnded(topicId?: number): Promise<number> {
    const at = now();
    const ended = await prisma.discussionTopic.findMany({
      where: { status: 'open', endsAt: { lte: at }, ...(topicId ? { id: topicId } : {}) },
      orderBy: { endsAt: 'asc' },
    });
    if (ended.length === 0) return 0;
    const cal = await calendar.calendar();
    let closed = 0;
    for (const topic of ended) {
      const reviewDueAt = reviewDueAfter(cal, topic.endsAt!);
      const done = await prisma.$transaction(async (tx) => {
        const claimed = await tx.discussionTopic.updateMany({
          where: { id: topic.id, status: 'open', endsAt: topic.endsAt },
          data: { status: 'closed', closedAt: at, reviewDueAt },
        });
        if (claimed.count === 0) return false;
        await recordAudit(
          tx,
          { type: 'system' },
          { action: 'discussion.close', entity: 'discussion_topic', entityId: topic.id, after: { endsAt: topic.endsAt, reviewDueAt } },
        );
        return true;
      });
      if (done) closed += 1;
    }
    return closed;
  }

  return {
    named,
    managed,
    closeEnded,

    async list(p: StaffPrincipal, filter: TopicFilter = {}): Promise<Array<NamedTopic & { commentCount: number }>> {
      const where: Prisma.DiscussionTopicWhereInput = { AND: [await topicScopeWhere(prisma, p), filter] };
      const rows = await prisma.discussionTopic.findMany({
        where,
        include: { ...TOPIC_NAMES, _count: { select: { comments: true } } },
        orderBy: [{ year: 'desc' }, { id: 'desc' }],
        take: 1000,
      });
      return rows.map(({ _count, ...t }) => ({ ...t, commentCount: _count.comments }));
    },

    async get(p: StaffPrincipal, id: number): Promise<{ topic: NamedTopic; counts: TopicCounts }> {
      return { topic: await readable(p, id), counts: await topicCounts(prisma, id) };
    },

    /** Every comment of a topic, hidden ones included, oldest first. */
    async comments(p: StaffPrincipal, id: number): Promise<DiscussionComment[]> {
      await readable(p, id);
      return prisma.discussionComment.findMany({ where: { topicId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    },

    async create(
      actor: Actor,
      p: StaffPrincipal,
      input: Omit<TopicFields, 'regionId'> & { regionId?: number | null; sourceInitiativeId?: number | null },
    ): Promise<NamedTopic> {
      const body = await prisma.stateBody.findUnique({ where: { id: input.stateBodyId } });
      const regionId = input.regionId === undefined ? (body?.regionId ?? null) : input.regionId;
      await checkRefs(p, { ...input, regionId });
      return prisma.$transaction(async (tx) => {
        const created = await tx.discussionTopic.create({ data: { ...input, regionId, createdById: p.id } });
        // A topic proposed from a civic initiative (issue 18): the initiative must be in scope and public.
        if (input.sourceInitiativeId != null) await linkTopic(tx, actor, p, input.sourceInitiativeId, created.id, now());
        await recordAudit(tx, actor, { action: 'discussion.create', entity: 'discussion_topic', entityId: created.id, after: created });
        return named(created.id, tx);
      });
    },

    /** Only a draft changes: once published, citizens comment on exactly what was published. */
    async update(actor: Actor, p: StaffPrincipal, id: number, patch: Partial<TopicFields>): Promise<NamedTopic> {
      const before = await managed(p, id);
      if (before.status !== 'draft') throw conflict('discussion.not_draft');
      await checkRefs(p, patch);
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.discussionTopic.updateMany({ where: { id, status: 'draft' }, data: patch });
        if (count === 0) throw conflict('discussion.not_draft');
        const after = await named(id, tx);
        await recordAudit(tx, actor, { action: 'discussion.update', entity: 'discussion_topic', entityId: id, before, after });
        return after;
      });
    },

    async remove(actor: Actor, p: StaffPrincipal, id: number): Promise<void> {
      const before = await managed(p, id);
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.discussionTopic.deleteMany({ where: { id, status: 'draft' } });
        if (count === 0) throw conflict('discussion.not_draft');
        await recordAudit(tx, actor, { action: 'discussion.delete', entity: 'discussion_topic', entityId: id, before });
      });
    },

    /**
     * Opens the discussion now. DOMAIN.md: "Discussion lasts at least 10 working days from posting": the end
     * defaults to exactly that and may be later, never earlier. Subscribers hear of it through the outbox.
     */
    async publish(actor: Actor, p: StaffPrincipal, id: number, opts: { endsAt?: Date } = {}): Promise<{ topic: NamedTopic; announced: number }> {
      const before = await managed(p, id);
      if (before.status !== 'draft') throw conflict('discussion.not_draft');
      if (!before.stateBody.active) throw invalid('discussion.body_not_found');
      const at = now();
      const cal = await calendar.calendar();
      const earliest = earliestEnd(cal, at);
      const endsAt = opts.endsAt ?? earliest;
      if (endsAt.getTime() < earliest.getTime())
        throw invalid('discussion.window_too_short', { days: MIN_DISCUSSION_WORKING_DAYS, earliest: formatLocalDateTime(earliest) });
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.discussionTopic.updateMany({
          where: { id, status: 'draft' },
          data: { status: 'open', publishedAt: at, endsAt, reviewDueAt: reviewDueAfter(cal, endsAt) },
        });
        if (count === 0) throw conflict('discussion.not_draft');
        const topic = await named(id, tx);
        const announced = await announceTopic(tx, i18n, topic, at);
        await recordAudit(tx, actor, {
          action: 'discussion.publish',
          entity: 'discussion_topic',
          entityId: id,
          before: { status: 'draft' },
          after: { status: 'open', publishedAt: at, endsAt, announced },
        });
        return { topic, announced };
      });
    },

    /** A later end for an open discussion; an announced end is never brought forward. */
    async extend(actor: Actor, p: StaffPrincipal, id: number, endsAt: Date): Promise<NamedTopic> {
      const before = await managed(p, id);
      if (before.status !== 'open' || before.endsAt!.getTime() <= now().getTime()) throw conflict('discussion.not_open');
      if (endsAt.getTime() < before.endsAt!.getTime()) throw invalid('discussion.end_earlier', { end: formatLocalDateTime(before.endsAt!) });
      const cal = await calendar.calendar();
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.discussionTopic.updateMany({
          where: { id, status: 'open', endsAt: before.endsAt },
          data: { endsAt, reviewDueAt: reviewDueAfter(cal, endsAt) },
        });
        if (count === 0) throw conflict('discussion.not_open');
        await recordAudit(tx, actor, {
          action: 'discussion.extend',
          entity: 'discussion_topic',
          entityId: id,
          before: { endsAt: before.endsAt },
          after: { endsAt },
        });
        return named(id, tx);
      });
    },
  };
}

export type TopicAdminService = ReturnType<typeof createTopicAdminService>;
