// Monitoring of social projects (Rules ch. 3): a project's monitoring — the year's rounds against 2–5, each
// round's indicators and tools, the measures (reached from the project's page) — and the state body's forms.
import type { Screen } from '../types.ts';
import { formScreens } from './forms/index.ts';
import { MonitoringScreen } from './monitoring-screen.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 55;

// The forms first: `monitoring/:id` would also match `monitoring/annex9`.
export const screens: Screen[] = [
  ...formScreens,
  { path: 'monitoring/:id', titleKey: 'nav.monitoring', roles: ['project_manager', 'expert'], component: MonitoringScreen, nav: false },
];
