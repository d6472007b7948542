// Who may do what with discussions: project managers (and admins) manage the topics of their state body
// (StaffUser.stateBodyId; none means every body), moderators moderate comments and read the topics. Both
// work within their region, as with reports (SCOPES.region: a topic has a region or is national, and has
// no district or department, which therefore do not narrow it). Another body's or region's topic answers
// as if it did not exist (404), and so does a comment of such a topic.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { forbidden } from '../errors.ts';
import { coverWhere, isAdmin, requireRole, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { scopedKind } from '../staff/scoped-records.ts';
import { TOPIC_NAMES } from './topic-text.ts';

export const TOPIC_MANAGERS: StaffRole[] = ['project_manager'];
export const MODERATORS: StaffRole[] = ['moderator'];
export const TOPIC_READERS: StaffRole[] = ['project_manager', 'moderator'];

export const TOPIC = scopedKind({
  notFound: 'discussion.not_found',
  rule: SCOPES.region,
  outOfScope: 'not_found',
  load: (db, id) => db.discussionTopic.findUnique({ where: { id }, include: TOPIC_NAMES }),
});

/** What telling a comment's author needs. */
export const AUTHOR = { citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } } } as const;

/** A comment sits where its topic does. */
export const COMMENT = scopedKind({
  notFound: 'discussion.comment_not_found',
  rule: SCOPES.region,
  outOfScope: 'not_found',
  load: (db, id) => db.discussionComment.findUnique({ where: { id }, include: { ...AUTHOR, topic: { include: TOPIC_NAMES } } }),
  place: (c) => c.topic,
});

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

/** May `p` read this topic: in their region, and a manager's body's unless they moderate too. */
export async function mayRead(prisma: PrismaClient, p: StaffPrincipal, topic: { stateBodyId: number }): Promise<boolean> {
  requireRole(p, TOPIC_READERS);
  if (p.roles.includes('moderator')) return true;
  const body = await ownBody(prisma, p);
  return body === null || body === topic.stateBodyId;
}

/** A `where` fragment limiting topics to those `p` may read: their region's; a manager's body's only. */
export async function topicScopeWhere(prisma: PrismaClient, p: StaffPrincipal): Promise<{ stateBodyId?: number; regionId?: number }> {
  requireRole(p, TOPIC_READERS);
  const region = coverWhere(SCOPES.region, p) as { regionId?: number };
  if (p.roles.includes('moderator')) return region;
  const body = await ownBody(prisma, p);
  return body === null ? region : { ...region, stateBodyId: body };
}
