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

export interface ProjectOptions {
  /** the bot's username for invitation links: config BOT_USERNAME, else the running bot's own (getMe) */
  botUsername?: () => string | null | undefined;
}

export function createProjectServices({ prisma, i18n, now, botUsername = () => null }: { prisma: PrismaClient; i18n: I18n; now: () => Date } & ProjectOptions) {
  const admin = createProjectAdminService({ prisma, now });
  const scoring = createExpertScoringService({ prisma, now });
  return {
    admin,
    beneficiaries: createBeneficiaryService({ prisma, projects: admin, now }),
    councils: createCouncilService({ prisma, i18n }),
    scoring,
    /**
     * A project whose Annex 8 the staff member may see: managers and admins within their scope; an
     * expert on the project's council (whatever its region) only once the evaluation is closed, so that
     * no expert sees the others' provisional scores while still scoring; a recused expert never.
     */
    async evaluationProject(staff: StaffPrincipal, projectId: number) {
      if (staff.roles.includes('project_manager') || staff.roles.includes('admin')) return admin.scoped(staff, projectId);
      const { project } = await scoring.seat(staff, projectId);
      if (await scoring.isRecused(projectId, staff.id)) throw forbidden('evaluation.recused');
      if (!project.evaluationClosedAt) throw conflict('evaluation.not_closed');
      return project;
    },
    join: (input: { projectId: number; citizenId: number }) => joinProject(prisma, { ...input, at: now() }),
    /** The grant-report statistics of a project in the staff member's scope, with the project and its area. */
    async grantStats(staff: StaffPrincipal, projectId: number, period: { from?: string; to?: string }) {
      const project = await admin.scoped(staff, projectId);
      return { project, stats: await grantStats(prisma, project, period) };
    },
    annex5: (staff: StaffPrincipal, stateBodyId: number, year: number) => annex5Rows(prisma, staff, stateBodyId, year),
    areaOf: (areaId: number) => prisma.area.findUniqueOrThrow({ where: { id: areaId } }),
    botUsername: () => botUsername() ?? null,
  };
}
