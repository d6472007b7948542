// Who works on civic initiatives, and where (decided for issue 18; README "Civic initiatives"): no new role.
// Deciding on a proposal (publish, return, reject) is for moderators and project managers; carrying one out
// (take on, partners, patrons, updates, implemented, close, a discussion topic) is for project managers; admins
// do both. Everyone within their region and district (an initiative belongs to no akimat department, as a
// volunteer opportunity does not): an initiative elsewhere answers 403, as its GET does.
import type { StaffRole } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import type { DomainError } from '../errors.ts';
import { covers, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { scopedKind } from '../staff/scoped-records.ts';

export const INITIATIVE_DECIDERS: StaffRole[] = ['moderator', 'project_manager'];
export const INITIATIVE_IMPLEMENTERS: StaffRole[] = ['project_manager'];
/** Who reads the board, the queue and the map: those who decide or carry out. */
export const INITIATIVE_READERS: StaffRole[] = ['moderator', 'project_manager'];

export const INITIATIVE_SCOPE = SCOPES.place;

/** What telling an initiative's author needs. */
export const AUTHOR = { select: { id: true, telegramId: true, locale: true, consentAt: true, name: true } } as const;

export const INITIATIVE = scopedKind({
  notFound: 'initiative.not_found',
  rule: INITIATIVE_SCOPE,
  load: (db, id) => db.initiative.findUnique({ where: { id }, include: { citizen: AUTHOR } }),
});

/**
 * An initiative another capability links to (a volunteer event, a discussion topic): in the caller's scope and
 * published or in progress. Anything else answers `missing()`, so a guessed id reveals nothing.
 */
export async function workingInitiative(
  db: Tx,
  p: StaffPrincipal,
  id: number,
  missing: () => DomainError,
): Promise<{ id: number; regionId: number; districtId: number | null }> {
  const ini = await db.initiative.findUnique({ where: { id }, select: { id: true, status: true, regionId: true, districtId: true } });
  if (!ini || !covers(INITIATIVE_SCOPE, p, ini) || !['published', 'in_progress'].includes(ini.status)) throw missing();
  return ini;
}
