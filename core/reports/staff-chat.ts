// A department's staff Telegram group: each new report of the department is posted there with buttons
// for the allowed transitions, and the post is edited whenever the report changes (status, due time,
// support). Telegram is reached through an injected `send`, like the outbox dispatcher's, so the sync
// runs in the jobs process and the tests record what it would send.
import type { i18n, TFunction } from 'i18next';
import type { Logger } from 'pino';
import type { Department, PrismaClient } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { notFound } from '../errors.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { ApiFailure, SendFn } from '../outbox/dispatcher.ts';
import { hasAnyRole, inScope, type Scoped, type StaffPrincipal } from '../staff/scope.ts';
import { toPrincipal } from '../staff/staff-service.ts';
import { canTransition, isOpen, OPEN_STATUSES, statusIcon } from './report-status.ts';
import { formatDue, REPORT_NAMES, reportLines, type NamedReport } from './staff-notify.ts';

/** One language for everyone in a group; a per-department choice would need a column on Department. */
export const STAFF_CHAT_LOCALE: Locale = 'ru';

/** Button actions: callback data `sg:<action>:<reportId>`. Resolving and rejecting need a public note. */
export const STAFF_ACTIONS = { acc: 'in_work', res: 'resolved', rej: 'rejected' } as const satisfies Record<string, ReportStatus>;
export type StaffAction = keyof typeof STAFF_ACTIONS;
export const STAFF_CALLBACK = /^sg:(acc|res|rej):(\d+)$/;

const DESCRIPTION_PREVIEW = 600;
const DAY = 86_400_000;

const POST_INCLUDE = { ...REPORT_NAMES, _count: { select: { evidence: true } } } as const;
type PostedReport = NamedReport & { _count: { evidence: number } };

export interface StaffPost {
  text: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}

/** The post about a report: plain text (descriptions are the citizen's own words), buttons for what is allowed now. */
export function renderStaffPost(t: TFunction, locale: Locale, r: PostedReport): StaffPost {
  const open = isOpen(r.status);
  const due = open && r.dueAt
    ? [t('staff:chat.due', { due: formatDue(r.dueAt) }), ...(r.overdueNotifiedAt ? [t('staff:chat.overdue')] : []), ...(r.escalatedAt ? [t('staff:chat.escalated')] : [])].join(' · ')
    : null;
  const text = [
    `${statusIcon(r.status)} ${r.number} · ${t(`report:status.${r.status}`)}`,
    ...reportLines(t, locale, r, DESCRIPTION_PREVIEW),
    '',
    `${t('staff:chat.files', { n: r._count.evidence })} · ${t('staff:chat.support', { n: r.supportCount })}`,
    ...(due ? [due] : []),
  ].join('\n');
  const button = (a: StaffAction, label: string) => (canTransition(r.status, STAFF_ACTIONS[a]) ? [{ text: t(label), callback_data: `sg:${a}:${r.id}` }] : []);
  const rows = [button('acc', 'staff:chat.accept'), [...button('res', 'staff:chat.resolve'), ...button('rej', 'staff:chat.reject')]].filter((row) => row.length > 0);
  return rows.length > 0 ? { text, reply_markup: { inline_keyboard: rows } } : { text };
}

export type StaffRefusal = 'not_linked' | 'no_role' | 'out_of_scope';

/** The active staff account linked to a Telegram user, if any. */
export async function linkedStaff(prisma: PrismaClient, telegramId: number): Promise<StaffPrincipal | null> {
  const user = await prisma.staffUser.findFirst({ where: { telegramId: BigInt(telegramId), active: true } });
  return user ? toPrincipal(user) : null;
}

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
    await recordAudit(tx, actor, { action: 'department.telegram_chat', entity: 'department', entityId: departmentId, before: { telegramChatId: before.telegramChatId }, after: { telegramChatId: chatId } });
    return after;
  });
}

export interface StaffPostDeps {
  prisma: PrismaClient;
  send: SendFn;
  i18n: i18n;
}

const ALREADY_DONE = /message is not modified|message to edit not found/i;

/** Edits one post to the report as it is now and remembers which version it shows. */
async function refreshPost({ prisma, send, i18n }: StaffPostDeps, row: { reportId: number; chatId: bigint; messageId: bigint }): Promise<void> {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: row.reportId }, include: POST_INCLUDE });
  const post = renderStaffPost(i18n.getFixedT(STAFF_CHAT_LOCALE), STAFF_CHAT_LOCALE, report);
  try {
    await send('editMessageText', { chat_id: Number(row.chatId), message_id: Number(row.messageId), ...post });
  } catch (e) {
    // Nothing to change (two refreshes of one change), or someone deleted the post: either way it is done.
    if (!ALREADY_DONE.test((e as ApiFailure).description ?? '')) throw e;
  }
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

export interface StaffChatSyncRun {
  posted: number;
  edited: number;
  failed: number;
}

/** Telegram refuses the whole chat (bot removed, chat gone): nothing more to try there this run. */
const CHAT_GONE = /bot was kicked|chat not found|not enough rights|have no rights|bot is not a member|group chat was upgraded/i;

export async function syncStaffChats(deps: StaffChatSyncDeps): Promise<StaffChatSyncRun> {
  const { prisma, send, i18n, logger, now = () => new Date(), perChatPerRun = 4, postWindowMs = DAY } = deps;
  const t = i18n.getFixedT(STAFF_CHAT_LOCALE);
  const since = new Date(now().getTime() - postWindowMs);
  const run: StaffChatSyncRun = { posted: 0, edited: 0, failed: 0 };
  const departments = await prisma.department.findMany({ where: { telegramChatId: { not: null } }, orderBy: { id: 'asc' } });

  for (const d of departments) {
    const chatId = d.telegramChatId!;
    const work: Array<() => Promise<void>> = [];
    // New reports first: they are what the group is for.
    const fresh = await prisma.report.findMany({
      where: { departmentId: d.id, status: { in: OPEN_STATUSES }, hidden: false, createdAt: { gte: since }, staffMessages: { none: { chatId } } },
      include: POST_INCLUDE,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: perChatPerRun,
    });
    for (const r of fresh) {
      work.push(async () => {
        const sent = (await send('sendMessage', { chat_id: Number(chatId), ...renderStaffPost(t, STAFF_CHAT_LOCALE, r) })) as { message_id: number };
        await prisma.reportStaffMessage.create({ data: { reportId: r.id, chatId, messageId: BigInt(sent.message_id), syncedAt: r.updatedAt } });
        run.posted += 1;
      });
    }
    const room = perChatPerRun - fresh.length;
    if (room > 0) {
      // Posts whose report changed since they were last edited (Prisma cannot compare two columns).
      const stale = await prisma.$queryRaw<Array<{ reportId: number; messageId: bigint }>>`
        SELECT m."reportId", m."messageId" FROM "ReportStaffMessage" m JOIN "Report" r ON r.id = m."reportId"
        WHERE m."chatId" = ${chatId} AND r."updatedAt" > m."syncedAt"
        ORDER BY r."updatedAt", m."reportId" LIMIT ${room}`;
      for (const m of stale) {
        work.push(async () => {
          await refreshPost(deps, { reportId: m.reportId, chatId, messageId: m.messageId });
          run.edited += 1;
        });
      }
    }
    for (const step of work) {
      try {
        await step();
      } catch (e) {
        run.failed += 1;
        const err = e as ApiFailure;
        const description = err.description ?? err.message ?? String(e);
        if (err.error_code === 429) {
          logger.warn({ chatId: String(chatId), description }, 'staff chat: flood control, the rest waits for the next run');
          return run;
        }
        logger.warn({ chatId: String(chatId), department: d.code, description }, 'staff chat: Telegram refused; retried next run');
        if (err.error_code === 403 || CHAT_GONE.test(description)) break;
      }
    }
  }
  return run;
}
