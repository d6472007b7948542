// The consultation queue: citizens' questions in the consultant's scope, oldest first, with the
// thread of the selected one and the work on it — claim, release, hand over, answer (with a link),
// internal note, close with a result, and turning a good answer into a knowledge-base draft.
import { useState } from 'preact/hooks';
import {
  DetailHead,
  ErrorBox,
  Field,
  FilterSelect,
  FormDialog,
  Loading,
  PagedBody,
  Select,
  TextArea,
  TextInput,
  useAction,
  useLoad,
  usePaged,
  type Page,
} from '../../components/ui.tsx';
import { ArticleFields } from './faq.tsx';
import { useShortcuts } from '../../components/shortcuts.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import type { Colleague } from '../reports/report-types.ts';
import type { ScreenProps } from '../types.ts';

type QState = 'waiting' | 'claimed' | 'answered' | 'closed';
interface Person {
  id: number;
  fullName: string;
}
interface QSummary {
  id: number;
  number: string;
  state: QState;
  topicId: number;
  askerGroup: string;
  regionId: number | null;
  text: string;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  holder: Person | null;
  result: string | null;
  rating: number | null;
}
interface QMessage {
  id: number;
  at: string;
  kind: string;
  authorType: 'citizen' | 'staff' | 'system';
  staff: Person | null;
  text: string | null;
  attachment: { kind: string; fileName: string | null; url: string | null; title: string | null } | null;
}
interface QDetail extends QSummary {
  citizenFirstName: string | null;
  citizenLocale: 'kk' | 'ru';
  ratingComment: string | null;
  thread: QMessage[];
}
export interface ConsultationTopic {
  id: number;
  code: string;
  nameKk: string;
  nameRu: string;
  responseDays: number;
  active: boolean;
}

const VIEWS = ['open', 'mine', 'unclaimed', 'overdue', 'closed'] as const;
type View = (typeof VIEWS)[number];
const viewQuery: Record<View, Record<string, string>> = {
  open: {},
  mine: { consultant: 'mine' },
  unclaimed: { consultant: 'none', state: 'waiting' },
  overdue: { overdue: 'true' },
  closed: { state: 'closed' },
};

export function ConsultationQueue({ params, query }: ScreenProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const view = (VIEWS as readonly string[]).includes(query.get('view') ?? '') ? (query.get('view') as View) : 'open';
  const topicId = query.get('topicId') ?? '';
  const selectedId = params.id ? Number(params.id) : null;
  const topics = useLoad(() => api.get<ConsultationTopic[]>('/api/consultation-topics'), []);
  const list = usePaged((cursor) => api.get<Page<QSummary>>('/api/questions', { ...viewQuery[view], topicId, limit: 50, cursor }), [view, topicId]);
  const items = list.items;
  const go = (q: { view?: View; topicId?: string }, id = selectedId) =>
    navigate(href(id ? `questions/${id}` : 'questions', { view: q.view ?? view, topicId: q.topicId ?? topicId }));
  const topicName = (id: number) => i18n.name(topics.data?.find((x) => x.id === id));
  const { overlay } = useShortcuts([
    { key: 'j', labelKey: 'shortcuts.next', run: () => step(1) },
    { key: 'k', labelKey: 'shortcuts.prev', run: () => step(-1) },
  ]);
  function step(d: number) {
    if (!items.length) return;
    const i = items.findIndex((x) => x.id === selectedId);
    go({}, items[Math.min(items.length - 1, Math.max(0, i < 0 ? 0 : i + d))]!.id);
  }

  return (
    <section class={selectedId ? 'screen split' : 'screen'}>
      <div>
        <div class="screen-head">
          <h1>{t('questions.title')}</h1>
        </div>
        <div class="tabs" role="tablist">
          {VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={v === view} class={v === view ? 'tab active' : 'tab'} onClick={() => go({ view: v })}>
              {t(`questions.view.${v}`)}
            </button>
          ))}
        </div>
        <div class="filters">
          <FilterSelect
            label={t('questions.topic')}
            value={topicId}
            anyLabel={t('questions.anyTopic')}
            options={(topics.data ?? []).map((x) => ({ value: x.id, label: i18n.name(x) }))}
            onChange={(v) => go({ topicId: v })}
          />
        </div>
        <PagedBody list={list} emptyText={t('questions.none')}>
          <ul class="list" data-testid="question-list">
            {items.map((q) => (
              <li key={q.id} class={q.id === selectedId ? 'list-item selected' : 'list-item'}>
                <a href={href(`questions/${q.id}`, { view, topicId })}>
                  <div class="row-top">
                    <span class="number">{q.number}</span>
                    <span class={`status-pill ${q.state === 'closed' ? 'colour-grey' : q.state === 'answered' ? 'colour-green' : 'colour-red'}`}>
                      {t(`questions.state.${q.state}`)}
                    </span>
                    {q.overdue && <span class="badge overdue">{t('reports.overdue')}</span>}
                  </div>
                  <div class="row-desc">{q.text}</div>
                  <div class="row-meta">
                    <span>{topicName(q.topicId)}</span>
                    <span>{i18n.dateTime(q.createdAt)}</span>
                    {q.dueAt && (
                      <span class={q.overdue ? 'overdue-text' : ''}>
                        {t('reports.due')}: {i18n.dateTime(q.dueAt)}
                      </span>
                    )}
                    <span>{q.holder ? `👤 ${q.holder.fullName}` : t('questions.unclaimed')}</span>
                  </div>
                </a>
              </li>
            ))}
          </ul>
        </PagedBody>
      </div>
      {selectedId && <QuestionDetail key={selectedId} id={selectedId} topicName={topicName} onChanged={list.reload} onClose={() => go({}, null)} />}
      {overlay}
    </section>
  );
}

type Dialog = 'handover' | 'close' | 'promote' | null;

/** What the citizen wrote on the left, answers on the right, notes marked internal, steps as quiet lines. */
const msgClass = (kind: string) => (kind === 'question' || kind === 'followup' ? 'citizen' : kind === 'answer' ? 'staff' : kind === 'note' ? 'note' : 'system');

function QuestionDetail({ id, topicName, onChanged, onClose }: { id: number; topicName(id: number): string; onChanged(): void; onClose(): void }) {
  const { api, user } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const detail = useLoad(() => api.get<QDetail>(`/api/questions/${id}`), [id]);
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
        <dd class={q.overdue ? 'overdue-text' : ''}>{i18n.dateTime(q.dueAt)}</dd>
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
        <form
          class="form panel"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await post(
              'answer',
              { text: answer, attachment: linkUrl.trim() ? { url: linkUrl.trim(), title: linkTitle.trim() || null } : null },
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
        </form>
      )}
      <form
        class="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await post('notes', { text: note })) setNote('');
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
      </form>
      {dialog === 'handover' && <HandoverDialog q={q} onClose={() => setDialog(null)} onDone={() => (setDialog(null), changed())} />}
      {dialog === 'close' && <CloseDialog q={q} onClose={() => setDialog(null)} onDone={() => (setDialog(null), changed())} />}
      {dialog === 'promote' && <PromoteDialog q={q} onClose={() => setDialog(null)} onDone={() => (setDialog(null), changed())} />}
    </aside>
  );
}

function HandoverDialog({ q, onClose, onDone }: { q: QDetail; onClose(): void; onDone(): void }) {
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
      (await save.run(() => api.post(`/api/questions/${q.id}/handover`, { consultantId: Number(to), note: note.trim() ? note : null }), t('common.saved')))
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

function CloseDialog({ q, onClose, onDone }: { q: QDetail; onClose(): void; onDone(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [result, setResult] = useState<'answered' | 'referred' | 'not_in_scope'>(q.state === 'answered' ? 'answered' : 'referred');
  const [note, setNote] = useState('');
  const save = useAction();
  async function submit() {
    if (await save.run(() => api.post(`/api/questions/${q.id}/close`, { result, note: note.trim() ? note : null }), t('common.saved'))) onDone();
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

function PromoteDialog({ q, onClose, onDone }: { q: QDetail; onClose(): void; onDone(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const last = [...q.thread].reverse().find((m) => m.kind === 'answer')?.text ?? '';
  const [titleKk, setTitleKk] = useState('');
  const [titleRu, setTitleRu] = useState('');
  const [bodyKk, setBodyKk] = useState(q.citizenLocale === 'kk' ? last : '');
  const [bodyRu, setBodyRu] = useState(q.citizenLocale === 'ru' ? last : '');
  const save = useAction();
  async function submit() {
    if (
      await save.run(
        () => api.post(`/api/questions/${q.id}/promote`, { titleKk, titleRu, bodyKk: bodyKk || null, bodyRu: bodyRu || null }),
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
      <ArticleFields
        titleKk={titleKk}
        setTitleKk={setTitleKk}
        titleRu={titleRu}
        setTitleRu={setTitleRu}
        bodyKk={bodyKk}
        setBodyKk={setBodyKk}
        bodyRu={bodyRu}
        setBodyRu={setBodyRu}
      />
    </FormDialog>
  );
}
