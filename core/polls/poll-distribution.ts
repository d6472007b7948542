// Sending a wave to the project's beneficiaries, reminding non-respondents once, closing waves at their
// end, and the progress the organiser watches. Why invitations first and messages in batches: "send to
// all" writes one PollInvitation per beneficiary (the list is fixed at once), then turns pending ones
// into outbox messages a batch per transaction. A crash between batches leaves the rest pending, and
// the poll-waves job (on start and every minute) carries on; the dedupe key per wave and beneficiary
// means a batch repeated after a crash finds its messages already there. The outbox dispatcher paces
// the sending to Telegram's limits; progress is read from the outbox rows, so it is what Telegram said.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { reachable, reachableWhere } from '../citizens/citizen-service.ts';
import { enqueueNotice, type NoticeWave } from './poll-notify.ts';

export interface DistributionDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now?: () => Date;
  /** invitations turned into messages per transaction */
  batchSize?: number;
}

const WAVE_INCLUDE = {
  poll: {
    select: {
      status: true,
      titleKk: true,
      titleRu: true,
      anonymous: true,
      project: { select: { nameKk: true, nameRu: true } },
      _count: { select: { questions: true } },
    },
  },
} as const;

/** One invitation per current beneficiary of the project; existing ones (and their state) are kept. */
export async function createInvitations(prisma: PrismaClient, waveId: number, at: Date): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO "PollInvitation" ("waveId", "beneficiaryId", status, "createdAt")
    SELECT w.id, b.id, 'pending', ${at}
    FROM "PollWave" w
    JOIN "Poll" p ON p.id = w."pollId"
    JOIN "ProjectBeneficiary" b ON b."projectId" = p."projectId"
    WHERE w.id = ${waveId}
    ON CONFLICT ("waveId", "beneficiaryId") DO NOTHING`;
}

/**
 * Turns up to `maxBatches` batches of pending invitations of reachable beneficiaries (a citizen with
 * Telegram who agreed to data processing) into outbox messages; returns how many were enqueued.
 * Unreachable ones (imported without Telegram, erased) stay pending: they count as unreachable in the
 * progress and are sent if the person later joins through the bot.
 */
export async function enqueuePending(
  { prisma, i18n, now = () => new Date(), batchSize = 200 }: DistributionDeps,
  waveId: number,
  maxBatches = Number.POSITIVE_INFINITY,
): Promise<number> {
  let enqueued = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const at = now();
    const done = await prisma.$transaction(async (tx) => {
      const wave = await tx.pollWave.findUnique({ where: { id: waveId }, include: WAVE_INCLUDE });
      // a closed or ended wave, or an archived poll, is not announced any more
      if (!wave || wave.status !== 'open' || wave.closesAt <= at || wave.poll.status === 'archived') return 0;
      const due = await tx.pollInvitation.findMany({
        where: { waveId, status: 'pending', answeredAt: null, beneficiary: { citizen: reachableWhere } },
        include: { beneficiary: { select: { id: true, citizen: { select: { id: true, telegramId: true, locale: true } } } } },
        orderBy: { id: 'asc' },
        take: batchSize,
      });
      for (const inv of due) {
        const c = inv.beneficiary.citizen!;
        const outboxId = await enqueueNotice(
          tx,
          i18n,
          'invite',
          wave as NoticeWave,
          { beneficiaryId: inv.beneficiaryId, citizenId: c.id, telegramId: c.telegramId, locale: c.locale },
          wave.poll._count.questions,
          at,
        );
        await tx.pollInvitation.update({ where: { id: inv.id }, data: { status: 'queued', queuedAt: at, outboxId } });
      }
      return due.length;
    });
    enqueued += done;
    if (done < batchSize) break;
  }
  return enqueued;
}

/**
 * The one reminder: to those whose invitation Telegram accepted `reminderAfterHours` ago or more and
 * who have not answered, while the wave is open. The claim (remindedAt set where it was null) and the
 * message are one transaction, so nobody is reminded twice.
 */
export async function remindNonRespondents({ prisma, i18n, now = () => new Date(), batchSize = 200 }: DistributionDeps): Promise<number> {
  const at = now();
  const due = await prisma.$queryRaw<Array<{ id: number }>>`
    SELECT i.id FROM "PollInvitation" i
    JOIN "PollWave" w ON w.id = i."waveId"
    JOIN "Poll" p ON p.id = w."pollId"
    JOIN "OutboxMessage" o ON o.id = i."outboxId"
    WHERE w.status = 'open' AND w."closesAt" > ${at} AND p.status <> 'archived'
      AND i."answeredAt" IS NULL AND i."remindedAt" IS NULL
      AND o.status = 'sent' AND o."sentAt" <= ${at}::timestamp - make_interval(hours => w."reminderAfterHours")
    ORDER BY i.id
    LIMIT ${batchSize}`;
  let sent = 0;
  for (const { id } of due) {
    const done = await prisma.$transaction(async (tx) => {
      const claimed = await tx.pollInvitation.updateMany({ where: { id, remindedAt: null, answeredAt: null }, data: { remindedAt: at } });
      if (claimed.count === 0) return false;
      const inv = await tx.pollInvitation.findUniqueOrThrow({
        where: { id },
        include: {
          wave: { include: WAVE_INCLUDE },
          beneficiary: { select: { citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } } } },
        },
      });
      const c = inv.beneficiary.citizen;
      if (!reachable(c)) return false;
      const reminderOutboxId = await enqueueNotice(
        tx,
        i18n,
        'reminder',
        inv.wave as NoticeWave,
        { beneficiaryId: inv.beneficiaryId, citizenId: c.id, telegramId: c.telegramId, locale: c.locale },
        inv.wave.poll._count.questions,
        at,
      );
      await tx.pollInvitation.update({ where: { id }, data: { reminderOutboxId } });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

/**
 * Closes the waves whose end has come and drops their unfinished drafts (they can no longer be sent).
 * Audited like a staff member's closing, with the system as the actor.
 */
export async function closeDueWaves(prisma: PrismaClient, at: Date): Promise<number> {
  const due = await prisma.pollWave.findMany({ where: { status: { in: ['draft', 'open'] }, closesAt: { lte: at } }, select: { id: true } });
  let closed = 0;
  for (const { id } of due) {
    await prisma.$transaction(async (tx) => {
      const done = await tx.pollWave.updateMany({ where: { id, status: { in: ['draft', 'open'] } }, data: { status: 'closed', closedAt: at } });
      if (done.count === 0) return;
      const drafts = await tx.pollResponseDraft.deleteMany({ where: { waveId: id } });
      await recordAudit(
        tx,
        { type: 'system' },
        { action: 'poll.wave_close', entity: 'poll_wave', entityId: id, after: { status: 'closed', reason: 'ended', droppedDrafts: drafts.count } },
      );
      closed += 1;
    });
  }
  return closed;
}

/** What the poll-waves job does each run: close, carry on unfinished sends (new beneficiaries too), remind. */
export async function runPollWaves(deps: DistributionDeps): Promise<{ closed: number; invited: number; reminded: number }> {
  const { prisma, now = () => new Date() } = deps;
  const closed = await closeDueWaves(prisma, now());
  let invited = 0;
  const sending = await prisma.pollWave.findMany({
    where: { status: 'open', sendRequestedAt: { not: null }, closesAt: { gt: now() } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  for (const { id } of sending) {
    await createInvitations(prisma, id, now());
    invited += await enqueuePending(deps, id);
  }
  const reminded = await remindNonRespondents(deps);
  return { closed, invited, reminded };
}

export interface WaveProgress {
  /** invitations: every beneficiary at the time of sending, later joiners, and those who answered through the link */
  total: number;
  /** no Telegram (imported from a list) or erased their data: cannot be sent */
  unreachable: number;
  /** reachable but not yet handed to the outbox (the job carries on within a minute) */
  waiting: number;
  /** in the outbox, not yet accepted by Telegram */
  queued: number;
  /** accepted by Telegram, i.e. delivered to the chat (Telegram gives bots no read receipts) */
  sent: number;
  /** Telegram answered 403: the citizen blocked the bot */
  blocked: number;
  failed: number;
  reminded: number;
  answered: number;
}

export async function waveProgress(prisma: PrismaClient, waveId: number): Promise<WaveProgress> {
  // what the outbox says (queued, sent, blocked, failed); the invitation's own status stays queued
  const [row] = await prisma.$queryRaw<Array<Record<'total' | 'queued' | 'sent' | 'blocked' | 'failed' | 'reminded' | 'answered', bigint>>>`
    SELECT
      count(*) AS total,
      count(*) FILTER (WHERE o.status IN ('pending', 'sending')) AS queued,
      count(*) FILTER (WHERE o.status = 'sent') AS sent,
      count(*) FILTER (WHERE o.status = 'blocked') AS blocked,
      count(*) FILTER (WHERE o.status = 'failed') AS failed,
      count(*) FILTER (WHERE i."remindedAt" IS NOT NULL) AS reminded,
      count(*) FILTER (WHERE i."answeredAt" IS NOT NULL) AS answered
    FROM "PollInvitation" i
    LEFT JOIN "OutboxMessage" o ON o.id = i."outboxId"
    WHERE i."waveId" = ${waveId}`;
  // not handed to the outbox: reachable ones are waiting for the job, the rest cannot be sent
  const notQueued = await prisma.pollInvitation.count({ where: { waveId, outboxId: null } });
  const reachableNotQueued = await prisma.pollInvitation.count({ where: { waveId, outboxId: null, beneficiary: { citizen: reachableWhere } } });
  const waiting = await prisma.pollInvitation.count({ where: { waveId, outboxId: null, answeredAt: null, beneficiary: { citizen: reachableWhere } } });
  const n = (v: bigint | undefined) => Number(v ?? 0);
  return {
    total: n(row?.total),
    unreachable: notQueued - reachableNotQueued,
    waiting,
    queued: n(row?.queued),
    sent: n(row?.sent),
    blocked: n(row?.blocked),
    failed: n(row?.failed),
    reminded: n(row?.reminded),
    answered: n(row?.answered),
  };
}
