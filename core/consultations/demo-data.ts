// The demo's knowledge base (published articles in both languages) and its consultations given by phone,
// in person and online, for the log and its totals (scheduled by demo.ts).
import type { AskerGroup } from '../../generated/prisma/enums.ts';
import type { OfflineChannel, OfflineResult } from './consultation-log.ts';

export const FAQ = [
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

export const OFFLINE: Array<{
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
