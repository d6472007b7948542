// One report beside the board: what the citizen wrote, evidence (photos inline, video and voice
// playable through the API's evidence download), the place on the map, history, followers, and the
// actions. Each action is a dialog that keeps what was typed until the API has accepted it.
import { useLoad } from '../../components/load.ts';
import { useState } from 'preact/hooks';
import { EvidencePublicity } from './evidence-publicity.tsx';
import { DetailHead, ErrorBox, Loading, Modal } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { hasKey, useI18n } from '../../i18n/i18n.ts';
import { MapView } from '../../map/map-view.tsx';
import type { ReportStatus } from '../../../../generated/prisma/enums.ts';
import type { ReportDetail, ReportSummary } from '../../../../server/reports/reports-schemas.ts';
import type { Colleague } from '../../../../server/staff/staff-schemas.ts';
import { canMove, OPEN_STATUSES } from './report-statuses.ts';
import { AssignDialog, HideDialog, UnhideDialog } from './report-admin-dialogs.tsx';
import { DuplicateDialog, MergeDialog, StatusDialog } from './report-dialogs.tsx';

export type ReportAction = 'accept' | 'resolve' | 'reject' | 'not_responsible' | 'reopen' | 'duplicate' | 'merge' | 'assign' | 'hide' | 'unhide';

const STATUS_OF: Partial<Record<ReportAction, ReportStatus>> = {
  accept: 'in_work',
  resolve: 'resolved',
  reject: 'rejected',
  not_responsible: 'not_responsible',
  reopen: 'reopened',
};

interface PanelProps {
  id: number;
  summary: ReportSummary | undefined;
  reloadKey: number;
  action: ReportAction | null;
  setAction(a: ReportAction | null): void;
  onChanged(s: ReportSummary): void;
  onClose(): void;
}

export function ReportDetailPanel({ id, reloadKey, action, setAction, onChanged, onClose }: PanelProps) {
  const { api, ref, hasRole } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const detail = useLoad(() => api.get<ReportDetail>(`/api/reports/${id}`), [id, reloadKey]);
  const directory = useLoad(() => api.get<Colleague[]>('/api/staff/directory', { role: 'operator' }), []);
  const r = detail.data?.id === id ? detail.data : undefined;

  const done = (s: ReportSummary) => {
    setAction(null);
    onChanged(s);
  };

  if (detail.error && !r)
    return (
      <aside class="detail">
        <ErrorBox error={detail.error} />
      </aside>
    );
  if (!r)
    return (
      <aside class="detail">
        <Loading />
      </aside>
    );

  const c = ref.categories.find((x) => x.id === r.categoryId);
  const region = ref.regions.find((x) => x.id === r.regionId);
  const district = region?.districts.find((d) => d.id === r.districtId);
  const dept = ref.departments.find((d) => d.id === r.departmentId);
  const assignee = directory.data?.find((p) => p.id === r.assigneeId);
  const can = (to: ReportStatus) => canMove(r.status, to);
  const open = OPEN_STATUSES.includes(r.status);

  const button = (a: ReportAction, label: string, key?: string, enabled = true, cls = 'secondary') =>
    enabled && (
      <button type="button" class={cls} data-action={a} onClick={() => setAction(a)}>
        {label}
        {key && <kbd>{key}</kbd>}
      </button>
    );

  return (
    <aside class="detail" data-testid="report-detail" aria-label={r.number}>
      <DetailHead
        title={
          <>
            {r.number}{' '}
            <span class={`status-pill colour-${r.colour}`} data-testid="detail-status">
              {t(`status.${r.status}`)}
            </span>
            {r.overdue && <span class="badge overdue">{t('reports.overdue')}</span>}
          </>
        }
        meta={
          <>
            {c?.emoji} {i18n.name(c)} · {[i18n.name(region), i18n.name(district)].filter(Boolean).join(', ')}
          </>
        }
        onClose={onClose}
      />
      <div class="actions">
        {button('accept', t('actions.accept'), 'a', can('in_work'), 'primary')}
        {button('resolve', t('actions.resolve'), 'r', can('resolved'), open ? 'primary' : 'secondary')}
        {button('reject', t('actions.reject'), 'x', can('rejected'))}
        {button('not_responsible', t('actions.notResponsible'), undefined, can('not_responsible'))}
        {button('duplicate', t('actions.duplicate'), 'd', can('duplicate'))}
        {button('merge', t('actions.merge'), undefined, open)}
        {button('assign', t('actions.assign'), 'g', open)}
        {button('reopen', t('actions.reopen'), undefined, can('reopened'))}
        {hasRole('operator', 'moderator') && (r.hidden ? button('unhide', t('actions.unhide')) : button('hide', t('actions.hide')))}
      </div>
      <p class="description">{r.description}</p>
      <dl class="facts">
        <dt>{t('reports.created')}</dt>
        <dd>{i18n.dateTime(r.createdAt)}</dd>
        <dt>{t('reports.due')}</dt>
        <dd class={r.overdue ? 'overdue-text' : ''}>{i18n.deadline(r.dueAt)}</dd>
        {r.acceptedAt && (
          <>
            <dt>{t('reports.accepted')}</dt>
            <dd>{i18n.dateTime(r.acceptedAt)}</dd>
          </>
        )}
        {r.resolvedAt && (
          <>
            <dt>{t('reports.resolved')}</dt>
            <dd>{i18n.dateTime(r.resolvedAt)}</dd>
          </>
        )}
        <dt>{t('reports.department')}</dt>
        <dd>{i18n.name(dept)}</dd>
        <dt>{t('reports.assignee')}</dt>
        <dd>{assignee?.fullName ?? (r.assigneeId ? `#${r.assigneeId}` : '—')}</dd>
        <dt>{t('reports.address')}</dt>
        <dd>{r.address ?? '—'}</dd>
        <dt>{t('reports.followers')}</dt>
        <dd data-testid="followers">{r.followers}</dd>
        <dt>{t('reports.support')}</dt>
        <dd>{r.supportCount}</dd>
        <dt>{t('reports.source')}</dt>
        <dd>
          {hasKey(locale, `reports.sourceNames.${r.source}`) ? t(`reports.sourceNames.${r.source}`) : r.source}
          {r.anonymous ? ` · ${t('reports.anonymous')}` : ''}
        </dd>
        {r.reopenCount > 0 && (
          <>
            <dt>{t('reports.reopened')}</dt>
            <dd>{r.reopenCount}</dd>
          </>
        )}
        {r.duplicateOfId && (
          <>
            <dt>{t('reports.duplicateOf')}</dt>
            <dd>
              <a href={`/console/reports/${r.duplicateOfId}`}>#{r.duplicateOfId}</a>
            </dd>
          </>
        )}
        {r.hidden && (
          <>
            <dt>{t('reports.hidden')}</dt>
            <dd>{r.hiddenReason}</dd>
          </>
        )}
      </dl>
      {r.evidence.length > 0 && (
        <section class="evidence">
          <h3>{t('reports.evidence')}</h3>
          <div class="evidence-grid">
            {r.evidence.map((e) => (
              <div key={e.id}>
                <EvidenceItem e={e} />
                <EvidencePublicity reportId={r.id} e={e} onChanged={detail.reload} />
              </div>
            ))}
          </div>
        </section>
      )}
      {r.lat !== null && r.lon !== null && (
        <section>
          <h3>{t('reports.location')}</h3>
          <MapView
            points={[{ lat: r.lat, lon: r.lon, label: r.number, colour: r.colour === 'green' ? '#2ca02c' : r.colour === 'red' ? '#d62728' : '#7f7f7f' }]}
            height={220}
          />
        </section>
      )}
      <section>
        <h3>{t('reports.history')}</h3>
        <ol class="history" data-testid="history">
          {r.history.map((h, i) => (
            <li key={i}>
              <div class="history-head">
                <span>{i18n.dateTime(h.at)}</span>
                <span class="muted" data-testid="history-actor">
                  {h.actorName ?? t(h.byAuthor ? 'actor.author' : `actor.${h.actorType}`)}
                </span>
                <span>
                  {h.fromStatus || h.toStatus
                    ? `${h.fromStatus ? t(`status.${h.fromStatus}`) : ''} → ${h.toStatus ? t(`status.${h.toStatus}`) : ''}`
                    : hasKey(locale, `event.${h.type}`)
                      ? t(`event.${h.type}`)
                      : h.type}
                </span>
              </div>
              {h.publicNote && <div class="note public">💬 {h.publicNote}</div>}
              {h.internalNote && <div class="note internal">🔒 {h.internalNote}</div>}
            </li>
          ))}
        </ol>
      </section>
      {action && STATUS_OF[action] && <StatusDialog report={r} to={STATUS_OF[action]!} onClose={() => setAction(null)} onDone={done} />}
      {action === 'duplicate' && <DuplicateDialog report={r} onClose={() => setAction(null)} onDone={done} />}
      {action === 'merge' && <MergeDialog report={r} onClose={() => setAction(null)} onDone={done} />}
      {action === 'assign' && <AssignDialog report={r} colleagues={directory.data ?? []} onClose={() => setAction(null)} onDone={done} />}
      {action === 'hide' && <HideDialog report={r} onClose={() => setAction(null)} onDone={done} />}
      {action === 'unhide' && <UnhideDialog report={r} onClose={() => setAction(null)} onDone={done} />}
    </aside>
  );
}

/** The host of an outside link, shown so staff know where it leads before they open it. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A photo opens in the console's own viewer (a dialog), not as a raw file in a new tab. */
function PhotoItem({ url }: { url: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <a
        href={url}
        class="evidence-item"
        data-testid="photo"
        onClick={(ev) => {
          ev.preventDefault();
          setOpen(true);
        }}
      >
        <img src={url} alt={t('evidence.photo')} loading="lazy" />
      </a>
      {open && (
        <Modal title={t('evidence.photo')} onClose={() => setOpen(false)} wide>
          <img class="photo-view" src={url} alt={t('evidence.photo')} />
        </Modal>
      )}
    </>
  );
}

function EvidenceItem({ e }: { e: ReportDetail['evidence'][number] }) {
  const { t } = useI18n();
  // Never an <img>: loading it would tell the outside app's server who on the staff looks, from where and when.
  if (e.externalUrl) {
    return (
      <a href={e.externalUrl} target="_blank" rel="noopener noreferrer nofollow" class="evidence-item doc" data-testid="evidence-link">
        🔗 {t('evidence.external', { host: hostOf(e.externalUrl) })}
      </a>
    );
  }
  if (e.kind === 'photo') return <PhotoItem url={e.downloadUrl} />;
  if (e.kind === 'video') return <video class="evidence-item" src={e.downloadUrl} controls preload="metadata" />;
  if (e.kind === 'voice' || e.kind === 'audio') return <audio class="evidence-item" src={e.downloadUrl} controls preload="none" />;
  return (
    <a href={e.downloadUrl} target="_blank" rel="noopener" class="evidence-item doc">
      📄 {t(`evidence.${e.kind}`)}
    </a>
  );
}
