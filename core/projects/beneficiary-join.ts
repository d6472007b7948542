// A citizen becomes a beneficiary of a project by following its invitation link (t.me/<bot>?start=prj_…).
// Following the link again, or a double tap, must not count them twice: the grant report counts persons.
import { isUniqueViolation } from '../db/unique-violation.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, notFound } from '../errors.ts';
import { parsePhone } from './beneficiary-csv.ts';

export interface JoinInput {
  projectId: number;
  citizenId: number;
  /** the injected clock's now: the grant report counts a person from the day they joined */
  at: Date;
}

/**
 * Registers the citizen as a beneficiary of an active project; `created` is false when they already were.
 * A draft or finished project refuses new beneficiaries (the invitation is printed only while it runs).
 */
export async function joinProject(prisma: PrismaClient, input: JoinInput): Promise<{ beneficiaryId: number; created: boolean }> {
  const { projectId, citizenId, at } = input;
  const existing = await prisma.projectBeneficiary.findUnique({ where: { projectId_citizenId: { projectId, citizenId } }, select: { id: true } });
  if (existing) return { beneficiaryId: existing.id, created: false };
  try {
    return await prisma.$transaction(async (tx) => {
      const project = await tx.socialProject.findUnique({ where: { id: projectId }, select: { id: true, status: true } });
      if (!project) throw notFound('project.not_found');
      if (project.status !== 'active') throw conflict('project.not_active');
      // Someone the NGO already imported (same phone) becomes that row, not a second person in the report.
      const imported = await importedRowOf(tx, projectId, citizenId);
      if (imported) {
        await tx.projectBeneficiary.update({ where: { id: imported }, data: { citizenId } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'project.join', entity: 'project_beneficiary', entityId: imported, after: { projectId, source: 'import', linked: true } },
        );
        return { beneficiaryId: imported, created: true };
      }
      const b = await tx.projectBeneficiary.create({ data: { projectId, citizenId, source: 'invitation', joinedAt: at } });
      await recordAudit(
        tx,
        { type: 'citizen', id: citizenId },
        { action: 'project.join', entity: 'project_beneficiary', entityId: b.id, after: { projectId, source: 'invitation' } },
      );
      return { beneficiaryId: b.id, created: true };
    });
  } catch (e) {
    // Two taps at once: the other one registered them; the unique (projectId, citizenId) kept one row.
    if (!isUniqueViolation(e)) throw e;
    const row = await prisma.projectBeneficiary.findUniqueOrThrow({ where: { projectId_citizenId: { projectId, citizenId } }, select: { id: true } });
    return { beneficiaryId: row.id, created: false };
  }
}

/** An imported, not yet linked row of the project with one of the citizen's known phones (the volunteer's verified one, or the profile's). */
async function importedRowOf(tx: Tx, projectId: number, citizenId: number): Promise<number | null> {
  const c = await tx.citizen.findUnique({ where: { id: citizenId }, select: { phone: true, volunteer: { select: { phone: true, phoneVerifiedAt: true } } } });
  const phones = [c?.phone, c?.volunteer?.phoneVerifiedAt ? c.volunteer.phone : null].map((p) => (p ? parsePhone(p) : null)).filter((p): p is string => !!p);
  if (phones.length === 0) return null;
  const row = await tx.projectBeneficiary.findFirst({
    where: { projectId, citizenId: null, phone: { in: phones } },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  return row?.id ?? null;
}
