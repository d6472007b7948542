// The audit log: who changed what and when, filtered by entity, action and actor, with the before and after.
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { AuditEntry } from '../../../../server/staff/audit-schemas.ts';
import type { StaffAccount } from '../../../../server/staff/staff-schemas.ts';
import { useLoad, usePaged, type Page } from '../../components/load.ts';
import { PagedBody } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export function AuditTab() {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [entity, setEntity] = useState('');
  const [entityId, setEntityId] = useState('');
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const [applied, setApplied] = useState({ entity: '', entityId: '', action: '', actorId: '' });
  const [open, setOpen] = useState<string | null>(null);
  const people = useLoad(() => api.get<StaffAccount[]>('/api/staff'), []);
  const names = useMemo(() => new Map((people.data ?? []).map((p) => [String(p.id), p.fullName])), [people.data]);
  const list = usePaged((cursor) => api.get<Page<AuditEntry>>('/api/audit', { ...applied, limit: 100, cursor }), [JSON.stringify(applied)]);
  const items = list.items;
  return (
    <div>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ entity: entity.trim(), entityId: entityId.trim(), action: action.trim(), actorId: actorId.trim() });
        }}
      >
        <input
          aria-label={t('admin.audit.entity')}
          placeholder={t('admin.audit.entity')}
          value={entity}
          onInput={(e) => setEntity((e.target as HTMLInputElement).value)}
        />
        <input
          aria-label={t('admin.audit.entityId')}
          placeholder={t('admin.audit.entityId')}
          value={entityId}
          onInput={(e) => setEntityId((e.target as HTMLInputElement).value)}
        />
        <input
          aria-label={t('admin.audit.action')}
          placeholder={t('admin.audit.actionHint')}
          value={action}
          onInput={(e) => setAction((e.target as HTMLInputElement).value)}
        />
        <input
          aria-label={t('admin.audit.actor')}
          placeholder={t('admin.audit.actorId')}
          value={actorId}
          onInput={(e) => setActorId((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="secondary">
          {t('common.apply')}
        </button>
      </form>
      <PagedBody list={list}>
        <div class="table-wrap">
          <table class="data" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('admin.audit.at')}</th>
                <th>{t('admin.audit.actor')}</th>
                <th>{t('admin.audit.action')}</th>
                <th>{t('admin.audit.entity')}</th>
                <th>IP</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <Fragment key={a.id}>
                  <tr>
                    <td>{i18n.dateTime(a.at)}</td>
                    <td>
                      {t(`actor.${a.actorType}`)} {a.actorId ? (a.actorType === 'staff' ? (names.get(a.actorId) ?? `#${a.actorId}`) : `#${a.actorId}`) : ''}
                    </td>
                    <td>
                      <code>{a.action}</code>
                    </td>
                    <td>
                      {a.entity} {a.entityId ? `#${a.entityId}` : ''}
                    </td>
                    <td>{a.ip ?? ''}</td>
                    <td>
                      {(a.before != null || a.after != null) && (
                        <button type="button" class="secondary small" onClick={() => setOpen(open === a.id ? null : a.id)}>
                          {open === a.id ? '−' : '+'}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === a.id && (
                    <tr>
                      <td colSpan={3}>
                        <div class="field-label">{t('admin.audit.before')}</div>
                        <pre class="json">{JSON.stringify(a.before, null, 2)}</pre>
                      </td>
                      <td colSpan={3}>
                        <div class="field-label">{t('admin.audit.after')}</div>
                        <pre class="json">{JSON.stringify(a.after, null, 2)}</pre>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </PagedBody>
    </div>
  );
}
