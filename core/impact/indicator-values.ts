// Actual values per period: from Azamat's data (indicator-sources.ts) or entered by hand with evidence (who
// and when recorded, audited with before and after). A manual value overrides the automatic one; both are
// shown. Progress per period = (actual − baseline) / (target − baseline).
import type { IndicatorValue, PrismaClient, ResultIndicator, ResultNode, SocialProject } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { invalid, notFound } from '../errors.ts';
import { safeFileName } from '../reports/evidence-store.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import type { Framework } from './framework.ts';
import { amount, optional, progressOf, text } from './framework-rules.ts';
import { EVIDENCE_MAX_BYTES, type ImpactFiles } from './impact-files.ts';
import { impactProject } from './impact-scope.ts';
import { sourceValue } from './indicator-sources.ts';
import { periodOfKey, schedulePeriods } from './periods.ts';

export interface ManualValue {
  value: number;
  evidenceText: string;
  evidenceUrl: string | null;
  evidenceName: string | null;
  hasFile: boolean;
  enteredById: number;
  enteredAt: Date;
}

export interface PeriodValue {
  key: string;
  firstDay: string;
  lastDay: string;
  /** from Azamat's data; null for a manual indicator or when the data says nothing yet */
  auto: number | null;
  manual: ManualValue | null;
  /** the manual value when there is one, else the automatic one */
  actual: number | null;
  /** percent, one decimal, not capped */
  progress: number | null;
  /** the period has begun by now */
  started: boolean;
}

export interface IndicatorView extends Omit<ResultIndicator, 'baseline' | 'target'> {
  baseline: number;
  target: number;
  periods: PeriodValue[];
  /** the latest started period's actual and progress */
  latest: { key: string; actual: number | null; progress: number | null } | null;
}

export interface FrameworkView {
  projectId: number;
  nodes: Array<ResultNode & { indicators: IndicatorView[] }>;
}

const manualOf = (v: IndicatorValue): ManualValue => ({
  value: Number(v.value),
  evidenceText: v.evidenceText,
  evidenceUrl: v.evidenceUrl,
  evidenceName: v.evidenceName,
  hasFile: v.evidencePath !== null,
  enteredById: v.enteredById,
  enteredAt: v.enteredAt,
});

function httpUrl(value: string | null | undefined): string | null {
  if (!value?.trim()) return null;
  try {
    const u = new URL(value.trim());
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
  } catch {
    /* refused below */
  }
  throw invalid('impact.bad_url');
}

export async function indicatorView(tx: Tx, ind: ResultIndicator & { values?: IndicatorValue[] }, project: SocialProject, now: Date): Promise<IndicatorView> {
  const values = ind.values ?? (await tx.indicatorValue.findMany({ where: { indicatorId: ind.id } }));
  const baseline = Number(ind.baseline);
  const target = Number(ind.target);
  const periods: PeriodValue[] = [];
  for (const p of schedulePeriods(ind.schedule, project)) {
    const started = p.from <= now;
    const auto = started ? await sourceValue(tx, ind, p, project) : null;
    const m = values.find((v) => v.periodKey === p.key);
    const manual = m ? manualOf(m) : null;
    const actual = manual?.value ?? auto;
    periods.push({ key: p.key, firstDay: p.firstDay, lastDay: p.lastDay, auto, manual, actual, progress: progressOf(actual, baseline, target), started });
  }
  const last = periods.filter((p) => p.started && p.actual !== null).at(-1);
  const { values: _values, ...rest } = ind as ResultIndicator & { values?: unknown };
  return { ...rest, baseline, target, periods, latest: last ? { key: last.key, actual: last.actual, progress: last.progress } : null };
}

export function createIndicatorValues({ prisma, now, framework, files }: { prisma: PrismaClient; now: () => Date; framework: Framework; files: ImpactFiles }) {
  async function frameworkOf(tx: Tx, project: SocialProject): Promise<FrameworkView> {
    const nodes = await tx.resultNode.findMany({
      where: { projectId: project.id },
      orderBy: [{ level: 'asc' }, { parentId: 'asc' }, { position: 'asc' }, { id: 'asc' }],
      include: { indicators: { orderBy: [{ position: 'asc' }, { id: 'asc' }], include: { values: true } } },
    });
    const out: FrameworkView['nodes'] = [];
    for (const n of nodes) out.push({ ...n, indicators: await Promise.all(n.indicators.map((i) => indicatorView(tx, i, project, now()))) });
    return { projectId: project.id, nodes: out };
  }

  return {
    frameworkOf,

    /** The tree with each indicator's values and progress per period. */
    async tree(staff: StaffPrincipal, projectId: number): Promise<FrameworkView> {
      return frameworkOf(prisma, await impactProject(prisma, staff, projectId));
    },

    async indicator(staff: StaffPrincipal, indicatorId: number): Promise<IndicatorView> {
      const { row, project } = await framework.indicatorOf(prisma, staff, indicatorId);
      return indicatorView(prisma, row, project, now());
    },

    /** Enters (or corrects) a period's value; evidence is required: a text and, when at hand, a link or a file. */
    async set(
      actor: Actor,
      staff: StaffPrincipal,
      indicatorId: number,
      periodKey: string,
      input: { value: number; evidenceText: string; evidenceUrl?: string | null },
    ): Promise<IndicatorView> {
      return prisma.$transaction(async (tx) => {
        const { row: ind, project } = await framework.indicatorOf(tx, staff, indicatorId);
        const period = periodOfKey(ind.schedule, project, periodKey);
        if (!period) throw invalid('impact.bad_period');
        if (period.from > now()) throw invalid('impact.period_not_started');
        const data = {
          value: amount(input.value),
          evidenceText: text(input.evidenceText, 'impact.evidence_required'),
          evidenceUrl: httpUrl(input.evidenceUrl),
          enteredById: staff.id,
          enteredAt: now(),
        };
        if (data.evidenceText.length < 5) throw invalid('impact.evidence_required');
        const before = await tx.indicatorValue.findUnique({ where: { indicatorId_periodKey: { indicatorId, periodKey } } });
        const after = await tx.indicatorValue.upsert({
          where: { indicatorId_periodKey: { indicatorId, periodKey } },
          create: { indicatorId, periodKey, ...data },
          update: data,
        });
        await recordAudit(tx, actor, { action: 'impact.value_set', entity: 'result_indicator', entityId: indicatorId, before: before ?? undefined, after });
        return indicatorView(tx, ind, project, now());
      });
    },

    async remove(actor: Actor, staff: StaffPrincipal, indicatorId: number, periodKey: string): Promise<void> {
      const path = await prisma.$transaction(async (tx) => {
        await framework.indicatorOf(tx, staff, indicatorId);
        const before = await tx.indicatorValue.findUnique({ where: { indicatorId_periodKey: { indicatorId, periodKey } } });
        if (!before) throw notFound('impact.value_not_found');
        await tx.indicatorValue.delete({ where: { id: before.id } });
        await recordAudit(tx, actor, { action: 'impact.value_remove', entity: 'result_indicator', entityId: indicatorId, before });
        return before.evidencePath;
      });
      await files.remove(path);
    },

    /** Attaches a file (≤ 10 MB) to a period's entered value as its evidence. */
    async attachEvidence(
      actor: Actor,
      staff: StaffPrincipal,
      indicatorId: number,
      periodKey: string,
      file: { name: string; bytes: Uint8Array },
    ): Promise<ManualValue> {
      if (file.bytes.length === 0) throw invalid('impact.file_empty');
      if (file.bytes.length > EVIDENCE_MAX_BYTES) throw invalid('impact.file_too_big', { max: 10 });
      const { row } = await framework.indicatorOf(prisma, staff, indicatorId);
      const value = await prisma.indicatorValue.findUnique({ where: { indicatorId_periodKey: { indicatorId, periodKey } } });
      if (!value) throw notFound('impact.value_not_found');
      const name = safeFileName(optional(file.name, 200), 'evidence');
      const stored = await files.save(`impact/${row.id}/${value.id}-${Date.now().toString(36)}-${name.replace(/[^\p{L}\p{N}._-]/gu, '_')}`, file.bytes);
      const after = await prisma.$transaction(async (tx) => {
        const updated = await tx.indicatorValue.update({ where: { id: value.id }, data: { evidencePath: stored, evidenceName: name } });
        await recordAudit(tx, actor, {
          action: 'impact.evidence_attach',
          entity: 'result_indicator',
          entityId: indicatorId,
          before: { evidenceName: value.evidenceName },
          after: { periodKey, evidenceName: name },
        });
        return updated;
      });
      if (value.evidencePath && value.evidencePath !== stored) await files.remove(value.evidencePath);
      return manualOf(after);
    },

    async evidenceFile(staff: StaffPrincipal, indicatorId: number, periodKey: string): Promise<{ name: string; bytes: Buffer }> {
      await framework.indicatorOf(prisma, staff, indicatorId);
      const value = await prisma.indicatorValue.findUnique({ where: { indicatorId_periodKey: { indicatorId, periodKey } } });
      if (!value?.evidencePath) throw notFound('impact.file_not_found');
      return { name: value.evidenceName ?? 'evidence', bytes: await files.read(value.evidencePath) };
    },
  };
}
