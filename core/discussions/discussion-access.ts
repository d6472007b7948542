// Who may do what with discussions: project managers (and admins) manage the topics of their state body
// (StaffUser.stateBodyId; none means every body), moderators moderate comments and read every topic.
// Roles are checked with the same helpers as every other staff action (core/staff/scope.ts).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { forbidden } from '../errors.ts';
import { isAdmin, requireRole, type StaffPrincipal } from '../staff/scope.ts';

export const TOPIC_MANAGERS: StaffRole[] = ['project_manager'];
export const MODERATORS: StaffRole[] = ['moderator'];
export const TOPIC_READERS: StaffRole[] = ['project_manager', 'moderator'];

/** The body a manager works for; null: every body (admins, and managers not tied to one). */
async function ownBody(prisma: PrismaClient, p: StaffPrincipal): Promise<number | null> {
  if (isAdmin(p)) return null;
  const u = await prisma.staffUser.findUnique({ where: { id: p.id }, select: { stateBodyId: true } });
  return u?.stateBodyId ?? null;
}

/** Refuses unless `p` manages topics of the body `stateBodyId`. */
export async function assertManages(prisma: PrismaClient, p: StaffPrincipal, stateBodyId: number): Promise<void> {
  requireRole(p, TOPIC_MANAGERS);
  const body = await ownBody(prisma, p);
  if (body !== null && body !== stateBodyId) throw forbidden('auth.out_of_scope');
}

/** A `where` fragment limiting topics to those `p` may read: moderators read all, managers their body's. */
export async function topicScopeWhere(prisma: PrismaClient, p: StaffPrincipal): Promise<{ stateBodyId?: number }> {
  requireRole(p, TOPIC_READERS);
  if (p.roles.includes('moderator')) return {};
  const body = await ownBody(prisma, p);
  return body === null ? {} : { stateBodyId: body };
}
