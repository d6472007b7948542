// Staff: sign-in, accounts, the audit log and notices; the console's admin shell.
import { staffDomain } from '../../core/staff/index.ts';
import type { Capability } from '../capability.ts';

export const staff: Capability = {
  ...staffDomain,
  locales: ['staff'],
  routes: async ({ services, cookieSecure }) => [
    (await import('../../server/staff/auth.ts')).authRoutes(services, { cookieSecure }),
    (await import('../../server/staff/staff.ts')).staffRoutes(services),
    (await import('../../server/staff/audit.ts')).auditRoutes(services),
    (await import('../../server/staff/notices.ts')).noticeRoutes(services),
  ],
  console: 'admin',
};
