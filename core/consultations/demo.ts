// The civil resource centre of the demo: a knowledge base in both languages, questions from the bot in every
// state of the queue (waiting, overdue, held, answered, followed up, closed, rated, self-served from the
// knowledge base) and consultations given by phone, in person and online, for the log and its totals.
import type { Question } from '../../generated/prisma/client.ts';
import type { AskerGroup } from '../../generated/prisma/enums.ts';
import type { OfflineChannel, OfflineResult } from './consultation-log.ts';
import type { DemoContext } from '../demo/demo-context.ts';

const FAQ = [
  {
    key: 'ngo-register',
    topic: 'ngo-registration-governance',
    titleKk: 'Қоғамдық бірлестікті қалай тіркеуге болады?',
    titleRu: 'Как зарегистрировать общественное объединение?',
    bodyKk:
      'Қоғамдық бірлестік әділет органында немесе eGov.kz порталы арқылы тіркеледі. Қажет: кемінде 10 құрылтайшы, құрылтай жиналысының хаттамасы, жарғы (екі данада), тіркеу алымын төлегені туралы түбіртек. Мерзімі — өтініш берген күннен бастап 10 жұмыс күні.',
    bodyRu:
      'Общественное объединение регистрируется в органе юстиции или через портал eGov.kz. Нужны: не менее 10 учредителей, протокол учредительного собрания, устав (в двух экземплярах), квитанция об оплате регистрационного сбора. Срок — 10 рабочих дней со дня подачи.',
  },
  {
    key: 'grant-apply',
    topic: 'state-social-order-grants',
    titleKk: 'Мемлекеттік әлеуметтік тапсырысқа қалай қатысуға болады?',
    titleRu: 'Как участвовать в государственном социальном заказе?',
    bodyKk:
      'Конкурс мемлекеттік сатып алу веб-порталында (goszakup.gov.kz) жарияланады. ҮЕҰ тіркелген болуы, салықтық берешегі болмауы және тақырып бойынша тәжірибесі болуы тиіс. Өтінімге жоба сипаттамасы, бюджет және күтілетін нәтижелер қосылады.',
    bodyRu:
      'Конкурс объявляется на веб-портале госзакупок (goszakup.gov.kz). НПО должна быть зарегистрирована, не иметь налоговой задолженности и иметь опыт по теме. К заявке прикладываются описание проекта, бюджет и ожидаемые результаты.',
  },
  {
    key: 'report-tax',
    topic: 'ngo-accounting-taxes-reporting',
    titleKk: 'ҮЕҰ қандай есептерді тапсырады?',
    titleRu: 'Какие отчёты сдаёт НПО?',
    bodyKk:
      'Жыл сайын 31 наурызға дейін — ҮЕҰ дерекқорына қызметі туралы мәліметтер; салық есептілігі (910.00 немесе 100.00 нысан); әлеуметтік жобаны іске асырса — грант берушіге аралық және қорытынды есептер.',
    bodyRu:
      'Ежегодно до 31 марта — сведения о деятельности в базу данных НПО; налоговая отчётность (форма 910.00 или 100.00); при реализации социального проекта — промежуточный и итоговый отчёты грантодателю.',
  },
  {
    key: 'volunteer-book',
    topic: 'volunteering',
    titleKk: 'Еріктілер кітапшасын қалай алуға болады?',
    titleRu: 'Как получить волонтёрскую книжку?',
    bodyKk:
      'Еріктілік қызметін растау үшін ұйымдастырушы сертификат береді. Азамат ботындағы «🏅» бөлімінде сіздің іс-шараларыңыз, сағаттарыңыз бен көмек алғандар саны көрсетіледі; ұйымдастырушы олардан үзінді шығара алады.',
    bodyRu:
      'Участие подтверждает организатор: он выдаёт сертификат. В боте «Азамат» в разделе «🏅» видны ваши мероприятия, часы и число людей, которым вы помогли; организатор может выгрузить из них справку.',
  },
];

type QuestionFate =
  | { kind: 'waiting' }
  | { kind: 'claimed'; afterH: number }
  | { kind: 'answered'; afterH: number; answer: string }
  | { kind: 'rated'; afterH: number; answer: string; rating: number; comment?: string }
  | { kind: 'followup'; afterH: number; answer: string; followUp: string }
  | { kind: 'referred' | 'not_in_scope'; afterH: number; note: string };

interface QuestionSpec {
  citizen: string;
  topic: string;
  group: AskerGroup;
  region: string | null;
  text: string;
  daysAgo: number;
  hour: number;
  consultant?: string;
  fate: QuestionFate;
}

const QUESTIONS: QuestionSpec[] = [
  {
    citizen: 'kairat',
    topic: 'ngo-registration-governance',
    group: 'initiative_group',
    region: 'astana',
    daysAgo: 0,
    hour: 9,
    text: 'Бастамашыл топпыз, ауылда балаларға арналған шахмат үйірмесін ашқымыз келеді. Қоғамдық қор ашқан дұрыс па, әлде бірлестік пе?',
    fate: { kind: 'waiting' },
  },
  {
    citizen: 'olga',
    topic: 'ngo-accounting-taxes-reporting',
    group: 'ngo',
    region: 'karaganda',
    daysAgo: 7,
    hour: 15,
    text: 'Наш фонд получил грант в прошлом году, бухгалтер уволился. Какую налоговую форму сдавать за год и до какого числа?',
    fate: { kind: 'waiting' },
  },
  {
    citizen: 'rustam',
    topic: 'state-social-order-grants',
    group: 'ngo',
    region: 'almaty-city',
    daysAgo: 2,
    hour: 11,
    text: 'Можно ли в бюджет проекта госсоцзаказа включить аренду помещения и зарплату координатора? Какой процент допустим?',
    fate: { kind: 'claimed', afterH: 20 },
  },
  {
    citizen: 'asem',
    topic: 'project-budgets',
    group: 'individual',
    region: 'pavlodar',
    daysAgo: 3,
    hour: 17,
    text: 'Жастар жобасына шағын грант алмақпыз. Бюджетті қандай бөлімдерге бөлу керек, үлгі бар ма?',
    fate: {
      kind: 'answered',
      afterH: 26,
      answer:
        'Бюджетті әдетте төрт бөлімге бөледі: еңбекақы, іс-шаралар шығындары, әкімшілік шығындар (10%-дан аспайды) және ақпараттық сүйемелдеу. Үлгіні ресурстық орталықтың сайтынан жүктей аласыз.',
    },
  },
  {
    citizen: 'elena',
    topic: 'legal-organisational',
    group: 'individual',
    region: 'almaty-city',
    daysAgo: 19,
    hour: 10,
    text: 'Хотим с соседями создать инициативную группу по благоустройству двора. Нужна ли регистрация, чтобы обращаться в акимат?',
    fate: {
      kind: 'rated',
      afterH: 5,
      answer:
        'Регистрация не нужна: инициативная группа может обращаться в акимат коллективным обращением за подписями жителей. Для получения грантов понадобится юридическое лицо — например, общественное объединение.',
      rating: 5,
      comment: 'Спасибо, всё понятно!',
    },
  },
  {
    citizen: 'madina',
    topic: 'volunteering',
    group: 'individual',
    region: 'almaty-city',
    daysAgo: 25,
    hour: 13,
    text: 'Еріктілік сағаттарын жұмыс берушіге немесе университетке қалай растай аламын?',
    fate: {
      kind: 'rated',
      afterH: 30,
      answer:
        'Ұйымдастырушы сізге сертификат береді: онда іс-шаралар, сағаттар мен көмек алғандар саны көрсетіледі. Боттағы «🏅» бөлімінде де өз есебіңізді көре аласыз.',
      rating: 4,
    },
  },
  {
    citizen: 'rustam',
    topic: 'state-social-order-grants',
    group: 'ngo',
    region: 'almaty-city',
    daysAgo: 12,
    hour: 9,
    text: 'Когда объявят конкурс госсоцзаказа на следующий год по направлению «поддержка людей с инвалидностью»?',
    fate: {
      kind: 'followup',
      afterH: 22,
      answer: 'План тем на следующий год сейчас на общественном обсуждении; конкурс объявляют после утверждения бюджета, обычно в январе–феврале.',
      followUp: 'А где посмотреть темы, которые обсуждаются? Можно ли предложить свою?',
    },
  },
  {
    citizen: 'marat',
    topic: 'other',
    group: 'individual',
    region: 'almaty-city',
    daysAgo: 15,
    hour: 12,
    text: 'Подскажите, как оформить пособие по безработице и куда идти, если в центре занятости очередь на месяц?',
    fate: {
      kind: 'referred',
      afterH: 4,
      note: 'Пособие оформляет центр занятости населения вашего района; записаться без очереди можно через enbek.kz. Мы передали ваш вопрос в отдел занятости и социальных программ.',
    },
  },
  {
    citizen: 'timur',
    topic: 'fundraising-sponsorship',
    group: 'business',
    region: 'astana',
    daysAgo: 9,
    hour: 16,
    text: 'Наша компания хочет спонсировать детский спортивный клуб. Как оформить, чтобы учесть расходы при налогообложении?',
    fate: {
      kind: 'rated',
      afterH: 50,
      answer:
        'Оформите договор спонсорской помощи с клубом (если он НПО). Расходы на спонсорскую помощь НПО относятся на вычеты в пределах 3% налогооблагаемого дохода (ст. 254 Налогового кодекса).',
      rating: 2,
      comment: 'Ответ долгий, хотелось бы образец договора.',
    },
  },
  {
    citizen: 'nurlybek',
    topic: 'media-pr',
    group: 'initiative_group',
    region: 'shymkent',
    daysAgo: 10,
    hour: 18,
    text: 'Біздің жастар ұйымының жаңалықтарын ақысыз қай жерде жариялауға болады?',
    fate: {
      kind: 'not_in_scope',
      afterH: 8,
      note: 'Бұл сұрақ ресурстық орталықтың тақырыптарына кірмейді, бірақ кеңес: облыстық жастар ресурстық орталығының парақшасы мен қалалық БАҚ-тың «Азаматтық бастамалар» айдарына жазыңыз.',
    },
  },
  {
    citizen: 'irina',
    topic: 'legal-organisational',
    group: 'individual',
    region: 'astana',
    daysAgo: 1,
    hour: 14,
    consultant: 'consultant.astana',
    text: 'Можно ли родительскому комитету школы открыть счёт для сбора средств на ремонт класса?',
    fate: { kind: 'claimed', afterH: 3 },
  },
  {
    citizen: 'saule',
    topic: 'legal-organisational',
    group: 'individual',
    region: 'shymkent',
    daysAgo: 4,
    hour: 10,
    text: 'Мүгедектігі бар адамдарға арналған қоғамдық бірлестік құрғымыз келеді. Құрылтайшылар саны қанша болуы керек?',
    fate: { kind: 'waiting' },
  },
];

const OFFLINE: Array<{
  daysAgo: number;
  channel: OfflineChannel;
  topic: string;
  group: AskerGroup;
  region: string | null;
  summary: string;
  result: OfflineResult;
  minutes: number;
  satisfaction: number | null;
}> = [
  {
    daysAgo: 3,
    channel: 'phone',
    topic: 'ngo-accounting-taxes-reporting',
    group: 'ngo',
    region: 'astana',
    summary: 'Сроки сдачи формы 910.00 для общественного фонда',
    result: 'answered',
    minutes: 0,
    satisfaction: 5,
  },
  {
    daysAgo: 6,
    channel: 'in_person',
    topic: 'ngo-registration-governance',
    group: 'initiative_group',
    region: 'astana',
    summary: 'Қоғамдық қорды тіркеу құжаттары, жарғы үлгісі берілді',
    result: 'answered',
    minutes: 0,
    satisfaction: 5,
  },
  {
    daysAgo: 10,
    channel: 'online_meeting',
    topic: 'state-social-order-grants',
    group: 'ngo',
    region: 'karaganda',
    summary: 'Вебинар-консультация по заявке на госсоцзаказ: бюджет и индикаторы',
    result: 'answered',
    minutes: 0,
    satisfaction: 4,
  },
  {
    daysAgo: 17,
    channel: 'phone',
    topic: 'legal-organisational',
    group: 'individual',
    region: 'pavlodar',
    summary: 'Тұрғын үй кооперативі мен КСК айырмашылығы',
    result: 'referred',
    minutes: 0,
    satisfaction: 3,
  },
  {
    daysAgo: 24,
    channel: 'in_person',
    topic: 'project-budgets',
    group: 'ngo',
    region: 'almaty-city',
    summary: 'Проверка сметы социального проекта перед подачей',
    result: 'answered',
    minutes: 0,
    satisfaction: 5,
  },
  {
    daysAgo: 33,
    channel: 'phone',
    topic: 'media-pr',
    group: 'ngo',
    region: 'shymkent',
    summary: 'Әлеуметтік желілерде жобаны ілгерілету бойынша кеңес',
    result: 'answered',
    minutes: 0,
    satisfaction: null,
  },
  {
    daysAgo: 41,
    channel: 'online_meeting',
    topic: 'fundraising-sponsorship',
    group: 'ngo',
    region: null,
    summary: 'Краудфандинг для НПО: платформы и отчётность перед донорами',
    result: 'answered',
    minutes: 0,
    satisfaction: 4,
  },
  {
    daysAgo: 52,
    channel: 'in_person',
    topic: 'other',
    group: 'state_body',
    region: 'astana',
    summary: 'Вопрос о субсидировании ЖКУ — вне компетенции центра',
    result: 'not_in_scope',
    minutes: 0,
    satisfaction: null,
  },
];

export function scheduleConsultations(ctx: DemoContext): void {
  const { s, tl } = ctx;
  const admin = () => ctx.staff('admin');
  const consultant = () => ctx.staff('consultant');

  FAQ.forEach((a, i) => {
    tl.add(tl.when(58 - i * 3, 11), `faq ${a.key}`, () =>
      s.faq.create(ctx.actor(consultant()), consultant(), {
        topicId: ctx.consultationTopic(a.topic),
        titleKk: a.titleKk,
        titleRu: a.titleRu,
        bodyKk: a.bodyKk,
        bodyRu: a.bodyRu,
        published: true,
      }),
    );
  });
  tl.add(tl.when(2, 16), 'faq draft', () =>
    s.faq.create(ctx.actor(consultant()), consultant(), {
      topicId: ctx.consultationTopic('fundraising-sponsorship'),
      titleKk: 'Демеушілік көмекті қалай рәсімдеу керек?',
      titleRu: 'Как оформить спонсорскую помощь?',
      bodyKk: 'Демеушілік көмек шарты жасалады; ҮЕҰ-ға берілген көмек салық салынатын табыстың 3%-ы шегінде шегеріледі.',
      bodyRu: 'Заключается договор спонсорской помощи; помощь НПО относится на вычеты в пределах 3% налогооблагаемого дохода.',
      published: false,
    }),
  );

  for (const [i, q] of QUESTIONS.entries()) {
    const author = ctx.citizen(q.citizen);
    const asked = tl.when(q.daysAgo, q.hour, 5 + i);
    const after = (h: number) => new Date(asked.getTime() + h * 3_600_000);
    const staff = () => ctx.staff(q.consultant ?? 'consultant');
    let question: Question | undefined;
    tl.add(asked, `question ${i}`, async () => {
      question = await s.questionCitizen.ask(author.citizen.id, {
        topicId: ctx.consultationTopic(q.topic),
        askerGroup: q.group,
        regionId: q.region ? ctx.region(q.region) : null,
        text: q.text,
      });
    });
    const f = q.fate;
    if (f.kind === 'waiting') continue;
    tl.add(after(f.afterH), `claim ${i}`, () => s.questionStaff.claim(ctx.actor(staff()), staff(), question!.id));
    if (f.kind === 'claimed') continue;
    if ('note' in f) {
      tl.add(after(f.afterH + 0.3), `close ${i}`, () => s.questionStaff.close(ctx.actor(staff()), staff(), question!.id, { result: f.kind, note: f.note }));
      continue;
    }
    const answer = f.answer;
    tl.add(after(f.afterH + 0.5), `answer ${i}`, () =>
      s.questionStaff.answer(ctx.actor(staff()), staff(), question!.id, {
        text: answer,
        ...(q.topic === 'state-social-order-grants'
          ? { attachment: { url: 'https://adilet.zan.kz/kaz/docs/V2000020934', title: 'Мемлекеттік әлеуметтік тапсырысты қалыптастыру қағидалары' } }
          : {}),
      }),
    );
    if (f.kind === 'rated') tl.add(after(f.afterH + 20), `rate ${i}`, () => s.questionCitizen.rate(author.citizen.id, question!.id, f.rating, f.comment));
    if (f.kind === 'followup') tl.add(after(f.afterH + 6), `follow-up ${i}`, () => s.questionCitizen.followUp(author.citizen.id, question!.id, f.followUp));
  }

  // A citizen whose question the knowledge base answered before it reached the queue.
  tl.add(tl.when(5, 12), 'self-served', async () => {
    const article = await s.prisma.faqArticle.findFirstOrThrow({ where: { titleRu: 'Как зарегистрировать общественное объединение?' } });
    await s.questionCitizen.selfServed(
      ctx.citizen('daniyar').citizen.id,
      { topicId: article.topicId, askerGroup: 'initiative_group', regionId: ctx.region('astana'), text: 'Қоғамдық бірлестікті тіркеу үшін не керек?' },
      article.id,
    );
  });

  for (const [i, o] of OFFLINE.entries()) {
    tl.add(tl.when(o.daysAgo, 15), `offline ${i}`, () =>
      s.consultationLog.create(ctx.actor(admin()), admin(), {
        date: tl.when(o.daysAgo, 11),
        channel: o.channel,
        topicId: ctx.consultationTopic(o.topic),
        askerGroup: o.group,
        regionId: o.region ? ctx.region(o.region) : null,
        consultantId: ctx.staff(o.region === 'astana' ? 'consultant.astana' : 'consultant').id,
        summary: o.summary,
        result: o.result,
        responseMinutes: o.minutes,
        satisfaction: o.satisfaction,
      }),
    );
  }
}
