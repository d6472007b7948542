import type { Tx } from './tx.ts';

/** Next value of a named counter; the row lock serialises concurrent callers inside their transactions. */
export async function nextCounter(tx: Tx, name: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ value: number }>>`
    INSERT INTO "Counter" (name, value) VALUES (${name}, 1)
    ON CONFLICT (name) DO UPDATE SET value = "Counter".value + 1
    RETURNING value`;
  return rows[0]!.value;
}

/** A yearly serial as people read it: `KZ-2026-000123`, `Q-2026-000042`. */
export const formatSerial = (prefix: string, year: number, seq: number) => `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
