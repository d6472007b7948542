// Changing a framework node's texts and assumptions; its level and place in the tree stay (the API offers no way
// to move a node: its indicators' meaning depends on where it hangs).
import { useState } from 'preact/hooks';
import type { useAction } from '../../components/load.ts';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { FrameworkNode } from './types.ts';

export function NodeEditForm({ node, act, onSaved, onCancel }: { node: FrameworkNode; act: ReturnType<typeof useAction>; onSaved(): void; onCancel(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [f, setF] = useState({ textKk: node.textKk, textRu: node.textRu, assumptionsKk: node.assumptionsKk, assumptionsRu: node.assumptionsRu });
  const field = (name: keyof typeof f) => (
    <label>
      {t(`impact.${name}`)} <input name={name} value={f[name]} onInput={(e) => setF({ ...f, [name]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <form
      class="form"
      data-testid="impact-node-edit"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await act.run(() => api.patch(`/api/impact/nodes/${node.id}`, f), t('common.saved'))) !== undefined) onSaved();
      }}
    >
      {field('textKk')}
      {field('textRu')}
      {field('assumptionsKk')}
      {field('assumptionsRu')}
      <button type="submit" class="primary" disabled={act.busy}>
        {t('common.save')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
