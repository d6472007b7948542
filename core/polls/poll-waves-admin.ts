// The waves of a poll for project managers and admins: baseline, midterm, final … each with its own
// invitation link and period, opened one at a time (a citizen answers "the" poll, and dynamics compare one
// wave with the next), "send to all beneficiaries" and its progress read from the outbox. Every change is
// audited with who and when.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { conflict, invalid } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { createInvitations, enqueuePending, waveProgress, type WaveProgress } from './poll-distribution.ts';
import { REMINDER_HOURS_MAX } from './poll-rules.ts';
import { newInviteCode } from '../projects/project-invite.ts';
import { scopedPoll, scopedWave } from './poll-scope.ts';

export interface WaveFields {
  labelKk: string;
  labelRu: string;
  opensAt: Date;
  closesAt: Date;
  reminderAfterHours?: number;
}

/** Batches "send to all" enqueues at once; a bigger list is finished by the poll-waves job. */
const SEND_BATCHES_INLINE = 25;

/** An archived poll takes no new answers: its waves neither open nor send. */
export function assertNotArchived(poll: { status: string }): void {
  if (poll.status === 'archived') throw conflict('poll.archived');
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

export function createPollWaveAdmin({ prisma, i18n, now }: { prisma: PrismaClient; i18n: i18n; now: () => Date }) {
  const waves = {
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
      if (wave.status !== 'open') await waves.openWave(actor, staff, waveId);
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
  return waves;
}
