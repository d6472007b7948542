// The Prometheus registry of this process, made here in the composition root and handed to the server,
// the bot and the jobs (never prom-client's global registry): process and event-loop metrics, and the
// domain gauges an operations team alerts on, computed by core/ops.
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Services } from '../core/services.ts';
import { perScrape } from '../jobs/metrics.ts';

export function createMetricsRegistry(roles: string[]): Registry {
  const registry = new Registry();
  // Several processes (api, bot, jobs) report the same domain gauges: the label tells them apart.
  registry.setDefaultLabels({ role: roles.length === 3 ? 'all' : roles.join('+') });
  collectDefaultMetrics({ register: registry, prefix: 'azamat_' });
  return registry;
}

export function registerDomainGauges(registry: Registry, services: Services): void {
  const gauges = perScrape(() => services.ops.domainGauges());
  const gauge = (name: string, help: string, pick: (g: Awaited<ReturnType<typeof gauges>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(pick(await gauges()));
      },
    });
  gauge('azamat_reports_open', 'Reports open (new, in work, reopened)', (g) => g.openReports);
  gauge('azamat_reports_overdue', 'Open reports past their due time', (g) => g.overdueReports);
  gauge('azamat_questions_past_deadline', 'Questions whose answer (first or follow-up) is past its deadline', (g) => g.questionsPastDeadline);
  gauge('azamat_discussions_awaiting_review', 'Discussions that ended and wait for their review', (g) => g.discussionsAwaitingReview);
  gauge('azamat_discussions_review_overdue', 'Discussions whose review is past its due time', (g) => g.discussionsReviewOverdue);
}

/** When the last backup was made (absent until there is one): alert when it grows old. */
export function registerBackupGauge(registry: Registry, services: Services): void {
  new Gauge({
    name: 'azamat_backup_last_timestamp_seconds',
    help: 'When the newest backup in BACKUP_DIR was made (Unix time); absent when there is none',
    registers: [registry],
    async collect() {
      this.reset();
      const b = await services.ops.backups();
      if (b.last) this.set(b.last.at.getTime() / 1000);
    },
  });
}
