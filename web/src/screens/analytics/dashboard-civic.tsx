// The «Азаматтық бақылау» block of the dashboard: reports received and resolved (on time, by the working-day
// calendar), response times, overdue now, reopened, the authors' satisfaction, the statuses, and the trend
// of problems filed against problems solved.
import type { ReportStatus } from '../../../../generated/prisma/enums.ts';
import type { CivicControl } from '../../../../server/analytics/analytics-schemas.ts';
import { BarChart } from '../../charts/bar-chart.tsx';
import { LineChart } from '../../charts/line-chart.tsx';
import type { Loaded } from '../../components/load.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { almatyToday } from '../screen-helpers.ts';
import { Block, Card, Figures, pct } from './dashboard-kit.tsx';
import { formatNumber } from '../../i18n/format.ts';

type Duration = CivicControl['timeToAccept'];

const STATUS_ORDER: ReportStatus[] = ['new', 'in_work', 'reopened', 'resolved', 'rejected', 'not_responsible', 'duplicate'];
const COLOUR: Record<string, string> = { new: '#d62728', in_work: '#d62728', reopened: '#d62728', resolved: '#2e7d32' };

export function CivicBlock({ load, query }: { load: Loaded<CivicControl>; query: Record<string, string | undefined> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = almatyToday();
  const days = (d: Duration) => (d.medianWorkingDays === null ? '—' : t('dashboard.workingDays', { n: formatNumber(d.medianWorkingDays, 1) }));
  return (
    <Card title={t('dashboard.civic')} testid="dash-civic" exportUrl="/api/analytics/civic-control/export" query={query}>
      <Block load={load}>
        {(c) => {
          // Weeks and months that have not begun are not zeros: the trend ends at today.
          const trend = c.trend.filter((x) => x.start <= today);
          return (
            <div class="split" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(22rem, 100%), 1fr))' }}>
              <div>
                <Figures
                  items={[
                    [t('dashboard.received'), c.received],
                    [t('dashboard.resolved'), `${c.resolved} (${pct(c.resolvedShare)})`],
                    [t('dashboard.onTime'), `${c.resolvedOnTime} (${pct(c.resolvedOnTimeShare)})`],
                    [t('dashboard.overdueNow'), c.overdueNow],
                    [t('dashboard.timeToAccept'), days(c.timeToAccept)],
                    [t('dashboard.timeToResolve'), days(c.timeToResolve)],
                    [t('dashboard.reopened'), c.reopened],
                    [t('dashboard.rating'), c.averageRating === null ? '—' : `${formatNumber(c.averageRating, 1)} / 5 (${pct(c.satisfiedShare)})`],
                    [t('dashboard.selfResolved'), c.selfResolved],
                  ]}
                />
                <BarChart
                  title={t('dashboard.byStatus')}
                  bars={STATUS_ORDER.map((s) => ({ label: t(`status.${s}`), value: c.byStatus[s] ?? 0, colour: COLOUR[s] ?? '#9aa5b1' }))}
                />
              </div>
              {trend.length > 0 && (
                <LineChart
                  title={t(c.trendUnit === 'week' ? 'dashboard.trendWeeks' : 'dashboard.trendMonths')}
                  labels={trend.map((x) => (c.trendUnit === 'week' ? i18n.date(x.start) : i18n.period(x.start.slice(0, 7))))}
                  series={[
                    { name: t('dashboard.received'), values: trend.map((x) => x.received), colour: '#d62728' },
                    { name: t('dashboard.resolved'), values: trend.map((x) => x.resolved), colour: '#2e7d32' },
                  ]}
                />
              )}
            </div>
          );
        }}
      </Block>
    </Card>
  );
}
