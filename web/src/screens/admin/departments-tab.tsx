// Departments and the staff Telegram group each one's new reports are posted to.
import { useState } from 'preact/hooks';
import type { Department, DepartmentPatch } from '../../../../server/reference/reference-schemas.ts';
import { useAction, useEditDialog } from '../../components/load.ts';
import { Field, FormDialog, TextInput } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { EditButton } from './admin-kit.tsx';

export function DepartmentsTab() {
  const { ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const dialog = useEditDialog<Department>(() => ref.reload());
  return (
    <div>
      <p class="hint">{t('admin.departments.hint')}</p>
      <DataTable
        testId="departments-table"
        rows={ref.departments}
        rowKey={(d) => d.id}
        rowClass={(d) => (d.active ? '' : 'inactive')}
        columns={[
          { label: t('reports.department'), cell: (d) => i18n.name(d) },
          { label: t('admin.departments.chat'), cell: (d) => d.telegramChatId ?? '—' },
          { label: '', cell: (d) => <EditButton onClick={() => dialog.edit(d)} /> },
        ]}
      />
      {dialog.item && <DepartmentDialog d={dialog.item} {...dialog.props} />}
    </div>
  );
}

function DepartmentDialog({ d, onClose, onSaved }: { d: Department; onClose(): void; onSaved(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [chat, setChat] = useState(d.telegramChatId ?? '');
  const save = useAction();
  async function submit() {
    if (
      await save.run(
        () => api.patch(`/api/reference/departments/${d.id}`, { telegramChatId: chat.trim() || null } satisfies DepartmentPatch),
        t('common.saved'),
      )
    )
      onSaved();
  }
  return (
    <FormDialog title={i18n.name(d)} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error} submitLabel={t('common.save')}>
      <Field label={t('admin.departments.chat')} hint={t('admin.departments.chatHint')}>
        <TextInput name="telegramChatId" value={chat} onInput={setChat} placeholder="-1001234567890" />
      </Field>
    </FormDialog>
  );
}
