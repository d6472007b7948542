// State bodies that publish planned topics (an akimat's department, a ministry), kept by admins, and the
// body each project manager works for. Bodies are switched off rather than deleted: their topics and
// Annex reports stay.
import type { PrismaClient, StateBody, StaffUser } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { requireRole, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope, scopedKind } from '../staff/scoped-records.ts';
import { TOPIC_READERS } from './discussion-access.ts';

/** A body of a region serves that region; a national body (no region) serves everyone. */
export const STATE_BODY = scopedKind<StateBody>({
  notFound: 'discussion.body_not_found',
  rule: SCOPES.network,
  load: (db, id) => db.stateBody.findUnique({ where: { id } }),
});

/**
 * A body a request names (a topic's, a project's): in the caller's scope (else 403) and active; an unknown or
 * switched-off body is refused with `refusal` (400), the answer each of those routes has always given.
 */
export async function usableStateBody(db: Tx, p: StaffPrincipal, id: number, refusal: string): Promise<StateBody> {
  const body = await loadInScope(db, p, STATE_BODY, id, () => invalid(refusal));
  if (!body.active) throw invalid(refusal);
  return body;
}

export interface StateBodyInput {
  code: string;
  nameKk: string;
  nameRu: string;
  /** null: a national body */
  regionId: number | null;
  active: boolean;
  /** the first head and their position, who sign Annex 9 (monitoring) */
  headName?: string;
  headPositionKk?: string;
  headPositionRu?: string;
}

export function createStateBodyService({ prisma }: { prisma: PrismaClient }) {
  async function checkRegion(regionId: number | null | undefined) {
    if (regionId != null && !(await prisma.region.findUnique({ where: { id: regionId } }))) throw invalid('discussion.unknown_region');
  }

  async function get(id: number): Promise<StateBody> {
    const body = await prisma.stateBody.findUnique({ where: { id } });
    if (!body) throw notFound('discussion.body_not_found');
    return body;
  }

  // The roles are checked here as well as on the routes: staff who work with topics read the bodies, admins keep them.
  return {
    async get(p: StaffPrincipal, id: number): Promise<StateBody> {
      requireRole(p, TOPIC_READERS);
      return get(id);
    },

    async list(p: StaffPrincipal, opts: { active?: boolean } = {}): Promise<StateBody[]> {
      requireRole(p, TOPIC_READERS);
      return prisma.stateBody.findMany({
        where: opts.active === undefined ? {} : { active: opts.active },
        orderBy: [{ regionId: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
      });
    },

    async create(actor: Actor, p: StaffPrincipal, input: Omit<StateBodyInput, 'active'> & { active?: boolean }): Promise<StateBody> {
      requireRole(p, ['admin']);
      await checkRegion(input.regionId);
      if (await prisma.stateBody.findUnique({ where: { code: input.code } })) throw conflict('discussion.body_code_taken');
      return prisma.$transaction(async (tx) => {
        const body = await tx.stateBody.create({ data: { ...input, active: input.active ?? true } });
        await recordAudit(tx, actor, { action: 'state_body.create', entity: 'state_body', entityId: body.id, after: body });
        return body;
      });
    },

    async update(actor: Actor, p: StaffPrincipal, id: number, patch: Partial<StateBodyInput>): Promise<StateBody> {
      requireRole(p, ['admin']);
      const before = await get(id);
      await checkRegion(patch.regionId);
      if (patch.code && patch.code !== before.code && (await prisma.stateBody.findUnique({ where: { code: patch.code } })))
        throw conflict('discussion.body_code_taken');
      return prisma.$transaction(async (tx) => {
        const after = await tx.stateBody.update({ where: { id }, data: patch });
        await recordAudit(tx, actor, { action: 'state_body.update', entity: 'state_body', entityId: id, before, after });
        return after;
      });
    },

    /** Ties a staff member to the body whose topics they manage (null: every body). */
    async assignStaff(actor: Actor, p: StaffPrincipal, staffUserId: number, stateBodyId: number | null): Promise<StaffUser> {
      requireRole(p, ['admin']);
      const before = await prisma.staffUser.findUnique({ where: { id: staffUserId } });
      if (!before) throw notFound('staff.not_found');
      if (stateBodyId !== null) await get(stateBodyId);
      return prisma.$transaction(async (tx) => {
        const after = await tx.staffUser.update({ where: { id: staffUserId }, data: { stateBodyId } });
        await recordAudit(tx, actor, {
          action: 'staff.state_body',
          entity: 'staff_user',
          entityId: staffUserId,
          before: { stateBodyId: before.stateBodyId },
          after: { stateBodyId },
        });
        return after;
      });
    },
  };
}
