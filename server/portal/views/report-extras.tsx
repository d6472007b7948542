// The parts of a report's public page that residents add or staff release (issue 17): its photos (only once
// accepted, never a withheld one), the author's name when they chose to show it, the visible comments, and the
// button that opens the report in the bot to support it or leave an idea.
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import type { PublicCommentView } from '../../../core/comments/comment-citizen.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';

export function ReportPhotos({ t, number, photos }: { t: PortalText; number: string; photos: number[] }) {
  if (photos.length === 0) return null;
  return (
    <>
      <h2>{t('comments:portal.photos')}</h2>
      <ul class="photos">
        {photos.map((id, i) => (
          <li key={id}>
            <a href={`/media/r/${id}`}>
              <img src={`/media/r/${id}`} alt={t('comments:portal.photo', { n: i + 1, number })} loading="lazy" width={320} />
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function TelegramButton({ t, href }: { t: PortalText; href: string | null }) {
  if (!href) return null;
  return (
    <p class="telegram">
      <a class="button" href={href} rel="noopener">
        {t('comments:portal.telegram')}
      </a>
      <br />
      <small>{t('comments:portal.telegram_hint')}</small>
    </p>
  );
}

export function ReportComments({ lang, t, comments, total }: { lang: PortalLang; t: PortalText; comments: PublicCommentView[]; total: number }) {
  return (
    <>
      <h2>{t('comments:portal.comments')}</h2>
      {comments.length === 0 ? (
        <p>{t('comments:portal.no_comments')}</p>
      ) : (
        <ol class="comments">
          {comments.map((c) => (
            <li key={c.id} id={`c${c.id}`}>
              <p class="meta">
                {c.authorName ?? t('comments:portal.participant')} · <time dateTime={c.createdAt.toISOString()}>{formatLocalDate(c.createdAt)}</time>
              </p>
              <p class="text" lang={c.language !== lang ? c.language : undefined}>
                {c.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      {total > comments.length && <p class="meta">{t('comments:portal.more_comments', { shown: comments.length, total })}</p>}
    </>
  );
}
