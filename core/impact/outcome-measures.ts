// Poll questions marked as outcome measures, and their before and after: the baseline wave (position 1) against
// the final wave (the latest closed, or the one chosen), for the same people and for everyone (before-after.ts).
import type { OutcomeMeasure, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { compareAll, comparePaired, type AllRespondents, type Answer, type Paired } from './before-after.ts';
import { checkCodes, isFavourable, isOrdinal, scoreOf } from './favourable.ts';
import { impactProject, inProject } from './impact-scope.ts';

export interface BeforeAfter {
  measureId: number;
  questionId: number;
  anonymous: boolean;
  favourableCodes: string[];
  from: { waveId: number; position: number; labelKk: string; labelRu: string };
  to: { waveId: number; position: number; labelKk: string; labelRu: string };
  all: AllRespondents;
  paired: Paired;
}

export function createOutcomeMeasures({ prisma }: { prisma: PrismaClient }) {
  const measureOf = async (staff: StaffPrincipal, id: number) =>
    inProject(prisma, staff, await prisma.outcomeMeasure.findUnique({ where: { id } }), 'impact.measure_not_found');

  /** Baseline (position 1, or `fromWave`) against the final wave (the latest closed, or `toWave`). */
  async function compute(id: number, q: { fromWave?: number; toWave?: number } = {}): Promise<BeforeAfter> {
    const m = await prisma.outcomeMeasure.findUnique({ where: { id } });
    if (!m) throw notFound('impact.measure_not_found');
    const question = await prisma.pollQuestion.findUniqueOrThrow({
      where: { id: m.questionId },
      include: { poll: { include: { waves: { orderBy: { position: 'asc' } } } } },
    });
    const waves = question.poll.waves;
    const from = q.fromWave ? waves.find((w) => w.id === q.fromWave) : waves.find((w) => w.position === 1);
    const to = q.toWave ? waves.find((w) => w.id === q.toWave) : waves.filter((w) => w.status === 'closed').at(-1);
    if (q.fromWave && !from) throw notFound('impact.wave_not_found');
    if (q.toWave && !to) throw notFound('impact.wave_not_found');
    if (!from || !to || from.id === to.id || from.position > to.position) throw conflict('impact.two_waves_needed');
    const answersOf = async (waveId: number): Promise<Answer[]> => {
      const rows = await prisma.pollAnswer.findMany({
        where: { questionId: question.id, response: { waveId } },
        select: { choice: true, choices: true, rating: true, response: { select: { citizenId: true } } },
      });
      return rows.flatMap((r) => {
        const favourable = isFavourable(question.type, m.favourableCodes, r);
        return favourable === null ? [] : [{ citizenId: r.response.citizenId, favourable, score: scoreOf(question.type, r) }];
      });
    };
    const before = await answersOf(from.id);
    const after = await answersOf(to.id);
    const pick = (w: (typeof waves)[number]) => ({ waveId: w.id, position: w.position, labelKk: w.labelKk, labelRu: w.labelRu });
    return {
      measureId: m.id,
      questionId: question.id,
      anonymous: question.poll.anonymous,
      favourableCodes: m.favourableCodes,
      from: pick(from),
      to: pick(to),
      all: compareAll(before, after),
      paired: question.poll.anonymous
        ? comparePaired([{ citizenId: null, favourable: false, score: null }], [], false)
        : comparePaired(before, after, isOrdinal(question.type)),
    };
  }

  return {
    async list(staff: StaffPrincipal, projectId: number) {
      await impactProject(prisma, staff, projectId);
      return prisma.outcomeMeasure.findMany({
        where: { projectId },
        include: {
          question: {
            select: { id: true, pollId: true, type: true, textKk: true, textRu: true, poll: { select: { titleKk: true, titleRu: true, anonymous: true } } },
          },
        },
        orderBy: { id: 'asc' },
      });
    },

    async add(
      actor: Actor,
      staff: StaffPrincipal,
      projectId: number,
      input: { questionId: number; favourableCodes?: string[]; indicatorId?: number | null },
    ): Promise<OutcomeMeasure> {
      return prisma.$transaction(async (tx) => {
        await impactProject(tx, staff, projectId);
        const q = await tx.pollQuestion.findFirst({ where: { id: input.questionId, poll: { projectId } } });
        if (!q) throw invalid('impact.question_not_of_project');
        const favourableCodes = checkCodes(q.type, q.options, input.favourableCodes ?? []);
        if (input.indicatorId && !(await tx.resultIndicator.count({ where: { id: input.indicatorId, projectId } })))
          throw invalid('impact.indicator_not_of_project');
        if (await tx.outcomeMeasure.findUnique({ where: { questionId: q.id } })) throw conflict('impact.measure_exists');
        const row = await tx.outcomeMeasure.create({
          data: { projectId, questionId: q.id, favourableCodes, indicatorId: input.indicatorId ?? null, createdById: staff.id },
        });
        await recordAudit(tx, actor, { action: 'impact.measure_add', entity: 'social_project', entityId: projectId, after: row });
        return row;
      });
    },

    async remove(actor: Actor, staff: StaffPrincipal, id: number): Promise<void> {
      const { row } = await measureOf(staff, id);
      await prisma.$transaction(async (tx) => {
        await tx.outcomeMeasure.delete({ where: { id } });
        await recordAudit(tx, actor, { action: 'impact.measure_remove', entity: 'social_project', entityId: row.projectId, before: row });
      });
    },

    compute,

    /** Baseline (position 1, or `fromWave`) against the final wave (the latest closed, or `toWave`). */
    async beforeAfter(staff: StaffPrincipal, id: number, q: { fromWave?: number; toWave?: number } = {}): Promise<BeforeAfter> {
      await measureOf(staff, id);
      return compute(id, q);
    },
  };
}

export type OutcomeMeasures = ReturnType<typeof createOutcomeMeasures>;
