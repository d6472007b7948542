// Annex 9 (Rules item 21): a body's monitoring report for a year, by the half-year or for the year. The
// screen opens (or makes) the report, shows the table as the file will be, lets staff edit column 7 of a
// project in Kazakh and Russian, draft it again from the rounds, set who signs, download it in either
// language and submit it.
import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { reportBody } from '../../../../../server/monitoring/forms-schemas.ts';
import { Checkbox, Field, FormDialog, KkRuFields, TextInput } from '../../../components/form.tsx';
import { useAction, useLoad } from '../../../components/load.ts';
import { Empty } from '../../../components/layout.tsx';
import { DownloadButton, FilterSelect, LoadState } from '../../../components/table.tsx';
import { useApp } from '../../../context.ts';
import { useI18n } from '../../../i18n/i18n.ts';
import { href, navigate } from '../../../router.ts';
import type { ScreenProps } from '../../types.ts';
import { BodyYearPickers } from './form-pickers.tsx';
import { FormPreview } from './form-preview.tsx';

type Report = z.output<typeof reportBody>;
type Row = Report['rows'][number];

export function Annex9Screen({ query }: ScreenProps) {
  const { api } = useApp();
  const { t, locale, dateTime } = useI18n();
  const bodyId = query.get('stateBodyId') ?? '';
  const year = query.get('year') ?? String(new Date().getFullYear());
  const kind = query.get('kind') === 'annual' ? 'annual' : 'half_year';
  const lang = locale === 'kk' ? 'kk' : 'ru';
  const report = useLoad(
    () =>
      bodyId ? api.post<Report>(`/api/monitoring/reports?lang=${lang}`, { stateBodyId: Number(bodyId), year: Number(year), kind }) : Promise.resolve(null),
    [bodyId, year, kind, lang],
  );
  const [editing, setEditing] = useState<Row | null>(null);
  const [signing, setSigning] = useState(false);
  const act = useAction();
  const go = (patch: Record<string, string>) => navigate(href('monitoring/annex9', { stateBodyId: bodyId, year, kind, ...patch }), { replace: true });
  const redraft = (id: number) =>
    act.run(async () => {
      await api.post(`/api/monitoring/reports/${id}/redraft`, { force: false });
      report.reload();
    }, t('monitoringForms.redrafted'));
  const submit = (id: number) =>
    act.run(async () => {
      report.setData(await api.post<Report>(`/api/monitoring/reports/${id}/submit?lang=${lang}`));
    }, t('monitoringForms.submitted'));

  return (
    <section class="screen" data-testid="annex9-screen">
      <h1>{t('monitoringForms.annex9Title')}</h1>
      <BodyYearPickers bodyId={bodyId} year={year} onChange={go} />
      <FilterSelect
        label={t('monitoringForms.kind')}
        anyLabel={t('monitoringForms.half_year')}
        value={kind === 'annual' ? 'annual' : ''}
        options={[{ value: 'annual', label: t('monitoringForms.annual') }]}
        onChange={(v) => go({ kind: v || 'half_year' })}
        data-testid="form-kind"
      />
      {!bodyId ? (
        <Empty>{t('monitoringForms.chooseBody')}</Empty>
      ) : (
        <LoadState loaded={report}>
          {(r) =>
            r && (
              <>
                <p class="hint">
                  {t('monitoringForms.due', { date: dateTime(r.dueAt) })}
                  {r.submittedAt && ` · ${t('monitoringForms.submittedAt', { date: dateTime(r.submittedAt) })}`}
                </p>
                <div class="screen-head">
                  {(['kk', 'ru'] as const).map((l) => (
                    <DownloadButton key={l} url={`/api/monitoring/reports/${r.id}/export`} query={{ lang: l }} label={t(`monitoringForms.download_${l}`)} />
                  ))}
                  {!r.submittedAt && (
                    <>
                      <button type="button" class="secondary" disabled={act.busy} onClick={() => redraft(r.id)} data-action="redraft">
                        {t('monitoringForms.redraft')}
                      </button>
                      <button type="button" class="secondary" onClick={() => setSigning(true)} data-action="signer">
                        {t('monitoringForms.signer')}
                      </button>
                      <button type="button" class="primary" disabled={act.busy} onClick={() => submit(r.id)} data-action="submit-report">
                        {t('monitoringForms.submit')}
                      </button>
                    </>
                  )}
                </div>
                <FormPreview
                  table={r.table}
                  editCell={(id, column) => {
                    const row = r.rows.find((x) => x.projectId === id);
                    if (column !== 6 || !row || r.submittedAt) return undefined;
                    return (
                      <span class="col7">
                        {lang === 'kk' ? row.col7Kk : row.col7Ru}{' '}
                        <button type="button" class="link" onClick={() => setEditing(row)} data-action="edit-col7">
                          {t('common.edit')}
                        </button>
                        {row.editedAt && <span class="hint"> ({t('monitoringForms.edited')})</span>}
                      </span>
                    );
                  }}
                />
                {editing && <Column7Dialog report={r} row={editing} onClose={() => setEditing(null)} onSaved={(x) => (setEditing(null), report.setData(x))} />}
                {signing && <SignerDialog report={r} onClose={() => setSigning(false)} onSaved={(x) => (setSigning(false), report.setData(x))} />}
              </>
            )
          }
        </LoadState>
      )}
    </section>
  );
}

function Column7Dialog({ report, row, onClose, onSaved }: { report: Report; row: Row; onClose(): void; onSaved(r: Report): void }) {
  const { api } = useApp();
  const { t, locale, name } = useI18n();
  const [kk, setKk] = useState(row.col7Kk);
  const [ru, setRu] = useState(row.col7Ru);
  const save = useAction();
  const submit = () =>
    save.run(
      async () =>
        onSaved(
          await api.patch<Report>(`/api/monitoring/reports/${report.id}/rows/${row.projectId}?lang=${locale === 'kk' ? 'kk' : 'ru'}`, {
            col7Kk: kk,
            col7Ru: ru,
          }),
        ),
      t('common.saved'),
    );
  return (
    <FormDialog title={name(row)} onClose={onClose} onSubmit={submit} submitLabel={t('common.save')} busy={save.busy} error={save.error} wide>
      <KkRuFields name="col7" labels={[t('monitoringForms.col7Kk'), t('monitoringForms.col7Ru')]} kk={[kk, setKk]} ru={[ru, setRu]} rows={8} wide />
    </FormDialog>
  );
}

function SignerDialog({ report, onClose, onSaved }: { report: Report; onClose(): void; onSaved(r: Report): void }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const [signer, setSigner] = useState(report.signer);
  const save = useAction();
  const submit = () =>
    save.run(
      async () => onSaved(await api.put<Report>(`/api/monitoring/reports/${report.id}/signer?lang=${locale === 'kk' ? 'kk' : 'ru'}`, signer)),
      t('common.saved'),
    );
  return (
    <FormDialog title={t('monitoringForms.signer')} onClose={onClose} onSubmit={submit} submitLabel={t('common.save')} busy={save.busy} error={save.error}>
      <Field label={t('monitoringForms.signerName')}>
        <TextInput value={signer.name} onInput={(v) => setSigner({ ...signer, name: v })} name="signerName" />
      </Field>
      <KkRuFields
        labels={[t('monitoringForms.positionKk'), t('monitoringForms.positionRu')]}
        kk={[signer.positionKk, (v) => setSigner({ ...signer, positionKk: v })]}
        ru={[signer.positionRu, (v) => setSigner({ ...signer, positionRu: v })]}
      />
      <Checkbox checked={signer.acting} onChange={(v) => setSigner({ ...signer, acting: v })}>
        {t('monitoringForms.acting')}
      </Checkbox>
    </FormDialog>
  );
}
