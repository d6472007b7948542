// The social-project services, built once by core/services.ts.
import type { i18n as I18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { conflict, forbidden } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { annex5Rows } from '../evaluation/annex5.ts';
import { createCouncilService } from '../evaluation/councils.ts';
import { createExpertScoringService } from '../evaluation/expert-scoring.ts';
import { createBeneficiaryService } from './beneficiaries.ts';
import { joinProject } from './beneficiary-join.ts';
import { grantStats } from './grant-stats.ts';
import { createProjectAdminService } from './project-admin.ts';
import { createProjectCitizenService } from './project-citizen.ts';

export interface ProjectOptions {
  /** the bot's username for invitation links: config BOT_USERNAME, else the running bot's own (getMe) */
  botUsername?: () => string | null | undefined;
}

export function createProjectServices({ prisma, i18n, now, botUsername = () => null }: { prisma: PrismaClient; i18n: I18n; now: () => Date } & ProjectOptions) {
  const admin = createProjectAdminService({ prisma, now });
  const scoring = createExpertScoringService({ prisma, now });
  /**
   * A project whose Annex 8 the staff member may see: managers and admins within their scope; an
   * expert on the project's council (whatever its region) only once the evaluation is closed, so that
   * no expert sees the others' provisional scores while still scoring; a recused expert never.
   */
  async function evaluationProject(staff: StaffPrincipal, projectId: number) {
    if (staff.roles.includes('project_manager') || staff.roles.includes('admin')) return admin.scoped(staff, projectId);
    const { project } = await scoring.seat(staff, projectId);
    if (await scoring.isRecused(projectId, staff.id)) throw forbidden('evaluation.recused');
    if (!project.evaluationClosedAt) throw conflict('evaluation.not_closed');
    return project;
  }
  /** Annex 8 of a project the staff member may see (evaluationProject), with the project itself. */
  async function evaluationReport(staff: StaffPrincipal, projectId: number) {
    const project = await evaluationProject(staff, projectId);
    return { project, report: await scoring.councilReport(project.id) };
  }
  return {
    admin,
    beneficiaries: createBeneficiaryService({ prisma, projects: admin, now }),
    councils: createCouncilService({ prisma, i18n }),
    scoring,
    evaluationReport,
    /** Annex 8 for its export: the report, its project and the project's area (named in the sheet). */
    async annex8(staff: StaffPrincipal, projectId: number) {
      const r = await evaluationReport(staff, projectId);
      return { ...r, area: await prisma.area.findUniqueOrThrow({ where: { id: r.project.areaId } }) };
    },
    join: (input: { projectId: number; citizenId: number }) => joinProject(prisma, { ...input, at: now() }),
    citizen: createProjectCitizenService({ prisma, now }),
    /** The grant-report statistics of a project in the staff member's scope, with the project and its area. */
    async grantStats(staff: StaffPrincipal, projectId: number, period: { from?: string; to?: string }) {
      const project = await admin.scoped(staff, projectId);
      return { project, stats: await grantStats(prisma, project, period) };
    },
    annex5: (staff: StaffPrincipal, stateBodyId: number, year: number) => annex5Rows(prisma, staff, stateBodyId, year),
    botUsername: () => botUsername() ?? null,
  };
}
