// A staff member's own notices (overdue, escalated, reopened reports), newest first, and marking them
// read. Nobody reads or marks another person's notices: a foreign id is simply not found.
import type { PrismaClient, StaffNotice } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { notFound } from '../errors.ts';
import { keysetPage } from '../db/keyset-page.ts';

export interface NoticePage {
  items: StaffNotice[];
  unread: number;
  nextCursor: number | null;
}

export function createNoticeService({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }) {
  return {
    /** Keyset pages by id, newest first; `unread` counts all unread notices of the person. */
    async list(staffUserId: number, opts: { unreadOnly?: boolean; cursor?: number; limit: number }): Promise<NoticePage> {
      const where = { staffUserId, ...(opts.unreadOnly ? { readAt: null } : {}) };
      const [rows, unread] = await Promise.all([
        prisma.staffNotice.findMany({
          where: { ...where, ...(opts.cursor != null ? { id: { lt: opts.cursor } } : {}) },
          orderBy: { id: 'desc' },
          take: opts.limit + 1,
        }),
        prisma.staffNotice.count({ where: { staffUserId, readAt: null } }),
      ]);
      return { ...keysetPage(rows, opts.limit), unread };
    },

    /** Marks one's own notice read; reading it again changes nothing. */
    async markRead(actor: Actor, staffUserId: number, id: number): Promise<StaffNotice> {
      return prisma.$transaction(async (tx) => {
        const notice = await tx.staffNotice.findFirst({ where: { id, staffUserId } });
        if (!notice) throw notFound('notice.not_found');
        if (notice.readAt) return notice;
        const read = await tx.staffNotice.update({ where: { id }, data: { readAt: now() } });
        await recordAudit(tx, actor, { action: 'notice.read', entity: 'staff_notice', entityId: id });
        return read;
      });
    },
  };
}
