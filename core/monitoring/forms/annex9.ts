// Annex 9 of a state body (item 21): a report per body, year and kind (half-year, annual). Its rows are the
// body's projects running in the period; column 7 is drafted from the monitoring rounds and stored per row
// in Kazakh and Russian, so staff can edit it before export; a redraft rewrites only the rows nobody edited
// unless forced. Column 8 is the Annex 8 total in the annual version. Submitting needs a signer (note 3),
// freezes the exported table and marks the form's deadline done.
import type { i18n } from 'i18next';
import type { MonitoringReport, PrismaClient, SocialProject } from '../../../generated/prisma/client.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { localMidnight } from '../../calendar/local-time.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { report as councilReport } from '../../evaluation/expert-scoring.ts';
import type { Locale } from '../../i18n/i18n.ts';
import type { StaffPrincipal } from '../../staff/scope.ts';
import { draftColumn7 } from './annex9-draft.ts';
import { column7Facts, type Period } from './annex9-facts.ts';
import { annex9Table, type Annex9Row, type Annex9Table, type Column8, type ReportKind } from './annex9-table.ts';
import { endOfLocalDay } from './form-calendar.ts';
import { bodyInScope } from './forms-scope.ts';

export interface Annex9Deps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  /** extra annual lines per project (issue 25 plugs in here; plan §0 `Column7Contributor`) */
  contributors?: ReadonlyArray<(projectId: number, period: Period, locale: Locale) => Promise<string[]>>;
}

export interface ReportKey {
  stateBodyId: number;
  year: number;
  kind: ReportKind;
}

export interface SignerInput {
  name: string;
  positionKk: string;
  positionRu: string;
  acting: boolean;
}

export const periodOf = (year: number, kind: ReportKind): Period => ({
  year,
  from: localMidnight(`${year}-01-01`),
  to: endOfLocalDay(kind === 'half_year' ? `${year}-06-30` : `${year}-12-31`),
});

const audit = (p: StaffPrincipal) => ({ type: 'staff' as const, id: p.id });

export function createAnnex9Service({ prisma, i18n, now, contributors = [] }: Annex9Deps) {
  const projectsOf = (r: MonitoringReport) => {
    const period = periodOf(r.year, r.kind);
    return prisma.socialProject.findMany({
      where: { stateBodyId: r.stateBodyId, status: { not: 'draft' }, startsOn: { lte: period.to }, endsOn: { gte: period.from } },
      orderBy: [{ startsOn: 'asc' }, { id: 'asc' }],
    });
  };

  async function draft(r: MonitoringReport, projectId: number): Promise<{ col7Kk: string; col7Ru: string }> {
    const period = periodOf(r.year, r.kind);
    const facts = await column7Facts(prisma, projectId, period);
    const annual = r.kind === 'annual';
    const text = async (locale: Locale) => {
      const extra = annual ? (await Promise.all(contributors.map((c) => c(projectId, period, locale)))).flat() : [];
      return draftColumn7(i18n.getFixedT(locale), facts, annual, extra);
    };
    return { col7Kk: await text('kk'), col7Ru: await text('ru') };
  }

  /** Drafts the rows of projects the report has none for yet (a project may start after the report was opened). */
  async function ensureRows(r: MonitoringReport): Promise<void> {
    if (r.submittedAt) return;
    const have = new Set((await prisma.monitoringReportRow.findMany({ where: { reportId: r.id }, select: { projectId: true } })).map((x) => x.projectId));
    for (const p of await projectsOf(r)) {
      if (have.has(p.id)) continue;
      await prisma.monitoringReportRow.createMany({
        data: [{ reportId: r.id, projectId: p.id, ...(await draft(r, p.id)), draftedAt: now() }],
        skipDuplicates: true,
      });
    }
  }

  async function load(p: StaffPrincipal, id: number): Promise<MonitoringReport> {
    const r = await prisma.monitoringReport.findUnique({ where: { id } });
    if (!r) throw notFound('monitoring_forms.report_not_found');
    await bodyInScope(prisma, p, r.stateBodyId);
    return r;
  }

  const editable = (r: MonitoringReport) => {
    if (r.submittedAt) throw conflict('monitoring_forms.report_submitted');
  };

  async function col8(r: MonitoringReport, project: SocialProject): Promise<Column8> {
    if (project.evaluationClosedAt) {
      const total = (await councilReport(prisma, project)).total;
      if (total !== null) return { score: total };
    }
    return project.endsOn.getTime() <= periodOf(r.year, 'annual').to.getTime() ? { state: 'not_evaluated' } : { state: 'continues' };
  }

  async function rowsOf(r: MonitoringReport) {
    const stored = new Map((await prisma.monitoringReportRow.findMany({ where: { reportId: r.id } })).map((x) => [x.projectId, x]));
    const out: Array<Annex9Row & { editedAt: Date | null; draftedAt: Date }> = [];
    for (const p of await projectsOf(r)) {
      const row = stored.get(p.id);
      if (!row) continue;
      out.push({
        projectId: p.id,
        areaId: p.areaId,
        nameKk: p.nameKk,
        nameRu: p.nameRu,
        plannedSum: p.plannedSum === null ? null : Number(p.plannedSum),
        contractSum: Number(p.contractSum),
        supplierName: p.supplierName,
        col7Kk: row.col7Kk,
        col7Ru: row.col7Ru,
        col8: await col8(r, p),
        editedAt: row.editedAt,
        draftedAt: row.draftedAt,
      });
    }
    return out;
  }

  async function tableOf(r: MonitoringReport, locale: Locale): Promise<{ table: Annex9Table; rows: Awaited<ReturnType<typeof rowsOf>> }> {
    const body = await prisma.stateBody.findUniqueOrThrow({ where: { id: r.stateBodyId } });
    const areas = await prisma.area.findMany({ orderBy: { id: 'asc' } });
    const rows = await rowsOf(r);
    const input = { year: r.year, kind: r.kind, body, areas, rows, signer: { name: r.signerName, acting: r.signerActing } };
    return { table: annex9Table(i18n.getFixedT(locale), locale, input), rows };
  }

  return {
    periodOf,

    /** The report of a body, year and kind, made (signed by the body's head by default) and drafted on first use. */
    async open(p: StaffPrincipal, key: ReportKey): Promise<MonitoringReport> {
      const body = await bodyInScope(prisma, p, key.stateBodyId);
      let r = await prisma.monitoringReport.findUnique({ where: { stateBodyId_year_kind: key } });
      if (!r) {
        r = await prisma.$transaction(async (tx) => {
          const made = await tx.monitoringReport.create({
            data: { ...key, signerName: body.headName, signerPositionKk: body.headPositionKk, signerPositionRu: body.headPositionRu, createdById: p.id },
          });
          await recordAudit(tx, audit(p), { action: 'monitoring.report_opened', entity: 'monitoring_report', entityId: made.id, after: key });
          return made;
        });
      }
      await ensureRows(r);
      return r;
    },

    async preview(p: StaffPrincipal, id: number, locale: Locale) {
      const r = await load(p, id);
      await ensureRows(r);
      return { report: r, ...(await tableOf(r, locale)) };
    },

    async editRow(p: StaffPrincipal, id: number, projectId: number, text: { col7Kk: string; col7Ru: string }) {
      const r = await load(p, id);
      editable(r);
      // a project outside the report is refused before anything is drafted
      if (!(await projectsOf(r)).some((x) => x.id === projectId)) throw notFound('monitoring_forms.row_not_found');
      await ensureRows(r);
      const before = await prisma.monitoringReportRow.findUniqueOrThrow({ where: { reportId_projectId: { reportId: id, projectId } } });
      return prisma.$transaction(async (tx) => {
        const row = await tx.monitoringReportRow.update({
          where: { reportId_projectId: { reportId: id, projectId } },
          data: { ...text, editedAt: now(), editedById: p.id },
        });
        await recordAudit(tx, audit(p), {
          action: 'monitoring.report_row_edited',
          entity: 'monitoring_report',
          entityId: id,
          before: { projectId, col7Kk: before.col7Kk, col7Ru: before.col7Ru },
          after: { projectId, ...text },
        });
        return row;
      });
    },

    /** Drafts column 7 again from the rounds: rows staff edited stay unless `force`. Returns how many were rewritten. */
    async redraft(p: StaffPrincipal, id: number, force: boolean): Promise<number> {
      const r = await load(p, id);
      editable(r);
      await ensureRows(r);
      const rows = await prisma.monitoringReportRow.findMany({ where: { reportId: id, ...(force ? {} : { editedAt: null }) } });
      for (const row of rows) {
        await prisma.monitoringReportRow.update({
          where: { reportId_projectId: { reportId: id, projectId: row.projectId } },
          data: { ...(await draft(r, row.projectId)), draftedAt: now(), editedAt: null, editedById: null },
        });
      }
      await prisma.$transaction((tx) =>
        recordAudit(tx, audit(p), { action: 'monitoring.report_redrafted', entity: 'monitoring_report', entityId: id, after: { force, rows: rows.length } }),
      );
      return rows.length;
    },

    async setSigner(p: StaffPrincipal, id: number, s: SignerInput): Promise<MonitoringReport> {
      const r = await load(p, id);
      editable(r);
      return prisma.$transaction(async (tx) => {
        const data = { signerName: s.name, signerPositionKk: s.positionKk, signerPositionRu: s.positionRu, signerActing: s.acting };
        const made = await tx.monitoringReport.update({ where: { id }, data });
        await recordAudit(tx, audit(p), { action: 'monitoring.report_signer', entity: 'monitoring_report', entityId: id, after: data });
        return made;
      });
    },

    /** The table the XLSX file is written from (frozen at submission), with its file name. */
    async xlsx(p: StaffPrincipal, id: number, locale: Locale): Promise<{ fileName: string; table: Annex9Table }> {
      const r = await load(p, id);
      await ensureRows(r);
      const frozen = r.snapshot as Record<Locale, Annex9Table> | null;
      const table = frozen?.[locale] ?? (await tableOf(r, locale)).table;
      return { fileName: `${table.sheetName} ${r.year} ${r.kind === 'annual' ? 'annual' : 'H1'}`, table };
    },

    /** Freezes the table in both languages and marks the form's deadline done. */
    async submit(p: StaffPrincipal, id: number): Promise<MonitoringReport> {
      const r = await load(p, id);
      editable(r);
      if (!r.signerName.trim()) throw invalid('monitoring_forms.signer_required');
      await ensureRows(r);
      const snapshot = { kk: (await tableOf(r, 'kk')).table, ru: (await tableOf(r, 'ru')).table };
      const at = now();
      return prisma.$transaction(async (tx) => {
        const done = await tx.monitoringReport.update({
          where: { id },
          data: { submittedAt: at, submittedById: p.id, snapshot: JSON.parse(JSON.stringify(snapshot)) },
        });
        await tx.formDeadline.updateMany({
          where: { kind: r.kind === 'annual' ? 'annex9_annual' : 'annex9_half', subjectKey: `body:${r.stateBodyId}`, year: r.year, doneAt: null },
          data: { doneAt: at, doneById: p.id, doneNote: 'submitted' },
        });
        await recordAudit(tx, audit(p), { action: 'monitoring.report_submitted', entity: 'monitoring_report', entityId: id, after: { submittedAt: at } });
        return done;
      });
    },
  };
}
