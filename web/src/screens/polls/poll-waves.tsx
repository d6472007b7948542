// The waves of a poll (baseline, midterm, final): create one, open or close it, send it to every beneficiary
// reachable in Telegram, and watch the sending live: the progress is read from the outbox every few seconds
// while anything is still waiting or queued (and every half minute while the wave is open, for answers).
import { useEffect, useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox } from '../../components/layout.tsx';
import { CheckedForm, Field, KkRuFields, TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { Poll, PollWave, WaveInput, WaveProgress } from '../../../../server/polls/polls-schemas.ts';
import { almatyToday, atLocal } from '../screen-helpers.ts';

// The parts of the progress bar, in the order they fill it.
const PARTS: { key: keyof WaveProgress; colour: string }[] = [
  { key: 'answered', colour: '#2e7d32' },
  { key: 'sent', colour: '#1f77b4' },
  { key: 'queued', colour: '#9ecae1' },
  { key: 'waiting', colour: '#dfe6ec' },
  { key: 'blocked', colour: '#d62728' },
  { key: 'failed', colour: '#ff7f0e' },
  { key: 'unreachable', colour: '#9aa5b1' },
];

export function PollWaves({ poll, onChanged }: { poll: Poll; onChanged(): void }) {
  const { t } = useI18n();
  return (
    <div data-testid="poll-waves">
      {poll.waves.length === 0 && <p class="hint">{t('polls.noWaves')}</p>}
      {poll.waves.map((w) => (
        <WaveCard key={w.id} wave={w} onChanged={onChanged} />
      ))}
      <NewWave poll={poll} onCreated={onChanged} />
    </div>
  );
}

function WaveCard({ wave: w, onChanged }: { wave: PollWave; onChanged(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const progress = useLoad(() => api.get<WaveProgress>(`/api/polls/waves/${w.id}/progress`), [w.id]);
  const act = useAction();
  const p = progress.data;
  const busy = !!p && p.waiting + p.queued > 0;
  // Live: every 3 s while messages are on their way, every 30 s while the wave collects answers.
  useEffect(() => {
    if (w.status !== 'open') return;
    const timer = setInterval(progress.reload, busy ? 3000 : 30_000);
    return () => clearInterval(timer);
  }, [w.status, busy]);
  const run = async (action: 'open' | 'close' | 'send', confirmText?: string) => {
    if (confirmText && !confirm(confirmText)) return;
    const r = await act.run(() => api.post<WaveProgress | PollWave>(`/api/polls/waves/${w.id}/${action}`), t('common.saved'));
    if (!r) return;
    if (action === 'send') progress.setData(r as WaveProgress);
    onChanged();
  };
  return (
    <div class="panel" data-testid="wave-card" data-wave-id={w.id}>
      <div class="screen-head">
        <h3>
          {w.position}. {locale === 'kk' ? w.labelKk : w.labelRu}
        </h3>
        <span class={w.status === 'open' ? 'badge ok' : 'badge muted'}>{t(`polls.waveStatus.${w.status}`)}</span>
      </div>
      <p class="row-meta">
        <span>
          {i18n.dateTime(w.opensAt)} — {i18n.dateTime(w.closesAt)}
        </span>
        <span>{t('polls.reminderAfter', { h: w.reminderAfterHours })}</span>
        {w.sendRequestedAt && <span>{t('polls.sentAt', { at: i18n.dateTime(w.sendRequestedAt) })}</span>}
      </p>
      {w.inviteLink ? (
        <p>
          {t('polls.inviteLink')}: <code>{w.inviteLink}</code>
        </p>
      ) : (
        <p class="hint">{t('polls.noBotUsername', { payload: w.startPayload })}</p>
      )}
      {p && <ProgressBar p={p} />}
      <ErrorBox error={act.error ?? progress.error} />
      <div class="actions">
        {w.status === 'draft' && (
          <button type="button" class="secondary" disabled={act.busy} onClick={() => run('open')}>
            {t('polls.openWave')}
          </button>
        )}
        {w.status !== 'closed' && (
          <button
            type="button"
            class="primary"
            data-action="send-wave"
            disabled={act.busy}
            onClick={() => run('send', w.sendRequestedAt ? undefined : t('polls.confirmSend'))}
          >
            {w.sendRequestedAt ? t('polls.sendAgain') : t('polls.send')}
          </button>
        )}
        {w.status === 'open' && (
          <button type="button" class="danger" disabled={act.busy} onClick={() => run('close', t('polls.confirmClose'))}>
            {t('polls.closeWave')}
          </button>
        )}
        <button type="button" class="secondary" onClick={progress.reload} disabled={progress.loading}>
          ↻ {t('polls.refresh')}
        </button>
      </div>
    </div>
  );
}

function ProgressBar({ p }: { p: WaveProgress }) {
  const { t } = useI18n();
  const total = Math.max(1, p.total);
  // "answered" people were also sent to: the bar shows each invitation once, by its furthest step.
  const shown = { ...p, sent: Math.max(0, p.sent - p.answered) };
  return (
    <div data-testid="wave-progress" aria-live="polite">
      <svg viewBox="0 0 100 6" width="100%" height="18" preserveAspectRatio="none" role="img" aria-label={t('polls.progressOf', { n: p.total })}>
        {(() => {
          let x = 0;
          return PARTS.map(({ key, colour }) => {
            const w = (shown[key] / total) * 100;
            const rect = <rect key={key} x={x} y={0} width={w} height={6} fill={colour} />;
            x += w;
            return rect;
          });
        })()}
      </svg>
      <ul class="legend">
        <li>{t('polls.progressOf', { n: p.total })}</li>
        {PARTS.map(({ key, colour }) => (
          <li key={key} data-part={key}>
            <span class="swatch" style={{ background: colour }} />
            {t(`polls.progress.${key}`)}: <b>{p[key]}</b>
          </li>
        ))}
        <li>
          {t('polls.progress.reminded')}: <b>{p.reminded}</b>
        </li>
      </ul>
    </div>
  );
}

function NewWave({ poll, onCreated }: { poll: Poll; onCreated(): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const n = poll.waves.length + 1;
  const [labelKk, setLabelKk] = useState(`${n}-толқын`);
  const [labelRu, setLabelRu] = useState(`Волна ${n}`);
  const [opens, setOpens] = useState(almatyToday());
  const [closes, setCloses] = useState('');
  const [reminder, setReminder] = useState('72');
  const save = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    const body = {
      labelKk,
      labelRu,
      opensAt: atLocal(opens, '09:00'),
      closesAt: closes ? atLocal(closes, '23:59') : '',
      reminderAfterHours: Number(reminder),
    } satisfies WaveInput;
    if (await save.run(() => api.post(`/api/polls/${poll.id}/waves`, body), t('common.saved'))) onCreated();
  }
  return (
    <CheckedForm class="panel form" onSubmit={submit} data-testid="new-wave">
      <h3 style={{ flexBasis: '100%', margin: 0 }}>{t('polls.newWave')}</h3>
      <KkRuFields name="label" labels={[t('polls.labelKk'), t('polls.labelRu')]} kk={[labelKk, setLabelKk]} ru={[labelRu, setLabelRu]} />
      <Field label={t('polls.opensOn')}>
        <input type="date" value={opens} onInput={(e) => setOpens((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('polls.closesOn')}>
        <input type="date" value={closes} min={opens} onInput={(e) => setCloses((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('polls.reminderHours')}>
        <TextInput type="number" min={1} value={reminder} onInput={setReminder} />
      </Field>
      <ErrorBox error={save.error} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={save.busy}>
          {t('polls.addWave')}
        </button>
      </div>
    </CheckedForm>
  );
}
