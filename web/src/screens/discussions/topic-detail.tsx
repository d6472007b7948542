// One topic: its Annex 1 fields and counts, publishing it (the earliest allowed end comes from the server's
// working-day calendar) or a later end, the Annex 2 downloads, and its comments with the review.
import { useState } from 'preact/hooks';
import type { ExtendInput, PublishInput, Topic, TopicComment, TopicDetail as TopicDetailData } from '../../../../server/discussions/discussions-schemas.ts';
import type { AddedDays } from '../../../../server/reference/calendar-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { BackLink, ErrorBox, Loading } from '../../components/layout.tsx';
import { CheckedForm, Field } from '../../components/form.tsx';
import { DownloadButton } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { almatyToday, atLocal, exportLang } from '../screen-helpers.ts';
import { TopicComments } from './topic-comments.tsx';
import { TopicForm } from './topic-form.tsx';
import { StatusBadge } from './topic-status.tsx';

export function TopicDetail({ id }: { id: number }) {
  const { api, hasRole } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const topic = useLoad(() => api.get<TopicDetailData>(`/api/discussions/${id}`), [id]);
  const comments = useLoad(() => api.get<TopicComment[]>(`/api/discussions/${id}/comments`), [id]);
  const [editing, setEditing] = useState(false);
  const act = useAction();
  if (topic.error) return <ErrorBox error={topic.error} />;
  if (!topic.data) return <Loading />;
  const x = topic.data;
  const manager = hasRole('project_manager');
  const ended = x.status === 'closed' || x.status === 'reviewed' || (x.status === 'open' && x.endsAt !== null && new Date(x.endsAt) <= new Date());
  const reload = () => {
    topic.reload();
    comments.reload();
  };
  if (editing) return <TopicForm topic={x} onDone={() => (setEditing(false), reload())} />;
  const c = x.counts;

  return (
    <section class="screen" data-testid="topic-detail">
      <BackLink href={href('topics')}>{t('topics.title')}</BackLink>
      <div class="screen-head">
        <h1>{i18n.locale === 'kk' ? x.titleKk : x.titleRu}</h1>
        <StatusBadge status={x.status} />
      </div>
      <div class="panel">
        <dl class="facts">
          <dt>{t('topics.body')}</dt>
          <dd>{i18n.name(x.stateBody)}</dd>
          <dt>{t('topics.year')}</dt>
          <dd>{x.year}</dd>
          <dt>{t('topics.funding')}</dt>
          <dd>{t('topics.fundingValue', { sum: x.fundingThousandTenge })}</dd>
          <dt>{t('topics.justification')}</dt>
          <dd>{i18n.locale === 'kk' ? x.justificationKk : x.justificationRu}</dd>
          <dt>{t('topics.source')}</dt>
          <dd>{x.informationSource}</dd>
          <dt>{t('topics.targetGroup')}</dt>
          <dd>{i18n.locale === 'kk' ? x.targetGroupKk : x.targetGroupRu}</dd>
          <dt>{t('topics.expectedResult')}</dt>
          <dd>{i18n.locale === 'kk' ? x.expectedResultKk : x.expectedResultRu}</dd>
          {x.publishedAt && (
            <>
              <dt>{t('topics.publishedAt')}</dt>
              <dd>{i18n.dateTime(x.publishedAt)}</dd>
            </>
          )}
          {x.endsAt && (
            <>
              <dt>{t('topics.end')}</dt>
              <dd data-testid="topic-ends-at">{i18n.dateTime(x.endsAt)}</dd>
            </>
          )}
          {x.reviewDueAt && x.status !== 'reviewed' && (
            <>
              <dt>{t('topics.reviewDueLabel')}</dt>
              <dd class={new Date(x.reviewDueAt) < new Date() ? 'overdue-text' : ''}>{i18n.dateTime(x.reviewDueAt)}</dd>
            </>
          )}
          {x.reviewedAt && (
            <>
              <dt>{t('topics.reviewedAt')}</dt>
              <dd>{i18n.dateTime(x.reviewedAt)}</dd>
            </>
          )}
        </dl>
        {c && (
          <p class="row-meta" data-testid="topic-counts">
            <span>{t('topics.commentsCount', { n: c.comments })}</span>
            <span>{t('topics.authors', { n: c.authors })}</span>
            <span>{t('topics.supports', { n: c.supports })}</span>
            <span>{t('topics.objections', { n: c.objections })}</span>
            <span>
              {t('topics.decisionCounts', {
                accepted: c.decisions.accepted,
                partly: c.decisions.partly_accepted,
                rejected: c.decisions.rejected,
                undecided: c.decisions.undecided,
              })}
            </span>
            {c.pendingModeration > 0 && <span class="overdue-text">{t('topics.pendingModeration', { n: c.pendingModeration })}</span>}
          </p>
        )}
        <div class="actions">
          {manager && x.status === 'draft' && (
            <>
              <button type="button" class="secondary" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </button>
              <button
                type="button"
                class="danger"
                disabled={act.busy}
                onClick={async () => {
                  if (confirm(t('topics.confirmDelete')) && (await act.run(() => api.del(`/api/discussions/${x.id}`), t('common.deleted'))))
                    navigate(href('topics'));
                }}
              >
                {t('common.delete')}
              </button>
            </>
          )}
          {ended && (
            <DownloadButton url={`/api/discussions/${x.id}/annex2`} query={{ format: 'xlsx', lang: exportLang(i18n.locale) }} label={t('topics.annex2')} />
          )}
          {ended && (
            <DownloadButton url={`/api/discussions/${x.id}/annex2`} query={{ format: 'csv', lang: exportLang(i18n.locale) }} label={t('topics.annex2Csv')} />
          )}
        </div>
        <ErrorBox error={act.error} />
      </div>
      {manager && x.status === 'draft' && <PublishPanel topic={x} onDone={reload} />}
      {manager && x.status === 'open' && !ended && <ExtendPanel topic={x} onDone={reload} />}
      {/* A reader who cannot decide is told who does, rather than finding the screen silently read-only. */}
      {!manager && ended && x.status !== 'reviewed' && (
        <p class="hint" data-testid="who-decides">
          {t('topics.whoDecides', { role: t('roles.project_manager') })}
        </p>
      )}
      <TopicComments topic={x} comments={comments} canDecide={manager && ended && x.status !== 'reviewed'} onChanged={reload} />
    </section>
  );
}

/** The earliest end the Rules allow if published now: 10 working days on the server's calendar, to the minute. */
function useEarliestEnd() {
  const { api } = useApp();
  return useLoad(async () => {
    const today = almatyToday();
    const first = await api.get<AddedDays>('/api/calendar/add-working-days', { from: today, days: 0 });
    const end = await api.get<AddedDays>('/api/calendar/add-working-days', { from: first.date, days: 10 });
    // Published on a working day, the clock runs from now; on a day off, from 00:00 of the next working day.
    const now = new Date(Date.now() + 5 * 3_600_000);
    const time = first.date === today ? `${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}` : '00:00';
    return { date: end.date, at: atLocal(end.date, time) };
  }, []);
}

function PublishPanel({ topic, onDone }: { topic: Topic; onDone(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const earliest = useEarliestEnd();
  const [date, setDate] = useState('');
  const save = useAction();
  const chosen = date || earliest.data?.date || '';
  async function publish(e: Event) {
    e.preventDefault();
    // The earliest day itself keeps the exact earliest instant; a later day ends at 18:00 Almaty time.
    const body: PublishInput = !date || date === earliest.data?.date ? {} : { endsAt: atLocal(date, '18:00') };
    if (await save.run(() => api.post(`/api/discussions/${topic.id}/publish`, body), t('topics.published'))) onDone();
  }
  return (
    <CheckedForm class="panel form" onSubmit={publish} data-testid="publish-panel">
      <h2 style={{ flexBasis: '100%', margin: 0 }}>{t('topics.publishTitle')}</h2>
      <p style={{ flexBasis: '100%', margin: 0 }} data-testid="earliest-end">
        {earliest.data ? t('topics.earliestEnd', { at: i18n.dateTime(earliest.data.at) }) : earliest.error ? '' : t('common.loading')}
      </p>
      <ErrorBox error={earliest.error} />
      <Field label={t('topics.endDate')} hint={t('topics.endDateHint')}>
        <input type="date" name="endsAt" min={earliest.data?.date} value={chosen} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
      </Field>
      <ErrorBox error={save.error} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={save.busy || !earliest.data} data-action="publish">
          {t('topics.publish')}
        </button>
      </div>
    </CheckedForm>
  );
}

function ExtendPanel({ topic, onDone }: { topic: Topic; onDone(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const current = topic.endsAt ? new Date(new Date(topic.endsAt).getTime() + 5 * 3_600_000).toISOString().slice(0, 10) : '';
  const [date, setDate] = useState(current);
  const save = useAction();
  async function extend(e: Event) {
    e.preventDefault();
    if (await save.run(() => api.post(`/api/discussions/${topic.id}/extend`, { endsAt: atLocal(date, '18:00') } satisfies ExtendInput), t('common.saved')))
      onDone();
  }
  return (
    <CheckedForm class="panel form" onSubmit={extend}>
      <Field label={t('topics.extend')} hint={t('topics.extendHint')}>
        <input type="date" min={current} value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
      </Field>
      <ErrorBox error={save.error} />
      <div class="form-actions">
        <button type="submit" class="secondary" disabled={save.busy || !date}>
          {t('topics.extendButton')}
        </button>
      </div>
    </CheckedForm>
  );
}
