// Staff: accounts, roles and scope, sign-in sessions, the password rules and the notices staff read.
import type { DomainModule } from '../services.ts';
import { createNoticeService } from './notices.ts';
import { createPasswordPolicy, type PasswordPolicy } from './password-policy.ts';
import { createStaffService, type StaffService } from './staff-service.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    staff: StaffService;
    passwords: PasswordPolicy;
    notices: ReturnType<typeof createNoticeService>;
  }
  interface CapabilityOptions {
    /** how long a staff sign-in lasts (config SESSION_TTL_HOURS) */
    sessionTtlHours: number;
    /** the staff password checker; one is made when absent (its dictionaries load at the first check) */
    passwords?: PasswordPolicy;
  }
}

export const staffDomain: DomainModule<'staff' | 'passwords' | 'notices'> = {
  name: 'staff',
  services: ({ prisma, now, options }) => {
    const passwords = options.passwords ?? createPasswordPolicy();
    return {
      staff: createStaffService({ prisma, sessionTtlHours: options.sessionTtlHours, passwords, now }),
      passwords,
      notices: createNoticeService({ prisma, now }),
    };
  },
};
