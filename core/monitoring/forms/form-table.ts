// What Annexes 3 and 9 share: the area heading as the form writes it («1-сала. …» / «Сфера 1. …»), sums of
// thousand tenge kept exact to the form's one decimal, and the localised name of a record.
import type { TFunction } from 'i18next';

export interface FormArea {
  /** 1..19, the area's number in Annex 3 */
  id: number;
  nameKk: string;
  nameRu: string;
}

export interface FormBody {
  nameKk: string;
  nameRu: string;
}

export const inLocale = (x: { nameKk: string; nameRu: string }, locale: string) => (locale === 'kk' ? x.nameKk || x.nameRu : x.nameRu || x.nameKk);

export const areaHeading = (t: TFunction, locale: string, area: FormArea) => t('monitoring-forms:area_heading', { n: area.id, name: inLocale(area, locale) });

/**
 * A sum of thousand-tenge amounts, each with at most one decimal (Decimal(16,1)): added as whole tenths,
 * so 0.1 + 0.2 is 0.3 and a subtotal equals what a reader adds up by hand.
 */
export function sumTenths(values: ReadonlyArray<number | null>): number {
  return values.reduce<number>((sum, v) => sum + (v === null ? 0 : Math.round(v * 10)), 0) / 10;
}
