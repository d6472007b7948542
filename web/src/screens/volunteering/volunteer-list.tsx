// The signed-up volunteers of the organiser's scope: name, phone, place, directions and birth year (minors
// flagged until a parent's consent is recorded), each with a certificate of their record.
import { useState } from 'preact/hooks';
import type { Volunteer } from '../../../../server/volunteering/volunteering-schemas.ts';
import { useLoad } from '../../components/load.ts';
import { Empty, ErrorBox, Loading } from '../../components/layout.tsx';
import { DownloadButton, LoadMore } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { exportLang } from '../screen-helpers.ts';
import { formatPhone } from '../../i18n/format.ts';

export function VolunteerList() {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [limit, setLimit] = useState(50);
  const list = useLoad(() => api.get<{ items: Volunteer[]; total: number }>('/api/volunteering/volunteers', { limit }), [limit]);
  if (list.error) return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <Empty>{t('volunteers.noVolunteers')}</Empty>;
  return (
    <>
      <div class="table-wrap" data-testid="volunteer-list">
        <table class="table">
          <thead>
            <tr>
              <th>{t('volunteers.name')}</th>
              <th>{t('volunteers.phone')}</th>
              <th>{t('volunteers.region')}</th>
              <th>{t('volunteers.directions')}</th>
              <th>{t('volunteers.birthYear')}</th>
              <th>{t('volunteers.certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((v) => {
              const region = ref.regions.find((r) => r.id === v.regionId);
              return (
                <tr key={v.citizenId}>
                  <td>
                    {v.name ?? '—'}
                    {v.minor && (
                      <span class={v.parentConsent ? 'badge ok' : 'badge overdue'}>
                        {v.parentConsent ? t('volunteers.consentGiven') : t('volunteers.minor')}
                      </span>
                    )}
                  </td>
                  <td>{formatPhone(v.phone)}</td>
                  <td>
                    {i18n.name(region)}
                    {v.districtId && region ? `, ${i18n.name(region.districts.find((d) => d.id === v.districtId))}` : ''}
                  </td>
                  <td>{v.directions.map((d) => t(`volunteers.direction.${d}`)).join(', ')}</td>
                  <td>{v.birthYear ?? '—'}</td>
                  <td>
                    <DownloadButton
                      url={`/api/volunteering/volunteers/${v.citizenId}/certificate`}
                      query={{ format: 'xlsx', lang: exportLang(locale) }}
                      label="XLSX"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <LoadMore next={list.data.items.length < list.data.total ? 'more' : null} onLoad={() => setLimit((n) => Math.min(200, n + 50))} busy={list.loading} />
    </>
  );
}
