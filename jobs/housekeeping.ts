// The nightly clean-up (core/ops/housekeeping.ts says what it removes), at a quiet hour.
import type { OpsServices } from '../core/ops/ops-services.ts';
import type { Job } from './scheduler.ts';

export function createHousekeepingJob({
  ops,
  now = () => new Date(),
  staleDays = 180,
}: {
  ops: Pick<OpsServices, 'housekeeping'>;
  now?: () => Date;
  staleDays?: number;
}): Job {
  return {
    name: 'housekeeping',
    schedule: '17 3 * * *',
    run: () => ops.housekeeping(now(), staleDays),
  };
}
