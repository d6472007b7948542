// Scheduled jobs: each job's last run, and the history of runs with their duration and result.
import { useState } from 'preact/hooks';
import type { JobRun, JobSummary } from '../../../../server/system/system-status-schemas.ts';
import { usePaged, type Page } from '../../components/load.ts';
import { DataTable, FilterSelect, PagedBody } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { millis } from './system-format.ts';

const Result = ({ ok }: { ok: boolean }) => {
  const { t } = useI18n();
  return ok ? <span class="badge ok">{t('system.jobs.ok')}</span> : <span class="badge overdue">{t('system.jobs.failed')}</span>;
};

export function JobRuns({ jobs }: { jobs: JobSummary[] }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [job, setJob] = useState('');
  const runs = usePaged((cursor) => api.get<Page<JobRun>>('/api/system/job-runs', { job, cursor, limit: 50 }), [job]);
  return (
    <div class="panel" data-testid="job-runs">
      <h2>{t('system.jobs.title')}</h2>
      <DataTable
        testId="jobs-table"
        rows={jobs}
        rowKey={(j) => j.job}
        columns={[
          { label: t('system.jobs.job'), cell: (j) => <code>{j.job}</code> },
          { label: t('system.jobs.lastRun'), cell: (j) => i18n.dateTime(j.lastStartedAt) },
          { label: t('system.jobs.duration'), cell: (j) => millis(t, j.lastDurationMs) },
          {
            label: t('system.jobs.result'),
            cell: (j) => (
              <>
                <Result ok={j.lastOk} /> {j.lastError ?? ''}
              </>
            ),
          },
          { label: t('system.jobs.lastOk'), cell: (j) => i18n.dateTime(j.lastOkAt) },
          { label: t('system.jobs.runs'), cell: (j) => `${j.runs} / ${j.failures}` },
        ]}
      />
      <div class="screen-head">
        <h3>{t('system.jobs.history')}</h3>
        <FilterSelect
          label={t('system.jobs.job')}
          name="job"
          value={job}
          anyLabel={t('system.jobs.all')}
          options={jobs.map((j) => ({ value: j.job, label: j.job }))}
          onChange={setJob}
        />
      </div>
      <PagedBody list={runs} emptyText={t('system.jobs.empty')}>
        <DataTable
          testId="job-runs-table"
          rows={runs.items}
          rowKey={(r) => r.id}
          columns={[
            { label: t('system.jobs.job'), cell: (r) => <code>{r.job}</code> },
            { label: t('system.jobs.started'), cell: (r) => i18n.dateTime(r.startedAt) },
            { label: t('system.jobs.duration'), cell: (r) => millis(t, r.durationMs) },
            {
              label: t('system.jobs.result'),
              cell: (r) => (
                <>
                  <Result ok={r.ok} /> {r.error ?? (r.result == null ? '' : JSON.stringify(r.result))}
                </>
              ),
            },
            { label: t('system.jobs.instance'), cell: (r) => r.holder },
          ]}
        />
      </PagedBody>
    </div>
  );
}
