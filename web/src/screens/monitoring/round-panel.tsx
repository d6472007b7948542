// One round: the four indicators of item 9 (activities with evidence, satisfaction, coverage, the standard's
// checklist), the tools' records with a form per tool, completion with a summary, and a measure for the NGO.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { ToolForm } from './tool-form.tsx';
import type { RoundDetail } from './types.ts';

export function RoundPanel({ roundId, body, onChanged }: { roundId: number; body: boolean; onChanged(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const d = useLoad(() => api.get<RoundDetail>(`/api/monitoring/rounds/${roundId}`), [roundId]);
  const act = useAction();
  const [summary, setSummary] = useState('');
  const [measure, setMeasure] = useState({ text: '', dueOn: '' });
  if (d.error) return <ErrorBox error={d.error} />;
  if (!d.data) return <Loading />;
  const r = d.data;
  const live = r.round.status === 'in_progress';
  const loc = (kk: string, ru: string) => (locale === 'kk' ? kk : ru);
  const save = async (fn: () => Promise<unknown>) => {
    if ((await act.run(fn, t('common.saved'))) !== undefined) {
      d.reload();
      onChanged();
      return true;
    }
    return false;
  };
  const ind = r.indicators;
  return (
    <div class="panel" data-testid="monitoring-round">
      <h2>{t('monitoring.roundOf', { date: i18n.date(r.round.plannedOn) })}</h2>
      <ErrorBox error={act.error} />
      {r.frozen && <p class="muted">{t('monitoring.frozen')}</p>}
      <h3>{t('monitoring.ind.activities')}</h3>
      <table class="table">
        <tbody>
          {ind.activities.map((a) => (
            <tr key={a.activityId}>
              <td>{loc(a.titleKk, a.titleRu)}</td>
              <td>{t('monitoring.ind.planned', { n: a.plannedQuantity ?? '—', events: a.events, participants: a.participants })}</td>
              <td>
                {live ? (
                  <select
                    aria-label={t('monitoring.roundStatus')}
                    value={a.status ?? ''}
                    onChange={async (e) => {
                      const status = (e.target as HTMLSelectElement).value;
                      const evidence = status === 'done' || status === 'partly' ? prompt(t('monitoring.evidence'), a.evidence) : a.evidence;
                      if (status && evidence !== null)
                        await save(() => api.put(`/api/monitoring/rounds/${roundId}/activities/${a.activityId}`, { status, evidence }));
                    }}
                  >
                    <option value="">—</option>
                    {(['done', 'partly', 'not_done', 'not_due'] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`monitoring.checks.${s}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  a.status && t(`monitoring.checks.${a.status}`)
                )}
                {a.evidence && <div class="muted">{a.evidence}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('monitoring.ind.satisfaction')}</h3>
      {ind.satisfaction.length === 0 && <p class="muted">—</p>}
      {ind.satisfaction.map((w) => (
        <p key={w.waveId}>{t('monitoring.ind.index', { wave: loc(w.labelKk, w.labelRu), index: w.index ?? '—', base: w.base, change: w.change ?? '—' })}</p>
      ))}
      <h3>{t('monitoring.ind.coverage')}</h3>
      <p>{t('monitoring.ind.persons', { persons: ind.coverage.persons, target: ind.coverage.target ?? '—', participants: ind.coverage.eventParticipants })}</p>
      {ind.standard && (
        <>
          <h3>{t('monitoring.ind.standard')}</h3>
          <ul>
            {ind.standard.map((s) => (
              <li key={s.itemId}>
                {loc(s.textKk, s.textRu)}{' '}
                {live ? (
                  <select
                    aria-label={t('monitoring.ind.standard')}
                    value={s.compliant === null ? '' : String(s.compliant)}
                    onChange={(e) => {
                      const v = (e.target as HTMLSelectElement).value;
                      void save(() =>
                        api.put(`/api/monitoring/rounds/${roundId}/standard`, { items: [{ itemId: s.itemId, compliant: v === '' ? null : v === 'true' }] }),
                      );
                    }}
                  >
                    <option value="">—</option>
                    <option value="true">{t('monitoring.yes')}</option>
                    <option value="false">{t('monitoring.no')}</option>
                  </select>
                ) : (
                  <strong>{s.compliant === null ? '—' : t(s.compliant ? 'monitoring.yes' : 'monitoring.no')}</strong>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('monitoring.tools')}</h3>
      <ul data-testid="monitoring-tools">
        {r.toolRecords.map((x) => (
          <li key={x.tool}>
            <strong>{t(`monitoring.toolNames.${x.tool}`)}</strong>: {x.findings}
          </li>
        ))}
      </ul>
      {live && <ToolForm roundId={roundId} save={save} />}
      {live && (
        <form
          class="form"
          onSubmit={async (e) => {
            e.preventDefault();
            await save(() => api.post(`/api/monitoring/rounds/${roundId}/complete`, { summary }));
          }}
        >
          <label>
            {t('monitoring.summary')}
            <textarea value={summary} onInput={(e) => setSummary((e.target as HTMLTextAreaElement).value)} />
          </label>
          <button type="submit" class="primary" disabled={act.busy || !summary.trim()}>
            {t('monitoring.complete')}
          </button>
        </form>
      )}
      {r.round.summary && <p>{r.round.summary}</p>}
      {body && r.round.status !== 'planned' && r.round.status !== 'cancelled' && (
        <form
          class="form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await save(() => api.post(`/api/monitoring/rounds/${roundId}/measures`, measure))) setMeasure({ text: '', dueOn: '' });
          }}
        >
          <label>
            {t('monitoring.measure')}
            <textarea value={measure.text} onInput={(e) => setMeasure((m) => ({ ...m, text: (e.target as HTMLTextAreaElement).value }))} />
          </label>
          <label>
            {t('monitoring.dueOn')}{' '}
            <input type="date" value={measure.dueOn} onInput={(e) => setMeasure((m) => ({ ...m, dueOn: (e.target as HTMLInputElement).value }))} />
          </label>
          <button type="submit" disabled={act.busy || !measure.text.trim() || !measure.dueOn}>
            {t('monitoring.addMeasure')}
          </button>
        </form>
      )}
    </div>
  );
}
