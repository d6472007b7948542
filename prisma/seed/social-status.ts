// Source: seed 004_e0196f1988972c51.txt L103 (social status) and L108 (age brackets); DOMAIN.md § "Grant report statistics".

/** Social-status category of a participant / service recipient in the grant report. */
export interface SocialStatusSeed {
  code: string;
  nameKk: string;
  nameRu: string;
}

/** Age bracket of the grant report; `to` is inclusive, `null` = open-ended. */
export interface AgeBracketSeed {
  code: string;
  from: number;
  to: number | null;
  label: string;
  labelKk: string;
  labelRu: string;
}

/**
 * The 10 columns of the form, in the form's order. Seed 004 uses the older Russian wording
 * «дети-инвалиды» / «инвалиды»; current Kazakhstani legislation says «лица с инвалидностью»
 * (kk «мүгедектігі бар адамдар»), which is used here.
 */
export const socialStatuses: SocialStatusSeed[] = [
  {
    code: 'children',
    nameKk: 'Балалар (оның ішінде мүгедектігі бар балалар)',
    nameRu: 'Дети (в том числе дети с инвалидностью)',
  },
  { code: 'youth', nameKk: 'Жастар', nameRu: 'Молодежь' },
  { code: 'civil-servants', nameKk: 'Мемлекеттік қызметшілер', nameRu: 'Государственные служащие' },
  {
    code: 'public-sector-employees',
    nameKk: 'Бюджеттік ұйымдардың қызметкерлері',
    nameRu: 'Работники бюджетных организаций',
  },
  { code: 'people-with-disabilities', nameKk: 'Мүгедектігі бар адамдар', nameRu: 'Лица с инвалидностью' },
  {
    code: 'older-people',
    nameKk: 'Егде жастағы адамдар, оның ішінде зейнеткерлер',
    nameRu: 'Люди старшего возраста, в том числе пенсионеры',
  },
  { code: 'unemployed', nameKk: 'Жұмыссыздар', nameRu: 'Безработные' },
  {
    code: 'ngo-representatives',
    nameKk: 'Қоғамдық ұйымдардың өкілдері',
    nameRu: 'Представители общественных организаций',
  },
  {
    code: 'business-representatives',
    nameKk: 'Бизнес секторының өкілдері',
    nameRu: 'Представители бизнес-сектора',
  },
  { code: 'other', nameKk: 'Басқа санаттар', nameRu: 'Другие категории' },
];

/**
 * The 8 brackets of the form (seed 004 L108). They start at 8: the form has no bracket for
 * younger children. Brackets do not overlap; every participant aged 8+ falls in exactly one.
 */
export const ageBrackets: AgeBracketSeed[] = [
  { code: 'age-8-12', from: 8, to: 12, label: '8–12', labelKk: '8–12 жас', labelRu: '8–12 лет' },
  { code: 'age-13-16', from: 13, to: 16, label: '13–16', labelKk: '13–16 жас', labelRu: '13–16 лет' },
  { code: 'age-17-22', from: 17, to: 22, label: '17–22', labelKk: '17–22 жас', labelRu: '17–22 года' },
  { code: 'age-23-27', from: 23, to: 27, label: '23–27', labelKk: '23–27 жас', labelRu: '23–27 лет' },
  { code: 'age-28-32', from: 28, to: 32, label: '28–32', labelKk: '28–32 жас', labelRu: '28–32 года' },
  { code: 'age-33-45', from: 33, to: 45, label: '33–45', labelKk: '33–45 жас', labelRu: '33–45 лет' },
  { code: 'age-46-58', from: 46, to: 58, label: '46–58', labelKk: '46–58 жас', labelRu: '46–58 лет' },
  {
    code: 'age-59-plus',
    from: 59,
    to: null,
    label: '59+',
    labelKk: '59 жас және одан жоғары',
    labelRu: '59 лет и старше',
  },
];

/**
 * Participants younger than 8 exist (children's projects) but the form has no column for them.
 * Statistics show them in this extra column instead of dropping them, so the age table still sums
 * to the total (DOMAIN.md § "Grant report statistics").
 */
export const underEightBracket: AgeBracketSeed = {
  code: 'under-8',
  from: 0,
  to: 7,
  label: '<8',
  labelKk: '8 жасқа дейін',
  labelRu: 'младше 8 лет',
};
