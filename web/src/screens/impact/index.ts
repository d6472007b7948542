// Social-impact evaluation (seed 000): a project's impact screen (framework, before/after, stories of change,
// SROI; reached from the project's page), the balanced scorecard of a body's projects, and the financial proxies.
import type { Screen } from '../types.ts';
import { ImpactScreen } from './impact-screen.tsx';
import { ProxiesScreen } from './proxies-screen.tsx';
import { ScorecardScreen } from './scorecard-screen.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 56;

// The fixed paths first: `impact/:id` would also match them.
export const screens: Screen[] = [
  { path: 'impact/scorecard', titleKey: 'nav.scorecard', roles: ['project_manager'], component: ScorecardScreen },
  { path: 'impact/proxies', titleKey: 'nav.proxies', roles: ['admin'], component: ProxiesScreen },
  { path: 'impact/:id', titleKey: 'nav.impact', roles: ['project_manager'], component: ImpactScreen, nav: false },
];
