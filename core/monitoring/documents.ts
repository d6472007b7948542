// Documents the conductor requests from the NGO (item 9: the experts «ақпарат пен құжаттарды сұратады»): sent to
// the NGO's contact in Telegram, and recorded as received with a note (files from the bot, or paper copies).
import type { i18n as I18n } from 'i18next';
import type { DocumentRequest, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { formatLocalDate, isDateString, localDate, localMidnight } from '../calendar/local-time.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { dateOnly } from '../projects/project-rules.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { TEXT_MAX, TITLE_MAX } from './monitoring-rules.ts';
import { conductedRound } from './monitoring-scope.ts';
import { tellSupplier } from './measures.ts';

export function createDocumentService({ prisma, i18n, now }: { prisma: PrismaClient; i18n: I18n; now: () => Date }) {
  return {
    async request(actor: Actor, staff: StaffPrincipal, roundId: number, input: { title: string; dueOn?: string | null }): Promise<DocumentRequest> {
      const title = input.title.trim();
      if (!title) throw invalid('monitoring.document_title_required');
      if (title.length > TITLE_MAX) throw invalid('monitoring.text_long', { max: TITLE_MAX });
      if (input.dueOn != null && (!isDateString(input.dueOn) || input.dueOn < localDate(now()))) throw invalid('monitoring.due_in_past');
      return prisma.$transaction(async (tx) => {
        const { round, project } = await conductedRound(tx, staff, roundId);
        if (round.status !== 'in_progress') throw conflict('monitoring.round_not_started');
        const at = now();
        const r = await tx.documentRequest.create({
          data: { roundId, projectId: project.id, title, dueOn: input.dueOn ? dateOnly(input.dueOn) : null, requestedById: staff.id, requestedAt: at },
        });
        const date = input.dueOn ? formatLocalDate(localMidnight(input.dueOn)) : '—';
        const sent = await tellSupplier(tx, i18n, project, {
          kind: 'monitoring.documents',
          key: 'monitoring:ngo.documents',
          dedupeKey: `mn:docs:${r.id}`,
          params: { title, date },
          notBefore: at,
        });
        const after = sent ? await tx.documentRequest.update({ where: { id: r.id }, data: { sentAt: at } }) : r;
        await recordAudit(tx, actor, {
          action: 'monitoring.documents_request',
          entity: 'document_request',
          entityId: r.id,
          after: { roundId, title, dueOn: input.dueOn ?? null, sent },
        });
        return after;
      });
    },

    async received(actor: Actor, staff: StaffPrincipal, requestId: number, input: { note: string }): Promise<DocumentRequest> {
      const note = input.note.trim();
      if (!note) throw invalid('monitoring.note_required');
      if (note.length > TEXT_MAX) throw invalid('monitoring.text_long', { max: TEXT_MAX });
      return prisma.$transaction(async (tx) => {
        const r = await tx.documentRequest.findUnique({ where: { id: requestId } });
        if (!r) throw notFound('monitoring.request_not_found');
        await conductedRound(tx, staff, r.roundId);
        if (r.receivedAt) throw conflict('monitoring.already_received');
        const after = await tx.documentRequest.update({ where: { id: requestId }, data: { receivedAt: now(), receivedNote: note, recordedById: staff.id } });
        await recordAudit(tx, actor, { action: 'monitoring.documents_received', entity: 'document_request', entityId: requestId, after: { note } });
        return after;
      });
    },
  };
}
