// Stories of change (MSC): the calls (open one, invite every beneficiary), the stories of a quarter with their
// text or voice (listen, type the transcript), the choice of the most significant with the reason MSC asks for,
// and publication on the portal — only with the teller's consent and a text checked to name no third party.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { Story, StoryCall } from './types.ts';

function Voice({ storyId }: { storyId: number }) {
  const [src, setSrc] = useState<string | null>(null);
  const { t } = useI18n();
  if (src) return <audio controls src={src} data-testid="impact-voice" />;
  return (
    <button
      type="button"
      onClick={async () => {
        // the session cookie goes with a same-origin fetch; the player gets the bytes as a blob
        const res = await fetch(`/api/impact/stories/${storyId}/voice`, { credentials: 'same-origin' });
        if (res.ok) setSrc(URL.createObjectURL(await res.blob()));
      }}
    >
      {t('impact.listen')}
    </button>
  );
}

function StoryCard({ s, period, onChanged }: { s: Story; period: string; onChanged(): void }) {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const act = useAction();
  const [reason, setReason] = useState('');
  const [text, setText] = useState(s.publishedText ?? s.text ?? '');
  const [transcript, setTranscript] = useState(s.transcript ?? '');
  const [checked, setChecked] = useState(false);
  const run = async (fn: () => Promise<unknown>) => (await act.run(fn, t('common.saved'))) !== undefined && onChanged();
  const chosen = s.selections.find((x) => x.periodKey === period);
  const publishable = s.status === 'submitted' && (s.consent === 'anonymous' || s.consent === 'named');
  return (
    <div class="panel" data-testid="impact-story" data-story={s.id}>
      <p class="muted">
        {s.submittedAt ? dateTime(s.submittedAt) : '—'} · {s.locale} · {t(`impact.consents.${s.consent ?? 'none'}`, { name: s.publicName ?? '' })}
        {s.publishedAt && <span class="badge ok">{t('impact.published')}</span>}
        {s.status === 'withdrawn' && <span class="badge warn">{t('impact.withdrawn')}</span>}
      </p>
      {s.text && <p class="text">{s.text}</p>}
      {s.hasVoice && (
        <p>
          {t('impact.voice', { seconds: s.voiceSeconds ?? 0 })} <Voice storyId={s.id} />
        </p>
      )}
      {s.whyText && <p class="muted">{t('impact.why', { text: s.whyText })}</p>}
      <ErrorBox error={act.error} />
      {s.selections.map((x) => (
        <p key={x.id} class="badge ok">
          {t('impact.chosenFor', { period: x.periodKey, reason: x.reason })}
        </p>
      ))}
      {s.status === 'submitted' && !chosen && (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.post(`/api/impact/stories/${s.id}/select`, { periodKey: period, reason }));
          }}
        >
          <label>
            {t('impact.reason')} <input value={reason} minLength={20} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>{' '}
          <button type="submit" disabled={act.busy || reason.trim().length < 20}>
            {t('impact.choose')}
          </button>
        </form>
      )}
      {chosen && (
        <button type="button" onClick={() => run(() => api.del(`/api/impact/stories/${s.id}/select/${period}`))}>
          {t('impact.unchoose')}
        </button>
      )}
      {publishable && !s.publishedAt && (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.post(`/api/impact/stories/${s.id}/publish`, { publishedText: text, noThirdParties: true, transcript: transcript || null }));
          }}
        >
          {s.hasVoice && (
            <label>
              {t('impact.transcript')} <textarea value={transcript} onInput={(e) => setTranscript((e.target as HTMLTextAreaElement).value)} />
            </label>
          )}
          <label>
            {t('impact.publishedText')} <textarea value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          </label>
          <label>
            <input type="checkbox" checked={checked} onChange={(e) => setChecked((e.target as HTMLInputElement).checked)} /> {t('impact.noThirdParties')}
          </label>{' '}
          <button type="submit" class="primary" disabled={act.busy || !checked || !text.trim()}>
            {t('impact.publish')}
          </button>
        </form>
      )}
      {s.publishedAt && (
        <button type="button" onClick={() => run(() => api.post(`/api/impact/stories/${s.id}/unpublish`, {}))}>
          {t('impact.unpublish')}
        </button>
      )}
    </div>
  );
}

const thisQuarter = () => {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
};

export function StoriesTab({ projectId }: { projectId: number }) {
  const { api } = useApp();
  const { t, date } = useI18n();
  const [period, setPeriod] = useState(thisQuarter());
  const [status, setStatus] = useState('submitted');
  const calls = useLoad(() => api.get<StoryCall[]>(`/api/impact/projects/${projectId}/story-calls`), [projectId]);
  const stories = useLoad(() => api.get<Story[]>(`/api/impact/projects/${projectId}/stories`, { period, status }), [projectId, period, status]);
  const [call, setCall] = useState({ opensAt: '', closesAt: '', promptKk: '', promptRu: '' });
  const act = useAction();
  const reload = () => {
    calls.reload();
    stories.reload();
  };
  return (
    <div data-testid="impact-stories">
      <ErrorBox error={act.error} />
      <div class="panel">
        <h3>{t('impact.calls')}</h3>
        {(calls.data ?? []).map((c) => (
          <p key={c.id}>
            {date(c.opensAt)} — {date(c.closesAt)}: {t('impact.callFacts', { invited: c.invited ?? 0, stories: c.stories ?? 0 })}{' '}
            <code>story_{c.inviteCode}</code>{' '}
            {!c.sendRequestedAt && (
              <button
                type="button"
                onClick={async () => (await act.run(() => api.post(`/api/impact/story-calls/${c.id}/send`, {}), t('common.saved'))) !== undefined && reload()}
              >
                {t('impact.sendCall')}
              </button>
            )}
          </p>
        ))}
        <form
          class="form"
          onSubmit={async (e) => {
            e.preventDefault();
            if ((await act.run(() => api.post(`/api/impact/projects/${projectId}/story-calls`, call), t('common.saved'))) !== undefined) reload();
          }}
        >
          <label>
            {t('impact.opensAt')}{' '}
            <input type="date" value={call.opensAt} onInput={(e) => setCall({ ...call, opensAt: (e.target as HTMLInputElement).value })} />
          </label>{' '}
          <label>
            {t('impact.closesAt')}{' '}
            <input type="date" value={call.closesAt} onInput={(e) => setCall({ ...call, closesAt: (e.target as HTMLInputElement).value })} />
          </label>{' '}
          <label>
            {t('impact.promptKk')} <input value={call.promptKk} onInput={(e) => setCall({ ...call, promptKk: (e.target as HTMLInputElement).value })} />
          </label>{' '}
          <label>
            {t('impact.promptRu')} <input value={call.promptRu} onInput={(e) => setCall({ ...call, promptRu: (e.target as HTMLInputElement).value })} />
          </label>{' '}
          <button type="submit" class="primary" disabled={act.busy || !call.opensAt || !call.closesAt}>
            {t('impact.openCall')}
          </button>
        </form>
      </div>
      <div class="filters">
        <label>
          {t('impact.period')} <input value={period} pattern="\d{4}-Q[1-4]" onChange={(e) => setPeriod((e.target as HTMLInputElement).value)} />
        </label>{' '}
        <label>
          {t('impact.status')}{' '}
          <select value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
            {['submitted', 'withdrawn'].map((s) => (
              <option key={s} value={s}>
                {t(`impact.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {stories.error && <ErrorBox error={stories.error} />}
      {!stories.data && !stories.error && <Loading />}
      {stories.data?.length === 0 && <p class="muted">{t('impact.noStories')}</p>}
      {stories.data?.map((s) => (
        <StoryCard key={s.id} s={s} period={period} onChanged={stories.reload} />
      ))}
    </div>
  );
}
