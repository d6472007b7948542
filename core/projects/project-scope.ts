// The scope of social projects: a project belongs to a region (or to the whole country).
import type { SocialProject } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, type DomainError } from '../errors.ts';
import { assertCovers, coverWhere, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope, scopedKind } from '../staff/scoped-records.ts';

/**
 * Projects belong to a region (or to the whole country): a manager's district or department does not
 * narrow what they see, since a project serves the region.
 */
export const PROJECT = scopedKind<SocialProject>({
  notFound: 'project.not_found',
  rule: SCOPES.region,
  load: (db, id) => db.socialProject.findUnique({ where: { id } }),
});

export function assertProjectScope(p: StaffPrincipal, project: { regionId: number | null }): void {
  assertCovers(SCOPES.region, p, project);
}

export const projectScopeWhere = (p: StaffPrincipal) => coverWhere(SCOPES.region, p);

/**
 * A project that a body names for new work on it (a volunteering opportunity): in the caller's scope and
 * not finished, as for its own events (409 project.finished).
 */
export async function openProject(db: Tx, p: StaffPrincipal, id: number, missing?: () => DomainError): Promise<SocialProject> {
  const project = await loadInScope(db, p, PROJECT, id, missing);
  if (project.status === 'finished') throw conflict('project.finished');
  return project;
}
