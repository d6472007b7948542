// Operations, for admins and monitoring: the outbox queue and its actions, job runs, the domain gauges,
// and the state of the database, backups and version. Built once by createServices.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { Database } from '../db/client.ts';
import { migrationStatus } from '../db/migration-status.ts';
import { appVersion } from './app-version.ts';
import { backupStatus } from './backup-status.ts';
import { databaseStatus } from './database-status.ts';
import { domainGauges } from './domain-gauges.ts';
import { jobSummaries, listJobRuns } from './job-runs.ts';
import { createOutboxAdmin } from './outbox-admin.ts';
import { outboxState } from './outbox-state.ts';
import { housekeeping } from './housekeeping.ts';
import { outboxCounts } from '../outbox/outbox-repository.ts';
import { checkReadiness, databaseCheck, migrationsCheck } from './readiness.ts';

export interface OpsOptions {
  /** where `npm run backup` writes (BACKUP_DIR, by default DATA_DIR/backups) */
  backupDir?: string;
  /** OUTBOX_STUCK_MINUTES */
  outboxStuckMinutes?: number;
}

export function createOpsServices({
  db,
  prisma,
  calendar,
  now,
  backupDir,
  outboxStuckMinutes = 15,
}: { db: Database; prisma: PrismaClient; calendar: CalendarService; now: () => Date } & OpsOptions) {
  const stuckAfterMs = outboxStuckMinutes * 60_000;
  return {
    stuckAfterMs,
    outbox: createOutboxAdmin({ prisma, now }),
    outboxState: () => outboxState(prisma, now(), stuckAfterMs),
    domainGauges: () => domainGauges(prisma, calendar, now()),
    jobRuns: (q: { job?: string; failedOnly?: boolean; cursor?: string; limit: number }) => listJobRuns(prisma, q),
    jobSummaries: () => jobSummaries(prisma),
    database: () => databaseStatus(db),
    /** /health: whether the database answers a trivial query now (never throws). */
    ping: (): Promise<boolean> =>
      prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      ),
    /** /health/ready where no composition root said otherwise: the database and its migrations. */
    readiness: () => checkReadiness({ database: databaseCheck(prisma), migrations: migrationsCheck(prisma) }),
    /** Outbox messages by status (every status present, 0 when none). */
    async outboxCounts() {
      const c = await outboxCounts(prisma);
      return { pending: c.pending ?? 0, sending: c.sending ?? 0, sent: c.sent ?? 0, failed: c.failed ?? 0, blocked: c.blocked ?? 0 };
    },
    backups: () => backupStatus(backupDir, now()),
    /** The nightly clean-up (the housekeeping job); chat state untouched for `staleDays` goes. */
    housekeeping: (staleDays?: number) => housekeeping(prisma, now(), staleDays),
    async version() {
      const m = await migrationStatus(prisma);
      return {
        app: appVersion(),
        node: process.version,
        migrations: { applied: m.applied.length, last: m.applied[m.applied.length - 1] ?? null, pending: m.pending, failed: m.failed },
      };
    },
  };
}

export type OpsServices = ReturnType<typeof createOpsServices>;
