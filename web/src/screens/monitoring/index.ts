// A project's monitoring (Order 407 ch. 3): the year's rounds against 2–5, each round's indicators and tools,
// the measures. Reached from the project's page.
import type { Screen } from '../types.ts';
import { MonitoringScreen } from './monitoring-screen.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 41;

export const screens: Screen[] = [
  { path: 'monitoring/:id', titleKey: 'nav.monitoring', roles: ['project_manager', 'expert'], component: MonitoringScreen, nav: false },
];
