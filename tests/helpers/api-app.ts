// A suite's own database, services and admin API (driven with app.inject), with a signed-in admin, and
// staff accounts made and signed in for a suite in one call.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Database } from '../../core/db/client.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../../core/services.ts';
import { buildAppServer, createAppServices } from '../../app/compose.ts';
import type { StaffInput } from '../../core/staff/staff-service.ts';
import { useTestDb, type DbTarget } from './db.ts';
import { lateBound } from './late-bound.ts';
import { testLogger } from './silent-logger.ts';

export const ADMIN_PASSWORD = 'admin-password-1';

/** The suite's services, app and database may be taken at describe time (`const { services, app } = api`) and used in tests and hooks. */
export interface ApiApp {
  readonly services: ServicesWithDb;
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly prisma: PrismaClient;
  readonly adminToken: string;
  /** signs in from a fresh client address, so the login rate limit never interferes */
  signIn(login: string, password: string): Promise<string>;
  /** a staff account made by the system (the full name defaults to the login), signed in */
  staff(input: Omit<StaffInput, 'fullName'> & { fullName?: string }): Promise<{ id: number; token: string }>;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function useApiApp(target: DbTarget): ApiApp {
  const suite = useTestDb(target);
  let services: ServicesWithDb | undefined;
  let app: FastifyInstance | undefined;
  let adminToken = '';
  let nextIp = 1;
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('API app not ready: use it inside tests or hooks');
    return v;
  };

  const api: ApiApp = {
    services: lateBound('the API suite’s services', () => services),
    app: lateBound('the API suite’s app', () => app),
    db: lateBound('the API suite’s database', () => suite.db),
    prisma: lateBound('the API suite’s database', () => suite.db.prisma),
    get adminToken() {
      return adminToken;
    },
    async signIn(login, password) {
      const remoteAddress = `10.${Math.floor(nextIp / 62500) % 250}.${Math.floor(nextIp / 250) % 250}.${(nextIp++ % 250) + 1}`;
      const res = await ready(app).inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().token as string;
    },
    async staff(input) {
      const user = await ready(services).staff.create({ type: 'system' }, { fullName: input.login, ...input });
      return { id: user.id, token: await api.signIn(input.login, input.password) };
    },
  };

  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12 });
    app = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
    await services.staff.ensureFirstAdmin('admin', ADMIN_PASSWORD);
    adminToken = await api.signIn('admin', ADMIN_PASSWORD);
  });
  // Registered after useTestDb's, so it runs first: the server closes before its database.
  afterAll(async () => {
    await app?.close();
  });
  return api;
}
