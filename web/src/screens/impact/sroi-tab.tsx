// SROI: the inputs (the contract row from the contract sum), the outcomes with their proxy and the four
// percentages with the reason for them, and the ratio — never alone: its range, and every outcome's assumptions
// printed beside it. Without a reason or a sourced proxy there is no ratio, and the screen says why.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { DownloadButton } from '../../components/table.tsx';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { Framework, Proxy, Sroi } from './types.ts';

const EMPTY = {
  nameKk: '',
  nameRu: '',
  indicatorId: '',
  quantity: '',
  proxyId: '',
  durationYears: '1',
  deadweightPct: '0',
  attributionPct: '0',
  dropOffPct: '0',
  rationale: '',
};

export function SroiTab({ projectId }: { projectId: number }) {
  const { api } = useApp();
  const { t, locale, num } = useI18n();
  const sroi = useLoad(() => api.get<Sroi>(`/api/impact/projects/${projectId}/sroi`), [projectId]);
  const proxies = useLoad(() => api.get<Proxy[]>('/api/impact/proxies'), []);
  const fw = useLoad(() => api.get<Framework>(`/api/impact/projects/${projectId}/framework`), [projectId]);
  const [o, setO] = useState(EMPTY);
  const [input, setInput] = useState({ kind: 'cofunding', labelKk: '', labelRu: '', amountTenge: '', source: '' });
  const act = useAction();
  if (sroi.error) return <ErrorBox error={sroi.error} />;
  if (!sroi.data) return <Loading />;
  const s = sroi.data;
  const r = s.result;
  const loc = (kk: string, ru: string) => (locale === 'kk' ? kk : ru);
  const tenge = (n: number) => `${num(n, 0)} ₸`;
  const indicators = (fw.data?.nodes ?? []).flatMap((n) => n.indicators);
  const save = async (fn: () => Promise<unknown>) => (await act.run(fn, t('common.saved'))) !== undefined && sroi.reload();
  const field = (label: string, k: keyof typeof EMPTY, type = 'text') => (
    <label>
      {label} <input type={type} step="any" value={o[k]} onInput={(e) => setO({ ...o, [k]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <div data-testid="impact-sroi">
      <ErrorBox error={act.error} />
      <div class="panel" data-testid="impact-sroi-result">
        {r ? (
          <>
            <h3>{t('impact.sroiRatio', { ratio: num(r.ratio, 2), low: num(r.low, 2), high: num(r.high, 2) })}</h3>
            <p>
              {t('impact.sroiFacts', {
                pv: tenge(r.presentValue),
                inputs: tenge(r.totalInputs),
                rate: num(r.discountRate * 100, 1),
                breakEven: num(r.breakEven, 3),
              })}
            </p>
            <p class="muted">
              {t('impact.sensitivity', {
                low: num(r.sensitivity.proxyFactorLow, 1),
                high: num(r.sensitivity.proxyFactorHigh, 1),
                shift: r.sensitivity.percentShift,
              })}
            </p>
            <table class="table">
              <caption>{t('impact.assumptionsTitle')}</caption>
              <thead>
                <tr>
                  <th>{t('impact.outcome')}</th>
                  <th>{t('impact.quantity')}</th>
                  <th>{t('impact.proxy')}</th>
                  <th>{t('impact.percentages')}</th>
                  <th>{t('impact.rationale')}</th>
                  <th>PV</th>
                </tr>
              </thead>
              <tbody>
                {r.outcomes.map((x) => (
                  <tr key={x.id}>
                    <td>{loc(x.nameKk, x.nameRu)}</td>
                    <td>
                      {num(x.quantity, 2)} <span class="muted">{t(`impact.quantityFrom.${x.quantityFrom}`)}</span>
                    </td>
                    <td>
                      {tenge(x.assumptions.proxyValue)} <div class="muted">{x.assumptions.proxySource}</div>
                    </td>
                    <td>
                      {t('impact.percentFacts', {
                        years: x.assumptions.durationYears,
                        dw: x.assumptions.deadweight,
                        ds: x.assumptions.displacement,
                        at: x.assumptions.attribution,
                        dof: x.assumptions.dropOff,
                      })}
                    </td>
                    <td>{x.assumptions.rationale}</td>
                    <td>{tenge(x.pv)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {(['kk', 'ru'] as const).map((l) => (
              <DownloadButton key={l} url={`/api/impact/projects/${projectId}/sroi/export`} query={{ lang: l }} label={t(`impact.download_${l}`)} />
            ))}
          </>
        ) : (
          <p class="badge warn">{s.refusalMessage ?? t('impact.noRatio')}</p>
        )}
      </div>
      <div class="panel">
        <h3>{t('impact.inputs')}</h3>
        <ul>
          {s.inputs.map((i, n) => (
            <li key={i.id ?? `c${n}`}>
              {loc(i.labelKk, i.labelRu)}: {tenge(i.amount)} <span class="muted">{i.source}</span>{' '}
              {i.id !== null && (
                <button type="button" class="link" onClick={() => save(() => api.del(`/api/impact/sroi/inputs/${i.id}`))}>
                  {t('common.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(() => api.post(`/api/impact/projects/${projectId}/sroi/inputs`, { ...input, amountTenge: Number(input.amountTenge) }));
          }}
        >
          <select value={input.kind} onChange={(e) => setInput({ ...input, kind: (e.target as HTMLSelectElement).value })}>
            {['cofunding', 'in_kind', 'volunteer_time'].map((k) => (
              <option key={k} value={k}>
                {t(`impact.inputKinds.${k}`)}
              </option>
            ))}
          </select>{' '}
          {(['labelKk', 'labelRu', 'amountTenge', 'source'] as const).map((k) => (
            <label key={k}>
              {t(`impact.${k}`)} <input value={input[k]} onInput={(e) => setInput({ ...input, [k]: (e.target as HTMLInputElement).value })} />{' '}
            </label>
          ))}
          <button type="submit" disabled={act.busy}>
            {t('impact.addInput')}
          </button>
        </form>
      </div>
      <form
        class="panel form"
        onSubmit={(e) => {
          e.preventDefault();
          const body = {
            nameKk: o.nameKk,
            nameRu: o.nameRu,
            indicatorId: o.indicatorId ? Number(o.indicatorId) : null,
            quantity: o.quantity ? Number(o.quantity) : null,
            proxyId: Number(o.proxyId),
            durationYears: Number(o.durationYears),
            deadweightPct: Number(o.deadweightPct),
            attributionPct: Number(o.attributionPct),
            dropOffPct: Number(o.dropOffPct),
            rationale: o.rationale,
          };
          void save(() => api.post(`/api/impact/projects/${projectId}/sroi/outcomes`, body)).then((ok) => ok && setO(EMPTY));
        }}
      >
        <h3>{t('impact.addOutcome')}</h3>
        {field(t('impact.nameKk'), 'nameKk')}
        {field(t('impact.nameRu'), 'nameRu')}
        <label>
          {t('impact.fromIndicator')}{' '}
          <select value={o.indicatorId} onChange={(e) => setO({ ...o, indicatorId: (e.target as HTMLSelectElement).value })}>
            <option value="">—</option>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {loc(i.nameKk, i.nameRu)}
              </option>
            ))}
          </select>
        </label>
        {field(t('impact.quantity'), 'quantity', 'number')}
        <label>
          {t('impact.proxy')}{' '}
          <select value={o.proxyId} onChange={(e) => setO({ ...o, proxyId: (e.target as HTMLSelectElement).value })}>
            <option value="">—</option>
            {(proxies.data ?? [])
              .filter((p) => p.active)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {loc(p.nameKk, p.nameRu)}: {tenge(p.valueTenge)}
                </option>
              ))}
          </select>
        </label>
        {field(t('impact.durationYears'), 'durationYears', 'number')}
        {field(t('impact.deadweight'), 'deadweightPct', 'number')}
        {field(t('impact.attribution'), 'attributionPct', 'number')}
        {field(t('impact.dropOff'), 'dropOffPct', 'number')}
        {field(t('impact.rationale'), 'rationale')}
        <button type="submit" class="primary" disabled={act.busy || !o.proxyId}>
          {t('common.save')}
        </button>
      </form>
    </div>
  );
}
