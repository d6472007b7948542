// A project's page: its Annex 5 facts and status, the invitation link and QR code, the beneficiaries, the
// events of the grant report, the participant statistics with charts and their export, and its polls.
import { useState } from 'preact/hooks';
import type { Poll } from '../../../../server/polls/polls-schemas.ts';
import type { GrantStats } from '../../../../server/projects/project-stats-schemas.ts';
import type { Project } from '../../../../server/projects/projects-schemas.ts';
import { BarChart } from '../../charts/bar-chart.tsx';
import { useAction, useLoad } from '../../components/load.ts';
import { BackLink, ErrorBox, Loading } from '../../components/layout.tsx';
import { DownloadButton } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { exportLang } from '../screen-helpers.ts';
import { PollForm } from '../polls/polls.tsx';
import { ProjectBeneficiaries } from './project-beneficiaries.tsx';
import { EventsPanel } from './project-events.tsx';
import { formatNumber } from '../../i18n/format.ts';

export function ProjectDetail({ id }: { id: number }) {
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
        <a class="button" href={href(`monitoring/${p.id}`)} data-testid="project-monitoring-link">
          {t('nav.monitoring')}
        </a>
        <a class="button" href={href(`impact/${p.id}`)} data-testid="project-impact-link">
          {t('nav.impact')}
        </a>
      </div>
      <div class="panel">
        <dl class="facts">
          <dt>{t('projects.supplier')}</dt>
          <dd>
            {p.supplierName} {p.supplierBin && <span class="muted">БСН/БИН {p.supplierBin}</span>}
          </dd>
          <dt>{t('projects.contractSum')}</dt>
          <dd>{t('projects.sum', { sum: formatNumber(p.contractSum, 1) })}</dd>
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
