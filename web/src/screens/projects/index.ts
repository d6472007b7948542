// Social projects, their beneficiaries, events and grant-report statistics.
import type { Screen } from '../types.ts';
import { ProjectsScreen } from './projects.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 40;

export const screens: Screen[] = [
  { path: 'projects', titleKey: 'nav.projects', roles: ['project_manager'], component: ProjectsScreen },
  { path: 'projects/:id', titleKey: 'nav.projects', roles: ['project_manager'], component: ProjectsScreen, nav: false },
];
