// «Жомарт жүрек» for organisers: opportunities (drafts, published, cancelled) with their places and
// applications, a new opportunity, the volunteers of the organiser's scope, and the rankings of the most
// active and favourite volunteers with the totals of the indicator "volume of services provided by volunteers".
import { useState } from 'preact/hooks';
import {
  Checkbox,
  DownloadButton,
  Empty,
  ErrorBox,
  Field,
  FilterSelect,
  FormScreen,
  KkRuFields,
  LoadState,
  Loading,
  LoadMore,
  Select,
  Tabs,
  TextInput,
  useAction,
  useLoad,
} from '../../components/ui.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { atLocal, exportLang, type NamedItem } from '../screen-helpers.ts';
import { OpportunityDetail } from './volunteer-opportunity.tsx';
import { VolunteerRankings } from './volunteer-rankings.tsx';
import type { ScreenProps } from '../types.ts';

export const DIRECTIONS = ['events', 'elderly_care', 'children', 'ecology', 'animals', 'emergencies', 'it_design', 'translation', 'driving'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Opportunity {
  id: number;
  titleKk: string;
  titleRu: string;
  descriptionKk: string;
  descriptionRu: string;
  organiserName: string;
  projectId: number | null;
  areaId: number | null;
  directions: Direction[];
  regionId: number;
  districtId: number | null;
  place: string;
  startsAt: string;
  endsAt: string;
  needed: number;
  status: 'draft' | 'published' | 'cancelled';
  publishedAt: string | null;
  cancelledAt: string | null;
  placesLeft: number;
  counts: Record<string, number>;
}

interface VolunteerRow {
  citizenId: number;
  name: string | null;
  phone: string | null;
  regionId: number | null;
  districtId: number | null;
  directions: Direction[];
  skills: string | null;
  availability: string | null;
  birthYear: number | null;
  minor: boolean;
  parentConsent: boolean;
  signedUpAt: string | null;
}

export function VolunteersScreen({ params, query }: ScreenProps) {
  const { t } = useI18n();
  if (params.id === 'new') return <OpportunityForm />;
  if (params.id) return <OpportunityDetail id={Number(params.id)} />;
  const tab = query.get('tab') ?? 'opportunities';
  return (
    <section class="screen" data-testid="volunteers-screen">
      <div class="screen-head">
        <h1>{t('volunteers.title')}</h1>
        <button type="button" class="primary" onClick={() => navigate(href('volunteers/new'))}>
          {t('volunteers.newOpportunity')}
        </button>
      </div>
      <Tabs
        value={tab}
        onChange={(v) => navigate(href('volunteers', { tab: v }), { replace: true })}
        tabs={[
          { value: 'opportunities', label: t('volunteers.tabOpportunities') },
          { value: 'volunteers', label: t('volunteers.tabVolunteers') },
          { value: 'rankings', label: t('volunteers.tabRankings') },
        ]}
      />
      {tab === 'opportunities' && <OpportunityList query={query} />}
      {tab === 'volunteers' && <VolunteerList />}
      {tab === 'rankings' && <VolunteerRankings query={query} />}
    </section>
  );
}

function OpportunityList({ query }: { query: URLSearchParams }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const status = query.get('status') ?? '';
  const regionId = query.get('regionId') ?? '';
  const list = useLoad(
    () => api.get<{ items: Opportunity[]; total: number }>('/api/volunteering/opportunities', { status, regionId, limit: 200 }),
    [status, regionId],
  );
  const go = (patch: Record<string, string | undefined>) =>
    navigate(href('volunteers', { tab: 'opportunities', status, regionId, ...patch }), { replace: true });
  const now = Date.now();
  return (
    <>
      <div class="filters">
        <FilterSelect
          label={t('volunteers.status')}
          value={status}
          anyLabel={t('volunteers.anyStatus')}
          options={(['draft', 'published', 'cancelled'] as const).map((s) => ({ value: s, label: t(`volunteers.statuses.${s}`) }))}
          onChange={(v) => go({ status: v || undefined })}
        />
        <FilterSelect
          label={t('volunteers.region')}
          value={regionId}
          anyLabel={t('volunteers.anyRegion')}
          options={ref.regions.map((r) => ({ value: r.id, label: i18n.name(r) }))}
          onChange={(v) => go({ regionId: v || undefined })}
        />
      </div>
      <LoadState loaded={list} isEmpty={(data) => data.items.length === 0} emptyText={t('volunteers.none')}>
        {(data) => (
          <ul class="list" data-testid="opportunity-list">
            {data.items.map((o) => {
              const past = new Date(o.startsAt).getTime() < now;
              return (
                <li key={o.id} class="list-item" data-opportunity-id={o.id}>
                  <a class="item" href={href(`volunteers/${o.id}`)}>
                    <div class="row-top">
                      <span class={o.status === 'published' ? 'badge ok' : 'badge muted'}>{t(`volunteers.statuses.${o.status}`)}</span>
                      {past && o.status === 'published' && <span class="badge muted">{t('volunteers.past')}</span>}
                      <strong>{locale === 'kk' ? o.titleKk : o.titleRu}</strong>
                    </div>
                    <div class="row-meta">
                      <span>{i18n.dateTime(o.startsAt)}</span>
                      <span>{i18n.name(ref.regions.find((r) => r.id === o.regionId))}</span>
                      <span>{o.organiserName}</span>
                      <span>{t('volunteers.places', { left: o.placesLeft, needed: o.needed })}</span>
                      <span>
                        {t('volunteers.appCounts', {
                          approved: o.counts.approved ?? 0,
                          applied: o.counts.applied ?? 0,
                          waitlisted: o.counts.waitlisted ?? 0,
                          attended: o.counts.attended ?? 0,
                        })}
                      </span>
                    </div>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </LoadState>
    </>
  );
}

function VolunteerList() {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [limit, setLimit] = useState(50);
  const list = useLoad(() => api.get<{ items: VolunteerRow[]; total: number }>('/api/volunteering/volunteers', { limit }), [limit]);
  if (list.error) return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <Empty>{t('volunteers.noVolunteers')}</Empty>;
  return (
    <>
      <div class="table-wrap" data-testid="volunteer-list">
        <table class="table">
          <thead>
            <tr>
              <th>{t('volunteers.name')}</th>
              <th>{t('volunteers.phone')}</th>
              <th>{t('volunteers.region')}</th>
              <th>{t('volunteers.directions')}</th>
              <th>{t('volunteers.birthYear')}</th>
              <th>{t('volunteers.certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((v) => {
              const region = ref.regions.find((r) => r.id === v.regionId);
              return (
                <tr key={v.citizenId}>
                  <td>
                    {v.name ?? '—'}
                    {v.minor && (
                      <span class={v.parentConsent ? 'badge ok' : 'badge overdue'}>
                        {v.parentConsent ? t('volunteers.consentGiven') : t('volunteers.minor')}
                      </span>
                    )}
                  </td>
                  <td>{v.phone ?? '—'}</td>
                  <td>
                    {i18n.name(region)}
                    {v.districtId && region ? `, ${i18n.name(region.districts.find((d) => d.id === v.districtId))}` : ''}
                  </td>
                  <td>{v.directions.map((d) => t(`volunteers.direction.${d}`)).join(', ')}</td>
                  <td>{v.birthYear ?? '—'}</td>
                  <td>
                    <DownloadButton
                      url={`/api/volunteering/volunteers/${v.citizenId}/certificate`}
                      query={{ format: 'xlsx', lang: exportLang(locale) }}
                      label="XLSX"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <LoadMore next={list.data.items.length < list.data.total ? 'more' : null} onLoad={() => setLimit((n) => Math.min(200, n + 50))} busy={list.loading} />
    </>
  );
}

function OpportunityForm() {
  const { api, ref, user } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const areas = useLoad(() => api.get<NamedItem[]>('/api/reference/areas'), []);
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
  const [directions, setDirections] = useState<Direction[]>([]);
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
    };
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
