// The shared pieces of the large benchmark seed (seed-large.ts): the one client and timed step every domain's
// inserts go through, and the reference-table sizes they spread rows over; separate so each domain file stays small.
import type pg from 'pg';

/** Runs one insert on the shared client and logs "seed-large: <label> <rows> in <ms> ms". */
export type SeedStep = (label: string, sql: string, params?: unknown[]) => Promise<pg.QueryResult>;

/** Row counts of the temporary reference tables (bl_district, bl_category, bl_topic, bl_region). */
export interface TableSizes {
  d: number;
  c: number;
  t: number;
  r: number;
}

export interface SeedContext {
  client: pg.Client;
  step: SeedStep;
  sizes: TableSizes;
}

/** The citizens this batch added: ids cLo .. cLo + cN - 1. */
export interface CitizenRange {
  cLo: number;
  cN: number;
}

export const lit = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]`;
