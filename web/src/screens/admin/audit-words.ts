// The audit log in words: an entry as a sentence (who, the thing, what happened to it), an entity as its name,
// and a before/after pair as the fields that changed. Unknown codes stay as written.
import type { T } from '../../i18n/i18n.ts';
import { hasKey, type Locale } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';

export function entityWord(locale: Locale, t: T, entity: string): string {
  const key = `admin.audit.entities.${entity}`;
  return hasKey(locale, key) ? t(key) : entity;
}

/** A changed field by its label («Срок (рабочих дней)» for deadlineDays); a field with no label stays as written. */
export function fieldWord(locale: Locale, t: T, field: string): string {
  const key = `admin.audit.fields.${field}`;
  return hasKey(locale, key) ? t(key) : field;
}

/** The entity's word inside a sentence: «обращение», not «Обращение» (an acronym such as «API-клиент» stays). */
const inSentence = (w: string) => (w.length > 1 && w[1] === w[1]!.toLowerCase() ? w[0]!.toLowerCase() + w.slice(1) : w);

/**
 * An entry as a sentence in the reader's language: «Айгерім Сапарова: обращение KZ-2026-000022 — принято в работу».
 * `who` is the person's name (or the kind of actor); the subject is the thing's number or name, else its id.
 */
export function auditSentence(
  locale: Locale,
  t: T,
  e: { action: string; entity: string; entityId: string | null; subject: { kk: string; ru: string } | null },
  who: string,
): string {
  // «Гражданин: …», not «гражданин: …» when the actor is named by its kind
  who = who.charAt(0).toUpperCase() + who.slice(1);
  const verb = e.action.split('.').at(-1)!;
  const verbKey = `admin.audit.verbs.${verb}`;
  if (!hasKey(locale, verbKey)) return t('admin.audit.sentenceRaw', { who, action: e.action });
  if (e.action.startsWith('auth.')) return t('admin.audit.sentenceAuth', { who, what: t(verbKey) });
  const what = e.subject ? (locale === 'kk' ? e.subject.kk : e.subject.ru) : e.entityId ? `#${e.entityId}` : '';
  return t('admin.audit.sentence', { who, thing: inSentence(entityWord(locale, t, e.entity)), what, verb: t(verbKey) }).replace(/ {2,}/g, ' ');
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
