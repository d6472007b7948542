// Before and after: the poll questions marked as outcome measures, each with its verdict cards — the same people
// paired (McNemar) and everyone — always with their bases and p, and "too small to conclude" when the base is.
import { useState } from 'preact/hooks';
import type { Poll } from '../../../../server/polls/polls-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { BeforeAfter, Measures } from './types.ts';

type Question = Poll['questions'][number];
const SATISFACTION = ['fully', 'rather', 'rather_not', 'not_at_all'] as const;

/** The answers a question can have, each with its label, and the ones that count as favourable unless chosen otherwise
 *  (the same defaults as the server: satisfied, "yes", 4 and 5; single/multiple have none). */
function answerCodes(q: Question, t: (k: string) => string, loc: (kk: string, ru: string) => string) {
  if (q.type === 'satisfaction') return { codes: SATISFACTION.map((c) => ({ code: c, label: t(`polls.satisfaction.${c}`) })), favourable: ['fully', 'rather'] };
  if (q.type === 'yes_no') return { codes: ['yes', 'no'].map((c) => ({ code: c, label: t(`polls.yesNo.${c}`) })), favourable: ['yes'] };
  if (q.type === 'rating') return { codes: ['1', '2', '3', '4', '5'].map((c) => ({ code: c, label: c })), favourable: ['4', '5'] };
  return { codes: q.options.map((o) => ({ code: o.code, label: loc(o.kk, o.ru) })), favourable: [] as string[] };
}

function Verdicts({ measureId }: { measureId: number }) {
  const { api } = useApp();
  const { t, locale, num } = useI18n();
  const ba = useLoad(() => api.get<BeforeAfter>(`/api/impact/outcome-measures/${measureId}/before-after`), [measureId]);
  if (ba.error) return <ErrorBox error={ba.error} />;
  if (!ba.data) return <Loading />;
  const d = ba.data;
  const p = (v: number | null) => (v === null ? '—' : num(v, 4));
  const pp = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${num(v, 1)}`);
  return (
    <div class="cards" data-testid="impact-verdicts">
      <p class="muted">{t('impact.waves', { from: locale === 'kk' ? d.from.labelKk : d.from.labelRu, to: locale === 'kk' ? d.to.labelKk : d.to.labelRu })}</p>
      <div class="panel" data-verdict={d.paired.verdict}>
        <h4>{t('impact.paired')}</h4>
        <p>
          <b>{t(`impact.verdicts.${d.paired.verdict}`)}</b>
        </p>
        {d.paired.verdict !== 'paired_unavailable' && (
          <p>
            {t('impact.pairedFacts', {
              change: pp(d.paired.change),
              pairs: d.paired.pairs,
              a: d.paired.a,
              b: d.paired.b,
              c: d.paired.c,
              d: d.paired.d,
              p: p(d.paired.pValue),
            })}
          </p>
        )}
      </div>
      <div class="panel" data-verdict={d.all.verdict}>
        <h4>{t('impact.everyone')}</h4>
        <p>
          <b>{t(`impact.verdicts.${d.all.verdict}`)}</b>
        </p>
        <p>
          {t('impact.allFacts', {
            before: d.all.before.percent === null ? '—' : num(d.all.before.percent, 1),
            nBefore: d.all.before.base,
            after: d.all.after.percent === null ? '—' : num(d.all.after.percent, 1),
            nAfter: d.all.after.base,
            change: pp(d.all.change),
            p: p(d.all.pValue),
          })}
        </p>
      </div>
    </div>
  );
}

export function BeforeAfterTab({ projectId }: { projectId: number }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const measures = useLoad(() => api.get<Measures>(`/api/impact/projects/${projectId}/outcome-measures`), [projectId]);
  const polls = useLoad(() => api.get<{ items: Poll[] }>('/api/polls', { projectId }), [projectId]);
  const [questionId, setQuestionId] = useState('');
  const [favourable, setFavourable] = useState<string[]>([]);
  const act = useAction();
  if (measures.error) return <ErrorBox error={measures.error} />;
  if (!measures.data) return <Loading />;
  const loc = (kk: string, ru: string) => (locale === 'kk' ? kk : ru);
  const marked = new Set(measures.data.map((m) => m.questionId));
  const questions = (polls.data?.items ?? []).flatMap((p) => p.questions.filter((q) => q.type !== 'text' && !marked.has(q.id)).map((q) => ({ poll: p, q })));
  const chosen = questions.find(({ q }) => String(q.id) === questionId)?.q;
  const answers = chosen ? answerCodes(chosen, t, loc) : null;
  const labelOf = (m: Measures[number], code: string) => {
    const q = (polls.data?.items ?? []).flatMap((p) => p.questions).find((x) => x.id === m.questionId);
    return q ? (answerCodes(q, t, loc).codes.find((c) => c.code === code)?.label ?? code) : code;
  };
  return (
    <div data-testid="impact-before-after">
      <ErrorBox error={act.error} />
      {measures.data.length === 0 && <p class="muted">{t('impact.noMeasures')}</p>}
      {measures.data.map((m) => (
        <div class="panel" key={m.id}>
          <h3>{loc(m.question.textKk, m.question.textRu)}</h3>
          {m.question.anonymous && <p class="badge">{t('impact.anonymousPoll')}</p>}
          <p class="muted" data-testid="impact-favourable">
            {t('impact.favourableAre', { codes: m.favourableCodes.map((c) => labelOf(m, c)).join(', ') })}
          </p>
          <Verdicts measureId={m.id} />
          <button
            type="button"
            onClick={async () => {
              if ((await act.run(() => api.del(`/api/impact/outcome-measures/${m.id}`), t('common.deleted'))) !== undefined) measures.reload();
            }}
          >
            {t('impact.unmark')}
          </button>
        </div>
      ))}
      <form
        class="panel form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (
            (await act.run(
              () => api.post(`/api/impact/projects/${projectId}/outcome-measures`, { questionId: Number(questionId), favourableCodes: favourable }),
              t('common.saved'),
            )) !== undefined
          ) {
            setQuestionId('');
            setFavourable([]);
            measures.reload();
          }
        }}
      >
        <label>
          {t('impact.markQuestion')}{' '}
          <select
            value={questionId}
            onChange={(e) => {
              const id = (e.target as HTMLSelectElement).value;
              const q = questions.find((x) => String(x.q.id) === id)?.q;
              setQuestionId(id);
              setFavourable(q ? answerCodes(q, t, loc).favourable : []);
            }}
          >
            <option value="">—</option>
            {questions.map(({ poll, q }) => (
              <option key={q.id} value={q.id}>
                {loc(poll.titleKk, poll.titleRu)}: {loc(q.textKk, q.textRu)}
              </option>
            ))}
          </select>
        </label>{' '}
        {answers && (
          <fieldset data-testid="impact-favourable-codes">
            <legend>{t('impact.favourableCodes')}</legend>
            {answers.codes.map((c) => (
              <label key={c.code}>
                <input
                  type="checkbox"
                  value={c.code}
                  checked={favourable.includes(c.code)}
                  onChange={(e) => setFavourable((e.target as HTMLInputElement).checked ? [...favourable, c.code] : favourable.filter((x) => x !== c.code))}
                />{' '}
                {c.label}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" class="primary" disabled={act.busy || !questionId || favourable.length === 0}>
          {t('impact.mark')}
        </button>
      </form>
    </div>
  );
}
