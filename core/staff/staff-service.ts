// Staff accounts and their sessions. Tokens are random; only their hash is stored.
import { isUniqueViolation } from '../db/unique-violation.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient, StaffUser } from '../../generated/prisma/client.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import type { RawSql } from '../db/raw-sql.ts';
import { conflict, DomainError, invalid, notFound } from '../errors.ts';
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import type { PasswordPolicy } from './password-policy.ts';
import type { StaffPrincipal } from './scope.ts';

export interface StaffInput {
  login: string;
  fullName: string;
  password: string;
  roles: StaffRole[];
  regionId?: number | null;
  districtId?: number | null;
  departmentId?: number | null;
  locale?: 'kk' | 'ru' | 'en';
  telegramId?: bigint | null;
}

export type StaffPatch = Partial<Omit<StaffInput, 'login'>> & { active?: boolean };

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: StaffPrincipal;
}

/**
 * Raw SQL because the PGlite driver adapter cannot bind a parameter for Prisma's enum-array
 * filters (`has`, `hasSome`): it fails with "malformed array literal". This works on both databases.
 */
async function countAdmins(tx: Tx, activeOnly: boolean): Promise<number> {
  const rows = activeOnly
    ? await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "StaffUser" WHERE 'admin' = ANY(roles) AND active`
    : await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "StaffUser" WHERE 'admin' = ANY(roles)`;
  return rows[0]?.n ?? 0;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The CSRF token is derived from the session token, so nothing more needs storing. */
export const csrfFor = (token: string) => sha256(`csrf:${token}`).slice(0, 32);

type PrincipalRow = Pick<StaffUser, 'id' | 'login' | 'fullName' | 'roles' | 'regionId' | 'districtId' | 'departmentId' | 'locale' | 'mustChangePassword'>;

export function toPrincipal(u: PrincipalRow): StaffPrincipal {
  return {
    id: u.id,
    login: u.login,
    fullName: u.fullName,
    roles: u.roles,
    regionId: u.regionId,
    districtId: u.districtId,
    departmentId: u.departmentId,
    locale: u.locale,
    mustChangePassword: u.mustChangePassword,
  };
}

export interface StaffServiceDeps {
  prisma: PrismaClient;
  /** the session check of every API request goes straight to the driver (core/db/raw-sql.ts) */
  sql: RawSql;
  sessionTtlHours: number;
  /** every password set here must pass it (staff accounts, resets, a configured first admin) */
  passwords: PasswordPolicy;
  now?: () => Date;
}

export function createStaffService({ prisma, sql, sessionTtlHours, passwords, now = () => new Date() }: StaffServiceDeps) {
  async function checkScopeRefs(input: { regionId?: number | null; districtId?: number | null; departmentId?: number | null }) {
    if (input.districtId != null) {
      const d = await prisma.district.findUnique({ where: { id: input.districtId } });
      if (!d) throw invalid('staff.unknown_district');
      if (input.regionId != null && d.regionId !== input.regionId) throw invalid('staff.district_not_in_region');
    }
    if (input.regionId != null && !(await prisma.region.findUnique({ where: { id: input.regionId } }))) throw invalid('staff.unknown_region');
    if (input.departmentId != null && !(await prisma.department.findUnique({ where: { id: input.departmentId } }))) throw invalid('staff.unknown_department');
  }

  return {
    async list() {
      return prisma.staffUser.findMany({ orderBy: { login: 'asc' } });
    },

    /** The active account linked to a Telegram user (a staff group's member who presses or replies), if any. */
    async byTelegram(telegramId: number): Promise<StaffPrincipal | null> {
      const user = await prisma.staffUser.findFirst({ where: { telegramId: BigInt(telegramId), active: true } });
      return user ? toPrincipal(user) : null;
    },

    async get(id: number) {
      const u = await prisma.staffUser.findUnique({ where: { id } });
      if (!u) throw notFound('staff.not_found');
      return u;
    },

    async create(actor: Actor, input: StaffInput) {
      if (input.roles.length === 0) throw invalid('staff.roles_required');
      await checkScopeRefs(input);
      const existing = await prisma.staffUser.findUnique({ where: { login: input.login } });
      if (existing) throw conflict('staff.login_taken');
      await passwords.check(input.password, [input.login, input.fullName]);
      const passwordHash = await hashPassword(input.password);
      return prisma.$transaction(async (tx) => {
        const user = await tx.staffUser.create({
          data: {
            login: input.login,
            fullName: input.fullName,
            passwordHash,
            roles: input.roles,
            regionId: input.regionId ?? null,
            districtId: input.districtId ?? null,
            departmentId: input.departmentId ?? null,
            locale: input.locale ?? 'ru',
            telegramId: input.telegramId ?? null,
          },
        });
        await recordAudit(tx, actor, { action: 'staff.create', entity: 'staff_user', entityId: user.id, after: user });
        return user;
      });
    },

    async update(actor: Actor, id: number, patch: StaffPatch) {
      const before = await prisma.staffUser.findUnique({ where: { id } });
      if (!before) throw notFound('staff.not_found');
      if (patch.roles && patch.roles.length === 0) throw invalid('staff.roles_required');
      await checkScopeRefs({
        regionId: patch.regionId !== undefined ? patch.regionId : before.regionId,
        districtId: patch.districtId !== undefined ? patch.districtId : before.districtId,
        departmentId: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
      });
      const { password, ...rest } = patch;
      if (password) await passwords.check(password, [before.login, patch.fullName ?? before.fullName]);
      const passwordHash = password ? await hashPassword(password) : undefined;
      return prisma.$transaction(async (tx) => {
        if (before.active && before.roles.includes('admin') && (patch.active === false || (patch.roles && !patch.roles.includes('admin')))) {
          if ((await countAdmins(tx, true)) <= 1) throw conflict('staff.last_admin');
        }
        // A password set by someone else is known to them: its owner must replace it at the next sign-in,
        // as with the generated first admin password.
        const byOwner = actor.type === 'staff' && String(actor.id) === String(id);
        const after = await tx.staffUser.update({
          where: { id },
          data: { ...rest, ...(passwordHash ? { passwordHash, mustChangePassword: !byOwner } : {}) },
        });
        // A deactivated account or a new password ends every open session at once.
        if (patch.active === false || passwordHash) await tx.staffSession.deleteMany({ where: { staffUserId: id } });
        await recordAudit(tx, actor, {
          action: passwordHash ? 'staff.update_password' : 'staff.update',
          entity: 'staff_user',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async login(login: string, password: string, meta: { ip?: string; userAgent?: string } = {}): Promise<LoginResult> {
      const user = await prisma.staffUser.findUnique({ where: { login } });
      // Verify even for unknown logins so timing does not reveal which logins exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || !user.active) {
        await prisma.auditLog.create({
          // Never the typed login: people sometimes type their password into it.
          data: {
            actorType: 'staff',
            actorId: user ? String(user.id) : null,
            action: 'auth.login_failed',
            entity: 'staff_user',
            entityId: user ? String(user.id) : null,
            ip: meta.ip ?? null,
          },
        });
        throw new DomainError('unauthorized', 'auth.bad_credentials');
      }
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const expiresAt = new Date(at.getTime() + sessionTtlHours * 3_600_000);
      await prisma.$transaction(async (tx) => {
        await tx.staffSession.create({
          data: { id: sha256(token), staffUserId: user.id, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null },
        });
        await tx.staffUser.update({ where: { id: user.id }, data: { lastLoginAt: at } });
        await recordAudit(tx, { type: 'staff', id: user.id, ip: meta.ip }, { action: 'auth.login', entity: 'staff_user', entityId: user.id });
      });
      return { token, csrfToken: csrfFor(token), expiresAt, user: toPrincipal(user) };
    },

    /**
     * The signed-in person's own new password: the current one must be given. Their other sessions end;
     * this one (`token`) stays. Clears the must-change flag of a generated password.
     */
    async changePassword(actor: Actor, userId: number, token: string, current: string, next: string) {
      const user = await prisma.staffUser.findUnique({ where: { id: userId } });
      if (!user || !(await verifyPassword(current, user.passwordHash))) throw invalid('auth.wrong_password');
      if (next === current) throw invalid('staff.password_unchanged');
      await passwords.check(next, [user.login, user.fullName]);
      const passwordHash = await hashPassword(next);
      await prisma.$transaction(async (tx) => {
        await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
        await tx.staffSession.deleteMany({ where: { staffUserId: user.id, id: { not: sha256(token) } } });
        await recordAudit(tx, actor, { action: 'staff.change_password', entity: 'staff_user', entityId: user.id });
      });
    },

    /** The principal behind a token, or null if it is unknown, expired or its account is inactive. */
    async authenticate(token: string): Promise<StaffPrincipal | null> {
      // Every API request starts here: one statement for the session and its account, read each time (no
      // cache), so a sign-out, a deactivation or a role change takes effect at the very next request.
      const [session] = await sql.query<PrincipalRow & { active: boolean; sessionId: string; expiresAt: Date; lastUsedAt: Date }>(
        `SELECT u.id, u.login, u."fullName", u.roles::text[] AS roles, u."regionId", u."districtId", u."departmentId", u.locale,
                u."mustChangePassword", u.active, s.id AS "sessionId", s."expiresAt", s."lastUsedAt"
         FROM "StaffSession" s JOIN "StaffUser" u ON u.id = s."staffUserId"
         WHERE s.id = $1`,
        [sha256(token)],
        { name: 'staff-session' },
      );
      const at = now();
      if (!session || session.expiresAt <= at || !session.active) return null;
      // Sliding expiry, written at most once a minute to keep reads cheap.
      if (at.getTime() - session.lastUsedAt.getTime() > 60_000) {
        await sql.query('UPDATE "StaffSession" SET "lastUsedAt" = $1, "expiresAt" = $2 WHERE id = $3', [
          at,
          new Date(at.getTime() + sessionTtlHours * 3_600_000),
          session.sessionId,
        ]);
      }
      return toPrincipal(session);
    },

    async logout(token: string, actor: Actor) {
      await prisma.$transaction(async (tx) => {
        await tx.staffSession.deleteMany({ where: { id: sha256(token) } });
        await recordAudit(tx, actor, { action: 'auth.logout', entity: 'staff_user', entityId: actor.id ?? null });
      });
    },

    async purgeExpiredSessions(): Promise<number> {
      const { count } = await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: now() } } });
      return count;
    },

    /**
     * Creates the first admin when there is none. Returns the generated password (to be shown once)
     * when none was configured, or null when an admin already exists or the password was given. A
     * generated password has been on a screen or in a log: it must be changed at the first sign-in.
     */
    async ensureFirstAdmin(login: string, configuredPassword: string | undefined): Promise<{ created: boolean; generatedPassword: string | null }> {
      if ((await countAdmins(prisma, false)) > 0) return { created: false, generatedPassword: null };
      if (configuredPassword !== undefined) await passwords.check(configuredPassword, [login]);
      const password = configuredPassword ?? generatePassword();
      const passwordHash = await hashPassword(password);
      try {
        await prisma.$transaction(async (tx) => {
          const user = await tx.staffUser.create({
            data: { login, fullName: 'Administrator', passwordHash, roles: ['admin'], mustChangePassword: configuredPassword === undefined },
          });
          await recordAudit(tx, { type: 'system' }, { action: 'staff.bootstrap_admin', entity: 'staff_user', entityId: user.id, after: user });
        });
      } catch (e) {
        // Instances started together on an empty database all find no admin; the first one creates it, and the
        // others must go on starting instead of failing on the taken login.
        if (isUniqueViolation(e) && (await countAdmins(prisma, false)) > 0) return { created: false, generatedPassword: null };
        throw e;
      }
      return { created: true, generatedPassword: configuredPassword ? null : password };
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
