// A topic's Annex 1 fields as a draft: new or edited, with the justification and its source filled from
// the needs assessment of the topic's area when asked.
import { useRef, useState } from 'preact/hooks';
import type { Justification } from '../../../../server/analytics/analytics-schemas.ts';
import type { Topic, TopicInput, TopicPatch } from '../../../../server/discussions/discussions-schemas.ts';
import type { StateBody } from '../../../../server/discussions/state-bodies-schemas.ts';
import type { Area } from '../../../../server/reference/reference-schemas.ts';
import type { z } from 'zod';
import type { topicDraftBody } from '../../../../server/initiatives/initiatives-schemas.ts';

type TopicDraft = z.output<typeof topicDraftBody>;
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox } from '../../components/layout.tsx';
import { Field, FormScreen, Select, TextArea, TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';

const EMPTY = {
  stateBodyId: '',
  regionId: '',
  areaId: '',
  year: String(new Date().getFullYear() + 1),
  titleKk: '',
  titleRu: '',
  fundingThousandTenge: '',
  justificationKk: '',
  justificationRu: '',
  informationSource: '',
  targetGroupKk: '',
  targetGroupRu: '',
  expectedResultKk: '',
  expectedResultRu: '',
};
type FormState = typeof EMPTY;

/** `fromInitiative`: a civic initiative the new topic is proposed from (issue 18): its fields come prefilled and linked. */
export function TopicForm({ topic, onDone, fromInitiative }: { topic?: Topic; onDone?(): void; fromInitiative?: number }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const bodies = useLoad(() => api.get<StateBody[]>('/api/state-bodies', { active: 'true' }), []);
  const areas = useLoad(() => api.get<Area[]>('/api/reference/areas'), []);
  const [f, setF] = useState<FormState>(() =>
    topic
      ? {
          ...EMPTY,
          ...Object.fromEntries(Object.keys(EMPTY).map((k) => [k, String((topic as unknown as Record<string, unknown>)[k] ?? '')])),
        }
      : EMPTY,
  );
  const set = (k: keyof FormState) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const source = useLoad(
    () => (fromInitiative ? api.get<TopicDraft>(`/api/initiatives/${fromInitiative}/topic-draft`) : Promise.resolve(null)),
    [fromInitiative],
  );
  const prefilled = useRef(false);
  if (source.data && !prefilled.current) {
    prefilled.current = true;
    const d = source.data;
    setF((s) => ({
      ...s,
      regionId: String(d.regionId),
      areaId: String(d.areaId),
      year: String(d.year),
      titleKk: d.titleKk,
      titleRu: d.titleRu,
      justificationKk: d.justificationKk,
      justificationRu: d.justificationRu,
      informationSource: d.informationSource,
    }));
  }
  const save = useAction();
  const fill = useAction();
  const [fillNote, setFillNote] = useState('');
  // The needs assessment of the topic's region (its own, else the state body's, else the reader's) writes
  // the justification and its source; the manager then edits them like any typed text.
  async function fillFromNeeds() {
    setFillNote('');
    const bodyRegion = bodies.data?.find((b) => String(b.id) === f.stateBodyId)?.regionId ?? undefined;
    const regionId = /^\d+$/.test(f.regionId) ? Number(f.regionId) : bodyRegion;
    const j = await fill.run(() => api.get<Justification>('/api/analytics/needs-assessment/justification', { areaId: f.areaId, regionId }));
    if (!j) return;
    if (j.justificationKk === null || j.justificationRu === null) {
      setFillNote(t('topics.needsNone'));
      return;
    }
    setF((s) => ({
      ...s,
      justificationKk: j.justificationKk!,
      justificationRu: j.justificationRu!,
      informationSource: i18n.locale === 'kk' ? j.informationSourceKk : j.informationSourceRu,
    }));
    setFillNote(t('topics.needsFilled', { from: i18n.date(j.firstDay), to: i18n.date(j.lastDay) }));
  }
  async function submit() {
    const body = {
      ...f,
      stateBodyId: Number(f.stateBodyId),
      areaId: Number(f.areaId),
      year: Number(f.year),
      regionId: f.regionId === '' ? (topic ? null : undefined) : f.regionId === 'national' ? null : Number(f.regionId),
      ...(!topic && fromInitiative ? { sourceInitiativeId: fromInitiative } : {}),
    } satisfies TopicInput & TopicPatch;
    const saved = await save.run(
      () => (topic ? api.patch<Topic>(`/api/discussions/${topic.id}`, body) : api.post<Topic>('/api/discussions', body)),
      t('common.saved'),
    );
    if (!saved) return;
    if (onDone) onDone();
    else navigate(href(`topics/${saved.id}`));
  }
  const text = (k: keyof FormState, label: string, rows?: number, lang?: string) => (
    <Field label={label} wide={!!rows}>
      {rows ? <TextArea name={k} rows={rows} lang={lang} value={f[k]} onInput={set(k)} /> : <TextInput name={k} lang={lang} value={f[k]} onInput={set(k)} />}
    </Field>
  );
  return (
    <FormScreen
      back={href('topics')}
      backLabel={t('topics.title')}
      title={topic ? t('topics.editTitle') : t('topics.new')}
      onSubmit={submit}
      testId="topic-form"
      busy={save.busy}
      error={save.error ?? bodies.error ?? areas.error}
      submitLabel={t('topics.saveDraft')}
      onCancel={onDone}
    >
      <Field label={t('topics.body')}>
        <Select
          value={f.stateBodyId}
          onChange={set('stateBodyId')}
          options={[{ value: '', label: '—' }, ...(bodies.data ?? []).map((b) => ({ value: String(b.id), label: i18n.name(b) }))]}
        />
      </Field>
      <Field label={t('topics.region')} hint={t('topics.regionHint')}>
        <Select
          value={f.regionId}
          onChange={set('regionId')}
          options={[
            { value: '', label: t('topics.bodyRegion') },
            { value: 'national', label: t('topics.national') },
            ...ref.regions.map((r) => ({ value: String(r.id), label: i18n.name(r) })),
          ]}
        />
      </Field>
      <Field label={t('topics.area')}>
        <Select
          value={f.areaId}
          onChange={set('areaId')}
          options={[{ value: '', label: '—' }, ...(areas.data ?? []).map((a) => ({ value: String(a.id), label: `${a.id}. ${i18n.name(a)}` }))]}
        />
      </Field>
      <Field label={t('topics.year')}>
        <TextInput name="year" type="number" value={f.year} onInput={set('year')} />
      </Field>
      <Field label={t('topics.fundingLabel')}>
        <TextInput name="fundingThousandTenge" inputMode="decimal" value={f.fundingThousandTenge} onInput={set('fundingThousandTenge')} />
      </Field>
      {text('titleKk', t('topics.titleKk'), 2, 'kk')}
      {text('titleRu', t('topics.titleRu'), 2, 'ru')}
      <div class="field wide" data-testid="needs-fill">
        <button
          type="button"
          class="secondary"
          disabled={!f.areaId || fill.busy}
          title={f.areaId ? undefined : t('topics.needsPickArea')}
          onClick={() => void fillFromNeeds()}
        >
          {t('topics.needsFill')}
        </button>
        {fillNote && <span class="hint"> {fillNote}</span>}
        <ErrorBox error={fill.error} />
      </div>
      {text('justificationKk', t('topics.justificationKk'), 3, 'kk')}
      {text('justificationRu', t('topics.justificationRu'), 3, 'ru')}
      {text('informationSource', t('topics.source'), 2)}
      {text('targetGroupKk', t('topics.targetGroupKk'), 2, 'kk')}
      {text('targetGroupRu', t('topics.targetGroupRu'), 2, 'ru')}
      {text('expectedResultKk', t('topics.expectedResultKk'), 2, 'kk')}
      {text('expectedResultRu', t('topics.expectedResultRu'), 2, 'ru')}
    </FormScreen>
  );
}
