// The system's state, for admins: Telegram, the outbox, job runs, the database, backups and the version.
import type { Screen } from '../types.ts';
import { SystemStatusScreen } from './system-status.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 100;

export const screens: Screen[] = [{ path: 'system', titleKey: 'nav.system', roles: ['admin'], component: SystemStatusScreen }];
