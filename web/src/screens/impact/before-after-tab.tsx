// Before and after: the poll questions marked as outcome measures, each with its verdict cards — the same people
// paired (McNemar) and everyone — always with their bases and p, and "too small to conclude" when the base is.
import { useState } from 'preact/hooks';
import type { Poll } from '../../../../server/polls/polls-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { BeforeAfter, Measures } from './types.ts';

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
  const act = useAction();
  if (measures.error) return <ErrorBox error={measures.error} />;
  if (!measures.data) return <Loading />;
  const loc = (kk: string, ru: string) => (locale === 'kk' ? kk : ru);
  const marked = new Set(measures.data.map((m) => m.questionId));
  const questions = (polls.data?.items ?? []).flatMap((p) => p.questions.filter((q) => q.type !== 'text' && !marked.has(q.id)).map((q) => ({ poll: p, q })));
  return (
    <div data-testid="impact-before-after">
      <ErrorBox error={act.error} />
      {measures.data.length === 0 && <p class="muted">{t('impact.noMeasures')}</p>}
      {measures.data.map((m) => (
        <div class="panel" key={m.id}>
          <h3>{loc(m.question.textKk, m.question.textRu)}</h3>
          {m.question.anonymous && <p class="badge">{t('impact.anonymousPoll')}</p>}
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
            (await act.run(() => api.post(`/api/impact/projects/${projectId}/outcome-measures`, { questionId: Number(questionId) }), t('common.saved'))) !==
            undefined
          ) {
            setQuestionId('');
            measures.reload();
          }
        }}
      >
        <label>
          {t('impact.markQuestion')}{' '}
          <select value={questionId} onChange={(e) => setQuestionId((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {questions.map(({ poll, q }) => (
              <option key={q.id} value={q.id}>
                {loc(poll.titleKk, poll.titleRu)}: {loc(q.textKk, q.textRu)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" class="primary" disabled={act.busy || !questionId}>
          {t('impact.mark')}
        </button>
      </form>
    </div>
  );
}
