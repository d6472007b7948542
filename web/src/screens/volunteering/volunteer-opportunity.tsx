// One opportunity for its organiser: publish, cancel or delete it, and work its applications in queue order:
// approve (a minor only once the parent's consent is on file), decline with the reason the volunteer
// receives, wait-list; after the start, attendance (hours, people helped, or did not come) and a review 1–5.
import { useState } from 'preact/hooks';
import type { Application, AttendanceInput, Opportunity, ReviewInput } from '../../../../server/volunteering/volunteering-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { BackLink, ErrorBox, Loading } from '../../components/layout.tsx';
import { CheckedForm, TextInput } from '../../components/form.tsx';
import { LoadState } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { formatPhone } from '../../i18n/format.ts';

export function OpportunityDetail({ id }: { id: number }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const opp = useLoad(() => api.get<Opportunity>(`/api/volunteering/opportunities/${id}`), [id]);
  const apps = useLoad(() => api.get<{ items: Application[] }>(`/api/volunteering/opportunities/${id}/applications`), [id]);
  const act = useAction();
  if (opp.error) return <ErrorBox error={opp.error} />;
  if (!opp.data) return <Loading />;
  const o = opp.data;
  const started = new Date(o.startsAt) <= new Date();
  const reload = () => (opp.reload(), apps.reload());
  const region = ref.regions.find((r) => r.id === o.regionId);
  const action = async (path: string, confirmText?: string) => {
    if (confirmText && !confirm(confirmText)) return;
    if (
      await act.run(
        () => (path === 'delete' ? api.del(`/api/volunteering/opportunities/${o.id}`) : api.post(`/api/volunteering/opportunities/${o.id}/${path}`)),
        t('common.saved'),
      )
    ) {
      if (path === 'delete') navigate(href('volunteers'));
      else reload();
    }
  };
  return (
    <section class="screen" data-testid="opportunity-detail">
      <BackLink href={href('volunteers')}>{t('volunteers.title')}</BackLink>
      <div class="screen-head">
        <h1>{locale === 'kk' ? o.titleKk : o.titleRu}</h1>
        <span class={o.status === 'published' ? 'badge ok' : 'badge muted'}>{t(`volunteers.statuses.${o.status}`)}</span>
      </div>
      <div class="panel">
        <p class="description">{(locale === 'kk' ? o.descriptionKk : o.descriptionRu) || '—'}</p>
        <dl class="facts">
          <dt>{t('volunteers.organiser')}</dt>
          <dd>{o.organiserName}</dd>
          <dt>{t('volunteers.when')}</dt>
          <dd>
            {i18n.dateTime(o.startsAt)} — {i18n.dateTime(o.endsAt)}
          </dd>
          <dt>{t('volunteers.place')}</dt>
          <dd>
            {o.place} ({i18n.name(region)}
            {o.districtId && region ? `, ${i18n.name(region.districts.find((d) => d.id === o.districtId))}` : ''})
          </dd>
          <dt>{t('volunteers.directions')}</dt>
          <dd>{o.directions.map((d) => t(`volunteers.direction.${d}`)).join(', ') || '—'}</dd>
          <dt>{t('volunteers.needed')}</dt>
          <dd>{new Date(o.endsAt).getTime() < Date.now() ? t('volunteers.past') : t('volunteers.places', { left: o.placesLeft, needed: o.needed })}</dd>
        </dl>
        <div class="actions">
          {o.status === 'draft' && (
            <>
              <button type="button" class="primary" disabled={act.busy} onClick={() => action('publish')}>
                {t('volunteers.publish')}
              </button>
              <button type="button" class="danger" disabled={act.busy} onClick={() => action('delete', t('volunteers.confirmDelete'))}>
                {t('common.delete')}
              </button>
            </>
          )}
          {o.status === 'published' && !started && (
            <button type="button" class="danger" disabled={act.busy} onClick={() => action('cancel', t('volunteers.confirmCancel'))}>
              {t('volunteers.cancel')}
            </button>
          )}
        </div>
        <ErrorBox error={act.error} />
      </div>
      <div class="panel">
        <h2>{t('volunteers.applications')}</h2>
        <LoadState loaded={apps} isEmpty={(data) => data.items.length === 0} emptyText={t('volunteers.noApplications')}>
          {(data) => (
            <ul class="list" data-testid="application-list">
              {data.items.map((a, i) => (
                <ApplicationRow key={a.id} n={i + 1} app={a} started={started} over={new Date(o.endsAt) <= new Date()} onChanged={reload} />
              ))}
            </ul>
          )}
        </LoadState>
      </div>
    </section>
  );
}

function ApplicationRow({ n, app: a, started, over, onChanged }: { n: number; app: Application; started: boolean; over: boolean; onChanged(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const act = useAction();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState(a.hours != null ? String(a.hours) : '');
  const [people, setPeople] = useState(a.peopleHelped != null ? String(a.peopleHelped) : '');
  const [rating, setRating] = useState(a.review ? String(a.review.rating) : '5');
  const [comment, setComment] = useState(a.review?.comment ?? '');
  const post = async (path: string, body?: unknown) => {
    if (await act.run(() => api[path === 'review' ? 'put' : 'post'](`/api/volunteering/applications/${a.id}/${path}`, body ?? {}), t('common.saved')))
      onChanged();
  };
  const v = a.volunteer;
  const open = a.state === 'applied' || a.state === 'waitlisted' || a.state === 'approved';
  return (
    <li class="panel" data-application-id={a.id} data-state={a.state}>
      <div class="row-top">
        <strong>
          {n}. {v?.name ?? t('volunteers.erased')}
        </strong>
        <span
          class={
            a.state === 'approved' || a.state === 'attended' ? 'badge ok' : a.state === 'declined' || a.state === 'no_show' ? 'badge overdue' : 'badge muted'
          }
        >
          {t(`volunteers.states.${a.state}`)}
        </span>
        {v?.minor && (
          <span class={v.parentConsent ? 'badge ok' : 'badge overdue'}>{v.parentConsent ? t('volunteers.consentGiven') : t('volunteers.minor')}</span>
        )}
        {a.confirmedByVolunteer === true && <span class="badge ok">{t('volunteers.confirmed')}</span>}
        {a.confirmedByVolunteer === false && <span class="badge overdue">{t('volunteers.denied')}</span>}
      </div>
      <div class="row-meta">
        {v?.phone && <span>{formatPhone(v.phone)}</span>}
        {v?.birthYear && <span>{t('volunteers.born', { year: v.birthYear })}</span>}
        <span>{t('volunteers.queuedAt', { at: i18n.dateTime(a.queuedAt) })}</span>
        {a.reason && <span>{t('volunteers.reason', { reason: a.reason })}</span>}
        {a.state === 'attended' && <span>{t('volunteers.attendanceShown', { hours: a.hours ?? 0, people: a.peopleHelped ?? 0 })}</span>}
        {a.review && (
          <span>
            {'★'.repeat(a.review.rating)} {a.review.comment ?? ''}
          </span>
        )}
      </div>
      <ErrorBox error={act.error} />
      <div class="actions">
        {!over && (a.state === 'applied' || a.state === 'waitlisted') && (
          <button type="button" class="primary" disabled={act.busy} onClick={() => post('approve')}>
            {t('volunteers.approve')}
          </button>
        )}
        {!over && v?.minor && !v.parentConsent && (
          <button
            type="button"
            class="secondary"
            disabled={act.busy}
            onClick={async () =>
              (await act.run(() => api.patch(`/api/volunteering/volunteers/${a.citizenId}`, { parentConsent: true }), t('common.saved'))) && onChanged()
            }
          >
            {t('volunteers.setConsent')}
          </button>
        )}
        {!over && (a.state === 'applied' || a.state === 'approved') && (
          <button type="button" class="secondary" disabled={act.busy} onClick={() => post('waitlist')}>
            {t('volunteers.waitlist')}
          </button>
        )}
        {!over && open && (
          <button type="button" class="danger" disabled={act.busy} onClick={() => setDeclining(!declining)}>
            {t('volunteers.decline')}
          </button>
        )}
      </div>
      {declining && (
        <CheckedForm class="form" onSubmit={(e) => (e.preventDefault(), post('decline', { reason }))}>
          <label class="field wide">
            <span class="field-label">{t('volunteers.declineReason')}</span>
            <TextInput name="reason" value={reason} onInput={setReason} />
          </label>
          <div class="form-actions">
            <button type="submit" class="danger" disabled={act.busy}>
              {t('volunteers.decline')}
            </button>
          </div>
        </CheckedForm>
      )}
      {started && ['approved', 'attended', 'no_show'].includes(a.state) && (
        <CheckedForm
          class="form"
          onSubmit={(e) => (
            e.preventDefault(),
            post('attendance', { attended: true, hours: Number(hours.replace(',', '.')), peopleHelped: Number(people) } satisfies AttendanceInput)
          )}
          data-testid="attendance-form"
        >
          <label class="field">
            <span class="field-label">{t('volunteers.hours')}</span>
            <TextInput inputMode="decimal" value={hours} onInput={setHours} />
          </label>
          <label class="field">
            <span class="field-label">{t('volunteers.peopleHelped')}</span>
            <TextInput type="number" min={0} value={people} onInput={setPeople} />
          </label>
          <div class="form-actions">
            <button type="submit" class="secondary" disabled={act.busy}>
              {t('volunteers.tookPart')}
            </button>
            <button type="button" class="secondary" disabled={act.busy} onClick={() => post('attendance', { attended: false } satisfies AttendanceInput)}>
              {t('volunteers.noShow')}
            </button>
          </div>
        </CheckedForm>
      )}
      {a.state === 'attended' && (
        <CheckedForm
          class="form"
          onSubmit={(e) => (e.preventDefault(), post('review', { rating: Number(rating), comment: comment.trim() || null } satisfies ReviewInput))}
        >
          <label class="field">
            <span class="field-label">{t('volunteers.rating')}</span>
            <select value={rating} onChange={(e) => setRating((e.target as HTMLSelectElement).value)}>
              {[5, 4, 3, 2, 1].map((r) => (
                <option key={r} value={r}>
                  {'★'.repeat(r)}
                </option>
              ))}
            </select>
          </label>
          <label class="field wide">
            <span class="field-label">{t('volunteers.reviewComment')}</span>
            <TextInput value={comment} onInput={setComment} />
          </label>
          <div class="form-actions">
            <button type="submit" class="secondary" disabled={act.busy}>
              {t('volunteers.saveReview')}
            </button>
          </div>
        </CheckedForm>
      )}
    </li>
  );
}
