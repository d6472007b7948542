// Routing and deadlines of civic-control categories are the akimat's to change (the seed sets them
// on creation only): which department a category's new reports go to, how many working days it gets,
// and whether citizens can still choose it. Reports already filed keep their department and due time.
import type { Category, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { invalid, notFound } from '../errors.ts';
import { CATEGORY_DEADLINE_MAX } from './report-rules.ts';

export interface CategoryPatch {
  departmentId?: number;
  deadlineDays?: number;
  active?: boolean;
}

export async function updateCategory(prisma: PrismaClient, actor: Actor, id: number, patch: CategoryPatch): Promise<Category> {
  const before = await prisma.category.findUnique({ where: { id } });
  if (!before) throw notFound('not_found');
  if (patch.departmentId !== undefined) {
    const dept = await prisma.department.findUnique({ where: { id: patch.departmentId } });
    if (!dept || !dept.active) throw invalid('report.unknown_department');
  }
  if (patch.deadlineDays !== undefined && (!Number.isInteger(patch.deadlineDays) || patch.deadlineDays < 1 || patch.deadlineDays > CATEGORY_DEADLINE_MAX)) {
    throw invalid('validation', { details: `deadlineDays: 1–${CATEGORY_DEADLINE_MAX}` });
  }
  return prisma.$transaction(async (tx) => {
    const after = await tx.category.update({ where: { id }, data: patch });
    const pick = (c: Category) => ({ departmentId: c.departmentId, deadlineDays: c.deadlineDays, active: c.active });
    await recordAudit(tx, actor, { action: 'category.update', entity: 'category', entityId: id, before: pick(before), after: pick(after) });
    return after;
  });
}
