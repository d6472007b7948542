// One finished social project with the Annex 5 fields under the form's own column names, the average score (the
// Annex 8 total out of 20) with the council's average per criterion (no expert is named), and the events held.
import { CRITERIA } from '../../../core/evaluation/criteria.ts';
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import type { PublicProjectPage } from '../../../core/projects/project-public.ts';
import { localName } from '../../../core/reference/reference-service.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';
import { FigureTable } from './parts.tsx';
import { numberIn, pickLang, Score } from './project-list.tsx';

export function ProjectPage({ lang, t, p }: { lang: PortalLang; t: PortalText; p: PublicProjectPage }) {
  const h = (k: string) => t(`projects:annex5.${k}`);
  const goals = [pickLang(lang, p.goalsKk, p.goalsRu), pickLang(lang, p.objectivesKk, p.objectivesRu)].filter(Boolean);
  return (
    <>
      <p>
        <a href={`/${lang}/projects`}>← {t('projects.back')}</a>
      </p>
      <h1>{pickLang(lang, p.nameKk, p.nameRu)}</h1>
      <dl class="facts">
        <dt>{h('supplier')}</dt>
        <dd>{p.supplierName}</dd>
        {p.stateBody && (
          <>
            <dt>{t('topics.body')}</dt>
            <dd>{localName(p.stateBody, lang)}</dd>
          </>
        )}
        <dt>{t('topics.area')}</dt>
        <dd>{localName(p.area, lang)}</dd>
        <dt>{t('topics.place')}</dt>
        <dd>{p.region ? localName(p.region, lang) : t('topics.national')}</dd>
        <dt>{h('sum')}</dt>
        <dd>{numberIn(lang, p.contractSum)}</dd>
        <dt>{h('period')}</dt>
        <dd>
          {formatLocalDate(p.startsOn)} — {formatLocalDate(p.endsOn)}
        </dd>
        <dt>{h('score')}</dt>
        <dd>
          <Score lang={lang} t={t} score={p.score} />
        </dd>
        <dt>{t('projects.events')}</dt>
        <dd>{p.events}</dd>
      </dl>
      <h2>{h('goals')}</h2>
      {goals.map((g, i) => (
        <p class="text" key={i}>
          {g}
        </p>
      ))}
      <h2>{h('activities')}</h2>
      <p class="text">{pickLang(lang, p.activitiesKk, p.activitiesRu)}</p>
      <h2>{h('results')}</h2>
      <p class="text">{pickLang(lang, p.resultsKk, p.resultsRu)}</p>
      {p.criteria && (
        <FigureTable
          caption={t('projects.criteria')}
          head={[t('projects.criterion'), t('projects.average')]}
          rows={p.criteria.map((c) => {
            const k = CRITERIA.find((x) => x.number === c.criterion)!;
            return [`${c.criterion}. ${lang === 'kk' ? k.nameKk : k.nameRu}`, c.average == null ? '—' : numberIn(lang, c.average, 2)];
          })}
        />
      )}
    </>
  );
}
