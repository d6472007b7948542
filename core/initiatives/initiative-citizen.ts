// A resident and public initiatives, through the bot: supporting one (which also follows its news; the author's own
// support is not counted), following without supporting, their own proposals, and rating an implemented one 1–5 with
// the satisfaction question on the national scale (one rating per citizen, changeable within the window). Rating is
// open to those linked to it: its author, followers and supporters, volunteers who attended its events, and residents
// of its region.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { InitiativeStatus, SatisfactionAnswer } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { SATISFACTION } from '../polls/poll-rules.ts';
import { INITIATIVE_RATING_DAYS } from './initiative-rules.ts';
import { OPEN_STATUSES } from './initiative-status.ts';

interface Deps {
  prisma: PrismaClient;
  now: () => Date;
  changed?: (initiativeId: number) => void;
}

export interface MyInitiative {
  id: number;
  title: string;
  status: InitiativeStatus;
  submittedAt: Date;
  supportCount: number;
  progressPercent: number;
  reasonCode: string | null;
  reasonNote: string | null;
}

export type SupportResult = 'added' | 'already' | 'own';

const DAY_MS = 86_400_000;

export function createInitiativeCitizen({ prisma, now, changed }: Deps) {
  async function openOne(id: number) {
    const ini = await prisma.initiative.findUnique({ where: { id }, select: { id: true, status: true, citizenId: true } });
    if (!ini || !['published', 'in_progress', 'implemented'].includes(ini.status)) throw notFound('initiative.not_found');
    if (!OPEN_STATUSES.includes(ini.status)) throw conflict('initiative.not_open', { status: ini.status });
    return ini;
  }

  return {
    /** Supports (and follows) a published or running initiative; the author's own support is not counted. */
    async support(citizenId: number, id: number): Promise<SupportResult> {
      const ini = await openOne(id);
      if (ini.citizenId === citizenId) return 'own';
      const at = now();
      const result = await prisma.$transaction(async (tx) => {
        const f = await tx.initiativeFollower.findUnique({ where: { initiativeId_citizenId: { initiativeId: id, citizenId } } });
        if (f?.supported) return 'already' as const;
        if (f)
          await tx.initiativeFollower.update({ where: { initiativeId_citizenId: { initiativeId: id, citizenId } }, data: { supported: true, createdAt: at } });
        else await tx.initiativeFollower.create({ data: { initiativeId: id, citizenId, supported: true, createdAt: at } });
        await tx.initiative.update({ where: { id }, data: { supportCount: { increment: 1 } } });
        await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'initiative.support', entity: 'initiative', entityId: id });
        return 'added' as const;
      });
      if (result === 'added') changed?.(id);
      return result;
    },

    /** Follows its news without supporting it. */
    async follow(citizenId: number, id: number): Promise<'added' | 'already' | 'own'> {
      const ini = await openOne(id);
      if (ini.citizenId === citizenId) return 'own';
      const { count } = await prisma.initiativeFollower.createMany({
        data: [{ initiativeId: id, citizenId, supported: false, createdAt: now() }],
        skipDuplicates: true,
      });
      return count === 0 ? 'already' : 'added';
    },

    /** Stops following (a support is withdrawn with it). */
    async unfollow(citizenId: number, id: number): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const f = await tx.initiativeFollower.findUnique({ where: { initiativeId_citizenId: { initiativeId: id, citizenId } } });
        if (!f) return;
        await tx.initiativeFollower.delete({ where: { initiativeId_citizenId: { initiativeId: id, citizenId } } });
        if (f.supported) {
          await tx.initiative.update({ where: { id }, data: { supportCount: { decrement: 1 } } });
          await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'initiative.unsupport', entity: 'initiative', entityId: id });
        }
      });
    },

    /** Whether the citizen supports / follows it (for the bot's card). */
    async relation(
      citizenId: number,
      id: number,
    ): Promise<{ following: boolean; supported: boolean; own: boolean; rating: number | null; satisfaction: SatisfactionAnswer | null }> {
      const [f, ini, r] = await Promise.all([
        prisma.initiativeFollower.findUnique({ where: { initiativeId_citizenId: { initiativeId: id, citizenId } } }),
        prisma.initiative.findUnique({ where: { id }, select: { citizenId: true } }),
        prisma.initiativeRating.findUnique({ where: { initiativeId_citizenId: { initiativeId: id, citizenId } } }),
      ]);
      return { following: !!f, supported: !!f?.supported, own: ini?.citizenId === citizenId, rating: r?.rating ?? null, satisfaction: r?.satisfaction ?? null };
    },

    /** The citizen's own proposals, newest first. */
    async mine(citizenId: number, page: { offset?: number; limit?: number } = {}): Promise<{ items: MyInitiative[]; total: number }> {
      const where = { citizenId };
      const [items, total] = await Promise.all([
        prisma.initiative.findMany({
          where,
          orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
          skip: page.offset ?? 0,
          take: page.limit ?? 10,
          select: { id: true, title: true, status: true, submittedAt: true, supportCount: true, progressPercent: true, reasonCode: true, reasonNote: true },
        }),
        prisma.initiative.count({ where }),
      ]);
      return { items, total };
    },

    /**
     * Rates an implemented initiative 1–5 (again: replaces the earlier rating) within INITIATIVE_RATING_DAYS of its
     * implementation, if the citizen is linked to it or lives in its region.
     */
    async rate(citizenId: number, id: number, rating: number): Promise<{ replaced: boolean }> {
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw invalid('initiative.bad_rating');
      const at = now();
      return prisma
        .$transaction(async (tx) => {
          const ini = await tx.initiative.findUnique({
            where: { id },
            select: { id: true, status: true, citizenId: true, regionId: true, implementedAt: true },
          });
          if (!ini || !['published', 'in_progress', 'implemented'].includes(ini.status)) throw notFound('initiative.not_found');
          if (ini.status !== 'implemented' || !ini.implementedAt) throw conflict('initiative.not_implemented');
          if (at.getTime() - ini.implementedAt.getTime() > INITIATIVE_RATING_DAYS * DAY_MS)
            throw conflict('initiative.rating_closed', { days: INITIATIVE_RATING_DAYS });
          if (!(await linked(tx, citizenId, ini))) throw forbidden('initiative.rating_not_linked');
          const key = { initiativeId_citizenId: { initiativeId: id, citizenId } };
          const before = await tx.initiativeRating.findUnique({ where: key });
          await tx.initiativeRating.upsert({ where: key, create: { initiativeId: id, citizenId, rating, createdAt: at }, update: { rating, createdAt: at } });
          await recordAudit(
            tx,
            { type: 'citizen', id: citizenId },
            { action: 'initiative.rate', entity: 'initiative', entityId: id, before: before ? { rating: before.rating } : undefined, after: { rating } },
          );
          return { replaced: !!before };
        })
        .finally(() => changed?.(id));
    },

    /** The satisfaction answer on the national scale, after a rating (DOMAIN.md "Satisfaction scales"). */
    async satisfaction(citizenId: number, id: number, answer: SatisfactionAnswer): Promise<void> {
      if (!(SATISFACTION as readonly string[]).includes(answer)) throw invalid('initiative.bad_satisfaction');
      await prisma.$transaction(async (tx) => {
        const r = await tx.initiativeRating.findUnique({ where: { initiativeId_citizenId: { initiativeId: id, citizenId } } });
        if (!r) throw conflict('initiative.rate_first');
        await tx.initiativeRating.update({ where: { initiativeId_citizenId: { initiativeId: id, citizenId } }, data: { satisfaction: answer } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'initiative.satisfaction', entity: 'initiative', entityId: id, after: { satisfaction: answer } },
        );
      });
      changed?.(id);
    },
  };
}

/** The author, a follower or supporter, a volunteer who attended its event, or a resident of its region. */
async function linked(
  tx: Pick<PrismaClient, 'initiativeFollower' | 'volunteerApplication' | 'citizen'>,
  citizenId: number,
  ini: { id: number; citizenId: number | null; regionId: number },
): Promise<boolean> {
  if (ini.citizenId === citizenId) return true;
  if (await tx.initiativeFollower.findUnique({ where: { initiativeId_citizenId: { initiativeId: ini.id, citizenId } }, select: { citizenId: true } }))
    return true;
  const attended = await tx.volunteerApplication.findFirst({
    where: { citizenId, opportunity: { initiativeId: ini.id }, state: 'attended', OR: [{ confirmedByVolunteer: null }, { confirmedByVolunteer: true }] },
    select: { id: true },
  });
  if (attended) return true;
  const c = await tx.citizen.findUnique({ where: { id: citizenId }, select: { regionId: true } });
  return c?.regionId === ini.regionId;
}
