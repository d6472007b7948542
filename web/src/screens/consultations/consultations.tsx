// The consultation queue: citizens' questions in the consultant's scope, oldest first, with the
// thread of the selected one and the work on it — claim, release, hand over, answer (with a link),
// internal note, close with a result, and turning a good answer into a knowledge-base draft.
import type { ConsultationTopic } from '../../../../server/consultations/consultation-topics-schemas.ts';
import type { QuestionSummary } from '../../../../server/consultations/questions-schemas.ts';
import { useLoad, usePaged, type Page } from '../../components/load.ts';
import { MasterDetail } from '../../components/master-detail.tsx';
import { FilterSelect, PagedBody } from '../../components/table.tsx';
import { useShortcuts } from '../../components/shortcuts.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import type { ScreenProps } from '../types.ts';
import { QuestionDetail } from './question-detail.tsx';

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
  const list = usePaged((cursor) => api.get<Page<QuestionSummary>>('/api/questions', { ...viewQuery[view], topicId, limit: 50, cursor }), [view, topicId]);
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
    <MasterDetail
      testId="questions-screen"
      detail={selectedId && <QuestionDetail key={selectedId} id={selectedId} topicName={topicName} onChanged={list.reload} onClose={() => go({}, null)} />}
    >
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
                      {t('reports.due')}: {i18n.deadline(q.dueAt)}
                    </span>
                  )}
                  <span>{q.holder ? `👤 ${q.holder.fullName}` : t('questions.unclaimed')}</span>
                </div>
              </a>
            </li>
          ))}
        </ul>
      </PagedBody>
      {overlay}
    </MasterDetail>
  );
}
