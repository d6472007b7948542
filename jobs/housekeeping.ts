// Nightly clean-up (core/ops/housekeeping.ts, services.ops.housekeeping): expired staff sessions, stale chat
// state, old job runs and the record of handled Telegram updates.
import type { HousekeepingRun } from '../core/ops/housekeeping.ts';
import type { Job } from './scheduler.ts';

export function createHousekeepingJob(ops: { housekeeping(): Promise<HousekeepingRun> }): Job {
  return {
    name: 'housekeeping',
    schedule: '17 3 * * *',
    run: () => ops.housekeeping(),
  };
}
