// Every screen of the console. The menu shows, in this order, the entries with nav !== false that
// the user's roles allow; the first allowed one is the start page. To add a screen: see web/README.md.
import { AdminScreen } from './admin/admin.tsx';
import { ConsultationQueue } from './consultations/consultations.tsx';
import { FaqEditor } from './consultations/faq.tsx';
import { ReportsBoard } from './reports/reports.tsx';
import { TopicsScreen } from './discussions/topics.tsx';
import { ProjectsScreen } from './projects/projects.tsx';
import { PollScreen } from './polls/polls.tsx';
import { VolunteersScreen } from './volunteering/volunteers.tsx';
import { DashboardScreen } from './analytics/dashboard.tsx';
import { SystemStatusScreen } from './system/system-status.tsx';
import type { Screen } from './types.ts';

export type { Screen } from './types.ts';

export const screens: Screen[] = [
  { path: 'reports', titleKey: 'nav.reports', roles: ['operator'], component: ReportsBoard },
  { path: 'reports/:id', titleKey: 'nav.reports', roles: ['operator'], component: ReportsBoard, nav: false },
  { path: 'questions', titleKey: 'nav.questions', roles: ['consultant'], component: ConsultationQueue },
  { path: 'questions/:id', titleKey: 'nav.questions', roles: ['consultant'], component: ConsultationQueue, nav: false },
  { path: 'faq', titleKey: 'nav.faq', roles: ['consultant'], component: FaqEditor },
  { path: 'topics', titleKey: 'nav.topics', roles: ['project_manager', 'moderator'], component: TopicsScreen },
  { path: 'topics/:id', titleKey: 'nav.topics', roles: ['project_manager', 'moderator'], component: TopicsScreen, nav: false },
  { path: 'projects', titleKey: 'nav.projects', roles: ['project_manager'], component: ProjectsScreen },
  { path: 'projects/:id', titleKey: 'nav.projects', roles: ['project_manager'], component: ProjectsScreen, nav: false },
  { path: 'polls/:id', titleKey: 'nav.projects', roles: ['project_manager'], component: PollScreen, nav: false },
  { path: 'volunteers', titleKey: 'nav.volunteers', roles: ['project_manager'], component: VolunteersScreen },
  { path: 'volunteers/:id', titleKey: 'nav.volunteers', roles: ['project_manager'], component: VolunteersScreen, nav: false },
  { path: 'dashboard', titleKey: 'nav.dashboard', roles: ['operator', 'consultant', 'project_manager', 'moderator'], component: DashboardScreen },
  { path: 'admin', titleKey: 'nav.admin', roles: ['admin'], component: AdminScreen },
  { path: 'admin/:tab', titleKey: 'nav.admin', roles: ['admin'], component: AdminScreen, nav: false },
  { path: 'system', titleKey: 'nav.system', roles: ['admin'], component: SystemStatusScreen },
];
