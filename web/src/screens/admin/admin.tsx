// Administration: staff accounts with roles and scope, categories (department, deadline, on/off),
// response templates, the working-day calendar, Open311 API keys, and the audit log. Admins only;
// every change goes through the admin API, which audits it.
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import {
  Checkbox,
  DataTable,
  ErrorBox,
  Field,
  FormActions,
  FormDialog,
  KkRuFields,
  LoadedTable,
  Loading,
  Modal,
  PagedBody,
  Select,
  TextInput,
  useAction,
  useEditDialog,
  useLoad,
  usePaged,
  type Page,
} from '../../components/ui.tsx';
import { useApp, type Category, type Department, type Role, type User } from '../../context.ts';
import type { ConsultationTopic } from '../consultations/consultations.tsx';
import { useI18n } from '../../i18n/i18n.ts';
import { href } from '../../router.ts';
import { REPORT_STATUSES, type ReportStatus, type Template } from '../reports/report-types.ts';
import type { ScreenProps } from '../types.ts';

const TABS = ['staff', 'categories', 'departments', 'topics', 'templates', 'calendar', 'api-keys', 'audit'] as const;
type Tab = (typeof TABS)[number];
const ROLES: Role[] = ['admin', 'operator', 'consultant', 'project_manager', 'moderator', 'expert'];

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

function EditButton({ onClick }: { onClick(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="secondary small" onClick={onClick}>
      {t('common.edit')}
    </button>
  );
}

// ---- staff ----

interface StaffUser extends User {
  active: boolean;
  telegramId: string | null;
  lastLoginAt: string | null;
}

function StaffTab() {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(() => api.get<StaffUser[]>('/api/staff'), []);
  const dialog = useEditDialog<StaffUser>(() => list.reload());
  const scopeOf = (u: StaffUser) => {
    const region = ref.regions.find((r) => r.id === u.regionId);
    return (
      [
        region && i18n.name(region),
        i18n.name(region?.districts.find((d) => d.id === u.districtId)),
        i18n.name(ref.departments.find((d) => d.id === u.departmentId)),
      ]
        .filter(Boolean)
        .join(' · ') || t('scope.all')
    );
  };
  return (
    <div>
      <div class="screen-head">
        <span />
        <button type="button" class="primary" onClick={() => dialog.edit('new')}>
          {t('admin.staff.new')}
        </button>
      </div>
      <LoadedTable
        loaded={list}
        testId="staff-table"
        rowKey={(u) => u.id}
        rowClass={(u) => (u.active ? '' : 'inactive')}
        columns={[
          {
            label: t('admin.staff.fullName'),
            cell: (u) => (
              <>
                {u.fullName} {!u.active && <span class="badge muted">{t('admin.inactive')}</span>}
              </>
            ),
          },
          { label: t('login.login'), cell: (u) => u.login },
          { label: t('admin.staff.roles'), cell: (u) => u.roles.map((r) => t(`roles.${r}`)).join(', ') },
          { label: t('admin.staff.scope'), cell: scopeOf },
          { label: t('admin.staff.lastLogin'), cell: (u) => i18n.dateTime(u.lastLoginAt) },
          { label: '', cell: (u) => <EditButton onClick={() => dialog.edit(u)} /> },
        ]}
      />
      {dialog.open && <StaffDialog user={dialog.item} {...dialog.props} />}
    </div>
  );
}

function StaffDialog({ user, onClose, onSaved }: { user: StaffUser | null; onClose(): void; onSaved(): void }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [login, setLogin] = useState(user?.login ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ['operator']);
  const [regionId, setRegionId] = useState(user?.regionId ? String(user.regionId) : '');
  const [districtId, setDistrictId] = useState(user?.districtId ? String(user.districtId) : '');
  const [departmentId, setDepartmentId] = useState(user?.departmentId ? String(user.departmentId) : '');
  const [locale, setLocale] = useState(user?.locale ?? 'ru');
  const [telegramId, setTelegramId] = useState(user?.telegramId ?? '');
  const [active, setActive] = useState(user?.active ?? true);
  const save = useAction();
  const region = ref.regions.find((r) => String(r.id) === regionId);
  const num = (v: string) => (v ? Number(v) : null);

  async function submit() {
    const scope = { regionId: num(regionId), districtId: num(districtId), departmentId: num(departmentId), locale, telegramId: telegramId.trim() || null };
    const ok = await save.run(
      () =>
        user
          ? api.patch(`/api/staff/${user.id}`, { fullName, roles, active, ...scope, ...(password ? { password } : {}) })
          : api.post('/api/staff', { login, fullName, password, roles, ...scope }),
      t('common.saved'),
    );
    if (ok) onSaved();
  }

  return (
    <FormDialog
      title={user ? user.fullName : t('admin.staff.new')}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('common.save')}
      testId="staff-form"
      wide
    >
      {!user && (
        <Field label={t('login.login')}>
          <TextInput name="login" value={login} onInput={setLogin} autocomplete="off" />
        </Field>
      )}
      <Field label={t('admin.staff.fullName')}>
        <TextInput name="fullName" value={fullName} onInput={setFullName} />
      </Field>
      <Field label={user ? t('admin.staff.newPassword') : t('login.password')} hint={t('admin.staff.passwordHint')}>
        <TextInput name="password" type="password" autocomplete="new-password" value={password} onInput={setPassword} />
      </Field>
      <fieldset class="field wide">
        <legend class="field-label">{t('admin.staff.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} class="inline" style={{ marginRight: '1rem' }}>
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) => setRoles((e.target as HTMLInputElement).checked ? [...roles, r] : roles.filter((x) => x !== r))}
            />{' '}
            {t(`roles.${r}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('reports.region')}>
        <Select
          name="regionId"
          value={regionId}
          onChange={(v) => {
            setRegionId(v);
            setDistrictId('');
          }}
          options={[{ value: '', label: t('scope.all') }, ...ref.regions.map((r) => ({ value: String(r.id), label: i18n.name(r) }))]}
        />
      </Field>
      <Field label={t('reports.district')}>
        <Select
          name="districtId"
          value={districtId}
          onChange={setDistrictId}
          options={[{ value: '', label: t('scope.wholeRegion') }, ...(region?.districts ?? []).map((d) => ({ value: String(d.id), label: i18n.name(d) }))]}
        />
      </Field>
      <Field label={t('reports.department')}>
        <Select
          name="departmentId"
          value={departmentId}
          onChange={setDepartmentId}
          options={[{ value: '', label: t('scope.allDepartments') }, ...ref.departments.map((d) => ({ value: String(d.id), label: i18n.name(d) }))]}
        />
      </Field>
      <Field label={t('common.language')}>
        <Select
          value={locale}
          onChange={setLocale}
          options={[
            { value: 'kk', label: 'Қазақша' },
            { value: 'ru', label: 'Русский' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Field>
      <Field label={t('admin.staff.telegramId')} hint={t('admin.staff.telegramHint')}>
        <TextInput name="telegramId" inputMode="numeric" value={telegramId} onInput={setTelegramId} />
      </Field>
      {user && (
        <Checkbox checked={active} onChange={setActive}>
          {t('admin.active')}
        </Checkbox>
      )}
    </FormDialog>
  );
}

// ---- categories ----

function CategoriesTab() {
  const { ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const dialog = useEditDialog<Category>(() => ref.reload());
  return (
    <div>
      <p class="hint">{t('admin.categories.hint')}</p>
      <DataTable
        testId="categories-table"
        rows={ref.categories}
        rowKey={(c) => c.id}
        rowClass={(c) => (c.active ? '' : 'inactive')}
        columns={[
          { label: t('reports.category'), cell: (c) => `${c.emoji} ${i18n.name(c)}` },
          { label: t('reports.department'), cell: (c) => i18n.name(ref.departments.find((d) => d.id === c.departmentId)) },
          { label: t('admin.categories.deadline'), cell: (c) => t('admin.categories.days', { n: c.deadlineDays }) },
          { label: t('admin.active'), cell: (c) => (c.active ? '✓' : '—') },
          { label: '', cell: (c) => <EditButton onClick={() => dialog.edit(c)} /> },
        ]}
      />
      {dialog.item && <CategoryDialog c={dialog.item} {...dialog.props} />}
    </div>
  );
}

function CategoryDialog({ c, onClose, onSaved }: { c: Category; onClose(): void; onSaved(): void }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [departmentId, setDepartmentId] = useState(String(c.departmentId));
  const [deadlineDays, setDeadlineDays] = useState(String(c.deadlineDays));
  const [active, setActive] = useState(c.active);
  const save = useAction();
  async function submit() {
    if (
      await save.run(
        () => api.patch(`/api/reference/categories/${c.id}`, { departmentId: Number(departmentId), deadlineDays: Number(deadlineDays), active }),
        t('common.saved'),
      )
    )
      onSaved();
  }
  return (
    <FormDialog title={`${c.emoji} ${i18n.name(c)}`} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error} submitLabel={t('common.save')}>
      <Field label={t('reports.department')}>
        <Select
          value={departmentId}
          onChange={setDepartmentId}
          options={ref.departments.filter((d) => d.active).map((d) => ({ value: String(d.id), label: i18n.name(d) }))}
        />
      </Field>
      <Field label={t('admin.categories.deadline')} hint={t('admin.categories.deadlineHint')}>
        <TextInput type="number" min={1} max={60} value={deadlineDays} onInput={setDeadlineDays} />
      </Field>
      <Checkbox checked={active} onChange={setActive}>
        {t('admin.categories.offered')}
      </Checkbox>
    </FormDialog>
  );
}

// ---- departments ----

function DepartmentsTab() {
  const { ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const dialog = useEditDialog<Department>(() => ref.reload());
  return (
    <div>
      <p class="hint">{t('admin.departments.hint')}</p>
      <DataTable
        testId="departments-table"
        rows={ref.departments}
        rowKey={(d) => d.id}
        rowClass={(d) => (d.active ? '' : 'inactive')}
        columns={[
          { label: t('reports.department'), cell: (d) => i18n.name(d) },
          { label: t('admin.departments.chat'), cell: (d) => d.telegramChatId ?? '—' },
          { label: '', cell: (d) => <EditButton onClick={() => dialog.edit(d)} /> },
        ]}
      />
      {dialog.item && <DepartmentDialog d={dialog.item} {...dialog.props} />}
    </div>
  );
}

function DepartmentDialog({ d, onClose, onSaved }: { d: Department; onClose(): void; onSaved(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [chat, setChat] = useState(d.telegramChatId ?? '');
  const save = useAction();
  async function submit() {
    if (await save.run(() => api.patch(`/api/reference/departments/${d.id}`, { telegramChatId: chat.trim() || null }), t('common.saved'))) onSaved();
  }
  return (
    <FormDialog title={i18n.name(d)} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error} submitLabel={t('common.save')}>
      <Field label={t('admin.departments.chat')} hint={t('admin.departments.chatHint')}>
        <TextInput name="telegramChatId" value={chat} onInput={setChat} placeholder="-1001234567890" />
      </Field>
    </FormDialog>
  );
}

// ---- consultation topics ----

type AdminTopic = ConsultationTopic & { telegramChatId: string | null };

function TopicsTab() {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(() => api.get<AdminTopic[]>('/api/consultation-topics'), []);
  const dialog = useEditDialog<AdminTopic>(() => list.reload());
  return (
    <div>
      <p class="hint">{t('admin.topics.hint')}</p>
      <LoadedTable
        loaded={list}
        testId="topics-table"
        rowKey={(x) => x.id}
        rowClass={(x) => (x.active ? '' : 'inactive')}
        columns={[
          { label: t('questions.topic'), cell: (x) => i18n.name(x) },
          { label: t('admin.topics.responseDays'), cell: (x) => t('admin.categories.days', { n: x.responseDays }) },
          { label: t('admin.departments.chat'), cell: (x) => x.telegramChatId ?? '—' },
          { label: t('admin.active'), cell: (x) => (x.active ? '✓' : '—') },
          { label: '', cell: (x) => <EditButton onClick={() => dialog.edit(x)} /> },
        ]}
      />
      {dialog.item && <TopicDialog topic={dialog.item} {...dialog.props} />}
    </div>
  );
}

function TopicDialog({ topic, onClose, onSaved }: { topic: AdminTopic; onClose(): void; onSaved(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [days, setDays] = useState(String(topic.responseDays));
  const [chat, setChat] = useState(topic.telegramChatId ?? '');
  const [active, setActive] = useState(topic.active);
  const save = useAction();
  async function submit() {
    if (
      await save.run(
        () => api.patch(`/api/consultation-topics/${topic.id}`, { responseDays: Number(days), telegramChatId: chat.trim() || null, active }),
        t('common.saved'),
      )
    )
      onSaved();
  }
  return (
    <FormDialog title={i18n.name(topic)} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error} submitLabel={t('common.save')}>
      <Field label={t('admin.topics.responseDays')} hint={t('admin.topics.responseDaysHint')}>
        <TextInput type="number" min={1} value={days} onInput={setDays} />
      </Field>
      <Field label={t('admin.departments.chat')} hint={t('admin.departments.chatHint')}>
        <TextInput value={chat} onInput={setChat} placeholder="-1001234567890" />
      </Field>
      <Checkbox checked={active} onChange={setActive}>
        {t('admin.categories.offered')}
      </Checkbox>
    </FormDialog>
  );
}

// ---- templates ----

function TemplatesTab() {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(() => api.get<Template[]>('/api/report-templates'), []);
  const dialog = useEditDialog<Template>(() => list.reload());
  return (
    <div>
      <div class="screen-head">
        <p class="hint">{t('admin.templates.hint')}</p>
        <button type="button" class="primary" onClick={() => dialog.edit('new')}>
          {t('admin.templates.new')}
        </button>
      </div>
      <LoadedTable
        loaded={list}
        testId="templates-table"
        rowKey={(x) => x.id}
        rowClass={(x) => (x.active ? '' : 'inactive')}
        columns={[
          { label: t('admin.templates.titleCol'), cell: (x) => x.title },
          { label: t('reports.status'), cell: (x) => t(`status.${x.status}`) },
          {
            label: t('reports.category'),
            cell: (x) => (x.categoryId ? i18n.name(ref.categories.find((c) => c.id === x.categoryId)) : t('admin.templates.anyCategory')),
          },
          { label: t('admin.active'), cell: (x) => (x.active ? '✓' : '—') },
          { label: '', cell: (x) => <EditButton onClick={() => dialog.edit(x)} /> },
        ]}
      />
      {dialog.open && <TemplateDialog tpl={dialog.item} {...dialog.props} />}
    </div>
  );
}

function TemplateDialog({ tpl, onClose, onSaved }: { tpl: Template | null; onClose(): void; onSaved(): void }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [title, setTitle] = useState(tpl?.title ?? '');
  const [status, setStatus] = useState<ReportStatus>(tpl?.status ?? 'resolved');
  const [categoryId, setCategoryId] = useState(tpl?.categoryId ? String(tpl.categoryId) : '');
  const [textKk, setTextKk] = useState(tpl?.textKk ?? '');
  const [textRu, setTextRu] = useState(tpl?.textRu ?? '');
  const [active, setActive] = useState(tpl?.active ?? true);
  const save = useAction();
  async function submit() {
    const body = { title, status, categoryId: categoryId ? Number(categoryId) : null, textKk, textRu, active };
    if (await save.run(() => (tpl ? api.patch(`/api/report-templates/${tpl.id}`, body) : api.post('/api/report-templates', body)), t('common.saved')))
      onSaved();
  }
  async function remove() {
    if (!tpl || !confirm(t('admin.templates.confirmDelete'))) return;
    if (await save.run(() => api.del(`/api/report-templates/${tpl.id}`), t('common.deleted'))) onSaved();
  }
  return (
    <FormDialog
      title={tpl ? tpl.title : t('admin.templates.new')}
      onClose={onClose}
      onSubmit={submit}
      busy={save.busy}
      error={save.error}
      submitLabel={t('common.save')}
      testId="template-form"
      wide
      actions={
        tpl && (
          <button type="button" class="danger" disabled={save.busy} onClick={remove}>
            {t('common.delete')}
          </button>
        )
      }
    >
      <Field label={t('admin.templates.titleCol')} wide>
        <TextInput name="title" value={title} onInput={setTitle} />
      </Field>
      <Field label={t('reports.status')}>
        <Select name="status" value={status} onChange={setStatus} options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </Field>
      <Field label={t('reports.category')}>
        <Select
          value={categoryId}
          onChange={setCategoryId}
          options={[
            { value: '', label: t('admin.templates.anyCategory') },
            ...ref.categories.map((c) => ({ value: String(c.id), label: `${c.emoji} ${i18n.name(c)}` })),
          ]}
        />
      </Field>
      <p class="hint field wide">{t('admin.templates.placeholders')}</p>
      <KkRuFields
        name="text"
        labels={[t('admin.templates.textKk'), t('admin.templates.textRu')]}
        kk={[textKk, setTextKk]}
        ru={[textRu, setTextRu]}
        rows={4}
        wide
      />
      <Checkbox checked={active} onChange={setActive}>
        {t('admin.active')}
      </Checkbox>
    </FormDialog>
  );
}

// ---- calendar ----

interface CalendarDay {
  date: string;
  kind: 'holiday' | 'day_off' | 'working_day';
  nameKk: string;
  nameRu: string;
  source: string;
}

function CalendarTab() {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Almaty', year: 'numeric' }).format(new Date()));
  const [year, setYear] = useState(thisYear);
  const list = useLoad(() => api.get<CalendarDay[]>('/api/calendar', { year }), [year]);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarDay['kind']>('holiday');
  const [nameKk, setNameKk] = useState('');
  const [nameRu, setNameRu] = useState('');
  const save = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    if (await save.run(() => api.put(`/api/calendar/${date}`, { kind, nameKk, nameRu }), t('common.saved'))) {
      setDate('');
      setNameKk('');
      setNameRu('');
      list.reload();
    }
  }
  async function remove(d: CalendarDay) {
    if (!confirm(t('admin.calendar.confirmDelete', { date: d.date }))) return;
    if (await save.run(() => api.del(`/api/calendar/${d.date}`), t('common.deleted'))) list.reload();
  }
  return (
    <div>
      <p class="hint">{t('admin.calendar.hint')}</p>
      <div class="filters">
        <button type="button" class="secondary small" onClick={() => setYear(year - 1)}>
          ‹
        </button>
        <strong>{year}</strong>
        <button type="button" class="secondary small" onClick={() => setYear(year + 1)}>
          ›
        </button>
      </div>
      <form class="form panel" onSubmit={submit} data-testid="calendar-form">
        <Field label={t('admin.calendar.date')}>
          <TextInput type="date" value={date} onInput={setDate} required />
        </Field>
        <Field label={t('admin.calendar.kind')}>
          <Select
            value={kind}
            onChange={setKind}
            options={(['holiday', 'day_off', 'working_day'] as const).map((k) => ({ value: k, label: t(`admin.calendar.kinds.${k}`) }))}
          />
        </Field>
        <KkRuFields labels={[t('admin.calendar.nameKk'), t('admin.calendar.nameRu')]} kk={[nameKk, setNameKk]} ru={[nameRu, setNameRu]} />
        <ErrorBox error={save.error} />
        <FormActions busy={save.busy} submitLabel={t('common.save')} />
      </form>
      <LoadedTable
        loaded={list}
        testId="calendar-table"
        rowKey={(d) => d.date}
        columns={[
          { label: t('admin.calendar.date'), cell: (d) => d.date },
          { label: t('admin.calendar.kind'), cell: (d) => t(`admin.calendar.kinds.${d.kind}`) },
          { label: t('admin.calendar.name'), cell: (d) => i18n.name(d) },
          { label: t('admin.calendar.source'), cell: (d) => d.source },
          {
            label: '',
            cell: (d) => (
              <button type="button" class="secondary small" onClick={() => remove(d)}>
                {t('common.delete')}
              </button>
            ),
          },
        ]}
      />
    </div>
  );
}

// ---- Open311 API keys ----

interface ApiClient {
  id: number;
  name: string;
  keyPrefix: string;
  regionId: number | null;
  active: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

function ApiKeysTab() {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(() => api.get<ApiClient[]>('/api/api-clients'), []);
  const [name, setName] = useState('');
  const [regionId, setRegionId] = useState('');
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const save = useAction();
  async function issue(e: Event) {
    e.preventDefault();
    const r = await save.run(
      () => api.post<ApiClient & { key: string }>('/api/api-clients', { name, regionId: regionId ? Number(regionId) : null }),
      t('common.saved'),
    );
    if (r) {
      setIssued({ name: r.name, key: r.key });
      setName('');
      list.reload();
    }
  }
  async function revoke(c: ApiClient) {
    if (!confirm(t('admin.apiKeys.confirmRevoke', { name: c.name }))) return;
    if (await save.run(() => api.patch(`/api/api-clients/${c.id}`, { active: false }), t('common.saved'))) list.reload();
  }
  return (
    <div>
      <p class="hint">{t('admin.apiKeys.hint')}</p>
      <form class="form panel" onSubmit={issue}>
        <Field label={t('admin.apiKeys.name')}>
          <TextInput value={name} onInput={setName} required />
        </Field>
        <Field label={t('reports.region')}>
          <Select
            value={regionId}
            onChange={setRegionId}
            options={[{ value: '', label: '—' }, ...ref.regions.map((r) => ({ value: String(r.id), label: i18n.name(r) }))]}
          />
        </Field>
        <ErrorBox error={save.error} />
        <FormActions busy={save.busy} submitLabel={t('admin.apiKeys.issue')} />
      </form>
      {!list.data ? (
        <Loading />
      ) : (
        <DataTable
          rows={list.data}
          rowKey={(c) => c.id}
          rowClass={(c) => (c.active ? '' : 'inactive')}
          columns={[
            { label: t('admin.apiKeys.name'), cell: (c) => c.name },
            { label: t('admin.apiKeys.prefix'), cell: (c) => <code>{c.keyPrefix}…</code> },
            { label: t('reports.region'), cell: (c) => i18n.name(ref.regions.find((r) => r.id === c.regionId)) || '—' },
            { label: t('admin.apiKeys.lastUsed'), cell: (c) => i18n.dateTime(c.lastUsedAt) },
            {
              label: '',
              cell: (c) =>
                c.active ? (
                  <button type="button" class="secondary small" onClick={() => revoke(c)}>
                    {t('admin.apiKeys.revoke')}
                  </button>
                ) : (
                  <span class="badge muted">{t('admin.apiKeys.revoked')}</span>
                ),
            },
          ]}
        />
      )}
      {issued && (
        <Modal title={issued.name} onClose={() => setIssued(null)}>
          <p>{t('admin.apiKeys.shownOnce')}</p>
          <pre class="json" data-testid="api-key">
            {issued.key}
          </pre>
          <button type="button" class="secondary" onClick={() => navigator.clipboard?.writeText(issued.key)}>
            {t('admin.apiKeys.copy')}
          </button>
        </Modal>
      )}
    </div>
  );
}

// ---- audit log ----

interface AuditEntry {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

function AuditTab() {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [entity, setEntity] = useState('');
  const [entityId, setEntityId] = useState('');
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const [applied, setApplied] = useState({ entity: '', entityId: '', action: '', actorId: '' });
  const [open, setOpen] = useState<string | null>(null);
  const people = useLoad(() => api.get<{ id: number; fullName: string }[]>('/api/staff'), []);
  const names = useMemo(() => new Map((people.data ?? []).map((p) => [String(p.id), p.fullName])), [people.data]);
  const list = usePaged((cursor) => api.get<Page<AuditEntry>>('/api/audit', { ...applied, limit: 100, cursor }), [JSON.stringify(applied)]);
  const items = list.items;
  return (
    <div>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ entity: entity.trim(), entityId: entityId.trim(), action: action.trim(), actorId: actorId.trim() });
        }}
      >
        <input
          aria-label={t('admin.audit.entity')}
          placeholder={t('admin.audit.entity')}
          value={entity}
          onInput={(e) => setEntity((e.target as HTMLInputElement).value)}
        />
        <input
          aria-label={t('admin.audit.entityId')}
          placeholder={t('admin.audit.entityId')}
          value={entityId}
          onInput={(e) => setEntityId((e.target as HTMLInputElement).value)}
        />
        <input
          aria-label={t('admin.audit.action')}
          placeholder={t('admin.audit.actionHint')}
          value={action}
          onInput={(e) => setAction((e.target as HTMLInputElement).value)}
        />
        <input
          aria-label={t('admin.audit.actor')}
          placeholder={t('admin.audit.actorId')}
          value={actorId}
          onInput={(e) => setActorId((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="secondary">
          {t('common.apply')}
        </button>
      </form>
      <PagedBody list={list}>
        <div class="table-wrap">
          <table class="data" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('admin.audit.at')}</th>
                <th>{t('admin.audit.actor')}</th>
                <th>{t('admin.audit.action')}</th>
                <th>{t('admin.audit.entity')}</th>
                <th>IP</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <Fragment key={a.id}>
                  <tr>
                    <td>{i18n.dateTime(a.at)}</td>
                    <td>
                      {t(`actor.${a.actorType}`)} {a.actorId ? (a.actorType === 'staff' ? (names.get(a.actorId) ?? `#${a.actorId}`) : `#${a.actorId}`) : ''}
                    </td>
                    <td>
                      <code>{a.action}</code>
                    </td>
                    <td>
                      {a.entity} {a.entityId ? `#${a.entityId}` : ''}
                    </td>
                    <td>{a.ip ?? ''}</td>
                    <td>
                      {(a.before != null || a.after != null) && (
                        <button type="button" class="secondary small" onClick={() => setOpen(open === a.id ? null : a.id)}>
                          {open === a.id ? '−' : '+'}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === a.id && (
                    <tr>
                      <td colSpan={3}>
                        <div class="field-label">{t('admin.audit.before')}</div>
                        <pre class="json">{JSON.stringify(a.before, null, 2)}</pre>
                      </td>
                      <td colSpan={3}>
                        <div class="field-label">{t('admin.audit.after')}</div>
                        <pre class="json">{JSON.stringify(a.after, null, 2)}</pre>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </PagedBody>
    </div>
  );
}
