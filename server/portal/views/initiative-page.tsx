// One initiative's public page: what, where, why and what help it needs; once taken on, who carries it out, the
// patrons and their contribution, the volunteers (numbers, never names) and the dated progress updates; once
// implemented, the result, the people it served and the residents' rating with the satisfaction index beside the
// national one (DOMAIN.md). The visible comments and the bot's button to support, comment or rate.
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import type { PublicCommentView } from '../../../core/comments/comment-citizen.ts';
import type { PublicInitiative } from '../../../core/initiatives/initiative-public.ts';

const dayText = (day: string) => day.split('-').reverse().join('.');
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';
import { InitiativeBadge, STAGE_SLUGS } from './initiative-list.tsx';
import { Facts, OsmLink } from './parts.tsx';
import { numberIn, pickLang } from './project-list.tsx';
import { ReportComments } from './report-extras.tsx';

export interface InitiativePageProps {
  lang: PortalLang;
  t: PortalText;
  x: PublicInitiative;
  area: string;
  place: string;
  comments: { items: PublicCommentView[]; total: number };
  /** t.me link that opens the initiative in the bot; null when the bot's username is unknown */
  botLink: string | null;
}

export function InitiativePage({ lang, t, x, area, place, comments, botLink }: InitiativePageProps) {
  const tx = (key: string, o?: Record<string, unknown>) => t(`initiatives-public:${key}`, o);
  const other = x.language !== lang ? x.language : undefined;
  const stage = x.status === 'published' ? 'proposals' : x.status === 'in_progress' ? 'in_progress' : 'implemented';
  const lead = x.partners.find((p) => p.lead);
  const partners = x.partners.filter((p) => !p.lead);
  const result = pickLang(lang, x.resultKk ?? '', x.resultRu ?? '');
  const rating = x.rating;
  // Only what core calls public (never a withheld one), in the updates' order: the first loads at once, the rest lazily.
  const shown = new Map(x.photos.map((ph) => [ph.id, ph]));
  const photosOf = (ids: number[]) => ids.flatMap((id) => shown.get(id) ?? []);
  const photoIds = x.updates.flatMap((u) => photosOf(u.photoIds).map((ph) => ph.id));
  const volunteering = { events: x.events.length, volunteers: x.events.reduce((n, e) => n + e.volunteers, 0) };
  return (
    <>
      <p>
        <a href={`/${lang}/initiatives?stage=${STAGE_SLUGS[stage]}`}>← {tx('back')}</a>
      </p>
      <h1>
        <span lang={other}>{x.title}</span> <InitiativeBadge t={t} status={x.status} />
      </h1>
      <Facts
        facts={[
          [tx('area'), area],
          [tx('place'), [place, x.address].filter(Boolean).join(', ')],
          [tx('author'), x.organisation ?? x.authorName ?? tx('resident')],
          [tx('help'), x.helpNeeded.map((h) => t(`initiatives:help.${h}`)).join(', ')],
          x.publishedAt && [t('report.filed'), formatLocalDate(x.publishedAt)],
          [t('report.supports'), x.supportCount],
        ]}
      />
      <OsmLink lat={x.lat} lon={x.lon} label={tx('osm')} />
      <h2>{tx('what')}</h2>
      <p class="text" lang={other}>
        {x.description}
      </p>
      <h2>{tx('why')}</h2>
      <p class="text" lang={other}>
        {x.justification}
      </p>
      {x.status === 'implemented' && (
        <>
          <h2>{tx('result')}</h2>
          {result && <p class="text">{result}</p>}
          <dl class="facts">
            {x.servedCount != null && (
              <>
                <dt>{tx('served')}</dt>
                <dd>{numberIn(lang, x.servedCount, 0)}</dd>
              </>
            )}
            <dt>{tx('rating')}</dt>
            <dd>{rating?.averageRating == null ? tx('not_rated') : tx('rating_value', { avg: numberIn(lang, rating.averageRating), n: rating.rated })}</dd>
            {rating?.satisfactionIndex != null && (
              <>
                <dt>{tx('satisfaction')}</dt>
                <dd>
                  {tx('satisfaction_value', {
                    index: numberIn(lang, rating.satisfactionIndex),
                    n: rating.satisfactionAnswers,
                    base: numberIn(lang, rating.nationalBaselinePercent),
                  })}
                </dd>
              </>
            )}
          </dl>
        </>
      )}
      {(lead || partners.length > 0 || x.patrons.length > 0 || volunteering.events > 0) && (
        <dl class="facts">
          {lead && (
            <>
              <dt>{tx('lead')}</dt>
              <dd>
                {lead.name} ({tx(`kind.${lead.kind}`)})
              </dd>
            </>
          )}
          {partners.length > 0 && (
            <>
              <dt>{tx('partners')}</dt>
              <dd>{partners.map((p) => `${p.name} (${tx(`kind.${p.kind}`)})`).join('; ')}</dd>
            </>
          )}
          {x.patrons.length > 0 && (
            <>
              <dt>{tx('patrons')}</dt>
              <dd>
                <ul class="plain">
                  {x.patrons.map((p, i) => (
                    <li key={i}>
                      {p.name ?? tx('private_patron')}: {tx(`contribution.${p.contribution}`)}
                      {p.amountTenge != null && <>, {tx('amount', { amount: numberIn(lang, p.amountTenge, 0) })}</>}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {volunteering.events > 0 && (
            <>
              <dt>{tx('volunteers')}</dt>
              <dd>{tx('volunteers_value', volunteering)}</dd>
            </>
          )}
        </dl>
      )}
      {x.updates.length > 0 && (
        <>
          <h2>{tx('updates')}</h2>
          {x.status === 'in_progress' && (
            <p>
              {tx('progress', { percent: x.progressPercent })} <progress max={100} value={x.progressPercent} />
            </p>
          )}
          <ol class="history">
            {x.updates.map((u, i) => (
              <li key={i}>
                <time dateTime={u.heldOn}>{dayText(u.heldOn)}</time> · {u.percent} %<p class="text">{pickLang(lang, u.textKk, u.textRu)}</p>
                <UpdatePhotos tx={tx} day={dayText(u.heldOn)} photos={photosOf(u.photoIds)} first={photoIds[0]} />
              </li>
            ))}
          </ol>
        </>
      )}
      {botLink && (
        <p class="telegram">
          <a class="button" href={botLink} rel="noopener">
            {tx(x.status === 'implemented' ? 'telegram_rate' : 'telegram')}
          </a>
          <br />
          <small>{tx('telegram_hint')}</small>
        </p>
      )}
      <ReportComments lang={lang} t={t} comments={comments.items} total={comments.total} />
    </>
  );
}

/** A thumbnail's box: 320 px wide, its height from the stored size, so the page does not jump while it loads. */
const THUMB = 320;
type Photo = PublicInitiative['photos'][number];

function UpdatePhotos({ tx, day, photos, first }: { tx: (k: string, o?: Record<string, unknown>) => string; day: string; photos: Photo[]; first?: number }) {
  if (photos.length === 0) return null;
  return (
    <ul class="photos">
      {photos.map((ph, i) => (
        <li key={ph.id}>
          <a href={`/media/i/${ph.id}`}>
            <img
              src={`/media/i/${ph.id}`}
              alt={tx('photo', { date: day, n: i + 1 })}
              width={THUMB}
              height={ph.width && ph.height ? Math.round((THUMB * ph.height) / ph.width) : Math.round((THUMB * 3) / 4)}
              {...(ph.id === first ? {} : { loading: 'lazy' as const })}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
