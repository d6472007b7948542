// Social projects for project managers: the list, a new project with the Annex 5 fields, and a project's
// page: its invitation link and QR code, the beneficiaries (and an NGO's list imported from CSV), the
// events of the grant report, the participant statistics with charts and their export, and its polls.
import { useState } from 'preact/hooks';
import { BarChart } from '../../charts/bar-chart.tsx';
import {
  BackLink,
  DownloadButton,
  ErrorBox,
  Field,
  FilterSelect,
  FormScreen,
  KkRuFields,
  LoadState,
  Loading,
  Select,
  TextArea,
  TextInput,
  useAction,
  useLoad,
} from '../../components/ui.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { exportLang, type NamedItem } from '../screen-helpers.ts';
import { ProjectBeneficiaries } from './project-beneficiaries.tsx';
import { PollForm, type Poll } from '../polls/polls.tsx';
import type { ScreenProps } from '../types.ts';

export interface Project {
  id: number;
  nameKk: string;
  nameRu: string;
  supplierName: string;
  supplierBin: string | null;
  contractSum: number;
  goalsKk: string;
  goalsRu: string;
  objectivesKk: string;
  objectivesRu: string;
  activitiesKk: string;
  activitiesRu: string;
  resultsKk: string;
  resultsRu: string;
  startsOn: string;
  endsOn: string;
  areaId: number;
  regionId: number | null;
  stateBodyId: number | null;
  status: 'draft' | 'active' | 'finished';
  inviteLink: string | null;
  inviteCode: string;
  finishedAt: string | null;
  counts: { beneficiaries: number; events: number; eventParticipants: number };
}

interface ProjectEvent {
  id: number;
  heldOn: string;
  place: string;
  form: string;
  participants: number;
  completeness: string;
}

interface GrantStats {
  period: { from: string; to: string };
  total: number;
  gender: { total: number; male: number; female: number; notStated: number };
  socialStatus: { code: string; count: number }[];
  age: { code: string; count: number }[];
  eventParticipants: number;
}

export function ProjectsScreen({ params, query }: ScreenProps) {
  if (params.id === 'new') return <ProjectForm />;
  if (params.id) return <ProjectDetail id={Number(params.id)} />;
  return <ProjectList query={query} />;
}

function ProjectList({ query }: { query: URLSearchParams }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const status = query.get('status') ?? '';
  const q = query.get('q') ?? '';
  const list = useLoad(() => api.get<{ items: Project[]; total: number }>('/api/projects', { status, q, limit: 200 }), [status, q]);
  const go = (patch: Record<string, string | undefined>) => navigate(href('projects', { status, q, ...patch }), { replace: true });
  return (
    <section class="screen" data-testid="projects-screen">
      <div class="screen-head">
        <h1>{t('projects.title')}</h1>
        <button type="button" class="primary" onClick={() => navigate(href('projects/new'))}>
          {t('projects.new')}
        </button>
      </div>
      <div class="filters">
        <input
          type="search"
          aria-label={t('projects.search')}
          placeholder={t('projects.search')}
          value={q}
          onChange={(e) => go({ q: (e.target as HTMLInputElement).value || undefined })}
        />
        <FilterSelect
          label={t('projects.status')}
          value={status}
          anyLabel={t('projects.anyStatus')}
          options={(['draft', 'active', 'finished'] as const).map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
          onChange={(v) => go({ status: v || undefined })}
        />
      </div>
      <LoadState loaded={list} isEmpty={(data) => data.items.length === 0} emptyText={t('projects.none')}>
        {(data) => (
          <ul class="list" data-testid="project-list">
            {data.items.map((p) => (
              <li key={p.id} class="list-item" data-project-id={p.id}>
                <a class="item" href={href(`projects/${p.id}`)}>
                  <div class="row-top">
                    <span class={p.status === 'active' ? 'badge ok' : 'badge muted'}>{t(`projects.statuses.${p.status}`)}</span>
                    <strong>{i18n.locale === 'kk' ? p.nameKk : p.nameRu}</strong>
                  </div>
                  <div class="row-meta">
                    <span>{p.supplierName}</span>
                    <span>
                      {i18n.date(p.startsOn)} — {i18n.date(p.endsOn)}
                    </span>
                    <span>{t('projects.beneficiariesCount', { n: p.counts.beneficiaries })}</span>
                    <span>{t('projects.sum', { sum: p.contractSum.toFixed(1) })}</span>
                  </div>
                </a>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}

function ProjectDetail({ id }: { id: number }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const project = useLoad(() => api.get<Project>(`/api/projects/${id}`), [id]);
  const polls = useLoad(() => api.get<{ items: Poll[] }>('/api/polls', { projectId: id }), [id]);
  const [newPoll, setNewPoll] = useState(false);
  const act = useAction();
  if (project.error) return <ErrorBox error={project.error} />;
  if (!project.data) return <Loading />;
  const p = project.data;
  const loc = (kk: string, ru: string) => (locale === 'kk' ? kk : ru) || '—';
  return (
    <section class="screen" data-testid="project-detail">
      <BackLink href={href('projects')}>{t('projects.title')}</BackLink>
      <div class="screen-head">
        <h1>{loc(p.nameKk, p.nameRu)}</h1>
        <span class={p.status === 'active' ? 'badge ok' : 'badge muted'}>{t(`projects.statuses.${p.status}`)}</span>
      </div>
      <div class="panel">
        <dl class="facts">
          <dt>{t('projects.supplier')}</dt>
          <dd>
            {p.supplierName} {p.supplierBin && <span class="muted">БСН/БИН {p.supplierBin}</span>}
          </dd>
          <dt>{t('projects.contractSum')}</dt>
          <dd>{t('projects.sum', { sum: p.contractSum.toFixed(1) })}</dd>
          <dt>{t('projects.period')}</dt>
          <dd>
            {i18n.date(p.startsOn)} — {i18n.date(p.endsOn)}
          </dd>
          <dt>{t('projects.region')}</dt>
          <dd>{p.regionId ? i18n.name(ref.regions.find((r) => r.id === p.regionId)) : t('projects.national')}</dd>
          <dt>{t('projects.goals')}</dt>
          <dd>{loc(p.goalsKk, p.goalsRu)}</dd>
          <dt>{t('projects.objectives')}</dt>
          <dd>{loc(p.objectivesKk, p.objectivesRu)}</dd>
          {p.status === 'finished' && (
            <>
              <dt>{t('projects.activities')}</dt>
              <dd>{loc(p.activitiesKk, p.activitiesRu)}</dd>
              <dt>{t('projects.results')}</dt>
              <dd>{loc(p.resultsKk, p.resultsRu)}</dd>
            </>
          )}
          <dt>{t('projects.invitation')}</dt>
          <dd>{p.inviteLink ? <code>{p.inviteLink}</code> : <span class="hint">{t('projects.noBotUsername', { code: `prj_${p.inviteCode}` })}</span>}</dd>
        </dl>
        <p class="row-meta">
          <span>{t('projects.beneficiariesCount', { n: p.counts.beneficiaries })}</span>
          <span>{t('projects.eventsCount', { n: p.counts.events, participants: p.counts.eventParticipants })}</span>
        </p>
        <div class="actions">
          {p.status === 'draft' && (
            <button
              type="button"
              class="primary"
              disabled={act.busy}
              onClick={async () => (await act.run(() => api.post(`/api/projects/${p.id}/activate`), t('common.saved'))) && project.reload()}
            >
              {t('projects.activate')}
            </button>
          )}
          {p.inviteLink && <DownloadButton url={`/api/projects/${p.id}/qr.png`} label={t('projects.qr')} />}
        </div>
        <ErrorBox error={act.error} />
      </div>

      <div class="panel" data-testid="project-polls">
        <div class="screen-head">
          <h2>{t('projects.polls')}</h2>
          <button type="button" class="primary" data-action="new-poll" onClick={() => setNewPoll(true)}>
            {t('projects.newPoll')}
          </button>
        </div>
        {newPoll && (
          <PollForm projectId={p.id} onDone={(created) => (setNewPoll(false), created && navigate(href(`polls/${created.id}`, { tab: 'questions' })))} />
        )}
        <ErrorBox error={polls.error} />
        {polls.data && polls.data.items.length === 0 && <p class="hint">{t('projects.noPolls')}</p>}
        <ul class="list">
          {polls.data?.items.map((x) => (
            <li key={x.id} class="list-item" data-poll-id={x.id}>
              <a class="item" href={href(`polls/${x.id}`)}>
                <div class="row-top">
                  <strong>{locale === 'kk' ? x.titleKk : x.titleRu}</strong>
                  {x.anonymous && <span class="badge muted">{t('polls.anonymous')}</span>}
                </div>
                <div class="row-meta">
                  <span>{t('polls.questionsCount', { n: x.questions.length })}</span>
                  {x.waves.map((w) => (
                    <span key={w.id}>
                      {locale === 'kk' ? w.labelKk : w.labelRu}: {t(`polls.waveStatus.${w.status}`)}
                    </span>
                  ))}
                </div>
              </a>
            </li>
          ))}
        </ul>
      </div>

      <GrantStatsPanel project={p} />
      <EventsPanel project={p} onChanged={project.reload} />
      <ProjectBeneficiaries project={p} onChanged={project.reload} />
    </section>
  );
}

function GrantStatsPanel({ project }: { project: Project }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const [from, setFrom] = useState(project.startsOn);
  const [to, setTo] = useState(project.endsOn);
  const stats = useLoad(
    () => api.get<GrantStats>(`/api/projects/${project.id}/grant-stats`, { from, to }),
    [project.id, from, to, project.counts.beneficiaries],
  );
  const s = stats.data;
  return (
    <div class="panel" data-testid="grant-stats">
      <div class="screen-head">
        <h2>{t('projects.stats')}</h2>
        <div class="filters">
          <input type="date" aria-label={t('projects.from')} value={from} onChange={(e) => setFrom((e.target as HTMLInputElement).value)} />
          <input type="date" aria-label={t('projects.to')} value={to} onChange={(e) => setTo((e.target as HTMLInputElement).value)} />
          <DownloadButton
            url={`/api/projects/${project.id}/grant-stats/export`}
            query={{ from, to, format: 'xlsx', lang: exportLang(locale) }}
            label={t('projects.statsExport')}
          />
        </div>
      </div>
      <ErrorBox error={stats.error} />
      {!s ? (
        <Loading />
      ) : (
        <>
          <p class="row-meta">
            <span>{t('projects.persons', { n: s.total })}</span>
            <span>{t('projects.attendances', { n: s.eventParticipants })}</span>
          </p>
          <div class="split" style={{ gridTemplateColumns: '1fr 1fr' }}>
            <BarChart
              title={t('projects.byGender')}
              bars={[
                { label: t('projects.male'), value: s.gender.male },
                { label: t('projects.female'), value: s.gender.female },
                { label: t('projects.notStated'), value: s.gender.notStated },
              ]}
            />
            <BarChart
              title={t('projects.byAge')}
              bars={s.age.map((a) => ({
                label:
                  a.code === 'not-stated'
                    ? t('projects.notStated')
                    : a.code === 'under-8'
                      ? t('projects.under8')
                      : a.code.replace('age-', '').replace('-plus', '+'),
                value: a.count,
              }))}
            />
          </div>
          <BarChart
            title={t('projects.byStatus')}
            bars={s.socialStatus.map((x) => ({
              label: x.code === 'not-stated' ? t('projects.notStated') : t(`projects.socialStatus.${x.code}`),
              value: x.count,
            }))}
          />
        </>
      )}
    </div>
  );
}

function EventsPanel({ project, onChanged }: { project: Project; onChanged(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const events = useLoad(() => api.get<{ items: ProjectEvent[] }>(`/api/projects/${project.id}/events`), [project.id]);
  const [f, setF] = useState({ heldOn: '', place: '', form: '', participants: '', completeness: '' });
  const save = useAction();
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  async function add(e: Event) {
    e.preventDefault();
    const ok = await save.run(() => api.post(`/api/projects/${project.id}/events`, { ...f, participants: Number(f.participants) }), t('common.saved'));
    if (ok) {
      setF({ heldOn: '', place: '', form: '', participants: '', completeness: '' });
      events.reload();
      onChanged();
    }
  }
  return (
    <div class="panel" data-testid="project-events">
      <h2>{t('projects.events')}</h2>
      <ErrorBox error={events.error} />
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th>№</th>
              <th>{t('projects.heldOn')}</th>
              <th>{t('projects.place')}</th>
              <th>{t('projects.form')}</th>
              <th>{t('projects.participants')}</th>
              <th>{t('projects.completeness')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {events.data?.items.map((e, i) => (
              <tr key={e.id}>
                <td>{i + 1}</td>
                <td>{i18n.date(e.heldOn)}</td>
                <td>{e.place}</td>
                <td>{e.form}</td>
                <td>{e.participants}</td>
                <td>{e.completeness}</td>
                <td>
                  {project.status !== 'finished' && (
                    <button
                      type="button"
                      class="icon"
                      aria-label={t('common.delete')}
                      onClick={async () =>
                        confirm(t('projects.confirmDeleteEvent')) &&
                        (await save.run(() => api.del(`/api/projects/events/${e.id}`))) &&
                        (events.reload(), onChanged())
                      }
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {project.status !== 'finished' && (
        <form class="form" onSubmit={add} style={{ marginTop: '0.75rem' }}>
          <Field label={t('projects.heldOn')}>
            <input
              type="date"
              min={project.startsOn}
              max={project.endsOn}
              value={f.heldOn}
              onInput={(e) => set('heldOn')((e.target as HTMLInputElement).value)}
            />
          </Field>
          <Field label={t('projects.place')}>
            <TextInput value={f.place} onInput={set('place')} />
          </Field>
          <Field label={t('projects.form')}>
            <TextInput value={f.form} onInput={set('form')} />
          </Field>
          <Field label={t('projects.participants')}>
            <TextInput type="number" min={0} value={f.participants} onInput={set('participants')} />
          </Field>
          <Field label={t('projects.completeness')}>
            <TextInput value={f.completeness} onInput={set('completeness')} />
          </Field>
          <ErrorBox error={save.error} />
          <div class="form-actions">
            <button type="submit" class="secondary" disabled={save.busy}>
              {t('projects.addEvent')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function ProjectForm() {
  const { api, ref, user } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const areas = useLoad(() => api.get<NamedItem[]>('/api/reference/areas'), []);
  const bodies = useLoad(() => api.get<NamedItem[]>('/api/state-bodies', { active: 'true' }).catch(() => [] as NamedItem[]), []);
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
    };
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
