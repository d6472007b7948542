// The results framework: the tree (one goal, outcomes under it, outputs under those, activities under outputs),
// each node's indicators with baseline, target, source and the actual and progress of every period, a value
// entered with its evidence (who and when shown, the file downloadable), and forms to add or change a node or an
// indicator.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { IndicatorForm, type IndicatorFields } from './indicator-form.tsx';
import { NodeEditForm } from './node-edit-form.tsx';
import { LEVELS, PARENT, type Framework, type FrameworkNode, type Indicator } from './types.ts';
import { ValueForm } from './value-form.tsx';

const INDENT = { goal: 0, outcome: 1, output: 2, activity: 3 } as const;

/** The tree in reading order: each node followed by its children. */
function ordered(nodes: FrameworkNode[]): FrameworkNode[] {
  const out: FrameworkNode[] = [];
  const walk = (parentId: number | null) => {
    for (const n of nodes.filter((x) => x.parentId === parentId).sort((a, b) => a.position - b.position || a.id - b.id)) {
      out.push(n);
      walk(n.id);
    }
  };
  walk(null);
  return out;
}

function IndicatorTable({ indicators, onValue, onEdit }: { indicators: Indicator[]; onValue(i: Indicator, key: string): void; onEdit(i: Indicator): void }) {
  const { api } = useApp();
  const { t, locale, num, date } = useI18n();
  const loc = (kk: string, ru: string) => (locale === 'kk' ? kk : ru);
  return (
    <table class="table" data-testid="impact-indicators">
      <thead>
        <tr>
          <th>{t('impact.indicator')}</th>
          <th>{t('impact.baseline')}</th>
          <th>{t('impact.target')}</th>
          <th>{t('impact.source')}</th>
          <th>{t('impact.periods')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((i) => (
          <tr key={i.id}>
            <td>
              {loc(i.nameKk, i.nameRu)} <span class="muted">({loc(i.unitKk, i.unitRu)})</span>
              <div class="muted">{t('impact.verification', { text: loc(i.verificationKk, i.verificationRu) })}</div>
              <button type="button" class="link" onClick={() => onEdit(i)}>
                {t('impact.editIndicator')}
              </button>
            </td>
            <td>{num(i.baseline, 2)}</td>
            <td>{num(i.target, 2)}</td>
            <td>
              {t(`impact.sources.${i.source}`)}
              <div class="muted">{t(`impact.schedules.${i.schedule}`)}</div>
            </td>
            <td>
              {i.periods
                .filter((p) => p.started)
                .map((p) => (
                  <div key={p.key} data-period={p.key}>
                    <b>{p.key}</b>: {p.actual === null ? '—' : num(p.actual, 2)}
                    {p.progress !== null && <span class={p.progress >= 100 ? 'badge ok' : 'badge'}>{t('impact.progress', { value: num(p.progress, 1) })}</span>}
                    {p.manual && (
                      <span class="muted">
                        {' '}
                        {t('impact.entered', { at: date(p.manual.enteredAt), text: p.manual.evidenceText })}
                        {p.manual.evidenceUrl && (
                          <>
                            {' '}
                            <a href={p.manual.evidenceUrl} target="_blank" rel="noopener noreferrer">
                              {t('impact.evidenceLink')}
                            </a>
                          </>
                        )}
                        {p.manual.hasFile && (
                          <button type="button" class="link" onClick={() => api.download(`/api/impact/indicators/${i.id}/values/${p.key}/evidence`)}>
                            {p.manual.evidenceName ?? t('impact.evidenceFile')}
                          </button>
                        )}
                      </span>
                    )}{' '}
                    <button type="button" class="link" onClick={() => onValue(i, p.key)}>
                      {t('impact.enterValue')}
                    </button>
                  </div>
                ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FrameworkTab({ projectId }: { projectId: number }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const fw = useLoad(() => api.get<Framework>(`/api/impact/projects/${projectId}/framework`), [projectId]);
  const act = useAction();
  const [node, setNode] = useState({ level: 'goal' as (typeof LEVELS)[number], parentId: '', textKk: '', textRu: '' });
  const [indFor, setIndFor] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ node?: number; indicator?: Indicator }>({});
  const [value, setValue] = useState<{ indicator: Indicator; key: string } | null>(null);
  const saveIndicator = async (
    url: string,
    method: 'post' | 'put',
    body: IndicatorFields & Partial<Pick<Indicator, 'baselineOn' | 'targetOn' | 'sourceConfig' | 'aggregation'>>,
  ) => {
    if ((await act.run(() => (method === 'post' ? api.post(url, body) : api.put(url, body)), t('common.saved'))) !== undefined) {
      setIndFor(null);
      setEditing({});
      fw.reload();
    }
  };
  if (fw.error) return <ErrorBox error={fw.error} />;
  if (!fw.data) return <Loading />;
  const nodes = ordered(fw.data.nodes);
  const loc = (kk: string, ru: string) => (locale === 'kk' ? kk : ru);
  const parents = nodes.filter((n) => n.level === PARENT[node.level]);
  const field = (label: string, val: string, set: (s: string) => void, type = 'text') => (
    <label>
      {label} <input type={type} step="any" value={val} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </label>
  );
  return (
    <div data-testid="impact-framework">
      <ErrorBox error={act.error} />
      {nodes.length === 0 && <p class="muted">{t('impact.emptyFramework')}</p>}
      {nodes.map((n) => (
        <div class="panel" key={n.id} style={{ marginLeft: `${INDENT[n.level as keyof typeof INDENT] * 1.5}rem` }} data-level={n.level}>
          <h3>
            <span class="badge">{t(`impact.levels.${n.level}`)}</span> {loc(n.textKk, n.textRu)}
          </h3>
          {loc(n.assumptionsKk, n.assumptionsRu) && <p class="muted">{t('impact.assumptions', { text: loc(n.assumptionsKk, n.assumptionsRu) })}</p>}
          {n.indicators.length > 0 && (
            <IndicatorTable indicators={n.indicators} onValue={(i, key) => setValue({ indicator: i, key })} onEdit={(i) => setEditing({ indicator: i })} />
          )}
          {n.level !== 'activity' && (
            <button type="button" onClick={() => setIndFor(indFor === n.id ? null : n.id)}>
              {t('impact.addIndicator')}
            </button>
          )}{' '}
          <button type="button" onClick={() => setEditing(editing.node === n.id ? {} : { node: n.id })}>
            {t('common.edit')}
          </button>{' '}
          <button
            type="button"
            onClick={async () => {
              if (confirm(t('impact.removeNode')) && (await act.run(() => api.del(`/api/impact/nodes/${n.id}`), t('common.deleted'))) !== undefined)
                fw.reload();
            }}
          >
            {t('common.delete')}
          </button>
          {indFor === n.id && (
            <IndicatorForm
              busy={act.busy}
              onSave={(body) => saveIndicator(`/api/impact/nodes/${n.id}/indicators`, 'post', body)}
              onCancel={() => setIndFor(null)}
            />
          )}
          {editing.indicator && n.indicators.some((x) => x.id === editing.indicator!.id) && (
            <IndicatorForm
              key={editing.indicator.id}
              initial={editing.indicator}
              busy={act.busy}
              // the whole indicator is sent: what this form does not show (dates, source settings) is kept as it is
              onSave={(body) => {
                const i = editing.indicator!;
                const kept = { baselineOn: i.baselineOn, targetOn: i.targetOn, sourceConfig: i.sourceConfig, aggregation: i.aggregation };
                return saveIndicator(`/api/impact/indicators/${i.id}`, 'put', { ...kept, ...body });
              }}
              onCancel={() => setEditing({})}
            />
          )}
          {editing.node === n.id && (
            <NodeEditForm
              node={n}
              act={act}
              onSaved={() => {
                setEditing({});
                fw.reload();
              }}
              onCancel={() => setEditing({})}
            />
          )}
        </div>
      ))}
      {value && (
        <ValueForm
          key={`${value.indicator.id}-${value.key}`}
          indicator={value.indicator}
          periodKey={value.key}
          act={act}
          onSaved={(closed) => {
            if (closed) setValue(null);
            fw.reload();
          }}
          onCancel={() => setValue(null)}
        />
      )}
      <form
        class="panel form"
        data-testid="impact-node-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const body = { level: node.level, parentId: node.parentId ? Number(node.parentId) : null, textKk: node.textKk, textRu: node.textRu };
          if ((await act.run(() => api.post(`/api/impact/projects/${projectId}/nodes`, body), t('common.saved'))) !== undefined) {
            setNode({ ...node, textKk: '', textRu: '' });
            fw.reload();
          }
        }}
      >
        <h3>{t('impact.addNode')}</h3>
        <label>
          {t('impact.level')}{' '}
          <select
            value={node.level}
            onChange={(e) => setNode({ ...node, level: (e.target as HTMLSelectElement).value as (typeof LEVELS)[number], parentId: '' })}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`impact.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {PARENT[node.level] && (
          <label>
            {t('impact.parent')}{' '}
            <select value={node.parentId} onChange={(e) => setNode({ ...node, parentId: (e.target as HTMLSelectElement).value })}>
              <option value="">—</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {loc(p.textKk, p.textRu)}
                </option>
              ))}
            </select>
          </label>
        )}
        {field(t('impact.textKk'), node.textKk, (s) => setNode({ ...node, textKk: s }))}
        {field(t('impact.textRu'), node.textRu, (s) => setNode({ ...node, textRu: s }))}
        <button type="submit" class="primary" disabled={act.busy}>
          {t('common.save')}
        </button>
      </form>
    </div>
  );
}
