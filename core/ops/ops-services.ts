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
import { activeConversations, housekeeping } from './housekeeping.ts';
import { createJobLeases } from './leases.ts';
import { createOutboxAdmin } from './outbox-admin.ts';
import { databaseCheck, migrationsCheck, outboxCheck } from './readiness.ts';
import { createUpdateClaims } from './update-claims.ts';
import { outboxCounts } from '../outbox/outbox-repository.ts';
import { outboxState } from './outbox-state.ts';

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
    /** 'pglite' or 'postgres' */
    databaseKind: db.kind,
    outbox: createOutboxAdmin({ prisma, now }),
    outboxState: () => outboxState(prisma, now(), stuckAfterMs),
    domainGauges: () => domainGauges(prisma, calendar, now()),
    jobRuns: (q: { job?: string; failedOnly?: boolean; cursor?: string; limit: number }) => listJobRuns(prisma, q),
    jobSummaries: () => jobSummaries(prisma),
    database: () => databaseStatus(db),
    backups: () => backupStatus(backupDir, now()),
    /** the scheduler's and the outbox worker's leases, so one instance runs each job */
    leases: createJobLeases(prisma),
    /** the bot's record of updates in hand, so each is handled once across instances */
    updateClaims: createUpdateClaims(prisma),
    housekeeping: (at: Date, staleDays: number) => housekeeping(prisma, at, staleDays),
    activeConversations: () => activeConversations(prisma),
    outboxCounts: () => outboxCounts(prisma),
    /** round trips to the database: true when it answered */
    ping: () =>
      prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      ),
    /** readiness checks of what every process needs, and of the outbox where it is sent from */
    checks: { database: databaseCheck(prisma), migrations: migrationsCheck(prisma), outbox: outboxCheck(prisma, now, stuckAfterMs) },
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
