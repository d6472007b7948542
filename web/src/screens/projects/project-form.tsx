// A new project with the Annex 5 fields (a draft): names in both languages, the supplier NGO and its
// contract, goals and objectives, the period, the area, the region and the budget programme administrator.
import { useState } from 'preact/hooks';
import type { StateBody } from '../../../../server/discussions/state-bodies-schemas.ts';
import type { Project, ProjectInput } from '../../../../server/projects/projects-schemas.ts';
import type { Area } from '../../../../server/reference/reference-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { Field, FormScreen, KkRuFields, Select, TextArea, TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';

export function ProjectForm() {
  const { api, ref, user } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const areas = useLoad(() => api.get<Area[]>('/api/reference/areas'), []);
  const bodies = useLoad(() => api.get<StateBody[]>('/api/state-bodies', { active: 'true' }).catch(() => [] as StateBody[]), []);
  const [f, setF] = useState({
    nameKk: '',
    nameRu: '',
    supplierName: '',
    supplierBin: '',
    contractSum: '',
    goalsKk: '',
    goalsRu: '',
    objectivesKk: '',
    objectivesRu: '',
    startsOn: '',
    endsOn: '',
    areaId: '',
    regionId: user.regionId ? String(user.regionId) : '',
    stateBodyId: '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = useAction();
  async function submit() {
    const body = {
      ...f,
      supplierBin: f.supplierBin || null,
      contractSum: Number(f.contractSum.replace(',', '.')),
      areaId: Number(f.areaId),
      regionId: f.regionId ? Number(f.regionId) : null,
      stateBodyId: f.stateBodyId ? Number(f.stateBodyId) : null,
    } satisfies ProjectInput;
    const created = await save.run(() => api.post<Project>('/api/projects', body), t('common.saved'));
    if (created) navigate(href(`projects/${created.id}`));
  }
  const area = (k: keyof typeof f, label: string, lang?: string) => (
    <Field label={label} wide>
      <TextArea name={k} lang={lang} rows={2} value={f[k]} onInput={set(k)} />
    </Field>
  );
  return (
    <FormScreen
      back={href('projects')}
      backLabel={t('projects.title')}
      title={t('projects.new')}
      onSubmit={submit}
      testId="project-form"
      busy={save.busy}
      error={save.error ?? areas.error}
      submitLabel={t('projects.create')}
    >
      <KkRuFields name="name" labels={[t('projects.nameKk'), t('projects.nameRu')]} kk={[f.nameKk, set('nameKk')]} ru={[f.nameRu, set('nameRu')]} wide />
      <Field label={t('projects.supplier')}>
        <TextInput name="supplierName" value={f.supplierName} onInput={set('supplierName')} />
      </Field>
      <Field label={t('projects.bin')}>
        <TextInput name="supplierBin" inputMode="numeric" value={f.supplierBin} onInput={set('supplierBin')} />
      </Field>
      <Field label={t('projects.contractSumLabel')}>
        <TextInput name="contractSum" inputMode="decimal" value={f.contractSum} onInput={set('contractSum')} />
      </Field>
      <Field label={t('projects.startsOn')}>
        <input type="date" value={f.startsOn} onInput={(e) => set('startsOn')((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('projects.endsOn')}>
        <input type="date" value={f.endsOn} min={f.startsOn} onInput={(e) => set('endsOn')((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('projects.area')}>
        <Select
          value={f.areaId}
          onChange={set('areaId')}
          options={[{ value: '', label: '—' }, ...(areas.data ?? []).map((a) => ({ value: String(a.id), label: `${a.id}. ${i18n.name(a)}` }))]}
        />
      </Field>
      <Field label={t('projects.region')}>
        <Select
          value={f.regionId}
          onChange={set('regionId')}
          options={[{ value: '', label: t('projects.national') }, ...ref.regions.map((r) => ({ value: String(r.id), label: i18n.name(r) }))]}
        />
      </Field>
      <Field label={t('projects.stateBody')}>
        <Select
          value={f.stateBodyId}
          onChange={set('stateBodyId')}
          options={[{ value: '', label: '—' }, ...(bodies.data ?? []).map((b) => ({ value: String(b.id), label: i18n.name(b) }))]}
        />
      </Field>
      {area('goalsKk', t('projects.goalsKk'), 'kk')}
      {area('goalsRu', t('projects.goalsRu'), 'ru')}
      {area('objectivesKk', t('projects.objectivesKk'), 'kk')}
      {area('objectivesRu', t('projects.objectivesRu'), 'ru')}
    </FormScreen>
  );
}
