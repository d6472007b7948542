// Which of a report's files the public may see, and staff withholding one of them (issue 17). A photo is public
// only once staff accepted the report (an unchecked photo may show a face, a plate or a document), only while the
// report is in public view, only if it is an image (voice is personal data; video would break a cheap phone's page
// weight), and never once staff withheld that file. The file itself stays for staff.
import type { Prisma, PrismaClient, ReportEvidence } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { PublicChanges } from '../portal/public-changes.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import type { EvidenceSource } from './evidence-store.ts';
import { REPORT } from './report-scope.ts';
import { HIDE_REASON_MAX } from './report-rules.ts';

/** Accepted by staff: taken into work at some point, or resolved by staff (not closed by the author alone). */
export const acceptedWhere = { OR: [{ acceptedAt: { not: null } }, { status: 'resolved', selfResolved: false }] } satisfies Prisma.ReportWhereInput;

/** A file anyone may see: an image of an accepted report in public view that no one withheld. */
export const publicEvidenceWhere = {
  withheldAt: null,
  OR: [{ kind: 'photo' }, { kind: 'document', mimeType: { startsWith: 'image/' } }],
  report: { hidden: false, ...acceptedWhere },
} satisfies Prisma.ReportEvidenceWhereInput;

/** What the console shows on each file: public, withheld, or waiting for acceptance (or never public: not an image). */
export type EvidencePublicity = 'public' | 'withheld' | 'not_accepted' | 'never';

export function evidencePublicity(
  e: Pick<ReportEvidence, 'kind' | 'mimeType' | 'withheldAt'>,
  r: { hidden: boolean; acceptedAt: Date | null; status: string; selfResolved: boolean },
): EvidencePublicity {
  const image = e.kind === 'photo' || (e.kind === 'document' && (e.mimeType ?? '').startsWith('image/'));
  if (!image) return 'never';
  if (e.withheldAt) return 'withheld';
  const accepted = r.acceptedAt != null || (r.status === 'resolved' && !r.selfResolved);
  return accepted && !r.hidden ? 'public' : 'not_accepted';
}

interface Deps {
  prisma: PrismaClient;
  now: () => Date;
  publicChanges?: PublicChanges;
  /** the evidence store's open (fetches from Telegram once, then reads STORAGE_DIR) */
  open(reportId: number, evidenceId: number, report: { number: string }): Promise<EvidenceSource>;
}

export function createEvidencePublicity({ prisma, now, publicChanges, open }: Deps) {
  async function change(actor: Actor, staff: StaffPrincipal, reportId: number, evidenceId: number, reason: string | null) {
    const text = reason?.trim() ?? null;
    if (reason != null && !text) throw invalid('evidence_publicity.reason_required');
    if (text && text.length > HIDE_REASON_MAX) throw invalid('report.note_long', { max: HIDE_REASON_MAX });
    const { report, evidence } = await prisma.$transaction(async (tx) => {
      const report = await loadInScope(tx, staff, REPORT, reportId);
      const before = await tx.reportEvidence.findFirst({ where: { id: evidenceId, reportId } });
      if (!before) throw notFound('evidence.not_found');
      if (text != null && before.withheldAt) throw conflict('evidence_publicity.already_withheld');
      if (text == null && !before.withheldAt) throw conflict('evidence_publicity.not_withheld');
      const staffId = typeof actor.id === 'number' ? actor.id : null;
      const evidence = await tx.reportEvidence.update({
        where: { id: evidenceId },
        data:
          text != null ? { withheldAt: now(), withheldById: staffId, withheldReason: text } : { withheldAt: null, withheldById: null, withheldReason: null },
      });
      await recordAudit(tx, actor, {
        action: text != null ? 'report.evidence_withhold' : 'report.evidence_release',
        entity: 'report',
        entityId: reportId,
        before: { evidenceId, withheld: before.withheldAt != null, reason: before.withheldReason },
        after: { evidenceId, withheld: text != null, reason: text },
      });
      return { report, evidence };
    });
    // After the commit, so no page is rendered again from a state that rolled back.
    publicChanges?.changed({ kind: 'report', number: report.number });
    return evidence;
  }

  return {
    /** Staff keep one file of a report off public pages (a face, a plate, a document); the reason is for staff. */
    withhold: (actor: Actor, staff: StaffPrincipal, reportId: number, evidenceId: number, reason: string) => change(actor, staff, reportId, evidenceId, reason),
    /** The file may be public again (still only once the report is accepted). */
    release: (actor: Actor, staff: StaffPrincipal, reportId: number, evidenceId: number) => change(actor, staff, reportId, evidenceId, null),

    /** The public photos of a report in filing order (ids only: Telegram's file ids never leave the server). */
    async photosOf(reportId: number): Promise<number[]> {
      const rows = await prisma.reportEvidence.findMany({
        where: { reportId, ...publicEvidenceWhere },
        orderBy: { id: 'asc' },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    /** A public photo's bytes, or a 404 for anything else (a guessed id learns nothing). */
    async openPublic(evidenceId: number): Promise<EvidenceSource> {
      const e = await prisma.reportEvidence.findFirst({
        where: { id: evidenceId, ...publicEvidenceWhere },
        select: { reportId: true, report: { select: { number: true } } },
      });
      if (!e) throw notFound('evidence.not_found');
      const source = await open(e.reportId, evidenceId, e.report);
      // An Open311 link is not ours to proxy or to redirect a visitor to as if it were ours.
      if (source.type !== 'file' || !source.mimeType.startsWith('image/')) throw notFound('evidence.not_found');
      return source;
    },
  };
}
