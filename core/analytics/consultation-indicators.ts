// Resource-centre consultation indicators (DOMAIN.md § Civil resource centres: accessibility = counts by
// channel and target group, effectiveness = satisfaction) over the consultation log entries dated in the
// period: counts by topic, target group and channel; the median minutes to the first answer (entries that
// have one); the mean satisfaction and the share of 4–5 among rated entries, as the log's own totals
// (consultation-totals.ts) define them.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { filterSql, num, numOrNull, Params, rows, share, unapplied, type AnalyticsFilter, type AnalyticsQuery, type Dimensions } from './analytics-scope.ts';

export const CONSULTATION_DIMENSIONS: Dimensions = { region: 'c."regionId"', area: 't."areaId"' };

export interface CountRow {
  key: string;
  id: number | null;
  nameKk: string | null;
  nameRu: string | null;
  count: number;
}

export interface ConsultationIndicators {
  count: number;
  byTopic: CountRow[];
  byTargetGroup: CountRow[];
  byChannel: CountRow[];
  responded: number;
  medianResponseMinutes: number | null;
  rated: number;
  averageSatisfaction: number | null;
  satisfiedShare: number | null;
  /** filters this capability cannot apply: the log records a region, not a district or department */
  notApplied: Array<keyof AnalyticsFilter>;
}

export async function consultationIndicators(prisma: PrismaClient, q: AnalyticsQuery): Promise<ConsultationIndicators> {
  const p = new Params();
  const from = `"Consultation" c JOIN "ConsultationTopic" t ON t.id = c."topicId"`;
  const where = `c.date >= ${p.add(q.period.from)} AND c.date < ${p.add(q.period.to)} AND ${filterSql(q, CONSULTATION_DIMENSIONS, p)}`;
  // One scan, three groupings: GROUPING SETS keeps them consistent with each other and with the total.
  const grouped = await rows<{
    g_topic: number;
    g_group: number;
    g_channel: number;
    topic_id: number | null;
    name_kk: string | null;
    name_ru: string | null;
    sort: number | null;
    asker: string | null;
    channel: string | null;
    n: number;
  }>(
    prisma,
    `SELECT GROUPING(t.id) AS g_topic, GROUPING(c."askerGroup") AS g_group, GROUPING(c.channel) AS g_channel,
            t.id AS topic_id, min(t."nameKk") AS name_kk, min(t."nameRu") AS name_ru, min(t.sort) AS sort,
            c."askerGroup"::text AS asker, c.channel::text AS channel, count(*)::int AS n
     FROM ${from} WHERE ${where}
     GROUP BY GROUPING SETS ((t.id), (c."askerGroup"), (c.channel))`,
    p,
  );
  const mp = new Params();
  const mwhere = `c.date >= ${mp.add(q.period.from)} AND c.date < ${mp.add(q.period.to)} AND ${filterSql(q, CONSULTATION_DIMENSIONS, mp)}`;
  const [m] = await rows<{ n: number; responded: number; median: number | null; rated: number; avg: number | null; satisfied: number }>(
    prisma,
    `SELECT count(*)::int AS n, count(c."responseMinutes")::int AS responded,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY c."responseMinutes") AS median,
            count(c.satisfaction)::int AS rated, avg(c.satisfaction)::float8 AS avg,
            count(*) FILTER (WHERE c.satisfaction >= 4)::int AS satisfied
     FROM ${from} WHERE ${mwhere}`,
    mp,
  );
  const byTopic = grouped
    .filter((r) => num(r.g_topic) === 0)
    .sort((a, b) => num(b.n) - num(a.n) || num(a.sort) - num(b.sort))
    .map((r) => ({ key: `topic:${r.topic_id}`, id: r.topic_id, nameKk: r.name_kk, nameRu: r.name_ru, count: num(r.n) }));
  const plain = (flag: 'g_group' | 'g_channel', col: 'asker' | 'channel') =>
    grouped
      .filter((r) => num(r[flag]) === 0)
      .sort((a, b) => num(b.n) - num(a.n) || String(a[col]).localeCompare(String(b[col])))
      .map((r) => ({ key: String(r[col]), id: null, nameKk: null, nameRu: null, count: num(r.n) }));
  const rated = num(m?.rated);
  return {
    count: num(m?.n),
    byTopic,
    byTargetGroup: plain('g_group', 'asker'),
    byChannel: plain('g_channel', 'channel'),
    responded: num(m?.responded),
    medianResponseMinutes: numOrNull(m?.median, 1),
    rated,
    averageSatisfaction: rated ? numOrNull(m?.avg) : null,
    satisfiedShare: share(num(m?.satisfied), rated),
    notApplied: unapplied(q, CONSULTATION_DIMENSIONS),
  };
}
