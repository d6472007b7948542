// Annex 5 (published): the finished projects of one budget programme administrator whose period ends in
// the year, with the Annex 8 total of each closed evaluation as the "average score" (out of 20).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { notFound } from '../errors.ts';
import { dateOnly } from '../projects/project-rules.ts';
import { projectScopeWhere } from '../projects/project-scope.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import type { Annex5Row } from './evaluation-export.ts';
import { report } from './expert-scoring.ts';

/** Only the projects in the staff member's scope: a regional manager's annex lists their region's projects. */
export async function annex5Rows(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  stateBodyId: number,
  year: number,
): Promise<{ body: { nameKk: string; nameRu: string }; rows: Annex5Row[] }> {
  const body = await prisma.stateBody.findUnique({ where: { id: stateBodyId }, select: { nameKk: true, nameRu: true } });
  if (!body) throw notFound('project.unknown_state_body');
  const projects = await prisma.socialProject.findMany({
    where: { ...projectScopeWhere(staff), stateBodyId, status: 'finished', endsOn: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } },
    orderBy: [{ endsOn: 'asc' }, { id: 'asc' }],
  });
  const rows: Annex5Row[] = [];
  for (const p of projects) {
    const score = p.evaluationClosedAt ? (await report(prisma, p)).total : null;
    rows.push({ ...p, contractSum: Number(p.contractSum), score });
  }
  return { body, rows };
}
