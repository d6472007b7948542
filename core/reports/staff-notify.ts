// Notices for staff about reports (overdue, escalated, reopened): a StaffNotice row for the console in
// each person's own language and, for those with a linked Telegram account, the same text through the
// outbox, all in the caller's transaction so a notice exists exactly when its cause does.
import type { i18n, TFunction } from 'i18next';
import type { Category, District, Region, Report, StaffUser } from '../../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import type { Locale } from '../i18n/i18n.ts';
import { localName } from '../reference/reference-service.ts';
import { clip } from '../text.ts';
import { inScope } from '../staff/scope.ts';
import { activeWithRole, sendStaffMessage } from '../staff/staff-messages.ts';
import { toPrincipal } from '../staff/staff-service.ts';

export type StaffNoticeKind = 'report.overdue' | 'report.escalated' | 'report.reopened';

/** What staff texts about a report show: its category and place by name. */
export const REPORT_NAMES = { category: true, region: true, district: true } as const;
export type NamedReport = Report & { category: Category; region: Region; district: District | null };

const PREVIEW = 300;

/** The lines every staff text about a report carries: category, place, and the start of the description. */
export function reportLines(t: TFunction, locale: Locale, r: NamedReport, preview = PREVIEW): string[] {
  const place = [localName(r.region, locale), r.district ? localName(r.district, locale) : null, r.address].filter(Boolean).join(', ');
  return [`📂 ${localName(r.category, locale)}`, `📍 ${place}`, '', clip(r.description, preview)];
}

export const formatDue = (d: Date | null) => (d ? formatLocalDateTime(d) : '—');

export const activeAdmins = (tx: Tx) => activeWithRole(tx, 'admin');

/** Who answers for the report: its assignee (if active) and every active operator whose scope covers it. */
export async function operatorsFor(tx: Tx, report: Report): Promise<StaffUser[]> {
  const operators = (await activeWithRole(tx, 'operator')).filter((s) => inScope(toPrincipal(s), report));
  if (report.assigneeId != null && !operators.some((s) => s.id === report.assigneeId)) {
    const assignee = await tx.staffUser.findFirst({ where: { id: report.assigneeId, active: true } });
    if (assignee) operators.unshift(assignee);
  }
  return operators;
}

export interface StaffNoticeInput {
  kind: StaffNoticeKind;
  report: NamedReport;
  /** one occurrence of the cause (a due time, an event id): the Telegram copy is enqueued once per person and occurrence */
  occurrence: string | number;
  /** the first line, in the recipient's language */
  headline: (t: TFunction) => string;
}

/** Writes the notices and enqueues the Telegram copies (core/staff/staff-messages.ts); returns how many people were told. */
export async function notifyStaff(tx: Tx, i18n: i18n, recipients: StaffUser[], n: StaffNoticeInput): Promise<number> {
  const text = (t: TFunction, locale: Locale) => [n.headline(t), ...reportLines(t, locale, n.report)].join('\n');
  return sendStaffMessage(tx, i18n, recipients, { kind: n.kind, subjectId: n.report.id, reportId: n.report.id, occurrence: n.occurrence, text });
}

/**
 * A reopened report goes back to whoever works on it: its assignee, or else the operators in scope.
 * Called by changeStatus inside its transaction; a staff member who reopens it is not told about it.
 */
export async function notifyReopened(tx: Tx, i18n: i18n, input: { reportId: number; eventId: number; actor: Actor }): Promise<number> {
  const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, include: REPORT_NAMES });
  const assignee = report.assigneeId == null ? null : await tx.staffUser.findFirst({ where: { id: report.assigneeId, active: true } });
  const people = assignee ? [assignee] : await operatorsFor(tx, report);
  const recipients = people.filter((s) => !(input.actor.type === 'staff' && String(s.id) === String(input.actor.id)));
  const key = input.actor.type === 'citizen' ? 'staff:notice.reopened_by_author' : 'staff:notice.reopened';
  return notifyStaff(tx, i18n, recipients, { kind: 'report.reopened', report, occurrence: input.eventId, headline: (t) => t(key, { number: report.number }) });
}
