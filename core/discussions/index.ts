// Public discussion of the topics state bodies propose: topics, citizens' comments, moderation and review.
import type { DomainModule } from '../services.ts';
import { scheduleDiscussions } from './demo.ts';
import { discussionPersonalData } from './discussion-personal-data.ts';
import { createDiscussionServices, type DiscussionOptions } from './discussion-services.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    discussions: ReturnType<typeof createDiscussionServices>;
  }
  interface CapabilityOptions {
    /** public discussion settings (config DISCUSSION_*) */
    discussions?: DiscussionOptions;
  }
}

export const discussionsDomain: DomainModule<'discussions'> = {
  name: 'discussions',
  services: ({ prisma, calendar, i18n, now, options }) => ({ discussions: createDiscussionServices({ prisma, calendar, i18n, now, ...options.discussions }) }),
  personalData: () => discussionPersonalData,
  demo: {
    schedule: scheduleDiscussions,
    count: async ({ prisma: p }) => ({ topics: await p.discussionTopic.count(), comments: await p.discussionComment.count() }),
  },
};
