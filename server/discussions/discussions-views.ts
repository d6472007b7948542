// Topics and comments as the discussion API answers them (discussions-schemas.ts): instants as ISO text,
// funding with its one decimal, and a comment's moderation state.
import type { z } from 'zod';
import type { DiscussionComment } from '../../generated/prisma/client.ts';
import { isPendingModeration, isRemoved } from '../../core/discussions/discussion-rules.ts';
import type { TopicCounts } from '../../core/discussions/topic-admin.ts';
import type { NamedTopic } from '../../core/discussions/topic-text.ts';
import { iso } from '../route-kit.ts';
import type { commentBody, topicBody } from './discussions-schemas.ts';

export function topicView(t: NamedTopic): z.output<typeof topicBody> {
  const { stateBody, area: _a, region: _r, createdById: _c, fundingThousandTenge, ...rest } = t;
  return {
    ...rest,
    stateBody: { id: stateBody.id, code: stateBody.code, nameKk: stateBody.nameKk, nameRu: stateBody.nameRu },
    fundingThousandTenge: fundingThousandTenge.toFixed(1),
    publishedAt: iso(t.publishedAt),
    endsAt: iso(t.endsAt),
    closedAt: iso(t.closedAt),
    reviewDueAt: iso(t.reviewDueAt),
    reviewedAt: iso(t.reviewedAt),
    reviewOverdueAt: iso(t.reviewOverdueAt),
    reviewEscalatedAt: iso(t.reviewEscalatedAt),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export const detailView = (t: NamedTopic, counts: TopicCounts) => ({ ...topicView(t), counts });

export function commentView(c: DiscussionComment): z.output<typeof commentBody> {
  return {
    id: c.id,
    topicId: c.topicId,
    citizenId: c.citizenId,
    authorName: c.authorName,
    organisation: c.organisation,
    text: c.text,
    stance: c.stance,
    createdAt: c.createdAt.toISOString(),
    decision: c.decision,
    decisionReason: c.decisionReason,
    decidedAt: iso(c.decidedAt),
    notifiedAt: iso(c.notifiedAt),
    flagCount: c.flagCount,
    moderation: isRemoved(c) ? 'removed' : isPendingModeration(c) ? 'pending' : 'visible',
    moderationNote: c.moderationNote,
  };
}
