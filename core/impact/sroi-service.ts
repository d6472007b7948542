// The SROI calculator of a project (plan §3.5): inputs (the contract row always from the contract sum, so it
// cannot drift), outcomes with their quantity from the framework, a sourced proxy and the four percentages
// with the reason for them. The result is computed by sroi.ts and never given without its assumptions.
import type { PrismaClient, SocialProject, SroiInput, SroiOutcome } from '../../generated/prisma/client.ts';
import type { SroiInputKind } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { amount, NAME_MAX, optional, percent, text } from './framework-rules.ts';
import { impactProject, inProject } from './impact-scope.ts';
import { indicatorView } from './indicator-values.ts';
import { computeSroi, type SroiInputRow, type SroiOutcomeRow, type SroiResult } from './sroi.ts';

export interface InputInput {
  kind: Exclude<SroiInputKind, 'contract'>;
  labelKk: string;
  labelRu: string;
  amountTenge: number;
  source: string;
}

export interface OutcomeInput {
  nameKk: string;
  nameRu: string;
  indicatorId?: number | null;
  quantity?: number | null;
  proxyId: number;
  /** defaults to the proxy's value */
  proxyValueTenge?: number | null;
  durationYears: number;
  deadweightPct: number;
  attributionPct: number;
  displacementPct?: number;
  dropOffPct: number;
  rationale: string;
}

export interface SroiView {
  discountRatePct: number;
  note: string;
  inputs: Array<SroiInputRow & { id: number | null }>;
  outcomes: Array<SroiOutcomeRow & { indicatorId: number | null }>;
  /** null with `refusal` when something is missing: the ratio is never shown without its assumptions */
  result: SroiResult | null;
  refusal: string | null;
}

const CONTRACT = { kk: 'Келісімшарт сомасы', ru: 'Сумма договора' };

export function createSroiService({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  async function rows(tx: Tx, project: SocialProject) {
    const setup = await tx.sroiSetup.findUnique({ where: { projectId: project.id } });
    const stored = await tx.sroiInput.findMany({ where: { projectId: project.id }, orderBy: { id: 'asc' } });
    const contractTenge = Number(project.contractSum) * 1000;
    const inputs: SroiView['inputs'] = [
      { id: null, kind: 'contract', labelKk: CONTRACT.kk, labelRu: CONTRACT.ru, amount: contractTenge, source: 'contract' },
      ...stored.map((i) => ({ id: i.id, kind: i.kind, labelKk: i.labelKk, labelRu: i.labelRu, amount: Number(i.amountTenge), source: i.source })),
    ];
    const outs = await tx.sroiOutcome.findMany({ where: { projectId: project.id }, include: { proxy: true, indicator: true }, orderBy: { id: 'asc' } });
    const outcomes: SroiView['outcomes'] = [];
    for (const o of outs) {
      const latest = o.indicator ? ((await indicatorView(tx, o.indicator, project, now())).latest?.actual ?? null) : null;
      outcomes.push({
        id: o.id,
        nameKk: o.nameKk,
        nameRu: o.nameRu,
        indicatorId: o.indicatorId,
        quantity: latest ?? (o.quantity === null ? 0 : Number(o.quantity)),
        quantityFrom: latest !== null ? 'indicator' : 'entered',
        proxy: { code: o.proxy.code, nameKk: o.proxy.nameKk, nameRu: o.proxy.nameRu, source: o.proxy.source, value: Number(o.proxyValueTenge) },
        durationYears: o.durationYears,
        deadweight: Number(o.deadweightPct),
        displacement: Number(o.displacementPct),
        attribution: Number(o.attributionPct),
        dropOff: Number(o.dropOffPct),
        rationale: o.rationale,
      });
    }
    return { discountRatePct: setup ? Number(setup.discountRatePct) : 5, note: setup?.note ?? '', inputs, outcomes };
  }

  async function view(tx: Tx, project: SocialProject): Promise<SroiView> {
    const r = await rows(tx, project);
    try {
      return { ...r, result: computeSroi(r.inputs, r.outcomes, r.discountRatePct), refusal: null };
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'invalid') return { ...r, result: null, refusal: e.code };
      throw e;
    }
  }

  async function outcomeData(tx: Tx, projectId: number, input: OutcomeInput) {
    const proxy = await tx.financialProxy.findUnique({ where: { id: input.proxyId } });
    if (!proxy || !proxy.active) throw invalid('impact.proxy_not_found');
    if (input.indicatorId && !(await tx.resultIndicator.count({ where: { id: input.indicatorId, projectId } })))
      throw invalid('impact.indicator_not_of_project');
    if (!input.indicatorId && (input.quantity == null || input.quantity <= 0)) throw invalid('impact.quantity_required');
    if (!Number.isInteger(input.durationYears) || input.durationYears < 1 || input.durationYears > 10) throw invalid('impact.bad_duration');
    return {
      nameKk: text(input.nameKk, 'impact.name_required', NAME_MAX),
      nameRu: text(input.nameRu, 'impact.name_required', NAME_MAX),
      indicatorId: input.indicatorId ?? null,
      quantity: input.quantity == null ? null : amount(input.quantity),
      proxyId: proxy.id,
      proxyValueTenge: input.proxyValueTenge == null ? proxy.valueTenge : amount(input.proxyValueTenge),
      durationYears: input.durationYears,
      deadweightPct: percent(input.deadweightPct),
      attributionPct: percent(input.attributionPct),
      displacementPct: percent(input.displacementPct ?? 0),
      dropOffPct: percent(input.dropOffPct),
      // stored even when empty: the calculator then says what is missing instead of refusing the row
      rationale: optional(input.rationale),
    };
  }

  const inputOf = async (tx: Tx, staff: StaffPrincipal, id: number) =>
    inProject(tx, staff, await tx.sroiInput.findUnique({ where: { id } }), 'impact.input_not_found');
  const outcomeOf = async (tx: Tx, staff: StaffPrincipal, id: number) =>
    inProject(tx, staff, await tx.sroiOutcome.findUnique({ where: { id } }), 'impact.outcome_not_found');

  function inputData(input: InputInput) {
    if ((input.kind as string) === 'contract') throw invalid('impact.contract_from_project');
    const a = amount(input.amountTenge);
    if (a <= 0) throw invalid('impact.bad_number');
    return {
      kind: input.kind,
      labelKk: text(input.labelKk, 'impact.name_required', NAME_MAX),
      labelRu: text(input.labelRu, 'impact.name_required', NAME_MAX),
      amountTenge: a,
      source: text(input.source, 'impact.source_required', 1000),
    };
  }

  async function get(staff: StaffPrincipal, projectId: number): Promise<SroiView> {
    return view(prisma, await impactProject(prisma, staff, projectId));
  }

  return {
    get,

    /** The result, or the refusal as an error (the export and anything printing a ratio use this). */
    async result(staff: StaffPrincipal, projectId: number): Promise<SroiView & { result: SroiResult }> {
      const v = await get(staff, projectId);
      if (!v.result) throw invalid(v.refusal ?? 'impact.sroi_incomplete');
      return v as SroiView & { result: SroiResult };
    },

    async setup(actor: Actor, staff: StaffPrincipal, projectId: number, input: { discountRatePct: number; note?: string }): Promise<SroiView> {
      return prisma.$transaction(async (tx) => {
        const project = await impactProject(tx, staff, projectId);
        const rate = percent(input.discountRatePct);
        if (rate > 20) throw invalid('impact.bad_discount');
        const data = { discountRatePct: rate, note: optional(input.note), updatedById: staff.id };
        const before = await tx.sroiSetup.findUnique({ where: { projectId } });
        await tx.sroiSetup.upsert({ where: { projectId }, create: { projectId, ...data }, update: data });
        await recordAudit(tx, actor, { action: 'impact.sroi_setup', entity: 'social_project', entityId: projectId, before: before ?? undefined, after: data });
        return view(tx, project);
      });
    },

    async addInput(actor: Actor, staff: StaffPrincipal, projectId: number, input: InputInput): Promise<SroiInput> {
      return prisma.$transaction(async (tx) => {
        await impactProject(tx, staff, projectId);
        const row = await tx.sroiInput.create({ data: { projectId, ...inputData(input) } });
        await recordAudit(tx, actor, { action: 'impact.sroi_input_add', entity: 'social_project', entityId: projectId, after: row });
        return row;
      });
    },

    async updateInput(actor: Actor, staff: StaffPrincipal, id: number, input: InputInput): Promise<SroiInput> {
      return prisma.$transaction(async (tx) => {
        const { row: before } = await inputOf(tx, staff, id);
        const row = await tx.sroiInput.update({ where: { id }, data: inputData(input) });
        await recordAudit(tx, actor, { action: 'impact.sroi_input_update', entity: 'social_project', entityId: before.projectId, before, after: row });
        return row;
      });
    },

    async removeInput(actor: Actor, staff: StaffPrincipal, id: number): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const { row } = await inputOf(tx, staff, id);
        await tx.sroiInput.delete({ where: { id } });
        await recordAudit(tx, actor, { action: 'impact.sroi_input_remove', entity: 'social_project', entityId: row.projectId, before: row });
      });
    },

    async addOutcome(actor: Actor, staff: StaffPrincipal, projectId: number, input: OutcomeInput): Promise<SroiOutcome> {
      return prisma.$transaction(async (tx) => {
        await impactProject(tx, staff, projectId);
        const row = await tx.sroiOutcome.create({ data: { projectId, ...(await outcomeData(tx, projectId, input)) } });
        await recordAudit(tx, actor, { action: 'impact.sroi_outcome_add', entity: 'social_project', entityId: projectId, after: row });
        return row;
      });
    },

    async updateOutcome(actor: Actor, staff: StaffPrincipal, id: number, input: OutcomeInput): Promise<SroiOutcome> {
      return prisma.$transaction(async (tx) => {
        const { row: before } = await outcomeOf(tx, staff, id);
        const row = await tx.sroiOutcome.update({ where: { id }, data: await outcomeData(tx, before.projectId, input) });
        await recordAudit(tx, actor, { action: 'impact.sroi_outcome_update', entity: 'social_project', entityId: before.projectId, before, after: row });
        return row;
      });
    },

    async removeOutcome(actor: Actor, staff: StaffPrincipal, id: number): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const { row } = await outcomeOf(tx, staff, id);
        if (!row) throw notFound('impact.outcome_not_found');
        await tx.sroiOutcome.delete({ where: { id } });
        await recordAudit(tx, actor, { action: 'impact.sroi_outcome_remove', entity: 'social_project', entityId: row.projectId, before: row });
      });
    },
  };
}
