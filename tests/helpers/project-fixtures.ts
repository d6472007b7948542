// Shared pieces of the social-project tests: an API app whose services know the bot's username, staff
// accounts with tokens, a project body, an active project with beneficiaries, and reading XLSX cells.
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect } from 'vitest';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import type { ProjectInput } from '../../core/projects/project-admin.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../../core/services.ts';
import { buildAppServer, createAppServices } from '../../app/compose.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import { useTestDb, type DbTarget } from './db.ts';
import { testLogger } from './silent-logger.ts';

export const BOT_USERNAME = 'azamat_test_bot';

export interface ProjectApi {
  readonly services: ServicesWithDb;
  readonly app: FastifyInstance;
  /** staff account with a bearer token */
  account(login: string, roles: StaffRole[], regionId?: number | null, fullName?: string): Promise<{ id: number; token: string }>;
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: () => any; body: Buffer; text: string; headers: Record<string, unknown> }>;
}

/** Inside the period of `projectInput` (February–November 2026): ages, brackets and "joined by the end" hold on any real date. */
export const PROJECT_CLOCK = new Date('2026-06-15T05:00:00Z');

/** A suite's database, services (now = `clock()`, by default PROJECT_CLOCK; the bot username as given) and API. */
export function useProjectApi(target: DbTarget, opts: { botUsername?: string | null; clock?: () => Date; storageDir?: string } = {}): ProjectApi {
  const suite = useTestDb(target);
  let services: ServicesWithDb | undefined;
  let app: FastifyInstance | undefined;
  let ip = 1;
  beforeAll(async () => {
    services = createAppServices({
      db: suite.db,
      logger: testLogger,
      sessionTtlHours: 12,
      now: opts.clock ?? (() => PROJECT_CLOCK),
      projects: { botUsername: () => (opts.botUsername === undefined ? BOT_USERNAME : opts.botUsername) },
      storageDir: opts.storageDir,
    });
    app = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
  });
  afterAll(async () => {
    await app?.close();
  });
  const api: ProjectApi = {
    get services() {
      return services!;
    },
    get app() {
      return app!;
    },
    async account(login, roles, regionId = null, fullName = login) {
      const password = `${login}-password-1`;
      const s = await services!.staff.create({ type: 'system' }, { login, fullName, password, roles, regionId });
      const res = await app!.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password },
        remoteAddress: `10.9.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return { id: s.id, token: res.json().token as string };
    },
    async call(method, url, token, payload, headers = {}) {
      const res = await app!.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(payload !== undefined ? { payload: payload as string } : {}),
      });
      return { status: res.statusCode, json: () => res.json(), body: res.rawPayload, text: res.body, headers: res.headers };
    },
  };
  return api;
}

export const principal = (id: number, roles: StaffRole[], regionId: number | null = null): StaffPrincipal => ({
  id,
  login: `s${id}`,
  fullName: `Staff ${id}`,
  roles,
  regionId,
  districtId: null,
  departmentId: null,
  locale: 'ru',
});
export const actor = (p: StaffPrincipal) => ({ type: 'staff' as const, id: p.id });

export function projectInput(regionId: number | null, extra: Partial<ProjectInput> = {}): ProjectInput {
  return {
    nameKk: 'Жастарға құқықтық көмек',
    nameRu: 'Правовая помощь молодёжи',
    supplierName: 'ОФ «Болашақ»',
    supplierBin: '123456789012',
    contractSum: 4500.5,
    goalsKk: 'Жастардың құқықтық сауаттылығын арттыру',
    goalsRu: 'Повысить правовую грамотность молодёжи',
    objectivesKk: 'Семинарлар өткізу',
    objectivesRu: 'Провести семинары',
    startsOn: '2026-02-01',
    endsOn: '2026-11-30',
    areaId: 9,
    regionId,
    ...extra,
  };
}

/** The text of every worksheet of an XLSX, by file name (sheet1.xml …). */
export function xlsxSheets(body: Buffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(body)))
      .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .map(([name, bytes]) => [name.replace('xl/worksheets/', ''), strFromU8(bytes)]),
  );
}

/** The value of one cell (text of an inline string, or the number), e.g. cellValue(sheet, 'C3'). */
export function cellValue(sheetXml: string, ref: string): string | undefined {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`).exec(sheetXml);
  if (!m) return undefined;
  const inner = m[1] ?? '';
  const text = /<t[^>]*>([^<]*)<\/t>/.exec(inner)?.[1];
  const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
  return (text ?? v)
    ?.replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
