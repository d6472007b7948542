// The demo project's data: the participants who join by the link, the satisfaction questionnaire, the
// answers of its two waves, and the NGOs' own lists imported for the running and the finished project.
// demo.ts schedules them.
import type { QuestionInput } from '../polls/poll-rules.ts';

export const PARTICIPANTS = [
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

export const QUESTIONS: QuestionInput[] = [
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
export const WAVE_ANSWERS: Array<Array<[string, number, string, string[], 'yes' | 'no', string | null]>> = [
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

export const IMPORTED = `№;ФИО;Пол;Год рождения;Социальный статус;Телефон
1;Жанар Төлегенова;ж;1984;Лица с инвалидностью;+7 701 555 12 01
2;Павел Николаев;м;2012;Дети (в том числе дети с инвалидностью);
3;Гүлмира Сәрсенова;ж;1979;Безработные;+7 702 555 12 03
4;Айдос Нұрмағамбетов;м;2010;Дети (в том числе дети с инвалидностью);
5;Людмила Карпенко;ж;1958;Люди старшего возраста, в том числе пенсионеры;+7 705 555 12 05
6;Ерасыл Қуанышев;м;2011;Дети (в том числе дети с инвалидностью);
`;

export const FINISHED_LIST = `№;ФИО;Пол;Год рождения;Социальный статус;Телефон
1;Айбек Серікбаев;м;2004;Молодежь;+7 747 555 20 01
2;Анастасия Ким;ж;2002;Молодежь;+7 747 555 20 02
3;Дәулет Жанұзақов;м;2000;Безработные;+7 747 555 20 03
4;Ирина Шевченко;ж;1999;Безработные;
5;Нұржан Әлімов;м;2005;Молодежь;+7 747 555 20 05
6;Мадина Оспан;ж;2003;Молодежь;+7 747 555 20 06
`;
