// What impact gives monitoring (which never imports impact): the round's "indicators vs expected results" tool
// prefilled from the framework at the round's date, and Annex 9 column 7's annual lines (the framework's
// outcome indicators on track, the before/after verdicts, the stories of change).
import type { i18n as I18n } from 'i18next';
import type { PrismaClient, SocialProject } from '../../generated/prisma/client.ts';
import { localMidnight } from '../calendar/local-time.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { IndicatorRow } from '../monitoring/tools.ts';
import { roundAccess } from '../monitoring/monitoring-scope.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { indicatorView } from './indicator-values.ts';
import type { OutcomeMeasures } from './outcome-measures.ts';

const num = (x: number) => String(x).replace('.', ',');

/** Linear plan: by a date the share of the term elapsed is expected of the way from baseline to target. */
export function expectedShare(project: Pick<SocialProject, 'startsOn' | 'endsOn'>, at: Date): number {
  const total = project.endsOn.getTime() - project.startsOn.getTime();
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (at.getTime() - project.startsOn.getTime()) / total));
}

export function createMonitoringHooks({ prisma, i18n, outcomes }: { prisma: PrismaClient; i18n: I18n; outcomes: OutcomeMeasures }) {
  return {
    /** The rows of the round's "indicators" tool: each framework indicator with its target as expected and its actual at the round's date. */
    async roundIndicatorRows(staff: StaffPrincipal, roundId: number, locale: Locale): Promise<IndicatorRow[]> {
      const { round, project } = await roundAccess(prisma, staff, roundId);
      const at = round.completedAt ?? round.startedAt ?? localMidnight(round.plannedOn.toISOString().slice(0, 10));
      const inds = await prisma.resultIndicator.findMany({
        where: { projectId: project.id },
        include: { values: true, node: { select: { level: true, position: true } } },
        orderBy: [{ nodeId: 'asc' }, { position: 'asc' }],
      });
      const t = i18n.getFixedT(locale);
      const rows: IndicatorRow[] = [];
      for (const ind of inds) {
        const v = await indicatorView(prisma, ind, project, at);
        const unit = locale === 'kk' ? ind.unitKk : ind.unitRu;
        rows.push({
          name: (locale === 'kk' ? ind.nameKk : ind.nameRu).slice(0, 300),
          unit: unit.slice(0, 300),
          expected: num(v.target),
          actual: v.latest?.actual == null ? '' : num(v.latest.actual),
          comment: v.latest?.progress == null ? '' : t('impact:round.progress', { progress: num(v.latest.progress), period: v.latest.key }),
        });
      }
      return rows;
    },

    /** Annex 9 column 7's lines for a project (annual report). */
    async column7(projectId: number, period: { to: Date }, locale: Locale): Promise<string[]> {
      const project = await prisma.socialProject.findUnique({ where: { id: projectId } });
      if (!project) return [];
      const t = i18n.getFixedT(locale);
      const lines: string[] = [];
      const inds = await prisma.resultIndicator.findMany({ where: { projectId, node: { level: 'outcome' } }, include: { values: true } });
      if (inds.length) {
        const share = expectedShare(project, period.to) * 100;
        let onTrack = 0;
        for (const ind of inds) {
          const p = (await indicatorView(prisma, ind, project, period.to)).latest?.progress;
          if (p != null && p >= share) onTrack++;
        }
        lines.push(t('impact:column7.framework', { total: inds.length, onTrack }));
      }
      const measures = await prisma.outcomeMeasure.findMany({ where: { projectId }, include: { question: true } });
      for (const m of measures) {
        const ba = await outcomes.compute(m.id).catch(() => null);
        if (!ba) continue;
        const useful = ba.paired.verdict !== 'paired_unavailable' && ba.paired.pairs > 0 ? ba.paired : ba.all;
        const base = 'pairs' in useful ? useful.pairs : `${useful.before.base} / ${useful.after.base}`;
        const verdict = t(`impact:verdict.${useful.verdict}`, {
          change: useful.change == null ? '' : num(Math.abs(useful.change)),
          p: useful.pValue == null ? '' : num(Math.round(useful.pValue * 1000) / 1000),
          base,
        });
        lines.push(t('impact:column7.before_after', { question: locale === 'kk' ? m.question.textKk : m.question.textRu, verdict }));
      }
      const stories = await prisma.changeStory.count({ where: { projectId, status: 'submitted', submittedAt: { lt: period.to } } });
      if (stories) {
        const selected = await prisma.storySelection.count({ where: { projectId, selectedAt: { lt: period.to }, story: { status: 'submitted' } } });
        lines.push(t('impact:column7.stories', { total: stories, selected }));
      }
      return lines;
    },
  };
}
