// The questionnaire builder for project managers and admins: polls of a project, their questions
// (kk and ru, six types, required or optional, options, skip rules) and their waves. Every change of
// the questions is applied to the whole list in memory and checked by validateQuestionnaire before it
// is written, so a move or a deletion can never leave a skip rule pointing forward or nowhere. Once a
// wave has been opened the questions are frozen: citizens may be half-way through them (their drafts
// point at question ids), and changing them would make the waves incomparable. Waves: poll-waves-admin.ts.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { questionOf, validateQuestionnaire, type QuestionInput } from './poll-rules.ts';
import { PROJECT, projectScopeWhere } from '../projects/project-scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { scopedPoll } from './poll-scope.ts';
import { createPollWaveAdmin } from './poll-waves-admin.ts';

export interface PollFields {
  titleKk: string;
  titleRu: string;
  introKk?: string;
  introRu?: string;
  anonymous?: boolean;
}

type Draft = QuestionInput & { id: number };

const questionOrder = { orderBy: { position: 'asc' } } as const;

export function createPollBuilder({ prisma, i18n, now = () => new Date() }: { prisma: PrismaClient; i18n: i18n; now?: () => Date }) {
  async function assertNoAnswers(tx: Tx, pollId: number): Promise<void> {
    const answered = await tx.pollResponse.count({ where: { wave: { pollId } } });
    if (answered > 0) throw conflict('poll.has_answers', { count: answered });
  }

  /** Questions are frozen from the first wave that left draft (opened, even if nobody answered yet). */
  async function assertQuestionsEditable(tx: Tx, pollId: number): Promise<void> {
    const started = await tx.pollWave.findFirst({ where: { pollId, status: { not: 'draft' } }, orderBy: { position: 'asc' }, select: { position: true } });
    if (started) throw conflict('poll.questions_frozen', { n: started.position });
  }

  /** Writes the questionnaire in its new order: positions are moved out of the way first (unique per poll). */
  async function writeQuestions(tx: Tx, pollId: number, before: Draft[], after: Draft[]): Promise<number[]> {
    validateQuestionnaire(after);
    await tx.$executeRaw`UPDATE "PollQuestion" SET position = -id WHERE "pollId" = ${pollId}`;
    const kept = new Set(after.map((q) => q.id));
    const removed = before.filter((q) => !kept.has(q.id)).map((q) => q.id);
    if (removed.length) await tx.pollQuestion.deleteMany({ where: { id: { in: removed } } });
    const ids: number[] = [];
    for (const [i, q] of after.entries()) {
      const data = {
        position: i + 1,
        type: q.type,
        textKk: q.textKk.trim(),
        textRu: q.textRu.trim(),
        required: q.required,
        options: q.options.length ? (q.options as unknown as Prisma.InputJsonValue) : ([] as Prisma.InputJsonValue),
        showIfQuestionId: q.showIfQuestionId,
        showIfAnswers: q.showIfAnswers,
      };
      if (q.id > 0) {
        await tx.pollQuestion.update({ where: { id: q.id }, data });
        ids.push(q.id);
      } else {
        ids.push((await tx.pollQuestion.create({ data: { pollId, ...data } })).id);
      }
    }
    return ids;
  }

  async function changeQuestions(actor: Actor, staff: StaffPrincipal, pollId: number, action: string, change: (qs: Draft[]) => Draft[]): Promise<number[]> {
    return prisma.$transaction(async (tx) => {
      await scopedPoll(tx, staff, pollId);
      await assertQuestionsEditable(tx, pollId);
      await assertNoAnswers(tx, pollId);
      const before = (await tx.pollQuestion.findMany({ where: { pollId }, ...questionOrder })).map(questionOf);
      const after = change(before);
      const ids = await writeQuestions(tx, pollId, before, after);
      await recordAudit(tx, actor, { action, entity: 'poll', entityId: pollId, before, after });
      return ids;
    });
  }

  async function questionPoll(staff: StaffPrincipal, questionId: number): Promise<number> {
    const q = await prisma.pollQuestion.findUnique({ where: { id: questionId }, select: { pollId: true } });
    if (!q) throw notFound('poll.question_not_found');
    await scopedPoll(prisma, staff, q.pollId);
    return q.pollId;
  }

  const builder = {
    async list(staff: StaffPrincipal, projectId: number) {
      await loadInScope(prisma, staff, PROJECT, projectId);
      return prisma.poll.findMany({
        where: { projectId, project: projectScopeWhere(staff) },
        include: { questions: questionOrder, waves: { orderBy: { position: 'asc' } } },
        orderBy: { id: 'asc' },
      });
    },

    async get(staff: StaffPrincipal, pollId: number) {
      await scopedPoll(prisma, staff, pollId);
      return prisma.poll.findUniqueOrThrow({ where: { id: pollId }, include: { questions: questionOrder, waves: { orderBy: { position: 'asc' } } } });
    },

    /** A poll of a project in any state: waves measure before, during and after the project. */
    async create(actor: Actor, staff: StaffPrincipal, projectId: number, f: PollFields) {
      await loadInScope(prisma, staff, PROJECT, projectId);
      if (!f.titleKk.trim() || !f.titleRu.trim()) throw invalid('poll.title_required');
      const poll = await prisma.$transaction(async (tx) => {
        const created = await tx.poll.create({
          data: {
            projectId,
            titleKk: f.titleKk.trim(),
            titleRu: f.titleRu.trim(),
            introKk: f.introKk ?? '',
            introRu: f.introRu ?? '',
            anonymous: f.anonymous ?? false,
            createdById: staff.id,
          },
        });
        await recordAudit(tx, actor, { action: 'poll.create', entity: 'poll', entityId: created.id, after: created });
        return created;
      });
      return builder.get(staff, poll.id);
    },

    /** Titles and intro may change any time; anonymity only before the first answer (it decides what is kept). */
    async update(actor: Actor, staff: StaffPrincipal, pollId: number, f: Partial<PollFields> & { status?: 'draft' | 'ready' | 'archived' }) {
      await prisma.$transaction(async (tx) => {
        const before = await scopedPoll(tx, staff, pollId);
        if (f.titleKk !== undefined && !f.titleKk.trim()) throw invalid('poll.title_required');
        if (f.titleRu !== undefined && !f.titleRu.trim()) throw invalid('poll.title_required');
        if (f.anonymous !== undefined && f.anonymous !== before.anonymous) await assertNoAnswers(tx, pollId);
        const after = await tx.poll.update({ where: { id: pollId }, data: { ...f, titleKk: f.titleKk?.trim(), titleRu: f.titleRu?.trim() } });
        const { project: _p, ...plain } = before;
        await recordAudit(tx, actor, { action: 'poll.update', entity: 'poll', entityId: pollId, before: plain, after });
      });
      return builder.get(staff, pollId);
    },

    async addQuestion(actor: Actor, staff: StaffPrincipal, pollId: number, q: QuestionInput & { position?: number }) {
      let at = 0;
      const ids = await changeQuestions(actor, staff, pollId, 'poll.question_add', (qs) => {
        at = Math.min(Math.max((q.position ?? qs.length + 1) - 1, 0), qs.length);
        const { position: _position, ...fields } = q;
        return [...qs.slice(0, at), { ...fields, id: 0 }, ...qs.slice(at)];
      });
      return prisma.pollQuestion.findUniqueOrThrow({ where: { id: ids[at]! } });
    },

    async updateQuestion(actor: Actor, staff: StaffPrincipal, questionId: number, patch: Partial<QuestionInput>) {
      const pollId = await questionPoll(staff, questionId);
      await changeQuestions(actor, staff, pollId, 'poll.question_update', (qs) => qs.map((x) => (x.id === questionId ? { ...x, ...patch, id: x.id } : x)));
      return prisma.pollQuestion.findUniqueOrThrow({ where: { id: questionId } });
    },

    async moveQuestion(actor: Actor, staff: StaffPrincipal, questionId: number, position: number) {
      const pollId = await questionPoll(staff, questionId);
      await changeQuestions(actor, staff, pollId, 'poll.question_move', (qs) => {
        const q = qs.find((x) => x.id === questionId)!;
        const rest = qs.filter((x) => x.id !== questionId);
        const at = Math.min(Math.max(position - 1, 0), rest.length);
        return [...rest.slice(0, at), q, ...rest.slice(at)];
      });
      return prisma.pollQuestion.findUniqueOrThrow({ where: { id: questionId } });
    },

    async deleteQuestion(actor: Actor, staff: StaffPrincipal, questionId: number): Promise<void> {
      const pollId = await questionPoll(staff, questionId);
      await changeQuestions(actor, staff, pollId, 'poll.question_delete', (qs) => {
        const dependent = qs.findIndex((x) => x.showIfQuestionId === questionId);
        if (dependent >= 0) throw conflict('poll.question_referenced', { n: dependent + 1 });
        return qs.filter((x) => x.id !== questionId);
      });
    },

    ...createPollWaveAdmin({ prisma, i18n, now }),
  };
  return builder;
}
