// The board's list: each report with its status colour (in work red, resolved green), due time and
// overdue badge, and a box to pick it for a bulk change.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ReportSummary } from '../../../../server/reports/reports-schemas.ts';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href } from '../../router.ts';

export function ReportList({
  items,
  selectedId,
  picked,
  onPick,
}: {
  items: ReportSummary[];
  selectedId: number | null;
  picked: Set<number>;
  onPick(id: number): void;
}) {
  const { ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const cats = useMemo(() => new Map(ref.categories.map((c) => [c.id, c])), [ref.categories]);
  const regions = useMemo(() => new Map(ref.regions.map((r) => [r.id, r])), [ref.regions]);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <ul class="report-list" ref={listRef} data-testid="report-list">
      {items.map((r) => {
        const c = cats.get(r.categoryId);
        const region = regions.get(r.regionId);
        const district = region?.districts.find((d) => d.id === r.districtId);
        return (
          <li key={r.id} data-report-id={r.id} class={`report-row colour-${r.colour}${r.id === selectedId ? ' selected' : ''}`}>
            <input type="checkbox" class="pick" aria-label={`${t('bulk.select')} ${r.number}`} checked={picked.has(r.id)} onChange={() => onPick(r.id)} />
            <a href={href(`reports/${r.id}`, Object.fromEntries(new URLSearchParams(window.location.search)))}>
              <div class="row-top">
                <span class="number">{r.number}</span>
                <span class={`status-pill colour-${r.colour}`} data-testid="status">
                  {t(`status.${r.status}`)}
                </span>
                {r.overdue && <span class="badge overdue">{t('reports.overdue')}</span>}
                {r.hidden && <span class="badge muted">{t('reports.hidden')}</span>}
              </div>
              <div class="row-desc">{r.description}</div>
              <div class="row-meta">
                <span>
                  {c?.emoji} {i18n.name(c)}
                </span>
                <span>{[i18n.name(region), i18n.name(district)].filter(Boolean).join(', ')}</span>
                <span>{i18n.dateTime(r.createdAt)}</span>
                {r.dueAt && (
                  <span class={r.overdue ? 'due overdue-text' : 'due'}>
                    {t('reports.due')}: {i18n.deadline(r.dueAt)}
                  </span>
                )}
                {r.evidenceCount > 0 && <span>📎 {r.evidenceCount}</span>}
                {r.supportCount > 0 && <span>👍 {r.supportCount}</span>}
              </div>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
