// Source: DOMAIN.md § "Akimat departments a report can be routed to" (seed 001_eb1c353cb07e2e46.txt L306, L361, L396) plus the usual city services
// for civic control.

/**
 * A department (бөлім / отдел) of a city or district akimat. At oblast level the same
 * bodies are called «басқарма» / «управление»; the names here use the city/district form.
 */
export interface DepartmentSeed {
  /** Stable ASCII slug, referenced by categories.ts (`departmentCode`). */
  code: string;
  nameKk: string;
  nameRu: string;
}

export const departments: DepartmentSeed[] = [
  // ── Social block (operators of the state social order, seed 001 L306/L361/L396) ──
  { code: 'internal-policy', nameKk: 'Ішкі саясат бөлімі', nameRu: 'Отдел внутренней политики' },
  { code: 'health', nameKk: 'Денсаулық сақтау бөлімі', nameRu: 'Отдел здравоохранения' },
  { code: 'education', nameKk: 'Білім бөлімі', nameRu: 'Отдел образования' },
  { code: 'culture', nameKk: 'Мәдениет бөлімі', nameRu: 'Отдел культуры' },
  {
    code: 'employment-social-programs',
    nameKk: 'Жұмыспен қамту және әлеуметтік бағдарламалар бөлімі',
    nameRu: 'Отдел занятости и социальных программ',
  },
  { code: 'youth-policy', nameKk: 'Жастар саясаты бөлімі', nameRu: 'Отдел молодежной политики' },
  { code: 'religious-affairs', nameKk: 'Дін істері бөлімі', nameRu: 'Отдел по делам религий' },
  { code: 'language-development', nameKk: 'Тілдерді дамыту бөлімі', nameRu: 'Отдел развития языков' },
  { code: 'tourism', nameKk: 'Туризм бөлімі', nameRu: 'Отдел туризма' },
  {
    code: 'physical-culture-sport',
    nameKk: 'Дене шынықтыру және спорт бөлімі',
    nameRu: 'Отдел физической культуры и спорта',
  },
  { code: 'social-protection', nameKk: 'Әлеуметтік қорғау бөлімі', nameRu: 'Отдел социальной защиты' },

  // ── City services (civic control, seed 002 L862–876) ──
  {
    code: 'housing-utilities',
    nameKk: 'Тұрғын үй-коммуналдық шаруашылық бөлімі',
    nameRu: 'Отдел жилищно-коммунального хозяйства',
  },
  {
    code: 'roads-transport',
    nameKk: 'Жолаушылар көлігі және автомобиль жолдары бөлімі',
    nameRu: 'Отдел пассажирского транспорта и автомобильных дорог',
  },
  {
    code: 'landscaping-sanitation',
    nameKk: 'Абаттандыру және санитариялық тазалау бөлімі',
    nameRu: 'Отдел благоустройства и санитарной очистки',
  },
  {
    code: 'ecology',
    nameKk: 'Экология және табиғи ресурстар бөлімі',
    nameRu: 'Отдел экологии и природных ресурсов',
  },
  {
    code: 'construction-architecture',
    nameKk: 'Құрылыс, сәулет және қала құрылысы бөлімі',
    nameRu: 'Отдел строительства, архитектуры и градостроительства',
  },
  { code: 'emergencies', nameKk: 'Төтенше жағдайлар бөлімі', nameRu: 'Отдел по чрезвычайным ситуациям' },
  { code: 'veterinary', nameKk: 'Ветеринария бөлімі', nameRu: 'Отдел ветеринарии' },
];
