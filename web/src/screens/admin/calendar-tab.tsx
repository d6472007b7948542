// The working-day calendar: holidays, moved days off and working Saturdays of a year.
import { useState } from 'preact/hooks';
import type { CalendarDay, SetDayInput } from '../../../../server/reference/calendar-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox } from '../../components/layout.tsx';
import { CheckedForm, Field, FormActions, KkRuFields, Select, TextInput } from '../../components/form.tsx';
import { LoadedTable } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export function CalendarTab() {
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
    if (await save.run(() => api.put(`/api/calendar/${date}`, { kind, nameKk, nameRu } satisfies SetDayInput), t('common.saved'))) {
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
      <CheckedForm class="form panel" onSubmit={submit} data-testid="calendar-form" error={save.error}>
        <Field label={t('admin.calendar.date')}>
          <TextInput type="date" name="date" value={date} onInput={setDate} required />
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
      </CheckedForm>
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
