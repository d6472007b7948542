// The results framework (logframe) of a project: the tree of goal, outcomes, outputs and activities and the
// indicators on it. Every write is audited with who and when and checked against the project's scope.
import type { Prisma, PrismaClient, ResultIndicator, ResultNode } from '../../generated/prisma/client.ts';
import type { Aggregation, CollectionSchedule, IndicatorSource, LogframeLevel } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { amount, NAME_MAX, optional, PARENT_LEVEL, text } from './framework-rules.ts';
import { impactProject, inProject } from './impact-scope.ts';
import type { SourceConfig } from './indicator-sources.ts';

export interface NodeInput {
  level: LogframeLevel;
  parentId?: number | null;
  textKk: string;
  textRu: string;
  assumptionsKk?: string;
  assumptionsRu?: string;
  activityId?: number | null;
}

export interface IndicatorInput {
  nameKk: string;
  nameRu: string;
  unitKk: string;
  unitRu: string;
  baseline: number;
  baselineOn?: string | null;
  target: number;
  targetOn?: string | null;
  verificationKk: string;
  verificationRu: string;
  schedule: CollectionSchedule;
  source: IndicatorSource;
  sourceConfig?: SourceConfig;
  aggregation?: Aggregation;
}

const day = (s: string | null | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

async function checkParent(tx: Tx, projectId: number, level: LogframeLevel, parentId: number | null | undefined): Promise<number | null> {
  const want = PARENT_LEVEL[level];
  if (want === null) {
    if (parentId) throw invalid('impact.bad_parent');
    if (await tx.resultNode.count({ where: { projectId, level: 'goal' } })) throw conflict('impact.one_goal');
    return null;
  }
  const parent = parentId ? await tx.resultNode.findUnique({ where: { id: parentId } }) : null;
  if (!parent || parent.projectId !== projectId || parent.level !== want) throw invalid('impact.bad_parent');
  return parent.id;
}

async function checkActivity(tx: Tx, projectId: number, level: LogframeLevel, activityId: number | null | undefined): Promise<number | null> {
  if (!activityId) return null;
  if (level !== 'activity') throw invalid('impact.activity_only');
  const a = await tx.projectActivity.findUnique({ where: { id: activityId } });
  if (!a || a.projectId !== projectId) throw invalid('impact.activity_not_of_project');
  return a.id;
}

async function checkSource(tx: Tx, projectId: number, source: IndicatorSource, cfg: SourceConfig = {}): Promise<SourceConfig> {
  switch (source) {
    case 'beneficiaries_group':
      if (!cfg.dimension || !['gender', 'socialStatus', 'age'].includes(cfg.dimension) || !cfg.value) throw invalid('impact.group_required');
      return { dimension: cfg.dimension, value: cfg.value };
    case 'event_attendance':
    case 'events_held':
      if (cfg.activityId && !(await tx.projectActivity.count({ where: { id: cfg.activityId, projectId } }))) throw invalid('impact.activity_not_of_project');
      return cfg.activityId ? { activityId: cfg.activityId } : {};
    case 'poll_question': {
      const q = cfg.questionId ? await tx.pollQuestion.findFirst({ where: { id: cfg.questionId, poll: { projectId } } }) : null;
      if (!q) throw invalid('impact.question_not_of_project');
      if (q.type === 'text') throw invalid('impact.text_question');
      const measure = cfg.measure ?? (q.type === 'rating' ? 'mean' : 'share');
      if (measure === 'mean' && q.type !== 'rating') throw invalid('impact.bad_measure');
      if (measure === 'index' && q.type !== 'satisfaction') throw invalid('impact.bad_measure');
      return { questionId: q.id, measure };
    }
    default:
      return {};
  }
}

function indicatorData(input: IndicatorInput) {
  return {
    nameKk: text(input.nameKk, 'impact.name_required', NAME_MAX),
    nameRu: text(input.nameRu, 'impact.name_required', NAME_MAX),
    unitKk: text(input.unitKk, 'impact.unit_required', NAME_MAX),
    unitRu: text(input.unitRu, 'impact.unit_required', NAME_MAX),
    baseline: amount(input.baseline),
    baselineOn: day(input.baselineOn),
    target: amount(input.target),
    targetOn: day(input.targetOn),
    verificationKk: text(input.verificationKk, 'impact.verification_required'),
    verificationRu: text(input.verificationRu, 'impact.verification_required'),
    schedule: input.schedule,
    source: input.source,
    aggregation: input.aggregation ?? 'cumulative',
  };
}

export function createFramework({ prisma }: { prisma: PrismaClient }) {
  const nodeOf = async (tx: Tx, staff: StaffPrincipal, id: number) =>
    inProject(tx, staff, await tx.resultNode.findUnique({ where: { id } }), 'impact.node_not_found');
  const indicatorOf = async (tx: Tx, staff: StaffPrincipal, id: number) =>
    inProject(tx, staff, await tx.resultIndicator.findUnique({ where: { id } }), 'impact.indicator_not_found');

  return {
    nodeOf,
    indicatorOf,

    async addNode(actor: Actor, staff: StaffPrincipal, projectId: number, input: NodeInput): Promise<ResultNode> {
      return prisma.$transaction(async (tx) => {
        await impactProject(tx, staff, projectId);
        const parentId = await checkParent(tx, projectId, input.level, input.parentId);
        const activityId = await checkActivity(tx, projectId, input.level, input.activityId);
        const position = (await tx.resultNode.count({ where: { projectId, parentId } })) + 1;
        const node = await tx.resultNode.create({
          data: {
            projectId,
            level: input.level,
            parentId,
            position,
            textKk: text(input.textKk, 'impact.text_required'),
            textRu: text(input.textRu, 'impact.text_required'),
            assumptionsKk: optional(input.assumptionsKk),
            assumptionsRu: optional(input.assumptionsRu),
            activityId,
            createdById: staff.id,
          },
        });
        await recordAudit(tx, actor, { action: 'impact.node_add', entity: 'social_project', entityId: projectId, after: node });
        return node;
      });
    },

    async updateNode(actor: Actor, staff: StaffPrincipal, nodeId: number, input: Partial<Omit<NodeInput, 'level' | 'parentId'>>): Promise<ResultNode> {
      return prisma.$transaction(async (tx) => {
        const { row: before } = await nodeOf(tx, staff, nodeId);
        const data: Prisma.ResultNodeUncheckedUpdateInput = {};
        if (input.textKk !== undefined) data.textKk = text(input.textKk, 'impact.text_required');
        if (input.textRu !== undefined) data.textRu = text(input.textRu, 'impact.text_required');
        if (input.assumptionsKk !== undefined) data.assumptionsKk = optional(input.assumptionsKk);
        if (input.assumptionsRu !== undefined) data.assumptionsRu = optional(input.assumptionsRu);
        if (input.activityId !== undefined) data.activityId = await checkActivity(tx, before.projectId, before.level, input.activityId);
        const after = await tx.resultNode.update({ where: { id: nodeId }, data });
        await recordAudit(tx, actor, { action: 'impact.node_update', entity: 'social_project', entityId: before.projectId, before, after });
        return after;
      });
    },

    /** Removes a node with everything under it (its indicators and their values too). */
    async removeNode(actor: Actor, staff: StaffPrincipal, nodeId: number): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const { row } = await nodeOf(tx, staff, nodeId);
        await tx.resultNode.delete({ where: { id: nodeId } });
        await recordAudit(tx, actor, { action: 'impact.node_remove', entity: 'social_project', entityId: row.projectId, before: row });
      });
    },

    async addIndicator(actor: Actor, staff: StaffPrincipal, nodeId: number, input: IndicatorInput): Promise<ResultIndicator> {
      return prisma.$transaction(async (tx) => {
        const { row: node } = await nodeOf(tx, staff, nodeId);
        if (node.level === 'activity') throw invalid('impact.activity_no_indicators');
        const data = indicatorData(input);
        const sourceConfig = (await checkSource(tx, node.projectId, input.source, input.sourceConfig)) as Prisma.InputJsonValue;
        const position = (await tx.resultIndicator.count({ where: { nodeId } })) + 1;
        const ind = await tx.resultIndicator.create({ data: { ...data, sourceConfig, nodeId, projectId: node.projectId, position, createdById: staff.id } });
        await recordAudit(tx, actor, { action: 'impact.indicator_add', entity: 'social_project', entityId: node.projectId, after: ind });
        return ind;
      });
    },

    async updateIndicator(actor: Actor, staff: StaffPrincipal, indicatorId: number, input: IndicatorInput): Promise<ResultIndicator> {
      return prisma.$transaction(async (tx) => {
        const { row: before } = await indicatorOf(tx, staff, indicatorId);
        const data = indicatorData(input);
        const sourceConfig = (await checkSource(tx, before.projectId, input.source, input.sourceConfig)) as Prisma.InputJsonValue;
        const after = await tx.resultIndicator.update({ where: { id: indicatorId }, data: { ...data, sourceConfig } });
        await recordAudit(tx, actor, { action: 'impact.indicator_update', entity: 'social_project', entityId: before.projectId, before, after });
        return after;
      });
    },

    async removeIndicator(actor: Actor, staff: StaffPrincipal, indicatorId: number): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const { row } = await indicatorOf(tx, staff, indicatorId);
        await tx.resultIndicator.delete({ where: { id: indicatorId } });
        await recordAudit(tx, actor, { action: 'impact.indicator_remove', entity: 'social_project', entityId: row.projectId, before: row });
      });
    },
  };
}

export type Framework = ReturnType<typeof createFramework>;
