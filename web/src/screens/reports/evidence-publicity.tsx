// Whether one evidence file is on the public portal, and the toggle to withhold it (with a reason for staff) or
// release it (issue 17): a photo is public once the report is accepted, unless withheld; other files never are.
import { useState } from 'preact/hooks';
import type { ReportDetail } from '../../../../server/reports/reports-schemas.ts';
import { useAction } from '../../components/load.ts';
import { TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

type Evidence = ReportDetail['evidence'][number];

export function EvidencePublicity({ reportId, e, onChanged }: { reportId: number; e: Evidence; onChanged(): void }) {
  const { api, hasRole } = useApp();
  const { t } = useI18n();
  const act = useAction();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const canChange = hasRole('operator', 'moderator');
  const base = `/api/reports/${reportId}/evidence/${e.id}`;
  const withhold = async () => {
    if (await act.run(() => api.post(`${base}/withhold`, { reason: reason.trim() }), t('common.saved'))) {
      setAsking(false);
      setReason('');
      onChanged();
    }
  };
  const release = async () => {
    if (await act.run(() => api.post(`${base}/release`, {}), t('common.saved'))) onChanged();
  };
  return (
    <div class="evidence-publicity" data-testid="evidence-publicity">
      <span class={`badge ${e.publicity}`} title={e.withheldReason ?? undefined}>
        {t(`evidencePublicity.${e.publicity}`)}
      </span>
      {canChange && e.publicity !== 'never' && !e.withheldAt && !asking && (
        <button type="button" class="secondary small" onClick={() => setAsking(true)}>
          {t('evidencePublicity.withhold')}
        </button>
      )}
      {asking && (
        <span class="inline-form">
          <label>
            <span class="field-label">{t('evidencePublicity.reason')}</span>
            <TextInput name="reason" value={reason} onInput={setReason} maxLength={500} />
          </label>
          <button type="button" class="danger small" disabled={act.busy || !reason.trim()} onClick={withhold}>
            {t('evidencePublicity.confirm')}
          </button>
          <button type="button" class="secondary small" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
        </span>
      )}
      {canChange && e.withheldAt && (
        <button type="button" class="secondary small" disabled={act.busy} onClick={release}>
          {t('evidencePublicity.release')}
        </button>
      )}
    </div>
  );
}
