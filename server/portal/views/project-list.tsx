// Finished social projects (Rules item 12; Annex 5): each with its supplier, contract sum, period and average
// score (the Annex 8 total out of 20, once the council's evaluation is closed), filtered by the year they ended.
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import type { PublicProject } from '../../../core/projects/project-public.ts';
import { localName } from '../../../core/reference/reference-service.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';

export const pickLang = (lang: PortalLang, kk: string, ru: string) => (lang === 'kk' ? kk || ru : ru || kk);
export const numberIn = (lang: PortalLang, v: number, digits = 1) =>
  new Intl.NumberFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: digits }).format(v);

export function Score({ lang, t, score }: { lang: PortalLang; t: PortalText; score: number | null }) {
  return <>{score == null ? t('projects.not_evaluated') : t('projects.score_value', { score: numberIn(lang, score, 2) })}</>;
}

export interface ProjectListProps {
  lang: PortalLang;
  t: PortalText;
  items: PublicProject[];
  years: number[];
  year?: number;
  page: number;
  more: boolean;
}

export function ProjectList({ lang, t, items, years, year, page, more }: ProjectListProps) {
  const href = (p: number) => `/${lang}/projects?${new URLSearchParams({ ...(year ? { year: String(year) } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <h1>{t('projects.title')}</h1>
      <p>{t('projects.intro')}</p>
      <form class="filters" method="get" action={`/${lang}/projects`} aria-label={t('filters.title')}>
        <div class="field">
          <label for="year">{t('projects.year')}</label>
          <select id="year" name="year">
            <option value="">{t('filters.all_time')}</option>
            {years.map((y) => (
              <option value={String(y)} selected={y === year} key={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">{t('filters.apply')}</button>
        </div>
      </form>
      {items.length === 0 ? (
        <p>{t('projects.empty')}</p>
      ) : (
        <ol class="reports" aria-label={t('projects.title')}>
          {items.map((p) => (
            <li key={p.id}>
              <h2>
                <a href={`/${lang}/projects/${p.id}`}>{pickLang(lang, p.nameKk, p.nameRu)}</a>
              </h2>
              <p class="meta">
                {p.supplierName} · {localName(p.area, lang)} · {p.region ? localName(p.region, lang) : t('topics.national')}
              </p>
              <p>
                {t('projects.period_value', { start: formatLocalDate(p.startsOn), end: formatLocalDate(p.endsOn) })} ·{' '}
                {t('projects.sum_value', { sum: numberIn(lang, p.contractSum) })}
              </p>
              <p class="meta">
                {t('projects.score')}: <Score lang={lang} t={t} score={p.score} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {(more || page > 1) && (
        <nav aria-label={t('list.pages')} class="pages">
          {page > 1 && <a href={href(1)}>{t('list.first')}</a>}
          {more && (
            <a href={href(page + 1)} rel="next">
              {t('list.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
