// Every id a write request refers to — in its body, its query, or a second segment of its path — is checked
// against the caller's scope and the target's state (in the services, through core/staff/scoped-records.ts).
// The suite reads the write routes from the OpenAPI document and insists that each id field has a case in
// its table (tests/helpers/scope-cases.ts), or a reason why it names no record of ours; so a new route with an unchecked id fails
// here until someone writes its case. Each case is refused with the answer the target's own GET (or its
// dedicated route) gives, and the whole database is byte for byte as it was: nothing written, not even to
// the audit log or the outbox. Callers are of Astana; "theirs" is Almaty's.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';
import { CHECKED_IN_THEIR_SUITES, NOT_OURS, ROUTES, type Method } from './helpers/scope-cases.ts';
import { buildWorld, changedTables, fingerprint, NOW, type World } from './helpers/scope-world.ts';

const ID_FIELD = /(^ids?$|Ids?$|_id$)/;
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

function idFields(s: Schema | undefined, prefix: string, out: Set<string>): void {
  if (!s) return;
  for (const [name, sub] of Object.entries(s.properties ?? {})) {
    if (ID_FIELD.test(name)) out.add(`${prefix}${name}`);
    idFields(sub, `${prefix}${name}.`, out);
  }
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), ...(s.items ? [s.items] : [])]) idFields(sub, prefix, out);
}

describe.each(dbTargets)('ids that requests refer to (%s)', (target) => {
  const api = useProjectApi(target, { clock: () => NOW });
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(api);
  });

  it('has a case for every id field of every write route in the OpenAPI document', async () => {
    await api.app.ready();
    const doc = (await api.app.openapi()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: Array<{ in: string; name: string }> }>
      >;
    };
    const found = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!WRITES.has(method)) continue;
        const fields = new Set<string>();
        idFields(op.requestBody?.content?.['application/json']?.schema, 'body.', fields);
        for (const p of op.parameters ?? [])
          if (p.in !== 'path' ? p.in === 'query' && ID_FIELD.test(p.name) : p.name !== 'id' && ID_FIELD.test(p.name)) fields.add(`${p.in}.${p.name}`);
        for (const f of fields) found.add(`${method.toUpperCase()} ${path} ${f}`);
      }
    }
    const covered = new Set([
      ...Object.entries(ROUTES).flatMap(([route, r]) => r.cases.filter((c) => c.field !== '*').map((c) => `${route} ${c.field}`)),
      ...Object.keys(NOT_OURS),
      ...Object.keys(CHECKED_IN_THEIR_SUITES),
    ]);
    expect([...found].filter((f) => !covered.has(f)).sort(), 'id fields without a case').toEqual([]);
    expect([...covered].filter((f) => !found.has(f)).sort(), 'cases for fields the API does not have').toEqual([]);
    expect(found.size).toBeGreaterThan(60);
  });

  const cases = Object.entries(ROUTES).flatMap(([route, r]) =>
    r.cases.map((c) => [`${route} ${c.field}: ${c.what} → ${c.status} ${c.code}`, { route, r, c }] as const),
  );
  it.each(cases)('%s', async (_name, { route, r, c }) => {
    const method = route.split(' ')[0] as Method;
    const body = { ...(r.body?.(w) ?? {}), ...(c.body?.(w) ?? {}) };
    const before = await fingerprint(api.services.prisma);
    const res = await api.call(method, (c.url ?? r.url)(w), w.tokens[c.as], method === 'DELETE' ? undefined : body);
    expect(res.status, res.text).toBe(c.status);
    const json = res.json();
    const error = c.perItem ? json.results[0].error : json.error;
    expect(error.code, res.text).toBe(c.code);
    expect(error.message, 'a localised message').not.toBe(c.code);
    expect(changedTables(before, await fingerprint(api.services.prisma)), 'tables written').toEqual([]);
  });
});
