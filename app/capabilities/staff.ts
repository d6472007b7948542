// Staff: sign-in, accounts, the audit log and notices; the console's admin shell.
import { auditRoutes } from '../../server/staff/audit.ts';
import { authRoutes } from '../../server/staff/auth.ts';
import { noticeRoutes } from '../../server/staff/notices.ts';
import { staffRoutes } from '../../server/staff/staff.ts';
import { staffDomain } from '../../core/staff/index.ts';
import type { Capability } from '../capability.ts';

export const staff: Capability = {
  ...staffDomain,
  locales: ['staff'],
  routes: ({ services, cookieSecure }) => [authRoutes(services, { cookieSecure }), staffRoutes(services), auditRoutes(services), noticeRoutes(services)],
  console: 'admin',
};
