// Who carries an initiative out, its patrons, the progress updates with their photos and the volunteer events, on
// the staff detail; while it can still change, those who carry it out remove a partner (not the lead) or a patron.
import { useI18n } from '../../i18n/i18n.ts';
import { href } from '../../router.ts';
import type { InitiativeFull } from './initiative-api.ts';

/** Who carries it out, the patrons, the progress updates and the volunteer events. */
export function Participants({
  x,
  onRemove,
  busy,
}: {
  x: InitiativeFull;
  /** while it can still change, for those who carry it out */
  onRemove?: (what: 'partners' | 'patrons', subId: number, name: string) => void;
  busy: boolean;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  if (x.partners.length + x.patrons.length + x.updates.length + x.events.length === 0) return null;
  return (
    <div class="panel" data-testid="initiative-participants">
      {x.partners.length > 0 && (
        <>
          <h2>{t('ini.partners')}</h2>
          <ul class="plain">
            {x.partners.map((p) => (
              <li key={p.id}>
                {p.lead ? `${t('ini.lead')}: ` : ''}
                {p.name} ({t(`ini.kind.${p.kind}`)}){p.bin ? `, ${p.bin}` : ''}
                {p.role ? ` · ${p.role}` : ''}
                {onRemove && !p.lead && (
                  <>
                    {' '}
                    <button type="button" class="secondary" disabled={busy} onClick={() => onRemove('partners', p.id, p.name)}>
                      {t('ini.removePartner')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {x.patrons.length > 0 && (
        <>
          <h2>{t('ini.patrons')}</h2>
          <ul class="plain">
            {x.patrons.map((p) => (
              <li key={p.id}>
                {p.name ?? t('ini.privatePatron')}: {t(`ini.contribution.${p.contribution}`)}
                {p.amountTenge != null ? `, ${i18n.num(p.amountTenge)} ₸` : ''}
                {p.description ? ` · ${p.description}` : ''}
                {onRemove && (
                  <>
                    {' '}
                    <button type="button" class="secondary" disabled={busy} onClick={() => onRemove('patrons', p.id, p.name ?? t('ini.privatePatron'))}>
                      {t('ini.removePatron')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {x.updates.length > 0 && (
        <>
          <h2>
            {t('ini.updates')} · {x.progressPercent} %
          </h2>
          <progress max={100} value={x.progressPercent} />
          <ol class="timeline">
            {x.updates.map((u) => (
              <li key={u.id}>
                {i18n.date(u.heldOn)} · {u.percent} % · {locale === 'kk' ? u.textKk : u.textRu}
                {u.photoIds.map((pid) => (
                  <a key={pid} href={`/api/initiatives/${x.id}/photos/${pid}`} target="_blank" rel="noopener">
                    {' '}
                    📷
                  </a>
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
      {x.events.length > 0 && (
        <>
          <h2>{t('ini.events')}</h2>
          <ul class="plain">
            {x.events.map((e) => (
              <li key={e.id}>
                <a href={href(`volunteers/${e.id}`)}>{locale === 'kk' ? e.titleKk : e.titleRu}</a> · {i18n.dateTime(e.startsAt)} ·{' '}
                {t('ini.eventLine', { volunteers: e.volunteers, hours: e.hours })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
