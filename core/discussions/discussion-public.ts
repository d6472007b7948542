// What anyone may read of public discussion on the portal (issue 17; seed 003, Rules items 7 and 12: a body
// publishes its topics (Annex 1) and the report on each discussion (Annex 2) on its internet resource). The
// discussions capability owns these rules: drafts do not exist here; only comments nobody hid are shown, with
// the author as Annex 2 records them (an erased citizen as an anonymised participant); the body's conclusions
// appear once the review is done, and a comment a moderator removed is no part of the record.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { CommentDecision, CommentStance, DiscussionStatus } from '../../generated/prisma/enums.ts';
import { acceptsComments, hasEnded } from './discussion-rules.ts';
import { TOPIC_NAMES, type NamedTopic } from './topic-text.ts';

/** The portal's three tabs: open for comments, ended and under review, reviewed with its Annex 2. */
export const PUBLIC_DISCUSSION_TABS = ['open', 'ended', 'reviewed'] as const;
export type PublicDiscussionTab = (typeof PUBLIC_DISCUSSION_TABS)[number];

export const PUBLIC_TOPIC_PAGE = 20;
/** visible comments on a topic's page (the newest), so the page stays light on a phone */
export const PUBLIC_COMMENTS_SHOWN = 50;

export interface PublicTopic {
  id: number;
  year: number;
  titleKk: string;
  titleRu: string;
  fundingThousandTenge: Prisma.Decimal;
  justificationKk: string;
  justificationRu: string;
  informationSource: string;
  targetGroupKk: string;
  targetGroupRu: string;
  expectedResultKk: string;
  expectedResultRu: string;
  status: DiscussionStatus;
  publishedAt: Date | null;
  endsAt: Date | null;
  reviewedAt: Date | null;
  stateBody: { nameKk: string; nameRu: string };
  area: { nameKk: string; nameRu: string };
  region: { nameKk: string; nameRu: string } | null;
  /** comments are accepted now (the clock decides, not the status the closing job sets) */
  accepting: boolean;
}

export interface PublicTopicComment {
  authorName: string;
  organisation: string | null;
  text: string;
  stance: CommentStance | null;
  createdAt: Date;
}

/** One row of Annex 2: the comment with its author and the body's conclusion with its reason. */
export interface Annex2Row extends PublicTopicComment {
  decision: CommentDecision | null;
  decisionReason: string | null;
}

export interface PublicTopicPage {
  topic: PublicTopic;
  supports: number;
  objections: number;
  comments: number;
  latest: PublicTopicComment[];
  /** the report on the end of the discussion, once the body reviewed every comment; else null */
  annex2: Annex2Row[] | null;
}

const toPublic = (x: NamedTopic, now: Date): PublicTopic => ({
  id: x.id,
  year: x.year,
  titleKk: x.titleKk,
  titleRu: x.titleRu,
  fundingThousandTenge: x.fundingThousandTenge,
  justificationKk: x.justificationKk,
  justificationRu: x.justificationRu,
  informationSource: x.informationSource,
  targetGroupKk: x.targetGroupKk,
  targetGroupRu: x.targetGroupRu,
  expectedResultKk: x.expectedResultKk,
  expectedResultRu: x.expectedResultRu,
  status: x.status,
  publishedAt: x.publishedAt,
  endsAt: x.endsAt,
  reviewedAt: x.reviewedAt,
  stateBody: { nameKk: x.stateBody.nameKk, nameRu: x.stateBody.nameRu },
  area: { nameKk: x.area.nameKk, nameRu: x.area.nameRu },
  region: x.region ? { nameKk: x.region.nameKk, nameRu: x.region.nameRu } : null,
  accepting: acceptsComments(x, now),
});

const comment = (c: PublicTopicComment): PublicTopicComment => ({
  authorName: c.authorName,
  organisation: c.organisation,
  text: c.text,
  stance: c.stance,
  createdAt: c.createdAt,
});

export function createDiscussionPublic({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  const tabWhere = (tab: PublicDiscussionTab, at: Date): Prisma.DiscussionTopicWhereInput => {
    if (tab === 'open') return { status: 'open', endsAt: { gt: at } };
    if (tab === 'reviewed') return { status: 'reviewed' };
    return { OR: [{ status: 'closed' }, { status: 'open', endsAt: { lte: at } }] };
  };

  return {
    /** One page of a tab: open topics ending soonest first, the others newest first; and whether more follow. */
    async list(tab: PublicDiscussionTab, page = 1): Promise<{ items: PublicTopic[]; more: boolean }> {
      const at = now();
      const rows = await prisma.discussionTopic.findMany({
        where: tabWhere(tab, at),
        include: TOPIC_NAMES,
        orderBy: tab === 'open' ? [{ endsAt: 'asc' }, { id: 'asc' }] : [{ endsAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * PUBLIC_TOPIC_PAGE,
        take: PUBLIC_TOPIC_PAGE + 1,
      });
      return { items: rows.slice(0, PUBLIC_TOPIC_PAGE).map((x) => toPublic(x, at)), more: rows.length > PUBLIC_TOPIC_PAGE };
    },

    /** A published topic with its counts, newest visible comments and, once reviewed, its Annex 2; null for a draft or unknown id. */
    async byId(id: number): Promise<PublicTopicPage | null> {
      const at = now();
      const topic = await prisma.discussionTopic.findFirst({ where: { id, status: { in: ['open', 'closed', 'reviewed'] } }, include: TOPIC_NAMES });
      if (!topic) return null;
      const visible = { topicId: id, hidden: false };
      const [stances, latest, record] = await Promise.all([
        prisma.discussionComment.groupBy({ by: ['stance'], where: visible, _count: { _all: true } }),
        prisma.discussionComment.findMany({ where: visible, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: PUBLIC_COMMENTS_SHOWN }),
        topic.status === 'reviewed' && hasEnded(topic, at)
          ? prisma.discussionComment.findMany({ where: visible, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
          : Promise.resolve(null),
      ]);
      const count = (s: CommentStance | null) => stances.find((g) => g.stance === s)?._count._all ?? 0;
      return {
        topic: toPublic(topic, at),
        supports: count('support'),
        objections: count('object'),
        comments: stances.reduce((n, g) => n + g._count._all, 0),
        latest: latest.map(comment),
        annex2: record ? record.map((c) => ({ ...comment(c), decision: c.decision, decisionReason: c.decisionReason })) : null,
      };
    },
  };
}
