// The admin shell: staff accounts, reference data, the calendar, API keys, the audit log (one tab each).
import type { Screen } from '../types.ts';
import { AdminScreen } from './admin.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 90;

export const screens: Screen[] = [
  { path: 'admin', titleKey: 'nav.admin', roles: ['admin'], component: AdminScreen },
  { path: 'admin/:tab', titleKey: 'nav.admin', roles: ['admin'], component: AdminScreen, nav: false },
];
