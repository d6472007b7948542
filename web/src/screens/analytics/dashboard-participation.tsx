// The dashboard's participation blocks: consultations, public discussion, volunteering, engagement, and the
// satisfaction index of the polls per project and wave.
import type {
  ConsultationIndicators,
  DiscussionIndicators,
  EngagementIndicators,
  PollIndicators,
  VolunteeringIndicators,
} from '../../../../server/analytics/analytics-schemas.ts';
import { BarChart } from '../../charts/bar-chart.tsx';
import { LineChart } from '../../charts/line-chart.tsx';
import { useLoad } from '../../components/load.ts';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { Block, Card, Figures, pct } from './dashboard-kit.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';

type Filter = Record<string, string | undefined>;

export function ParticipationCards({ filter, deps, xq }: { filter: Filter; deps: unknown[]; xq: Filter }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const consultations = useLoad(() => api.get<ConsultationIndicators>('/api/analytics/consultations', filter), deps);
  const discussion = useLoad(() => api.get<DiscussionIndicators>('/api/analytics/discussion', filter), deps);
  const polls = useLoad(() => api.get<PollIndicators>('/api/analytics/polls', filter), deps);
  const volunteering = useLoad(() => api.get<VolunteeringIndicators>('/api/analytics/volunteering', filter), deps);
  const engagement = useLoad(() => api.get<EngagementIndicators>('/api/analytics/engagement', filter), deps);
  const name = (x: { nameKk: string | null; nameRu: string | null }) => (locale === 'kk' ? x.nameKk : x.nameRu) ?? '—';
  return (
    <>
      <div class="split" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(22rem, 100%), 1fr))' }}>
        <Card title={t('dashboard.consultations')} testid="dash-consultations" exportUrl="/api/analytics/consultations/export" query={xq}>
          <Block load={consultations}>
            {(c) => (
              <>
                <Figures
                  items={[
                    [t('dashboard.count'), c.count],
                    [
                      t('dashboard.medianResponse'),
                      c.medianResponseMinutes === null ? '—' : t('dashboard.hours', { h: formatNumber(c.medianResponseMinutes / 60, 1) }),
                    ],
                    [t('dashboard.satisfied'), pct(c.satisfiedShare)],
                  ]}
                />
                <BarChart bars={c.byTopic.slice(0, 6).map((x) => ({ label: name(x), value: x.count }))} />
              </>
            )}
          </Block>
        </Card>
        <Card title={t('dashboard.discussion')} testid="dash-discussion" exportUrl="/api/analytics/discussion/export" query={xq}>
          <Block load={discussion}>
            {(d) => (
              <Figures
                items={[
                  [t('dashboard.topics'), d.topicsPublished],
                  [t('dashboard.comments'), d.comments],
                  [t('dashboard.participants'), d.participants],
                  [t('dashboard.acceptance'), pct(d.acceptanceRate)],
                  [t('dashboard.reviewsOnTime'), `${pct(d.reviewsOnTimeShare)} (${d.reviewsDue})`],
                ]}
              />
            )}
          </Block>
        </Card>
        <Card title={t('dashboard.volunteering')} testid="dash-volunteering" exportUrl="/api/analytics/volunteering/export" query={xq}>
          <Block load={volunteering}>
            {(v) => (
              <Figures
                items={[
                  [t('dashboard.volunteers'), v.activeVolunteers],
                  [t('dashboard.volunteerHours'), v.hours],
                  [t('dashboard.peopleHelped'), v.peopleHelped],
                  [t('dashboard.events'), v.events],
                ]}
              />
            )}
          </Block>
        </Card>
        <Card title={t('dashboard.engagement')} testid="dash-engagement" exportUrl="/api/analytics/engagement/export" query={xq}>
          <Block load={engagement}>
            {(e) => (
              <Figures
                items={[
                  [t('dashboard.activeCitizens'), e.activeCitizens],
                  [t('dashboard.newCitizens'), e.newCitizens],
                  [t('dashboard.multi'), `${e.multiCapability} (${pct(e.multiCapabilityShare)})`],
                ]}
              />
            )}
          </Block>
        </Card>
      </div>

      <Card title={t('dashboard.polls')} testid="dash-polls" exportUrl="/api/analytics/polls/export" query={xq}>
        <Block load={polls}>
          {(p) => (
            <>
              <Figures
                items={[
                  [t('dashboard.beneficiaries'), p.beneficiaries],
                  [t('dashboard.respondents'), p.respondents],
                ]}
              />
              {p.projects.map((x) => (
                <LineChart
                  key={`${x.projectId}-${x.titleRu}`}
                  title={`${locale === 'kk' ? x.nameKk : x.nameRu} — ${locale === 'kk' ? x.titleKk : x.titleRu}`}
                  labels={x.waves.map((w) => (locale === 'kk' ? w.labelKk : w.labelRu))}
                  series={[{ name: t('dashboard.index'), values: x.waves.map((w) => (w.index === null ? null : w.index * 100)) }]}
                  max={100}
                  format={(v) => formatPercent(v, 0)}
                />
              ))}
            </>
          )}
        </Block>
      </Card>
    </>
  );
}
