// A period's value entered by hand with its evidence: what and where, a link, and a file (a signed act, a photo
// of a register). The value is saved first, since the file hangs on it; the file then goes as its raw bytes
// with its name in x-file-name, which is how the API takes it.
import { useState } from 'preact/hooks';
import type { useAction } from '../../components/load.ts';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { Indicator } from './types.ts';

export function ValueForm({
  indicator,
  periodKey,
  act,
  onSaved,
  onCancel,
}: {
  indicator: Indicator;
  periodKey: string;
  act: ReturnType<typeof useAction>;
  /** closed: true once everything was saved; false when the value was saved but its file refused (the form stays) */
  onSaved(closed: boolean): void;
  onCancel(): void;
}) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const entered = indicator.periods.find((p) => p.key === periodKey);
  const [v, setV] = useState({
    value: entered?.manual ? String(entered.actual ?? '') : '',
    evidenceText: entered?.manual?.evidenceText ?? '',
    evidenceUrl: entered?.manual?.evidenceUrl ?? '',
  });
  const [file, setFile] = useState<File | null>(null);
  const base = `/api/impact/indicators/${indicator.id}/values/${encodeURIComponent(periodKey)}`;
  const field = (name: keyof typeof v, type = 'text') => (
    <label>
      {t(`impact.${name}`)}{' '}
      <input name={name} type={type} step="any" value={v[name]} onInput={(e) => setV({ ...v, [name]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <form
      class="panel form"
      data-testid="impact-value-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { value: Number(v.value), evidenceText: v.evidenceText, evidenceUrl: v.evidenceUrl || null };
        let valueSaved = false;
        const done = await act.run(async () => {
          await api.put(base, body);
          valueSaved = true;
          if (file) await api.send('POST', `${base}/evidence`, file, 'application/octet-stream', { 'x-file-name': encodeURIComponent(file.name) });
          return true;
        }, t('common.saved'));
        // a value saved whose file was refused (too large) shows in the table while the form stays for another file
        if (done !== undefined) onSaved(true);
        else if (valueSaved) onSaved(false);
      }}
    >
      <h3>{t('impact.valueFor', { indicator: locale === 'kk' ? indicator.nameKk : indicator.nameRu, period: periodKey })}</h3>
      {field('value', 'number')}
      {field('evidenceText')}
      {field('evidenceUrl', 'url')}
      <label>
        {t('impact.evidenceFileInput')} <input name="evidenceFile" type="file" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
      </label>
      <button type="submit" class="primary" disabled={act.busy}>
        {t('common.save')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
