// Comments hidden by citizens' flags, oldest first: a moderator removes one from the discussion (with the
// note its author receives) or restores it, after which further flags no longer hide it.
import { useState } from 'preact/hooks';
import type { PendingComment as Pending } from '../../../../server/discussions/discussions-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { Empty, ErrorBox, Loading } from '../../components/layout.tsx';
import { TextArea } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href } from '../../router.ts';

export function ModerationQueue() {
  const { api } = useApp();
  const { t } = useI18n();
  const list = useLoad(() => api.get<Pending[]>('/api/discussions/moderation'), []);
  if (list.error) return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.length === 0) return <Empty>{t('topics.moderationEmpty')}</Empty>;
  return (
    <ul class="list" data-testid="moderation-list">
      {list.data.map((c) => (
        <PendingItem key={c.id} comment={c} onDone={list.reload} />
      ))}
    </ul>
  );
}

function PendingItem({ comment: c, onDone }: { comment: Pending; onDone(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [note, setNote] = useState('');
  const act = useAction();
  const decide = async (action: 'hide' | 'restore') => {
    if (
      await act.run(
        () => api.post(`/api/discussions/comments/${c.id}/${action}`, action === 'hide' ? { note: note.trim() } : { note: note.trim() || null }),
        t('common.saved'),
      )
    )
      onDone();
  };
  return (
    <li class="panel" data-comment-id={c.id}>
      <div class="row-meta">
        <a href={href(`topics/${c.topicId}`)}>{i18n.locale === 'kk' ? c.topicTitleKk : c.topicTitleRu}</a>
        <span>{c.authorName}</span>
        <span>🚩 {c.flagCount}</span>
        <span>{i18n.dateTime(c.createdAt)}</span>
      </div>
      <p class="description">{c.text}</p>
      <label class="field wide">
        <span class="field-label">{t('topics.moderationNoteLabel')}</span>
        <TextArea name="note" rows={2} value={note} onInput={setNote} />
      </label>
      <ErrorBox error={act.error} />
      <div class="actions">
        <button type="button" class="danger" disabled={act.busy} onClick={() => decide('hide')}>
          {t('topics.hide')}
        </button>
        <button type="button" class="secondary" disabled={act.busy} onClick={() => decide('restore')}>
          {t('topics.restore')}
        </button>
      </div>
    </li>
  );
}
