// The balanced scorecard of a state body's projects in a year: the financial side (contract sum, cost per
// beneficiary), the social side (outcome progress, satisfaction index, expert score) and the organisational
// side (documents on time, measures closed, rounds held), each cell with its base; empty where there is no data.
// Exports in Kazakh and Russian. No SROI ratio here: it never appears without its assumptions.
import { useLoad } from '../../components/load.ts';
import { Empty } from '../../components/layout.tsx';
import { DownloadButton, LoadState } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { BodyYearPickers } from '../monitoring/forms/form-pickers.tsx';
import type { ScreenProps } from '../types.ts';
import type { Scorecard } from './types.ts';

export function ScorecardScreen({ query }: ScreenProps) {
  const { api } = useApp();
  const { t, locale, num } = useI18n();
  const bodyId = query.get('stateBodyId') ?? '';
  const year = query.get('year') ?? String(new Date().getFullYear());
  const data = useLoad(() => (bodyId ? api.get<Scorecard>('/api/impact/scorecard', { stateBodyId: bodyId, year }) : Promise.resolve(null)), [bodyId, year]);
  const go = (patch: Record<string, string>) => navigate(href('impact/scorecard', { stateBodyId: bodyId, year, ...patch }), { replace: true });
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '' : `${num(v, 1)} %`);
  return (
    <section class="screen" data-testid="scorecard-screen">
      <h1>{t('impact.scorecardTitle')}</h1>
      <BodyYearPickers bodyId={bodyId} year={year} onChange={go} />
      {!bodyId ? (
        <Empty>{t('monitoringForms.chooseBody')}</Empty>
      ) : (
        <LoadState loaded={data}>
          {(d) =>
            d && (
              <>
                <div class="screen-head">
                  {(['kk', 'ru'] as const).map((l) => (
                    <DownloadButton
                      key={l}
                      url="/api/impact/scorecard/export"
                      query={{ stateBodyId: bodyId, year, lang: l }}
                      label={t(`impact.download_${l}`)}
                    />
                  ))}
                </div>
                <table class="table" data-testid="scorecard-table">
                  <thead>
                    <tr>
                      <th />
                      <th colSpan={2}>{t('impact.financial')}</th>
                      <th colSpan={3}>{t('impact.social')}</th>
                      <th colSpan={3}>{t('impact.organisational')}</th>
                    </tr>
                    <tr>
                      <th>{t('impact.project')}</th>
                      <th>{t('impact.contractSum')}</th>
                      <th>{t('impact.costPerBeneficiary')}</th>
                      <th>{t('impact.outcomeProgress')}</th>
                      <th>{t('impact.satisfaction')}</th>
                      <th>{t('impact.expertScore')}</th>
                      <th>{t('impact.onTime')}</th>
                      <th>{t('impact.measuresClosed')}</th>
                      <th>{t('impact.rounds')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.rows.map((r) => (
                      <tr key={r.projectId}>
                        <td>
                          <a href={href(`impact/${r.projectId}`)}>{locale === 'kk' ? r.nameKk : r.nameRu}</a>
                          <div class="muted">{r.supplierName}</div>
                        </td>
                        <td>{num(r.financial.contractSum, 1)}</td>
                        <td>
                          {r.financial.costPerBeneficiary === null ? '' : num(r.financial.costPerBeneficiary, 0)}
                          <div class="muted">{t('impact.base', { n: r.financial.beneficiaries })}</div>
                        </td>
                        <td>
                          {pct(r.social.outcomeProgress)}
                          <div class="muted">{t('impact.indicatorsBase', { n: r.social.outcomeIndicators })}</div>
                        </td>
                        <td>
                          {r.social.satisfaction && (
                            <>
                              {pct(r.social.satisfaction.index)}
                              <div class="muted">{t('impact.base', { n: r.social.satisfaction.base })}</div>
                            </>
                          )}
                        </td>
                        <td>{r.social.expertScore === null ? '' : num(r.social.expertScore, 2)}</td>
                        <td>
                          {r.organisational.onTimeReporting && (
                            <>
                              {pct(r.organisational.onTimeReporting.percent)}
                              <div class="muted">{t('impact.base', { n: r.organisational.onTimeReporting['due'] ?? 0 })}</div>
                            </>
                          )}
                        </td>
                        <td>
                          {r.organisational.measuresClosed && (
                            <>
                              {pct(r.organisational.measuresClosed.percent)}
                              <div class="muted">{t('impact.base', { n: r.organisational.measuresClosed['due'] ?? 0 })}</div>
                            </>
                          )}
                        </td>
                        <td>
                          {r.organisational.rounds.completed} / {r.organisational.rounds.required}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )
          }
        </LoadState>
      )}
    </section>
  );
}
