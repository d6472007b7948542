// Public discussion of planned topics: project managers draft topics with the Annex 1 fields, publish them
// for at least 10 working days (the earliest allowed end is shown, from the server's working-day calendar),
// decide on every comment with reasons after the end and mark the review done; moderators decide on flagged
// comments; Annex 1 and Annex 2 download as XLSX or CSV.
import { useState } from 'preact/hooks';
import type { DiscussionStatus } from '../../../../generated/prisma/enums.ts';
import type { TopicCounts, TopicFields } from '../../../../core/discussions/topic-admin.ts';
import {
  BackLink,
  DownloadButton,
  ErrorBox,
  Field,
  FilterSelect,
  FormScreen,
  LoadState,
  Loading,
  Select,
  Tabs,
  TextArea,
  TextInput,
  useAction,
  useLoad,
} from '../../components/ui.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { almatyToday, atLocal, exportLang, type NamedItem } from '../screen-helpers.ts';
import { ModerationQueue } from './topic-moderation.tsx';
import { TopicComments, type TopicComment } from './topic-comments.tsx';
import type { ScreenProps } from '../types.ts';

// The fields and counts are the server's own types (type-only imports: no Prisma in the bundle).
export type TopicStatus = DiscussionStatus;

export interface Topic extends TopicFields {
  id: number;
  stateBody: { id: number; code: string; nameKk: string; nameRu: string };
  status: TopicStatus;
  publishedAt: string | null;
  endsAt: string | null;
  closedAt: string | null;
  reviewDueAt: string | null;
  reviewedAt: string | null;
  reviewOverdueAt: string | null;
  commentCount?: number;
  counts?: TopicCounts;
}

const STATUSES: TopicStatus[] = ['draft', 'open', 'closed', 'reviewed'];

export function TopicsScreen({ params, query }: ScreenProps) {
  if (params.id === 'new') return <TopicForm />;
  if (params.id) return <TopicDetail id={Number(params.id)} />;
  return <TopicList query={query} />;
}

function TopicList({ query }: { query: URLSearchParams }) {
  const { api, hasRole } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const tab = query.get('tab') ?? 'topics';
  const status = query.get('status') ?? '';
  const year = query.get('year') ?? '';
  const bodyId = query.get('stateBodyId') ?? '';
  const list = useLoad(() => api.get<Topic[]>('/api/discussions', { status, year, stateBodyId: bodyId }), [status, year, bodyId]);
  const bodies = useLoad(() => api.get<NamedItem[]>('/api/state-bodies'), []);
  const go = (patch: Record<string, string | undefined>) => navigate(href('topics', { tab, status, year, stateBodyId: bodyId, ...patch }), { replace: true });
  const title = (x: Topic) => (i18n.locale === 'kk' ? x.titleKk : x.titleRu);
  const annexYear =
    year ||
    String(
      (list.data ?? [])
        .map((x) => x.year)
        .sort()
        .at(-1) ?? new Date().getFullYear() + 1,
    );
  const canModerate = hasRole('moderator');

  return (
    <section class="screen" data-testid="topics-screen">
      <div class="screen-head">
        <h1>{t('topics.title')}</h1>
        {hasRole('project_manager') && (
          <button type="button" class="primary" onClick={() => navigate(href('topics/new'))} data-action="new-topic">
            {t('topics.new')}
          </button>
        )}
      </div>
      {canModerate && (
        <Tabs
          value={tab}
          onChange={(v) => go({ tab: v })}
          tabs={[
            { value: 'topics', label: t('topics.tabTopics') },
            { value: 'moderation', label: t('topics.tabModeration') },
          ]}
        />
      )}
      {tab === 'moderation' && canModerate ? (
        <ModerationQueue />
      ) : (
        <>
          <div class="filters">
            <Tabs
              value={status}
              onChange={(v) => go({ status: v || undefined })}
              tabs={[{ value: '', label: t('topics.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`topics.status.${s}`) }))]}
            />
            <FilterSelect
              label={t('topics.body')}
              value={bodyId}
              anyLabel={t('topics.anyBody')}
              options={(bodies.data ?? []).map((b) => ({ value: b.id, label: i18n.name(b) }))}
              onChange={(v) => go({ stateBodyId: v || undefined })}
            />
            <input
              type="number"
              aria-label={t('topics.year')}
              placeholder={t('topics.year')}
              value={year}
              min={2000}
              max={2100}
              style={{ width: '7rem' }}
              onChange={(e) => go({ year: (e.target as HTMLInputElement).value || undefined })}
            />
          </div>
          <div class="actions">
            <DownloadButton
              url="/api/discussions/annex1"
              query={{ year: annexYear, stateBodyId: bodyId || undefined, format: 'xlsx', lang: exportLang(i18n.locale) }}
              label={t('topics.annex1', { year: annexYear })}
            />
            {bodyId && (
              <DownloadButton
                url="/api/discussions/annex2"
                query={{ year: annexYear, stateBodyId: bodyId, format: 'xlsx', lang: exportLang(i18n.locale) }}
                label={t('topics.annex2Body', { year: annexYear })}
              />
            )}
          </div>
          <LoadState loaded={list} isEmpty={(data) => data.length === 0} emptyText={t('topics.none')}>
            {(data) => (
              <ul class="list" data-testid="topic-list">
                {data.map((x) => (
                  <li key={x.id} class="list-item" data-topic-id={x.id}>
                    <a class="item" href={href(`topics/${x.id}`)}>
                      <div class="row-top">
                        <StatusBadge status={x.status} />
                        <strong>{title(x)}</strong>
                      </div>
                      <div class="row-meta">
                        <span>{i18n.name(x.stateBody)}</span>
                        <span>{x.year}</span>
                        <span>{t('topics.commentsCount', { n: x.commentCount ?? 0 })}</span>
                        {x.endsAt && <span>{t(x.status === 'open' ? 'topics.endsAt' : 'topics.endedAt', { at: i18n.dateTime(x.endsAt) })}</span>}
                        {x.status === 'closed' && x.reviewDueAt && (
                          <span class={new Date(x.reviewDueAt) < new Date() ? 'overdue-text' : ''}>
                            {t('topics.reviewDue', { at: i18n.dateTime(x.reviewDueAt) })}
                          </span>
                        )}
                      </div>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </LoadState>
        </>
      )}
    </section>
  );
}

export function StatusBadge({ status }: { status: TopicStatus }) {
  const { t } = useI18n();
  // Open: green (comments accepted); ended and awaiting the review: amber; reviewed: blue; draft: grey.
  const style =
    status === 'closed' ? { background: '#fff4d6', color: '#8a5a00' } : status === 'reviewed' ? { background: '#e3eefc', color: '#1d4f91' } : undefined;
  return (
    <span class={status === 'open' ? 'badge ok' : status === 'draft' ? 'badge muted' : 'badge'} style={style} data-status={status}>
      {t(`topics.status.${status}`)}
    </span>
  );
}

function TopicDetail({ id }: { id: number }) {
  const { api, hasRole } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const topic = useLoad(() => api.get<Topic>(`/api/discussions/${id}`), [id]);
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
      <TopicComments topic={x} comments={comments} canDecide={manager && ended && x.status !== 'reviewed'} onChanged={reload} />
    </section>
  );
}

/** The earliest end the Rules allow if published now: 10 working days on the server's calendar, to the minute. */
function useEarliestEnd() {
  const { api } = useApp();
  return useLoad(async () => {
    const today = almatyToday();
    const first = await api.get<{ date: string }>('/api/calendar/add-working-days', { from: today, days: 0 });
    const end = await api.get<{ date: string }>('/api/calendar/add-working-days', { from: first.date, days: 10 });
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
    const body = !date || date === earliest.data?.date ? {} : { endsAt: atLocal(date, '18:00') };
    if (await save.run(() => api.post(`/api/discussions/${topic.id}/publish`, body), t('topics.published'))) onDone();
  }
  return (
    <form class="panel form" onSubmit={publish} data-testid="publish-panel">
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
    </form>
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
    if (await save.run(() => api.post(`/api/discussions/${topic.id}/extend`, { endsAt: atLocal(date, '18:00') }), t('common.saved'))) onDone();
  }
  return (
    <form class="panel form" onSubmit={extend}>
      <Field label={t('topics.extend')} hint={t('topics.extendHint')}>
        <input type="date" min={current} value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
      </Field>
      <ErrorBox error={save.error} />
      <div class="form-actions">
        <button type="submit" class="secondary" disabled={save.busy || !date}>
          {t('topics.extendButton')}
        </button>
      </div>
    </form>
  );
}

const EMPTY = {
  stateBodyId: '',
  regionId: '',
  areaId: '',
  year: String(new Date().getFullYear() + 1),
  titleKk: '',
  titleRu: '',
  fundingThousandTenge: '',
  justificationKk: '',
  justificationRu: '',
  informationSource: '',
  targetGroupKk: '',
  targetGroupRu: '',
  expectedResultKk: '',
  expectedResultRu: '',
};
type FormState = typeof EMPTY;

interface Justification {
  firstDay: string;
  lastDay: string;
  justificationKk: string | null;
  justificationRu: string | null;
  informationSourceKk: string;
  informationSourceRu: string;
}

function TopicForm({ topic, onDone }: { topic?: Topic; onDone?(): void }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const bodies = useLoad(() => api.get<(NamedItem & { regionId: number | null; active: boolean })[]>('/api/state-bodies', { active: 'true' }), []);
  const areas = useLoad(() => api.get<NamedItem[]>('/api/reference/areas'), []);
  const [f, setF] = useState<FormState>(() =>
    topic
      ? {
          ...EMPTY,
          ...Object.fromEntries(Object.keys(EMPTY).map((k) => [k, String((topic as unknown as Record<string, unknown>)[k] ?? '')])),
        }
      : EMPTY,
  );
  const set = (k: keyof FormState) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = useAction();
  const fill = useAction();
  const [fillNote, setFillNote] = useState('');
  // The needs assessment of the topic's region (its own, else the state body's, else the reader's) writes
  // the justification and its source; the manager then edits them like any typed text.
  async function fillFromNeeds() {
    setFillNote('');
    const bodyRegion = bodies.data?.find((b) => String(b.id) === f.stateBodyId)?.regionId ?? undefined;
    const regionId = /^\d+$/.test(f.regionId) ? Number(f.regionId) : bodyRegion;
    const j = await fill.run(() => api.get<Justification>('/api/analytics/needs-assessment/justification', { areaId: f.areaId, regionId }));
    if (!j) return;
    if (j.justificationKk === null || j.justificationRu === null) {
      setFillNote(t('topics.needsNone'));
      return;
    }
    setF((s) => ({
      ...s,
      justificationKk: j.justificationKk!,
      justificationRu: j.justificationRu!,
      informationSource: i18n.locale === 'kk' ? j.informationSourceKk : j.informationSourceRu,
    }));
    setFillNote(t('topics.needsFilled', { from: i18n.date(j.firstDay), to: i18n.date(j.lastDay) }));
  }
  async function submit() {
    const body = {
      ...f,
      stateBodyId: Number(f.stateBodyId),
      areaId: Number(f.areaId),
      year: Number(f.year),
      regionId: f.regionId === '' ? (topic ? null : undefined) : f.regionId === 'national' ? null : Number(f.regionId),
    };
    const saved = await save.run(
      () => (topic ? api.patch<Topic>(`/api/discussions/${topic.id}`, body) : api.post<Topic>('/api/discussions', body)),
      t('common.saved'),
    );
    if (!saved) return;
    if (onDone) onDone();
    else navigate(href(`topics/${saved.id}`));
  }
  const text = (k: keyof FormState, label: string, rows?: number, lang?: string) => (
    <Field label={label} wide={!!rows}>
      {rows ? <TextArea name={k} rows={rows} lang={lang} value={f[k]} onInput={set(k)} /> : <TextInput name={k} lang={lang} value={f[k]} onInput={set(k)} />}
    </Field>
  );
  return (
    <FormScreen
      back={href('topics')}
      backLabel={t('topics.title')}
      title={topic ? t('topics.editTitle') : t('topics.new')}
      onSubmit={submit}
      testId="topic-form"
      busy={save.busy}
      error={save.error ?? bodies.error ?? areas.error}
      submitLabel={t('topics.saveDraft')}
      onCancel={onDone}
    >
      <Field label={t('topics.body')}>
        <Select
          value={f.stateBodyId}
          onChange={set('stateBodyId')}
          options={[{ value: '', label: '—' }, ...(bodies.data ?? []).map((b) => ({ value: String(b.id), label: i18n.name(b) }))]}
        />
      </Field>
      <Field label={t('topics.region')} hint={t('topics.regionHint')}>
        <Select
          value={f.regionId}
          onChange={set('regionId')}
          options={[
            { value: '', label: t('topics.bodyRegion') },
            { value: 'national', label: t('topics.national') },
            ...ref.regions.map((r) => ({ value: String(r.id), label: i18n.name(r) })),
          ]}
        />
      </Field>
      <Field label={t('topics.area')}>
        <Select
          value={f.areaId}
          onChange={set('areaId')}
          options={[{ value: '', label: '—' }, ...(areas.data ?? []).map((a) => ({ value: String(a.id), label: `${a.id}. ${i18n.name(a)}` }))]}
        />
      </Field>
      <Field label={t('topics.year')}>
        <TextInput name="year" type="number" value={f.year} onInput={set('year')} />
      </Field>
      <Field label={t('topics.fundingLabel')}>
        <TextInput name="fundingThousandTenge" inputMode="decimal" value={f.fundingThousandTenge} onInput={set('fundingThousandTenge')} />
      </Field>
      {text('titleKk', t('topics.titleKk'), 2, 'kk')}
      {text('titleRu', t('topics.titleRu'), 2, 'ru')}
      <div class="field wide" data-testid="needs-fill">
        <button
          type="button"
          class="secondary"
          disabled={!f.areaId || fill.busy}
          title={f.areaId ? undefined : t('topics.needsPickArea')}
          onClick={() => void fillFromNeeds()}
        >
          {t('topics.needsFill')}
        </button>
        {fillNote && <span class="hint"> {fillNote}</span>}
        <ErrorBox error={fill.error} />
      </div>
      {text('justificationKk', t('topics.justificationKk'), 3, 'kk')}
      {text('justificationRu', t('topics.justificationRu'), 3, 'ru')}
      {text('informationSource', t('topics.source'), 2)}
      {text('targetGroupKk', t('topics.targetGroupKk'), 2, 'kk')}
      {text('targetGroupRu', t('topics.targetGroupRu'), 2, 'ru')}
      {text('expectedResultKk', t('topics.expectedResultKk'), 2, 'kk')}
      {text('expectedResultRu', t('topics.expectedResultRu'), 2, 'ru')}
    </FormScreen>
  );
}
