// The staff accounts API's shapes: an account as admins see it, the directory of colleagues, and what
// admins write.
import { z } from 'zod';
import { StaffRole } from '../../generated/prisma/enums.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/staff/staff-rules.ts';
import { bodyId, enumOf } from '../schemas.ts';

const role = enumOf(StaffRole);

/** Where a staff member works: the region, district and department they see (null: not narrowed). */
export const staffScope = {
  regionId: z.number().nullable(),
  districtId: z.number().nullable(),
  departmentId: z.number().nullable(),
};

export const staffBody = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  roles: z.array(role),
  ...staffScope,
  locale: z.string(),
  active: z.boolean(),
  telegramId: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean().describe('a generated password not yet changed by its owner'),
});

export const directoryBody = staffBody.pick({ id: true, fullName: true, roles: true, regionId: true, districtId: true, departmentId: true });
export const directoryQuery = z.object({ role: role.optional().describe('only staff with this role (admins are listed for every role)') });

const scopeFields = {
  regionId: bodyId.nullable().optional(),
  districtId: bodyId.nullable().optional(),
  departmentId: bodyId.nullable().optional(),
  locale: z.enum(['kk', 'ru', 'en']).optional(),
  telegramId: z
    .string()
    .regex(/^\d{1,15}$/)
    .nullable()
    .optional()
    .describe('Telegram user id, to let this person act from staff groups'),
};

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .describe(
    `at least ${PASSWORD_MIN_LENGTH} characters and not easy to guess: a common password, a keyboard pattern or the person's own name is refused (400 staff.password_weak)`,
  );

export const createBody = z.object({
  login: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ - only'),
  fullName: z.string().trim().min(1).max(200),
  password: password,
  roles: z.array(role).min(1),
  ...scopeFields,
});

export const patchBody = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  password: password.optional(),
  roles: z.array(role).min(1).optional(),
  active: z.boolean().optional(),
  ...scopeFields,
});

/** A staff account as admins see it. */
export type StaffAccount = z.output<typeof staffBody>;
/** A colleague in the directory: names, roles and scope only. */
export type Colleague = z.output<typeof directoryBody>;
export type StaffInput = z.input<typeof createBody>;
export type StaffPatch = z.input<typeof patchBody>;
