// Public discussion of proposed topics, assembled once for the composition root (core/services.ts).
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { createDiscussionCitizenService } from './discussion-citizen.ts';
import { createAnnexService } from './discussion-annex.ts';
import { processDiscussionDeadlines } from './discussion-deadlines.ts';
import { createStateBodyService } from './state-body-service.ts';
import { createTopicAdminService } from './topic-admin.ts';
import { createTopicReviewService } from './topic-review.ts';

export interface DiscussionOptions {
  /** flags from different citizens that hide a comment pending a moderator (config DISCUSSION_FLAGS_TO_HIDE) */
  flagsToHide?: number;
}

export function createDiscussionServices({
  prisma,
  calendar,
  i18n,
  now,
  flagsToHide,
}: { prisma: PrismaClient; calendar: CalendarService; i18n: i18n; now: () => Date } & DiscussionOptions) {
  const topics = createTopicAdminService({ prisma, calendar, i18n, now });
  return {
    stateBodies: createStateBodyService({ prisma }),
    topics,
    review: createTopicReviewService({ prisma, topics, i18n, now }),
    annex: createAnnexService({ prisma, i18n, now }),
    citizen: createDiscussionCitizenService({ prisma, i18n, now, flagsToHide }),
    /** One pass of the discussion calendar (the discussion-deadlines job): close ended discussions, flag and escalate late reviews. */
    processDeadlines: () => processDiscussionDeadlines({ prisma, calendar, topics, i18n, now }),
  };
}
