// The routing and moderation dialogs of a report: route it to a department or assign an operator, hide it
// from public view with a reason, or show it again.
import { useMemo, useState } from 'preact/hooks';
import type { Colleague } from '../../../../server/staff/staff-schemas.ts';
import type { AssignInput, HideInput, ReportSummary } from '../../../../server/reports/reports-schemas.ts';
import { useAction } from '../../components/load.ts';
import { Field, FormDialog, Select, TextArea } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { orNull, type DialogProps } from './report-dialogs.tsx';

export function AssignDialog({ report, colleagues, onClose, onDone }: DialogProps & { colleagues: Colleague[] }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [departmentId, setDepartmentId] = useState(String(report.departmentId));
  const [assigneeId, setAssigneeId] = useState(report.assigneeId ? String(report.assigneeId) : '');
  const [internalNote, setInternalNote] = useState('');
  const save = useAction();
  // Operators whose scope could cover the report; the API has the last word.
  const fitting = useMemo(
    () =>
      colleagues.filter((p) => (p.regionId === null || p.regionId === report.regionId) && (p.departmentId === null || String(p.departmentId) === departmentId)),
    [colleagues, departmentId],
  );
  async function submit() {
    const body: AssignInput = { internalNote: orNull(internalNote) };
    if (Number(departmentId) !== report.departmentId) body.departmentId = Number(departmentId);
    const newAssignee = assigneeId ? Number(assigneeId) : null;
    if (newAssignee !== report.assigneeId) body.assigneeId = newAssignee;
    if (!('departmentId' in body) && !('assigneeId' in body)) return onClose();
    const s = await save.run(() => api.post<ReportSummary>(`/api/reports/${report.id}/assign`, body), t('common.saved'));
    if (s) onDone(s);
  }
  return (
    <FormDialog
      title={`${report.number}: ${t('actions.assign')}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('common.save')}
    >
      <Field label={t('reports.department')}>
        <Select
          value={departmentId}
          onChange={setDepartmentId}
          options={ref.departments.filter((d) => d.active || d.id === report.departmentId).map((d) => ({ value: String(d.id), label: i18n.name(d) }))}
        />
      </Field>
      <Field label={t('reports.assignee')}>
        <Select
          data-testid="assignee"
          value={assigneeId}
          onChange={setAssigneeId}
          options={[{ value: '', label: t('actions.nobody') }, ...fitting.map((p) => ({ value: String(p.id), label: p.fullName }))]}
        />
      </Field>
      <Field label={t('actions.internalNote')} wide>
        <TextArea rows={2} value={internalNote} onInput={setInternalNote} />
      </Field>
    </FormDialog>
  );
}

export function HideDialog({ report, onClose, onDone }: DialogProps) {
  const { api } = useApp();
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const save = useAction();
  async function submit() {
    const s = await save.run(() => api.post<ReportSummary>(`/api/reports/${report.id}/hide`, { reason } satisfies HideInput), t('common.saved'));
    if (s) onDone(s);
  }
  return (
    <FormDialog
      title={`${report.number}: ${t('actions.hide')}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('actions.hide')}
    >
      <p class="hint">{t('actions.hideHint')}</p>
      <Field label={t('actions.reason')} wide>
        <TextArea rows={3} value={reason} onInput={setReason} required />
      </Field>
    </FormDialog>
  );
}

export function UnhideDialog({ report, onClose, onDone }: DialogProps) {
  const { api } = useApp();
  const { t } = useI18n();
  const save = useAction();
  async function submit() {
    const s = await save.run(() => api.post<ReportSummary>(`/api/reports/${report.id}/unhide`), t('common.saved'));
    if (s) onDone(s);
  }
  return (
    <FormDialog
      title={`${report.number}: ${t('actions.unhide')}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('actions.unhide')}
    >
      {null}
    </FormDialog>
  );
}
