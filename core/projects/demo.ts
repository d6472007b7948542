// A social project of the demo with its monitoring: beneficiaries who joined by the invitation link and an
// NGO's imported list, events as in the grant report, and a satisfaction questionnaire run in two waves
// (a closed baseline and a running second wave still collecting answers), so results, dynamics across waves
// and the sending progress all have something to show. The data: demo-data.ts.
import type { PollQuestion } from '../../generated/prisma/client.ts';
import type { AnswerValue } from '../polls/poll-rules.ts';
import type { DemoContext } from '../demo/demo-context.ts';
import { FINISHED_LIST, IMPORTED, PARTICIPANTS, QUESTIONS, WAVE_ANSWERS } from './demo-data.ts';

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
    const council = await s.projects.councils.create(ctx.actor(admin), admin, {
      name: 'Қарағанды облысының сараптама кеңесі / Экспертный совет Карагандинской области',
      regionId: ctx.region('karaganda'),
    });
    await s.projects.councils.setMember(
      ctx.actor(admin),
      admin,
      council.id,
      ctx.staff('expert').id,
      'Қарағанды университетінің әлеуметтану кафедрасының доценті',
    );
    await s.projects.councils.assign(ctx.actor(admin), admin, ref.projectId!, council.id);
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
