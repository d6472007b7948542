// Public discussion of proposed topics: reading and commenting in the bot, state bodies, moderation, review.
import { discussionsDomain } from '../../core/discussions/index.ts';
import type { Capability } from '../capability.ts';

export const discussions: Capability = {
  ...discussionsDomain,
  locales: ['discussions'],
  settings: ({ config }) => ({ discussions: { flagsToHide: config.DISCUSSION_FLAGS_TO_HIDE } }),
  bot: async () => [(await import('../../bot/discussions/topics.ts')).createTopicsFeature()],
  routes: async ({ services }) => [
    (await import('../../server/discussions/state-bodies.ts')).stateBodyRoutes(services),
    (await import('../../server/discussions/discussions.ts')).discussionRoutes(services),
  ],
  jobs: async ({ services }) => [
    (await import('../../jobs/discussion-deadlines.ts')).createDiscussionDeadlinesJob(() => services.discussions.processDeadlines()),
  ],
  console: true,
};
