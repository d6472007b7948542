// Public comments on reports (issue 17): residents support, follow and comment on a public report in the bot
// (the portal's t.me link), moderators handle flagged comments in the console (/console/comments).
import { commentsDomain } from '../../core/comments/index.ts';
import type { Capability } from '../capability.ts';

export const comments: Capability = {
  ...commentsDomain,
  locales: ['comments'],
  settings: ({ config, botUsername }) => ({ comments: { flagsToHide: config.PUBLIC_COMMENT_FLAGS_TO_HIDE, botUsername } }),
  bot: async () => [(await import('../../bot/comments/feature.ts')).createPublicReportFeature()],
  routes: async ({ services }) => [(await import('../../server/comments/comments.ts')).commentRoutes(services)],
  console: true,
};
