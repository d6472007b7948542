// Staff accounts with their roles and scope: the list, a new account, and changing one (roles, scope,
// password, Telegram id, deactivation).
import { useState } from 'preact/hooks';
import type { StaffRole } from '../../../../generated/prisma/enums.ts';
import type { StaffAccount, StaffInput, StaffPatch } from '../../../../server/staff/staff-schemas.ts';
import { useAction, useEditDialog, useLoad } from '../../components/load.ts';
import { Checkbox, Field, FormDialog, GroupError, Select, TextInput } from '../../components/form.tsx';
import { LoadedTable } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { EditButton } from './admin-kit.tsx';

const ROLES: StaffRole[] = ['admin', 'operator', 'consultant', 'project_manager', 'moderator', 'expert'];

export function StaffTab() {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(() => api.get<StaffAccount[]>('/api/staff'), []);
  const dialog = useEditDialog<StaffAccount>(() => list.reload());
  const scopeOf = (u: StaffAccount) => {
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

function StaffDialog({ user, onClose, onSaved }: { user: StaffAccount | null; onClose(): void; onSaved(): void }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [login, setLogin] = useState(user?.login ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>(user?.roles ?? ['operator']);
  const [regionId, setRegionId] = useState(user?.regionId ? String(user.regionId) : '');
  const [districtId, setDistrictId] = useState(user?.districtId ? String(user.districtId) : '');
  const [departmentId, setDepartmentId] = useState(user?.departmentId ? String(user.departmentId) : '');
  const [locale, setLocale] = useState((user?.locale ?? 'ru') as NonNullable<StaffInput['locale']>);
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
          ? api.patch(`/api/staff/${user.id}`, { fullName, roles, active, ...scope, ...(password ? { password } : {}) } satisfies StaffPatch)
          : api.post('/api/staff', { login, fullName, password, roles, ...scope } satisfies StaffInput),
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
          <TextInput name="login" value={login} onInput={setLogin} autocomplete="off" required />
        </Field>
      )}
      <Field label={t('admin.staff.fullName')}>
        <TextInput name="fullName" value={fullName} onInput={setFullName} required />
      </Field>
      <Field label={user ? t('admin.staff.newPassword') : t('login.password')} hint={t(user ? 'admin.staff.passwordHint' : 'admin.staff.passwordHintNew')}>
        <TextInput name="password" type="password" autocomplete="new-password" value={password} onInput={setPassword} required={!user} />
      </Field>
      <fieldset class="field wide" data-field="roles">
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
        <GroupError name="roles" />
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
