// Reading the audit log: admins only, newest first, in pages keyed by the entry id. The role is checked
// here as well as on the route, so no other caller of the service reads the log without it.
import type { AuditLog, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { escapeLike } from '../text.ts';

export interface AuditFilter {
  entity?: string;
  /** an entity's id, or a report's or question's number (KZ-2026-000022) as people quote it */
  entityId?: string;
  actorType?: string;
  actorId?: string;
  /** an exact action, or a prefix ending in * (e.g. staff.*) */
  action?: string;
  from?: Date;
  to?: Date;
}

/** `cursor`: the id of the last entry of the previous page (entries below it come next). */
export interface AuditPage {
  cursor?: bigint;
  limit: number;
}

/** The entities a number may name: the log keeps ids, people quote reports and questions by number. */
const NUMBERED = ['report', 'question'] as const;

/**
 * An id filter as the log's (entity, id) pairs: a plain id as written, a number resolved to the report or
 * question that carries it (none when nothing carries it, so the page is empty rather than unfiltered).
 */
async function subjectsOf(prisma: PrismaClient, f: AuditFilter): Promise<Prisma.AuditLogWhereInput | null> {
  const key = f.entityId?.trim();
  if (!key) return f.entity ? { entity: f.entity } : {};
  // A plain id, or the key of a thing that has no number (a calendar day is its date): filtered as it is.
  if (/^\d+$/.test(key) || (f.entity && !(NUMBERED as readonly string[]).includes(f.entity)))
    return { ...(f.entity ? { entity: f.entity } : {}), entityId: key };
  const kinds = NUMBERED.filter((k) => !f.entity || f.entity === k);
  const [report, question] = await Promise.all([
    kinds.includes('report') ? prisma.report.findUnique({ where: { number: key }, select: { id: true } }) : null,
    kinds.includes('question') ? prisma.question.findUnique({ where: { number: key }, select: { id: true } }) : null,
  ]);
  const pairs = [
    ...(report ? [{ entity: 'report', entityId: String(report.id) }] : []),
    ...(question ? [{ entity: 'question', entityId: String(question.id) }] : []),
  ];
  return pairs.length ? { OR: pairs } : null;
}

function auditWhere(f: AuditFilter, subjects: Prisma.AuditLogWhereInput, cursor: bigint | undefined): Prisma.AuditLogWhereInput {
  return {
    ...subjects,
    ...(f.actorType ? { actorType: f.actorType } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? (f.action.endsWith('*') ? { action: { startsWith: escapeLike(f.action.slice(0, -1)) } } : { action: f.action }) : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
    ...(cursor ? { id: { lt: cursor } } : {}),
  };
}

/** What an entry is about, as a reader names it: a report's or question's number, a person's or project's name. */
export interface AuditSubject {
  kk: string;
  ru: string;
}

/** An entry with the names the log itself keeps only as ids, so the console can say it as a sentence. */
export interface NamedAuditEntry extends AuditLog {
  /** the staff member's full name or the API client's name; null for citizens and the system */
  actorName: string | null;
  subject: AuditSubject | null;
}

const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x && /^\d+$/.test(x)).map(Number))];
const same = (s: string): AuditSubject => ({ kk: s, ru: s });

/** The names of one page's actors and subjects: one query per kind of thing named. */
async function namesOf(prisma: PrismaClient, rows: AuditLog[]) {
  const of = (entity: string) => ids(rows.filter((r) => r.entity === entity).map((r) => r.entityId));
  const staffIds = ids([
    ...rows.filter((r) => r.actorType === 'staff').map((r) => r.actorId),
    ...rows.filter((r) => r.entity === 'staff_user').map((r) => r.entityId),
  ]);
  const clientIds = ids(rows.filter((r) => r.actorType === 'api_client').map((r) => r.actorId));
  const [staff, clients, reports, questions, topics, projects] = await Promise.all([
    staffIds.length ? prisma.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, fullName: true } }) : [],
    clientIds.length ? prisma.apiClient.findMany({ where: { id: { in: clientIds } }, select: { id: true, name: true } }) : [],
    of('report').length ? prisma.report.findMany({ where: { id: { in: of('report') } }, select: { id: true, number: true } }) : [],
    of('question').length ? prisma.question.findMany({ where: { id: { in: of('question') } }, select: { id: true, number: true } }) : [],
    of('discussion_topic').length
      ? prisma.discussionTopic.findMany({ where: { id: { in: of('discussion_topic') } }, select: { id: true, titleKk: true, titleRu: true } })
      : [],
    of('social_project').length
      ? prisma.socialProject.findMany({ where: { id: { in: of('social_project') } }, select: { id: true, nameKk: true, nameRu: true } })
      : [],
  ]);
  const byId = <T extends { id: number }>(xs: T[], f: (x: T) => AuditSubject) => new Map(xs.map((x) => [String(x.id), f(x)]));
  const subjects: Record<string, Map<string, AuditSubject>> = {
    staff_user: byId(staff, (x) => same(x.fullName)),
    report: byId(reports, (x) => same(x.number)),
    question: byId(questions, (x) => same(x.number)),
    discussion_topic: byId(topics, (x) => ({ kk: x.titleKk, ru: x.titleRu })),
    social_project: byId(projects, (x) => ({ kk: x.nameKk, ru: x.nameRu })),
  };
  const actors = { staff: byId(staff, (x) => same(x.fullName)), api_client: byId(clients, (x) => same(x.name)) } as Record<string, Map<string, AuditSubject>>;
  return (r: AuditLog): NamedAuditEntry => ({
    ...r,
    actorName: (r.actorId && actors[r.actorType]?.get(r.actorId)?.ru) ?? null,
    subject: (r.entityId && subjects[r.entity]?.get(r.entityId)) || null,
  });
}

export function createAuditQueries({ prisma }: { prisma: PrismaClient }) {
  return {
    async list(staff: StaffPrincipal, filter: AuditFilter, page: AuditPage): Promise<{ items: NamedAuditEntry[]; nextCursor: bigint | null }> {
      requireRole(staff, ['admin']);
      const subjects = await subjectsOf(prisma, filter);
      if (!subjects) return { items: [], nextCursor: null };
      const rows = await prisma.auditLog.findMany({ where: auditWhere(filter, subjects, page.cursor), orderBy: { id: 'desc' }, take: page.limit + 1 });
      const items = rows.slice(0, page.limit);
      const named = await namesOf(prisma, items);
      return { items: items.map(named), nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
    },
  };
}
