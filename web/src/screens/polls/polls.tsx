// A project's questionnaire: the builder (questions in Kazakh and Russian, six types, options, skip rules),
// its waves with the live progress of sending to the beneficiaries, and the results with charts: the
// distribution of every question per wave, the satisfaction index against the national 74.8 %, the
// dynamics across waves, the free-text answers, and the export.
import { useState } from 'preact/hooks';
import type { Poll, PollInput, PollPatch } from '../../../../server/polls/polls-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { BackLink, ErrorBox, Loading, Tabs } from '../../components/layout.tsx';
import { CheckedForm, Checkbox, FormActions, KkRuFields } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { PollBuilder } from './poll-builder.tsx';
import { PollResults } from './poll-results.tsx';
import { PollWaves } from './poll-waves.tsx';
import type { ScreenProps } from '../types.ts';

type Tab = 'results' | 'waves' | 'questions';

export function PollScreen({ params, query }: ScreenProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const id = Number(params.id);
  const poll = useLoad(() => api.get<Poll>(`/api/polls/${id}`), [id]);
  const [editing, setEditing] = useState(false);
  if (poll.error) return <ErrorBox error={poll.error} />;
  if (!poll.data) return <Loading />;
  const p = poll.data;
  const tab = (query.get('tab') as Tab | null) ?? (p.waves.length ? 'results' : 'questions');
  const go = (v: Tab) => navigate(href(`polls/${id}`, { tab: v }), { replace: true });
  return (
    <section class="screen" data-testid="poll-screen">
      <BackLink href={href(`projects/${p.projectId}`)}>{t('polls.backToProject')}</BackLink>
      <div class="screen-head">
        <h1>{i18n.locale === 'kk' ? p.titleKk : p.titleRu}</h1>
        <span class="row-meta">
          {p.anonymous && <span class="badge muted">{t('polls.anonymous')}</span>}
          <span>{t('polls.questionsCount', { n: p.questions.length })}</span>
          <span>{t('polls.wavesCount', { n: p.waves.length })}</span>
          <button type="button" class="secondary" onClick={() => setEditing(!editing)}>
            {t('common.edit')}
          </button>
        </span>
      </div>
      {editing && <PollForm poll={p} onDone={() => (setEditing(false), poll.reload())} />}
      <Tabs
        value={tab}
        onChange={go}
        tabs={[
          { value: 'results', label: t('polls.tabResults') },
          { value: 'waves', label: t('polls.tabWaves'), count: p.waves.length },
          { value: 'questions', label: t('polls.tabQuestions'), count: p.questions.length },
        ]}
      />
      {tab === 'results' && <PollResults poll={p} />}
      {tab === 'waves' && <PollWaves poll={p} onChanged={poll.reload} />}
      {tab === 'questions' && <PollBuilder poll={p} onChanged={poll.reload} />}
    </section>
  );
}

/** The title, intro and anonymity of a poll (new, or an existing one). */
export function PollForm({ poll, projectId, onDone }: { poll?: Poll; projectId?: number; onDone(p?: Poll): void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [titleKk, setTitleKk] = useState(poll?.titleKk ?? '');
  const [titleRu, setTitleRu] = useState(poll?.titleRu ?? '');
  const [introKk, setIntroKk] = useState(poll?.introKk ?? '');
  const [introRu, setIntroRu] = useState(poll?.introRu ?? '');
  const [anonymous, setAnonymous] = useState(poll?.anonymous ?? false);
  const save = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    const body = { titleKk, titleRu, introKk, introRu, anonymous } satisfies PollPatch;
    const saved = await save.run(
      () => (poll ? api.patch<Poll>(`/api/polls/${poll.id}`, body) : api.post<Poll>('/api/polls', { ...body, projectId: projectId! } satisfies PollInput)),
      t('common.saved'),
    );
    if (saved) onDone(saved);
  }
  return (
    <CheckedForm class="panel form" onSubmit={submit} data-testid="poll-form">
      <KkRuFields name="title" labels={[t('polls.titleKk'), t('polls.titleRu')]} kk={[titleKk, setTitleKk]} ru={[titleRu, setTitleRu]} wide />
      <KkRuFields name="intro" labels={[t('polls.introKk'), t('polls.introRu')]} kk={[introKk, setIntroKk]} ru={[introRu, setIntroRu]} rows={2} wide />
      <Checkbox checked={anonymous} onChange={setAnonymous}>
        {t('polls.anonymousHint')}
      </Checkbox>
      <ErrorBox error={save.error} />
      <FormActions busy={save.busy} submitLabel={t('common.save')} onCancel={() => onDone()} />
    </CheckedForm>
  );
}
