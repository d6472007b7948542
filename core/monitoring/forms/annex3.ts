// Annex 3 of a state body and plan year (item 7, stage 3): the planned projects kept after the public
// discussion — imported from the body's reviewed discussion topics of that year (name = title, sum =
// planned funding, content = expected result, all editable) — plus rows staff add by hand. The preview is
// the very table the XLSX file is written from.
import type { i18n } from 'i18next';
import type { PlannedProject, PrismaClient } from '../../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { invalid, notFound } from '../../errors.ts';
import type { Locale } from '../../i18n/i18n.ts';
import type { StaffPrincipal } from '../../staff/scope.ts';
import { annex3Table, type Annex3Table } from './annex3-table.ts';
import { bodyInScope } from './forms-scope.ts';

export interface FormServiceDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
}

export interface PlannedInput {
  areaId: number;
  nameKk: string;
  nameRu: string;
  /** thousand tenge */
  plannedSum: number;
  summaryKk: string;
  summaryRu: string;
}

export interface PlannedView extends PlannedInput {
  id: number;
  stateBodyId: number;
  planYear: number;
  source: 'topic' | 'manual';
  topicId: number | null;
}

export interface Annex3Query {
  stateBodyId: number;
  planYear: number;
}

const view = (r: PlannedProject): PlannedView => ({
  id: r.id,
  stateBodyId: r.stateBodyId,
  planYear: r.planYear,
  areaId: r.areaId,
  nameKk: r.nameKk,
  nameRu: r.nameRu,
  plannedSum: Number(r.plannedSum),
  summaryKk: r.summaryKk,
  summaryRu: r.summaryRu,
  source: r.source,
  topicId: r.topicId,
});

const staffActor = (p: StaffPrincipal): Actor => ({ type: 'staff', id: p.id });

export function createAnnex3Service({ prisma, i18n }: FormServiceDeps) {
  async function rowsOf(q: Annex3Query): Promise<PlannedView[]> {
    const rows = await prisma.plannedProject.findMany({
      where: { stateBodyId: q.stateBodyId, planYear: q.planYear },
      orderBy: [{ areaId: 'asc' }, { id: 'asc' }],
    });
    return rows.map(view);
  }

  async function assertArea(areaId: number) {
    if (!(await prisma.area.findUnique({ where: { id: areaId } }))) throw invalid('monitoring_forms.unknown_area');
  }

  async function loadRow(p: StaffPrincipal, id: number): Promise<PlannedProject> {
    const row = await prisma.plannedProject.findUnique({ where: { id } });
    if (!row) throw notFound('monitoring_forms.planned_not_found');
    await bodyInScope(prisma, p, row.stateBodyId);
    return row;
  }

  async function table(p: StaffPrincipal, q: Annex3Query, locale: Locale): Promise<{ table: Annex3Table; rows: PlannedView[] }> {
    const body = await bodyInScope(prisma, p, q.stateBodyId);
    const [areas, rows] = [await prisma.area.findMany({ orderBy: { id: 'asc' } }), await rowsOf(q)];
    return { table: annex3Table(i18n.getFixedT(locale), locale, { planYear: q.planYear, body, areas, rows }), rows };
  }

  return {
    table,

    /** The body's reviewed topics of the plan year, and whether each is already a row. */
    async candidates(p: StaffPrincipal, q: Annex3Query) {
      await bodyInScope(prisma, p, q.stateBodyId);
      const topics = await prisma.discussionTopic.findMany({
        where: { stateBodyId: q.stateBodyId, year: q.planYear, status: 'reviewed' },
        include: { plannedProject: { select: { id: true } } },
        orderBy: [{ areaId: 'asc' }, { id: 'asc' }],
      });
      return topics.map((t) => ({
        id: t.id,
        areaId: t.areaId,
        titleKk: t.titleKk,
        titleRu: t.titleRu,
        funding: Number(t.fundingThousandTenge),
        plannedProjectId: t.plannedProject?.id ?? null,
      }));
    },

    async add(p: StaffPrincipal, q: Annex3Query, input: PlannedInput): Promise<PlannedView> {
      await bodyInScope(prisma, p, q.stateBodyId);
      await assertArea(input.areaId);
      return prisma.$transaction(async (tx) => {
        const row = await tx.plannedProject.create({ data: { ...q, ...input, source: 'manual', createdById: p.id } });
        await recordAudit(tx, staffActor(p), { action: 'monitoring.planned_added', entity: 'planned_project', entityId: row.id, after: view(row) });
        return view(row);
      });
    },

    /** Keeps the chosen topics as rows; a topic already kept stays as it is (its row may have been edited). */
    async fromTopics(p: StaffPrincipal, q: Annex3Query, topicIds: number[]): Promise<PlannedView[]> {
      await bodyInScope(prisma, p, q.stateBodyId);
      const topics = await prisma.discussionTopic.findMany({ where: { id: { in: topicIds } }, include: { plannedProject: true } });
      for (const id of topicIds) {
        const t = topics.find((x) => x.id === id);
        if (!t || t.stateBodyId !== q.stateBodyId) throw invalid('monitoring_forms.topic_not_of_body', { id });
        if (t.year !== q.planYear) throw invalid('monitoring_forms.topic_other_year', { id, year: t.year });
        if (t.status !== 'reviewed') throw invalid('monitoring_forms.topic_not_reviewed', { id });
      }
      return prisma.$transaction(async (tx) => {
        const made: PlannedView[] = [];
        for (const t of topics) {
          if (t.plannedProject) continue;
          const row = await tx.plannedProject.create({
            data: {
              ...q,
              areaId: t.areaId,
              nameKk: t.titleKk,
              nameRu: t.titleRu,
              plannedSum: t.fundingThousandTenge,
              summaryKk: t.expectedResultKk,
              summaryRu: t.expectedResultRu,
              source: 'topic',
              topicId: t.id,
              createdById: p.id,
            },
          });
          await recordAudit(tx, staffActor(p), { action: 'monitoring.planned_from_topic', entity: 'planned_project', entityId: row.id, after: view(row) });
          made.push(view(row));
        }
        return made;
      });
    },

    async update(p: StaffPrincipal, id: number, patch: Partial<PlannedInput>): Promise<PlannedView> {
      const before = await loadRow(p, id);
      if (patch.areaId !== undefined) await assertArea(patch.areaId);
      return prisma.$transaction(async (tx) => {
        const row = await tx.plannedProject.update({ where: { id }, data: patch });
        await recordAudit(tx, staffActor(p), {
          action: 'monitoring.planned_updated',
          entity: 'planned_project',
          entityId: id,
          before: view(before),
          after: view(row),
        });
        return view(row);
      });
    },

    async remove(p: StaffPrincipal, id: number): Promise<void> {
      const before = await loadRow(p, id);
      await prisma.$transaction(async (tx) => {
        await tx.plannedProject.delete({ where: { id } });
        await recordAudit(tx, staffActor(p), { action: 'monitoring.planned_removed', entity: 'planned_project', entityId: id, before: view(before) });
      });
    },

    /** The table the XLSX file is written from (the route sends it), with its file name. */
    async xlsx(p: StaffPrincipal, q: Annex3Query, locale: Locale): Promise<{ fileName: string; table: Annex3Table }> {
      const { table: t } = await table(p, q, locale);
      return { fileName: `${t.sheetName} ${q.planYear}`, table: t };
    },
  };
}
