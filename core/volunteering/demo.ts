// «Жомарт жүрек» in the demo: volunteers signed up in the bot (verified phones), past events with attendance,
// hours, people helped and the organiser's reviews (so the rankings have winners), an upcoming event with
// approved, pending and wait-listed applications and a minor waiting for a parent's consent, a draft and a
// cancelled event.
import type { VolunteerApplicationState, VolunteerAvailability, VolunteerDirection } from '../../generated/prisma/enums.ts';
import type { DemoContext } from '../demo/demo-context.ts';

interface VolunteerSpec {
  citizen: string;
  directions: VolunteerDirection[];
  areaIds: number[];
  skills: string;
  availability: VolunteerAvailability;
}

const VOLUNTEERS: VolunteerSpec[] = [
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

const OPPORTUNITIES: OpportunitySpec[] = [
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

export function scheduleVolunteering(ctx: DemoContext): void {
  const { s, tl } = ctx;
  const manager = () => ctx.staff('manager');
  const act = () => ctx.actor(manager());

  VOLUNTEERS.forEach((v, i) => {
    const c = ctx.citizen(v.citizen);
    tl.add(tl.when(58 - Math.floor(i / 2), 19), `volunteer ${v.citizen}`, async () => {
      const { profiles } = s.volunteering;
      await profiles.save(c.citizen.id, {
        name: c.name,
        regionId: ctx.region(c.regionCode),
        districtId: ctx.district(c.districtCode),
        directions: v.directions,
        areaIds: v.areaIds,
        skills: v.skills || null,
        availability: v.availability,
        birthYear: (await s.prisma.citizen.findUniqueOrThrow({ where: { id: c.citizen.id } })).birthYear ?? 1990,
      });
      const telegramId = Number(c.citizen.telegramId);
      await profiles.verifyContact(c.citizen.id, telegramId, { phone_number: `+7707${String(telegramId).slice(-7)}`, user_id: telegramId });
      await profiles.complete(c.citizen.id);
    });
  });

  for (const o of OPPORTUNITIES) {
    // Planned on a calendar day relative to today, at a local hour: past events have happened, others are ahead.
    const startReal = tl.day(o.startsInDays, o.hour);
    const endsAt = new Date(startReal.getTime() + o.hours * 3_600_000);
    const createdAt = o.startsInDays > 0 ? tl.when(3 + Math.floor(o.participants.length / 2), 10) : tl.when(-o.startsInDays + 7, 10);
    const ref: { id?: number; apps: Map<string, number> } = { apps: new Map() };
    tl.add(createdAt, `opportunity ${o.key}`, async () => {
      const created = await s.volunteering.opportunities.create(act(), manager(), {
        titleKk: o.titleKk,
        titleRu: o.titleRu,
        descriptionKk: o.descriptionKk,
        descriptionRu: o.descriptionRu,
        organiserName: o.organiser,
        directions: o.directions,
        areaId: o.areaId,
        regionId: ctx.region(o.region),
        districtId: o.district ? ctx.district(o.district) : null,
        place: o.place,
        startsAt: startReal,
        endsAt,
        needed: o.needed,
        publish: o.state !== 'draft',
      });
      ref.id = created.id;
    });
    const step = (h: number) => new Date(createdAt.getTime() + h * 3_600_000);
    o.participants.forEach((p, i) => {
      const who = ctx.citizen(p.citizen);
      tl.add(step(2 + i * 3), `apply ${p.citizen} ${o.key}`, async () => {
        const r = await s.volunteering.applications.apply(who.citizen.id, ref.id!);
        ref.apps.set(p.citizen, r.applicationId);
      });
    });
    // Decisions the next day; the wait-listed ones got there by the queue itself (no places were left).
    o.participants.forEach((p, i) => {
      const app = () => ref.apps.get(p.citizen)!;
      const who = ctx.citizen(p.citizen);
      const decideAt = step(24 + i);
      if (p.outcome === 'declined')
        tl.add(decideAt, `decline ${p.citizen}`, () =>
          s.volunteering.applications.decide(act(), manager(), app(), { action: 'decline', reason: p.declineReason! }),
        );
      if (['approved', 'attended', 'no_show'].includes(p.outcome))
        tl.add(decideAt, `approve ${p.citizen}`, () => s.volunteering.applications.decide(act(), manager(), app(), { action: 'approve' }));
      const after = new Date(endsAt.getTime() + 2 * 3_600_000);
      if (p.outcome === 'attended') {
        tl.add(after, `attendance ${p.citizen}`, () =>
          s.volunteering.applications.recordAttendance(act(), manager(), app(), { attended: true, hours: p.hours!, peopleHelped: p.people ?? 0 }),
        );
        if (p.rating)
          tl.add(new Date(after.getTime() + 3_600_000), `review ${p.citizen}`, () =>
            s.volunteering.applications.review(act(), manager(), app(), { rating: p.rating!, comment: p.review ?? null }),
          );
        tl.add(new Date(after.getTime() + 20 * 3_600_000), `confirm ${p.citizen}`, () => s.volunteering.applications.confirm(who.citizen.id, app(), true));
      }
      if (p.outcome === 'no_show')
        tl.add(after, `no-show ${p.citizen}`, () => s.volunteering.applications.recordAttendance(act(), manager(), app(), { attended: false }));
    });
    if (o.state === 'cancelled') tl.add(step(30), `cancel ${o.key}`, () => s.volunteering.opportunities.cancel(act(), manager(), ref.id!));
  }
}
