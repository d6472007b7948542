// A tool's record for a round (item 9): findings, and the tool's own fields — an indicator row, a mystery
// shopper's visit with a checklist item, an interview, a social-media mention; document review needs findings only.
import { useState } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { TOOL_NAMES, type ToolName } from './types.ts';

const EMPTY = { name: '', expected: '', actual: '', visitedOn: '', place: '', item: '', ok: true, with: '', url: '', network: '', date: '', tone: 'neutral' };

export function ToolForm({ roundId, save }: { roundId: number; save(fn: () => Promise<unknown>): Promise<boolean> }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [tool, setTool] = useState<ToolName>('indicators');
  const [findings, setFindings] = useState('');
  const [f, setF] = useState(EMPTY);
  const input = (k: keyof typeof EMPTY, type = 'text') => (
    <label>
      {t(`monitoring.fields.${k}`)}{' '}
      <input type={type} value={String(f[k])} onInput={(e) => setF((s) => ({ ...s, [k]: (e.target as HTMLInputElement).value }))} />
    </label>
  );
  const details = () => {
    switch (tool) {
      case 'indicators':
        return { rows: [{ name: f.name, unit: '', expected: f.expected, actual: f.actual, comment: '' }] };
      case 'mystery_shopper':
        return { visitedOn: f.visitedOn, place: f.place, checklist: [{ text: f.item, ok: f.ok, note: '' }] };
      case 'survey':
        return { waveIds: [], interviews: [{ with: f.with, summary: findings }] };
      case 'document_review':
        return {};
      case 'social_media':
        return { mentions: [{ url: f.url, network: f.network, date: f.date, tone: f.tone, note: '' }] };
    }
  };
  return (
    <form
      class="form"
      data-testid="monitoring-tool-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await save(() => api.put(`/api/monitoring/rounds/${roundId}/tools/${tool}`, { tool, findings, details: details() }))) {
          setFindings('');
          setF(EMPTY);
        }
      }}
    >
      <label>
        {t('monitoring.tool')}{' '}
        <select value={tool} onChange={(e) => setTool((e.target as HTMLSelectElement).value as ToolName)}>
          {TOOL_NAMES.map((x) => (
            <option key={x} value={x}>
              {t(`monitoring.toolNames.${x}`)}
            </option>
          ))}
        </select>
      </label>
      {tool === 'indicators' && (
        <>
          {input('name')}
          {input('expected')}
          {input('actual')}
        </>
      )}
      {tool === 'mystery_shopper' && (
        <>
          {input('visitedOn', 'date')}
          {input('place')}
          {input('item')}
          <label>
            <input type="checkbox" checked={f.ok} onChange={(e) => setF((s) => ({ ...s, ok: (e.target as HTMLInputElement).checked }))} />{' '}
            {t('monitoring.fields.ok')}
          </label>
        </>
      )}
      {tool === 'survey' && input('with')}
      {tool === 'social_media' && (
        <>
          {input('url', 'url')}
          {input('network')}
          {input('date', 'date')}
          <label>
            {t('monitoring.fields.tone')}{' '}
            <select value={f.tone} onChange={(e) => setF((s) => ({ ...s, tone: (e.target as HTMLSelectElement).value }))}>
              {['positive', 'neutral', 'negative'].map((x) => (
                <option key={x} value={x}>
                  {t(`monitoring.tones.${x}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <label>
        {t('monitoring.findings')}
        <textarea value={findings} onInput={(e) => setFindings((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" disabled={!findings.trim()}>
        {t('common.save')}
      </button>
    </form>
  );
}
