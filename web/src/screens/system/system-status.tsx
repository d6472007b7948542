// System status, for admins: Telegram (the bot, polling or webhook, what getWebhookInfo says), the
// notification queue with its failed notifications (system-outbox.tsx), job runs (system-jobs.tsx), the
// database, the last backup and the version. Everything comes from /api/system/*.
import type { ComponentChildren } from 'preact';
import type { SystemStatus } from '../../../../server/system/system-status-schemas.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { useLoad } from '../../components/load.ts';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { bytes, duration } from './system-format.ts';
import { JobRuns } from './system-jobs.tsx';
import { OutboxQueue } from './system-outbox.tsx';
import type { ScreenProps } from '../types.ts';

function Row({ label, children, testId }: { label: string; children: ComponentChildren; testId?: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

const Bad = ({ children }: { children: ComponentChildren }) => <span class="badge overdue">{children}</span>;
const Good = ({ children }: { children: ComponentChildren }) => <span class="badge ok">{children}</span>;

export function SystemStatusScreen(_props: ScreenProps) {
  const { api } = useApp();
  const { t } = useI18n();
  const status = useLoad(() => api.get<SystemStatus>('/api/system/status'), []);
  return (
    <section class="screen" data-testid="system-status">
      <div class="screen-head">
        <h1>{t('system.title')}</h1>
        <button type="button" class="secondary" onClick={status.reload}>
          {t('system.refresh')}
        </button>
      </div>
      <ErrorBox error={status.error} />
      {!status.data ? <Loading /> : <Overview s={status.data} />}
      <OutboxQueue onChange={status.reload} />
      <JobRuns jobs={status.data?.jobs ?? []} />
    </section>
  );
}

function Overview({ s }: { s: SystemStatus }) {
  const i18n = useI18n();
  const { t } = i18n;
  const tg = s.telegram;
  const webhookDiffers = tg.mode === 'webhook' && tg.webhook && tg.webhook.url !== tg.configuredWebhookUrl;
  const m = s.version.migrations;
  return (
    <div class="system-grid">
      <div class="panel" data-testid="system-telegram">
        <h2>Telegram</h2>
        <table class="kv">
          <tbody>
            {!tg.configured ? (
              <Row label={t('system.telegram.bot')}>{t('system.telegram.off')}</Row>
            ) : (
              <>
                <Row label={t('system.telegram.bot')}>
                  {tg.bot ? `@${tg.bot.username} (${tg.bot.firstName}, ID ${tg.bot.id})` : <Bad>{t('system.telegram.unreachable')}</Bad>}
                </Row>
                {tg.error && <Row label={t('system.telegram.error')}>{tg.error}</Row>}
                <Row label={t('system.telegram.mode')}>{t(`system.telegram.${tg.mode ?? 'polling'}`)}</Row>
                {tg.webhook && (
                  <>
                    <Row label={t('system.telegram.webhookUrl')}>
                      {tg.webhook.url || '—'} {webhookDiffers && <Bad>{t('system.telegram.webhookDiffers', { url: tg.configuredWebhookUrl ?? '' })}</Bad>}
                    </Row>
                    <Row label={t('system.telegram.pending')} testId="telegram-pending">
                      {tg.webhook.pendingUpdateCount}
                    </Row>
                    <Row label={t('system.telegram.lastError')}>
                      {tg.webhook.lastErrorMessage ? `${i18n.dateTime(tg.webhook.lastErrorAt)} — ${tg.webhook.lastErrorMessage}` : '—'}
                    </Row>
                  </>
                )}
              </>
            )}
          </tbody>
        </table>
      </div>
      <div class="panel" data-testid="system-outbox-summary">
        <h2>{t('system.outbox.title')}</h2>
        <table class="kv">
          <tbody>
            <Row label={t('system.outbox.state')}>
              {s.outbox.stuck ? <Bad>{t('system.outbox.stuck', { min: s.outbox.stuckAfterMinutes })}</Bad> : <Good>{t('system.outbox.moving')}</Good>}
            </Row>
            <Row label={t('system.outbox.queued')}>{s.outbox.counts.pending + s.outbox.counts.sending}</Row>
            <Row label={t('system.outbox.oldest')}>{s.outbox.oldestQueuedSeconds > 0 ? duration(t, s.outbox.oldestQueuedSeconds) : '—'}</Row>
            <Row label={t('system.outbox.lastSent')}>{i18n.dateTime(s.outbox.lastSentAt)}</Row>
            <Row label={t('system.outbox.counts')}>
              {(['sent', 'failed', 'blocked', 'discarded'] as const).map((k) => (
                <span key={k} class="count-pair">
                  {t(`system.outbox.status.${k}`)}: <strong data-testid={`outbox-count-${k}`}>{s.outbox.counts[k]}</strong>
                </span>
              ))}
            </Row>
          </tbody>
        </table>
      </div>
      <div class="panel" data-testid="system-database">
        <h2>{t('system.database.title')}</h2>
        <table class="kv">
          <tbody>
            <Row label={t('system.database.kind')}>
              {s.database.kind === 'pglite' ? t('system.database.embedded') : 'PostgreSQL'} {s.database.serverVersion ?? ''}
            </Row>
            <Row label={t('system.database.where')}>{s.database.describe}</Row>
            <Row label={t('system.database.size')}>{bytes(t, s.database.sizeBytes)}</Row>
            {s.database.kind === 'postgres' && (
              <Row label={t('system.database.connections')}>{`${s.database.connections ?? '—'} / ${s.database.maxConnections ?? '—'}`}</Row>
            )}
            {s.database.kind === 'pglite' && <Row label={t('system.database.dataDir')}>{bytes(t, s.database.dataDirBytes)}</Row>}
          </tbody>
        </table>
      </div>
      <div class="panel" data-testid="system-backups">
        <h2>{t('system.backups.title')}</h2>
        <table class="kv">
          <tbody>
            <Row label={t('system.backups.dir')}>{s.backups.dir ?? '—'}</Row>
            {s.backups.last ? (
              <>
                <Row label={t('system.backups.last')}>
                  {s.backups.last.file} ({bytes(t, s.backups.last.bytes)})
                </Row>
                <Row label={t('system.backups.when')}>
                  {i18n.dateTime(s.backups.last.at)} — {t('system.backups.ago', { age: duration(t, s.backups.last.ageSeconds) })}{' '}
                  {s.backups.last.ageSeconds > 26 * 3600 && <Bad>{t('system.backups.old')}</Bad>}
                </Row>
              </>
            ) : (
              <Row label={t('system.backups.last')}>
                <Bad>{t('system.backups.none')}</Bad>
              </Row>
            )}
          </tbody>
        </table>
      </div>
      <div class="panel" data-testid="system-version">
        <h2>{t('system.version.title')}</h2>
        <table class="kv">
          <tbody>
            <Row label="Azamat">{s.version.app}</Row>
            <Row label="Node.js">{s.version.node}</Row>
            <Row label={t('system.version.migrations')}>
              {t('system.version.applied', { n: m.applied })} {m.last && <code>{m.last}</code>}
            </Row>
            {m.pending.length > 0 && (
              <Row label={t('system.version.pending')}>
                <Bad>{m.pending.join(', ')}</Bad>
              </Row>
            )}
            {m.failed.length > 0 && (
              <Row label={t('system.version.failed')}>
                <Bad>{m.failed.join(', ')}</Bad>
              </Row>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
