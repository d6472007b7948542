// A project's social impact (seed 000): its results framework with progress per period, before and after on the
// outcome questions, the stories of change, and the SROI. The tab is kept in the URL.
import type { Project } from '../../../../server/projects/projects-schemas.ts';
import { useLoad } from '../../components/load.ts';
import { BackLink, ErrorBox, Loading, Tabs } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import type { ScreenProps } from '../types.ts';
import { BeforeAfterTab } from './before-after-tab.tsx';
import { FrameworkTab } from './framework-tab.tsx';
import { SroiTab } from './sroi-tab.tsx';
import { StoriesTab } from './stories-tab.tsx';

const TABS = ['framework', 'before-after', 'stories', 'sroi'] as const;
type Tab = (typeof TABS)[number];

export function ImpactScreen({ params, query }: ScreenProps) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const id = Number(params.id);
  const tab: Tab = (TABS as readonly string[]).includes(query.get('tab') ?? '') ? (query.get('tab') as Tab) : 'framework';
  const project = useLoad(() => api.get<Project>(`/api/projects/${id}`), [id]);
  if (project.error) return <ErrorBox error={project.error} />;
  if (!project.data) return <Loading />;
  const p = project.data;
  return (
    <section class="screen" data-testid="impact-screen">
      <BackLink href={href(`projects/${p.id}`)}>{locale === 'kk' ? p.nameKk : p.nameRu}</BackLink>
      <h1>{t('impact.title')}</h1>
      <Tabs
        value={tab}
        onChange={(v) => navigate(href(`impact/${id}`, { tab: v }), { replace: true })}
        tabs={TABS.map((v) => ({ value: v, label: t(`impact.tabs.${v}`) }))}
      />
      {tab === 'framework' && <FrameworkTab projectId={id} />}
      {tab === 'before-after' && <BeforeAfterTab projectId={id} />}
      {tab === 'stories' && <StoriesTab projectId={id} />}
      {tab === 'sroi' && <SroiTab projectId={id} />}
    </section>
  );
}
