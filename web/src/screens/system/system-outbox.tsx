// The notification queue: notifications of one status with the reason Telegram gave; a failed one can be
// sent again or given up (both audited by the API).
import { useState } from 'preact/hooks';
import { OUTBOX_LISTED_STATUSES } from '../../../../core/ops/outbox-rules.ts';
import type { OutboxItem } from '../../../../server/system/system-status-schemas.ts';
import { Select } from '../../components/form.tsx';
import { ErrorBox } from '../../components/layout.tsx';
import { useAction, usePaged, type Page } from '../../components/load.ts';
import { PagedBody } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export function OutboxQueue({ onChange }: { onChange(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<(typeof OUTBOX_LISTED_STATUSES)[number]>('failed');
  const list = usePaged((cursor) => api.get<Page<OutboxItem>>('/api/system/outbox', { status, cursor, limit: 50 }), [status]);
  const act = useAction();
  const run = async (m: OutboxItem, action: 'retry' | 'discard') => {
    const ok = await act.run(
      () => api.post(`/api/system/outbox/${m.id}/${action}`),
      t(action === 'retry' ? 'system.outbox.retried' : 'system.outbox.discarded'),
    );
    if (ok) {
      list.setItems((xs) => xs.filter((x) => x.id !== m.id));
      onChange();
    }
  };
  return (
    <div class="panel" data-testid="outbox-queue">
      <div class="screen-head">
        <h2>{t('system.outbox.queue')}</h2>
        <Select
          aria-label={t('system.outbox.statusFilter')}
          name="outboxStatus"
          value={status}
          options={OUTBOX_LISTED_STATUSES.map((s) => ({ value: s, label: t(`system.outbox.status.${s}`) }))}
          onChange={setStatus}
        />
      </div>
      <ErrorBox error={act.error} />
      <PagedBody list={list} emptyText={t('system.outbox.empty')}>
        <div class="table-wrap">
          <table class="data" data-testid="outbox-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('system.outbox.kind')}</th>
                <th>{t('system.outbox.chat')}</th>
                <th>{t('system.outbox.created')}</th>
                <th>{t('system.outbox.attempts')}</th>
                <th>{t('system.outbox.reason')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.items.map((m) => (
                <tr key={m.id} data-outbox-id={m.id}>
                  <td>{m.id}</td>
                  <td>
                    <code>{m.kind}</code>
                  </td>
                  <td>{m.chatId}</td>
                  <td>{i18n.dateTime(m.createdAt)}</td>
                  <td>{m.attempts}</td>
                  <td class="reason">{m.lastError ?? '—'}</td>
                  <td class="row-actions">
                    {m.status === 'failed' && (
                      <>
                        <button type="button" class="secondary small" disabled={act.busy} onClick={() => run(m, 'retry')}>
                          {t('system.outbox.retry')}
                        </button>
                        <button type="button" class="danger small" disabled={act.busy} onClick={() => run(m, 'discard')}>
                          {t('system.outbox.discard')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PagedBody>
    </div>
  );
}
