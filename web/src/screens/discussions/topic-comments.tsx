// The comments of a topic and, after the end, the review: a decision on each (accepted, partly accepted,
// rejected) with the reason the author will receive unless accepted, then "review done", which the API
// refuses while any comment lacks its decision or waits for a moderator.
import { useState } from 'preact/hooks';
import type { CommentDecision } from '../../../../generated/prisma/enums.ts';
import type { DecisionInput, Topic, TopicComment } from '../../../../server/discussions/discussions-schemas.ts';
import { useAction, type Loaded } from '../../components/load.ts';
import { Empty, ErrorBox, Loading } from '../../components/layout.tsx';
import { CheckedForm, TextArea } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export function TopicComments({
  topic,
  comments,
  canDecide,
  onChanged,
}: {
  topic: Topic;
  comments: Loaded<TopicComment[]>;
  canDecide: boolean;
  onChanged(): void;
}) {
  const { api } = useApp();
  const { t } = useI18n();
  const done = useAction();
  const list = comments.data;
  const missing = (list ?? []).filter((c) => c.moderation !== 'removed' && (c.decision === null || (c.decision !== 'accepted' && !c.decisionReason))).length;
  return (
    <div class="panel" data-testid="topic-comments">
      <div class="screen-head">
        <h2>{t('topics.comments')}</h2>
        {canDecide && (
          <button
            type="button"
            class="primary"
            data-action="complete-review"
            disabled={done.busy}
            title={missing ? t('topics.missingDecisions', { n: missing }) : undefined}
            onClick={async () => {
              if (await done.run(() => api.post(`/api/discussions/${topic.id}/review`), t('topics.reviewDone'))) onChanged();
            }}
          >
            {t('topics.completeReview')}
          </button>
        )}
      </div>
      {canDecide && missing > 0 && <p class="hint">{t('topics.missingDecisions', { n: missing })}</p>}
      <ErrorBox error={done.error ?? comments.error} />
      {!list ? (
        <Loading />
      ) : list.length === 0 ? (
        <Empty>{t('topics.noComments')}</Empty>
      ) : (
        <ul class="list">
          {list.map((c) => (
            <CommentItem key={c.id} topicId={topic.id} comment={c} canDecide={canDecide && c.moderation !== 'removed'} onSaved={comments.reload} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CommentItem({ topicId, comment: c, canDecide, onSaved }: { topicId: number; comment: TopicComment; canDecide: boolean; onSaved(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [decision, setDecision] = useState<CommentDecision | ''>(c.decision ?? '');
  const [reason, setReason] = useState(c.decisionReason ?? '');
  const save = useAction();
  const changed = decision !== (c.decision ?? '') || reason !== (c.decisionReason ?? '');
  async function submit(e: Event) {
    e.preventDefault();
    if (!decision) return;
    if (
      await save.run(
        () => api.put(`/api/discussions/${topicId}/comments/${c.id}/decision`, { decision, reason: reason.trim() || null } satisfies DecisionInput),
        t('common.saved'),
      )
    )
      onSaved();
  }
  return (
    <li
      class="list-item"
      data-comment-id={c.id}
      style={{ border: '1px solid var(--line)', borderRadius: 'var(--radius)', padding: '0.6rem 0.75rem', background: '#fff' }}
    >
      <div class="row-top">
        <strong>{c.authorName || t('topics.anonymised')}</strong>
        {c.organisation && <span class="muted">{c.organisation}</span>}
        {c.stance && <span class={c.stance === 'support' ? 'badge ok' : 'badge overdue'}>{t(`topics.stance.${c.stance}`)}</span>}
        {c.moderation !== 'visible' && <span class="badge muted">{t(`topics.moderation.${c.moderation}`)}</span>}
        {c.flagCount > 0 && <span class="muted">🚩 {c.flagCount}</span>}
        <span class="muted" style={{ marginLeft: 'auto' }}>
          {i18n.dateTime(c.createdAt)}
        </span>
      </div>
      <p class="note" style={c.moderation === 'removed' ? { textDecoration: 'line-through' } : undefined}>
        {c.text}
      </p>
      {c.moderationNote && <p class="hint">{t('topics.moderationNote', { note: c.moderationNote })}</p>}
      {canDecide ? (
        <CheckedForm class="form" onSubmit={submit} data-testid="decision-form">
          <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
            <legend class="field-label">{t('topics.decision')}</legend>
            {(['accepted', 'partly_accepted', 'rejected'] as CommentDecision[]).map((d) => (
              <label key={d} class="inline">
                <input type="radio" name={`decision-${c.id}`} value={d} checked={decision === d} onChange={() => setDecision(d)} /> {t(`topics.decisions.${d}`)}
              </label>
            ))}
          </fieldset>
          <label class="field wide">
            <span class="field-label">{decision === 'accepted' ? t('topics.reasonOptional') : t('topics.reason')}</span>
            <TextArea name="reason" rows={2} value={reason} onInput={setReason} />
          </label>
          <ErrorBox error={save.error} />
          <div class="form-actions">
            <button type="submit" class="secondary" data-action="save-decision" disabled={save.busy || !decision || !changed}>
              {t('topics.saveDecision')}
            </button>
            {c.decidedAt && <span class="hint">{t('topics.decidedAt', { at: i18n.dateTime(c.decidedAt) })}</span>}
          </div>
        </CheckedForm>
      ) : (
        c.decision && (
          <p data-testid="decision">
            <strong>{t(`topics.decisions.${c.decision}`)}</strong>
            {c.decisionReason && <> — {c.decisionReason}</>}
          </p>
        )
      )}
    </li>
  );
}
