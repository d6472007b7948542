// A new volunteering opportunity: titles and descriptions in both languages, the organiser, the place and
// time, the volunteers needed, the area and the directions it suits; published at once or kept as a draft.
import { useState } from 'preact/hooks';
import { VolunteerDirection } from '../../../../generated/prisma/enums.ts';
import type { Area } from '../../../../server/reference/reference-schemas.ts';
import type { Opportunity, OpportunityInput } from '../../../../server/volunteering/volunteering-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { Checkbox, Field, FormScreen, KkRuFields, Select, TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { atLocal } from '../screen-helpers.ts';

const DIRECTIONS = Object.values(VolunteerDirection);

export function OpportunityForm() {
  const { api, ref, user } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const areas = useLoad(() => api.get<Area[]>('/api/reference/areas'), []);
  const [f, setF] = useState({
    titleKk: '',
    titleRu: '',
    descriptionKk: '',
    descriptionRu: '',
    organiserName: '',
    regionId: user.regionId ? String(user.regionId) : '',
    districtId: user.districtId ? String(user.districtId) : '',
    place: '',
    day: '',
    from: '10:00',
    to: '14:00',
    needed: '5',
    areaId: '',
  });
  const [directions, setDirections] = useState<VolunteerDirection[]>([]);
  const [publish, setPublish] = useState(true);
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = useAction();
  const region = ref.regions.find((r) => String(r.id) === f.regionId);
  async function submit() {
    const body = {
      titleKk: f.titleKk,
      titleRu: f.titleRu,
      descriptionKk: f.descriptionKk,
      descriptionRu: f.descriptionRu,
      organiserName: f.organiserName,
      regionId: Number(f.regionId),
      districtId: f.districtId ? Number(f.districtId) : null,
      areaId: f.areaId ? Number(f.areaId) : null,
      directions,
      place: f.place,
      startsAt: f.day ? atLocal(f.day, f.from) : '',
      endsAt: f.day ? atLocal(f.day, f.to) : '',
      needed: Number(f.needed),
      publish,
    } satisfies OpportunityInput;
    const created = await save.run(() => api.post<Opportunity>('/api/volunteering/opportunities', body), t('common.saved'));
    if (created) navigate(href(`volunteers/${created.id}`));
  }
  return (
    <FormScreen
      back={href('volunteers')}
      backLabel={t('volunteers.title')}
      title={t('volunteers.newOpportunity')}
      onSubmit={submit}
      testId="opportunity-form"
      busy={save.busy}
      error={save.error ?? areas.error}
      submitLabel={t('common.save')}
    >
      <KkRuFields
        name="title"
        labels={[t('volunteers.titleKk'), t('volunteers.titleRu')]}
        kk={[f.titleKk, set('titleKk')]}
        ru={[f.titleRu, set('titleRu')]}
        wide
      />
      <KkRuFields
        name="description"
        labels={[t('volunteers.descriptionKk'), t('volunteers.descriptionRu')]}
        kk={[f.descriptionKk, set('descriptionKk')]}
        ru={[f.descriptionRu, set('descriptionRu')]}
        rows={2}
        wide
      />
      <Field label={t('volunteers.organiser')}>
        <TextInput name="organiserName" value={f.organiserName} onInput={set('organiserName')} />
      </Field>
      <Field label={t('volunteers.region')}>
        <Select
          value={f.regionId}
          onChange={(v) => setF((s) => ({ ...s, regionId: v, districtId: '' }))}
          options={[{ value: '', label: '—' }, ...ref.regions.map((r) => ({ value: String(r.id), label: i18n.name(r) }))]}
        />
      </Field>
      <Field label={t('volunteers.district')}>
        <Select
          value={f.districtId}
          onChange={set('districtId')}
          options={[{ value: '', label: t('volunteers.wholeRegion') }, ...(region?.districts ?? []).map((d) => ({ value: String(d.id), label: i18n.name(d) }))]}
        />
      </Field>
      <Field label={t('volunteers.place')} wide>
        <TextInput name="place" value={f.place} onInput={set('place')} />
      </Field>
      <Field label={t('volunteers.day')}>
        <input type="date" value={f.day} onInput={(e) => set('day')((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('volunteers.from')}>
        <input type="time" value={f.from} onInput={(e) => set('from')((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('volunteers.to')}>
        <input type="time" value={f.to} onInput={(e) => set('to')((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('volunteers.needed')}>
        <TextInput type="number" min={1} value={f.needed} onInput={set('needed')} />
      </Field>
      <Field label={t('volunteers.area')}>
        <Select
          value={f.areaId}
          onChange={set('areaId')}
          options={[{ value: '', label: '—' }, ...(areas.data ?? []).map((a) => ({ value: String(a.id), label: `${a.id}. ${i18n.name(a)}` }))]}
        />
      </Field>
      <fieldset class="wide" style={{ flexBasis: '100%', border: 0, padding: 0 }}>
        <legend class="field-label">{t('volunteers.directions')}</legend>
        <div class="filters">
          {DIRECTIONS.map((d) => (
            <label key={d} class="inline">
              <input
                type="checkbox"
                checked={directions.includes(d)}
                onChange={(e) => setDirections((xs) => ((e.target as HTMLInputElement).checked ? [...xs, d] : xs.filter((x) => x !== d)))}
              />{' '}
              {t(`volunteers.direction.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Checkbox checked={publish} onChange={setPublish}>
        {t('volunteers.publishNow')}
      </Checkbox>
    </FormScreen>
  );
}
