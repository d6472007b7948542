// The demo's questions from the bot, one in every state of the queue: waiting, overdue, held, answered,
// followed up, closed, rated (scheduled by demo.ts).
import type { AskerGroup } from '../../generated/prisma/enums.ts';

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

export const QUESTIONS: QuestionSpec[] = [
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
