// Source: DOMAIN.md § "Regions (2024 division: 17 oblasts + 3 cities of republican significance)"; district lists from the 2022–2024 presidential
// decrees on administrative-territorial structure (best knowledge, see notes).

import { cities } from './regions-cities.ts';
import { moreOblasts } from './regions-oblasts-more.ts';
import { oblasts } from './regions-oblasts.ts';

/** A district (аудан / район) or a city of oblast significance (қала / город), or a city district of a city of republican significance. */
export interface DistrictSeed {
  /** Stable ASCII slug, unique in the whole country: `<region>-<name>`; cities of oblast significance end in `-city`. */
  code: string;
  nameKk: string;
  nameRu: string;
}

export interface RegionSeed {
  /** Stable ASCII slug, e.g. 'astana', 'almaty-city', 'abai'. */
  code: string;
  /** 'city' = city of republican significance, 'oblast' = region (облыс / область). */
  kind: 'city' | 'oblast';
  nameKk: string;
  nameRu: string;
  /** Coordinates of the administrative centre (WGS 84, decimal degrees, approx. city centre). */
  center: { lat: number; lon: number };
  districts: DistrictSeed[];
}

/** The cities of republican significance first, then the oblasts, in this order (it is the regions' sort order). */
export const regions: RegionSeed[] = [...cities, ...oblasts, ...moreOblasts];
