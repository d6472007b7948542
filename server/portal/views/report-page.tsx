// One report's public page: what it is about, where, who answers for it, its deadline and whether it was met, and
// its public history (staff's public notes only). Nothing about the author.
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import type { PublicReport } from '../../../core/reports/report-public.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';
import type { PublicCommentView } from '../../../core/comments/comment-citizen.ts';
import { Facts, OsmLink } from './parts.tsx';
import { ReportComments, ReportPhotos, TelegramButton } from './report-extras.tsx';
import { StatusBadge } from './status-badge.tsx';

export interface ReportPageProps {
  lang: PortalLang;
  t: PortalText;
  report: PublicReport;
  category: string;
  place: string;
  department: string;
  now: Date;
  /** visible public comments (newest last) and how many there are */
  comments: { items: PublicCommentView[]; total: number };
  /** t.me link that opens the report in the bot; null when the bot's username is unknown */
  botLink: string | null;
}

function Deadline({ r, t, now }: { r: PublicReport; t: PortalText; now: Date }) {
  const d = formatLocalDate;
  if (r.status === 'resolved' && r.selfResolved) return <>{t('report.self_resolved')}</>;
  if (r.status === 'resolved' && r.resolvedAt) {
    if (!r.dueAt) return <>{t('report.resolved_on', { date: d(r.resolvedAt) })}</>;
    return r.resolvedAt > r.dueAt ? (
      <span class="late">{t('report.late', { date: d(r.resolvedAt), due: d(r.dueAt) })}</span>
    ) : (
      <>{t('report.on_time', { date: d(r.resolvedAt) })}</>
    );
  }
  if (r.colour === 'red' && r.dueAt) {
    return r.dueAt < now ? (
      <span class="late">
        <span aria-hidden="true">⚠ </span>
        {t('report.overdue', { date: d(r.dueAt) })}
      </span>
    ) : (
      <>{t('report.due', { date: d(r.dueAt) })}</>
    );
  }
  return null;
}

export function ReportPage({ lang, t, report: r, category, place, department, now, comments, botLink }: ReportPageProps) {
  const deadline = Deadline({ r, t, now });
  return (
    <>
      <p>
        <a href={`/${lang}/reports`}>← {t('report.back')}</a>
      </p>
      <h1>
        {t('report.title', { number: r.number })} <StatusBadge colour={r.colour} status={r.status} t={t} />
      </h1>
      {r.duplicateOf && (
        <p class="notice">
          {t('report.duplicate_of')} <a href={`/${lang}/reports/${r.duplicateOf}`}>{r.duplicateOf}</a>
        </p>
      )}
      <Facts
        facts={[
          [t('report.category'), category],
          [t('report.place'), place],
          !!r.address && [t('report.address'), r.address],
          [t('report.department'), department],
          [t('report.filed'), formatLocalDate(r.createdAt)],
          !!r.authorName && [t('comments:portal.author'), r.authorName],
          !!deadline && [t('report.deadline'), deadline],
          [t('report.supports'), r.supportCount],
        ]}
      />
      <OsmLink lat={r.lat} lon={r.lon} label={t('report.map')} />
      <h2>{t('report.description')}</h2>
      <p class="text">{r.description}</p>
      <ReportPhotos t={t} number={r.number} photos={r.photos} />
      {r.colour === 'red' && <TelegramButton t={t} href={botLink} />}
      <h2>{t('report.history')}</h2>
      <ol class="history">
        {r.history.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at.toISOString()}>{formatLocalDate(e.at)}</time> · {t(`report.actor.${e.actor}`)}:{' '}
            {e.kind === 'created' ? t('report.created') : e.kind === 'merge' ? t('report.merged') : e.toStatus ? t(`reports:status.${e.toStatus}`) : ''}
            {e.note[lang] && <p class="text">{e.note[lang]}</p>}
          </li>
        ))}
      </ol>
      <ReportComments lang={lang} t={t} comments={comments.items} total={comments.total} />
      <p class="meta">{t('report.private')}</p>
    </>
  );
}
