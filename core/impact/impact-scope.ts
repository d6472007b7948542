// Who may work on a project's social-impact evaluation: the body's project managers (and admins) whose scope
// covers the project's region. Every id a request names (node, indicator, measure, story, outcome) is loaded
// here and checked against the project's scope, so a record of another region answers 404/403 like its project.
import type { SocialProject } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import { PROJECT } from '../projects/project-scope.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';

export async function impactProject(db: Tx, staff: StaffPrincipal, projectId: number): Promise<SocialProject> {
  requireRole(staff, ['project_manager']);
  return loadInScope(db, staff, PROJECT, projectId);
}

/** A record of a project, checked through its project; 404 with `code` when it does not exist. */
export async function inProject<T extends { projectId: number }>(
  db: Tx,
  staff: StaffPrincipal,
  row: T | null,
  code: string,
): Promise<{ row: T; project: SocialProject }> {
  requireRole(staff, ['project_manager']);
  if (!row) throw notFound(code);
  return { row, project: await impactProject(db, staff, row.projectId) };
}
