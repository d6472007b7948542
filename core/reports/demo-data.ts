// The demo's reports (first part): who files what, where and when, and what happens to it afterwards
// (core/reports/demo.ts files and plays them). The rest are in demo-data-more.ts.
import type { DemoScene } from '../demo/demo-images.ts';

type L = { kk: string; ru: string };

/** What happens to a report after it is filed. */
type Fate =
  | { kind: 'new' }
  /** the author closes it: the residents solved it themselves (DOMAIN.md indicator) */
  | { kind: 'self_resolved'; afterD: number }
  | { kind: 'in_work'; acceptAfterH: number; note?: L; assign?: boolean }
  | { kind: 'resolved'; acceptAfterH: number; resolveAfterD: number; note: L; rating?: number }
  | { kind: 'rejected'; afterH: number; note: L }
  | { kind: 'not_responsible'; afterH: number; note: L }
  | { kind: 'duplicate'; afterH: number; of: string }
  | { kind: 'reopened'; acceptAfterH: number; resolveAfterD: number; note: L; reopenAfterD: number };

export interface DemoReportSpec {
  key: string;
  citizen: string;
  category: string;
  region: string;
  district: string;
  at?: [number, number];
  address: string;
  text: string;
  daysAgo: number;
  hour: number;
  scene: DemoScene;
  fate: Fate;
  supporters?: string[];
  /** a comment the author added later, days after filing */
  comment?: { afterD: number; text: string };
  /** hidden by a moderator with this reason */
  hide?: string;
  anonymous?: boolean;
}

export const ACCEPTED: L = { kk: 'Өтінім қабылданды, жұмысқа берілді.', ru: 'Обращение принято в работу.' };

export const FIRST_REPORTS: DemoReportSpec[] = [
  {
    key: 'ast-pothole',
    citizen: 'sergey',
    category: 'roads-sidewalks',
    region: 'astana',
    district: 'astana-saryarka',
    at: [51.1801, 71.4082],
    address: 'ул. Бейбітшілік, 25, у остановки «ЦУМ»',
    text: 'Глубокая яма на проезжей части прямо у остановки, машины объезжают по встречной, вчера вечером пробило колесо. Яма примерно метр в ширину.',
    daysAgo: 34,
    hour: 9,
    scene: 'road',
    supporters: ['gulnara', 'timur', 'irina'],
    fate: {
      kind: 'resolved',
      acceptAfterH: 3,
      resolveAfterD: 6,
      note: { kk: 'Шұңқыр асфальтпен жабылды, жол жөнделді.', ru: 'Яма заделана горячим асфальтом, покрытие восстановлено 12 м².' },
      rating: 5,
    },
  },
  {
    key: 'ast-light',
    citizen: 'aigul',
    category: 'street-lighting',
    region: 'astana',
    district: 'astana-yesil',
    at: [51.1282, 71.4304],
    address: 'Мәңгілік Ел даңғылы, 55 үйдің ауласы',
    text: 'Аулада үш шам бір аптадан бері жанбайды. Кешке балалар қараңғыда жүреді, қауіпті. Өтінемін, тезірек жөндеңіздер.',
    daysAgo: 21,
    hour: 20,
    scene: 'night',
    supporters: ['irina'],
    fate: {
      kind: 'resolved',
      acceptAfterH: 14,
      resolveAfterD: 3,
      note: { kk: 'Үш шам ауыстырылды, жарық қалпына келтірілді.', ru: 'Заменены три светильника, освещение восстановлено.' },
      rating: 4,
    },
  },
  {
    key: 'ast-trash',
    citizen: 'dana',
    category: 'waste-sanitation',
    region: 'astana',
    district: 'astana-almaty',
    at: [51.1473, 71.4826],
    address: 'Тәуелсіздік даңғылы, 34, контейнер алаңы',
    text: 'Контейнер алаңында қоқыс төрт күн бойы шығарылмаған, иіс шығып тұр, иттер таратып жатыр.',
    daysAgo: 6,
    hour: 8,
    scene: 'yard',
    supporters: ['daniyar', 'aliya'],
    fate: { kind: 'in_work', acceptAfterH: 2, note: { kk: 'Тасымалдаушыға тапсырма берілді.', ru: 'Перевозчику дано поручение на вывоз.' }, assign: true },
  },
  {
    key: 'ast-yard',
    citizen: 'gulnara',
    category: 'landscaping-yards',
    region: 'astana',
    district: 'astana-yesil',
    at: [51.1225, 71.4211],
    address: 'ул. Сыганак, 18, детская площадка',
    text: 'На детской площадке сломаны качели и торчит арматура из скамейки. Дети могут пораниться, просим заменить или убрать.',
    daysAgo: 26,
    hour: 11,
    scene: 'park',
    supporters: ['sergey'],
    fate: { kind: 'in_work', acceptAfterH: 5, note: ACCEPTED, assign: true },
  },
  {
    key: 'ast-bus',
    citizen: 'timur',
    category: 'public-transport',
    region: 'astana',
    district: 'astana-baikonyr',
    at: [51.1657, 71.4741],
    address: 'маршрут № 10, остановка «Шанхай»',
    text: 'Автобус № 10 по утрам ходит с интервалом 40 минут вместо 12 по расписанию, люди не помещаются, опаздываем на работу.',
    daysAgo: 3,
    hour: 8,
    scene: 'road',
    fate: { kind: 'new' },
  },
  {
    key: 'ast-water',
    citizen: 'irina',
    category: 'water-supply',
    region: 'astana',
    district: 'astana-yesil',
    at: [51.1302, 71.4127],
    address: 'ул. Керей, Жәнібек хандар, 12',
    text: 'Вторые сутки из крана идёт ржавая вода, в подъезде пахнет сыростью. Подозреваем прорыв трубы в подвале.',
    daysAgo: 1,
    hour: 7,
    scene: 'water',
    supporters: ['gulnara'],
    fate: { kind: 'new' },
  },
  {
    key: 'ast-dogs',
    citizen: 'daniyar',
    category: 'stray-animals',
    region: 'astana',
    district: 'astana-almaty',
    at: [51.1389, 71.4957],
    address: 'Жансүгіров көшесі, 8, мектеп маңы',
    text: 'Мектеп маңында 6–7 қаңғыбас ит топтасып жүр, балаларға үреді. Аулау қызметін шақыруды сұраймыз.',
    daysAgo: 15,
    hour: 13,
    scene: 'yard',
    fate: {
      kind: 'not_responsible',
      afterH: 20,
      note: {
        kk: 'Бұл мәселе ветеринария бөлімінің құзыретінде: «Астана ветсервис» 109 нөміріне хабарласыңыз, өтініміңіз оларға жіберілді.',
        ru: 'Вопрос в ведении ветеринарной службы: обращение передано в «Астана ветсервис», тел. 109.',
      },
    },
  },
  {
    key: 'ast-pothole-dup',
    citizen: 'irina',
    category: 'roads-sidewalks',
    region: 'astana',
    district: 'astana-saryarka',
    at: [51.1803, 71.4085],
    address: 'Бейбітшілік, 25',
    text: 'Огромная яма на дороге у ЦУМа, уже несколько машин повредили подвеску.',
    daysAgo: 33,
    hour: 18,
    scene: 'road',
    fate: { kind: 'duplicate', afterH: 16, of: 'ast-pothole' },
  },
  {
    key: 'ast-snow',
    citizen: 'kairat',
    category: 'roads-sidewalks',
    region: 'astana',
    district: 'astana-nura',
    at: [51.0876, 71.4223],
    address: 'Нұра ауданы, Ұлы Дала даңғылы мен Қабанбай батыр даңғылының қиылысы',
    text: 'Жаяу жүргіншілер жолы қардан тазартылмаған, мұз қатып қалған. Қарт адамдар құлап жатыр.',
    daysAgo: 2,
    hour: 9,
    scene: 'snow',
    supporters: ['aigul', 'dana'],
    fate: { kind: 'in_work', acceptAfterH: 1, note: { kk: 'Қар тазалау бригадасы жіберілді.', ru: 'Направлена бригада по уборке снега.' }, assign: true },
  },
  {
    key: 'ast-noise',
    citizen: 'sergey',
    category: 'other',
    region: 'astana',
    district: 'astana-saryarka',
    address: 'ул. Абылай хана, 5',
    text: 'Соседи из кв. 45 Иванов П. каждую ночь шумят, телефон 8 701 000 00 00, примите меры!',
    daysAgo: 12,
    hour: 23,
    scene: 'night',
    hide: 'Текст содержит персональные данные третьих лиц (имя и телефон).',
    fate: {
      kind: 'rejected',
      afterH: 12,
      note: { kk: 'Түнгі шу — полиция құзыреті: 102 нөміріне хабарласыңыз.', ru: 'Нарушение тишины в ночное время рассматривает полиция: звоните 102.' },
    },
  },
  // ───── Almaty
  {
    key: 'ala-sidewalk',
    citizen: 'elena',
    category: 'accessibility',
    region: 'almaty-city',
    district: 'almaty-city-auezov',
    at: [43.2202, 76.8512],
    address: 'мкр. Аксай-4, 15, переход к поликлинике',
    text: 'На переходе к поликлинике нет пандуса, бордюр 20 см. Мамы с колясками и люди на колясках не могут перейти.',
    daysAgo: 40,
    hour: 10,
    scene: 'road',
    supporters: ['marat', 'rustam', 'madina', 'bolat'],
    fate: {
      kind: 'resolved',
      acceptAfterH: 26,
      resolveAfterD: 14,
      note: { kk: 'Пандус салынды, бордюр төмендетілді.', ru: 'Бордюр понижен, обустроен пандус с поручнем.' },
      rating: 5,
    },
  },
  {
    key: 'ala-tree',
    citizen: 'madina',
    category: 'landscaping-yards',
    region: 'almaty-city',
    district: 'almaty-city-medeu',
    at: [43.2389, 76.9634],
    address: 'Достық даңғылы, 85, аула',
    text: 'Ауладағы ескі терек жел соққанда құлағалы тұр, астында көліктер тұрады. Тексеріп, кесуді сұраймыз.',
    daysAgo: 29,
    hour: 16,
    scene: 'park',
    fate: {
      kind: 'reopened',
      acceptAfterH: 20,
      resolveAfterD: 5,
      note: { kk: 'Ағаш тексерілді, құрғақ бұтақтары кесілді.', ru: 'Дерево обследовано, сухие ветви обрезаны.' },
      reopenAfterD: 2,
    },
    comment: { afterD: 8, text: 'Тек екі бұтақ кесілген, діңі әлі қисайып тұр. Қайта қарауды сұраймын.' },
  },
  {
    key: 'ala-light',
    citizen: 'arman',
    category: 'street-lighting',
    region: 'almaty-city',
    district: 'almaty-city-bostandyk',
    at: [43.2075, 76.9056],
    address: 'Әл-Фараби даңғылы, Байтұрсынұлы көшесінің қиылысы',
    text: 'Жер асты өткелінде жарық жоқ, кешке ол жерден өту қорқынышты.',
    daysAgo: 18,
    hour: 21,
    scene: 'night',
    supporters: ['madina'],
    fate: { kind: 'in_work', acceptAfterH: 10, note: ACCEPTED, assign: true },
  },
  {
    key: 'ala-heating',
    citizen: 'bolat',
    category: 'heating',
    region: 'almaty-city',
    district: 'almaty-city-turksib',
    at: [43.3212, 76.9515],
    address: 'Сейфуллин даңғылы, 22, 3-подъезд',
    text: 'Пәтерде батареялар жылымшы, бөлмеде 15 градус. Қарт адамдармыз, тоңып отырмыз.',
    daysAgo: 9,
    hour: 8,
    scene: 'snow',
    supporters: ['marat'],
    fate: {
      kind: 'in_work',
      acceptAfterH: 4,
      note: { kk: 'Жылу желілеріне тапсырма берілді, тексеріс жүргізіледі.', ru: 'Заявка передана в АО «Алматинские тепловые сети».' },
    },
  },
];
