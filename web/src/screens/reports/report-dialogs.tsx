// The status dialogs of a report: a status change with a response template, marking it a duplicate of
// another report, and merging other reports into it. Each keeps what was typed until the API accepts it.
import { useState } from 'preact/hooks';
import type { ReportStatus } from '../../../../generated/prisma/enums.ts';
import type { FittedTemplate } from '../../../../server/reports/report-templates-schemas.ts';
import type { MergeInput, MergeResults, ReportDetail, ReportSummary, StatusInput } from '../../../../server/reports/reports-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { Field, FormDialog, TextArea, TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export interface DialogProps {
  report: ReportDetail;
  onClose(): void;
  onDone(s: ReportSummary): void;
}

/** A status change with a response template: picking one fills the public note, which stays editable. */
export function StatusDialog({ report, to, onClose, onDone }: DialogProps & { to: ReportStatus }) {
  const { api } = useApp();
  const { t } = useI18n();
  const templates = useLoad(() => api.get<FittedTemplate[]>(`/api/reports/${report.id}/templates`, { to }), [report.id, to]);
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [publicNote, setPublicNote] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const save = useAction();
  const fits = (templates.data ?? []).filter((x) => x.status === to);

  async function submit() {
    const s = await save.run(
      () =>
        api.post<ReportSummary>(`/api/reports/${report.id}/status`, {
          to,
          publicNote: orNull(publicNote),
          internalNote: orNull(internalNote),
          ...(templateId ? { templateId } : {}),
        } satisfies StatusInput),
      t('common.saved'),
    );
    if (s) onDone(s);
  }

  return (
    <FormDialog
      title={`${report.number}: ${t(`status.${to}`)}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t(`status.${to}`)}
      testId="status-dialog"
    >
      <Field label={t('actions.template')}>
        <select
          data-testid="template"
          value={templateId ?? ''}
          onChange={(e) => {
            const id = Number((e.target as HTMLSelectElement).value) || null;
            setTemplateId(id);
            const tpl = fits.find((x) => x.id === id);
            if (tpl) setPublicNote(tpl.preview);
          }}
        >
          <option value="">{templates.loading ? t('common.loading') : fits.length ? t('actions.noTemplate') : t('actions.noTemplates')}</option>
          {fits.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('actions.publicNote')} hint={t('actions.publicNoteHint')} wide>
        <TextArea name="publicNote" rows={5} value={publicNote} onInput={setPublicNote} />
      </Field>
      <Field label={t('actions.internalNote')} wide>
        <TextArea name="internalNote" rows={2} value={internalNote} onInput={setInternalNote} />
      </Field>
    </FormDialog>
  );
}

/** Blank means "none" to the API. */
export const orNull = (v: string) => (v.trim() ? v : null);

/** Report numbers as staff know them (KZ-2026-000123) or plain ids → ids, through the list's search. */
async function resolveNumbers(api: ReturnType<typeof useApp>['api'], input: string, notFound: (n: string) => string): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of input.split(/[\s,;]+/).filter(Boolean)) {
    if (/^\d+$/.test(raw)) {
      ids.push(Number(raw));
      continue;
    }
    const page = await api.get<{ items: ReportSummary[] }>('/api/reports', { q: raw, limit: 5 });
    const hit = page.items.find((x) => x.number.toLowerCase() === raw.toLowerCase());
    if (!hit) throw new Error(notFound(raw));
    ids.push(hit.id);
  }
  return ids;
}

export function DuplicateDialog({ report, onClose, onDone }: DialogProps) {
  const { api } = useApp();
  const { t } = useI18n();
  const [main, setMain] = useState('');
  const [publicNote, setPublicNote] = useState('');
  const save = useAction();
  async function submit() {
    const s = await save.run(async () => {
      const [duplicateOfId] = await resolveNumbers(api, main, (n) => t('actions.unknownReport', { number: n }));
      if (!duplicateOfId) throw new Error(t('actions.mainRequired'));
      return api.post<ReportSummary>(`/api/reports/${report.id}/status`, {
        to: 'duplicate',
        duplicateOfId,
        publicNote: orNull(publicNote),
      } satisfies StatusInput);
    }, t('common.saved'));
    if (s) onDone(s);
  }
  return (
    <FormDialog
      title={`${report.number}: ${t('actions.duplicate')}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('actions.duplicate')}
    >
      <Field label={t('actions.mainReport')} hint={t('actions.numberHint')}>
        <TextInput name="main" value={main} onInput={setMain} required />
      </Field>
      <Field label={t('actions.publicNote')} wide>
        <TextArea rows={3} value={publicNote} onInput={setPublicNote} />
      </Field>
    </FormDialog>
  );
}

export function MergeDialog({ report, onClose, onDone }: DialogProps) {
  const { api } = useApp();
  const { t } = useI18n();
  const [numbers, setNumbers] = useState('');
  const [publicNote, setPublicNote] = useState('');
  const [failures, setFailures] = useState<string[]>([]);
  const save = useAction();
  async function submit() {
    setFailures([]);
    const r = await save.run(async () => {
      const duplicateIds = await resolveNumbers(api, numbers, (n) => t('actions.unknownReport', { number: n }));
      return api.post<MergeResults>(`/api/reports/${report.id}/merge`, { duplicateIds, publicNote: orNull(publicNote) } satisfies MergeInput);
    });
    if (!r) return;
    // Each report merges or fails on its own: the ones that failed say why, the rest are done.
    const bad = r.results.filter((x) => !x.ok).map((x) => `#${x.id}: ${x.error?.message ?? ''}`);
    if (bad.length) setFailures(bad);
    else onDone(r.report);
  }
  return (
    <FormDialog
      title={`${report.number}: ${t('actions.merge')}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('actions.merge')}
    >
      <p class="hint">{t('actions.mergeHint')}</p>
      <Field label={t('actions.duplicates')} hint={t('actions.numberHint')} wide>
        <TextInput name="duplicates" value={numbers} onInput={setNumbers} required />
      </Field>
      <Field label={t('actions.publicNote')} wide>
        <TextArea rows={3} value={publicNote} onInput={setPublicNote} />
      </Field>
      {failures.length > 0 && (
        <div class="error-box" role="alert">
          <ul>
            {failures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
    </FormDialog>
  );
}
