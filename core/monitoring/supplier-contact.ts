// The NGO's contact for a project's monitoring (item 10: the NGO receives the measures). The body's manager
// issues a link t.me/<bot>?start=ngo_<code>; whoever opens it and confirms in the bot becomes the contact that
// measures and document requests are sent to (tellSupplier). Renewing the code voids the old link, and binding
// uses the code up, so a forwarded or leaked link cannot take the role over later.
import type { i18n as I18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { conflict, notFound } from '../errors.ts';
import { newInviteCode, startLink } from '../projects/project-invite.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { tellSupplier } from './measures.ts';
import { bodyProject } from './monitoring-scope.ts';

export const NGO_LINK_PREFIX = 'ngo';

/** The link, or a clear refusal when no bot username is known (BOT_USERNAME unset and the bot not running here). */
export function ngoInviteLink(username: string | null | undefined, code: string): string {
  if (!username) throw conflict('project.no_bot_username');
  return startLink(username, `${NGO_LINK_PREFIX}_${code}`);
}

/** What the bot shows the citizen before they confirm: never a Prisma row. */
export interface NgoInvitation {
  projectId: number;
  names: { nameKk: string; nameRu: string };
  supplier: string;
}

export interface NgoBinding extends NgoInvitation {
  /** false when the citizen already was the contact (the code is used up all the same) */
  changed: boolean;
}

const INVITATION = { id: true, nameKk: true, nameRu: true, supplierName: true } as const;
const invitationOf = (p: { id: number; nameKk: string; nameRu: string; supplierName: string }): NgoInvitation => ({
  projectId: p.id,
  names: { nameKk: p.nameKk, nameRu: p.nameRu },
  supplier: p.supplierName,
});

export function createSupplierContactService({ prisma, i18n, now }: { prisma: PrismaClient; i18n: I18n; now: () => Date }) {
  return {
    /**
     * A new code and its link for the project (the body's staff in scope only); the previous code stops working.
     * Without a bot username nothing changes: the manager would have no link to hand over.
     */
    async issue(actor: Actor, staff: StaffPrincipal, projectId: number, botUsername: string | null): Promise<{ code: string; link: string }> {
      if (!botUsername) throw conflict('project.no_bot_username');
      return prisma.$transaction(async (tx) => {
        const project = await bodyProject(tx, staff, projectId);
        const code = newInviteCode();
        await tx.socialProject.update({ where: { id: project.id }, data: { supplierInviteCode: code } });
        await recordAudit(tx, actor, {
          action: 'monitoring.ngo_invite',
          entity: 'social_project',
          entityId: project.id,
          after: { renewed: project.supplierInviteCode != null },
        });
        return { code, link: ngoInviteLink(botUsername, code) };
      });
    },

    /** The bound contact's name ('' when they gave none), or null when nobody is bound. */
    async contactName(project: { supplierContactId: number | null }): Promise<string | null> {
      if (project.supplierContactId == null) return null;
      const c = await prisma.citizen.findUnique({ where: { id: project.supplierContactId }, select: { name: true } });
      return c ? (c.name ?? '') : null;
    },

    /** The project a code opens, or null for a code no project has now (mistyped, renewed or used). */
    async invitation(code: string): Promise<NgoInvitation | null> {
      const p = await prisma.socialProject.findUnique({ where: { supplierInviteCode: code }, select: INVITATION });
      return p && invitationOf(p);
    },

    /** Binds the citizen as the contact and uses the code up; an earlier contact is told they no longer are. */
    async bind(citizenId: number, code: string): Promise<NgoBinding> {
      return prisma.$transaction(async (tx) => {
        const p = await tx.socialProject.findUnique({ where: { supplierInviteCode: code } });
        if (!p) throw notFound('monitoring.ngo_code_unknown');
        // Conditional on the code: of two presses at once, the second finds it gone.
        const claimed = await tx.socialProject.updateMany({
          where: { id: p.id, supplierInviteCode: code },
          data: { supplierInviteCode: null, supplierContactId: citizenId },
        });
        if (claimed.count === 0) throw notFound('monitoring.ngo_code_unknown');
        const previous = p.supplierContactId;
        if (previous != null && previous !== citizenId) {
          const at = now();
          await tellSupplier(tx, i18n, p, {
            kind: 'monitoring.ngo_replaced',
            key: 'monitoring-bot:replaced',
            dedupeKey: `mn:ngo-off:${p.id}:${previous}:${at.getTime()}`,
            params: {},
            notBefore: at,
          });
        }
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'monitoring.ngo_contact_bind', entity: 'social_project', entityId: p.id, before: { contactId: previous }, after: { contactId: citizenId } },
        );
        return { ...invitationOf(p), changed: previous !== citizenId };
      });
    },
  };
}
