// A project's monitoring tab: the year with its rounds against the Rules' 2–5 and the warnings, the 500 MCI
// threshold and the independent expert, planning a round, the rounds (open one to see its indicators and tools),
// and the measures with their state, closed with a note.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { BackLink, ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href } from '../../router.ts';
import type { ScreenProps } from '../types.ts';
import { RoundPanel } from './round-panel.tsx';
import type { Measure, Overview } from './types.ts';

export function MonitoringScreen({ params, query }: ScreenProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const id = Number(params.id);
  const [year, setYear] = useState(Number(query.get('year')) || new Date().getFullYear());
  const [open, setOpen] = useState<number | null>(null);
  const [plannedOn, setPlannedOn] = useState('');
  const [ngoLink, setNgoLink] = useState<string | null>(null);
  const o = useLoad(() => api.get<Overview>(`/api/monitoring/projects/${id}`, { year }), [id, year]);
  const act = useAction();
  if (o.error) return <ErrorBox error={o.error} />;
  if (!o.data) return <Loading />;
  const { project: p, status: s, threshold: th } = o.data;
  const body = o.data.access === 'body';
  const years = [];
  for (let y = Number(p.startsOn.slice(0, 4)); y <= Number(p.endsOn.slice(0, 4)); y++) years.push(y);
  const run = async (fn: () => Promise<unknown>) => (await act.run(fn, t('common.saved'))) !== undefined && o.reload();
  const closeMeasure = async (m: Measure, outcome: 'done' | 'not_done') => {
    const note = prompt(t('monitoring.closeNote'));
    if (note) await run(() => api.post(`/api/monitoring/measures/${m.id}/close`, { outcome, note }));
  };
  return (
    <section class="screen" data-testid="monitoring-screen">
      <BackLink href={href(`projects/${p.id}`)}>{locale === 'kk' ? p.nameKk : p.nameRu}</BackLink>
      <div class="screen-head">
        <h1>{t('monitoring.title')}</h1>
        <select aria-label={t('monitoring.year')} value={String(year)} onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <ErrorBox error={act.error} />
      <div class="panel">
        <p data-testid="monitoring-status">
          {t('monitoring.status', { planned: s.planned, completed: s.completed, min: s.min, max: s.max, recommended: s.recommended })}
        </p>
        {s.warnings.map((w) => (
          <p key={w} class="badge warn">
            {t(`monitoring.warnings.${w}`, { min: s.min })}
          </p>
        ))}
        <p>
          {th.needsIndependent === null
            ? t('monitoring.mciUnknown', { year: th.year })
            : t(th.needsIndependent ? 'monitoring.independent' : 'monitoring.self', {
                limit: i18n.num(th.limitThousand ?? 0, 1),
                mci: i18n.num(th.mci ?? 0),
                year: th.year,
              })}
        </p>
        {p.supplierContact ? (
          <p data-testid="monitoring-contact">{t('monitoring.contact', { name: p.supplierContactName || '—' })}</p>
        ) : (
          <p class="muted">{t('monitoring.noContact')}</p>
        )}
        {body && (
          <p>
            <button
              type="button"
              disabled={act.busy}
              onClick={async () => {
                // A new link voids the one handed over before: the manager gives the NGO this one.
                const r = await act.run(() => api.post<{ link: string }>(`/api/monitoring/projects/${p.id}/ngo-invite`, {}), t('common.saved'));
                if (r) setNgoLink(r.link);
              }}
            >
              {t(p.supplierContact ? 'monitoring.ngoRenew' : 'monitoring.ngoInvite')}
            </button>
            {ngoLink && (
              <>
                {' '}
                <code data-testid="monitoring-ngo-link">{ngoLink}</code> <span class="muted">{t('monitoring.ngoLinkHint')}</span>
              </>
            )}
          </p>
        )}
        {body && (
          <form
            class="form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await act.run(() => api.post(`/api/monitoring/projects/${p.id}/rounds`, { plannedOn }), t('common.saved'))) {
                setPlannedOn('');
                o.reload();
              }
            }}
          >
            <label>
              {t('monitoring.plannedOn')}{' '}
              <input type="date" min={p.startsOn} max={p.endsOn} value={plannedOn} onInput={(e) => setPlannedOn((e.target as HTMLInputElement).value)} />
            </label>{' '}
            <button type="submit" class="primary" disabled={act.busy || !plannedOn}>
              {t('monitoring.plan')}
            </button>
          </form>
        )}
      </div>
      <div class="panel">
        <h2>{t('monitoring.rounds')}</h2>
        <table class="table" data-testid="monitoring-rounds">
          <thead>
            <tr>
              <th>№</th>
              <th>{t('monitoring.plannedOn')}</th>
              <th>{t('monitoring.roundStatus')}</th>
              <th>{t('monitoring.conductedBy')}</th>
              <th>{t('monitoring.tools')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {o.data.rounds.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td>
                <td>{i18n.date(r.plannedOn)}</td>
                <td>{t(`monitoring.roundStatuses.${r.status}`)}</td>
                <td>{t(`monitoring.conductors.${r.conductedBy}`)}</td>
                <td>{r.tools.map((x) => t(`monitoring.toolNames.${x}`)).join(', ')}</td>
                <td>
                  <button type="button" onClick={() => setOpen(open === r.id ? null : r.id)}>
                    {t('monitoring.open')}
                  </button>{' '}
                  {r.status === 'planned' && (
                    <button type="button" onClick={() => run(() => api.post(`/api/monitoring/rounds/${r.id}/start`, {}))}>
                      {t('monitoring.start')}
                    </button>
                  )}{' '}
                  {body && (r.status === 'planned' || r.status === 'in_progress') && (
                    <button
                      type="button"
                      onClick={async () => {
                        const reason = prompt(t('monitoring.cancelReason'));
                        if (reason) await run(() => api.post(`/api/monitoring/rounds/${r.id}/cancel`, { reason }));
                      }}
                    >
                      {t('common.cancel')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open !== null && <RoundPanel roundId={open} body={body} onChanged={o.reload} />}
      <div class="panel">
        <h2>{t('monitoring.measures')}</h2>
        <table class="table" data-testid="monitoring-measures">
          <thead>
            <tr>
              <th>{t('monitoring.measure')}</th>
              <th>{t('monitoring.dueOn')}</th>
              <th>{t('monitoring.roundStatus')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {o.data.measures.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.text}
                  {!m.delivered && <div class="muted">{t('monitoring.notDelivered')}</div>}
                  {m.closeNote && <div class="muted">{m.closeNote}</div>}
                </td>
                <td>{i18n.date(m.dueOn)}</td>
                <td>
                  <span class={m.state === 'overdue' || m.state === 'not_done' ? 'badge warn' : 'badge'}>{t(`monitoring.measureStates.${m.state}`)}</span>
                </td>
                <td>
                  {body && m.status === 'open' && (
                    <>
                      <button type="button" onClick={() => closeMeasure(m, 'done')}>
                        {t('monitoring.markDone')}
                      </button>{' '}
                      <button type="button" onClick={() => closeMeasure(m, 'not_done')}>
                        {t('monitoring.markNotDone')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
