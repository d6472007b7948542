// Civic initiatives (issue 18): the moderation queue, the board by state, one initiative with its participants and
// progress, and the map. Moderators decide on proposals; project managers decide and carry them out (the API says
// which actions each may take, within their region and district).
import type { Screen } from '../types.ts';
import { InitiativeBoard, InitiativeQueue } from './initiatives-board.tsx';
import { InitiativeDetail } from './initiative-detail.tsx';
import { InitiativeMap } from './initiative-map.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 62;

export const screens: Screen[] = [
  { path: 'initiatives/queue', titleKey: 'nav.initiativeQueue', roles: ['moderator', 'project_manager'], component: InitiativeQueue },
  { path: 'initiatives', titleKey: 'nav.initiatives', roles: ['moderator', 'project_manager'], component: InitiativeBoard },
  { path: 'initiatives/map', titleKey: 'nav.initiativeMap', roles: ['moderator', 'project_manager'], component: InitiativeMap },
  { path: 'initiatives/:id', titleKey: 'nav.initiatives', roles: ['moderator', 'project_manager'], component: InitiativeDetail, nav: false },
];
