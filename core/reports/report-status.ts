// The report status machine (DOMAIN.md «Азаматтық бақылау»): new → in work → resolved, or closed as
// rejected / duplicate / not our responsibility, and reopened. No report closes without a reason.
import type { ReportStatus } from '../../generated/prisma/enums.ts';

export const OPEN_STATUSES: ReportStatus[] = ['new', 'in_work', 'reopened'];
/** Closing needs a public explanation that the citizen receives. */
export const NOTE_REQUIRED: ReportStatus[] = ['resolved', 'rejected', 'not_responsible'];

const TRANSITIONS: Record<ReportStatus, ReportStatus[]> = {
  new: ['in_work', 'resolved', 'rejected', 'duplicate', 'not_responsible'],
  in_work: ['resolved', 'rejected', 'duplicate', 'not_responsible'],
  reopened: ['in_work', 'resolved', 'rejected', 'duplicate', 'not_responsible'],
  resolved: ['reopened'],
  rejected: ['reopened'],
  duplicate: ['reopened'],
  not_responsible: ['reopened'],
};

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const isOpen = (s: ReportStatus) => OPEN_STATUSES.includes(s);

/** What the citizen sees: in work is red, done is green (the source workflow), closed otherwise is grey. */
export function statusColour(s: ReportStatus): 'red' | 'green' | 'grey' {
  if (s === 'resolved') return 'green';
  return isOpen(s) ? 'red' : 'grey';
}

export const statusIcon = (s: ReportStatus) => ({ red: '🔴', green: '🟢', grey: '⚪' })[statusColour(s)];
