// A project's beneficiaries: who joined by the invitation link and who came from the NGO's own list, and the
// import of such a list from a CSV file (good lines are saved, bad ones reported by line; importing the
// same list again changes nothing).
import { useState } from 'preact/hooks';
import type { Beneficiary, ImportResult } from '../../../../server/projects/project-beneficiaries-schemas.ts';
import type { Project } from '../../../../server/projects/projects-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { LoadMore } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { formatPhone } from '../../i18n/format.ts';

const PAGE = 50;

export function ProjectBeneficiaries({ project, onChanged }: { project: Project; onChanged(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [limit, setLimit] = useState(PAGE);
  const list = useLoad(
    () => api.get<{ items: Beneficiary[]; total: number }>(`/api/projects/${project.id}/beneficiaries`, { limit, offset: 0 }),
    [project.id, limit, project.counts.beneficiaries],
  );
  const upload = useAction();
  const [result, setResult] = useState<ImportResult | null>(null);

  async function importFile(file: File) {
    const text = await file.text();
    // The list goes as it is (text/csv), through the same client as every write: CSRF, language, re-login.
    const r = await upload.run(() => api.send<ImportResult>('POST', `/api/projects/${project.id}/beneficiaries/import`, text, 'text/csv'));
    if (r) {
      setResult(r);
      onChanged();
    }
  }

  return (
    <div class="panel" data-testid="project-beneficiaries">
      <div class="screen-head">
        <h2>{t('projects.beneficiaries', { n: list.data?.total ?? project.counts.beneficiaries })}</h2>
        {project.status !== 'finished' && (
          <label class="button secondary">
            ⬆ {t('projects.importCsv')}
            <input
              type="file"
              accept=".csv,text/csv"
              style={{ display: 'none' }}
              disabled={upload.busy}
              onChange={(e) => {
                const f = (e.target as HTMLInputElement).files?.[0];
                if (f) void importFile(f);
                (e.target as HTMLInputElement).value = '';
              }}
            />
          </label>
        )}
      </div>
      <p class="hint">{t('projects.importHint')}</p>
      <ErrorBox error={upload.error ?? list.error} />
      {result && (
        <div class="panel" data-testid="import-result">
          {t('projects.importResult', {
            rows: result.rows,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            errors: result.errors.length,
          })}
          {result.errors.length > 0 && (
            <ul>
              {result.errors.map((e) => (
                <li key={e.line}>
                  {t('projects.line', { n: e.line })}: {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!list.data ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{t('projects.person')}</th>
                <th>{t('projects.source')}</th>
                <th>{t('projects.gender')}</th>
                <th>{t('projects.birthYear')}</th>
                <th>{t('projects.socialStatusLabel')}</th>
                <th>{t('projects.joinedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((b) => (
                <tr key={b.id}>
                  <td>
                    {b.fullName ?? '—'} {b.phone && <span class="muted">{formatPhone(b.phone)}</span>}
                  </td>
                  <td>{t(`projects.sources.${b.source}`)}</td>
                  <td>{b.gender ? t(`projects.genders.${b.gender}`) : '—'}</td>
                  <td>{b.birthYear ?? '—'}</td>
                  <td>{b.socialStatus ? t(`projects.socialStatus.${b.socialStatus}`) : '—'}</td>
                  <td>{i18n.date(b.joinedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        next={list.data && list.data.items.length < list.data.total ? 'more' : null}
        busy={list.loading}
        onLoad={() => setLimit((n) => Math.min(200, n + PAGE))}
      />
    </div>
  );
}
