// The audit log in words: an action code (report.in_work, auth.login) as the thing and what happened to it,
// an entity as its name, and a before/after pair as the fields that changed. Unknown codes stay as written.
import type { T } from '../../i18n/i18n.ts';
import { hasKey, type Locale } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';

const ENTITY_OF_PREFIX: Record<string, string> = {
  auth: 'staff_user',
  staff: 'staff_user',
  discussion: 'discussion_topic',
  council: 'expert_council',
  faq: 'faq_article',
  project: 'social_project',
  template: 'response_template',
  calendar: 'calendar_day',
  evaluation: 'discussion_topic',
  notice: 'staff_notice',
  volunteer: 'volunteer',
};

export function entityWord(locale: Locale, t: T, entity: string): string {
  const key = `admin.audit.entities.${entity}`;
  return hasKey(locale, key) ? t(key) : entity;
}

/** A changed field by its label («Срок (рабочих дней)» for deadlineDays); a field with no label stays as written. */
export function fieldWord(locale: Locale, t: T, field: string): string {
  const key = `admin.audit.fields.${field}`;
  return hasKey(locale, key) ? t(key) : field;
}

/** «Обращение — принято в работу» for report.in_work; the code itself for an action with no words. */
export function actionWords(locale: Locale, t: T, action: string): string {
  const parts = action.split('.');
  const verb = parts.at(-1)!;
  const prefix = parts.slice(0, -1).join('_');
  const entity = ENTITY_OF_PREFIX[prefix] ?? (hasKey(locale, `admin.audit.entities.${prefix}`) ? prefix : prefix.split('_')[0]!);
  const verbKey = `admin.audit.verbs.${verb}`;
  if (!hasKey(locale, verbKey)) return action;
  if (prefix === 'auth') return t(verbKey);
  return `${entityWord(locale, t, ENTITY_OF_PREFIX[parts[0]!] ?? entity)} — ${t(verbKey)}`;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a reader sees it: instants in Almaty time, lists joined, objects as short JSON. */
export function auditValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return INSTANT.test(v) ? formatDateTime(v) : v;
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (Array.isArray(v)) return v.map(auditValue).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The fields that differ between before and after, each with both values. */
export function auditDiff(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, before: auditValue(b[k]), after: auditValue(a[k]) }));
}
