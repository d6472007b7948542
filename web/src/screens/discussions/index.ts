// Topics of public discussion, their comments, moderation and review.
import type { Screen } from '../types.ts';
import { TopicsScreen } from './topics.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 30;

export const screens: Screen[] = [
  { path: 'topics', titleKey: 'nav.topics', roles: ['project_manager', 'moderator'], component: TopicsScreen },
  { path: 'topics/:id', titleKey: 'nav.topics', roles: ['project_manager', 'moderator'], component: TopicsScreen, nav: false },
];
