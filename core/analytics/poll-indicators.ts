// Social-project poll indicators (DOMAIN.md § Monitoring and evaluation: target-audience satisfaction and
// its dynamics across waves; coverage of target population groups; § Satisfaction scales).
//   • Satisfaction index of a wave: (fully + rather satisfied) / all answers to the poll's satisfaction
//     questions in that wave, "hard to answer" included in the base, as the national survey counts it.
//   • Its change: this wave's index minus the previous wave's of the same poll (percentage points as a
//     fraction), null for the first wave or when either has no answers.
//   • Shown: the polls of projects in scope with a wave running during the period (opened before its end,
//     closed after its start), with all their waves, so the change is visible; each wave's index is over
//     all of its responses.
//   • Coverage: the beneficiaries of those projects (profile of their citizen, or the values imported with
//     them) and the respondents of those waves (the profile snapshot in the response), by gender, age
//     bracket of the grant report (age in the period's last year) and social status.
// Computed in SQL straight from the poll tables, so these figures do not depend on the polls service.
// The answers and respondents per wave and the beneficiaries per project come from what the database
// keeps (RollupPollAnswer, RollupPollRespondent, RollupProjectBeneficiary, kept by triggers): a wave of
// thousands of responses, or a project of thousands of beneficiaries, is a few hundred rows there.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { addDays, localMidnight } from '../calendar/local-time.ts';
import { ALL_AGE_BRACKETS, bracketOfAge } from '../projects/age-brackets.ts';
import {
  filterSql,
  gather,
  num,
  Params,
  rows,
  share,
  unapplied,
  type AnalyticsFilter,
  type AnalyticsQuery,
  type Dimensions,
  type QueryOptions,
} from './analytics-scope.ts';

export const PROJECT_DIMENSIONS: Dimensions = { region: 'p."regionId"', area: 'p."areaId"' };

export const POSITIVE = ['fully', 'rather'] as const;

export interface WaveIndex {
  waveId: number;
  position: number;
  labelKk: string;
  labelRu: string;
  /** ISO instants */
  opensAt: string;
  closesAt: string;
  responses: number;
  /** satisfaction answers in the base */
  answers: number;
  positive: number;
  index: number | null;
  change: number | null;
}

export interface ProjectIndex {
  projectId: number;
  nameKk: string;
  nameRu: string;
  pollId: number;
  titleKk: string;
  titleRu: string;
  waves: WaveIndex[];
}

export type CoverageDimension = 'gender' | 'ageBracket' | 'socialStatus';

export interface CoverageRow {
  dimension: CoverageDimension;
  /** the code (male, age-17-22, youth, …) or 'unknown' */
  code: string;
  beneficiaries: number;
  respondents: number;
}

export interface PollIndicators {
  projects: ProjectIndex[];
  beneficiaries: number;
  respondents: number;
  coverage: CoverageRow[];
  notApplied: Array<keyof AnalyticsFilter>;
}

/**
 * The beneficiaries of the projects who joined before the period's end, grouped by profile: the rollup's
 * months before the month of the end, and those who joined in that month up to the end (a custom range).
 */
function beneficiarySql(projectIds: string, period: AnalyticsQuery['period'], rollups: boolean, p: Params): string {
  const raw = (
    from: Date | null,
  ) => `SELECT coalesce(c.gender, pb.gender)::text AS gender, coalesce(c."birthYear", pb."birthYear") AS birth, coalesce(c."socialStatus", pb."socialStatus") AS status, count(*)::int AS n
    FROM "ProjectBeneficiary" pb LEFT JOIN "Citizen" c ON c.id = pb."citizenId"
    WHERE pb."projectId" = ANY(${p.add(projectIds)}::int[]) AND pb."joinedAt" < ${p.add(period.to)}${from ? ` AND pb."joinedAt" >= ${p.add(from)}` : ''}
    GROUP BY 1, 2, 3`;
  if (!rollups) return raw(null);
  const after = addDays(period.lastDay, 1);
  const month = `${after.slice(0, 7)}-01`;
  const parts = [
    `SELECT nullif(gender, '') AS gender, nullif("birthYear", 0) AS birth, nullif("socialStatus", '') AS status, n
    FROM "RollupProjectBeneficiary" WHERE "projectId" = ANY(${p.add(projectIds)}::int[]) AND month < ${p.add(month)}::date`,
  ];
  if (month !== after) parts.push(raw(localMidnight(month)));
  return `SELECT gender, birth, status, sum(n)::int AS n FROM (${parts.join(' UNION ALL ')}) x GROUP BY 1, 2, 3 HAVING sum(n) > 0`;
}

export async function pollIndicators(prisma: PrismaClient, q: AnalyticsQuery, opts: QueryOptions = {}): Promise<PollIndicators> {
  const concurrent = opts.concurrent ?? false;
  const rollups = opts.rollups ?? true;
  const p = new Params();
  const waves = await rows<{
    wave_id: number;
    position: number;
    label_kk: string;
    label_ru: string;
    opens_at: Date;
    closes_at: Date;
    poll_id: number;
    title_kk: string;
    title_ru: string;
    project_id: number;
    name_kk: string;
    name_ru: string;
  }>(
    prisma,
    `SELECT w.id AS wave_id, w.position, w."labelKk" AS label_kk, w."labelRu" AS label_ru, w."opensAt" AS opens_at, w."closesAt" AS closes_at,
            o.id AS poll_id, o."titleKk" AS title_kk, o."titleRu" AS title_ru, p.id AS project_id, p."nameKk" AS name_kk, p."nameRu" AS name_ru
     FROM "SocialProject" p JOIN "Poll" o ON o."projectId" = p.id JOIN "PollWave" w ON w."pollId" = o.id
     WHERE ${filterSql(q, PROJECT_DIMENSIONS, p)} AND w.status <> 'draft'
       AND o.id IN (SELECT w2."pollId" FROM "PollWave" w2 WHERE w2."opensAt" < ${p.add(q.period.to)} AND w2."closesAt" > ${p.add(q.period.from)})
     ORDER BY p.id, o.id, w.position`,
    p,
  );
  const waveIds = waves.map((w) => w.wave_id);
  const ids = `{${waveIds.join(',')}}`;
  const ip = new Params();
  // Responses per wave, and satisfaction answers per wave: two hash aggregates, no sort.
  const responsesTask = async () =>
    !waveIds.length
      ? []
      : rows<{ wave_id: number; n: number }>(
          prisma,
          rollups
            ? `SELECT "waveId" AS wave_id, sum(n)::int AS n FROM "RollupPollRespondent" WHERE "waveId" = ANY(${ip.add(ids)}::int[]) GROUP BY 1 HAVING sum(n) > 0`
            : `SELECT "waveId" AS wave_id, count(*)::int AS n FROM "PollResponse" WHERE "waveId" = ANY(${ip.add(ids)}::int[]) GROUP BY 1`,
          ip,
        );
  const ap = new Params();
  const positive = POSITIVE.map((c) => `'${c}'`).join(', ');
  const satisfaction = `SELECT q.id FROM "PollQuestion" q JOIN "PollWave" w ON w."pollId" = q."pollId" WHERE q.type = 'satisfaction' AND w.id = ANY(${ap.add(ids)}::int[])`;
  const answersTask = async () =>
    !waveIds.length
      ? []
      : rows<{ wave_id: number; answers: number; positive: number }>(
          prisma,
          rollups
            ? `SELECT t."waveId" AS wave_id, sum(t.n)::int AS answers, coalesce(sum(t.n) FILTER (WHERE t.choice IN (${positive})), 0)::int AS positive
             FROM "RollupPollAnswer" t
             WHERE t."waveId" = ANY(${ap.add(ids)}::int[]) AND t."questionId" IN (${satisfaction})
             GROUP BY 1 HAVING sum(t.n) > 0`
            : `SELECT r."waveId" AS wave_id, count(*)::int AS answers, count(*) FILTER (WHERE a.choice IN (${positive}))::int AS positive
             FROM "PollAnswer" a JOIN "PollResponse" r ON r.id = a."responseId"
             WHERE r."waveId" = ANY(${ap.add(ids)}::int[]) AND a.choice IS NOT NULL AND a."questionId" IN (${satisfaction})
             GROUP BY 1`,
          ap,
        );
  // Coverage of the projects listed (those with a wave in the period; every wave row lists its project).
  const projectIds = `{${[...new Set(waves.map((w) => w.project_id))].join(',')}}`;
  const year = Number(q.period.lastDay.slice(0, 4));
  // Grouped in SQL by the few distinct profiles, expanded into the three breakdowns here.
  const cp = new Params();
  const beneficiaryTask = async () =>
    !waves.length
      ? []
      : rows<{ gender: string | null; birth: number | null; status: string | null; n: number }>(prisma, beneficiarySql(projectIds, q.period, rollups, cp), cp);
  const rp = new Params();
  const respondentTask = async () =>
    !waves.length
      ? []
      : rows<{ gender: string | null; bracket: string | null; status: string | null; n: number }>(
          prisma,
          rollups
            ? `SELECT nullif(gender, '') AS gender, nullif("ageBracket", '') AS bracket, nullif("socialStatus", '') AS status, sum(n)::int AS n
             FROM "RollupPollRespondent" WHERE "waveId" = ANY(${rp.add(ids)}::int[]) GROUP BY 1, 2, 3 HAVING sum(n) > 0`
            : `SELECT gender::text AS gender, "ageBracket" AS bracket, "socialStatus" AS status, count(*)::int AS n FROM "PollResponse" WHERE "waveId" = ANY(${rp.add(ids)}::int[]) GROUP BY 1, 2, 3`,
          rp,
        );
  // The four are independent: on PostgreSQL they run at once, each on its own connection.
  const [responses, answers, beneficiaryGroups, respondentGroups] = await gather(concurrent, [
    responsesTask,
    answersTask,
    beneficiaryTask,
    respondentTask,
  ] as const);
  const responsesOf = new Map(responses.map((r) => [num(r.wave_id), num(r.n)]));
  const counts = answers.map((a) => ({ ...a, responses: responsesOf.get(num(a.wave_id)) ?? 0 }));
  for (const [waveId, n] of responsesOf)
    if (!answers.some((a) => num(a.wave_id) === waveId)) counts.push({ wave_id: waveId, answers: 0, positive: 0, responses: n });
  const byWave = new Map(counts.map((c) => [num(c.wave_id), c]));
  const projects: ProjectIndex[] = [];
  let previous: { pollId: number; index: number | null } | null = null;
  for (const w of waves) {
    let project = projects.at(-1);
    if (!project || project.pollId !== w.poll_id) {
      project = { projectId: w.project_id, nameKk: w.name_kk, nameRu: w.name_ru, pollId: w.poll_id, titleKk: w.title_kk, titleRu: w.title_ru, waves: [] };
      projects.push(project);
      previous = null;
    }
    const c = byWave.get(w.wave_id);
    const answers = num(c?.answers);
    const positive = num(c?.positive);
    const index = share(positive, answers);
    const change = previous && previous.index != null && index != null ? Math.round((index - previous.index) * 10_000) / 10_000 : null;
    project.waves.push({
      waveId: w.wave_id,
      position: w.position,
      labelKk: w.label_kk,
      labelRu: w.label_ru,
      opensAt: new Date(w.opens_at).toISOString(),
      closesAt: new Date(w.closes_at).toISOString(),
      responses: num(c?.responses),
      answers,
      positive,
      index,
      change,
    });
    previous = { pollId: w.poll_id, index };
  }

  const cells = new Map<string, { dimension: CoverageDimension; code: string; beneficiaries: number; respondents: number }>();
  const add = (dimension: CoverageDimension, code: string | null, key: 'beneficiaries' | 'respondents', n: number) => {
    const k = `${dimension}:${code ?? 'unknown'}`;
    const cell = cells.get(k) ?? { dimension, code: code ?? 'unknown', beneficiaries: 0, respondents: 0 };
    cell[key] += n;
    cells.set(k, cell);
  };
  for (const g of beneficiaryGroups) {
    add('gender', g.gender, 'beneficiaries', num(g.n));
    add('ageBracket', g.birth == null ? null : bracketOfAge(year - num(g.birth)), 'beneficiaries', num(g.n));
    add('socialStatus', g.status, 'beneficiaries', num(g.n));
  }
  for (const g of respondentGroups) {
    add('gender', g.gender, 'respondents', num(g.n));
    add('ageBracket', g.bracket, 'respondents', num(g.n));
    add('socialStatus', g.status, 'respondents', num(g.n));
  }
  const coverage = [...cells.values()];
  const order: Record<CoverageDimension, string[]> = {
    gender: ['male', 'female', 'unstated'],
    ageBracket: ALL_AGE_BRACKETS.map((b) => b.code),
    socialStatus: [],
  };
  const rank = (r: { dimension: CoverageDimension; code: string }) => {
    const i = order[r.dimension].indexOf(r.code);
    return r.code === 'unknown' ? 1e6 : i < 0 ? 1e3 : i;
  };
  const dims: CoverageDimension[] = ['gender', 'ageBracket', 'socialStatus'];
  const sorted = coverage
    .map((r) => ({ dimension: r.dimension, code: r.code, beneficiaries: num(r.beneficiaries), respondents: num(r.respondents) }))
    .sort((a, b) => dims.indexOf(a.dimension) - dims.indexOf(b.dimension) || rank(a) - rank(b) || a.code.localeCompare(b.code));
  const total = (key: 'beneficiaries' | 'respondents') => sorted.filter((r) => r.dimension === 'gender').reduce((s, r) => s + r[key], 0);
  return { projects, beneficiaries: total('beneficiaries'), respondents: total('respondents'), coverage: sorted, notApplied: unapplied(q, PROJECT_DIMENSIONS) };
}
