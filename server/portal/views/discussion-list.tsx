// Topics of the state social order under public discussion (Rules item 7; Annex 1), in three tabs: open for
// comments with the days left, ended (the body is reviewing the comments), and reviewed (with the Annex 2 report
// on each topic's page). Not personalised: everyone sees every topic.
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import { daysLeft } from '../../../core/discussions/discussion-rules.ts';
import type { PublicDiscussionTab, PublicTopic } from '../../../core/discussions/discussion-public.ts';
import { formatThousands, inLocale } from '../../../core/discussions/topic-text.ts';
import { localName } from '../../../core/reference/reference-service.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';

export interface DiscussionListProps {
  lang: PortalLang;
  t: PortalText;
  tab: PublicDiscussionTab;
  items: PublicTopic[];
  page: number;
  more: boolean;
  now: Date;
}

export function TopicPeriod({ x, t, now }: { x: PublicTopic; t: PortalText; now: Date }) {
  if (!x.publishedAt || !x.endsAt) return null;
  const range = { start: formatLocalDate(x.publishedAt), end: formatLocalDate(x.endsAt) };
  if (x.accepting) return <>{t('topics.open_until', { ...range, days: daysLeft(x.endsAt, now) })}</>;
  return <>{t(x.status === 'reviewed' ? 'topics.reviewed_period' : 'topics.ended_period', range)}</>;
}

export function DiscussionList({ lang, t, tab, items, page, more, now }: DiscussionListProps) {
  const href = (x: PublicDiscussionTab, p = 1) => `/${lang}/discussions${x === 'open' && p === 1 ? '' : `?tab=${x}${p > 1 ? `&page=${p}` : ''}`}`;
  return (
    <>
      <h1>{t('topics.title')}</h1>
      <p>{t('topics.intro')}</p>
      <nav aria-label={t('topics.tabs')} class="tabs">
        <ul>
          {(['open', 'ended', 'reviewed'] as const).map((x) => (
            <li key={x}>
              <a href={href(x)} aria-current={x === tab ? 'page' : undefined}>
                {t(`topics.tab.${x}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p>{t(`topics.empty.${tab}`)}</p>
      ) : (
        <ol class="reports" aria-label={t(`topics.tab.${tab}`)}>
          {items.map((x) => (
            <li key={x.id}>
              <h2>
                <a href={`/${lang}/discussions/${x.id}`}>{inLocale(x, 'title', lang)}</a>
              </h2>
              <p class="meta">
                {localName(x.stateBody, lang)} · {localName(x.area, lang)} · {x.region ? localName(x.region, lang) : t('topics.national')}
              </p>
              <p>{t('topics.funding_short', { amount: formatThousands(x.fundingThousandTenge) })}</p>
              <p class="meta">
                <TopicPeriod x={x} t={t} now={now} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {(more || page > 1) && (
        <nav aria-label={t('list.pages')} class="pages">
          {page > 1 && <a href={href(tab)}>{t('list.first')}</a>}
          {more && (
            <a href={href(tab, page + 1)} rel="next">
              {t('list.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
