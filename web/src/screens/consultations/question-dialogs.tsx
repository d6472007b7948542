// The dialogs of a question: hand it over to a colleague, close it with a result, and promote the last
// answer into a knowledge-base draft.
import { useState } from 'preact/hooks';
import type { CloseInput, HandoverInput, PromoteInput, QuestionDetail as Question } from '../../../../server/consultations/questions-schemas.ts';
import type { Colleague } from '../../../../server/staff/staff-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { Field, FormDialog, Select, TextArea } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { ArticleFields, type ArticleText } from './faq.tsx';

export function HandoverDialog({ q, onClose, onDone }: { q: Question; onClose(): void; onDone(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const people = useLoad(() => api.get<Colleague[]>('/api/staff/directory', { role: 'consultant' }), []);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const save = useAction();
  // Colleagues who cover the question's region; the API has the last word.
  const fit = (people.data ?? []).filter((p) => p.id !== q.holder?.id && (p.regionId === null || q.regionId === null || p.regionId === q.regionId));
  async function submit() {
    if (
      to &&
      (await save.run(
        () => api.post(`/api/questions/${q.id}/handover`, { consultantId: Number(to), note: note.trim() ? note : null } satisfies HandoverInput),
        t('common.saved'),
      ))
    )
      onDone();
  }
  return (
    <FormDialog
      title={`${q.number}: ${t('questions.handover')}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('questions.handover')}
    >
      <Field label={t('questions.toConsultant')}>
        <Select value={to} onChange={setTo} required options={[{ value: '', label: '—' }, ...fit.map((p) => ({ value: String(p.id), label: p.fullName }))]} />
      </Field>
      <Field label={t('questions.note')} wide>
        <TextArea rows={3} value={note} onInput={setNote} />
      </Field>
    </FormDialog>
  );
}

export function CloseDialog({ q, onClose, onDone }: { q: Question; onClose(): void; onDone(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [result, setResult] = useState<'answered' | 'referred' | 'not_in_scope'>(q.state === 'answered' ? 'answered' : 'referred');
  const [note, setNote] = useState('');
  const save = useAction();
  async function submit() {
    if (await save.run(() => api.post(`/api/questions/${q.id}/close`, { result, note: note.trim() ? note : null } satisfies CloseInput), t('common.saved')))
      onDone();
  }
  return (
    <FormDialog
      title={`${q.number}: ${t('questions.close')}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('questions.close')}
    >
      <Field label={t('questions.result')}>
        <Select
          value={result}
          onChange={setResult}
          options={(['answered', 'referred', 'not_in_scope'] as const).map((r) => ({ value: r, label: t(`questions.resultOf.${r}`) }))}
        />
      </Field>
      <Field label={t('questions.closeNote')} hint={result === 'answered' ? t('questions.closeNoteInternal') : t('questions.closeNoteCitizen')} wide>
        <TextArea rows={3} value={note} onInput={setNote} />
      </Field>
    </FormDialog>
  );
}

export function PromoteDialog({ q, onClose, onDone }: { q: Question; onClose(): void; onDone(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const last = [...q.thread].reverse().find((m) => m.kind === 'answer')?.text ?? '';
  const [text, setText] = useState<ArticleText>({
    titleKk: '',
    titleRu: '',
    bodyKk: q.citizenLocale === 'kk' ? last : '',
    bodyRu: q.citizenLocale === 'ru' ? last : '',
  });
  const save = useAction();
  async function submit() {
    if (
      await save.run(
        () => api.post(`/api/questions/${q.id}/promote`, { ...text, bodyKk: text.bodyKk || null, bodyRu: text.bodyRu || null } satisfies PromoteInput),
        t('faq.draftCreated'),
      )
    )
      onDone();
  }
  return (
    <FormDialog
      title={`${q.number}: ${t('questions.promote')}`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('questions.promote')}
      wide
    >
      <ArticleFields value={text} onChange={setText} />
    </FormDialog>
  );
}
