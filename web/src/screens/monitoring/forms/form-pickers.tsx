// The body and year pickers above a form: kept in the URL query, so a reload shows the same form.
import type { StateBody } from '../../../../../server/discussions/state-bodies-schemas.ts';
import { useLoad } from '../../../components/load.ts';
import { FilterSelect } from '../../../components/table.tsx';
import { useApp } from '../../../context.ts';
import { useI18n } from '../../../i18n/i18n.ts';

export function BodyYearPickers({ bodyId, year, onChange }: { bodyId: string; year: string; onChange(patch: Record<string, string>): void }) {
  const { api } = useApp();
  const { t, name } = useI18n();
  const bodies = useLoad(() => api.get<StateBody[]>('/api/state-bodies', { active: 'true' }).catch(() => [] as StateBody[]), []);
  const now = new Date().getFullYear();
  const years = [now - 1, now, now + 1, now + 2].map((y) => ({ value: String(y), label: String(y) }));
  return (
    <div class="filters">
      <FilterSelect
        label={t('monitoringForms.body')}
        anyLabel={t('monitoringForms.chooseBody')}
        value={bodyId}
        options={(bodies.data ?? []).map((b) => ({ value: b.id, label: name(b) }))}
        onChange={(v) => onChange({ stateBodyId: v })}
        data-testid="form-body"
      />
      <FilterSelect
        label={t('monitoringForms.year')}
        anyLabel={t('monitoringForms.year')}
        value={year}
        options={years}
        onChange={(v) => onChange({ year: v })}
        data-testid="form-year"
      />
    </div>
  );
}
