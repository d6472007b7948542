// Every 5 minutes: monitoring rounds due soon or overdue, years short of 2 rounds, overdue measures
// (core/monitoring/round-alerts.ts, measures.ts). Reruns change nothing: each alert is flagged once.
import type { MonitoringServices } from '../core/monitoring/monitoring-services.ts';
import type { Job } from './scheduler.ts';

export function createMonitoringAlertsJob(monitoring: MonitoringServices): Job {
  return {
    name: 'monitoring-alerts',
    schedule: '*/5 * * * *',
    run: async () => {
      await monitoring.processAlerts();
    },
  };
}
