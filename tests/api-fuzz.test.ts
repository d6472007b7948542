// Bad input never reaches a 500: every operation of the OpenAPI document is driven with hostile path
// parameters, query strings and bodies (tests/helpers/fuzz-requests.ts), as the administrator and
// anonymously, against a database filled with the demo, so valid ids reach the services too. A fixed
// seed makes every run send the same requests; a 5xx fails the test with the requests that caused it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemo } from '../core/demo/fill-demo.ts';
import { CAPABILITIES } from '../app/capabilities/index.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { buildAppServer, createAppServices } from '../app/compose.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { attackExamples, operationsOf, requestArb, type FuzzRequest, type Operation } from './helpers/fuzz-requests.ts';
import { testLogger } from './helpers/silent-logger.ts';

const NOW = new Date('2026-11-20T12:00:00+05:00');
const SEED = 407_2026;
/** Random requests per operation beyond the systematic ones (attackExamples), and anonymous ones on staff routes. */
const RUNS = { random: Number(process.env.FUZZ_RUNS ?? 6), anonymous: 3 };
const ADMIN = { login: 'admin', password: 'fuzz-admin-password-4071' };

interface Failure {
  role: string;
  operation: string;
  request: FuzzRequest;
  status: number;
}

/** Different seeds per operation, so each is fuzzed with its own values yet every run is the same. */
const seedOf = (key: string) => [...key].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, SEED);

describe.each(dbTargets)('hostile input on every route (%s)', (target) => {
  const suite = useTestDb(target);
  const storageDir = mkdtempSync(path.join(tmpdir(), 'azamat-fuzz-'));
  let services: ServicesWithDb;
  let app: FastifyInstance;
  let adminToken = '';
  let adminHash = '';
  let apiKey = '';
  let nextIp = 0;
  // Each request from its own address: the rate limits of sign-in and Open311 would otherwise answer 429 to most.
  const freshIp = () => `10.${(nextIp >> 16) & 255}.${(nextIp >> 8) & 255}.${nextIp++ & 255}`;

  /**
   * The fuzzer may sign the administrator out, change the password or the roles: put them back, and open
   * a session the way sign-in does (without its deliberately slow password check).
   */
  async function restoreAdmin() {
    const admin = await services.prisma.staffUser.update({ where: { login: ADMIN.login }, data: { active: true, roles: ['admin'], passwordHash: adminHash } });
    adminToken = randomBytes(32).toString('base64url');
    await services.prisma.staffSession.create({
      data: { id: createHash('sha256').update(adminToken).digest('hex'), staffUserId: admin.id, expiresAt: new Date(NOW.getTime() + 3_600_000) },
    });
  }

  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12, now: () => NOW, storageDir });
    app = await buildAppServer({ services, i18n: services.i18n, logger: testLogger, cookieSecure: false });
    await app.ready();
    await services.staff.ensureFirstAdmin(ADMIN.login, ADMIN.password);
    await fillDemo(services, CAPABILITIES, { storageDir, now: NOW });
    adminHash = (await services.prisma.staffUser.findUniqueOrThrow({ where: { login: ADMIN.login } })).passwordHash;
    apiKey = (await services.apiClients.create({ type: 'system' }, { name: 'fuzz' })).key;
    await restoreAdmin();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('answers no 5xx to any of them, as the administrator or anonymously', { timeout: 600_000 }, async () => {
    const ops = operationsOf(await app.openapi());
    expect(ops.length).toBeGreaterThan(150);
    // Ids that exist (the demo's), so hostile bodies reach the services rather than a 404.
    const known = {
      id: ['1', '2', '3'],
      api_key: [apiKey],
      format: ['json', 'xml'],
      service_request_id: ['KZ-2026-000101'],
      jurisdiction_id: ['astana'],
      status: ['open'],
    };
    const failures: Failure[] = [];
    let requests = 0;

    const send = async (role: 'admin' | 'anonymous', op: Operation, r: FuzzRequest) => {
      const headers: Record<string, string> = { 'accept-language': r.locale };
      if (role === 'admin') headers.authorization = `Bearer ${adminToken}`;
      const res = await app.inject({
        method: r.method,
        url: r.url,
        headers,
        remoteAddress: freshIp(),
        ...(r.payload === undefined ? {} : { payload: r.payload as object }),
      });
      requests++;
      if (res.statusCode >= 500) failures.push({ role, operation: `${op.method} ${op.path}`, request: r, status: res.statusCode });
      if (role === 'admin' && res.statusCode === 401) await restoreAdmin();
    };

    const timing: Record<string, number> = {};
    for (const op of ops) {
      for (const role of ['admin', 'anonymous'] as const) {
        const t0 = performance.now();
        // Anonymous calls of staff routes end at the sign-in check: a few random ones show that holds.
        const full = role === 'admin' || op.isPublic;
        const seed = seedOf(`${role} ${op.method} ${op.path}`);
        const examples = full ? attackExamples(op, { known }, seed).map((r): [FuzzRequest] => [r]) : [];
        await fc.assert(
          fc.asyncProperty(requestArb(op, { known }), async (r) => {
            await send(role, op, r);
          }),
          // fast-check counts the examples in numRuns.
          { seed, numRuns: examples.length + (full ? RUNS.random : RUNS.anonymous), examples },
        );
        timing[`${role} ${op.method} ${op.path}`] = Math.round(performance.now() - t0);
      }
    }
    const byOperation = [...new Set(failures.map((f) => `${f.status} ${f.role} ${f.operation}`))];
    // FUZZ_REPORT=<file> keeps the figures and every failing request for a closer look.
    if (process.env.FUZZ_REPORT)
      writeFileSync(`${process.env.FUZZ_REPORT}.${target}.json`, JSON.stringify({ requests, operations: ops.length, timing, failures }, null, 1));
    expect(byOperation, JSON.stringify(failures.slice(0, 20), null, 1)).toEqual([]);
  });
});
