// The demo's volunteers and their events in both languages, with the outcome each participant had
// (scheduled by demo.ts).
import type { VolunteerApplicationState, VolunteerAvailability, VolunteerDirection } from '../../generated/prisma/enums.ts';

interface VolunteerSpec {
  citizen: string;
  directions: VolunteerDirection[];
  areaIds: number[];
  skills: string;
  availability: VolunteerAvailability;
}

export const VOLUNTEERS: VolunteerSpec[] = [
  { citizen: 'aigul', directions: ['events', 'children'], areaIds: [6, 7], skills: 'Педагог, ұйымдастыру', availability: 'regularly' },
  { citizen: 'dana', directions: ['ecology', 'animals'], areaIds: [3, 18], skills: 'Фотосурет, SMM', availability: 'regularly' },
  { citizen: 'daniyar', directions: ['it_design', 'events'], areaIds: [1, 4], skills: 'Веб-әзірлеу, дизайн', availability: 'seasonal_when_needed' },
  {
    citizen: 'irina',
    directions: ['elderly_care', 'driving'],
    areaIds: [6],
    skills: 'Водительские права категории B, свой автомобиль',
    availability: 'seasonal_when_needed',
  },
  { citizen: 'kairat', directions: ['events', 'emergencies'], areaIds: [16, 17], skills: 'Құтқарушы, алғашқы көмек', availability: 'regularly' },
  { citizen: 'aliya', directions: ['children', 'animals'], areaIds: [18], skills: '', availability: 'one_off' },
  { citizen: 'madina', directions: ['elderly_care', 'translation'], areaIds: [6, 10], skills: 'Ағылшын тілі', availability: 'regularly' },
  { citizen: 'rustam', directions: ['events', 'it_design'], areaIds: [15, 16], skills: 'Организация мероприятий', availability: 'seasonal_when_needed' },
  { citizen: 'elena', directions: ['elderly_care'], areaIds: [6, 17], skills: 'Медсестра', availability: 'one_off' },
  { citizen: 'olga', directions: ['animals', 'ecology'], areaIds: [18], skills: 'Кинолог', availability: 'regularly' },
  { citizen: 'viktor', directions: ['animals', 'driving'], areaIds: [18], skills: 'Грузовой автомобиль', availability: 'seasonal_when_needed' },
  { citizen: 'nurlybek', directions: ['it_design', 'children'], areaIds: [1, 4], skills: 'Python, робототехника', availability: 'regularly' },
];

interface Participant {
  citizen: string;
  /** the final state: attended (hours, people helped, review), no_show, approved, applied, waitlisted, declined */
  outcome: VolunteerApplicationState;
  hours?: number;
  people?: number;
  rating?: number;
  review?: string;
  declineReason?: string;
}

interface OpportunitySpec {
  key: string;
  titleKk: string;
  titleRu: string;
  descriptionKk: string;
  descriptionRu: string;
  organiser: string;
  region: string;
  district: string | null;
  place: string;
  directions: VolunteerDirection[];
  areaId: number;
  /** days from now (negative: the past) and the local hour it starts, and how long it lasts */
  startsInDays: number;
  hour: number;
  hours: number;
  needed: number;
  participants: Participant[];
  state?: 'draft' | 'cancelled';
}

export const OPPORTUNITIES: OpportunitySpec[] = [
  {
    key: 'esil-cleanup',
    titleKk: 'Есіл жағалауындағы сенбілік',
    titleRu: 'Субботник на набережной Есиля',
    descriptionKk: 'Жағалаудағы қоқысты жинаймыз, 50 көшет отырғызамыз. Қолғап пен қап береміз.',
    descriptionRu: 'Убираем мусор вдоль набережной и сажаем 50 саженцев. Перчатки и мешки выдаём.',
    organiser: '«Жасыл Астана» қоғамдық бірлестігі',
    region: 'astana',
    district: 'astana-yesil',
    place: 'Есіл жағалауы, «Арай» көпірінің жанында',
    directions: ['ecology', 'events'],
    areaId: 3,
    startsInDays: -26,
    hour: 10,
    hours: 4,
    needed: 6,
    participants: [
      { citizen: 'aigul', outcome: 'attended', hours: 4, people: 0, rating: 5, review: 'Топты ұйымдастырды, жауапкершілігі жоғары.' },
      { citizen: 'dana', outcome: 'attended', hours: 4, people: 0, rating: 5, review: 'Фотоесеп жасады, белсенді.' },
      { citizen: 'daniyar', outcome: 'attended', hours: 3.5, people: 0, rating: 4 },
      { citizen: 'irina', outcome: 'attended', hours: 4, people: 0, rating: 5, review: 'Привезла инвентарь на своей машине.' },
      { citizen: 'kairat', outcome: 'no_show' },
    ],
  },
  {
    key: 'elderly-visit',
    titleKk: 'Қарттар үйіне мерекелік бару',
    titleRu: 'Праздничный визит в дом престарелых',
    descriptionKk: 'Концерт, шай, әңгіме. Қарттарға хат жазуға көмектесеміз.',
    descriptionRu: 'Концерт, чаепитие, общение. Помогаем пожилым написать письма родным.',
    organiser: 'ОФ «Мейірім»',
    region: 'almaty-city',
    district: 'almaty-city-medeu',
    place: 'Алматы, Медеу ауданы, Қарттар үйі, Жамақаев к-сі, 2',
    directions: ['elderly_care', 'events'],
    areaId: 6,
    startsInDays: -12,
    hour: 15,
    hours: 3,
    needed: 4,
    participants: [
      { citizen: 'madina', outcome: 'attended', hours: 3, people: 35, rating: 5, review: 'Ағылшын тілінде ән айтып берді, қарттар риза.' },
      { citizen: 'rustam', outcome: 'attended', hours: 3, people: 35, rating: 4 },
      { citizen: 'elena', outcome: 'attended', hours: 3.5, people: 20, rating: 5, review: 'Измеряла давление, консультировала.' },
      { citizen: 'irina', outcome: 'declined', declineReason: 'Мероприятие в Алматы, а вы указали Астану: поищите события вашего города.' },
    ],
  },
  {
    key: 'shelter-help',
    titleKk: 'Жануарлар баспанасына көмек',
    titleRu: 'Помощь приюту для животных',
    descriptionKk: 'Вольерлерді тазалау, иттерді серуендету, жем тасу.',
    descriptionRu: 'Уборка вольеров, выгул собак, разгрузка корма.',
    organiser: 'ОФ «Темиртау — наш дом»',
    region: 'karaganda',
    district: 'karaganda-temirtau-city',
    place: 'Темиртау, приют «Верный друг», ул. Промышленная, 7',
    directions: ['animals'],
    areaId: 18,
    startsInDays: -40,
    hour: 11,
    hours: 5,
    needed: 5,
    participants: [
      { citizen: 'olga', outcome: 'attended', hours: 5, people: 0, rating: 5, review: 'Опытный кинолог, обучила новичков.' },
      { citizen: 'viktor', outcome: 'attended', hours: 6, people: 0, rating: 5, review: 'Привёз 500 кг корма.' },
    ],
  },
  {
    key: 'winter-fair',
    titleKk: 'Қысқы қайырымдылық жәрмеңкесі',
    titleRu: 'Зимняя благотворительная ярмарка',
    descriptionKk: 'Көпбалалы отбасыларға киім мен ойыншық жинаймыз, жәрмеңкеде сатушы және көмекші керек.',
    descriptionRu: 'Собираем одежду и игрушки для многодетных семей, нужны продавцы и помощники на ярмарке.',
    organiser: 'Азаматтық ресурстық орталық',
    region: 'astana',
    district: 'astana-saryarka',
    place: 'Астана, «Достық» сауда орталығы, 1-қабат',
    directions: ['events', 'children'],
    areaId: 7,
    startsInDays: 5,
    hour: 11,
    hours: 6,
    needed: 3,
    participants: [
      { citizen: 'aigul', outcome: 'approved' },
      { citizen: 'daniyar', outcome: 'approved' },
      { citizen: 'aliya', outcome: 'applied' },
      { citizen: 'dana', outcome: 'waitlisted' },
      { citizen: 'kairat', outcome: 'waitlisted' },
    ],
  },
  {
    key: 'it-lesson',
    titleKk: 'Балалар үйінде робототехника сабағы',
    titleRu: 'Урок робототехники в детском доме',
    descriptionKk: 'Балаларға Arduino жинауды үйретеміз. Жинақтарды ұйымдастырушы береді.',
    descriptionRu: 'Учим детей собирать Arduino. Наборы даёт организатор.',
    organiser: '«Tech Kids Shymkent» бастамашыл тобы',
    region: 'shymkent',
    district: 'shymkent-karatau',
    place: 'Шымкент, №3 балалар үйі, Рысқұлов к-сі, 44',
    directions: ['it_design', 'children'],
    areaId: 1,
    startsInDays: 10,
    hour: 14,
    hours: 2,
    needed: 4,
    participants: [{ citizen: 'nurlybek', outcome: 'applied' }],
  },
  {
    key: 'eco-draft',
    titleKk: 'Ертіс жағасында құс санағы',
    titleRu: 'Учёт птиц на берегу Иртыша',
    descriptionKk: 'Орнитологтармен бірге қыстайтын құстарды санаймыз.',
    descriptionRu: 'Вместе с орнитологами считаем зимующих птиц.',
    organiser: 'Павлодар экологиялық клубы',
    region: 'pavlodar',
    district: 'pavlodar-pavlodar-city',
    place: 'Павлодар, Ертіс жағалауы, орталық жағажай',
    directions: ['ecology'],
    areaId: 3,
    startsInDays: 20,
    hour: 9,
    hours: 4,
    needed: 8,
    participants: [],
    state: 'draft',
  },
  {
    key: 'marathon-cancelled',
    titleKk: 'Қайырымдылық марафонындағы еріктілер',
    titleRu: 'Волонтёры на благотворительном марафоне',
    descriptionKk: 'Су беру бекеттері мен тіркеу.',
    descriptionRu: 'Пункты воды и регистрация участников.',
    organiser: 'Almaty Marathon',
    region: 'almaty-city',
    district: null,
    place: 'Алматы, Республика алаңы',
    directions: ['events'],
    areaId: 16,
    startsInDays: 3,
    hour: 8,
    hours: 5,
    needed: 20,
    participants: [{ citizen: 'rustam', outcome: 'applied' }],
    state: 'cancelled',
  },
];
