// Moderators' and project managers' decisions on a proposal, in their region and district: publish it, return it
// to the author with a reason (the author edits it in the bot and sends it again), or reject it with a reason.
// The author hears each decision in their language; each is an event and an audit entry.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { invalid } from '../errors.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { INITIATIVE, INITIATIVE_DECIDERS } from './initiative-access.ts';
import { recordChange } from './initiative-events.ts';
import { tellAuthor } from './initiative-notify.ts';
import { checkNote, REJECT_REASONS, RETURN_REASONS, type RejectReason, type ReturnReason } from './initiative-rules.ts';
import { nextStatus } from './initiative-status.ts';

interface Deps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  changed?: (initiativeId: number) => void;
}

export interface Decision {
  /** required for return and reject */
  reasonCode?: ReturnReason | RejectReason;
  /** required for return and reject: to the author, in their language (the console says which) */
  note?: string;
  /** reject as a duplicate: the initiative it repeats (in the caller's scope) */
  duplicateOfId?: number;
}

export function createInitiativeDecisions({ prisma, i18n, now, changed }: Deps) {
  async function decide(actor: Actor, p: StaffPrincipal, id: number, action: 'publish' | 'return' | 'reject', d: Decision = {}): Promise<void> {
    requireRole(p, INITIATIVE_DECIDERS);
    const reasons: readonly string[] = action === 'return' ? RETURN_REASONS : REJECT_REASONS;
    const reason = action === 'publish' ? null : { code: d.reasonCode ?? '', note: checkNote(d.note) };
    if (reason && !reasons.includes(reason.code)) throw invalid('initiative.reason_required');
    const at = now();
    await prisma.$transaction(async (tx) => {
      const ini = await loadInScope(tx, p, INITIATIVE, id);
      const to = nextStatus(ini.status, action);
      let duplicateOfId: number | null = null;
      if (action === 'reject' && reason?.code === 'duplicate') {
        if (d.duplicateOfId == null || d.duplicateOfId === id) throw invalid('initiative.duplicate_required');
        duplicateOfId = (await loadInScope(tx, p, INITIATIVE, d.duplicateOfId)).id;
      }
      await tx.initiative.update({
        where: { id },
        data: {
          status: to,
          reasonCode: reason?.code ?? null,
          reasonNote: reason?.note ?? null,
          duplicateOfId,
          publishedAt: action === 'publish' ? at : ini.publishedAt,
        },
      });
      const type = action === 'publish' ? 'published' : action === 'return' ? 'returned' : 'rejected';
      const eventId = await recordChange(tx, actor, {
        initiativeId: id,
        at,
        type,
        action: `initiative.${action}`,
        from: ini.status,
        to,
        data: reason ? { reasonCode: reason.code, note: reason.note, duplicateOfId } : undefined,
        before: { status: ini.status },
        after: { status: to, ...reason, duplicateOfId },
      });
      await tellAuthor(tx, i18n, ini, type, eventId, at, reason ?? undefined);
    });
    changed?.(id);
  }

  return {
    publish: (actor: Actor, p: StaffPrincipal, id: number) => decide(actor, p, id, 'publish'),
    return: (actor: Actor, p: StaffPrincipal, id: number, d: Decision) => decide(actor, p, id, 'return', d),
    reject: (actor: Actor, p: StaffPrincipal, id: number, d: Decision) => decide(actor, p, id, 'reject', d),
  };
}
