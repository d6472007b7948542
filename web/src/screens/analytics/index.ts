// The monitoring dashboard: indicators, the problem map and needs assessment.
import type { Screen } from '../types.ts';
import { DashboardScreen } from './dashboard.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 70;

export const screens: Screen[] = [
  { path: 'dashboard', titleKey: 'nav.dashboard', roles: ['operator', 'consultant', 'project_manager', 'moderator'], component: DashboardScreen },
];
