// Public discussion in the demo: two state bodies, a topic under discussion (one comment hidden by citizens'
// flags waits for a moderator), one whose discussion ended and waits for the review (some comments decided,
// some not), one reviewed with every decision and reason, and a draft. Publication dates are chosen on the
// calendar so the 10-working-day rule holds whatever day the demo is filled.
import type { CommentStance } from '../../generated/prisma/enums.ts';
import { earliestEnd } from './discussion-rules.ts';
import type { TopicFields } from './topic-admin.ts';
import type { DemoContext } from '../demo/demo-context.ts';

type Topic = Omit<TopicFields, 'stateBodyId' | 'regionId' | 'year'> & { body: string };

const BODIES = [
  {
    code: 'astana-internal-policy',
    nameKk: 'Астана қаласының Қоғамдық даму басқармасы',
    nameRu: 'Управление общественного развития города Астаны',
    region: 'astana',
  },
  {
    code: 'karaganda-employment',
    nameKk: 'Қарағанды облысының Жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы',
    nameRu: 'Управление координации занятости и социальных программ Карагандинской области',
    region: 'karaganda',
  },
];

const OPEN: Topic = {
  body: 'astana-internal-policy',
  areaId: 6,
  titleKk: 'Мүгедектігі бар балалары бар отбасыларға арналған «Демалыс күні» қызметі',
  titleRu: 'Услуга «День отдыха» для семей, воспитывающих детей с инвалидностью',
  fundingThousandTenge: '18500.0',
  justificationKk: 'Қалада мүгедектігі бар 6 мыңнан астам бала тұрады; ата-аналардың 70%-ы демалуға мүмкіндігі жоқ екенін айтады.',
  justificationRu: 'В городе проживает более 6 тысяч детей с инвалидностью; 70% родителей сообщают, что не имеют возможности отдыха.',
  informationSource: 'Қажеттіліктерді бағалау, 2025 / Оценка потребностей населения, 2025',
  targetGroupKk: 'Мүгедектігі бар балалары бар отбасылар',
  targetGroupRu: 'Семьи, воспитывающие детей с инвалидностью',
  expectedResultKk: 'Кемінде 300 отбасы айына екі рет білікті күтім алады',
  expectedResultRu: 'Не менее 300 семей дважды в месяц получают квалифицированный уход за ребёнком',
};

const CLOSED: Topic = {
  body: 'karaganda-employment',
  areaId: 8,
  titleKk: 'Теміртау қаласындағы NEET-жастарды жұмысқа орналастыруға жәрдемдесу',
  titleRu: 'Содействие трудоустройству NEET-молодёжи в городе Темиртау',
  fundingThousandTenge: '12400.5',
  justificationKk: 'Теміртауда 15–28 жастағы жастардың 9%-ы оқымайды және жұмыс істемейді.',
  justificationRu: 'В Темиртау 9% молодёжи 15–28 лет не учатся и не работают.',
  informationSource: 'Статистика БНС АСПиР РК, 2025',
  targetGroupKk: '15–28 жастағы жұмыссыз жастар',
  targetGroupRu: 'Безработная молодёжь 15–28 лет',
  expectedResultKk: '150 жас кәсіби бағдар алады, 60-ы жұмысқа орналасады',
  expectedResultRu: '150 молодых людей получат профориентацию, 60 трудоустроены',
};

const REVIEWED: Topic = {
  body: 'astana-internal-policy',
  areaId: 18,
  titleKk: 'Үй жануарларына жауапкершілікпен қарау мәдениетін насихаттау',
  titleRu: 'Пропаганда ответственного обращения с домашними животными',
  fundingThousandTenge: '6200.0',
  justificationKk: 'Қаңғыбас жануарлар туралы өтініштер саны бір жылда 40%-ға өсті.',
  justificationRu: 'Число обращений о безнадзорных животных выросло за год на 40%.',
  informationSource: '«Азаматтық бақылау» өтініштерін талдау / Анализ обращений «Гражданского контроля»',
  targetGroupKk: 'Үй жануарларының иелері, мектеп оқушылары',
  targetGroupRu: 'Владельцы домашних животных, школьники',
  expectedResultKk: '50 мектепте сабақ, 2000 жануарды чиптеу',
  expectedResultRu: 'Уроки в 50 школах, чипирование 2000 животных',
};

const DRAFT: Topic = {
  body: 'astana-internal-policy',
  areaId: 12,
  titleKk: 'Этномәдени бірлестіктердің жастар клубтарын қолдау',
  titleRu: 'Поддержка молодёжных клубов этнокультурных объединений',
  fundingThousandTenge: '9000.0',
  justificationKk: 'Қазақстан халқы Ассамблеясының ұсынысы.',
  justificationRu: 'Предложение Ассамблеи народа Казахстана.',
  informationSource: 'ҚХА хаттамасы / Протокол АНК',
  targetGroupKk: 'Жастар',
  targetGroupRu: 'Молодёжь',
  expectedResultKk: '10 клуб, 400 қатысушы',
  expectedResultRu: '10 клубов, 400 участников',
};

interface CommentSpec {
  citizen: string;
  text: string;
  stance: CommentStance | null;
  organisation?: string;
  decision?: { decision: 'accepted' | 'partly_accepted' | 'rejected'; reason?: string };
}

const OPEN_COMMENTS: CommentSpec[] = [
  {
    citizen: 'aigul',
    stance: 'support',
    text: 'Өте қажет қызмет! Менің ұлым аутизммен ауырады, бір күн демалу біз үшін арман. Қызметті демалыс күндері де көрсетуді ұсынамын.',
  },
  { citizen: 'gulnara', stance: 'support', text: 'Поддерживаю. Прошу предусмотреть выезд специалиста на дом, не все семьи могут привезти ребёнка в центр.' },
  {
    citizen: 'kairat',
    stance: null,
    organisation: '«Мейірім» қоғамдық қоры',
    text: 'Қордың тәжірибесі бойынша бір маманға екі баладан артық болмауы керек. Қаржыландыруды соған сай есептеу керек.',
  },
  {
    citizen: 'sergey',
    stance: 'object',
    text: 'Сумма завышена: 18 млн на 300 семей — это 60 тысяч на семью. Лучше направить деньги на строительство реабилитационного центра.',
  },
  { citizen: 'daniyar', stance: 'support', text: 'Студенттер еріктілер ретінде көмектесуге дайын, жобаға еріктілерді тартуды қосыңыздар.' },
  { citizen: 'timur', stance: 'object', text: 'Все чиновники воры, никакой услуги не будет, деньги опять распилят!!! Позор!!!' },
];

const CLOSED_COMMENTS: CommentSpec[] = [
  {
    citizen: 'erzhan',
    stance: 'support',
    text: 'Жұмыссыз жастарға кәсіптік оқыту керек, тек кеңес беру жеткіліксіз. Дәнекерлеуші, электрик курстарын қосыңыздар.',
    decision: { decision: 'accepted' },
  },
  {
    citizen: 'olga',
    stance: null,
    organisation: 'ОФ «Темиртау — наш дом»',
    text: 'Предлагаем предусмотреть наставничество на предприятиях: АО «АрселорМиттал Темиртау» и малый бизнес готовы брать стажёров.',
    decision: {
      decision: 'partly_accepted',
      reason: 'Наставничество включено для малого бизнеса; договорённость с крупным предприятием требует отдельного меморандума.',
    },
  },
  { citizen: 'viktor', stance: 'object', text: 'Средства лучше направить на открытие молодёжного коворкинга — там и профориентация, и работа.' },
  { citizen: 'nadezhda', stance: 'support', text: 'Нужно отдельное внимание молодым мамам в декрете — им сложнее всего вернуться на работу.' },
  { citizen: 'asem', stance: 'support', text: 'Онлайн форматта да өткізу керек, Ақсу мен Екібастұздан келу қиын.' },
];

const REVIEWED_COMMENTS: CommentSpec[] = [
  {
    citizen: 'dana',
    stance: 'support',
    text: 'Мектептерде сабақ өткізу өте дұрыс. Ветеринарлық клиникалармен бірге тегін стерилизация күндерін өткізуді ұсынамын.',
    decision: { decision: 'accepted' },
  },
  {
    citizen: 'irina',
    stance: 'object',
    text: 'Пропаганда не поможет, нужны приюты и отлов. Против траты денег на уроки.',
    decision: {
      decision: 'rejected',
      reason:
        'Отлов и приюты финансируются из местного бюджета по другой программе; тема направлена на профилактику, которая по опыту снижает число безнадзорных животных.',
    },
  },
  {
    citizen: 'aliya',
    stance: 'support',
    text: 'Біз мектепте жануарларға қамқорлық үйірмесін ашқымыз келеді, жобаға қосылуға бола ма?',
    decision: { decision: 'partly_accepted', reason: 'Мектеп үйірмелері жобаға серіктес ретінде қосылады, бірақ жеке қаржыландыру қарастырылмаған.' },
  },
  {
    citizen: 'sergey',
    stance: null,
    text: 'Предлагаю добавить в тему обязательную регистрацию собак через eGov с напоминаниями о вакцинации.',
    decision: { decision: 'rejected', reason: 'Регистрация животных устанавливается нормативным актом и не может быть предметом социального заказа.' },
  },
];

export async function scheduleDiscussions(ctx: DemoContext): Promise<void> {
  const { s, tl } = ctx;
  const admin = () => ctx.staff('admin');
  const manager = () => ctx.staff('manager');
  const bodies = new Map<string, number>();
  const topicIds = new Map<Topic, number>();
  const cal = await s.calendar.calendar();

  /** The last day (counting back) whose 10-working-day discussion has ended `endedDaysAgo` days before now. */
  const publishedDaysAgo = (endedDaysAgo: number) => {
    for (let d = 14; d < 60; d += 1) if (earliestEnd(cal, tl.when(d, 10)).getTime() <= tl.when(endedDaysAgo, 9).getTime()) return d;
    return 60;
  };

  tl.add(tl.when(59, 9), 'state bodies', async () => {
    for (const b of BODIES) {
      const body = await s.discussions.stateBodies.create(ctx.actor(admin()), admin(), {
        code: b.code,
        nameKk: b.nameKk,
        nameRu: b.nameRu,
        regionId: ctx.region(b.region),
      });
      bodies.set(b.code, body.id);
    }
    // Citizens who asked to hear of new topics in their areas.
    await s.discussions.citizen.toggleSubscription(ctx.citizen('aigul').citizen.id, 'area', 6);
    await s.discussions.citizen.toggleSubscription(ctx.citizen('gulnara').citizen.id, 'area', 6);
    await s.discussions.citizen.toggleSubscription(ctx.citizen('erzhan').citizen.id, 'area', 8);
    await s.discussions.citizen.toggleSubscription(ctx.citizen('dana').citizen.id, 'region', ctx.region('astana'));
  });

  const year = Number(tl.when(0).toISOString().slice(0, 4)) + 1;
  const create = (t: Topic, at: Date) =>
    tl.add(at, `topic ${t.titleRu}`, async () => {
      const { body, ...fields } = t;
      const topic = await s.discussions.topics.create(ctx.actor(manager()), manager(), { ...fields, stateBodyId: bodies.get(body)!, year });
      topicIds.set(t, topic.id);
    });
  const publish = (t: Topic, at: Date) =>
    tl.add(at, `publish ${t.titleRu}`, () => s.discussions.topics.publish(ctx.actor(manager()), manager(), topicIds.get(t)!));
  /** Comments from the day after publication over `spreadDays` days, in the daytime as people write them. */
  const comments = (t: Topic, list: CommentSpec[], publishedDaysAgo: number, spreadDays: number) =>
    list.map((c, i) => {
      const ref: { id?: number } = {};
      const who = ctx.citizen(c.citizen);
      const day = 1 + Math.floor((i * (spreadDays - 1)) / list.length);
      tl.add(tl.when(publishedDaysAgo - day, 9 + ((i * 5) % 12), (i * 17) % 60), `comment ${c.citizen}`, async () => {
        const created = await s.discussions.citizen.comment(who.citizen.id, topicIds.get(t)!, {
          text: c.text,
          authorName: who.name,
          organisation: c.organisation ?? null,
          stance: c.stance,
        });
        ref.id = created.id;
      });
      return { spec: c, ref };
    });
  const decide = (t: Topic, made: ReturnType<typeof comments>, at: Date) =>
    made.forEach(({ spec, ref }, i) => {
      if (!spec.decision) return;
      tl.add(new Date(at.getTime() + i * 20 * 60_000), 'decision', () =>
        s.discussions.review.decide(ctx.actor(manager()), manager(), topicIds.get(t)!, ref.id!, spec.decision!),
      );
    });

  // Reviewed: ended about three weeks ago and reviewed within the 3 working days.
  const reviewedAgo = publishedDaysAgo(21);
  create(REVIEWED, tl.when(reviewedAgo + 2, 11));
  publish(REVIEWED, tl.when(reviewedAgo, 10));
  const reviewed = comments(REVIEWED, REVIEWED_COMMENTS, reviewedAgo, 9);
  decide(REVIEWED, reviewed, tl.when(19, 10));
  tl.add(tl.when(19, 16), 'review complete', () => s.discussions.review.complete(ctx.actor(manager()), manager(), topicIds.get(REVIEWED)!));

  // Ended two days ago: the review is under way.
  const closedAgo = publishedDaysAgo(2);
  create(CLOSED, tl.when(closedAgo + 1, 15));
  publish(CLOSED, tl.when(closedAgo, 10));
  const closed = comments(CLOSED, CLOSED_COMMENTS, closedAgo, 10);
  decide(CLOSED, closed, tl.when(1, 11));

  // Under discussion: published four days ago; one comment hidden by three citizens' flags.
  create(OPEN, tl.when(6, 12));
  publish(OPEN, tl.when(4, 10));
  const open = comments(OPEN, OPEN_COMMENTS, 4, 3);
  const rude = open.find((c) => c.spec.citizen === 'timur')!;
  ['aigul', 'gulnara', 'kairat'].forEach((key, i) =>
    tl.add(tl.when(0, 8, i), `flag by ${key}`, () => s.discussions.citizen.flag(ctx.citizen(key).citizen.id, rude.ref.id!)),
  );
  // One flag is not enough to hide a comment: it stays visible, its flag counted.
  tl.add(tl.when(1, 12), 'single flag', () =>
    s.discussions.citizen.flag(ctx.citizen('aigul').citizen.id, open.find((c) => c.spec.citizen === 'sergey')!.ref.id!),
  );

  create(DRAFT, tl.when(1, 17));
}
