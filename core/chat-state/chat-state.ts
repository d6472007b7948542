// The bot's key-value state in the BotSession table: grammY sessions ('s:'), conversation state ('c:') and
// the staff groups' pending notes ('sg:'), so a restart loses no one's progress. The prefixes are stored
// names: never change one. Reads and writes wait out a database that is away for a moment (restart,
// failover): the state is written after the update's messages went out, and a lost write would leave the
// conversation a step behind what the citizen sees; a read that waits lets the update be handled late
// rather than dropped.
//
// Values are written as `jsonb` by raw SQL: Prisma's Json walks a value twice and cost 3–4 times the CPU of
// the statement (issue 23). Inside a `unit` (one update of the bot) the keys it names are read in one
// statement at its start and every write and delete is made in one statement at its end, instead of a
// statement per read and per write. Other services ride along (UnitParts): the update's claim, the citizen
// and the citizen's report draft are read in the first statement, and the claim marked done and the draft's
// changes written (`defer`) in the last, so an update of the bot costs two transactions for all of this
// (issue 23).
//
// The unit's two statements go straight to the driver (core/db/raw-sql.ts), not through Prisma's $queryRaw,
// whose runtime cost 0.2–0.3 ms of CPU a statement (issue 23). On PostgreSQL each is a named prepared statement,
// named by its text: the parts keep their text stable between updates (values are parameters), so a handful
// of shapes (a private chat or a group; which of the draft's columns changed) are parsed and planned once per
// connection.
//
// A running unit is found by key, not by AsyncLocalStorage (whose promise hooks cost every promise of the
// process CPU on Node 20, 0.25–0.3 ms an update; issue 23): the stores' keys are the unit's own `keys`, and a
// service's key (`recall`, `defer`, …) ends in `:<scope>`, the citizen's id, which the unit owns once its
// start says whose chat it is (`start.own`), until it ends. Any call for that citizen meanwhile goes to the
// unit, whichever code makes it, so this is safe only for what the citizen's own update alone changes: the
// services that use it (the report draft, the citizen's place) are called for a citizen only from their chat's
// updates, which run one at a time, and write at once when `defer` answers false (the unit ended while they
// awaited). Other code (a staff member's request, a job) must not reach them for a citizen: it would read the
// unit's kept values, and its writes would wait for the unit's end and fail with the unit's write.
import { createHash } from 'node:crypto';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { isStaleStatement, sqlState, type RawSql } from '../db/raw-sql.ts';
import { retryTransient } from '../db/transient.ts';

export interface KeyValueStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ChatState {
  /** A store whose keys all start with `prefix`; each store remembers its own last writes. */
  store<T>(prefix: string): KeyValueStorage<T>;
  /**
   * Runs `fn` as one unit: the rows of `keys` (full keys, prefix included) are read together first, and what
   * the stores write or delete meanwhile is written together when `fn` has finished (also when it threw).
   * Callers make sure no other unit works on the same keys at once (the bot handles a chat's updates in turn).
   */
  unit<R>(keys: string[], fn: (start: UnitStart) => Promise<R>, parts?: UnitParts): Promise<R>;
  /**
   * Inside a unit: what a service last read or wrote under `key` during it, so it need not read it again
   * (e.g. the report draft just saved); undefined when nothing was kept, and always outside a unit. Only for
   * rows no one else writes while the chat's update is handled (the citizen's own draft).
   */
  recall<T>(key: string): T | undefined;
  /** Keeps `value` for `recall` until the unit ends (`undefined` forgets it); nothing outside a unit. */
  remember(key: string, value: unknown): void;
  /**
   * Inside a unit: `sql`, a data-modifying statement, becomes a part of the unit's last statement, in place
   * of what was deferred under `key` before (`null` drops that). It commits with the chat's state, also when
   * the work threw (what was saved stays). False outside a unit: the caller writes at once. Only for rows no
   * one else writes meanwhile, and each key's part must touch rows no other part touches (one snapshot).
   */
  defer(key: string, sql: Prisma.Sql | null): boolean;
  /** what is deferred under `key` in this unit, if anything */
  deferred(key: string): Prisma.Sql | undefined;
  /** whether a unit owns `key` (a service's key: `<name>:<scope>`, see `UnitStart.own`) */
  inUnit(key: string): boolean;
}

/**
 * Statements of other services made inside a unit's two: built by those services (core/ops/update-claims,
 * core/citizens), opaque to the caller.
 */
export interface UnitParts {
  /**
   * A claim on the work (the update): `take` is a data-modifying query whose rows say the claim was taken,
   * run in the read statement. Only when it was taken does the write statement add `done` (fn finished) or
   * `giveUp` (fn threw), so the claim's end is committed with the state.
   */
  claim?: { take: Prisma.Sql; done: () => Prisma.Sql; giveUp: Prisma.Sql };
  /** a query of at most one row, read in the same statement (`start.row`) */
  row?: Prisma.Sql;
  /** more queries of at most one row each, read in the same statement as `jsonb` (`start.reads[name]`) */
  reads?: Record<string, Prisma.Sql>;
}

export interface UnitStart {
  /** false when `parts.claim` was not taken (someone else holds it): the unit reads, but fn should do nothing */
  claimed: boolean;
  /** the row of `parts.row`, with its columns typed as Prisma's raw queries type them, or null */
  row: Record<string, unknown> | null;
  /** each of `parts.reads`'s rows as `jsonb` (timestamps as text without a zone), or null */
  reads: Record<string, Record<string, unknown> | null>;
  /**
   * From now until the unit ends, services' keys ending in `:<scope>` (e.g. `reportDraft:42` for the citizen
   * 42) are this unit's: `recall`, `remember`, `defer`, `deferred` and `inUnit` answer from it.
   */
  own(scope: string | number): void;
}

/** A service's key names its scope after its last colon: `reportDraft:42` → `42`. */
const scopeOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);
/** replaced by the unit once it runs */
const noOwner = (): void => undefined;

interface Unit {
  /** rows read at the start: a key's value, or null when it has no row */
  read: Map<string, unknown>;
  /** the last write (JSON text) or delete (null) of each key */
  pending: Map<string, string | null>;
  /** what the stores remember once the writes are made */
  written: Array<() => void>;
  /** values services kept for the unit's length (`recall`) */
  kept: Map<string, unknown>;
  /** services' writes made in the last statement (`defer`), in the order first deferred */
  deferred: Map<string, Prisma.Sql>;
  /** the scopes the unit owns (`own`) */
  scopes: string[];
  /** released: `own` takes nothing any more */
  ended: boolean;
}

/** Prisma standing in for the raw-SQL port where none is given (tests that wrap the client). */
const viaPrisma = (prisma: PrismaClient): RawSql => ({
  query: <T extends object>(text: string, values: readonly unknown[] = []) => prisma.$queryRawUnsafe<T[]>(text, ...values),
});

/** A rejection handler that swallows the error with this SQLSTATE and throws any other. */
const unless =
  (state: string) =>
  (e: unknown): void => {
    if (sqlState(e) !== state) throw e;
  };

/** At most this many statement texts get a name (each is prepared on every connection that runs it). */
const MAX_NAMED = 256;

/**
 * A value as an SQL literal for `EXECUTE name(…)`, which PostgreSQL reads as the prepared parameter's type: always
 * an escape string (E'…', quotes and backslashes doubled), read the same whatever standard_conforming_strings
 * is; arrays of scalars in array syntax, dates in UTC and objects as JSON, as the port sends them. What it cannot
 * write faithfully as text (bytes, nested arrays, functions, symbols) it refuses.
 */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  return quoted(Array.isArray(v) ? `{${v.map(arrayElement).join(',')}}` : textOf(v));
}
const quoted = (s: string): string => `E'${s.replace(/[\\']/g, '$&$&')}'`;
const arrayElement = (e: unknown): string => {
  if (e === null || e === undefined) return 'NULL';
  if (Array.isArray(e)) throw new TypeError('sqlLiteral: a nested array is not written as a literal');
  return `"${textOf(e).replace(/["\\]/g, '\\$&')}"`;
};
const textOf = (v: unknown): string => {
  if (v instanceof Date) return v.toISOString();
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) throw new TypeError('sqlLiteral: bytes are not written as a literal');
  if (typeof v === 'function' || typeof v === 'symbol') throw new TypeError(`sqlLiteral: a ${typeof v} is not a value`);
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v as string | number | bigint | boolean);
};

/**
 * `sql`: the raw-SQL port (db.sql) the unit's statements and the stores' own go through; without it, Prisma's
 * $queryRawUnsafe on `prisma`. `prepareInSql` (PGlite): the port cannot name a statement there, and parsing and
 * planning the unit's read took about half of its CPU (1.8–2.1 ms of PGlite's time against 0.9 ms prepared;
 * issue 23), so each shape is made a prepared statement with PREPARE once and run with EXECUTE and its values as
 * literals.
 */
export function createChatState({
  prisma,
  sql = viaPrisma(prisma),
  prepareInSql = false,
}: {
  prisma: PrismaClient;
  sql?: RawSql;
  prepareInSql?: boolean;
}): ChatState {
  const names = new Map<string, string>();
  /** statements PREPAREd (prepareInSql), or being prepared */
  const prepared = new Map<string, Promise<unknown>>();
  /** PREPAREs `name` unless it is (being) prepared; with `stale`, the one that failed, DEALLOCATEs it first. */
  const prepare = (name: string, text: string, stale?: Promise<unknown>): Promise<unknown> => {
    let p = prepared.get(name);
    if (!p || p === stale) {
      const gone = stale ? sql.query(`DEALLOCATE ${name}`).catch(unless('26000')) : Promise.resolve();
      // Another chat state on the same PGlite (a second app instance in the tests) may have prepared it.
      p = gone.then(() => sql.query(`PREPARE ${name} AS ${text}`)).catch(unless('42P05'));
      prepared.set(name, p);
      // A failed PREPARE (e.g. the database away for a moment) is tried again next time.
      p.catch(() => {
        if (prepared.get(name) === p) prepared.delete(name);
      });
    }
    return p;
  };
  /** A statement named by its text, so the database plans each shape once (per connection; see the top). */
  const run = async <T extends object>(q: Prisma.Sql): Promise<T[]> => {
    const text = q.text;
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `chat_state_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    if (name === undefined) return sql.query<T>(text, q.values);
    if (!prepareInSql) return sql.query<T>(text, q.values, { name });
    const execute = `EXECUTE ${name}${q.values.length === 0 ? '' : `(${q.values.map(sqlLiteral).join(', ')})`}`;
    const ready = prepare(name, text);
    await ready;
    try {
      return await sql.query<T>(execute);
    } catch (e) {
      // Its plan's result changed (0A000: a migration altered a table it reads) or it is gone (26000, DEALLOCATE
      // by someone else on the session): prepared again from its text, once (raw-sql-pg.ts does so on PostgreSQL).
      if (!isStaleStatement(e)) throw e;
      await prepare(name, text, ready);
      return sql.query<T>(execute);
    }
  };

  // The running units by their stores' keys and by the scopes they own (a chat's updates run one at a time).
  const byKey = new Map<string, Unit>();
  const byScope = new Map<string, Unit>();
  const unitOf = (key: string) => byScope.get(scopeOf(key));

  /** The keys' rows, the claim and the extra row in one statement (a claim is a data-modifying WITH). */
  async function readMany(keys: string[], parts: UnitParts): Promise<{ read: Map<string, unknown>; start: UnitStart }> {
    const claim = parts.claim ? Prisma.sql`WITH claim AS (${parts.claim.take}) ` : Prisma.empty;
    const claimed = parts.claim ? Prisma.sql`(SELECT count(*) FROM claim)::int` : Prisma.sql`1`;
    const extra = parts.row ? Prisma.sql`LEFT JOIN LATERAL (${parts.row}) r ON true` : Prisma.empty;
    const reads = Object.entries(parts.reads ?? {});
    const readCols = reads.map(([name, sql]) => Prisma.sql`, (SELECT to_jsonb(part) FROM (${sql}) AS part LIMIT 1) AS ${Prisma.raw(`"__read_${name}"`)}`);
    const [found] = await retryTransient(() =>
      run<Record<string, unknown> & { __claimed: number; __state: Record<string, unknown> | null }>(Prisma.sql`
      ${claim}SELECT ${claimed} AS "__claimed",
        (SELECT jsonb_object_agg(key, value) FROM "BotSession" WHERE key = ANY(${keys}::text[])) AS "__state"
        ${readCols.length > 0 ? Prisma.join(readCols, ' ') : Prisma.empty}
        ${parts.row ? Prisma.sql`, r.*` : Prisma.empty}
      FROM (VALUES (1)) AS one(x) ${extra}`),
    );
    const { __claimed, __state, ...rest } = found!;
    const readRows: UnitStart['reads'] = {};
    const row: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) {
      if (k.startsWith('__read_')) readRows[k.slice('__read_'.length)] = (v as Record<string, unknown> | null) ?? null;
      else row[k] = v;
    }
    const read = new Map<string, unknown>(keys.map((k) => [k, __state?.[k] ?? null]));
    // A LEFT JOIN that found nothing gives every column null: the row's key columns are never null.
    const hasRow = Object.values(row).some((v) => v !== null);
    return { read, start: { claimed: __claimed === 1, row: parts.row && hasRow ? row : null, reads: readRows, own: noOwner } };
  }

  /** Upserts, deletes and the claim's end in one statement (a data-modifying WITH): one round trip, one transaction. */
  async function writeMany(pending: Map<string, string | null>, deferred: Map<string, Prisma.Sql>, end: Prisma.Sql | null): Promise<void> {
    const written = [...pending].filter((e): e is [string, string] => e[1] !== null);
    const deleted = [...pending].filter(([, v]) => v === null).map(([k]) => k);
    const steps: Prisma.Sql[] = [];
    if (written.length > 0) {
      const keys = written.map(([k]) => k);
      const values = written.map(([, v]) => v);
      steps.push(Prisma.sql`
        INSERT INTO "BotSession" (key, value, "updatedAt")
        SELECT k, v::jsonb, now() FROM unnest(${keys}::text[], ${values}::text[]) AS t(k, v)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"`);
    }
    if (deleted.length > 0) steps.push(Prisma.sql`DELETE FROM "BotSession" WHERE key = ANY(${deleted}::text[])`);
    steps.push(...deferred.values());
    if (end) steps.push(end);
    if (steps.length === 0) return;
    // Each step touches other rows, so none needs to see another's effect (they share one snapshot).
    const ctes = Prisma.join(
      steps.map((step, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${step})`),
      ', ',
    );
    await retryTransient(() => run(Prisma.sql`WITH ${ctes} SELECT 1`));
  }

  /** Ends the unit's registrations (only its own: a later unit may hold the same key by then). */
  function release(keys: string[], unit: Unit): void {
    unit.ended = true;
    for (const k of keys) if (byKey.get(k) === unit) byKey.delete(k);
    for (const s of unit.scopes) if (byScope.get(s) === unit) byScope.delete(s);
  }

  return {
    store: <T>(prefix: string) => createDbStorage<T>(run, prefix, (full) => byKey.get(full)),
    recall: <T>(key: string) => unitOf(key)?.kept.get(key) as T | undefined,
    remember(key, value) {
      const kept = unitOf(key)?.kept;
      if (value === undefined) kept?.delete(key);
      else kept?.set(key, value);
    },
    defer(key, sql) {
      const unit = unitOf(key);
      if (!unit) return false;
      if (sql) unit.deferred.set(key, sql);
      else unit.deferred.delete(key);
      return true;
    },
    deferred: (key) => unitOf(key)?.deferred.get(key),
    inUnit: (key) => unitOf(key) !== undefined,
    async unit<R>(keys: string[], fn: (start: UnitStart) => Promise<R>, parts: UnitParts = {}): Promise<R> {
      const needsRead = keys.length > 0 || parts.claim || parts.row || parts.reads;
      const nothingRead = { read: new Map<string, unknown>(), start: { claimed: true, row: null, reads: {}, own: noOwner } };
      const { read, start } = needsRead ? await readMany(keys, parts) : nothingRead;
      const unit: Unit = { read, pending: new Map(), written: [], kept: new Map(), deferred: new Map(), scopes: [], ended: false };
      const claim = parts.claim && start.claimed ? parts.claim : null;
      for (const k of keys) byKey.set(k, unit);
      start.own = (scope) => {
        // After the end it would register a unit no one releases, which would take later calls' writes.
        if (unit.ended) return;
        unit.scopes.push(String(scope));
        byScope.set(String(scope), unit);
      };
      let result: R;
      try {
        result = await fn(start);
      } catch (e) {
        release(keys, unit);
        // What the work saved so far stays; the claim is given up, so the work is done again (a retry).
        await writeMany(unit.pending, unit.deferred, claim?.giveUp ?? null);
        for (const done of unit.written) done();
        throw e;
      }
      release(keys, unit);
      await writeMany(unit.pending, unit.deferred, claim?.done() ?? null);
      for (const done of unit.written) done();
      return result;
    },
  };
}

/**
 * `prefix` separates sessions from conversation state in one table. Identical rewrites are skipped:
 * grammY writes the session after every update, and most updates do not change it.
 */
type Run = <R extends object>(q: Prisma.Sql) => Promise<R[]>;

function createDbStorage<T>(run: Run, prefix: string, unitOf: (full: string) => Unit | undefined): KeyValueStorage<T> {
  const lastWritten = new Map<string, string>();
  const remember = (key: string, json: string) => {
    lastWritten.delete(key);
    lastWritten.set(key, json);
    if (lastWritten.size > 5000) lastWritten.delete(lastWritten.keys().next().value as string);
  };
  return {
    async read(key) {
      const full = prefix + key;
      const unit = unitOf(full);
      // A key the unit read at its start (or wrote since) is answered from there.
      let value: unknown;
      if (unit?.pending.has(full)) {
        const json = unit.pending.get(full)!;
        return json === null ? undefined : (JSON.parse(json) as T);
      }
      if (unit?.read.has(full)) value = unit.read.get(full);
      else {
        const rows = await retryTransient(() => run<{ value: unknown }>(Prisma.sql`SELECT value FROM "BotSession" WHERE key = ${full}`));
        value = rows[0]?.value ?? null;
      }
      if (value === null || value === undefined) {
        lastWritten.delete(key);
        return undefined;
      }
      remember(key, JSON.stringify(value));
      return value as T;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      if (lastWritten.get(key) === json) return;
      const unit = unitOf(prefix + key);
      if (unit) {
        unit.pending.set(prefix + key, json);
        unit.written.push(() => remember(key, json));
        return;
      }
      await retryTransient(() =>
        run(Prisma.sql`
        INSERT INTO "BotSession" (key, value, "updatedAt") VALUES (${prefix + key}, ${json}::jsonb, now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"`),
      );
      remember(key, json);
    },
    async delete(key) {
      lastWritten.delete(key);
      const unit = unitOf(prefix + key);
      if (unit) unit.pending.set(prefix + key, null);
      else await retryTransient(() => run(Prisma.sql`DELETE FROM "BotSession" WHERE key = ${prefix + key}`));
    },
  };
}
