// The editable list of SROI financial proxies: managers read it, admins add and change rows, never without a
// source (a proxy nobody can trace is an assumption hidden in a number).
import type { FinancialProxy, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { conflict, notFound } from '../errors.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { amount, NAME_MAX, text } from './framework-rules.ts';

export interface ProxyInput {
  code: string;
  nameKk: string;
  nameRu: string;
  unitKk: string;
  unitRu: string;
  valueTenge: number;
  year?: number | null;
  source: string;
  active?: boolean;
}

export interface ProxyView extends Omit<FinancialProxy, 'valueTenge'> {
  valueTenge: number;
}

export const proxyView = (p: FinancialProxy): ProxyView => ({ ...p, valueTenge: Number(p.valueTenge) });

function data(input: Omit<ProxyInput, 'code'>) {
  const valueTenge = amount(input.valueTenge);
  return {
    nameKk: text(input.nameKk, 'impact.name_required', NAME_MAX),
    nameRu: text(input.nameRu, 'impact.name_required', NAME_MAX),
    unitKk: text(input.unitKk, 'impact.unit_required', NAME_MAX),
    unitRu: text(input.unitRu, 'impact.unit_required', NAME_MAX),
    valueTenge: valueTenge > 0 ? valueTenge : amount(NaN, 'impact.bad_proxy_value'),
    year: input.year ?? null,
    source: text(input.source, 'impact.source_required', 1000),
    active: input.active ?? true,
  };
}

export function createProxies({ prisma }: { prisma: PrismaClient }) {
  return {
    async list(staff: StaffPrincipal): Promise<ProxyView[]> {
      requireRole(staff, ['project_manager']);
      return (await prisma.financialProxy.findMany({ orderBy: [{ active: 'desc' }, { code: 'asc' }] })).map(proxyView);
    },

    async create(actor: Actor, staff: StaffPrincipal, input: ProxyInput): Promise<ProxyView> {
      requireRole(staff, ['admin']);
      const code = text(input.code, 'impact.code_required', 60).toLowerCase();
      return prisma.$transaction(async (tx) => {
        if (await tx.financialProxy.findUnique({ where: { code } })) throw conflict('impact.proxy_exists');
        const row = await tx.financialProxy.create({ data: { code, ...data(input), origin: 'admin' } });
        await recordAudit(tx, actor, { action: 'impact.proxy_create', entity: 'financial_proxy', entityId: row.id, after: row });
        return proxyView(row);
      });
    },

    async update(actor: Actor, staff: StaffPrincipal, id: number, input: Omit<ProxyInput, 'code'>): Promise<ProxyView> {
      requireRole(staff, ['admin']);
      return prisma.$transaction(async (tx) => {
        const before = await tx.financialProxy.findUniqueOrThrow({ where: { id } }).catch(() => {
          throw notFound('impact.proxy_not_found');
        });
        const row = await tx.financialProxy.update({ where: { id }, data: { ...data(input), origin: 'admin' } });
        await recordAudit(tx, actor, { action: 'impact.proxy_update', entity: 'financial_proxy', entityId: id, before, after: row });
        return proxyView(row);
      });
    },
  };
}
