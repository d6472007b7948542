// The board of civic initiatives (issue 18): counts per state, filters (region, area, help needed, words), the list
// with state badges, supports and progress; and the moderation queue: proposals waiting for a decision, oldest
// first. A row opens the initiative, where it is published, returned or rejected, and carried out.
import type { ComponentChildren } from 'preact';
import type { Area } from '../../../../server/reference/reference-schemas.ts';
import { useLoad } from '../../components/load.ts';
import { Tabs } from '../../components/layout.tsx';
import { DataTable, FilterSelect, LoadState } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import type { ScreenProps } from '../types.ts';
import { HELP, type InitiativeRow, type InitiativeStatus, STATUSES } from './initiative-api.ts';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const tone = status === 'implemented' || status === 'published' ? 'ok' : status === 'proposed' ? 'overdue' : 'muted';
  return <span class={`badge ${tone}`}>{t(`ini.status.${status}`)}</span>;
}

/** The 19 areas (not in the console's reference context). */
export function useAreas() {
  const { api } = useApp();
  return useLoad(() => api.get<Area[]>('/api/reference/areas'), []).data ?? [];
}

function Rows({ rows, submitted }: { rows: InitiativeRow[]; submitted?: boolean }) {
  const { ref } = useApp();
  const areas = useAreas();
  const i18n = useI18n();
  const { t } = i18n;
  const place = (r: InitiativeRow) => {
    const region = ref.regions.find((x) => x.id === r.regionId);
    const district = region?.districts.find((d) => d.id === r.districtId);
    return [i18n.name(region), district ? i18n.name(district) : null].filter(Boolean).join(', ');
  };
  return (
    <DataTable
      testId="initiative-list"
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { label: '№', cell: (r) => r.id },
        { label: t('ini.colTitle'), cell: (r) => <a href={href(`initiatives/${r.id}`)}>{r.title}</a> },
        { label: t('ini.colStatus'), cell: (r) => <StatusBadge status={r.status} /> },
        { label: t('ini.colArea'), cell: (r) => i18n.name(areas.find((a) => a.id === r.areaId)) },
        { label: t('ini.colPlace'), cell: place },
        submitted ? { label: t('ini.colSubmitted'), cell: (r) => i18n.dateTime(r.submittedAt) } : { label: t('ini.colSupports'), cell: (r) => r.supportCount },
        { label: t('ini.colProgress'), cell: (r) => (r.status === 'in_progress' || r.status === 'implemented' ? `${r.progressPercent} %` : '—') },
      ]}
    />
  );
}

function Frame({ title, testId, children }: { title: string; testId: string; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <section class="screen" data-testid={testId}>
      <div class="screen-head">
        <h1>{title}</h1>
        <div class="actions">
          <a class="button secondary" href={href('initiatives/queue')}>
            {t('nav.initiativeQueue')}
          </a>
          <a class="button secondary" href={href('initiatives/map')}>
            {t('nav.initiativeMap')}
          </a>
        </div>
      </div>
      {children}
    </section>
  );
}

export function InitiativeQueue() {
  const { api } = useApp();
  const { t } = useI18n();
  const list = useLoad(() => api.get<{ items: InitiativeRow[]; total: number }>('/api/initiatives/queue', { limit: 100 }), []);
  return (
    <Frame title={t('ini.queue')} testId="initiative-queue">
      <LoadState loaded={list} isEmpty={(d) => d.items.length === 0} emptyText={t('ini.queueEmpty')}>
        {(d) => <Rows rows={d.items} submitted />}
      </LoadState>
    </Frame>
  );
}

export function InitiativeBoard({ query }: ScreenProps) {
  const { api, ref } = useApp();
  const areas = useAreas();
  const i18n = useI18n();
  const { t } = i18n;
  const status = (STATUSES as string[]).includes(query.get('status') ?? '') ? (query.get('status') as InitiativeStatus) : 'published';
  const regionId = query.get('regionId') ?? '';
  const areaId = query.get('areaId') ?? '';
  const help = query.get('help') ?? '';
  const filter = { regionId, areaId, help };
  const counts = useLoad(() => api.get<Record<InitiativeStatus, number>>('/api/initiatives/counts', filter), [regionId, areaId, help]);
  const list = useLoad(() => api.get<{ items: InitiativeRow[] }>('/api/initiatives', { status, ...filter, limit: 100 }), [status, regionId, areaId, help]);
  const go = (patch: Record<string, string>) => navigate(href('initiatives', { status, ...filter, ...patch }), { replace: true });
  return (
    <Frame title={t('ini.title')} testId="initiative-board">
      <Tabs
        value={status}
        onChange={(v) => go({ status: v })}
        tabs={STATUSES.map((s) => ({ value: s, label: t(`ini.status.${s}`), count: counts.data?.[s] }))}
      />
      <div class="filters">
        <FilterSelect
          label={t('ini.colPlace')}
          value={regionId}
          onChange={(v) => go({ regionId: v })}
          anyLabel={t('ini.filterAll')}
          options={[...ref.regions.map((r) => ({ value: String(r.id), label: i18n.name(r) }))]}
        />
        <FilterSelect
          label={t('ini.colArea')}
          value={areaId}
          onChange={(v) => go({ areaId: v })}
          anyLabel={t('ini.filterAll')}
          options={[...areas.map((a) => ({ value: String(a.id), label: i18n.name(a) }))]}
        />
        <FilterSelect
          label={t('ini.helpNeeded')}
          value={help}
          onChange={(v) => go({ help: v })}
          anyLabel={t('ini.filterAll')}
          options={[...HELP.map((h) => ({ value: h, label: t(`ini.help.${h}`) }))]}
        />
      </div>
      <LoadState loaded={list} isEmpty={(d) => d.items.length === 0} emptyText={t('ini.empty')}>
        {(d) => <Rows rows={d.items} />}
      </LoadState>
    </Frame>
  );
}
