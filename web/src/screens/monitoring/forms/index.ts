// The forms' screens of the monitoring capability (Annexes 3 and 9); web/src/screens/monitoring/index.ts lists them.
import type { Screen } from '../../types.ts';
import { Annex3Screen } from './annex3-screen.tsx';
import { Annex9Screen } from './annex9-screen.tsx';

export const formScreens: Screen[] = [
  { path: 'monitoring/annex3', titleKey: 'nav.annex3', roles: ['project_manager'], component: Annex3Screen },
  { path: 'monitoring/annex9', titleKey: 'nav.annex9', roles: ['project_manager'], component: Annex9Screen },
];
