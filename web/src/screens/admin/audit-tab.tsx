// The audit log: each entry a sentence in the reader's language (who, the thing by its number or name, what
// happened), in Almaty time, filtered by a single action or the kind of thing acted on, by the thing's number or
// id and by a staff member picked by name, with the fields each entry changed before and after.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { AuditEntry } from '../../../../server/staff/audit-schemas.ts';
import type { StaffAccount } from '../../../../server/staff/staff-schemas.ts';
import { useLoad, usePaged, type Page } from '../../components/load.ts';
import { PagedBody } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { hasKey, useI18n } from '../../i18n/i18n.ts';
import { auditDiff, auditSentence, entityWord, fieldWord } from './audit-words.ts';

/**
 * The kinds of thing the log is filtered by, each with the single actions a reader looks for by name (the
 * last part of the action code, labelled by admin.audit.verbs); a verb with no label is left out.
 */
const ACTIONS: [string, string[]][] = [
  [
    'report',
    [
      'create',
      'in_work',
      'resolved',
      'rejected',
      'not_responsible',
      'duplicate',
      'reopened',
      'overdue',
      'comment',
      'evidence',
      'hide',
      'unhide',
      'merge',
      'support',
      'self_resolve',
    ],
  ],
  ['question', ['claim', 'answer', 'followup', 'handover', 'note', 'release', 'close', 'rate', 'overdue']],
  ['discussion', ['create', 'update', 'publish', 'extend', 'close', 'decide', 'delete']],
  ['project', ['create', 'update', 'activate', 'finish', 'join', 'event_add', 'event_update', 'event_delete', 'beneficiary_import', 'delete']],
  ['poll', ['create', 'update', 'wave_create', 'wave_open', 'wave_close']],
  ['volunteer', ['sign_up', 'apply', 'confirm', 'cancel', 'review', 'profile']],
  ['staff', ['create', 'change_password']],
  ['auth', ['login', 'login_failed', 'logout']],
  ['template', ['create', 'update', 'delete']],
  ['category', ['update']],
  ['calendar', ['set', 'remove']],
  ['api_client', ['create']],
  ['faq', ['create', 'promote', 'delete']],
  ['consultation', ['create', 'update']],
  ['citizen', ['consent', 'profile', 'erase']],
];
const ENTITY_OF: Record<string, string> = {
  discussion: 'discussion_topic',
  project: 'social_project',
  staff: 'staff_user',
  template: 'response_template',
  calendar: 'calendar_day',
  faq: 'faq_article',
};

/** The fields an entry changed, each before and after, instead of two blocks of JSON. */
function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { ref } = useApp();
  // A region, district, department or category by its name rather than its id.
  const lists: Record<string, { id: number; nameKk: string; nameRu: string }[]> = {
    regionId: ref.regions,
    districtId: ref.regions.flatMap((r) => r.districts),
    departmentId: ref.departments,
    categoryId: ref.categories,
  };
  const named = (field: string, v: string) => (lists[field] && /^\d+$/.test(v) ? i18n.name(lists[field].find((x) => String(x.id) === v)) || v : v);
  const rows = auditDiff(before, after).map((r) => ({ ...r, before: named(r.field, r.before), after: named(r.field, r.after) }));
  if (rows.length === 0) return <p class="muted">{t('admin.audit.noChanges')}</p>;
  return (
    <table class="kv audit-diff" data-testid="audit-diff">
      <thead>
        <tr>
          <th>{t('admin.audit.field')}</th>
          <th>{t('admin.audit.before')}</th>
          <th>{t('admin.audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <th title={r.field}>{fieldWord(locale, t, r.field)}</th>
            <td>{r.before}</td>
            <td>{r.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditTab() {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [entityId, setEntityId] = useState('');
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const [applied, setApplied] = useState({ entityId: '', action: '', actorId: '' });
  const [open, setOpen] = useState<string | null>(null);
  const people = useLoad(() => api.get<StaffAccount[]>('/api/staff'), []);
  const list = usePaged((cursor) => api.get<Page<AuditEntry>>('/api/audit', { ...applied, limit: 100, cursor }), [JSON.stringify(applied)]);
  const items = list.items;
  return (
    <div>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ entityId: entityId.trim(), action: action.trim(), actorId: actorId.trim() });
        }}
      >
        <input
          aria-label={t('admin.audit.entityId')}
          name="entityId"
          placeholder={t('admin.audit.entityId')}
          value={entityId}
          onInput={(e) => setEntityId((e.target as HTMLInputElement).value)}
        />
        <select aria-label={t('admin.audit.action')} name="action" value={action} onChange={(e) => setAction((e.target as HTMLSelectElement).value)}>
          <option value="">{t('admin.audit.actionPick')}</option>
          {ACTIONS.map(([p, verbs]) => {
            const kind = p === 'auth' ? t('admin.audit.verbs.login') : entityWord(i18n.locale, t, ENTITY_OF[p] ?? p);
            return (
              <optgroup key={p} label={kind}>
                <option value={`${p}.*`}>{t('admin.audit.actionAll', { thing: kind })}</option>
                {verbs
                  .filter((v) => hasKey(i18n.locale, `admin.audit.verbs.${v}`))
                  .map((v) => (
                    <option key={v} value={`${p}.${v}`}>
                      {t(`admin.audit.verbs.${v}`)}
                    </option>
                  ))}
              </optgroup>
            );
          })}
        </select>
        <select
          aria-label={t('admin.audit.actor')}
          name="actorId"
          data-testid="audit-actor"
          value={actorId}
          onChange={(e) => setActorId((e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('admin.audit.actorPick')}</option>
          {[...(people.data ?? [])]
            .sort((x, y) => x.fullName.localeCompare(y.fullName))
            .map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.fullName}
              </option>
            ))}
        </select>
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
                <th>{t('admin.audit.what')}</th>
                <th>IP</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <Fragment key={a.id}>
                  <tr>
                    <td>{i18n.dateTime(a.at)}</td>
                    <td data-testid="audit-sentence" title={a.action}>
                      {auditSentence(i18n.locale, t, a, a.actorName ?? t(`actor.${a.actorType}`))}
                    </td>
                    <td>{a.ip ?? ''}</td>
                    <td>
                      {(a.before != null || a.after != null) && (
                        <button
                          type="button"
                          class="secondary small"
                          aria-expanded={open === a.id}
                          title={t('admin.audit.changes')}
                          onClick={() => setOpen(open === a.id ? null : a.id)}
                        >
                          {open === a.id ? '−' : '+'}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === a.id && (
                    <tr>
                      <td colSpan={4}>
                        <AuditChanges before={a.before} after={a.after} />
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
