// The MCI (АЕК / МРП) per financial year and the item 9 threshold of 500 MCI. Reference data admins edit.
import type { MciRate, PrismaClient, SocialProject } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { almatyYear } from '../calendar/local-time.ts';
import { invalid } from '../errors.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { MCI_MULTIPLE, needsIndependent } from './monitoring-rules.ts';

export interface Threshold {
  /** the contract's financial year: the Almaty year of the start (a multi-year project uses its first) */
  year: number;
  mci: number | null;
  /** 500 MCI in thousand tenge, as contract sums are kept */
  limitThousand: number | null;
  contractSum: number;
  /** null: that year's MCI is unknown, so nobody can say */
  needsIndependent: boolean | null;
}

export async function thresholdOf(tx: Tx, project: Pick<SocialProject, 'startsOn' | 'contractSum'>): Promise<Threshold> {
  const year = almatyYear(project.startsOn);
  const rate = await tx.mciRate.findUnique({ where: { year } });
  const contractSum = Number(project.contractSum);
  if (!rate) return { year, mci: null, limitThousand: null, contractSum, needsIndependent: null };
  return { year, mci: rate.tenge, limitThousand: (MCI_MULTIPLE * rate.tenge) / 1000, contractSum, needsIndependent: needsIndependent(contractSum, rate.tenge) };
}

export function createMciService({ prisma }: { prisma: PrismaClient }) {
  return {
    list: (): Promise<MciRate[]> => prisma.mciRate.findMany({ orderBy: { year: 'asc' } }),

    /** An admin sets a year's MCI (a new law, an amendment); the seed leaves such a row alone from then on. */
    async set(actor: Actor, staff: StaffPrincipal, year: number, input: { tenge: number; source: string }): Promise<MciRate> {
      requireRole(staff, ['admin']);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('monitoring.bad_year');
      if (!Number.isInteger(input.tenge) || input.tenge <= 0 || input.tenge > 1_000_000) throw invalid('monitoring.bad_mci');
      const source = input.source.trim();
      if (!source) throw invalid('monitoring.mci_source_required');
      return prisma.$transaction(async (tx) => {
        const before = await tx.mciRate.findUnique({ where: { year } });
        const row = await tx.mciRate.upsert({
          where: { year },
          create: { year, tenge: input.tenge, source, origin: 'admin', updatedById: staff.id },
          update: { tenge: input.tenge, source, origin: 'admin', updatedById: staff.id },
        });
        await recordAudit(tx, actor, {
          action: 'monitoring.mci_set',
          entity: 'mci_rate',
          entityId: year,
          before: before ? { tenge: before.tenge, source: before.source } : undefined,
          after: { tenge: row.tenge, source: row.source },
        });
        return row;
      });
    },
  };
}
