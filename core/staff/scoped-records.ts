// "Load it in the caller's scope, or refuse": one mechanism for the id in a request's path and for every
// id its body or query refers to (a duplicate's original, a poll's project, an assignee …). Each capability
// declares its kinds of record once, next to its data: how to load one, where it sits and which scope rule
// applies (core/staff/scope.ts). Services load through them, so an id in a body is answered exactly as its
// own GET answers, and list queries can take the same rule's `where` (coverWhere).
import type { StaffUser } from '../../generated/prisma/client.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import { type DomainError, forbidden, invalid, notFound } from '../errors.ts';
import { covers, type ScopeRule, type Scoped, type StaffPrincipal } from './scope.ts';
import { toPrincipal } from './staff-service.ts';

export interface ScopedKind<T> {
  /** the 404 code of this kind, e.g. 'report.not_found' */
  readonly notFound: string;
  readonly rule: ScopeRule;
  /**
   * How a record outside the scope answers: as its GET does. Most answer 403 auth.out_of_scope; where
   * GET pretends such a record does not exist (discussion topics), 404 with `notFound`.
   */
  readonly outOfScope?: 'forbidden' | 'not_found';
  load(db: Tx, id: number): Promise<T | null>;
  /** where the record sits, when that is not on the row itself (a poll sits where its project does) */
  place?(row: T): Scoped;
}

/** Declares a kind (the identity, for type inference). */
export const scopedKind = <T>(kind: ScopedKind<T>): ScopedKind<T> => kind;

export function assertKindCovers<T>(kind: ScopedKind<T>, p: StaffPrincipal, row: T): void {
  if (covers(kind.rule, p, kind.place ? kind.place(row) : (row as Scoped))) return;
  throw kind.outOfScope === 'not_found' ? notFound(kind.notFound) : forbidden('auth.out_of_scope');
}

/**
 * The record `id` of `kind` if the caller's scope covers it. Missing: 404 with the kind's code, or
 * `missing()` where a body id that names nothing has long had its own answer.
 */
export async function loadInScope<T>(db: Tx, p: StaffPrincipal, kind: ScopedKind<T>, id: number, missing?: () => DomainError): Promise<T> {
  const row = await kind.load(db, id);
  if (!row) throw missing?.() ?? notFound(kind.notFound);
  assertKindCovers(kind, p, row);
  return row;
}

export interface ColleagueNeed {
  role: StaffRole;
  /** the scope rule of the record they are to take on */
  rule: ScopeRule;
  record: Scoped;
  /** the 400 code for anyone unfit */
  refusal: string;
}

/**
 * A colleague a request names (an assignee, the next holder of a question, the consultant of a log entry):
 * an active account with the role whose own scope covers the record. The record is already in the caller's
 * scope, so the colleague gains nothing the caller could not give. The staff directory lists every colleague
 * to all staff, so one 400 answer for every unfit id (unknown, inactive, another region) reveals nothing.
 */
export async function fitColleague(db: Tx, id: number, need: ColleagueNeed): Promise<StaffUser> {
  const user = await db.staffUser.findUnique({ where: { id } });
  if (!user || !user.active || !user.roles.includes(need.role) || !covers(need.rule, toPrincipal(user), need.record)) throw invalid(need.refusal);
  return user;
}
