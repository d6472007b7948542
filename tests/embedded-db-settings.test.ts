// The embedded database is sized for a small server at every start, without changing the data directory: the
// same directory opened without our settings (another tool, a bigger server) gets PostgreSQL's defaults back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db/client.ts';

const base = mkdtempSync(path.join(tmpdir(), 'azamat-pglite-settings-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the embedded database settings', () => {
  it('run with 16 MB of shared buffers, passed at start and written nowhere in the data directory', async () => {
    const dir = path.join(base, 'pglite');
    const db = await openDatabase({ pgliteDir: dir });
    try {
      expect(await db.prisma.$queryRawUnsafe(`SELECT current_setting('shared_buffers') AS v`)).toEqual([{ v: '16MB' }]);
    } finally {
      await db.close();
    }
    const plain = await PGlite.create(dir);
    try {
      expect((await plain.query<{ v: string }>(`SELECT current_setting('shared_buffers') AS v`)).rows).toEqual([{ v: '128MB' }]);
    } finally {
      await plain.close();
    }
  });
});
