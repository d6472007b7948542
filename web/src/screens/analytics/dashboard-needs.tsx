// The needs assessment of a region over two years (top needs by area, with the reports behind them and
// a justification ready to cite in a topic), and the per-district aggregates of the problem map.
import type { Districts, NeedsAssessment as Needs } from '../../../../server/analytics/analytics-schemas.ts';
import { BarChart } from '../../charts/bar-chart.tsx';
import { useLoad, type Loaded } from '../../components/load.ts';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { Block, Card, pct } from './dashboard-kit.tsx';

const TOP = 5;

export function NeedsCard({
  regionId,
  districtId,
  departmentId,
  to,
  lang,
}: {
  regionId?: string;
  districtId?: string;
  departmentId?: string;
  to?: string;
  lang: 'kk' | 'ru';
}) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const q = { regionId, districtId, departmentId, to };
  const needs = useLoad(
    () => (regionId ? api.get<Needs>('/api/analytics/needs-assessment', q) : Promise.resolve(null)),
    [regionId, districtId, departmentId, to],
  );
  const kk = locale === 'kk';
  return (
    <Card
      title={t('dashboard.needs')}
      testid="dash-needs"
      exportUrl={regionId ? '/api/analytics/needs-assessment/export' : undefined}
      query={{ ...q, format: 'xlsx', lang }}
    >
      {!regionId ? (
        <p class="hint">{t('dashboard.needsPickRegion')}</p>
      ) : (
        <Block load={needs}>
          {(n) =>
            n && (
              <>
                <p class="hint">
                  {t('dashboard.needsSpan', { from: i18n.date(n.firstDay), to: i18n.date(n.lastDay) })} {kk ? n.informationSourceKk : n.informationSourceRu}
                </p>
                <ol class="needs" data-testid="needs-list">
                  {n.needs.slice(0, TOP).map((x) => (
                    <li key={x.areaId} data-area={x.areaId}>
                      <strong>{kk ? x.nameKk : x.nameRu}</strong>{' '}
                      <span class="muted">
                        {t('dashboard.needsVolume', {
                          total: x.lastYear.total,
                          reports: x.lastYear.reports,
                          supports: x.lastYear.supports,
                          consultations: x.lastYear.consultations,
                          comments: x.lastYear.comments,
                        })}{' '}
                        · {x.change.delta >= 0 ? '+' : ''}
                        {x.change.delta}
                      </span>
                      {x.topCategories.length > 0 && (
                        <div>
                          {x.topCategories
                            .slice(0, 3)
                            .map((c) => `${kk ? c.nameKk : c.nameRu} (${c.reports})`)
                            .join(', ')}
                        </div>
                      )}
                      {x.examples.length > 0 && (
                        <details>
                          <summary>{t('dashboard.needsEvidence', { n: x.examples.length })}</summary>
                          <ul>
                            {x.examples.map((e) => (
                              <li key={e.number}>
                                <span class="muted">
                                  {e.number} · {i18n.date(e.filedOn)} · {kk ? e.categoryKk : e.categoryRu} · +{e.supports}
                                </span>{' '}
                                {e.text}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </li>
                  ))}
                </ol>
                {n.needs.length === 0 && <p class="hint">{t('dashboard.needsNone')}</p>}
              </>
            )
          }
        </Block>
      )}
    </Card>
  );
}

export type DistrictFigures = Districts['features'][number]['properties'];
export const districtName = (p: DistrictFigures, locale: string) => (locale === 'kk' ? (p.districtKk ?? p.regionKk) : (p.districtRu ?? p.regionRu));

export function DistrictsCard({ districts, xq }: { districts: Loaded<Districts>; xq: Record<string, string | undefined> }) {
  const { t, locale } = useI18n();
  const name = (p: DistrictFigures) => districtName(p, locale);
  return (
    <Card title={t('dashboard.districts')} testid="dash-districts" exportUrl="/api/analytics/map/districts/export" query={xq}>
      <Block load={districts}>
        {(d) => {
          const rows = d.features.map((f) => f.properties).sort((a, b) => b.reports - a.reports);
          return (
            <>
              <BarChart bars={rows.slice(0, 10).map((p) => ({ label: name(p), value: p.reports, note: pct(p.resolvedShare) }))} />
              <div class="table-wrap">
                <table class="table" data-testid="districts-table">
                  <thead>
                    <tr>
                      <th>{t('dashboard.district')}</th>
                      <th>{t('dashboard.received')}</th>
                      <th>{t('dashboard.resolved')}</th>
                      <th>{t('dashboard.overdueNow')}</th>
                      <th>{t('dashboard.supports')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((p) => (
                      <tr key={`${p.regionId}-${p.districtId}`}>
                        <td>{name(p)}</td>
                        <td>{p.reports}</td>
                        <td>
                          {p.resolved} ({pct(p.resolvedShare)})
                        </td>
                        <td>{p.overdueNow}</td>
                        <td>{p.supports}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Block>
    </Card>
  );
}
