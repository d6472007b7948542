// Public discussion of proposed topics: reading and commenting in the bot, state bodies, moderation, review.
import { createTopicsFeature } from '../../bot/discussions/topics.ts';
import { discussionsDomain } from '../../core/discussions/index.ts';
import { createDiscussionDeadlinesJob } from '../../jobs/discussion-deadlines.ts';
import { discussionRoutes } from '../../server/discussions/discussions.ts';
import { stateBodyRoutes } from '../../server/discussions/state-bodies.ts';
import type { Capability } from '../capability.ts';

export const discussions: Capability = {
  ...discussionsDomain,
  locales: ['discussions'],
  settings: ({ config }) => ({ discussions: { flagsToHide: config.DISCUSSION_FLAGS_TO_HIDE } }),
  bot: () => [createTopicsFeature()],
  routes: ({ services }) => [stateBodyRoutes(services), discussionRoutes(services)],
  jobs: ({ services }) => [createDiscussionDeadlinesJob(() => services.discussions.processDeadlines())],
  console: true,
};
