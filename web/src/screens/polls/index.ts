// A project's satisfaction questionnaire, its waves and results (opened from the project).
import type { Screen } from '../types.ts';
import { PollScreen } from './polls.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 50;

export const screens: Screen[] = [{ path: 'polls/:id', titleKey: 'nav.projects', roles: ['project_manager'], component: PollScreen, nav: false }];
