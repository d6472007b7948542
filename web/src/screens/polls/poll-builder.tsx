// The questionnaire builder: questions in Kazakh and Russian of six types (satisfaction on the national
// five-point scale, rating 1–5, one or several options, yes/no, free text), required or optional, with a
// skip rule on an earlier question's answer; moved up and down, edited or deleted. The API checks the
// whole questionnaire and refuses changes once a wave has answers: its message is shown, nothing is lost.
import { useState } from 'preact/hooks';
import { useAction } from '../../components/load.ts';
import { ErrorBox } from '../../components/layout.tsx';
import { CheckedForm, Checkbox, Field, FormActions, KkRuFields, Select } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { PollQuestionType as QuestionType } from '../../../../generated/prisma/enums.ts';
import type { Poll, PollQuestion, QuestionInput, QuestionPatch } from '../../../../server/polls/polls-schemas.ts';

type PollOption = PollQuestion['options'][number];
import { answerLabel } from './poll-results.tsx';

const TYPES: QuestionType[] = ['satisfaction', 'rating', 'single', 'multiple', 'yes_no', 'text'];
const FIXED_CODES: Partial<Record<QuestionType, string[]>> = {
  satisfaction: ['fully', 'rather', 'rather_not', 'not_at_all', 'hard_to_say'],
  yes_no: ['yes', 'no'],
  rating: ['1', '2', '3', '4', '5'],
};
const codesOf = (q: Pick<PollQuestion, 'type' | 'options'>) => FIXED_CODES[q.type] ?? q.options.map((o) => o.code);

export function PollBuilder({ poll, onChanged }: { poll: Poll; onChanged(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const act = useAction();
  const text = (q: PollQuestion) => (locale === 'kk' ? q.textKk : q.textRu);
  const move = async (q: PollQuestion, position: number) => {
    if (await act.run(() => api.post(`/api/polls/questions/${q.id}/move`, { position }))) onChanged();
  };
  const remove = async (q: PollQuestion) => {
    if (confirm(t('polls.confirmDeleteQuestion')) && (await act.run(() => api.del(`/api/polls/questions/${q.id}`), t('common.deleted')))) onChanged();
  };
  return (
    <div data-testid="poll-builder">
      <ErrorBox error={act.error} />
      <ol class="list" style={{ paddingLeft: 0 }}>
        {poll.questions.map((q, i) =>
          editing === q.id ? (
            <QuestionForm key={q.id} poll={poll} question={q} onDone={(saved) => (setEditing(null), saved && onChanged())} />
          ) : (
            <li key={q.id} class="panel" data-question-id={q.id}>
              <div class="row-top">
                <strong>
                  {q.position}. {text(q)}
                </strong>
                <span class="badge muted">{t(`polls.types.${q.type}`)}</span>
                {!q.required && <span class="badge muted">{t('polls.optional')}</span>}
              </div>
              {q.type !== 'text' && q.type !== 'rating' && (
                <p class="hint">
                  {codesOf(q)
                    .map((c) => answerLabel(t, locale, q.type, q.options, c))
                    .join(' · ')}
                </p>
              )}
              {q.showIfQuestionId && (
                <p class="hint">
                  {t('polls.showIf', {
                    n: poll.questions.find((x) => x.id === q.showIfQuestionId)?.position ?? '?',
                    answers: q.showIfAnswers
                      .map((c) => {
                        const src = poll.questions.find((x) => x.id === q.showIfQuestionId);
                        return src ? answerLabel(t, locale, src.type, src.options, c) : c;
                      })
                      .join(', '),
                  })}
                </p>
              )}
              <div class="actions">
                <button type="button" class="secondary" disabled={act.busy || i === 0} aria-label={t('polls.moveUp')} onClick={() => move(q, q.position - 1)}>
                  ↑
                </button>
                <button
                  type="button"
                  class="secondary"
                  disabled={act.busy || i === poll.questions.length - 1}
                  aria-label={t('polls.moveDown')}
                  onClick={() => move(q, q.position + 1)}
                >
                  ↓
                </button>
                <button type="button" class="secondary" onClick={() => setEditing(q.id)}>
                  {t('common.edit')}
                </button>
                <button type="button" class="danger" disabled={act.busy} onClick={() => remove(q)}>
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ol>
      {editing === 'new' ? (
        <QuestionForm poll={poll} onDone={(saved) => (setEditing(null), saved && onChanged())} />
      ) : (
        <button type="button" class="primary" data-action="add-question" onClick={() => setEditing('new')}>
          {t('polls.addQuestion')}
        </button>
      )}
    </div>
  );
}

function QuestionForm({ poll, question, onDone }: { poll: Poll; question?: PollQuestion; onDone(saved: boolean): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [type, setType] = useState<QuestionType>(question?.type ?? 'satisfaction');
  const [textKk, setTextKk] = useState(question?.textKk ?? '');
  const [textRu, setTextRu] = useState(question?.textRu ?? '');
  const [required, setRequired] = useState(question?.required ?? true);
  const [options, setOptions] = useState<PollOption[]>(
    question?.options.length
      ? question.options
      : [
          { code: 'a', kk: '', ru: '' },
          { code: 'b', kk: '', ru: '' },
        ],
  );
  const [showIf, setShowIf] = useState(question?.showIfQuestionId ? String(question.showIfQuestionId) : '');
  const [showIfAnswers, setShowIfAnswers] = useState<string[]>(question?.showIfAnswers ?? []);
  const save = useAction();
  const earlier = poll.questions.filter((q) => q.type !== 'text' && (!question || q.position < question.position));
  const source = earlier.find((q) => String(q.id) === showIf);
  const hasOptions = type === 'single' || type === 'multiple';
  const setOption = (i: number, patch: Partial<PollOption>) => setOptions((os) => os.map((o, j) => (j === i ? { ...o, ...patch } : o)));

  async function submit(e: Event) {
    e.preventDefault();
    const body = {
      type,
      textKk,
      textRu,
      required,
      options: hasOptions ? options : [],
      showIfQuestionId: showIf ? Number(showIf) : null,
      showIfAnswers: showIf ? showIfAnswers : [],
    } satisfies QuestionInput & QuestionPatch;
    const ok = await save.run(
      () => (question ? api.patch(`/api/polls/questions/${question.id}`, body) : api.post(`/api/polls/${poll.id}/questions`, body)),
      t('common.saved'),
    );
    if (ok) onDone(true);
  }
  return (
    <CheckedForm class="panel form" onSubmit={submit} data-testid="question-form">
      <Field label={t('polls.type')}>
        <Select value={type} onChange={setType} options={TYPES.map((x) => ({ value: x, label: t(`polls.types.${x}`) }))} />
      </Field>
      <Checkbox checked={required} onChange={setRequired}>
        {t('polls.required')}
      </Checkbox>
      <KkRuFields name="text" labels={[t('polls.textKk'), t('polls.textRu')]} kk={[textKk, setTextKk]} ru={[textRu, setTextRu]} wide />
      {hasOptions && (
        <fieldset class="wide" style={{ flexBasis: '100%', border: '1px solid var(--line)', borderRadius: 'var(--radius)' }}>
          <legend class="field-label">{t('polls.options')}</legend>
          {options.map((o, i) => (
            <div key={i} class="filters">
              <input
                aria-label={t('polls.optionCode')}
                value={o.code}
                style={{ width: '6rem' }}
                onInput={(e) => setOption(i, { code: (e.target as HTMLInputElement).value })}
              />
              <input
                aria-label={t('polls.optionKk')}
                placeholder={t('polls.optionKk')}
                lang="kk"
                value={o.kk}
                onInput={(e) => setOption(i, { kk: (e.target as HTMLInputElement).value })}
              />
              <input
                aria-label={t('polls.optionRu')}
                placeholder={t('polls.optionRu')}
                lang="ru"
                value={o.ru}
                onInput={(e) => setOption(i, { ru: (e.target as HTMLInputElement).value })}
              />
              <button type="button" class="secondary" aria-label={t('common.delete')} onClick={() => setOptions((os) => os.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            class="secondary"
            onClick={() =>
              setOptions((os) => [...os, { code: String.fromCharCode(97 + (os.length % 26)) + (os.length >= 26 ? os.length : ''), kk: '', ru: '' }])
            }
          >
            + {t('polls.addOption')}
          </button>
        </fieldset>
      )}
      <Field label={t('polls.showIfLabel')}>
        <Select
          value={showIf}
          onChange={(v) => (setShowIf(v), setShowIfAnswers([]))}
          options={[
            { value: '', label: t('polls.always') },
            ...earlier.map((q) => ({ value: String(q.id), label: `${q.position}. ${locale === 'kk' ? q.textKk : q.textRu}` })),
          ]}
        />
      </Field>
      {source && (
        <div class="field wide">
          <span class="field-label">{t('polls.showIfAnswers')}</span>
          <div class="filters">
            {codesOf(source).map((c) => (
              <label key={c} class="inline">
                <input
                  type="checkbox"
                  checked={showIfAnswers.includes(c)}
                  onChange={(e) => setShowIfAnswers((xs) => ((e.target as HTMLInputElement).checked ? [...xs, c] : xs.filter((x) => x !== c)))}
                />{' '}
                {answerLabel(t, locale, source.type, source.options, c)}
              </label>
            ))}
          </div>
        </div>
      )}
      <ErrorBox error={save.error} />
      <FormActions busy={save.busy} submitLabel={t('common.save')} onCancel={() => onDone(false)} />
    </CheckedForm>
  );
}
