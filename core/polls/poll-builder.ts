// The questionnaire builder for project managers and admins: polls of a project, their questions
// (kk and ru, six types, required or optional, options, skip rules) and their waves. Every change of
// the questions is applied to the whole list in memory and checked by validateQuestionnaire before it
// is written, so a move or a deletion can never leave a skip rule pointing forward or nowhere. Once a
// wave has been opened the questions are frozen: citizens may be half-way through them (their drafts
// point at question ids), and changing them would make the waves incomparable.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { createInvitations, enqueuePending, waveProgress, type WaveProgress } from './poll-distribution.ts';
import { questionOf, REMINDER_HOURS_MAX, validateQuestionnaire, type QuestionInput } from './poll-rules.ts';
import { newInviteCode } from '../projects/project-invite.ts';
import { PROJECT, projectScopeWhere } from '../projects/project-scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { scopedPoll, scopedWave } from './poll-scope.ts';

export interface PollFields {
  titleKk: string;
  titleRu: string;
  introKk?: string;
  introRu?: string;
  anonymous?: boolean;
}

export interface WaveFields {
  labelKk: string;
  labelRu: string;
  opensAt: Date;
  closesAt: Date;
  reminderAfterHours?: number;
}

/** Batches "send to all" enqueues at once; a bigger list is finished by the poll-waves job. */
const SEND_BATCHES_INLINE = 25;

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

  function assertNotArchived(poll: { status: string }): void {
    if (poll.status === 'archived') throw conflict('poll.archived');
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

  function checkWave(f: Partial<WaveFields>): void {
    if (f.labelKk !== undefined && !f.labelKk.trim()) throw invalid('poll.wave_label_required');
    if (f.labelRu !== undefined && !f.labelRu.trim()) throw invalid('poll.wave_label_required');
    if (f.opensAt && f.closesAt && f.closesAt <= f.opensAt) throw invalid('poll.wave_bad_period');
    if (
      f.reminderAfterHours !== undefined &&
      (!Number.isInteger(f.reminderAfterHours) || f.reminderAfterHours < 1 || f.reminderAfterHours > REMINDER_HOURS_MAX)
    ) {
      throw invalid('poll.wave_bad_reminder', { max: REMINDER_HOURS_MAX });
    }
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

    async createWave(actor: Actor, staff: StaffPrincipal, pollId: number, f: WaveFields) {
      checkWave(f);
      return prisma.$transaction(async (tx) => {
        await scopedPoll(tx, staff, pollId);
        const last = await tx.pollWave.findFirst({ where: { pollId }, orderBy: { position: 'desc' }, select: { position: true } });
        const wave = await tx.pollWave.create({
          data: {
            pollId,
            position: (last?.position ?? 0) + 1,
            inviteCode: newInviteCode(),
            labelKk: f.labelKk.trim(),
            labelRu: f.labelRu.trim(),
            opensAt: f.opensAt,
            closesAt: f.closesAt,
            reminderAfterHours: f.reminderAfterHours ?? 72,
          },
        });
        await recordAudit(tx, actor, { action: 'poll.wave_create', entity: 'poll_wave', entityId: wave.id, after: wave });
        return wave;
      });
    },

    /** Labels, the end and the reminder delay may change while the wave runs; the start only before it opens. */
    async updateWave(actor: Actor, staff: StaffPrincipal, waveId: number, f: Partial<WaveFields>) {
      return prisma.$transaction(async (tx) => {
        const { poll: _poll, ...before } = await scopedWave(tx, staff, waveId);
        if (before.status === 'closed') throw conflict('poll.wave_closed');
        if (f.opensAt && before.status !== 'draft') throw conflict('poll.wave_started');
        checkWave({ ...f, opensAt: f.opensAt ?? before.opensAt, closesAt: f.closesAt ?? before.closesAt });
        const after = await tx.pollWave.update({ where: { id: waveId }, data: { ...f, labelKk: f.labelKk?.trim(), labelRu: f.labelRu?.trim() } });
        await recordAudit(tx, actor, { action: 'poll.wave_update', entity: 'poll_wave', entityId: waveId, before, after });
        return after;
      });
    },

    /** Opens a draft wave for answers (through its link and, once sent, the invitations). */
    async openWave(actor: Actor, staff: StaffPrincipal, waveId: number) {
      return prisma.$transaction(async (tx) => {
        const wave = await scopedWave(tx, staff, waveId);
        if (wave.status === 'open') return tx.pollWave.findUniqueOrThrow({ where: { id: waveId } });
        if (wave.status === 'closed') throw conflict('poll.wave_closed');
        assertNotArchived(wave.poll);
        if (wave.closesAt <= now()) throw conflict('poll.wave_ended');
        // one wave at a time: a citizen answers "the" poll, and dynamics compare one wave with the next
        const other = await tx.pollWave.findFirst({ where: { pollId: wave.pollId, status: 'open', id: { not: waveId } }, select: { position: true } });
        if (other) throw conflict('poll.other_wave_open', { n: other.position });
        if ((await tx.pollQuestion.count({ where: { pollId: wave.pollId } })) === 0) throw conflict('poll.no_questions');
        const after = await tx.pollWave.update({ where: { id: waveId }, data: { status: 'open' } });
        await recordAudit(tx, actor, { action: 'poll.wave_open', entity: 'poll_wave', entityId: waveId, after: { status: 'open' } });
        return after;
      });
    },

    async closeWave(actor: Actor, staff: StaffPrincipal, waveId: number) {
      return prisma.$transaction(async (tx) => {
        const wave = await scopedWave(tx, staff, waveId);
        if (wave.status === 'closed') return tx.pollWave.findUniqueOrThrow({ where: { id: waveId } });
        const after = await tx.pollWave.update({ where: { id: waveId }, data: { status: 'closed', closedAt: now() } });
        await tx.pollResponseDraft.deleteMany({ where: { waveId } });
        await recordAudit(tx, actor, { action: 'poll.wave_close', entity: 'poll_wave', entityId: waveId, after: { status: 'closed' } });
        return after;
      });
    },

    /**
     * "Send to all beneficiaries": opens a draft wave, invites every beneficiary of the project and
     * enqueues the messages (a large list is finished by the poll-waves job). Repeating it sends
     * nothing twice; it only adds beneficiaries who joined since.
     */
    async sendToAll(actor: Actor, staff: StaffPrincipal, waveId: number): Promise<WaveProgress> {
      const wave = await scopedWave(prisma, staff, waveId);
      assertNotArchived(wave.poll);
      if (wave.status !== 'open') await builder.openWave(actor, staff, waveId);
      if (wave.closesAt <= now()) throw conflict('poll.wave_ended');
      await prisma.$transaction(async (tx) => {
        const claimed = await tx.pollWave.updateMany({
          where: { id: waveId, sendRequestedAt: null },
          data: { sendRequestedAt: now(), sendRequestedById: staff.id },
        });
        await recordAudit(tx, actor, { action: claimed.count ? 'poll.wave_send' : 'poll.wave_send_again', entity: 'poll_wave', entityId: waveId });
      });
      await createInvitations(prisma, waveId, now());
      await enqueuePending({ prisma, i18n, now }, waveId, SEND_BATCHES_INLINE);
      return waveProgress(prisma, waveId);
    },

    async wave(staff: StaffPrincipal, waveId: number) {
      const { poll: _poll, ...wave } = await scopedWave(prisma, staff, waveId);
      return wave;
    },

    async progress(staff: StaffPrincipal, waveId: number): Promise<WaveProgress> {
      await scopedWave(prisma, staff, waveId);
      return waveProgress(prisma, waveId);
    },
  };
  return builder;
}
