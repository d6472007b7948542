// Annex 3 (Rules item 7): a body's planned projects of a year after the discussion. Staff keep reviewed
// topics as rows, add rows by hand, edit or remove them, see the table exactly as the file will be, and
// download it in Kazakh or Russian.
import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { annex3Body, plannedBody, plannedInput } from '../../../../../server/monitoring/forms-schemas.ts';
import { FormDialog, Field, KkRuFields, TextInput } from '../../../components/form.tsx';
import { useAction, useLoad } from '../../../components/load.ts';
import { Empty } from '../../../components/layout.tsx';
import { DownloadButton, LoadState } from '../../../components/table.tsx';
import { useApp } from '../../../context.ts';
import { useI18n } from '../../../i18n/i18n.ts';
import { href, navigate } from '../../../router.ts';
import type { ScreenProps } from '../../types.ts';
import { BodyYearPickers } from './form-pickers.tsx';
import { FormPreview } from './form-preview.tsx';

type Annex3 = z.output<typeof annex3Body>;
type Planned = z.output<typeof plannedBody>;

export function Annex3Screen({ query }: ScreenProps) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const bodyId = query.get('stateBodyId') ?? '';
  const year = query.get('year') ?? String(new Date().getFullYear() + 1);
  const lang = locale === 'kk' ? 'kk' : 'ru';
  const data = useLoad(
    () => (bodyId ? api.get<Annex3>('/api/monitoring/annex3', { stateBodyId: bodyId, planYear: year, lang }) : Promise.resolve(null)),
    [bodyId, year, lang],
  );
  const [editing, setEditing] = useState<Planned | 'new' | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const act = useAction();
  const go = (patch: Record<string, string>) => navigate(href('monitoring/annex3', { stateBodyId: bodyId, year, ...patch }), { replace: true });
  const keep = () =>
    act.run(async () => {
      await api.post('/api/monitoring/planned-projects/from-topics', { stateBodyId: Number(bodyId), planYear: Number(year), topicIds: chosen });
      setChosen([]);
      data.reload();
    }, t('common.saved'));
  const remove = (id: number) =>
    act.run(async () => {
      await api.del(`/api/monitoring/planned-projects/${id}`);
      data.reload();
    }, t('common.deleted'));

  return (
    <section class="screen" data-testid="annex3-screen">
      <h1>{t('monitoringForms.annex3Title')}</h1>
      <BodyYearPickers bodyId={bodyId} year={year} onChange={go} />
      {!bodyId ? (
        <Empty>{t('monitoringForms.chooseBody')}</Empty>
      ) : (
        <LoadState loaded={data}>
          {(d) =>
            d && (
              <>
                <div class="screen-head">
                  <button type="button" class="primary" onClick={() => setEditing('new')} data-action="add-planned">
                    {t('monitoringForms.addRow')}
                  </button>
                  {(['kk', 'ru'] as const).map((l) => (
                    <DownloadButton
                      key={l}
                      url="/api/monitoring/annex3/export"
                      query={{ stateBodyId: bodyId, planYear: year, lang: l }}
                      label={t(`monitoringForms.download_${l}`)}
                    />
                  ))}
                </div>
                {d.candidates.some((c) => c.plannedProjectId === null) && (
                  <fieldset class="candidates">
                    <legend>{t('monitoringForms.topics')}</legend>
                    {d.candidates
                      .filter((c) => c.plannedProjectId === null)
                      .map((c) => (
                        <label key={c.id} class="inline">
                          <input
                            type="checkbox"
                            checked={chosen.includes(c.id)}
                            onChange={(e) => setChosen((e.target as HTMLInputElement).checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
                          />{' '}
                          {locale === 'kk' ? c.titleKk : c.titleRu} — {c.funding}
                        </label>
                      ))}
                    <button type="button" class="secondary" disabled={chosen.length === 0 || act.busy} onClick={keep} data-action="keep-topics">
                      {t('monitoringForms.keepTopics')}
                    </button>
                  </fieldset>
                )}
                <FormPreview
                  table={d.table}
                  editCell={(id, column) => {
                    if (column !== 0) return undefined;
                    const row = d.rows.find((r) => r.id === id);
                    return (
                      row && (
                        <span class="row-actions">
                          {d.table.rows[d.table.rowIds.indexOf(id)]?.[0]}{' '}
                          <button type="button" class="link" onClick={() => setEditing(row)}>
                            {t('common.edit')}
                          </button>{' '}
                          <button type="button" class="link" onClick={() => remove(id)}>
                            {t('common.delete')}
                          </button>
                        </span>
                      )
                    );
                  }}
                />
              </>
            )
          }
        </LoadState>
      )}
      {editing && (
        <PlannedDialog
          row={editing === 'new' ? null : editing}
          bodyId={Number(bodyId)}
          year={Number(year)}
          onClose={() => setEditing(null)}
          onSaved={() => (setEditing(null), data.reload())}
        />
      )}
    </section>
  );
}

function PlannedDialog({ row, bodyId, year, onClose, onSaved }: { row: Planned | null; bodyId: number; year: number; onClose(): void; onSaved(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [areaId, setArea] = useState(String(row?.areaId ?? 1));
  const [nameKk, setNameKk] = useState(row?.nameKk ?? '');
  const [nameRu, setNameRu] = useState(row?.nameRu ?? '');
  const [sum, setSum] = useState(row ? String(row.plannedSum) : '');
  const [summaryKk, setSummaryKk] = useState(row?.summaryKk ?? '');
  const [summaryRu, setSummaryRu] = useState(row?.summaryRu ?? '');
  const save = useAction();
  const submit = () =>
    save.run(async () => {
      const body = { areaId: Number(areaId), nameKk, nameRu, plannedSum: Number(sum.replace(',', '.')), summaryKk, summaryRu } satisfies z.input<
        typeof plannedInput
      >;
      if (row) await api.patch(`/api/monitoring/planned-projects/${row.id}`, body);
      else await api.post('/api/monitoring/planned-projects', { ...body, stateBodyId: bodyId, planYear: year });
      onSaved();
    }, t('common.saved'));
  return (
    <FormDialog
      title={row ? t('common.edit') : t('monitoringForms.addRow')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      busy={save.busy}
      error={save.error}
      wide
    >
      <Field label={t('monitoringForms.area')}>
        <TextInput type="number" min={1} max={19} value={areaId} onInput={setArea} name="areaId" />
      </Field>
      <KkRuFields name="name" labels={[t('monitoringForms.nameKk'), t('monitoringForms.nameRu')]} kk={[nameKk, setNameKk]} ru={[nameRu, setNameRu]} wide />
      <Field label={t('monitoringForms.plannedSum')}>
        <TextInput inputMode="decimal" value={sum} onInput={setSum} name="plannedSum" />
      </Field>
      <KkRuFields
        name="summary"
        labels={[t('monitoringForms.summaryKk'), t('monitoringForms.summaryRu')]}
        kk={[summaryKk, setSummaryKk]}
        ru={[summaryRu, setSummaryRu]}
        rows={3}
        wide
      />
    </FormDialog>
  );
}
