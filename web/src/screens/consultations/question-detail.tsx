// One question beside the queue: the thread (what the citizen wrote on the left, answers on the right,
// internal notes marked), and the work on it: claim, release, hand over, answer with a link, note, close,
// and turning a good answer into a knowledge-base draft.
import { useState } from 'preact/hooks';
import type { AnswerInput, NoteInput, QuestionDetail as Question } from '../../../../server/consultations/questions-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { DetailHead, ErrorBox, Loading } from '../../components/layout.tsx';
import { CheckedForm, Field, TextArea, TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { CloseDialog, HandoverDialog, PromoteDialog } from './question-dialogs.tsx';

type Dialog = 'handover' | 'close' | 'promote' | null;

/** What the citizen wrote on the left, answers on the right, notes marked internal, steps as quiet lines. */
const msgClass = (kind: string) => (kind === 'question' || kind === 'followup' ? 'citizen' : kind === 'answer' ? 'staff' : kind === 'note' ? 'note' : 'system');

export function QuestionDetail({ id, topicName, onChanged, onClose }: { id: number; topicName(id: number): string; onChanged(): void; onClose(): void }) {
  const { api, user } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const detail = useLoad(() => api.get<Question>(`/api/questions/${id}`), [id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [answer, setAnswer] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const [linkTitle, setLinkTitle] = useState('');
  const [note, setNote] = useState('');
  const act = useAction();
  const q = detail.data;
  if (detail.error && !q)
    return (
      <aside class="detail">
        <ErrorBox error={detail.error} />
      </aside>
    );
  if (!q)
    return (
      <aside class="detail">
        <Loading />
      </aside>
    );

  const changed = () => {
    detail.reload();
    onChanged();
  };
  const post = async (path: string, body?: unknown, ok = t('common.saved')) => {
    const r = await act.run(() => api.post(`/api/questions/${id}/${path}`, body), ok);
    if (r) changed();
    return r;
  };
  const mine = q.holder?.id === user.id;
  const closed = q.state === 'closed';

  return (
    <aside class="detail" data-testid="question-detail">
      <DetailHead
        title={
          <>
            {q.number} <span class="status-pill colour-grey">{t(`questions.state.${q.state}`)}</span>
            {q.overdue && <span class="badge overdue">{t('reports.overdue')}</span>}
          </>
        }
        meta={
          <>
            {topicName(q.topicId)} · {t(`askerGroup.${q.askerGroup}`)} · {q.citizenFirstName ?? t('questions.citizen')} ({q.citizenLocale})
          </>
        }
        onClose={onClose}
      />
      <div class="actions">
        {!closed && !q.holder && (
          <button type="button" class="primary" data-action="claim" disabled={act.busy} onClick={() => post('claim')}>
            {t('questions.claim')}
          </button>
        )}
        {!closed && q.holder && (mine || user.roles.includes('admin')) && (
          <button type="button" class="secondary" disabled={act.busy} onClick={() => post('release')}>
            {t('questions.release')}
          </button>
        )}
        {!closed && q.holder && (mine || user.roles.includes('admin')) && (
          <button type="button" class="secondary" data-action="handover" onClick={() => setDialog('handover')}>
            {t('questions.handover')}
          </button>
        )}
        {!closed && (
          <button type="button" class="secondary" data-action="close" onClick={() => setDialog('close')}>
            {t('questions.close')}
          </button>
        )}
        {q.thread.some((m) => m.kind === 'answer') && (
          <button type="button" class="secondary" onClick={() => setDialog('promote')}>
            {t('questions.promote')}
          </button>
        )}
      </div>
      <dl class="facts">
        <dt>{t('reports.created')}</dt>
        <dd>{i18n.dateTime(q.createdAt)}</dd>
        <dt>{t('reports.due')}</dt>
        <dd class={q.overdue ? 'overdue-text' : ''}>{i18n.deadline(q.dueAt)}</dd>
        <dt>{t('questions.holder')}</dt>
        <dd>{q.holder?.fullName ?? '—'}</dd>
        {q.rating !== null && (
          <>
            <dt>{t('questions.rating')}</dt>
            <dd>
              {'★'.repeat(q.rating)}
              {q.ratingComment ? ` — ${q.ratingComment}` : ''}
            </dd>
          </>
        )}
      </dl>
      <ol class="thread" data-testid="thread">
        {q.thread.map((m) => (
          <li key={m.id} class={`msg ${msgClass(m.kind)}`}>
            <div class="msg-meta">
              {i18n.dateTime(m.at)} · {m.staff?.fullName ?? t(`actor.${m.authorType}`)} · {t(`questions.kind.${m.kind}`)}
            </div>
            {m.text}
            {m.attachment?.url && (
              <div>
                🔗{' '}
                <a href={m.attachment.url} target="_blank" rel="noopener noreferrer">
                  {m.attachment.title ?? m.attachment.url}
                </a>
              </div>
            )}
            {m.attachment && !m.attachment.url && <div class="muted">📎 {m.attachment.fileName ?? m.attachment.kind}</div>}
          </li>
        ))}
      </ol>
      <ErrorBox error={act.error} />
      {!closed && (
        <CheckedForm
          class="form panel"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await post(
              'answer',
              { text: answer, attachment: linkUrl.trim() ? { url: linkUrl.trim(), title: linkTitle.trim() || null } : null } satisfies AnswerInput,
              t('questions.answerSent'),
            );
            if (r) {
              setAnswer('');
              setLinkUrl('');
              setLinkTitle('');
            }
          }}
        >
          <Field label={t('questions.answer')} hint={t('questions.answerHint', { lang: q.citizenLocale === 'kk' ? 'қазақша' : 'по-русски' })} wide>
            <TextArea name="answer" rows={5} value={answer} onInput={setAnswer} />
          </Field>
          <Field label={t('questions.link')}>
            <TextInput name="linkUrl" type="url" placeholder="https://" value={linkUrl} onInput={setLinkUrl} />
          </Field>
          <Field label={t('questions.linkTitle')}>
            <TextInput name="linkTitle" value={linkTitle} onInput={setLinkTitle} />
          </Field>
          <div class="form-actions">
            <button type="submit" class="primary" disabled={act.busy}>
              {t('questions.send')}
            </button>
          </div>
        </CheckedForm>
      )}
      <CheckedForm
        class="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await post('notes', { text: note } satisfies NoteInput)) setNote('');
        }}
      >
        <Field label={t('questions.note')} hint={t('questions.noteHint')} wide>
          <TextArea name="note" rows={2} value={note} onInput={setNote} />
        </Field>
        <div class="form-actions">
          <button type="submit" class="secondary" disabled={act.busy}>
            {t('questions.addNote')}
          </button>
        </div>
      </CheckedForm>
      {dialog === 'handover' && <HandoverDialog q={q} onClose={() => setDialog(null)} onDone={() => (setDialog(null), changed())} />}
      {dialog === 'close' && <CloseDialog q={q} onClose={() => setDialog(null)} onDone={() => (setDialog(null), changed())} />}
      {dialog === 'promote' && <PromoteDialog q={q} onClose={() => setDialog(null)} onDone={() => (setDialog(null), changed())} />}
    </aside>
  );
}
