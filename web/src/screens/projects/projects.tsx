// Social projects for project managers: the list, a new project with the Annex 5 fields, and a project's
// page: its invitation link and QR code, the beneficiaries (and an NGO's list imported from CSV), the
// events of the grant report, the participant statistics with charts and their export, and its polls.
import type { Project } from '../../../../server/projects/projects-schemas.ts';
import { useLoad } from '../../components/load.ts';
import { FilterSelect, LoadState } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import type { ScreenProps } from '../types.ts';
import { ProjectDetail } from './project-detail.tsx';
import { ProjectForm } from './project-form.tsx';
import { formatNumber } from '../../i18n/format.ts';

export function ProjectsScreen({ params, query }: ScreenProps) {
  if (params.id === 'new') return <ProjectForm />;
  if (params.id) return <ProjectDetail id={Number(params.id)} />;
  return <ProjectList query={query} />;
}

function ProjectList({ query }: { query: URLSearchParams }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const status = query.get('status') ?? '';
  const q = query.get('q') ?? '';
  const list = useLoad(() => api.get<{ items: Project[]; total: number }>('/api/projects', { status, q, limit: 200 }), [status, q]);
  const go = (patch: Record<string, string | undefined>) => navigate(href('projects', { status, q, ...patch }), { replace: true });
  return (
    <section class="screen" data-testid="projects-screen">
      <div class="screen-head">
        <h1>{t('projects.title')}</h1>
        <button type="button" class="primary" onClick={() => navigate(href('projects/new'))}>
          {t('projects.new')}
        </button>
      </div>
      <div class="filters">
        <input
          type="search"
          aria-label={t('projects.search')}
          placeholder={t('projects.search')}
          value={q}
          onChange={(e) => go({ q: (e.target as HTMLInputElement).value || undefined })}
        />
        <FilterSelect
          label={t('projects.status')}
          value={status}
          anyLabel={t('projects.anyStatus')}
          options={(['draft', 'active', 'finished'] as const).map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
          onChange={(v) => go({ status: v || undefined })}
        />
      </div>
      <LoadState loaded={list} isEmpty={(data) => data.items.length === 0} emptyText={t('projects.none')}>
        {(data) => (
          <ul class="list" data-testid="project-list">
            {data.items.map((p) => (
              <li key={p.id} class="list-item" data-project-id={p.id}>
                <a class="item" href={href(`projects/${p.id}`)}>
                  <div class="row-top">
                    <span class={p.status === 'active' ? 'badge ok' : 'badge muted'}>{t(`projects.statuses.${p.status}`)}</span>
                    <strong>{i18n.locale === 'kk' ? p.nameKk : p.nameRu}</strong>
                  </div>
                  <div class="row-meta">
                    <span>{p.supplierName}</span>
                    <span>
                      {i18n.date(p.startsOn)} — {i18n.date(p.endsOn)}
                    </span>
                    <span>{t('projects.beneficiariesCount', { n: p.counts.beneficiaries })}</span>
                    <span>{t('projects.sum', { sum: formatNumber(p.contractSum, 1) })}</span>
                  </div>
                </a>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}
