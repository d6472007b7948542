// Source: DOMAIN.md § "Public discussion of proposed topics" (working days, default holidays); Law of RK "On holidays in the Republic of Kazakhstan"
// and Labour Code art. 85.

/** A public holiday with a fixed Gregorian date, repeated every year. */
export interface FixedHolidaySeed {
  month: number; // 1..12
  day: number; // 1..31
  nameKk: string;
  nameRu: string;
  /** Religious holidays are days off but do NOT move to the next working day when they fall on a weekend. */
  religious: boolean;
}

/** A holiday whose date changes every year (lunar calendar). */
export interface MovableHolidaySeed {
  date: string; // 'YYYY-MM-DD'
  nameKk: string;
  nameRu: string;
  religious: true;
}

/** A day off moved by government decree (day_off) or a weekend made a working day (working_day). */
export interface TransferSeed {
  date: string; // 'YYYY-MM-DD'
  kind: 'day_off' | 'working_day';
  noteKk: string;
  noteRu: string;
}

export const fixedHolidays: FixedHolidaySeed[] = [
  { month: 1, day: 1, nameKk: 'Жаңа жыл', nameRu: 'Новый год', religious: false },
  { month: 1, day: 2, nameKk: 'Жаңа жыл', nameRu: 'Новый год', religious: false },
  { month: 1, day: 7, nameKk: 'Православиелік Рождество', nameRu: 'Православное Рождество', religious: true },
  { month: 3, day: 8, nameKk: 'Халықаралық әйелдер күні', nameRu: 'Международный женский день', religious: false },
  { month: 3, day: 21, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', religious: false },
  { month: 3, day: 22, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', religious: false },
  { month: 3, day: 23, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', religious: false },
  {
    month: 5,
    day: 1,
    nameKk: 'Қазақстан халқының бірлігі мерекесі',
    nameRu: 'Праздник единства народа Казахстана',
    religious: false,
  },
  { month: 5, day: 7, nameKk: 'Отан қорғаушы күні', nameRu: 'День защитника Отечества', religious: false },
  { month: 5, day: 9, nameKk: 'Жеңіс күні', nameRu: 'День Победы', religious: false },
  { month: 7, day: 6, nameKk: 'Астана күні', nameRu: 'День Столицы', religious: false },
  {
    month: 8,
    day: 30,
    nameKk: 'Қазақстан Республикасының Конституциясы күні',
    nameRu: 'День Конституции Республики Казахстан',
    religious: false,
  },
  { month: 10, day: 25, nameKk: 'Республика күні', nameRu: 'День Республики', religious: false },
  { month: 12, day: 16, nameKk: 'Тәуелсіздік күні', nameRu: 'День Независимости', religious: false },
];

/**
 * First day of Kurban Ait (Eid al-Adha), a day off. The date is set each year by the Spiritual
 * Administration of Muslims of Kazakhstan (ДУМК / ҚМДБ) and may move by ±1 day with the new moon;
 * the admin must confirm each year's date in the calendar.
 */
export const movableHolidays: MovableHolidaySeed[] = [
  { date: '2025-06-06', nameKk: 'Құрбан айттың бірінші күні', nameRu: 'Первый день Курбан айта', religious: true },
  // Published in the ДУМК calendar for 2026 (Kurban Ait 27–29 May 2026).
  { date: '2026-05-27', nameKk: 'Құрбан айттың бірінші күні', nameRu: 'Первый день Курбан айта', religious: true },
  // Astronomical estimate (10 Dhu al-Hijjah 1448 AH); ДУМК publishes the official date in autumn 2026.
  { date: '2027-05-16', nameKk: 'Құрбан айттың бірінші күні', nameRu: 'Первый день Курбан айта', religious: true },
];

/**
 * Days moved by government decree (Labour Code art. 85 p. 3). No such decree transfers are known
 * to us for 2026: the 2026 extra days off (9 Mar, 24–25 Mar, 11 May, 31 Aug, 26 Oct) all follow
 * from the weekend-shift rule, which is computed in code, not stored here. Each year the admin
 * enters the annual decree in the calendar.
 */
export const transfers: TransferSeed[] = [];
