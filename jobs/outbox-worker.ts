// Runs the outbox dispatcher in exactly one instance: it holds the 'outbox' lease while it sends,
// renews it as it goes, and another instance takes over if this one dies.
import type { Logger } from 'pino';
import type { OutboxDispatcher } from '../core/outbox/dispatcher.ts';
import type { JobLeases } from '../core/ops/leases.ts';

const LEASE = 'outbox';

export function createOutboxWorker({
  leases,
  dispatcher,
  holder,
  logger,
  leaseMs = 60_000,
}: {
  /** services.ops.leases */
  leases: JobLeases;
  dispatcher: OutboxDispatcher;
  holder: string;
  logger: Logger;
  leaseMs?: number;
}) {
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let holding = false;
  let stopping = false;

  async function tick() {
    try {
      if (!holding) {
        holding = await leases.acquire(LEASE, holder, leaseMs);
        if (holding) {
          logger.info('outbox: this instance sends the outbox');
          dispatcher.start();
        }
      } else if (!(await leases.renew(LEASE, holder, leaseMs))) {
        holding = false;
        logger.warn('outbox: lease lost, stopping this dispatcher');
        await dispatcher.stop();
      }
    } catch (e) {
      logger.error({ err: e }, 'outbox: lease check failed');
    }
    if (!stopping) timer = setTimeout(() => void (ticking = tick()), leaseMs / 3);
  }

  return {
    start() {
      stopping = false;
      ticking = tick();
    },
    /** One batch, for tests and manual runs. */
    run: () => dispatcher.runOnce(),
    get active() {
      return holding;
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      // A tick in progress may be acquiring the lease and starting the dispatcher: let it finish first.
      await ticking;
      await dispatcher.stop();
      if (holding) await leases.release(LEASE, holder, null).catch(() => {});
      holding = false;
    },
  };
}
