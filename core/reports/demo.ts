// Civic-control reports of the demo: filed in the bot by the demo citizens in five regions, then accepted,
// resolved, rejected, merged or reopened by the regional operators, with followers, comments, ratings and a
// photo each, so every status and both colours of the board appear with a real history.
import type { Report } from '../../generated/prisma/client.ts';
import type { DemoContext } from '../demo/demo-context.ts';
import { inLocale } from '../demo/demo-context.ts';
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

const ACCEPTED: L = { kk: 'Өтінім қабылданды, жұмысқа берілді.', ru: 'Обращение принято в работу.' };

export const DEMO_REPORTS: DemoReportSpec[] = [
  // ───── Astana
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
  {
    key: 'ala-graffiti',
    citizen: 'rustam',
    category: 'construction-architecture',
    region: 'almaty-city',
    district: 'almaty-city-almaly',
    at: [43.2556, 76.9286],
    address: 'ул. Панфилова, 98',
    text: 'Самовольная пристройка к первому этажу перекрыла тротуар, пешеходы идут по проезжей части.',
    daysAgo: 22,
    hour: 12,
    scene: 'road',
    fate: {
      kind: 'rejected',
      afterH: 30,
      note: {
        kk: 'Тексеру нәтижесінде құрылысқа рұқсат бар екені анықталды, тротуар уақытша 1,5 м-ге тарылтылған.',
        ru: 'Проверкой установлено: разрешение на реконструкцию выдано, тротуар сужен временно до 1,5 м на срок работ.',
      },
    },
  },
  {
    key: 'ala-bus',
    citizen: 'marat',
    category: 'public-transport',
    region: 'almaty-city',
    district: 'almaty-city-zhetysu',
    at: [43.2852, 76.9189],
    address: 'остановка «Жетысу-2», маршрут 37',
    text: 'Павильон остановки разбит, стёкла выбиты, скамейки нет. Ждём автобус под снегом.',
    daysAgo: 0,
    hour: 8,
    scene: 'snow',
    fate: { kind: 'new' },
  },
  {
    key: 'ala-ecology',
    citizen: 'elena',
    category: 'ecology',
    region: 'almaty-city',
    district: 'almaty-city-auezov',
    at: [43.2301, 76.842],
    address: 'русло реки Большая Алматинка, у моста на Саина',
    text: 'В реку сбрасывают строительный мусор и, похоже, сливают отходы с автомойки, вода мутная с плёнкой.',
    daysAgo: 44,
    hour: 15,
    scene: 'water',
    supporters: ['rustam'],
    fate: {
      kind: 'in_work',
      acceptAfterH: 40,
      note: { kk: 'Экология департаментімен бірлескен тексеріс жоспарланды.', ru: 'Назначена совместная проверка с департаментом экологии.' },
      assign: true,
    },
  },
  // ───── Karaganda region
  {
    key: 'krg-road',
    citizen: 'nadezhda',
    category: 'roads-sidewalks',
    region: 'karaganda',
    district: 'karaganda-karaganda-city',
    at: [49.8047, 73.1094],
    address: 'г. Караганда, пр. Бухар-Жырау, 47',
    text: 'Тротуар вдоль дома разрушен, плитка вздыбилась, после дождя сплошная лужа. Пожилым невозможно пройти.',
    daysAgo: 37,
    hour: 10,
    scene: 'road',
    supporters: ['viktor'],
    fate: {
      kind: 'resolved',
      acceptAfterH: 6,
      resolveAfterD: 9,
      note: { kk: 'Тротуар плиткасы қайта төселді.', ru: 'Плитка тротуара переложена на участке 40 м.' },
      rating: 3,
    },
  },
  {
    key: 'krg-smog',
    citizen: 'erzhan',
    category: 'ecology',
    region: 'karaganda',
    district: 'karaganda-temirtau-city',
    at: [50.0549, 72.9645],
    address: 'Теміртау, Республика даңғылы, 40',
    text: 'Кешке қаланың үстінде қара түтін, тыныс алу қиын. Ауа сапасын тексеруді сұраймыз.',
    daysAgo: 11,
    hour: 19,
    scene: 'night',
    supporters: ['olga', 'viktor', 'nadezhda'],
    fate: {
      kind: 'in_work',
      acceptAfterH: 18,
      note: { kk: 'Экология департаментіне ауа сынамасын алу тапсырылды.', ru: 'Департаменту экологии поручен отбор проб воздуха.' },
    },
  },
  {
    key: 'krg-gas',
    citizen: 'olga',
    category: 'gas',
    region: 'karaganda',
    district: 'karaganda-temirtau-city',
    at: [50.0601, 72.9512],
    address: 'Темиртау, ул. Мичурина, 3',
    text: 'В подъезде сильно пахнет газом уже с утра, аварийная не отвечает.',
    daysAgo: 5,
    hour: 9,
    scene: 'yard',
    fate: {
      kind: 'resolved',
      acceptAfterH: 1,
      resolveAfterD: 0.2,
      note: { kk: 'Апаттық қызмет ағып кетуді жойды.', ru: 'Аварийная служба устранила утечку на стояке.' },
    },
  },
  {
    key: 'krg-yard',
    citizen: 'viktor',
    category: 'landscaping-yards',
    region: 'karaganda',
    district: 'karaganda-karaganda-city',
    at: [49.8123, 73.0876],
    address: 'Караганда, мкр. Юго-Восток, ул. Муканова, 19',
    text: 'Во дворе нет ни одной скамейки и урны, газон вытоптан. Жители готовы сами посадить деревья, нужна помощь с саженцами.',
    daysAgo: 4,
    hour: 18,
    scene: 'park',
    fate: { kind: 'self_resolved', afterD: 3 },
  },
  // ───── Shymkent
  {
    key: 'shm-water',
    citizen: 'saule',
    category: 'water-supply',
    region: 'shymkent',
    district: 'shymkent-al-farabi',
    at: [42.3172, 69.5901],
    address: 'Тәуке хан даңғылы, 31',
    text: 'Үш күннен бері суық су жоқ. Мүгедектігі бар адаммын, су тасып әкелуге мүмкіндігім жоқ.',
    daysAgo: 16,
    hour: 7,
    scene: 'water',
    supporters: ['zarina', 'nurlybek'],
    fate: {
      kind: 'resolved',
      acceptAfterH: 2,
      resolveAfterD: 2,
      note: { kk: 'Құбыр жөнделді, сумен жабдықтау қалпына келтірілді.', ru: 'Порыв устранён, водоснабжение восстановлено.' },
      rating: 5,
    },
  },
  {
    key: 'shm-road',
    citizen: 'nurlybek',
    category: 'roads-sidewalks',
    region: 'shymkent',
    district: 'shymkent-karatau',
    at: [42.3601, 69.6512],
    address: 'Қаратау ауданы, Асар ықшамауданы, 5-көше',
    text: 'Көшеде асфальт мүлдем жоқ, жаңбыр жауса балшық. Мектеп автобусы кіре алмайды.',
    daysAgo: 31,
    hour: 14,
    scene: 'road',
    supporters: ['saule'],
    fate: {
      kind: 'in_work',
      acceptAfterH: 48,
      note: {
        kk: 'Көше келесі жылғы орташа жөндеу тізіміне енгізілді, уақытша қиыршық тас төселеді.',
        ru: 'Улица включена в план среднего ремонта, до этого будет отсыпка щебнем.',
      },
      assign: true,
    },
  },
  {
    key: 'shm-dup',
    citizen: 'zarina',
    category: 'water-supply',
    region: 'shymkent',
    district: 'shymkent-al-farabi',
    at: [42.3175, 69.5905],
    address: 'пр. Тауке хана, 31',
    text: 'Нет холодной воды в доме по Тауке хана, 31, уже третий день.',
    daysAgo: 15,
    hour: 19,
    scene: 'water',
    fate: { kind: 'duplicate', afterH: 3, of: 'shm-water' },
  },
  {
    key: 'shm-light',
    citizen: 'zarina',
    category: 'street-lighting',
    region: 'shymkent',
    district: 'shymkent-abai',
    at: [42.3387, 69.5574],
    address: 'ул. Байтурсынова, 12, сквер',
    text: 'В сквере половина фонарей не горит, вечером там собираются подростки, жители боятся.',
    daysAgo: 8,
    hour: 20,
    scene: 'night',
    fate: { kind: 'reopened', acceptAfterH: 12, resolveAfterD: 2, note: { kk: 'Шамдар жөнделді.', ru: 'Фонари отремонтированы.' }, reopenAfterD: 1 },
  },
  // ───── Pavlodar region
  {
    key: 'pvl-heating',
    citizen: 'andrey',
    category: 'heating',
    region: 'pavlodar',
    district: 'pavlodar-pavlodar-city',
    at: [52.2873, 76.9674],
    address: 'Павлодар, ул. Кутузова, 204',
    text: 'В квартирах угловых комнат холодно, +14. Управляющая компания говорит, что всё в норме.',
    daysAgo: 13,
    hour: 9,
    scene: 'snow',
    supporters: ['asem'],
    fate: { kind: 'in_work', acceptAfterH: 3, note: { kk: 'ПТК тексеріс жүргізеді.', ru: 'Замеры температуры назначены, выезд ПТС.' }, assign: true },
  },
  {
    key: 'pvl-water',
    citizen: 'asem',
    category: 'water-supply',
    region: 'pavlodar',
    district: 'pavlodar-ekibastuz-city',
    at: [51.7236, 75.3226],
    address: 'Екібастұз, Машхүр Жүсіп көшесі, 60',
    text: 'Кіреберісте құбыр жарылып, жертөлені су басты. Үй ішінде ылғал, саңырауқұлақ пайда болды.',
    daysAgo: 45,
    hour: 11,
    scene: 'water',
    fate: {
      kind: 'resolved',
      acceptAfterH: 4,
      resolveAfterD: 3,
      note: { kk: 'Құбыр ауыстырылды, жертөледен су сорылды.', ru: 'Участок трубы заменён, подвал осушен.' },
      rating: 4,
    },
  },
  {
    key: 'pvl-bins',
    citizen: 'andrey',
    category: 'waste-sanitation',
    region: 'pavlodar',
    district: 'pavlodar-pavlodar-city',
    at: [52.2801, 76.9522],
    address: 'Павлодар, ул. Естая, 83',
    text: 'Контейнеры переполнены, мусор не вывозят с понедельника, рядом детский сад.',
    daysAgo: 27,
    hour: 8,
    scene: 'yard',
    fate: {
      kind: 'not_responsible',
      afterH: 6,
      note: {
        kk: 'Қоқыс шығару — аула иесі КСК-ның міндеті; өтініміңіз КСК «Естай»-ға жіберілді.',
        ru: 'Вывоз с контейнерной площадки дома обеспечивает КСК «Естай», обращение направлено им.',
      },
    },
  },
];

const PHOTO_MIME = 'image/png';

export function scheduleReports(ctx: DemoContext): Map<string, { report?: Report }> {
  const { s, tl } = ctx;
  const refs = new Map<string, { report?: Report }>();
  for (const spec of DEMO_REPORTS) refs.set(spec.key, {});
  const operatorOf: Record<string, string> = {
    astana: 'operator',
    'almaty-city': 'operator.almaty',
    karaganda: 'operator.karaganda',
    shymkent: 'operator.shymkent',
    pavlodar: 'operator.pavlodar',
  };

  for (const spec of DEMO_REPORTS) {
    const ref = refs.get(spec.key)!;
    const author = ctx.citizen(spec.citizen);
    const filed = tl.when(spec.daysAgo, spec.hour, 17);
    const hoursAfter = (h: number) => new Date(filed.getTime() + h * 3_600_000);
    const id = () => ref.report!.id;
    // Pavlodar's operator has one department: reports of others are acted on by the admin there.
    const op = () => {
      const p = ctx.staff(operatorOf[spec.region]!);
      return p.departmentId == null || p.departmentId === ref.report!.departmentId ? p : ctx.staff('admin');
    };
    const note = (l: { kk: string; ru: string }) => inLocale(author.locale, l);

    tl.add(filed, `report ${spec.key}`, async () => {
      const photo = {
        kind: 'photo' as const,
        telegramFileId: `demo:${spec.scene}:${spec.key}`,
        fileUniqueId: `demo-${spec.key}`,
        mimeType: PHOTO_MIME,
        fileName: `${spec.key}.png`,
      };
      await s.reportCitizen.saveDraft(author.citizen.id, {
        categoryId: ctx.category(spec.category),
        regionId: ctx.region(spec.region),
        districtId: ctx.district(spec.district),
        lat: spec.at?.[0] ?? null,
        lon: spec.at?.[1] ?? null,
        address: spec.address,
        description: spec.text,
        anonymous: spec.anonymous ?? false,
      });
      await s.reportCitizen.addDraftEvidence(author.citizen.id, photo);
      ref.report = await s.reportCitizen.submitDraft(author.citizen.id);
      // Staff open the photo once: the evidence store fetches and keeps it, as it does from Telegram.
      const evidence = await s.prisma.reportEvidence.findMany({ where: { reportId: ref.report.id } });
      for (const e of evidence) await s.evidence.open(ref.report.id, e.id, ref.report);
    });

    (spec.supporters ?? []).forEach((key, i) => {
      tl.add(hoursAfter(5 + i * 7), `support ${spec.key}`, () => s.reports.support(ctx.citizen(key).citizen.id, id()));
    });
    if (spec.comment) {
      tl.add(hoursAfter(spec.comment.afterD * 24), `comment ${spec.key}`, () => s.reportCitizen.comment(author.citizen.id, id(), spec.comment!.text));
    }
    if (spec.hide) {
      tl.add(hoursAfter(2), `hide ${spec.key}`, () => s.reportAdmin.hide(ctx.actor(ctx.staff('moderator')), ctx.staff('moderator'), id(), spec.hide!));
    }

    const f = spec.fate;
    const change = (at: Date, label: string, to: Parameters<typeof s.reportAdmin.changeStatus>[3]) =>
      tl.add(at, `${label} ${spec.key}`, () => s.reportAdmin.changeStatus(ctx.actor(op()), op(), id(), to));
    switch (f.kind) {
      case 'new':
        break;
      case 'self_resolved':
        tl.add(hoursAfter(f.afterD * 24), `self-resolve ${spec.key}`, () => s.reports.closeByAuthor(author.citizen.id, id()));
        break;
      case 'in_work':
        change(hoursAfter(f.acceptAfterH), 'accept', {
          to: 'in_work',
          publicNote: f.note ? note(f.note) : null,
          internalNote: 'Проверено по фото, выезд не нужен для приёма.',
        });
        if (f.assign)
          tl.add(hoursAfter(f.acceptAfterH + 0.5), `assign ${spec.key}`, () =>
            s.reportAdmin.assign(ctx.actor(op()), op(), id(), { assigneeId: ctx.staff(operatorOf[spec.region]!).id, internalNote: 'Беру на контроль.' }),
          );
        break;
      case 'resolved':
      case 'reopened':
        change(hoursAfter(f.acceptAfterH), 'accept', { to: 'in_work', publicNote: note(ACCEPTED) });
        change(hoursAfter(f.acceptAfterH + f.resolveAfterD * 24), 'resolve', {
          to: 'resolved',
          publicNote: note(f.note),
          internalNote: 'Акт выполненных работ приложен в СЭД.',
        });
        if (f.kind === 'resolved' && f.rating) {
          tl.add(hoursAfter(f.acceptAfterH + f.resolveAfterD * 24 + 20), `confirm ${spec.key}`, () =>
            s.reports.confirm(author.citizen.id, id(), { fixed: true, rating: f.rating }),
          );
        }
        if (f.kind === 'reopened') {
          tl.add(hoursAfter(f.acceptAfterH + (f.resolveAfterD + f.reopenAfterD) * 24), `reopen ${spec.key}`, () =>
            s.reports.confirm(author.citizen.id, id(), { fixed: false }),
          );
        }
        break;
      case 'rejected':
      case 'not_responsible':
        change(hoursAfter(f.afterH), f.kind, { to: f.kind, publicNote: note(f.note) });
        break;
      case 'duplicate':
        tl.add(hoursAfter(f.afterH), `merge ${spec.key}`, async () => {
          const notice = note({
            kk: 'Бұл мәселе бойынша өтініш бұрын тіркелген, сіз оны бақылайсыз.',
            ru: 'По этой проблеме уже есть обращение, вы будете получать его новости.',
          });
          const [result] = await s.reportAdmin.merge(ctx.actor(op()), op(), refs.get(f.of)!.report!.id, [id()], notice);
          if (!result?.ok) throw new Error(`merge refused: ${result?.error?.code}`);
        });
        break;
    }
  }
  return refs;
}
