// One indicator's form, for adding one under a node and for changing an existing one (the API takes the whole
// indicator either way, so the form starts from the indicator's current fields when it edits).
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.ts';
import { SCHEDULES, SOURCES, type Indicator } from './types.ts';

export interface IndicatorFields {
  nameKk: string;
  nameRu: string;
  unitKk: string;
  unitRu: string;
  baseline: number;
  target: number;
  verificationKk: string;
  verificationRu: string;
  schedule: string;
  source: string;
}

const EMPTY = { nameKk: '', nameRu: '', unitKk: '', unitRu: '', baseline: '0', target: '', verificationKk: '', verificationRu: '' };

export function IndicatorForm({
  initial,
  busy,
  onSave,
  onCancel,
}: {
  initial?: Indicator;
  busy: boolean;
  onSave(body: IndicatorFields): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [ind, setInd] = useState({
    ...(initial
      ? {
          nameKk: initial.nameKk,
          nameRu: initial.nameRu,
          unitKk: initial.unitKk,
          unitRu: initial.unitRu,
          baseline: String(initial.baseline),
          target: String(initial.target),
          verificationKk: initial.verificationKk,
          verificationRu: initial.verificationRu,
        }
      : EMPTY),
    schedule: initial?.schedule ?? 'quarter',
    source: initial?.source ?? 'manual',
  });
  const field = (name: keyof typeof EMPTY, type = 'text') => (
    <label>
      {t(`impact.${name}`)}{' '}
      <input name={name} type={type} step="any" value={ind[name]} onInput={(e) => setInd({ ...ind, [name]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <form
      class="form"
      data-testid="impact-indicator-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ ...ind, baseline: Number(ind.baseline), target: Number(ind.target) });
      }}
    >
      {field('nameKk')}
      {field('nameRu')}
      {field('unitKk')}
      {field('unitRu')}
      {field('baseline', 'number')}
      {field('target', 'number')}
      {field('verificationKk')}
      {field('verificationRu')}
      <label>
        {t('impact.schedule')}{' '}
        <select value={ind.schedule} onChange={(e) => setInd({ ...ind, schedule: (e.target as HTMLSelectElement).value })}>
          {SCHEDULES.map((s) => (
            <option key={s} value={s}>
              {t(`impact.schedules.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('impact.source')}{' '}
        <select value={ind.source} onChange={(e) => setInd({ ...ind, source: (e.target as HTMLSelectElement).value })}>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`impact.sources.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary" disabled={busy}>
        {t('common.save')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
