// The citizen's report draft: saved answer by answer, so nothing entered is ever lost, and filed as a report.
// Inside a bot update (a chat-state unit) it is read with the update's first statement and written with its
// last (report-draft-unit.ts); elsewhere every call reads and writes at once.
import type { Prisma, PrismaClient, Report } from '../../generated/prisma/client.ts';
import type { ChatState, UnitStart } from '../chat-state/chat-state.ts';
import { localDate, localMidnight } from '../calendar/local-time.ts';
import { invalid } from '../errors.ts';
import type { Draft, DraftFields } from './report-citizen.ts';
import { EVIDENCE_MAX, type EvidenceInput, type ReportService } from './report-service.ts';
import {
  draftFromRead,
  draftKey,
  draftRead,
  draftWriteSql,
  EMPTY_FIELDS,
  mergeWrite,
  todayKey,
  writeKey,
  type DraftPatch,
  type DraftWrite,
} from './report-draft-unit.ts';
import { duplicatesKey, readFor, type DuplicateCandidate, type DuplicateInput, type DuplicatesRead } from './report-duplicates.ts';

function toDraft(row: Prisma.ReportDraftGetPayload<object>): Draft {
  const { citizenId: _c, createdAt: _a, evidence, ...fields } = row;
  return { ...fields, evidence: (evidence as unknown as EvidenceInput[]) ?? [] };
}

export function createReportDrafts({
  prisma,
  reports,
  now,
  chatState,
}: {
  prisma: PrismaClient;
  reports: ReportService;
  now: () => Date;
  chatState?: Pick<ChatState, 'recall' | 'remember' | 'defer' | 'deferred' | 'inUnit'>;
}) {
  // Within one update of the citizen's chat (a chat-state unit) nothing else writes their draft: what was read
  // or written is read again from there. Every write below keeps or forgets it.
  const keep = (citizenId: number, draft: Draft | null | undefined) => chatState?.remember(draftKey(citizenId), draft);
  const inUnit = (citizenId: number) => chatState?.inUnit(draftKey(citizenId)) === true;

  /**
   * Inside a unit: the change joins the unit's merged write of the draft (report-draft-unit.ts). A unit that
   * ended while the caller awaited (e.g. reading the draft) takes nothing: then it is written at once, not lost.
   */
  async function deferWrite(citizenId: number, w: DraftWrite): Promise<void> {
    const sql = draftWriteSql(citizenId, w);
    if (chatState!.defer(draftKey(citizenId), sql)) chatState!.remember(writeKey(citizenId), w);
    else await prisma.$executeRaw(sql);
  }

  /** Inside a unit: the draft patched in memory, written at the unit's end. */
  async function patchInUnit(citizenId: number, patch: DraftPatch): Promise<Draft> {
    const before = await service.getDraft(citizenId);
    const at = now();
    await deferWrite(citizenId, mergeWrite(chatState!.recall<DraftWrite>(writeKey(citizenId)), patch, at));
    const draft: Draft = { ...EMPTY_FIELDS, evidence: [], ...before, ...patch, updatedAt: at };
    keep(citizenId, draft);
    return draft;
  }

  /** A change the unit has not written yet goes to the database now (before the draft is filed). */
  async function flushDeferred(citizenId: number): Promise<void> {
    const sql = chatState?.deferred(draftKey(citizenId));
    if (!sql) return;
    await prisma.$executeRaw(sql);
    chatState!.defer(draftKey(citizenId), null);
    chatState!.remember(writeKey(citizenId), undefined);
  }

  const service = {
    async getDraft(citizenId: number): Promise<Draft | null> {
      const kept = chatState?.recall<Draft | null>(draftKey(citizenId));
      if (kept !== undefined) return kept;
      const row = await prisma.reportDraft.findUnique({ where: { citizenId } });
      const draft = row ? toDraft(row) : null;
      keep(citizenId, draft);
      return draft;
    },

    /**
     * The draft of the citizen with this Telegram id, read in a bot update's first statement (core/chat-state):
     * `reads` goes into the unit's parts; `keep` makes it what getDraft answers for the rest of the update.
     * `duplicates`: the update is the summary's «send», so the candidates for its search are read with the draft
     * (an update that cannot offer them reads none).
     */
    inUnit(telegramId: number | bigint, { duplicates = false }: { duplicates?: boolean } = {}) {
      return {
        reads: { reportDraft: draftRead(telegramId, localMidnight(localDate(now())), duplicates ? reports.duplicateRadiusM : null) },
        keep(start: UnitStart, citizenId: number) {
          const row = start.reads.reportDraft;
          if (!row || (row.citizenId != null && row.citizenId !== citizenId)) return;
          const draft = draftFromRead(row);
          keep(citizenId, draft);
          chatState?.remember(todayKey(citizenId), row.filedToday);
          const candidates = row.duplicateCandidates as DuplicateCandidate[] | null;
          if (draft && candidates) {
            const { categoryId, regionId, districtId, lat, lon } = draft;
            chatState?.remember(duplicatesKey(citizenId), { categoryId, regionId, districtId, lat, lon, candidates });
          }
        },
      };
    },

    /**
     * Open reports that may be the same problem as the draft with these answers (reports.findDuplicates):
     * scored from the candidates the bot's update read with the draft, when they were read for these answers;
     * else searched.
     */
    async findDuplicates(citizenId: number, input: DuplicateInput): Promise<Array<{ report: DuplicateCandidate; distanceM: number | null }>> {
      const read = chatState?.recall<DuplicatesRead>(duplicatesKey(citizenId));
      if (read && readFor(read, input)) return reports.scoreDuplicates(input, read.candidates);
      return reports.findDuplicates(input);
    },

    /** How many more reports the citizen may file today (reports.remainingToday), as the bot's update read it. */
    async remainingToday(citizenId: number): Promise<number> {
      const filed = chatState?.recall<number>(todayKey(citizenId));
      return filed === undefined ? reports.remainingToday(citizenId) : Math.max(0, reports.perDay - filed);
    },

    async saveDraft(citizenId: number, patch: Partial<DraftFields>): Promise<Draft> {
      if (inUnit(citizenId)) return patchInUnit(citizenId, patch);
      keep(citizenId, undefined);
      const row = await prisma.reportDraft.upsert({ where: { citizenId }, create: { citizenId, ...patch }, update: patch });
      const draft = toDraft(row);
      keep(citizenId, draft);
      return draft;
    },

    /** Adds one file to the draft; a file already there (same unique id, e.g. a resent album) is not added twice. */
    async addDraftEvidence(citizenId: number, item: EvidenceInput): Promise<{ count: number; added: boolean }> {
      const draft = (await service.getDraft(citizenId)) ?? (await service.saveDraft(citizenId, {}));
      const dup = item.fileUniqueId && draft.evidence.some((e) => e.fileUniqueId === item.fileUniqueId);
      if (dup || draft.evidence.length >= EVIDENCE_MAX) return { count: draft.evidence.length, added: false };
      const evidence = [...draft.evidence, item];
      if (inUnit(citizenId)) {
        await patchInUnit(citizenId, { evidence });
        return { count: evidence.length, added: true };
      }
      keep(citizenId, undefined);
      const row = await prisma.reportDraft.update({ where: { citizenId }, data: { evidence: evidence as unknown as Prisma.InputJsonValue } });
      keep(citizenId, toDraft(row));
      return { count: evidence.length, added: true };
    },

    async clearDraftEvidence(citizenId: number): Promise<void> {
      if (inUnit(citizenId)) {
        if (await service.getDraft(citizenId)) await patchInUnit(citizenId, { evidence: [] });
        return;
      }
      keep(citizenId, undefined);
      await prisma.reportDraft.updateMany({ where: { citizenId }, data: { evidence: [] } });
    },

    async discardDraft(citizenId: number): Promise<void> {
      if (inUnit(citizenId)) {
        await deferWrite(citizenId, { kind: 'delete' });
        keep(citizenId, null);
        return;
      }
      keep(citizenId, undefined);
      await prisma.reportDraft.deleteMany({ where: { citizenId } });
      keep(citizenId, null);
    },

    /**
     * Files the draft as a report. The draft goes in the report's own transaction: a connection lost right
     * after the report was written cannot leave the draft behind to be filed a second time, and of two
     * submissions at once (an update handled twice) only the one that removed the draft files a report.
     */
    async submitDraft(citizenId: number): Promise<Report> {
      const d = await service.getDraft(citizenId);
      if (!d || d.categoryId == null || d.regionId == null || d.description == null) throw invalid('report.draft_incomplete');
      // The filing's transaction removes the draft's row: it must be written by then.
      await flushDeferred(citizenId);
      keep(citizenId, undefined);
      const report = await reports.create(
        { type: 'citizen', id: citizenId },
        {
          source: 'bot',
          citizenId,
          categoryId: d.categoryId,
          regionId: d.regionId,
          districtId: d.districtId,
          lat: d.lat,
          lon: d.lon,
          address: d.address,
          description: d.description,
          anonymous: d.anonymous ?? false,
          showName: d.anonymous === false,
          evidence: d.evidence,
        },
        async (tx) => {
          const { count } = await tx.reportDraft.deleteMany({ where: { citizenId } });
          if (count === 0) throw invalid('report.draft_incomplete');
        },
      );
      keep(citizenId, null);
      chatState?.remember(todayKey(citizenId), undefined);
      return report;
    },

    /** Supporting an existing report instead of filing the draft: the draft is no longer needed. */
    async supportInsteadOfDraft(citizenId: number, reportId: number): Promise<{ added: boolean; report: Report }> {
      const result = await reports.support(citizenId, reportId);
      await service.discardDraft(citizenId);
      const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
      return { ...result, report };
    },
  };
  return service;
}
