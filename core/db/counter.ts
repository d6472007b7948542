import type { Tx } from './tx.ts';

/** Next value of a named counter; the row lock serialises concurrent callers inside their transactions. */
export async function nextCounter(tx: Tx, name: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ value: number }>>`
    INSERT INTO "Counter" (name, value) VALUES (${name}, 1)
    ON CONFLICT (name) DO UPDATE SET value = "Counter".value + 1
    RETURNING value`;
  return rows[0]!.value;
}

/**
 * Options for a transaction that takes a number: every such transaction of one year waits its turn for the
 * counter's row, so under many filings at once (several instances, a busy server) the wait, not the work,
 * can pass Prisma's 5 s default and fail the filing; it may wait longer instead.
 */
export const SERIAL_TX = { timeout: 30_000, maxWait: 10_000 } as const;

/** A yearly serial as people read it: `KZ-2026-000123`, `Q-2026-000042`. */
export const formatSerial = (prefix: string, year: number, seq: number) => `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
