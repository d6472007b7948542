// Source: DOMAIN.md § "Civic control («Азаматтық бақылау», seed 002 L862–876)"; department codes from departments.ts, area codes from areas.ts (seed
// 003 L413–486).

/**
 * A civic-control report category (Open311 "service"). Every report needs photo/video/audio
 * evidence (DOMAIN.md); the hint says what to attach.
 *
 * `deadlineDays` counts WORKING days (Mon–Fri minus holidays, see holidays.ts) from the moment
 * the akimat accepts the report. The general statutory term for citizens' appeals in Kazakhstan
 * is 15 working days (Administrative Procedural and Process Code); shorter values are used where
 * the problem endangers life, health or basic living conditions.
 *
 * `areaCode` = closest of the 19 areas of the state social order. Municipal services (roads,
 * utilities, transport) map to area 14 "public monitoring of the quality of state services",
 * because civic control is exactly that: citizens monitoring how state bodies deliver services.
 */
export interface CategorySeed {
  /** Stable ASCII slug (Open311 service_code). */
  code: string;
  nameKk: string;
  nameRu: string;
  /** Short hint what evidence to attach, <= 120 chars. */
  hintKk: string;
  hintRu: string;
  /** Default department, a `code` from departments.ts. */
  departmentCode: string;
  /** Working days to resolve once accepted. */
  deadlineDays: number;
  /** Closest area of the state social order, 1..19 (areas.ts). */
  areaCode: number;
  /** Open311 group slug. */
  group: string;
  groupKk: string;
  groupRu: string;
  emoji: string;
}

export const categories: CategorySeed[] = [
  // ── Infrastructure ──
  {
    code: 'roads-sidewalks',
    nameKk: 'Жолдар мен тротуарлар',
    nameRu: 'Дороги и тротуары',
    hintKk: 'Ақаудың жақын және жалпы көріністегі фотосы, нақты мекенжай немесе картадағы нүкте',
    hintRu: 'Фото дефекта вблизи и общим планом, точный адрес или точка на карте',
    departmentCode: 'roads-transport',
    // Pothole patching or sidewalk repair needs an inspection and a contractor: two working weeks.
    deadlineDays: 10,
    areaCode: 14,
    group: 'infrastructure',
    groupKk: 'Инфрақұрылым',
    groupRu: 'Инфраструктура',
    emoji: '🛣️',
  },
  {
    code: 'street-lighting',
    nameKk: 'Көше жарығы',
    nameRu: 'Уличное освещение',
    hintKk: 'Жанбай тұрған шамның кешкі фотосы, тірек нөмірі (болса) және мекенжай',
    hintRu: 'Фото неработающего фонаря в тёмное время, номер опоры (если есть) и адрес',
    departmentCode: 'housing-utilities',
    // Replacing a lamp is routine maintenance, but dark streets are a safety risk: one working week.
    deadlineDays: 5,
    areaCode: 14,
    group: 'infrastructure',
    groupKk: 'Инфрақұрылым',
    groupRu: 'Инфраструктура',
    emoji: '💡',
  },

  // ── Housing and utilities (ТКШ / ЖКХ) ──
  {
    code: 'water-supply',
    nameKk: 'Сумен жабдықтау және су бұру',
    nameRu: 'Водоснабжение и водоотведение',
    hintKk: 'Апаттың не ағып жатқан судың фотосы/видеосы, мекенжай, су қашаннан бері жоқ',
    hintRu: 'Фото/видео аварии или протечки, адрес, с какого времени нет воды',
    departmentCode: 'housing-utilities',
    // Utility emergency: no water or sewage leak affects health; restoration is expected within 1–2 days.
    deadlineDays: 2,
    areaCode: 14,
    group: 'housing-utilities',
    groupKk: 'Тұрғын үй-коммуналдық шаруашылық',
    groupRu: 'Жилищно-коммунальное хозяйство',
    emoji: '🚰',
  },
  {
    code: 'heating',
    nameKk: 'Жылумен жабдықтау',
    nameRu: 'Теплоснабжение',
    hintKk: 'Бөлмедегі температураны көрсететін термометр фотосы, мекенжай, пәтер нөмірі',
    hintRu: 'Фото термометра с температурой в помещении, адрес, номер квартиры',
    departmentCode: 'housing-utilities',
    // Utility emergency: in the heating season (winters down to −40 °C) a cold flat endangers health.
    deadlineDays: 2,
    areaCode: 14,
    group: 'housing-utilities',
    groupKk: 'Тұрғын үй-коммуналдық шаруашылық',
    groupRu: 'Жилищно-коммунальное хозяйство',
    emoji: '♨️',
  },
  {
    code: 'gas',
    nameKk: 'Газбен жабдықтау',
    nameRu: 'Газоснабжение',
    hintKk: 'Газ иісі шықса, алдымен 104-ке қоңырау шалыңыз. Құбыр не есептегіш фотосы, мекенжай',
    hintRu: 'При запахе газа сначала звоните 104. Фото трубы или счётчика, адрес',
    departmentCode: 'housing-utilities',
    // Highest risk (explosion, poisoning): one working day; real leaks go to the 104 gas emergency line first.
    deadlineDays: 1,
    areaCode: 14,
    group: 'housing-utilities',
    groupKk: 'Тұрғын үй-коммуналдық шаруашылық',
    groupRu: 'Жилищно-коммунальное хозяйство',
    emoji: '🔥',
  },
  {
    code: 'electricity',
    nameKk: 'Электрмен жабдықтау',
    nameRu: 'Электроснабжение',
    hintKk: 'Үзілген сымның не қалқанның фотосы (жақындамаңыз), мекенжай, жарық қашаннан бері жоқ',
    hintRu: 'Фото оборванного провода или щитка (не подходите близко), адрес, с какого времени нет света',
    departmentCode: 'housing-utilities',
    // Utility emergency: outages and broken wires are dangerous; grid companies restore supply within 1–2 days.
    deadlineDays: 2,
    areaCode: 14,
    group: 'housing-utilities',
    groupKk: 'Тұрғын үй-коммуналдық шаруашылық',
    groupRu: 'Жилищно-коммунальное хозяйство',
    emoji: '⚡',
  },

  // ── Urban environment ──
  {
    code: 'waste-sanitation',
    nameKk: 'Қоқыс шығару және санитариялық тазалық',
    nameRu: 'Вывоз мусора и санитария',
    hintKk: 'Толып кеткен контейнердің не заңсыз қоқыс үйіндісінің фотосы, мекенжай',
    hintRu: 'Фото переполненных контейнеров или стихийной свалки, адрес',
    departmentCode: 'landscaping-sanitation',
    // Uncollected waste becomes a sanitary hazard within days; collection runs on a daily/weekly cycle.
    deadlineDays: 3,
    areaCode: 3,
    group: 'environment',
    groupKk: 'Абаттандыру және экология',
    groupRu: 'Благоустройство и экология',
    emoji: '🗑️',
  },
  {
    code: 'landscaping-yards',
    nameKk: 'Абаттандыру, аулалар және балалар алаңдары',
    nameRu: 'Благоустройство, дворы и детские площадки',
    hintKk: 'Аула, ойын алаңы не көгалдағы мәселенің фотосы, мекенжай',
    hintRu: 'Фото проблемы во дворе, на детской площадке или газоне, адрес',
    departmentCode: 'landscaping-sanitation',
    // Repairs of yards and playgrounds need a contractor and are seasonal: two working weeks.
    // (A broken playground that can injure a child should be filed under «safety».)
    deadlineDays: 10,
    areaCode: 3,
    group: 'environment',
    groupKk: 'Абаттандыру және экология',
    groupRu: 'Благоустройство и экология',
    emoji: '🌳',
  },
  {
    code: 'ecology',
    nameKk: 'Экология',
    nameRu: 'Экология',
    hintKk: 'Ластанудың фотосы/видеосы (түтін, ағынды су, ағаш кесу), орны мен уақыты',
    hintRu: 'Фото/видео загрязнения (дым, сброс стоков, вырубка), место и время',
    departmentCode: 'ecology',
    // Needs an inspection, often jointly with the environmental authority: two working weeks.
    deadlineDays: 10,
    areaCode: 3,
    group: 'environment',
    groupKk: 'Абаттандыру және экология',
    groupRu: 'Благоустройство и экология',
    emoji: '🌿',
  },
  {
    code: 'stray-animals',
    nameKk: 'Қаңғыбас жануарлар',
    nameRu: 'Безнадзорные животные',
    hintKk: 'Жануарлардың фотосы/видеосы, олар жиі жүретін орын мен уақыт',
    hintRu: 'Фото/видео животных, место и время, где их часто видят',
    departmentCode: 'veterinary',
    // Packs of stray dogs are a bite and rabies risk; the catching service responds within days.
    deadlineDays: 3,
    areaCode: 18,
    group: 'environment',
    groupKk: 'Абаттандыру және экология',
    groupRu: 'Благоустройство и экология',
    emoji: '🐕',
  },

  // ── Transport ──
  {
    code: 'public-transport',
    nameKk: 'Қоғамдық көлік',
    nameRu: 'Общественный транспорт',
    hintKk: 'Аялдаманың не автобустың фотосы, маршрут нөмірі, мемлекеттік нөмір, күні мен уақыты',
    hintRu: 'Фото остановки или автобуса, номер маршрута, госномер, дата и время',
    departmentCode: 'roads-transport',
    // Schedule or route problems are checked with the carrier and the route network: two working weeks.
    deadlineDays: 10,
    areaCode: 14,
    group: 'transport',
    groupKk: 'Көлік',
    groupRu: 'Транспорт',
    emoji: '🚌',
  },

  // ── Construction ──
  {
    code: 'construction-architecture',
    nameKk: 'Құрылыс және сәулет',
    nameRu: 'Строительство и архитектура',
    hintKk: 'Құрылыс нысанының фотосы, құрылыс паспорты (болса), мекенжай',
    hintRu: 'Фото объекта, паспорт стройки (если есть), адрес',
    departmentCode: 'construction-architecture',
    // Requires checking permits and project documents: the general 15-working-day term for appeals.
    deadlineDays: 15,
    areaCode: 19,
    group: 'urban-development',
    groupKk: 'Құрылыс және сәулет',
    groupRu: 'Строительство и архитектура',
    emoji: '🏗️',
  },

  // ── Safety ──
  {
    code: 'safety',
    nameKk: 'Қауіпсіздік',
    nameRu: 'Безопасность',
    hintKk: 'Төтенше жағдайда 112-ге қоңырау шалыңыз. Қауіпті нысанның фотосы (ашық құдық, апатты ағаш), мекенжай',
    hintRu: 'В экстренном случае звоните 112. Фото опасного объекта (открытый люк, аварийное дерево), адрес',
    departmentCode: 'emergencies',
    // Open manholes, dangerous trees, unsafe structures threaten life: hazard removed within 3 working days.
    deadlineDays: 3,
    areaCode: 19,
    group: 'safety',
    groupKk: 'Қауіпсіздік',
    groupRu: 'Безопасность',
    emoji: '⚠️',
  },

  // ── Social ──
  {
    code: 'social-services',
    nameKk: 'Әлеуметтік қызметтер',
    nameRu: 'Социальные услуги',
    hintKk: 'Жағдайдың фотосы (жеке деректерсіз), қызметтің атауы, жүгінген күні',
    hintRu: 'Фото ситуации (без личных данных), название услуги, дата обращения',
    departmentCode: 'social-protection',
    // Needs a case review; the general 15-working-day term for citizens' appeals applies.
    deadlineDays: 15,
    areaCode: 6,
    group: 'social',
    groupKk: 'Әлеуметтік сала',
    groupRu: 'Социальная сфера',
    emoji: '🤝',
  },
  {
    code: 'accessibility',
    nameKk: 'Кедергісіз орта',
    nameRu: 'Безбарьерная среда',
    hintKk: 'Кедергінің фотосы (пандус, кіреберіс, жол жиегі), мекенжай',
    hintRu: 'Фото барьера (пандус, вход, бордюр), адрес',
    departmentCode: 'social-protection',
    // Ramps and entrances need the building owner and a contractor: the general 15-working-day term.
    deadlineDays: 15,
    areaCode: 6,
    group: 'social',
    groupKk: 'Әлеуметтік сала',
    groupRu: 'Социальная сфера',
    emoji: '♿',
  },

  // ── Other ──
  {
    code: 'other',
    nameKk: 'Басқа',
    nameRu: 'Другое',
    hintKk: 'Мәселені көрсететін фото, видео не аудио және мекенжай',
    hintRu: 'Фото, видео или аудио, показывающие проблему, и адрес',
    // Internal policy usually receives general appeals; the operator re-routes the report.
    departmentCode: 'internal-policy',
    // Unknown scope: the general 15-working-day term for citizens' appeals.
    deadlineDays: 15,
    areaCode: 19,
    group: 'other',
    groupKk: 'Басқа',
    groupRu: 'Другое',
    emoji: '📝',
  },
];
