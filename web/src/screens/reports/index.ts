// The reports board of civic control (its detail page by link).
import type { Screen } from '../types.ts';
import { ReportsBoard } from './reports.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 10;

export const screens: Screen[] = [
  { path: 'reports', titleKey: 'nav.reports', roles: ['operator'], component: ReportsBoard },
  { path: 'reports/:id', titleKey: 'nav.reports', roles: ['operator'], component: ReportsBoard, nav: false },
];
