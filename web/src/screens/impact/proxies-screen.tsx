// The financial proxies SROI values outcomes with (admins): each with its value, year and source — a proxy
// without a source is refused — added or changed here; seeded ones come from the budget laws.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { Proxy } from './types.ts';

const EMPTY = { code: '', nameKk: '', nameRu: '', unitKk: '', unitRu: '', valueTenge: '', year: '', source: '' };

export function ProxiesScreen() {
  const { api } = useApp();
  const { t, locale, num } = useI18n();
  const list = useLoad(() => api.get<Proxy[]>('/api/impact/proxies'), []);
  const [f, setF] = useState(EMPTY);
  const act = useAction();
  if (list.error) return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  const loc = (kk: string, ru: string) => (locale === 'kk' ? kk : ru);
  return (
    <section class="screen" data-testid="proxies-screen">
      <h1>{t('impact.proxiesTitle')}</h1>
      <ErrorBox error={act.error} />
      <table class="table">
        <thead>
          <tr>
            <th>{t('impact.proxy')}</th>
            <th>{t('impact.valueTenge')}</th>
            <th>{t('impact.year')}</th>
            <th>{t('impact.sourceText')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data.map((p) => (
            <tr key={p.id} class={p.active ? '' : 'muted'}>
              <td>
                {loc(p.nameKk, p.nameRu)} <span class="muted">({loc(p.unitKk, p.unitRu)})</span>
                <div class="muted">{p.code}</div>
              </td>
              <td>{num(p.valueTenge, 2)}</td>
              <td>{p.year ?? ''}</td>
              <td>{p.source}</td>
              <td>
                <button
                  type="button"
                  onClick={async () => {
                    const { id, code, origin, ...rest } = p;
                    void code;
                    void origin;
                    if ((await act.run(() => api.put(`/api/impact/proxies/${id}`, { ...rest, active: !p.active }), t('common.saved'))) !== undefined)
                      list.reload();
                  }}
                >
                  {t(p.active ? 'impact.deactivate' : 'impact.activate')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="panel form"
        onSubmit={async (e) => {
          e.preventDefault();
          const body = { ...f, valueTenge: Number(f.valueTenge), year: f.year ? Number(f.year) : null };
          if ((await act.run(() => api.post('/api/impact/proxies', body), t('common.saved'))) !== undefined) {
            setF(EMPTY);
            list.reload();
          }
        }}
      >
        <h3>{t('impact.addProxy')}</h3>
        {(Object.keys(EMPTY) as Array<keyof typeof EMPTY>).map((k) => (
          <label key={k}>
            {t(`impact.proxyFields.${k}`)} <input value={f[k]} onInput={(e) => setF({ ...f, [k]: (e.target as HTMLInputElement).value })} />{' '}
          </label>
        ))}
        <button type="submit" class="primary" disabled={act.busy}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
