// Response templates for report notes, in Kazakh and Russian, per status and category.
import { useState } from 'preact/hooks';
import type { ReportStatus } from '../../../../generated/prisma/enums.ts';
import type { Template, TemplateInput } from '../../../../server/reports/report-templates-schemas.ts';
import { useAction, useEditDialog, useLoad } from '../../components/load.ts';
import { Checkbox, Field, FormDialog, KkRuFields, Select, TextInput } from '../../components/form.tsx';
import { LoadedTable } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { REPORT_STATUSES } from '../reports/report-statuses.ts';
import { EditButton } from './admin-kit.tsx';

export function TemplatesTab() {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(() => api.get<Template[]>('/api/report-templates'), []);
  const dialog = useEditDialog<Template>(() => list.reload());
  return (
    <div>
      <div class="screen-head">
        <p class="hint">{t('admin.templates.hint')}</p>
        <button type="button" class="primary" onClick={() => dialog.edit('new')}>
          {t('admin.templates.new')}
        </button>
      </div>
      <LoadedTable
        loaded={list}
        testId="templates-table"
        rowKey={(x) => x.id}
        rowClass={(x) => (x.active ? '' : 'inactive')}
        columns={[
          { label: t('admin.templates.titleCol'), cell: (x) => x.title },
          { label: t('reports.status'), cell: (x) => t(`status.${x.status}`) },
          {
            label: t('reports.category'),
            cell: (x) => (x.categoryId ? i18n.name(ref.categories.find((c) => c.id === x.categoryId)) : t('admin.templates.anyCategory')),
          },
          { label: t('admin.active'), cell: (x) => (x.active ? '✓' : '—') },
          { label: '', cell: (x) => <EditButton onClick={() => dialog.edit(x)} /> },
        ]}
      />
      {dialog.open && <TemplateDialog tpl={dialog.item} {...dialog.props} />}
    </div>
  );
}

function TemplateDialog({ tpl, onClose, onSaved }: { tpl: Template | null; onClose(): void; onSaved(): void }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [title, setTitle] = useState(tpl?.title ?? '');
  const [status, setStatus] = useState<ReportStatus>(tpl?.status ?? 'resolved');
  const [categoryId, setCategoryId] = useState(tpl?.categoryId ? String(tpl.categoryId) : '');
  const [textKk, setTextKk] = useState(tpl?.textKk ?? '');
  const [textRu, setTextRu] = useState(tpl?.textRu ?? '');
  const [active, setActive] = useState(tpl?.active ?? true);
  const save = useAction();
  async function submit() {
    const body: TemplateInput = { title, status, categoryId: categoryId ? Number(categoryId) : null, textKk, textRu, active };
    if (await save.run(() => (tpl ? api.patch(`/api/report-templates/${tpl.id}`, body) : api.post('/api/report-templates', body)), t('common.saved')))
      onSaved();
  }
  async function remove() {
    if (!tpl || !confirm(t('admin.templates.confirmDelete'))) return;
    if (await save.run(() => api.del(`/api/report-templates/${tpl.id}`), t('common.deleted'))) onSaved();
  }
  return (
    <FormDialog
      title={tpl ? tpl.title : t('admin.templates.new')}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('common.save')}
      testId="template-form"
      wide
      actions={
        tpl && (
          <button type="button" class="danger" disabled={save.busy} onClick={remove}>
            {t('common.delete')}
          </button>
        )
      }
    >
      <Field label={t('admin.templates.titleCol')} wide>
        <TextInput name="title" value={title} onInput={setTitle} />
      </Field>
      <Field label={t('reports.status')}>
        <Select name="status" value={status} onChange={setStatus} options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </Field>
      <Field label={t('reports.category')}>
        <Select
          value={categoryId}
          onChange={setCategoryId}
          options={[
            { value: '', label: t('admin.templates.anyCategory') },
            ...ref.categories.map((c) => ({ value: String(c.id), label: `${c.emoji} ${i18n.name(c)}` })),
          ]}
        />
      </Field>
      <p class="hint field wide">{t('admin.templates.placeholders')}</p>
      <KkRuFields
        name="text"
        labels={[t('admin.templates.textKk'), t('admin.templates.textRu')]}
        kk={[textKk, setTextKk]}
        ru={[textRu, setTextRu]}
        rows={4}
        wide
      />
      <Checkbox checked={active} onChange={setActive}>
        {t('admin.active')}
      </Checkbox>
    </FormDialog>
  );
}
