// Poll results: for a chosen wave, the distribution of every question as bars (count and share of the
// question's base), the satisfaction index against the national 74.8 % and the mean; across waves, the
// dynamics of the index and of the means as lines and the change per answer; the free-text answers; and
// the same as a spreadsheet.
import { useState } from 'preact/hooks';
import { BarChart } from '../../charts/bar-chart.tsx';
import { LineChart } from '../../charts/line-chart.tsx';
import { useLoad } from '../../components/load.ts';
import { Empty, ErrorBox, Loading } from '../../components/layout.tsx';
import { DownloadButton } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n, type T } from '../../i18n/i18n.ts';
import type { PollQuestionType as QuestionType } from '../../../../generated/prisma/enums.ts';
import type { PollResults as Results } from '../../../../server/polls/poll-results-schemas.ts';
import type { Poll, PollQuestion } from '../../../../server/polls/polls-schemas.ts';
import { exportLang } from '../screen-helpers.ts';
import { formatNumber, formatPercent, formatSigned } from '../../i18n/format.ts';

/** The label of an answer code in the reader's language. */
export function answerLabel(t: T, locale: string, type: QuestionType, options: PollQuestion['options'], code: string): string {
  if (type === 'satisfaction') return t(`polls.satisfaction.${code}`);
  if (type === 'yes_no') return t(`polls.yesNo.${code}`);
  if (type === 'rating') return `★ ${code}`;
  const o = options.find((x) => x.code === code);
  return o ? (locale === 'kk' ? o.kk : o.ru) : code;
}

const signed = (v: number | null) => formatSigned(v, 1);

export function PollResults({ poll }: { poll: Poll }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const results = useLoad(() => api.get<Results>(`/api/polls/${poll.id}/results`), [poll.id]);
  const [waveId, setWaveId] = useState<number | null>(null);
  if (results.error) return <ErrorBox error={results.error} />;
  if (!results.data) return <Loading />;
  const r = results.data;
  if (r.waves.length === 0) return <Empty>{t('polls.noWaves')}</Empty>;
  const label = (w: { labelKk: string; labelRu: string }) => (locale === 'kk' ? w.labelKk : w.labelRu);
  const current = r.waves.find((w) => w.id === waveId) ?? [...r.waves].reverse().find((w) => w.responses > 0) ?? r.waves.at(-1)!;
  const waveLabels = r.waves.map(label);
  const indexSeries = r.questions
    .filter((q) => q.type === 'satisfaction')
    .map((q) => ({ name: locale === 'kk' ? q.textKk : q.textRu, values: r.waves.map((w) => q.waves.find((s) => s.waveId === w.id)?.index ?? null) }));
  const meanSeries = r.questions
    .filter((q) => q.type === 'satisfaction' || q.type === 'rating')
    .map((q) => ({ name: locale === 'kk' ? q.textKk : q.textRu, values: r.waves.map((w) => q.waves.find((s) => s.waveId === w.id)?.mean ?? null) }));

  return (
    <div data-testid="poll-results">
      <div class="actions">
        <DownloadButton url={`/api/polls/${poll.id}/results/export`} query={{ format: 'xlsx', lang: exportLang(locale) }} label={t('polls.exportXlsx')} />
        <DownloadButton url={`/api/polls/${poll.id}/results/export`} query={{ format: 'csv', lang: exportLang(locale) }} label={t('polls.exportCsv')} />
      </div>
      <div class="table-wrap panel">
        <table class="table" data-testid="wave-table">
          <thead>
            <tr>
              <th>{t('polls.wave')}</th>
              <th>{t('polls.status')}</th>
              <th>{t('polls.period')}</th>
              <th>{t('polls.invited')}</th>
              <th>{t('polls.responses')}</th>
            </tr>
          </thead>
          <tbody>
            {r.waves.map((w) => (
              <tr key={w.id} data-wave-id={w.id} class={w.id === current.id ? 'selected' : ''}>
                <td>
                  <button type="button" class={w.id === current.id ? 'tab active' : 'tab'} onClick={() => setWaveId(w.id)}>
                    {label(w)}
                  </button>
                </td>
                <td>{t(`polls.waveStatus.${w.status}`)}</td>
                <td>
                  {i18n.date(w.opensAt)} — {i18n.date(w.closesAt)}
                </td>
                <td>{w.invited}</td>
                <td data-testid="wave-responses">{w.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {r.waves.length > 1 && (indexSeries.length > 0 || meanSeries.length > 0) && (
        <div class="panel" data-testid="dynamics">
          <h2>{t('polls.dynamics')}</h2>
          <div class="split" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(20rem, 100%), 1fr))' }}>
            {indexSeries.length > 0 && (
              <LineChart
                title={t('polls.indexTitle', { baseline: formatNumber(r.baseline, 1) })}
                labels={waveLabels}
                series={[...indexSeries, { name: t('polls.baseline'), values: r.waves.map(() => r.baseline), colour: '#9aa5b1' }]}
                max={100}
                format={(v) => formatPercent(v, 0)}
              />
            )}
            {meanSeries.length > 0 && (
              <LineChart title={t('polls.meanTitle')} labels={waveLabels} series={meanSeries} max={5} format={(v) => formatNumber(v, 1)} />
            )}
          </div>
        </div>
      )}

      <h2>{t('polls.distribution', { wave: label(current) })}</h2>
      {r.questions.map((q) => {
        const s = q.waves.find((x) => x.waveId === current.id);
        const text = locale === 'kk' ? q.textKk : q.textRu;
        const change = q.dynamics.find((d) => d.toWaveId === current.id);
        return (
          <div class="panel" key={q.id} data-testid={`question-result-${q.id}`} data-question-type={q.type}>
            <h3>
              {q.position}. {text}
            </h3>
            {q.type === 'text' ? (
              <ul class="list">
                {r.texts
                  .filter((x) => x.questionId === q.id && x.waveId === current.id)
                  .map((x, i) => (
                    <li key={i} class="note">
                      «{x.text}»{' '}
                      <span class="hint">
                        {x.respondent?.name ?? ''} {x.submittedAt ? i18n.dateTime(x.submittedAt) : ''}
                      </span>
                    </li>
                  ))}
              </ul>
            ) : !s || s.base === 0 ? (
              <p class="hint">{t('polls.noAnswers')}</p>
            ) : (
              <>
                <p class="row-meta">
                  <span>{t('polls.base', { n: s.base })}</span>
                  {s.skipped > 0 && <span>{t('polls.skipped', { n: s.skipped })}</span>}
                  {s.index !== null && (
                    <span data-testid="satisfaction-index">
                      {t('polls.index', { index: formatNumber(s.index, 1), diff: signed(s.vsBaseline), baseline: formatNumber(r.baseline, 1) })}
                    </span>
                  )}
                  {s.mean !== null && <span>{t('polls.mean', { mean: formatNumber(s.mean, 2), n: s.meanBase })}</span>}
                  {change && change.index !== null && <span>{t('polls.indexChange', { diff: signed(change.index) })}</span>}
                  {change && change.index === null && change.mean !== null && <span>{t('polls.meanChange', { diff: signed(change.mean) })}</span>}
                </p>
                <BarChart
                  title={text}
                  bars={s.options.map((o) => ({
                    label: answerLabel(t, locale, q.type, q.options, o.code),
                    value: o.count,
                    note: o.share === null ? undefined : formatPercent(o.share, 1),
                  }))}
                />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
