// The civic-initiatives programme's five result indicators on the public statistics page (issue 18, seed 002
// L815–852): the figures of /api/analytics/initiatives for the page's period, region and district, under the
// export's words. Initiatives have areas, not report categories: with a category chosen the note says so.
import type { InitiativeIndicators } from '../../../core/analytics/initiative-indicators.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';
import { FigureTable } from './parts.tsx';

export function initiativeRows(t: PortalText, lang: PortalLang, r: InitiativeIndicators): Array<[string, string]> {
  const locale = lang === 'kk' ? 'kk-KZ' : 'ru-RU';
  const n = (v: number | null, digits = 0) => (v == null ? t('stats.none') : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v));
  const x = (k: string) => t(`initiatives:export.${k}`);
  return [
    [`1. ${x('served')}`, n(r.servedRecipients)],
    [x('implemented'), n(r.implemented)],
    [`2. ${x('with_civil_society')}`, n(r.withCivilSociety.count)],
    [`3. ${x('with_patrons')}`, n(r.withPatrons.count)],
    [x('patron_money'), n(r.withPatrons.patronMoneyTenge)],
    [`4. ${x('volunteer_events')}`, n(r.volunteerEvents.count)],
    [x('volunteers'), n(r.volunteerEvents.volunteers)],
    [`5. ${x('average_rating')}`, n(r.rating.averageRating, 1)],
    [x('satisfaction_index'), n(r.rating.satisfactionIndex, 1)],
    [x('baseline'), n(r.rating.nationalBaselinePercent, 1)],
    [x('supports'), n(r.rating.supports)],
  ];
}

export function InitiativeStats({ lang, t, r, category }: { lang: PortalLang; t: PortalText; r: InitiativeIndicators; category: boolean }) {
  return (
    <>
      <FigureTable caption={t('initiatives:export.sheet')} head={[t('stats.indicator'), t('stats.value')]} rows={initiativeRows(t, lang, r)} />
      {category && <p class="meta">{t('stats.initiatives_no_category')}</p>}
    </>
  );
}
