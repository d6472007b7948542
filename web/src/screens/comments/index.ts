// Residents' public comments on reports (issue 17): the moderators' queue.
import type { Screen } from '../types.ts';
import { CommentModerationScreen } from './comment-moderation.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 31;

export const screens: Screen[] = [{ path: 'comments', titleKey: 'nav.comments', roles: ['moderator'], component: CommentModerationScreen }];
