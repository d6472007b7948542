// Public comments on reports (issue 17): residents support, follow and comment on a public report in the bot
// (the portal's t.me link), moderators handle flagged comments in the console (/console/comments).
import { createPublicReportFeature } from '../../bot/comments/feature.ts';
import { commentsDomain } from '../../core/comments/index.ts';
import { commentRoutes } from '../../server/comments/comments.ts';
import type { Capability } from '../capability.ts';

export const comments: Capability = {
  ...commentsDomain,
  locales: ['comments'],
  settings: ({ config, botUsername }) => ({ comments: { flagsToHide: config.PUBLIC_COMMENT_FLAGS_TO_HIDE, botUsername } }),
  bot: () => [createPublicReportFeature()],
  routes: ({ services }) => [commentRoutes(services)],
  console: true,
};
