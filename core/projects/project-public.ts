// What anyone may read of social projects on the portal (issue 17; seed 003, Rules item 12: the body publishes
// Annex 5, the results of finished projects, on its internet resource). The projects capability owns these rules:
// finished projects only; the Annex 5 fields (project, supplier, contract sum, goals, period, activities, results)
// and the average score, which is the Annex 8 total (out of 20) once the council's evaluation is closed (a score
// still being given is not published); per-criterion averages without the experts' names or comments; the number
// of events held. Never beneficiaries, polls, invitation codes or anyone's name.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { report } from '../evaluation/expert-scoring.ts';
import { dateOnly } from './project-rules.ts';

export const PUBLIC_PROJECT_PAGE = 20;

export interface PublicProject {
  id: number;
  nameKk: string;
  nameRu: string;
  supplierName: string;
  /** thousand tenge */
  contractSum: number;
  goalsKk: string;
  goalsRu: string;
  objectivesKk: string;
  objectivesRu: string;
  activitiesKk: string;
  activitiesRu: string;
  resultsKk: string;
  resultsRu: string;
  startsOn: Date;
  endsOn: Date;
  area: { nameKk: string; nameRu: string };
  region: { nameKk: string; nameRu: string } | null;
  stateBody: { nameKk: string; nameRu: string } | null;
  /** the Annex 8 total of the closed evaluation, 4–20; null until the evaluation is closed */
  score: number | null;
}

export interface PublicProjectPage extends PublicProject {
  /** per criterion 1–4, the council's average (1–5), once the evaluation is closed */
  criteria: Array<{ criterion: number; average: number | null }> | null;
  events: number;
}

const NAMES = { area: true, region: true, stateBody: true } as const;
type Row = Prisma.SocialProjectGetPayload<{ include: typeof NAMES }>;

export function createProjectPublic({ prisma }: { prisma: PrismaClient }) {
  const toPublic = (p: Row, score: number | null): PublicProject => ({
    id: p.id,
    nameKk: p.nameKk,
    nameRu: p.nameRu,
    supplierName: p.supplierName,
    contractSum: Number(p.contractSum),
    goalsKk: p.goalsKk,
    goalsRu: p.goalsRu,
    objectivesKk: p.objectivesKk,
    objectivesRu: p.objectivesRu,
    activitiesKk: p.activitiesKk,
    activitiesRu: p.activitiesRu,
    resultsKk: p.resultsKk,
    resultsRu: p.resultsRu,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    area: { nameKk: p.area.nameKk, nameRu: p.area.nameRu },
    region: p.region ? { nameKk: p.region.nameKk, nameRu: p.region.nameRu } : null,
    stateBody: p.stateBody ? { nameKk: p.stateBody.nameKk, nameRu: p.stateBody.nameRu } : null,
    score,
  });

  return {
    /** Finished projects, the latest to end first, optionally of one year (by the end of their period); one page. */
    async finished(q: { year?: number; page?: number } = {}): Promise<{ items: PublicProject[]; more: boolean }> {
      const page = q.page ?? 1;
      const rows = await prisma.socialProject.findMany({
        where: { status: 'finished', ...(q.year ? { endsOn: { gte: dateOnly(`${q.year}-01-01`), lte: dateOnly(`${q.year}-12-31`) } } : {}) },
        include: NAMES,
        orderBy: [{ endsOn: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * PUBLIC_PROJECT_PAGE,
        take: PUBLIC_PROJECT_PAGE + 1,
      });
      const items: PublicProject[] = [];
      for (const p of rows.slice(0, PUBLIC_PROJECT_PAGE)) items.push(toPublic(p, p.evaluationClosedAt ? (await report(prisma, p)).total : null));
      return { items, more: rows.length > PUBLIC_PROJECT_PAGE };
    },

    /** A finished project's Annex 5 page, or null (a draft, an active project or an unknown id alike). */
    async byId(id: number): Promise<PublicProjectPage | null> {
      const p = await prisma.socialProject.findFirst({ where: { id, status: 'finished' }, include: NAMES });
      if (!p) return null;
      const closed = p.evaluationClosedAt ? await report(prisma, p) : null;
      return {
        ...toPublic(p, closed?.total ?? null),
        criteria: closed ? closed.criteria.map((c) => ({ criterion: c.criterion, average: c.average })) : null,
        events: await prisma.projectEvent.count({ where: { projectId: id } }),
      };
    },
  };
}
