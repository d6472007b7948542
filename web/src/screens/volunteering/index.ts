// Volunteering opportunities, applications, attendance and rankings.
import type { Screen } from '../types.ts';
import { VolunteersScreen } from './volunteers.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 60;

export const screens: Screen[] = [
  { path: 'volunteers', titleKey: 'nav.volunteers', roles: ['project_manager'], component: VolunteersScreen },
  { path: 'volunteers/:id', titleKey: 'nav.volunteers', roles: ['project_manager'], component: VolunteersScreen, nav: false },
];
