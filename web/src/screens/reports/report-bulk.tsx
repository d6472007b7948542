// One status change for many reports at once (the API's bulk endpoint): each report succeeds or fails
// on its own, and the ones that failed stay selected with the reason, so nothing is silently skipped.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { Field, FormDialog, Select, TextArea } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { ReportStatus } from '../../../../generated/prisma/enums.ts';
import type { Template } from '../../../../server/reports/report-templates-schemas.ts';
import type { BulkStatusInput, ItemResults } from '../../../../server/reports/reports-schemas.ts';

export const BULK_TARGETS: ReportStatus[] = ['in_work', 'resolved', 'rejected', 'not_responsible'];

export function BulkDialog({ ids, to, onClose, onDone }: { ids: number[]; to: ReportStatus; onClose(): void; onDone(results: ItemResults['results']): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  // Templates are filled per report in its citizen's language by the API; here they are picked by title.
  const templates = useLoad(() => api.get<Template[]>('/api/report-templates', { status: to, active: 'true' }), [to]);
  const [templateId, setTemplateId] = useState('');
  const [publicNote, setPublicNote] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const save = useAction();
  async function submit() {
    const r = await save.run(() =>
      api.post<ItemResults>('/api/reports/bulk/status', {
        ids,
        to,
        ...(templateId ? { templateId: Number(templateId) } : {}),
        publicNote: publicNote.trim() ? publicNote : null,
        internalNote: internalNote.trim() ? internalNote : null,
      } satisfies BulkStatusInput),
    );
    if (r) onDone(r.results);
  }
  return (
    <FormDialog
      title={t('bulk.title', { n: ids.length, status: t(`status.${to}`) })}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t(`status.${to}`)}
      testId="bulk-dialog"
    >
      <Field label={t('actions.template')} hint={t('bulk.templateHint')}>
        <Select
          name="template"
          value={templateId}
          onChange={setTemplateId}
          options={[
            { value: '', label: (templates.data ?? []).filter((x) => x.categoryId === null).length ? t('actions.noTemplate') : t('actions.noTemplates') },
            ...(templates.data ?? []).filter((x) => x.categoryId === null).map((x) => ({ value: String(x.id), label: x.title })),
          ]}
        />
      </Field>
      <Field label={t('actions.publicNote')} hint={t('bulk.noteHint')} wide>
        <TextArea name="publicNote" rows={4} value={publicNote} onInput={setPublicNote} />
      </Field>
      <Field label={t('actions.internalNote')} wide>
        <TextArea name="internalNote" rows={2} value={internalNote} onInput={setInternalNote} />
      </Field>
    </FormDialog>
  );
}
