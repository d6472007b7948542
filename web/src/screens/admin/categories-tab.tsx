// Report categories: the department each goes to, its deadline in working days, and whether citizens may
// choose it.
import { useState } from 'preact/hooks';
import type { Category, CategoryPatch } from '../../../../server/reference/reference-schemas.ts';
import { useAction, useEditDialog } from '../../components/load.ts';
import { Checkbox, Field, FormDialog, Select, TextInput } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { EditButton } from './admin-kit.tsx';

export function CategoriesTab() {
  const { ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const dialog = useEditDialog<Category>(() => ref.reload());
  return (
    <div>
      <p class="hint">{t('admin.categories.hint')}</p>
      <DataTable
        testId="categories-table"
        rows={ref.categories}
        rowKey={(c) => c.id}
        rowClass={(c) => (c.active ? '' : 'inactive')}
        columns={[
          { label: t('reports.category'), cell: (c) => `${c.emoji} ${i18n.name(c)}` },
          { label: t('reports.department'), cell: (c) => i18n.name(ref.departments.find((d) => d.id === c.departmentId)) },
          { label: t('admin.categories.deadline'), cell: (c) => t('admin.categories.days', { n: c.deadlineDays }) },
          { label: t('admin.active'), cell: (c) => (c.active ? '✓' : '—') },
          { label: '', cell: (c) => <EditButton onClick={() => dialog.edit(c)} /> },
        ]}
      />
      {dialog.item && <CategoryDialog c={dialog.item} {...dialog.props} />}
    </div>
  );
}

function CategoryDialog({ c, onClose, onSaved }: { c: Category; onClose(): void; onSaved(): void }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [departmentId, setDepartmentId] = useState(String(c.departmentId));
  const [deadlineDays, setDeadlineDays] = useState(String(c.deadlineDays));
  const [active, setActive] = useState(c.active);
  const save = useAction();
  async function submit() {
    if (
      await save.run(
        () =>
          api.patch(`/api/reference/categories/${c.id}`, {
            departmentId: Number(departmentId),
            deadlineDays: Number(deadlineDays),
            active,
          } satisfies CategoryPatch),
        t('common.saved'),
      )
    )
      onSaved();
  }
  return (
    <FormDialog title={`${c.emoji} ${i18n.name(c)}`} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error} submitLabel={t('common.save')}>
      <Field label={t('reports.department')}>
        <Select
          value={departmentId}
          onChange={setDepartmentId}
          options={ref.departments.filter((d) => d.active).map((d) => ({ value: String(d.id), label: i18n.name(d) }))}
        />
      </Field>
      <Field label={t('admin.categories.deadline')} hint={t('admin.categories.deadlineHint')}>
        <TextInput type="number" min={1} max={60} value={deadlineDays} onInput={setDeadlineDays} />
      </Field>
      <Checkbox checked={active} onChange={setActive}>
        {t('admin.categories.offered')}
      </Checkbox>
    </FormDialog>
  );
}
