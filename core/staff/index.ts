// Staff: accounts, roles and scope, sign-in sessions, the password rules, the notices staff read and the
// audit log admins read.
import { createAuditQueries } from '../audit/audit-queries.ts';
import type { DomainModule } from '../services.ts';
import { createNoticeService } from './notices.ts';
import { createPasswordPolicy, type PasswordPolicy } from './password-policy.ts';
import { createStaffService, type StaffService } from './staff-service.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    staff: StaffService;
    passwords: PasswordPolicy;
    notices: ReturnType<typeof createNoticeService>;
    /** reading the audit log (admins) */
    audit: ReturnType<typeof createAuditQueries>;
  }
  interface CapabilityOptions {
    /** how long a staff sign-in lasts (config SESSION_TTL_HOURS) */
    sessionTtlHours: number;
    /** the staff password checker; one is made when absent (its dictionaries load at the first check) */
    passwords?: PasswordPolicy;
  }
}

export const staffDomain: DomainModule<'staff' | 'passwords' | 'notices' | 'audit'> = {
  name: 'staff',
  services: ({ db, prisma, now, options }) => {
    const passwords = options.passwords ?? createPasswordPolicy();
    return {
      staff: createStaffService({ prisma, sql: db.sql, sessionTtlHours: options.sessionTtlHours, passwords, now }),
      passwords,
      notices: createNoticeService({ prisma, now }),
      audit: createAuditQueries({ prisma }),
    };
  },
};
