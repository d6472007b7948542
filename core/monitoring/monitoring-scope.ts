// Who may see and do what in the monitoring of a project (Rules item 8: the state body monitors; item 9: above
// 500 MCI the independent expert does). Body staff: project managers and admins whose scope covers the project's
// region. The active independent expert: their assigned project, whatever its region. Checked here, in core,
// for the path's id and for every id a request names.
import type { MonitoringRound, SocialProject, StaffUser } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import { forbidden, notFound } from '../errors.ts';
import { PROJECT } from '../projects/project-scope.ts';
import { covers, hasAnyRole, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { activeWithRole } from '../staff/staff-messages.ts';
import { toPrincipal } from '../staff/staff-service.ts';

/** body: the state body's staff; monitor: the project's active independent expert. */
export type MonitoringAccess = 'body' | 'monitor';

export interface ProjectInMonitoring {
  project: SocialProject;
  access: MonitoringAccess;
}

export const isBodyStaff = (staff: StaffPrincipal) => hasAnyRole(staff, ['project_manager']);

/** The project if the caller may see its monitoring; 403 otherwise, 404 when it does not exist. */
export async function projectAccess(db: Tx, staff: StaffPrincipal, projectId: number): Promise<ProjectInMonitoring> {
  if (isBodyStaff(staff)) return { project: await loadInScope(db, staff, PROJECT, projectId), access: 'body' };
  if (!staff.roles.includes('expert')) throw forbidden('auth.role_required', { roles: 'project_manager, expert' });
  const project = await db.socialProject.findUnique({ where: { id: projectId } });
  if (!project) throw notFound('project.not_found');
  if (project.monitorId !== staff.id) throw forbidden('monitoring.not_your_project');
  return { project, access: 'monitor' };
}

/** Only the body's staff plan rounds, set measures and choose the expert (item 10: the body takes the measures). */
export async function bodyProject(db: Tx, staff: StaffPrincipal, projectId: number): Promise<SocialProject> {
  const { project, access } = await projectAccess(db, staff, projectId);
  if (access !== 'body') throw forbidden('monitoring.body_only');
  return project;
}

export interface RoundInMonitoring extends ProjectInMonitoring {
  round: MonitoringRound;
}

export async function roundAccess(db: Tx, staff: StaffPrincipal, roundId: number): Promise<RoundInMonitoring> {
  const round = await db.monitoringRound.findUnique({ where: { id: roundId } });
  if (!round) throw notFound('monitoring.round_not_found');
  return { round, ...(await projectAccess(db, staff, round.projectId)) };
}

/**
 * The one who conducts a round writes its content (tools, activities, checks, document requests, completion):
 * the independent expert for an independent round, the body's staff for the body's own.
 */
export async function conductedRound(db: Tx, staff: StaffPrincipal, roundId: number): Promise<RoundInMonitoring> {
  const r = await roundAccess(db, staff, roundId);
  if (r.round.conductedBy === 'independent' && r.access !== 'monitor') throw forbidden('monitoring.independent_conducts');
  if (r.round.conductedBy === 'self' && r.access !== 'body') throw forbidden('monitoring.body_only');
  return r;
}

/** Active project managers whose scope covers the project and whose body is the project's (or none). */
export async function projectManagers(tx: Tx, project: SocialProject): Promise<StaffUser[]> {
  return (await activeWithRole(tx, 'project_manager')).filter(
    (s) => (s.stateBodyId === null || s.stateBodyId === project.stateBodyId) && covers(SCOPES.region, toPrincipal(s), project),
  );
}
