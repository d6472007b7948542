// The initiative's lifecycle as one table (like report-status.ts): which action moves which state where.
//
//   proposed ─publish─▶ published ─take─▶ in_progress ─implemented─▶ implemented
//     │  │                 │                 │
//     │  └─return─▶ returned ─resubmit─▶ proposed
//     └─reject─▶ rejected  └─close─▶ closed ◀─close─┘
import type { InitiativeStatus } from '../../generated/prisma/enums.ts';
import { conflict } from '../errors.ts';
import type { Stage } from './initiative-rules.ts';

export type InitiativeAction = 'publish' | 'return' | 'reject' | 'resubmit' | 'take' | 'implemented' | 'close';

export const TRANSITIONS: Readonly<Record<InitiativeAction, { from: readonly InitiativeStatus[]; to: InitiativeStatus }>> = {
  publish: { from: ['proposed'], to: 'published' },
  return: { from: ['proposed'], to: 'returned' },
  reject: { from: ['proposed'], to: 'rejected' },
  resubmit: { from: ['returned'], to: 'proposed' },
  take: { from: ['published'], to: 'in_progress' },
  implemented: { from: ['in_progress'], to: 'implemented' },
  close: { from: ['published', 'in_progress'], to: 'closed' },
};

/** The state after `action`, or 409 initiative.bad_transition naming both. */
export function nextStatus(from: InitiativeStatus, action: InitiativeAction): InitiativeStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(from)) throw conflict('initiative.bad_transition', { status: from, action });
  return t.to;
}

/** In public view: residents see, support and comment (published, in progress) or rate (implemented). */
export const PUBLIC_STATUSES: readonly InitiativeStatus[] = ['published', 'in_progress', 'implemented'];
/** Open to supports, follows and comments. */
export const OPEN_STATUSES: readonly InitiativeStatus[] = ['published', 'in_progress'];
/** Partners, patrons, updates and volunteer events may be added while it is being carried out. */
export const WORKING_STATUSES: readonly InitiativeStatus[] = ['published', 'in_progress'];

export const STAGE_STATUS: Readonly<Record<Stage, InitiativeStatus>> = {
  proposals: 'published',
  in_progress: 'in_progress',
  implemented: 'implemented',
};
