// One topic under public discussion: every Annex 1 field under the form's own column names, the period and days
// left, the counts, the newest visible comments, the bot link where a resident comments (t.me/<bot>?start=topic_<id>,
// the deep link the bot's topics feature opens), and once the body reviewed every comment, the Annex 2 report:
// № / topic / comment with its author / the body's conclusion with its reasons.
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import type { PublicTopicPage } from '../../../core/discussions/discussion-public.ts';
import { formatThousands, inLocale } from '../../../core/discussions/topic-text.ts';
import { localName } from '../../../core/reference/reference-service.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';
import { TopicPeriod } from './discussion-list.tsx';

export interface DiscussionPageProps {
  lang: PortalLang;
  t: PortalText;
  d: PublicTopicPage;
  /** the bot's username, when one is known */
  bot: string | null;
  now: Date;
}

const author = (t: PortalText, c: { authorName: string; organisation: string | null }) => {
  const name = c.authorName || t('discussions:anonymised_author');
  return c.organisation ? `${name} (${c.organisation})` : name;
};

export function DiscussionPage({ lang, t, d, bot, now }: DiscussionPageProps) {
  const x = d.topic;
  const title = inLocale(x, 'title', lang);
  const field = (key: string) => t(`discussions:annex1.${key}`);
  return (
    <>
      <p>
        <a href={`/${lang}/discussions`}>← {t('topics.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="meta">
        <TopicPeriod x={x} t={t} now={now} />
      </p>
      {bot && (
        <p>
          <a class="button" href={`https://t.me/${bot}?start=topic_${x.id}`}>
            {t(x.accepting ? 'topics.telegram' : 'topics.telegram_read')}
          </a>
        </p>
      )}
      <dl class="facts">
        <dt>{t('topics.body')}</dt>
        <dd>{localName(x.stateBody, lang)}</dd>
        <dt>{t('topics.area')}</dt>
        <dd>{localName(x.area, lang)}</dd>
        <dt>{t('topics.place')}</dt>
        <dd>
          {x.region ? localName(x.region, lang) : t('topics.national')}, {x.year}
        </dd>
        <dt>{field('funding')}</dt>
        <dd>{formatThousands(x.fundingThousandTenge)}</dd>
        <dt>{field('justification')}</dt>
        <dd class="text">
          {inLocale(x, 'justification', lang)}
          <br />
          {t('discussions:annex1.source', { source: x.informationSource })}
        </dd>
        <dt>{field('target_group')}</dt>
        <dd class="text">{inLocale(x, 'targetGroup', lang)}</dd>
        <dt>{field('expected_result')}</dt>
        <dd class="text">{inLocale(x, 'expectedResult', lang)}</dd>
        <dt>{t('topics.counts')}</dt>
        <dd>{t('topics.counts_value', { supports: d.supports, objections: d.objections, comments: d.comments })}</dd>
      </dl>
      {d.annex2 && (
        <>
          <h2 id="annex2">{t('topics.annex2')}</h2>
          <div class="scroll" tabIndex={0} role="region" aria-labelledby="annex2">
            <table class="annex">
              <caption>
                {t('discussions:annex2.title')}: {title}
              </caption>
              <thead>
                <tr>
                  <th scope="col">№</th>
                  <th scope="col">{t('discussions:annex2.comment')}</th>
                  <th scope="col">{t('discussions:annex2.conclusion')}</th>
                </tr>
              </thead>
              <tbody>
                {d.annex2.length === 0 ? (
                  <tr>
                    <td>1</td>
                    <td colSpan={2}>{t('discussions:annex2.no_comments')}</td>
                  </tr>
                ) : (
                  d.annex2.map((c, i) => (
                    <tr key={i}>
                      <td>{i + 1}</td>
                      <td>
                        <span class="text">{c.text}</span>
                        <br />
                        {t('discussions:annex2.author', { author: author(t, c) })}
                      </td>
                      <td>
                        {t(`discussions:annex2.decision.${c.decision ?? 'none'}`)}
                        {c.decisionReason && `. ${t('discussions:reason', { reason: c.decisionReason })}`}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>{t('topics.comments')}</h2>
      {d.latest.length === 0 ? (
        <p>{t('topics.no_comments')}</p>
      ) : (
        <ol class="history">
          {d.latest.map((c, i) => (
            <li key={i}>
              <time dateTime={c.createdAt.toISOString()}>{formatLocalDate(c.createdAt)}</time> · {author(t, c)}
              {c.stance && ` · ${t(`topics.stance.${c.stance}`)}`}
              <p class="text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
