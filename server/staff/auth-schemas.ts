// The sign-in API's shapes: the signed-in staff member (principal), signing in, and changing one's password.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/staff/staff-rules.ts';
import { staffScope } from './staff-schemas.ts';

const principalBody = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  roles: z.array(z.string()),
  ...staffScope,
  locale: z.string(),
  mustChangePassword: z.boolean().describe('true: the password was generated and must be changed (POST /api/auth/password) before anything else'),
});

export const loginBody = z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export const sessionBody = z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: principalBody });
export const meBody = principalBody.extend({
  csrfToken: z.string().optional().describe("with the session cookie: the CSRF header's value, so a reloaded console page can write again"),
});
export const passwordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z
    .string()
    .min(PASSWORD_MIN_LENGTH)
    .max(PASSWORD_MAX_LENGTH)
    .describe(`at least ${PASSWORD_MIN_LENGTH} characters and not easy to guess (400 staff.password_weak)`),
});

/** A signed-in staff member: who they are, their roles and scope. */
export type Principal = z.output<typeof principalBody>;
/** The signed-in staff member, with the CSRF value when the session is a cookie. */
export type Me = z.output<typeof meBody>;
export type Session = z.output<typeof sessionBody>;
export type LoginInput = z.input<typeof loginBody>;
export type PasswordInput = z.input<typeof passwordBody>;
