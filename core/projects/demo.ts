// A social project of the demo with its monitoring: beneficiaries who joined by the invitation link and an
// NGO's imported list, events as in the grant report, and a satisfaction questionnaire run in two waves
// (a closed baseline and a running second wave still collecting answers), so results, dynamics across waves
// and the sending progress all have something to show.
import type { PollQuestion } from '../../generated/prisma/client.ts';
import type { AnswerValue, QuestionInput } from '../polls/poll-rules.ts';
import type { DemoContext } from '../demo/demo-context.ts';

const PARTICIPANTS = [
  'aigul',
  'sergey',
  'dana',
  'timur',
  'gulnara',
  'irina',
  'kairat',
  'daniyar',
  'aliya',
  'arman',
  'elena',
  'madina',
  'rustam',
  'bolat',
  'marat',
  'saule',
];

const QUESTIONS: QuestionInput[] = [
  {
    type: 'satisfaction',
    textKk: 'Жоба қызметтерінің сапасына қаншалықты қанағаттанасыз?',
    textRu: 'Насколько вы удовлетворены качеством услуг проекта?',
    required: true,
    options: [],
    showIfQuestionId: null,
    showIfAnswers: [],
  },
  {
    type: 'rating',
    textKk: 'Мамандардың біліктілігін 1-ден 5-ке дейін бағалаңыз',
    textRu: 'Оцените квалификацию специалистов от 1 до 5',
    required: true,
    options: [],
    showIfQuestionId: null,
    showIfAnswers: [],
  },
  {
    type: 'single',
    textKk: 'Сабақтарға қаншалықты жиі қатысасыз?',
    textRu: 'Как часто вы посещаете занятия?',
    required: true,
    showIfQuestionId: null,
    showIfAnswers: [],
    options: [
      { code: 'weekly', kk: 'Аптасына бір рет не жиірек', ru: 'Раз в неделю и чаще' },
      { code: 'monthly', kk: 'Айына бірнеше рет', ru: 'Несколько раз в месяц' },
      { code: 'rarely', kk: 'Сирек', ru: 'Редко' },
    ],
  },
  {
    type: 'multiple',
    textKk: 'Қандай қызметтер пайдалы болды?',
    textRu: 'Какие услуги оказались полезными?',
    required: false,
    showIfQuestionId: null,
    showIfAnswers: [],
    options: [
      { code: 'rehab', kk: 'Оңалту сабақтары', ru: 'Реабилитационные занятия' },
      { code: 'psych', kk: 'Психолог кеңесі', ru: 'Консультации психолога' },
      { code: 'respite', kk: 'Ата-аналарға демалыс күні', ru: 'День отдыха для родителей' },
      { code: 'legal', kk: 'Құқықтық кеңес', ru: 'Юридическая консультация' },
    ],
  },
  {
    type: 'yes_no',
    textKk: 'Жобаны достарыңызға ұсынасыз ба?',
    textRu: 'Порекомендуете ли вы проект знакомым?',
    required: true,
    options: [],
    showIfQuestionId: null,
    showIfAnswers: [],
  },
  { type: 'text', textKk: 'Не жақсартуға болады?', textRu: 'Что можно улучшить?', required: false, options: [], showIfQuestionId: null, showIfAnswers: [] },
];

/** Baseline answers, then the second wave's: satisfaction and ratings improve, as monitoring hopes to show. */
const WAVE_ANSWERS: Array<Array<[string, number, string, string[], 'yes' | 'no', string | null]>> = [
  [
    ['rather', 4, 'monthly', ['rehab'], 'yes', 'Сабақтар кестесі ыңғайсыз, кешкі уақыт керек.'],
    ['rather_not', 3, 'rarely', ['psych'], 'no', 'Далеко ездить, нужен транспорт.'],
    ['fully', 5, 'weekly', ['rehab', 'respite'], 'yes', null],
    ['hard_to_say', 3, 'rarely', [], 'no', null],
    ['rather', 4, 'monthly', ['rehab', 'psych'], 'yes', 'Больше занятий с логопедом.'],
    ['rather_not', 2, 'rarely', ['legal'], 'no', 'Очередь на занятия две недели.'],
    ['rather', 4, 'weekly', ['respite'], 'yes', null],
    ['not_at_all', 2, 'rarely', [], 'no', 'Маман жиі ауысады.'],
    ['fully', 5, 'weekly', ['rehab'], 'yes', null],
    ['rather', 3, 'monthly', ['psych'], 'yes', null],
    ['hard_to_say', 3, 'monthly', [], 'yes', null],
    ['rather', 4, 'monthly', ['rehab', 'legal'], 'yes', 'Ата-аналарға арналған топ керек.'],
  ],
  [
    ['fully', 5, 'weekly', ['rehab', 'respite'], 'yes', 'Рақмет, балам жақсы өзгерді!'],
    ['rather', 4, 'monthly', ['psych', 'respite'], 'yes', 'Стало удобнее после открытия второго кабинета.'],
    ['fully', 5, 'weekly', ['rehab', 'respite'], 'yes', null],
    ['rather', 4, 'monthly', ['rehab'], 'yes', null],
    ['fully', 5, 'weekly', ['rehab', 'psych'], 'yes', null],
    ['rather', 4, 'monthly', ['legal', 'psych'], 'yes', 'Хотелось бы занятия и летом.'],
    ['fully', 5, 'weekly', ['respite'], 'yes', null],
    ['rather_not', 3, 'rarely', ['rehab'], 'no', 'Көлік мәселесі әлі шешілмеген.'],
    ['fully', 5, 'weekly', ['rehab', 'respite', 'psych'], 'yes', null],
  ],
];

const IMPORTED = `№;ФИО;Пол;Год рождения;Социальный статус;Телефон
1;Жанар Төлегенова;ж;1984;Лица с инвалидностью;+7 701 555 12 01
2;Павел Николаев;м;2012;Дети (в том числе дети с инвалидностью);
3;Гүлмира Сәрсенова;ж;1979;Безработные;+7 702 555 12 03
4;Айдос Нұрмағамбетов;м;2010;Дети (в том числе дети с инвалидностью);
5;Людмила Карпенко;ж;1958;Люди старшего возраста, в том числе пенсионеры;+7 705 555 12 05
6;Ерасыл Қуанышев;м;2011;Дети (в том числе дети с инвалидностью);
`;

function valueFor(q: PollQuestion, row: (typeof WAVE_ANSWERS)[number][number]): AnswerValue {
  const [sat, rating, single, multiple, yesNo, text] = row;
  switch (q.type) {
    case 'satisfaction':
      return { choice: sat };
    case 'rating':
      return { rating };
    case 'single':
      return { choice: single };
    case 'multiple':
      return multiple.length ? { choices: multiple } : null;
    case 'yes_no':
      return { choice: yesNo };
    case 'text':
      return text ? { text } : null;
  }
}

export async function scheduleProjects(ctx: DemoContext): Promise<void> {
  const { s, tl } = ctx;
  const manager = () => ctx.staff('manager');
  const act = () => ctx.actor(manager());
  const ref: { projectId?: number; pollId?: number; waves: number[]; questions: PollQuestion[] } = { waves: [], questions: [] };
  const dateOf = (d: Date) => new Date(d.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);

  tl.add(tl.when(58, 12), 'project', async () => {
    const body = await s.prisma.stateBody.findUnique({ where: { code: 'astana-internal-policy' } });
    const p = await s.projects.admin.create(act(), manager(), {
      nameKk: 'Мүгедектігі бар балаларға арналған «Бірге» оңалту сабақтары',
      nameRu: 'Реабилитационные занятия «Вместе» для детей с инвалидностью',
      supplierName: 'ҚҚ «Мейірім» / ОФ «Мейірим»',
      supplierBin: '150840012345',
      contractSum: 24500,
      goalsKk: 'Мүгедектігі бар балалардың әлеуметтік бейімделуі және ата-аналарды қолдау.',
      goalsRu: 'Социальная адаптация детей с инвалидностью и поддержка их родителей.',
      objectivesKk: 'Аптасына 3 рет оңалту сабақтары; психолог кеңесі; ата-аналарға демалыс күні.',
      objectivesRu: 'Реабилитационные занятия 3 раза в неделю; консультации психолога; день отдыха для родителей.',
      startsOn: dateOf(tl.when(60)),
      endsOn: dateOf(tl.day(75)),
      areaId: 6,
      regionId: ctx.region('astana'),
      stateBodyId: body?.id ?? null,
    });
    ref.projectId = p.id;
    await s.projects.admin.activate(act(), manager(), p.id);
  });

  tl.add(tl.when(56, 11), 'beneficiary import', async () => {
    const result = await s.projects.beneficiaries.importCsv(act(), manager(), ref.projectId!, IMPORTED);
    if (result.errors.length) throw new Error(`beneficiary list refused: ${JSON.stringify(result.errors)}`);
  });
  PARTICIPANTS.forEach((key, i) =>
    tl.add(tl.when(56 - Math.floor(i / 3), 17, i), `join ${key}`, () => s.projects.join({ projectId: ref.projectId!, citizenId: ctx.citizen(key).citizen.id })),
  );

  const events: Array<[number, string, string, number, string]> = [
    [
      54,
      'Астана, Сарыарқа ауданы, «Мейірім» орталығы',
      'Ашылу, ата-аналармен танысу кездесуі / Встреча-знакомство с родителями',
      38,
      'Толық өткізілді / Проведено полностью',
    ],
    [40, 'Астана, «Мейірім» орталығы', 'Оңалту сабақтары циклі / Цикл реабилитационных занятий', 64, 'Толық өткізілді / Проведено полностью'],
    [
      20,
      'Астана, Есіл ауданы, №12 мектеп',
      'Инклюзия туралы семинар / Семинар по инклюзии',
      45,
      'Ішінара: 2 спикердің 1-і келді / Частично: выступил 1 из 2 спикеров',
    ],
  ];
  for (const [days, place, form, participants, completeness] of events) {
    tl.add(tl.when(days - 1, 18), `event ${days}`, () =>
      s.projects.admin.addEvent(act(), manager(), ref.projectId!, { heldOn: dateOf(tl.when(days)), place, form, participants, completeness }),
    );
  }

  tl.add(tl.when(52, 10), 'poll', async () => {
    const poll = await s.polls.builder.create(act(), manager(), ref.projectId!, {
      titleKk: 'Қызмет алушылардың қанағаттануы',
      titleRu: 'Удовлетворённость получателей услуг',
      introKk: 'Жоба сапасын жақсарту үшін бірнеше сұраққа жауап беріңіз, 3 минут алады.',
      introRu: 'Ответьте на несколько вопросов, чтобы мы улучшили проект; это займёт 3 минуты.',
    });
    ref.pollId = poll.id;
    for (const q of QUESTIONS) await s.polls.builder.addQuestion(act(), manager(), poll.id, q);
    ref.questions = await s.prisma.pollQuestion.findMany({ where: { pollId: poll.id }, orderBy: { position: 'asc' } });
  });

  // Wave 1 (baseline) ran 50 to 40 days ago; wave 2 started 12 days ago and is still open.
  const waves = [
    { labelKk: '1-толқын: бастапқы өлшем', labelRu: 'Волна 1: исходный замер', opens: tl.when(50, 9), closes: tl.when(40, 18), sent: tl.when(50, 10) },
    { labelKk: '2-толқын: аралық өлшем', labelRu: 'Волна 2: промежуточный замер', opens: tl.when(12, 9), closes: tl.day(10, 18), sent: tl.when(12, 10) },
  ];
  waves.forEach((w, wi) => {
    tl.add(new Date(w.opens.getTime() - 3_600_000), `wave ${wi + 1}`, async () => {
      const wave = await s.polls.builder.createWave(act(), manager(), ref.pollId!, {
        labelKk: w.labelKk,
        labelRu: w.labelRu,
        opensAt: w.opens,
        closesAt: w.closes,
        reminderAfterHours: 72,
      });
      ref.waves[wi] = wave.id;
    });
    tl.add(w.sent, `send wave ${wi + 1}`, () => s.polls.builder.sendToAll(act(), manager(), ref.waves[wi]!));
    WAVE_ANSWERS[wi]!.forEach((row, i) => {
      const who = ctx.citizen(PARTICIPANTS[i]!);
      tl.add(new Date(w.sent.getTime() + (2 + i * 11) * 3_600_000), `answer wave ${wi + 1} ${who.key}`, async () => {
        const waveId = ref.waves[wi]!;
        await s.polls.citizen.begin(who.citizen.id, waveId);
        for (const q of ref.questions) await s.polls.citizen.answer(who.citizen.id, waveId, q.id, valueFor(q, row));
        await s.polls.citizen.submit(who.citizen.id, waveId);
      });
    });
  });
  tl.add(waves[0]!.closes, 'close wave 1', () => s.polls.builder.closeWave(act(), manager(), ref.waves[0]!));

  scheduleEvaluation(ctx);
}

const FINISHED_LIST = `№;ФИО;Пол;Год рождения;Социальный статус;Телефон
1;Айбек Серікбаев;м;2004;Молодежь;+7 747 555 20 01
2;Анастасия Ким;ж;2002;Молодежь;+7 747 555 20 02
3;Дәулет Жанұзақов;м;2000;Безработные;+7 747 555 20 03
4;Ирина Шевченко;ж;1999;Безработные;
5;Нұржан Әлімов;м;2005;Молодежь;+7 747 555 20 05
6;Мадина Оспан;ж;2003;Молодежь;+7 747 555 20 06
`;

/**
 * A finished project evaluated by the expert council (Annex 7): the demo's expert has declared no conflict of
 * interest and scored three of the four criteria, so the expert's sheet shows work done and work left.
 */
function scheduleEvaluation(ctx: DemoContext): void {
  const { s, tl } = ctx;
  const manager = () => ctx.staff('manager');
  const act = () => ctx.actor(manager());
  const dateOf = (d: Date) => new Date(d.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
  const ref: { projectId?: number } = {};

  tl.add(tl.when(59, 15), 'finished project', async () => {
    const p = await s.projects.admin.create(act(), manager(), {
      nameKk: 'Жастарға арналған «Қадам» кәсіби бағдар мектебі',
      nameRu: 'Школа профориентации «Кадам» для молодёжи',
      supplierName: 'ҚБ «Теміртау жастары» / ОО «Молодёжь Темиртау»',
      supplierBin: '180340009876',
      contractSum: 12400.5,
      goalsKk: 'NEET-жастарды кәсіби бағдарлау және жұмысқа орналастыру.',
      goalsRu: 'Профориентация и трудоустройство NEET-молодёжи.',
      objectivesKk: 'Тренингтер, кәсіпорындарда тағылымдама, мансап кеңесі.',
      objectivesRu: 'Тренинги, стажировки на предприятиях, карьерные консультации.',
      startsOn: dateOf(tl.when(59)),
      endsOn: dateOf(tl.when(22)),
      areaId: 8,
      regionId: ctx.region('karaganda'),
    });
    ref.projectId = p.id;
    await s.projects.admin.activate(act(), manager(), p.id);
    const list = await s.projects.beneficiaries.importCsv(act(), manager(), p.id, FINISHED_LIST);
    if (list.errors.length) throw new Error(`beneficiary list refused: ${JSON.stringify(list.errors)}`);
  });
  tl.add(tl.when(45, 18), 'finished project event 1', () =>
    s.projects.admin.addEvent(act(), manager(), ref.projectId!, {
      heldOn: dateOf(tl.when(45)),
      place: 'Теміртау, жастар орталығы',
      form: 'Кәсіби бағдар тренингі / Тренинг по профориентации',
      participants: 28,
      completeness: 'Толық / Полностью',
    }),
  );
  tl.add(tl.when(30, 18), 'finished project event 2', () =>
    s.projects.admin.addEvent(act(), manager(), ref.projectId!, {
      heldOn: dateOf(tl.when(30)),
      place: 'Теміртау, АрселорМиттал оқу орталығы',
      form: 'Тағылымдама / Стажировка',
      participants: 15,
      completeness: 'Толық / Полностью',
    }),
  );
  tl.add(tl.when(21, 11), 'finish project', () =>
    s.projects.admin.finish(act(), manager(), ref.projectId!, {
      activitiesKk: '6 тренинг, 2 кәсіпорында тағылымдама, 40 жеке мансап кеңесі.',
      activitiesRu: '6 тренингов, стажировки на 2 предприятиях, 40 индивидуальных карьерных консультаций.',
      resultsKk: '38 жас кәсіби бағдар алды, 17-сі жұмысқа орналасты.',
      resultsRu: '38 молодых людей прошли профориентацию, 17 трудоустроены.',
    }),
  );
  tl.add(tl.when(20, 10), 'expert council', async () => {
    const admin = ctx.staff('admin');
    const council = await s.projects.councils.create(ctx.actor(admin), {
      name: 'Қарағанды облысының сараптама кеңесі / Экспертный совет Карагандинской области',
      regionId: ctx.region('karaganda'),
    });
    await s.projects.councils.setMember(ctx.actor(admin), council.id, ctx.staff('expert').id, 'Қарағанды университетінің әлеуметтану кафедрасының доценті');
    await s.projects.councils.assign(ctx.actor(admin), ref.projectId!, council.id);
  });
  tl.add(tl.when(18, 15), 'expert scores', async () => {
    const expert = ctx.staff('expert');
    await s.projects.scoring.declare(ctx.actor(expert), expert, ref.projectId!, { conflicts: [] });
    await s.projects.scoring.score(ctx.actor(expert), expert, ref.projectId!, [
      { criterion: 1, score: 4, comment: 'Жоспарланған іс-шаралар толық өткізілді, тағылымдама екі кәсіпорында ұйымдастырылды.' },
      { criterion: 2, score: 4, comment: 'Охват 38 человек при плане 35; трудоустроены 17 — выше ожиданий.' },
      { criterion: 3, score: 3, comment: 'Продолжение зависит от нового гранта; договорённость с предприятием устная.' },
    ]);
  });
}
