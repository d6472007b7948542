// Open311 API keys: issue one (shown once), see when each was last used, and revoke it.
import { useState } from 'preact/hooks';
import type { ApiClient, ApiClientInput, IssuedApiClient } from '../../../../server/open311/api-clients-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox, Loading, Modal } from '../../components/layout.tsx';
import { CheckedForm, Field, FormActions, Select, TextInput } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export function ApiKeysTab() {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(() => api.get<ApiClient[]>('/api/api-clients'), []);
  const [name, setName] = useState('');
  const [regionId, setRegionId] = useState('');
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const save = useAction();
  async function issue(e: Event) {
    e.preventDefault();
    const r = await save.run(
      () => api.post<IssuedApiClient>('/api/api-clients', { name, regionId: regionId ? Number(regionId) : null } satisfies ApiClientInput),
      t('common.saved'),
    );
    if (r) {
      setIssued({ name: r.name, key: r.key });
      setName('');
      list.reload();
    }
  }
  async function revoke(c: ApiClient) {
    if (!confirm(t('admin.apiKeys.confirmRevoke', { name: c.name }))) return;
    if (await save.run(() => api.patch(`/api/api-clients/${c.id}`, { active: false }), t('common.saved'))) list.reload();
  }
  return (
    <div>
      <p class="hint">{t('admin.apiKeys.hint')}</p>
      <CheckedForm class="form panel" onSubmit={issue} error={save.error}>
        <Field label={t('admin.apiKeys.name')}>
          <TextInput name="name" value={name} onInput={setName} required />
        </Field>
        <Field label={t('reports.region')}>
          <Select
            value={regionId}
            onChange={setRegionId}
            options={[{ value: '', label: '—' }, ...ref.regions.map((r) => ({ value: String(r.id), label: i18n.name(r) }))]}
          />
        </Field>
        <ErrorBox error={save.error} />
        <FormActions busy={save.busy} submitLabel={t('admin.apiKeys.issue')} />
      </CheckedForm>
      {!list.data ? (
        <Loading />
      ) : (
        <DataTable
          rows={list.data}
          rowKey={(c) => c.id}
          rowClass={(c) => (c.active ? '' : 'inactive')}
          columns={[
            { label: t('admin.apiKeys.name'), cell: (c) => c.name },
            { label: t('admin.apiKeys.prefix'), cell: (c) => <code>{c.keyPrefix}…</code> },
            { label: t('reports.region'), cell: (c) => i18n.name(ref.regions.find((r) => r.id === c.regionId)) || '—' },
            { label: t('admin.apiKeys.lastUsed'), cell: (c) => i18n.dateTime(c.lastUsedAt) },
            {
              label: '',
              cell: (c) =>
                c.active ? (
                  <button type="button" class="secondary small" onClick={() => revoke(c)}>
                    {t('admin.apiKeys.revoke')}
                  </button>
                ) : (
                  <span class="badge muted">{t('admin.apiKeys.revoked')}</span>
                ),
            },
          ]}
        />
      )}
      {issued && (
        <Modal title={issued.name} onClose={() => setIssued(null)}>
          <p>{t('admin.apiKeys.shownOnce')}</p>
          <pre class="json" data-testid="api-key">
            {issued.key}
          </pre>
          <button type="button" class="secondary" onClick={() => navigator.clipboard?.writeText(issued.key)}>
            {t('admin.apiKeys.copy')}
          </button>
        </Modal>
      )}
    </div>
  );
}
