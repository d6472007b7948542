// Public discussion of planned topics: project managers draft topics with the Annex 1 fields, publish them
// for at least 10 working days (the earliest allowed end is shown, from the server's working-day calendar),
// decide on every comment with reasons after the end and mark the review done; moderators decide on flagged
// comments; Annex 1 and Annex 2 download as XLSX or CSV.
import type { DiscussionStatus } from '../../../../generated/prisma/enums.ts';
import type { StateBody } from '../../../../server/discussions/state-bodies-schemas.ts';
import type { ListedTopic } from '../../../../server/discussions/discussions-schemas.ts';
import { useLoad } from '../../components/load.ts';
import { Tabs } from '../../components/layout.tsx';
import { DownloadButton, FilterSelect, LoadState } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { exportLang } from '../screen-helpers.ts';
import { ModerationQueue } from './topic-moderation.tsx';
import { TopicDetail } from './topic-detail.tsx';
import { TopicForm } from './topic-form.tsx';
import { StatusBadge } from './topic-status.tsx';
import type { ScreenProps } from '../types.ts';

const STATUSES: DiscussionStatus[] = ['draft', 'open', 'closed', 'reviewed'];

export function TopicsScreen({ params, query }: ScreenProps) {
  if (params.id === 'new') return <TopicForm fromInitiative={Number(query.get('fromInitiative')) || undefined} />;
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
  const list = useLoad(() => api.get<ListedTopic[]>('/api/discussions', { status, year, stateBodyId: bodyId }), [status, year, bodyId]);
  const bodies = useLoad(() => api.get<StateBody[]>('/api/state-bodies'), []);
  const go = (patch: Record<string, string | undefined>) => navigate(href('topics', { tab, status, year, stateBodyId: bodyId, ...patch }), { replace: true });
  const title = (x: ListedTopic) => (i18n.locale === 'kk' ? x.titleKk : x.titleRu);
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
