// One initiative for staff: what, where, why and the help it needs; the decision on a proposal (publish, return or
// reject with the reason its author reads); once published, taking it on, partners, patrons with their
// contribution, progress updates with a percent and photos, volunteer events, marking it implemented with the result
// and the people served, closing it, and turning it into a proposed topic of the state social order. The history,
// the residents' rating and the comments' count with the way to their moderation.
import { useState } from 'preact/hooks';
import { useAction, useLoad } from '../../components/load.ts';
import { BackLink, ErrorBox, Loading } from '../../components/layout.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import type { ScreenProps } from '../types.ts';
import { type InitiativeFull } from './initiative-api.ts';
import { CloseDialog, DecideDialog, type DialogKind, ImplementedDialog, PartnerDialog, PatronDialog, UpdateDialog } from './initiative-dialogs.tsx';
import { Participants } from './initiative-participants.tsx';
import { StatusBadge, useAreas } from './initiatives-board.tsx';

export function InitiativeDetail({ params }: ScreenProps) {
  const id = Number(params.id);
  const { api, ref, hasRole } = useApp();
  const areas = useAreas();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const one = useLoad(() => api.get<InitiativeFull>(`/api/initiatives/${id}`), [id]);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const act = useAction();
  if (one.error) return <ErrorBox error={one.error} />;
  if (!one.data) return <Loading />;
  const x = one.data;
  const region = ref.regions.find((r) => r.id === x.regionId);
  const district = region?.districts.find((d) => d.id === x.districtId);
  const decides = hasRole('moderator', 'project_manager');
  const carriesOut = hasRole('project_manager');
  const working = x.status === 'published' || x.status === 'in_progress';
  const lang = locale === 'kk' ? 'kk' : 'ru';
  const publish = async () => {
    if (await act.run(() => api.post(`/api/initiatives/${x.id}/publish`, {}), t('common.saved'))) one.reload();
  };
  const done = () => {
    setDialog(null);
    one.reload();
  };
  const dialogProps = { x, onClose: () => setDialog(null), onDone: done };
  // A partner or a patron entered by mistake goes after a confirmation (the API audits it; the lead stays).
  const remove = async (what: 'partners' | 'patrons', subId: number, name: string) => {
    if (!confirm(t(what === 'partners' ? 'ini.confirmRemovePartner' : 'ini.confirmRemovePatron', { name }))) return;
    if (await act.run(() => api.del(`/api/initiatives/${x.id}/${what}/${subId}`), t('common.deleted'))) one.reload();
  };
  const r = x.rating;
  return (
    <section class="screen" data-testid="initiative-detail">
      <BackLink href={href(x.status === 'proposed' ? 'initiatives/queue' : 'initiatives', x.status === 'proposed' ? {} : { status: x.status })}>
        {t(x.status === 'proposed' ? 'ini.queue' : 'ini.title')}
      </BackLink>
      <div class="screen-head">
        <h1 lang={x.language}>
          №{x.id} {x.title}
        </h1>
        <StatusBadge status={x.status} />
        {(x.status === 'published' || x.status === 'in_progress' || x.status === 'implemented') && (
          <a href={`/${lang}/initiatives/${x.id}`} target="_blank" rel="noopener">
            {t('ini.publicPage')}
          </a>
        )}
      </div>
      <div class="panel">
        <dl class="facts">
          <dt>{t('ini.author')}</dt>
          <dd>{x.organisation ? `${t('ini.organisation')}: ${x.organisation}` : (x.authorName ?? '—')}</dd>
          <dt>{t('ini.language')}</dt>
          <dd>{t(`ini.lang.${x.language === 'kk' ? 'kk' : 'ru'}`)}</dd>
          <dt>{t('ini.colArea')}</dt>
          <dd>{i18n.name(areas.find((a) => a.id === x.areaId))}</dd>
          <dt>{t('ini.colPlace')}</dt>
          <dd>{[i18n.name(region), district ? i18n.name(district) : null, x.address].filter(Boolean).join(', ')}</dd>
          <dt>{t('ini.helpNeeded')}</dt>
          <dd>{x.helpNeeded.map((h) => t(`ini.help.${h}`)).join(', ')}</dd>
          <dt>{t('ini.colSubmitted')}</dt>
          <dd>{i18n.dateTime(x.submittedAt)}</dd>
          <dt>{t('ini.colSupports')}</dt>
          <dd>{x.supportCount}</dd>
          {x.reasonCode && (
            <>
              <dt>{t('ini.reasonCode')}</dt>
              <dd>
                {t(`ini.reason.${x.reasonCode}`)}
                {x.reasonNote ? `: ${x.reasonNote}` : ''}
              </dd>
            </>
          )}
        </dl>
        <h2>{t('ini.what')}</h2>
        <p class="description" lang={x.language}>
          {x.description}
        </p>
        <h2>{t('ini.why')}</h2>
        <p class="description" lang={x.language}>
          {x.justification}
        </p>
        <div class="actions">
          {x.status === 'proposed' && decides && (
            <>
              <button type="button" class="primary" disabled={act.busy} onClick={publish}>
                {t('ini.publish')}
              </button>
              <button type="button" class="secondary" onClick={() => setDialog('return')}>
                {t('ini.return')}
              </button>
              <button type="button" class="danger" onClick={() => setDialog('reject')}>
                {t('ini.reject')}
              </button>
            </>
          )}
          {x.status === 'published' && carriesOut && (
            <button type="button" class="primary" onClick={() => setDialog('take')}>
              {t('ini.take')}
            </button>
          )}
          {x.status === 'in_progress' && carriesOut && (
            <>
              <button type="button" class="primary" onClick={() => setDialog('update')}>
                {t('ini.addUpdate')}
              </button>
              <button type="button" class="secondary" onClick={() => setDialog('partner')}>
                {t('ini.addPartner')}
              </button>
              <button type="button" class="secondary" onClick={() => setDialog('patron')}>
                {t('ini.addPatron')}
              </button>
              <button type="button" class="primary" onClick={() => setDialog('implemented')}>
                {t('ini.implemented')}
              </button>
            </>
          )}
          {working && carriesOut && (
            <>
              <button type="button" class="secondary" onClick={() => navigate(href('topics/new', { fromInitiative: x.id }))}>
                {t('ini.makeTopic')}
              </button>
              <button type="button" class="danger" onClick={() => setDialog('close')}>
                {t('ini.close')}
              </button>
            </>
          )}
        </div>
        <ErrorBox error={act.error} />
      </div>
      <Participants x={x} onRemove={working && carriesOut ? remove : undefined} busy={act.busy} />
      {x.photos.length > 0 && (
        <div class="panel" data-testid="initiative-photos">
          <h2>{t('ini.photos')}</h2>
          <ul class="plain">
            {x.photos.map((ph, i) => (
              <li key={ph.id}>
                №{i + 1} {ph.withheld && <span class="badge withheld">{t('ini.withheld')}</span>}{' '}
                <button
                  type="button"
                  class="secondary"
                  disabled={act.busy}
                  onClick={async () => {
                    if (
                      await act.run(() => api.post(`/api/initiatives/${x.id}/photos/${ph.id}/${ph.withheld ? 'release' : 'withhold'}`, {}), t('common.saved'))
                    )
                      one.reload();
                  }}
                >
                  {t(ph.withheld ? 'ini.release' : 'ini.withhold')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {x.status === 'implemented' && (
        <div class="panel">
          <h2>{t('ini.result')}</h2>
          <p class="description">{(lang === 'kk' ? x.resultKk : x.resultRu) ?? '—'}</p>
          <dl class="facts">
            <dt>{t('ini.served')}</dt>
            <dd>{x.servedCount ?? '—'}</dd>
            <dt>{t('ini.rating')}</dt>
            <dd data-testid="initiative-rating">
              {r.averageRating == null
                ? t('ini.noRating')
                : t('ini.ratingValue', {
                    avg: i18n.num(r.averageRating),
                    n: r.rated,
                    index: r.satisfactionIndex == null ? '—' : i18n.num(r.satisfactionIndex),
                    base: i18n.num(r.nationalBaselinePercent),
                  })}
            </dd>
          </dl>
        </div>
      )}
      <div class="panel">
        <p>
          {t('ini.comments', x.comments)} <a href={href('comments', { state: 'pending' })}>{t('ini.moderateComments')}</a>
        </p>
        {x.topicIds.length > 0 && (
          <p>
            {t('ini.topicLinked')}:{' '}
            {x.topicIds.map((tid) => (
              <a key={tid} href={href(`topics/${tid}`)}>
                №{tid}{' '}
              </a>
            ))}
          </p>
        )}
        <h2>{t('ini.history')}</h2>
        <ol class="timeline">
          {x.history.map((e) => (
            <li key={e.id}>
              {i18n.dateTime(e.at)} · {e.type}
              {e.toStatus ? ` → ${t(`ini.status.${e.toStatus}`)}` : ''}
            </li>
          ))}
        </ol>
      </div>
      {dialog === 'return' && <DecideDialog {...dialogProps} action="return" />}
      {dialog === 'reject' && <DecideDialog {...dialogProps} action="reject" />}
      {dialog === 'take' && <PartnerDialog {...dialogProps} lead />}
      {dialog === 'partner' && <PartnerDialog {...dialogProps} lead={false} />}
      {dialog === 'patron' && <PatronDialog {...dialogProps} />}
      {dialog === 'update' && <UpdateDialog {...dialogProps} />}
      {dialog === 'implemented' && <ImplementedDialog {...dialogProps} />}
      {dialog === 'close' && <CloseDialog {...dialogProps} />}
    </section>
  );
}
