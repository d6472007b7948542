// Public comments on reports for moderators (issue 17): those hidden by residents' flags and waiting (oldest
// first), or every visible or removed one. A moderator removes one from the report's page with the note its author
// receives, or restores it, after which further flags no longer hide it. The text is always kept.
import { useState } from 'preact/hooks';
import type { ModerationPage, PublicCommentItem } from '../../../../server/comments/comments-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { Empty, ErrorBox, Loading, Tabs } from '../../components/layout.tsx';
import { TextArea } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import type { ScreenProps } from '../types.ts';

type State = 'pending' | 'visible' | 'removed';
const STATES: State[] = ['pending', 'visible', 'removed'];

export function CommentModerationScreen({ query }: ScreenProps) {
  const { api } = useApp();
  const { t } = useI18n();
  const state = (STATES as string[]).includes(query.get('state') ?? '') ? (query.get('state') as State) : 'pending';
  const list = useLoad(() => api.get<ModerationPage>('/api/comments/moderation', { state, limit: 100 }), [state]);
  return (
    <section class="screen" data-testid="comments-screen">
      <div class="screen-head">
        <h1>{t('comments.title')}</h1>
      </div>
      <Tabs
        value={state}
        onChange={(v) => navigate(href('comments', { state: v }), { replace: true })}
        tabs={STATES.map((s) => ({ value: s, label: t(`comments.state.${s}`) }))}
      />
      {list.error ? (
        <ErrorBox error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t(`comments.empty.${state}`)}</Empty>
      ) : (
        <ul class="list" data-testid="comment-list">
          {list.data.items.map((c) => (
            <CommentItem key={c.id} comment={c} onDone={list.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CommentItem({ comment: c, onDone }: { comment: PublicCommentItem; onDone(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [note, setNote] = useState('');
  const act = useAction();
  const decide = async (action: 'hide' | 'restore') => {
    if (await act.run(() => api.post(`/api/comments/${c.id}/${action}`, note.trim() ? { note: note.trim() } : {}), t('common.saved'))) onDone();
  };
  return (
    <li class="panel" data-comment-id={c.id}>
      <div class="row-meta">
        {c.reportId && <a href={href(`reports/${c.reportId}`)}>{c.reportNumber}</a>}
        <span>{c.authorName ?? t('comments.participant')}</span>
        <span>🚩 {c.flagCount}</span>
        <span>{i18n.dateTime(c.createdAt)}</span>
        <span class={`badge ${c.state}`}>{t(`comments.state.${c.state}`)}</span>
      </div>
      <p class="description" lang={c.language}>
        {c.text}
      </p>
      {c.moderationNote && (
        <p class="hint">
          {t('comments.note')}: {c.moderationNote}
        </p>
      )}
      {c.state !== 'removed' && (
        <label class="field wide">
          <span class="field-label">{t('comments.noteLabel')}</span>
          <TextArea name="note" rows={2} value={note} onInput={setNote} />
        </label>
      )}
      <ErrorBox error={act.error} />
      <div class="actions">
        {c.state !== 'removed' && (
          <button type="button" class="danger" disabled={act.busy} onClick={() => decide('hide')}>
            {t('comments.hide')}
          </button>
        )}
        {c.state !== 'visible' && (
          <button type="button" class="secondary" disabled={act.busy} onClick={() => decide('restore')}>
            {t('comments.restore')}
          </button>
        )}
      </div>
    </li>
  );
}
