// A department's staff Telegram group: each new report of the department is posted there with buttons
// for the allowed transitions, and the post is edited whenever the report changes (status, due time,
// support). The group is reached through an injected ChatPort, like the outbox dispatcher's, so the sync
// runs in the jobs process and the tests record what it would send.
import type { i18n, TFunction } from 'i18next';
import type { Logger } from 'pino';
import type { Department, PrismaClient, Report } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { notFound } from '../errors.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { ChatMessage, ChatPort } from '../outbox/chat-port.ts';
import type { Offer } from '../offers/button.ts';
import { hasAnyRole, inScope, type Scoped, type StaffPrincipal } from '../staff/scope.ts';
import { linkedStaff, STAFF_CHAT_LOCALE, syncChatGroups, type ChatGroup, type StaffChatSyncRun } from '../staff/staff-chat-kit.ts';
import { canTransition, isOpen, OPEN_STATUSES, statusIcon } from './report-status.ts';
import { formatDue, REPORT_NAMES, reportLines, type NamedReport } from './staff-notify.ts';
import { withEvidenceCounts } from './report-query.ts';
import { staffAction } from './reports-buttons.ts';

/** What each button (`staffAction`) asks for. Resolving and rejecting need a public note. */
export type StaffAction = NonNullable<ReturnType<typeof staffAction.decode>>['action'];
export const STAFF_ACTIONS = { acc: 'in_work', res: 'resolved', rej: 'rejected' } as const satisfies Record<StaffAction, ReportStatus>;

const DESCRIPTION_PREVIEW = 600;
const DAY = 86_400_000;

const POST_INCLUDE = { ...REPORT_NAMES, _count: { select: { evidence: true } } } as const;
type PostedReport = NamedReport & { _count: { evidence: number } };

/** The post about a report: plain text (descriptions are the citizen's own words), buttons for what is allowed now. */
export function renderStaffPost(t: TFunction, locale: Locale, r: PostedReport): ChatMessage {
  const open = isOpen(r.status);
  const due =
    open && r.dueAt
      ? [
          t('staff:chat.due', { due: formatDue(r.dueAt) }),
          ...(r.overdueNotifiedAt ? [t('staff:chat.overdue')] : []),
          ...(r.escalatedAt ? [t('staff:chat.escalated')] : []),
        ].join(' · ')
      : null;
  const text = [
    `${statusIcon(r.status)} ${r.number} · ${t(`reports:status.${r.status}`)}`,
    ...reportLines(t, locale, r, DESCRIPTION_PREVIEW),
    '',
    `${t('staff:chat.files', { n: r._count.evidence })} · ${t('staff:chat.support', { n: r.supportCount })}`,
    ...(due ? [due] : []),
  ].join('\n');
  const button = (action: StaffAction, label: string): Offer[] =>
    canTransition(r.status, STAFF_ACTIONS[action]) ? [staffAction.offer(t(label), { action, reportId: r.id })] : [];
  const rows = [button('acc', 'staff:chat.accept'), [...button('res', 'staff:chat.resolve'), ...button('rej', 'staff:chat.reject')]].filter(
    (row) => row.length > 0,
  );
  return rows.length > 0 ? { text, offers: rows } : { text };
}

export type StaffRefusal = 'not_linked' | 'no_role' | 'out_of_scope';

/** Why this person may not change the report from a group, or null when they may (operators in scope, admins). */
export function staffRefusal(staff: StaffPrincipal | null, report: Scoped): StaffRefusal | null {
  if (!staff) return 'not_linked';
  if (!hasAnyRole(staff, ['operator'])) return 'no_role';
  if (!inScope(staff, report)) return 'out_of_scope';
  return null;
}

/** An admin connects a department to its group (a negative Telegram chat id), or disconnects it with null. */
export async function setDepartmentChat(prisma: PrismaClient, actor: Actor, departmentId: number, chatId: bigint | null): Promise<Department> {
  const before = await prisma.department.findUnique({ where: { id: departmentId } });
  if (!before) throw notFound('not_found');
  return prisma.$transaction(async (tx) => {
    const after = await tx.department.update({ where: { id: departmentId }, data: { telegramChatId: chatId } });
    await recordAudit(tx, actor, {
      action: 'department.telegram_chat',
      entity: 'department',
      entityId: departmentId,
      before: { telegramChatId: before.telegramChatId },
      after: { telegramChatId: chatId },
    });
    return after;
  });
}

export interface StaffPostDeps {
  prisma: PrismaClient;
  chat: ChatPort;
  i18n: i18n;
}

/** Edits one post to the report as it is now and remembers which version it shows. */
async function refreshPost({ prisma, chat, i18n }: StaffPostDeps, row: { reportId: number; chatId: bigint; messageId: bigint }): Promise<void> {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: row.reportId }, include: POST_INCLUDE });
  const post = renderStaffPost(i18n.getFixedT(STAFF_CHAT_LOCALE), STAFF_CHAT_LOCALE, report);
  await chat.edit(row.chatId, Number(row.messageId), post);
  await prisma.reportStaffMessage.update({ where: { reportId_chatId: { reportId: row.reportId, chatId: row.chatId } }, data: { syncedAt: report.updatedAt } });
}

/** Right after a change made from the group, so the person who pressed sees it at once. */
export async function refreshReportPosts(deps: StaffPostDeps, reportId: number): Promise<void> {
  for (const row of await deps.prisma.reportStaffMessage.findMany({ where: { reportId } })) await refreshPost(deps, row);
}

export interface StaffChatSyncDeps extends StaffPostDeps {
  logger: Logger;
  now?: () => Date;
  /**
   * Calls per group per run. Telegram lets a bot send about 20 messages a minute to one group; at a
   * run every 15 s, 4 per run stays under it, and whatever is left waits for the next run.
   */
  perChatPerRun?: number;
  /** only reports this recent are posted, so a newly connected group is not flooded with history */
  postWindowMs?: number;
}

export async function syncStaffChats(deps: StaffChatSyncDeps): Promise<StaffChatSyncRun> {
  const { prisma, chat, i18n, logger, now = () => new Date(), perChatPerRun = 4, postWindowMs = DAY } = deps;
  const t = i18n.getFixedT(STAFF_CHAT_LOCALE);
  const since = new Date(now().getTime() - postWindowMs);
  const departments = await prisma.department.findMany({ where: { telegramChatId: { not: null } }, orderBy: { id: 'asc' } });
  const groups = departments.map((d): ChatGroup<PostedReport, { reportId: number; messageId: bigint }> => {
    const chatId = d.telegramChatId!;
    return {
      chatId,
      label: { department: d.code },
      // Evidence counted for just these reports: `_count` on a findMany … take aggregates the whole table.
      fresh: async (take) =>
        withEvidenceCounts(
          prisma,
          await prisma.report.findMany({
            where: { departmentId: d.id, status: { in: OPEN_STATUSES }, hidden: false, createdAt: { gte: since }, staffMessages: { none: { chatId } } },
            include: REPORT_NAMES,
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take,
          }),
        ),
      async post(r) {
        const sent = await chat.send(chatId, renderStaffPost(t, STAFF_CHAT_LOCALE, r));
        await prisma.reportStaffMessage.create({ data: { reportId: r.id, chatId, messageId: BigInt(sent.messageId), syncedAt: r.updatedAt } });
      },
      // Posts whose report changed since they were last edited (Prisma cannot compare two columns).
      stale: (room) => prisma.$queryRaw<Array<{ reportId: number; messageId: bigint }>>`
        SELECT m."reportId", m."messageId" FROM "ReportStaffMessage" m JOIN "Report" r ON r.id = m."reportId"
        WHERE m."chatId" = ${chatId} AND r."updatedAt" > m."syncedAt"
        ORDER BY r."updatedAt", m."reportId" LIMIT ${room}`,
      refresh: (m) => refreshPost(deps, { reportId: m.reportId, chatId, messageId: m.messageId }),
    };
  });
  return syncChatGroups(logger, groups, perChatPerRun);
}

/** Who pressed a group's button, and on which report: the report, or why they may not act on it. */
export type GroupActor = { refused: 'not_found' } | { refused: StaffRefusal } | { refused: null; staff: StaffPrincipal; report: Report };

/** The staff groups as a service: what the bot's group handlers and the sync job need, scope applied here. */
export function createReportStaffChat({ prisma, i18n, now = () => new Date() }: { prisma: PrismaClient; i18n: i18n; now?: () => Date }) {
  return {
    /** The active staff account linked to this Telegram user, if any. */
    member: (telegramId: number): Promise<StaffPrincipal | null> => linkedStaff(prisma, telegramId),

    /** The report a group member acts on, if they are an operator (or admin) whose scope covers it. */
    async actorOn(telegramId: number, reportId: number): Promise<GroupActor> {
      const report = await prisma.report.findUnique({ where: { id: reportId } });
      if (!report) return { refused: 'not_found' };
      const staff = await linkedStaff(prisma, telegramId);
      const refused = staffRefusal(staff, report);
      if (!staff || refused) return { refused: refused ?? 'not_linked' };
      return { refused: null, staff, report };
    },

    refresh: (reportId: number, chat: ChatPort) => refreshReportPosts({ prisma, chat, i18n }, reportId),

    setDepartmentChat: (actor: Actor, departmentId: number, chatId: bigint | null) => setDepartmentChat(prisma, actor, departmentId, chatId),

    sync: (chat: ChatPort, logger: Logger) => syncStaffChats({ prisma, chat, i18n, logger, now }),
  };
}

export type ReportStaffChat = ReturnType<typeof createReportStaffChat>;
