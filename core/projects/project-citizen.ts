// The citizen's side of a project: the invitation they followed, and joining it. The bot gets names and
// the supplier to thank them with, never a Prisma row.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { joinProject } from './beneficiary-join.ts';

export interface JoinedProject {
  /** false when the citizen already was a beneficiary (a second tap on the link) */
  created: boolean;
  names: { nameKk: string; nameRu: string };
  supplier: string;
}

export function createProjectCitizenService({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  return {
    /** The project an invitation code opens, or null for a code no project has (a mistyped or old link). */
    async byInviteCode(code: string): Promise<{ id: number } | null> {
      return prisma.socialProject.findUnique({ where: { inviteCode: code }, select: { id: true } });
    },
    /** Joins the project (refused unless it is active) and returns what the thanks name. */
    async join(citizenId: number, projectId: number): Promise<JoinedProject> {
      const { created } = await joinProject(prisma, { projectId, citizenId, at: now() });
      const p = await prisma.socialProject.findUniqueOrThrow({ where: { id: projectId }, select: { nameKk: true, nameRu: true, supplierName: true } });
      return { created, names: { nameKk: p.nameKk, nameRu: p.nameRu }, supplier: p.supplierName };
    },
  };
}
