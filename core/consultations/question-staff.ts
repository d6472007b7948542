// The consultant's side of a question: claiming it (a lock others see), releasing, handing over,
// answering (the citizen gets it in their language with the follow-up / resolved buttons), internal
// notes, and closing with a result. Each step is a message of the thread with who and when, an audit
// entry, and (for a change of state, consultant or result) a sync of the consultation log, all in one
// transaction with the outbox messages it causes.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient, Question } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, forbidden, invalid, type DomainError } from '../errors.ts';
import { isAdmin, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { syncConsultation } from './consultation-record.ts';
import { sendAnswer, sendClosed, type AnswerLink } from './question-notify.ts';
import { QUESTION } from './question-scope.ts';
import { fitColleague, loadInScope } from '../staff/scoped-records.ts';
import { notifyAboutQuestion } from './question-staff-notify.ts';
import { optionalText, requiredText } from './text-input.ts';
import { ANSWER_MAX, LINK_TITLE_MAX, LINK_URL_MAX, NOTE_MAX } from './consultation-rules.ts';

export type CloseResult = 'answered' | 'referred' | 'not_in_scope';

export interface AnswerInput {
  text: string;
  /** a link (https) sent under the answer: Azamat stores no files of its own (README "Consultations") */
  attachment?: AnswerLink | null;
}

export interface QuestionStaffDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now?: () => Date;
}

export function createQuestionStaffService({ prisma, i18n, now = () => new Date() }: QuestionStaffDeps) {
  const scoped = (tx: Tx, staff: StaffPrincipal, id: number): Promise<Question> => loadInScope(tx, staff, QUESTION, id);

  const open = (q: Question) => {
    if (q.state === 'closed') throw conflict('question.already_closed', { number: q.number });
  };

  /** 409 naming whoever holds the question now. */
  async function heldBy(tx: Tx, questionId: number): Promise<DomainError> {
    const q = await tx.question.findUniqueOrThrow({ where: { id: questionId }, include: { consultant: true } });
    if (q.state === 'closed') return conflict('question.already_closed', { number: q.number });
    return q.consultant ? conflict('question.held_by', { number: q.number, name: q.consultant.fullName }) : conflict('question.changed');
  }

  /** Only the holder acts on a held question; admins may act on anyone's. */
  async function mustHold(tx: Tx, staff: StaffPrincipal, q: Question) {
    if (q.consultantId != null && q.consultantId !== staff.id && !isAdmin(staff)) throw await heldBy(tx, q.id);
  }

  async function message(
    tx: Tx,
    q: Question,
    staff: StaffPrincipal,
    kind: string,
    fields: { text?: string | null; attachment?: Prisma.InputJsonValue; data?: Prisma.InputJsonValue } = {},
  ) {
    return tx.questionMessage.create({ data: { questionId: q.id, at: now(), kind, authorType: 'staff', staffUserId: staff.id, ...fields } });
  }

  /**
   * Locks an unheld question to the consultant: a conditional update, so of two concurrent claims the
   * database lets exactly one through and the other learns who won.
   */
  async function take(tx: Tx, actor: Actor, staff: StaffPrincipal, q: Question): Promise<Question> {
    const at = now();
    const won = await tx.question.updateMany({
      where: { id: q.id, consultantId: null, state: { not: 'closed' } },
      data: { consultantId: staff.id, claimedAt: at, ...(q.state === 'waiting' ? { state: 'claimed' as const } : {}) },
    });
    if (won.count === 0) throw await heldBy(tx, q.id);
    const after = await tx.question.findUniqueOrThrow({ where: { id: q.id } });
    await message(tx, after, staff, 'claim');
    await recordAudit(tx, actor, {
      action: 'question.claim',
      entity: 'question',
      entityId: q.id,
      before: { consultantId: null, state: q.state },
      after: { consultantId: staff.id, state: after.state },
    });
    await syncConsultation(tx, q.id);
    return after;
  }

  /** Moves the question from one holder to another (or none) if it is still as it was read. */
  async function move(tx: Tx, q: Question, to: number | null): Promise<Question> {
    const state = to == null ? (q.state === 'claimed' ? 'waiting' : q.state) : q.state === 'waiting' ? 'claimed' : q.state;
    const moved = await tx.question.updateMany({
      where: { id: q.id, consultantId: q.consultantId, state: q.state },
      data: { consultantId: to, claimedAt: to == null ? null : now(), state },
    });
    if (moved.count === 0) throw conflict('question.changed');
    await syncConsultation(tx, q.id);
    return tx.question.findUniqueOrThrow({ where: { id: q.id } });
  }

  const withTopic = (tx: Tx, id: number) => tx.question.findUniqueOrThrow({ where: { id }, include: { topic: true } });

  return {
    async claim(actor: Actor, staff: StaffPrincipal, id: number): Promise<Question> {
      return prisma.$transaction(async (tx) => {
        const q = await scoped(tx, staff, id);
        open(q);
        if (q.consultantId === staff.id) return q;
        if (q.consultantId != null) throw await heldBy(tx, id);
        return take(tx, actor, staff, q);
      });
    },

    /** Back to the queue: by its holder, or by an admin for anyone's (the holder is told). */
    async release(actor: Actor, staff: StaffPrincipal, id: number): Promise<Question> {
      return prisma.$transaction(async (tx) => {
        const q = await scoped(tx, staff, id);
        open(q);
        if (q.consultantId == null) throw conflict('question.not_held', { number: q.number });
        if (q.consultantId !== staff.id && !isAdmin(staff)) throw forbidden('question.not_holder');
        const after = await move(tx, q, null);
        const m = await message(tx, after, staff, 'release', { data: { from: q.consultantId } });
        await recordAudit(tx, actor, {
          action: 'question.release',
          entity: 'question',
          entityId: id,
          before: { consultantId: q.consultantId, state: q.state },
          after: { consultantId: null, state: after.state },
        });
        if (q.consultantId !== staff.id) {
          const holder = await tx.staffUser.findMany({ where: { id: q.consultantId, active: true } });
          await notifyAboutQuestion(tx, i18n, holder, {
            kind: 'question.released',
            question: await withTopic(tx, id),
            occurrence: m.id,
            headline: (t) => t('consultations:staff.released', { number: q.number, by: staff.fullName }),
          });
        }
        return after;
      });
    },

    /** To another active consultant whose scope covers the question: by its holder or an admin; the new holder is told. */
    async handover(actor: Actor, staff: StaffPrincipal, id: number, input: { consultantId: number; note?: string | null }): Promise<Question> {
      const note = optionalText(input.note, NOTE_MAX, 'question.note');
      return prisma.$transaction(async (tx) => {
        const q = await scoped(tx, staff, id);
        open(q);
        if (q.consultantId !== staff.id && !isAdmin(staff)) throw q.consultantId == null ? forbidden('question.not_holder') : await heldBy(tx, id);
        if (input.consultantId === q.consultantId) throw invalid('question.same_consultant');
        const target = await fitColleague(tx, input.consultantId, { role: 'consultant', rule: SCOPES.network, record: q, refusal: 'question.bad_consultant' });
        const after = await move(tx, q, target.id);
        const m = await message(tx, after, staff, 'handover', { text: note, data: { from: q.consultantId, to: target.id } });
        await recordAudit(tx, actor, {
          action: 'question.handover',
          entity: 'question',
          entityId: id,
          before: { consultantId: q.consultantId },
          after: { consultantId: target.id, note },
        });
        await notifyAboutQuestion(tx, i18n, [target], {
          kind: 'question.handover',
          question: await withTopic(tx, id),
          occurrence: m.id,
          headline: (t) => t('consultations:staff.handover', { number: q.number, from: staff.fullName }),
          footer: note ? `💬 ${note}` : null,
        });
        return after;
      });
    },

    /**
     * The holder's answer (a question nobody holds is claimed on the way). The first answer's time
     * stays; a pending follow-up is answered; the deadline marks are cleared for the next follow-up.
     */
    async answer(actor: Actor, staff: StaffPrincipal, id: number, input: AnswerInput): Promise<Question> {
      const text = requiredText(input.text, ANSWER_MAX, 'question.answer');
      const link = input.attachment ? { url: input.attachment.url, title: optionalText(input.attachment.title, LINK_TITLE_MAX, 'question.link_title') } : null;
      if (link && (!/^https:\/\/\S+$/i.test(link.url) || link.url.length > LINK_URL_MAX)) throw invalid('question.bad_link', { max: LINK_URL_MAX });
      return prisma.$transaction(async (tx) => {
        let q = await scoped(tx, staff, id);
        open(q);
        if (q.consultantId == null) q = await take(tx, actor, staff, q);
        else if (q.consultantId !== staff.id) throw await heldBy(tx, id);
        const at = now();
        const done = await tx.question.updateMany({
          where: { id, consultantId: staff.id, state: { not: 'closed' } },
          data: {
            state: 'answered',
            firstAnsweredAt: q.firstAnsweredAt ?? at,
            lastAnsweredAt: at,
            followUpAt: null,
            overdueNotifiedAt: null,
            escalatedAt: null,
          },
        });
        if (done.count === 0) throw await heldBy(tx, id);
        const after = await tx.question.findUniqueOrThrow({ where: { id } });
        const m = await message(tx, after, staff, 'answer', { text, ...(link ? { attachment: { kind: 'link', url: link.url, title: link.title } } : {}) });
        const delivered = await sendAnswer(tx, i18n, after, m.id, text, link);
        await recordAudit(tx, actor, {
          action: 'question.answer',
          entity: 'question',
          entityId: id,
          before: { state: q.state },
          after: { state: 'answered', messageId: m.id, first: q.firstAnsweredAt == null, delivered },
        });
        await syncConsultation(tx, id);
        return after;
      });
    },

    /** An internal note: in the thread for staff, never sent to the citizen. Any consultant in scope may add one. */
    async note(actor: Actor, staff: StaffPrincipal, id: number, raw: string): Promise<Question> {
      const text = requiredText(raw, NOTE_MAX, 'question.note');
      return prisma.$transaction(async (tx) => {
        const q = await scoped(tx, staff, id);
        const m = await message(tx, q, staff, 'note', { text });
        await recordAudit(tx, actor, { action: 'question.note', entity: 'question', entityId: id, after: { messageId: m.id } });
        return q;
      });
    },

    /**
     * Closes with a result. "answered" needs an answer given; "referred" and "not_in_scope" need a note,
     * which the citizen receives (for "answered" the note stays internal). An unheld question is taken
     * by whoever closes it, so the log names a consultant.
     */
    async close(actor: Actor, staff: StaffPrincipal, id: number, input: { result: CloseResult; note?: string | null }): Promise<Question> {
      const note =
        input.result === 'answered' ? optionalText(input.note, NOTE_MAX, 'question.close_note') : requiredText(input.note, NOTE_MAX, 'question.close_note');
      return prisma.$transaction(async (tx) => {
        const q = await scoped(tx, staff, id);
        open(q);
        await mustHold(tx, staff, q);
        if (input.result === 'answered' && q.firstAnsweredAt == null) throw invalid('question.close_unanswered');
        const at = now();
        const consultantId = q.consultantId ?? staff.id;
        const done = await tx.question.updateMany({
          where: { id, consultantId: q.consultantId, state: { not: 'closed' } },
          data: { state: 'closed', closedAt: at, result: input.result, consultantId, followUpAt: null },
        });
        if (done.count === 0) throw await heldBy(tx, id);
        const after = await tx.question.findUniqueOrThrow({ where: { id } });
        const m = await message(tx, after, staff, 'close', { text: note, data: { result: input.result } });
        const delivered = input.result === 'answered' ? false : await sendClosed(tx, i18n, after, m.id, input.result, note!);
        await recordAudit(tx, actor, {
          action: 'question.close',
          entity: 'question',
          entityId: id,
          before: { state: q.state, consultantId: q.consultantId },
          after: { state: 'closed', result: input.result, consultantId, delivered },
        });
        await syncConsultation(tx, id);
        return after;
      });
    },
  };
}
