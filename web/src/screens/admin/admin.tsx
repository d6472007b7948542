// Administration: staff accounts with roles and scope, categories (department, deadline, on/off),
// response templates, the working-day calendar, Open311 API keys, and the audit log. Admins only;
// every change goes through the admin API, which audits it.
import { useI18n } from '../../i18n/i18n.ts';
import { href } from '../../router.ts';
import type { ScreenProps } from '../types.ts';
import { ApiKeysTab } from './api-keys-tab.tsx';
import { AuditTab } from './audit-tab.tsx';
import { CalendarTab } from './calendar-tab.tsx';
import { CategoriesTab } from './categories-tab.tsx';
import { DepartmentsTab } from './departments-tab.tsx';
import { StaffTab } from './staff-tab.tsx';
import { TemplatesTab } from './templates-tab.tsx';
import { TopicsTab } from './topics-tab.tsx';

const TABS = ['staff', 'categories', 'departments', 'topics', 'templates', 'calendar', 'api-keys', 'audit'] as const;
type Tab = (typeof TABS)[number];

export function AdminScreen({ params }: ScreenProps) {
  const { t } = useI18n();
  const tab: Tab = (TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'staff';
  return (
    <section class="screen">
      <h1>{t('admin.title')}</h1>
      <nav class="tabs" aria-label={t('admin.title')}>
        {TABS.map((x) => (
          <a key={x} href={href(`admin/${x}`)} class={x === tab ? 'tab active' : 'tab'} aria-current={x === tab ? 'page' : undefined}>
            {t(`admin.tab.${x}`)}
          </a>
        ))}
      </nav>
      {tab === 'staff' && <StaffTab />}
      {tab === 'categories' && <CategoriesTab />}
      {tab === 'departments' && <DepartmentsTab />}
      {tab === 'topics' && <TopicsTab />}
      {tab === 'templates' && <TemplatesTab />}
      {tab === 'calendar' && <CalendarTab />}
      {tab === 'api-keys' && <ApiKeysTab />}
      {tab === 'audit' && <AuditTab />}
    </section>
  );
}
