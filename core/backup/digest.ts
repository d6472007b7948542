// What a database holds, in a form two databases can be compared by: every table of the public schema with
// its row count and a checksum of its rows, and every sequence's position (so ids handed out after a restore
// do not collide with restored rows). A backup records it; a restore checks the result against it.
//
// The checksum adds up a hash of each row's text form, so it needs neither an order nor the whole table in
// memory; two tables with the same rows in any order agree. Text forms are made in UTC, so the server's
// time zone does not matter.

export interface TableDigest {
  rows: number;
  /** sum of the rows' md5, as a decimal string */
  checksum: string;
}

export interface SequenceDigest {
  /** null: never used */
  lastValue: string | null;
}

export interface DatabaseDigest {
  tables: Record<string, TableDigest>;
  sequences: Record<string, SequenceDigest>;
}

/** Runs one SQL statement and returns its rows: PGlite, a pg client or Prisma fit behind it. */
export type QueryRows = <T>(sql: string) => Promise<T[]>;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Reads the digest; run it inside one transaction (snapshot) when the database may change meanwhile. */
export async function digestDatabase(query: QueryRows): Promise<DatabaseDigest> {
  await query(`SET TIME ZONE 'UTC'`);
  const tables = await query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const digest: DatabaseDigest = { tables: {}, sequences: {} };
  for (const { name } of tables) {
    // Two 60-bit pieces of each row's md5, summed as numeric: 120 bits, no overflow, order-free.
    const [row] = await query<{ rows: number | string; a: string | null; b: string | null }>(
      `SELECT count(*)::int AS rows,
              sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric)::text AS a,
              sum(('x' || substr(md5(t::text), 16, 15))::bit(60)::bigint::numeric)::text AS b
       FROM ${ident(name)} t`,
    );
    digest.tables[name] = { rows: Number(row!.rows), checksum: `${row!.a ?? 0}:${row!.b ?? 0}` };
  }
  const sequences = await query<{ name: string; last: string | null }>(
    `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  for (const s of sequences) digest.sequences[s.name] = { lastValue: s.last };
  return digest;
}

/** Where `actual` differs from `expected`, one line each; empty when they agree. */
export function compareDigests(expected: DatabaseDigest, actual: DatabaseDigest): string[] {
  const problems: string[] = [];
  for (const [name, want] of Object.entries(expected.tables)) {
    const got = actual.tables[name];
    if (!got) problems.push(`table ${name} is missing`);
    else if (got.rows !== want.rows) problems.push(`table ${name}: ${got.rows} rows instead of ${want.rows}`);
    else if (got.checksum !== want.checksum) problems.push(`table ${name}: same ${want.rows} rows in number, different in content`);
  }
  for (const name of Object.keys(actual.tables)) if (!expected.tables[name]) problems.push(`table ${name} was not in the backup`);
  for (const [name, want] of Object.entries(expected.sequences)) {
    const got = actual.sequences[name];
    if (!got) problems.push(`sequence ${name} is missing`);
    else if (got.lastValue !== want.lastValue) problems.push(`sequence ${name} is at ${got.lastValue ?? 'start'} instead of ${want.lastValue ?? 'start'}`);
  }
  return problems;
}

export function digestTotals(d: DatabaseDigest): { tables: number; rows: number; sequences: number } {
  return { tables: Object.keys(d.tables).length, rows: Object.values(d.tables).reduce((n, t) => n + t.rows, 0), sequences: Object.keys(d.sequences).length };
}
