// The demo's people: one staff account per role (and operators for each demo region), and citizens of the
// demo regions who agreed to the processing of their data in the bot, half in Kazakh and half in Russian.
import type { Gender, StaffRole } from '../../generated/prisma/enums.ts';

export interface DemoStaffSpec {
  login: string;
  fullName: string;
  roles: StaffRole[];
  regionCode?: string;
  departmentCode?: string;
  locale: 'kk' | 'ru';
  /** what the account is for, printed at start */
  purpose: string;
}

/** Printed at start with the shared demo password. */
export const DEMO_STAFF: DemoStaffSpec[] = [
  {
    login: 'operator',
    fullName: 'Айгерім Сапарова',
    roles: ['operator'],
    regionCode: 'astana',
    locale: 'kk',
    purpose: 'akimat operator, Astana (every department)',
  },
  {
    login: 'operator.almaty',
    fullName: 'Ерлан Ахметов',
    roles: ['operator'],
    regionCode: 'almaty-city',
    locale: 'ru',
    purpose: 'akimat operator, Almaty city',
  },
  {
    login: 'operator.karaganda',
    fullName: 'Светлана Ковальчук',
    roles: ['operator'],
    regionCode: 'karaganda',
    locale: 'ru',
    purpose: 'akimat operator, Karaganda region',
  },
  {
    login: 'operator.shymkent',
    fullName: 'Бақытжан Әбдірахманов',
    roles: ['operator'],
    regionCode: 'shymkent',
    locale: 'kk',
    purpose: 'akimat operator, Shymkent',
  },
  {
    login: 'operator.pavlodar',
    fullName: 'Олег Мартыненко',
    roles: ['operator'],
    regionCode: 'pavlodar',
    departmentCode: 'housing-utilities',
    locale: 'ru',
    purpose: 'akimat operator, Pavlodar region, housing and utilities',
  },
  { login: 'consultant', fullName: 'Динара Қасымова', roles: ['consultant'], locale: 'kk', purpose: 'consultant of the civil resource centre' },
  { login: 'consultant.astana', fullName: 'Анна Литвиненко', roles: ['consultant'], regionCode: 'astana', locale: 'ru', purpose: 'consultant, Astana' },
  {
    login: 'manager',
    fullName: 'Нұрлан Бекқожин',
    roles: ['project_manager'],
    locale: 'kk',
    purpose: 'project manager: topics, volunteering, projects and polls',
  },
  {
    login: 'moderator',
    fullName: 'Мария Ким',
    roles: ['moderator'],
    locale: 'ru',
    purpose: 'moderator: flagged comments of topic discussions and of public reports; hides a report or withholds a photo through the API',
  },
  { login: 'expert', fullName: 'Ғалым Жұмабаев', roles: ['expert'], locale: 'kk', purpose: 'member of the expert council' },
];

export interface DemoCitizenSpec {
  key: string;
  name: string;
  locale: 'kk' | 'ru';
  gender: Gender;
  birthYear: number;
  socialStatus: string;
  regionCode: string;
  districtCode: string;
}

export const DEMO_CITIZENS: DemoCitizenSpec[] = [
  {
    key: 'aigul',
    name: 'Айгүл Нұрланқызы',
    locale: 'kk',
    gender: 'female',
    birthYear: 1988,
    socialStatus: 'public-sector-employees',
    regionCode: 'astana',
    districtCode: 'astana-yesil',
  },
  {
    key: 'sergey',
    name: 'Сергей Иванов',
    locale: 'ru',
    gender: 'male',
    birthYear: 1979,
    socialStatus: 'other',
    regionCode: 'astana',
    districtCode: 'astana-saryarka',
  },
  {
    key: 'dana',
    name: 'Дана Серікова',
    locale: 'kk',
    gender: 'female',
    birthYear: 2001,
    socialStatus: 'youth',
    regionCode: 'astana',
    districtCode: 'astana-almaty',
  },
  {
    key: 'timur',
    name: 'Тимур Омаров',
    locale: 'ru',
    gender: 'male',
    birthYear: 1993,
    socialStatus: 'business-representatives',
    regionCode: 'astana',
    districtCode: 'astana-baikonyr',
  },
  {
    key: 'gulnara',
    name: 'Гульнара Ахметова',
    locale: 'ru',
    gender: 'female',
    birthYear: 1961,
    socialStatus: 'older-people',
    regionCode: 'astana',
    districtCode: 'astana-yesil',
  },
  {
    key: 'arman',
    name: 'Арман Төлеуов',
    locale: 'kk',
    gender: 'male',
    birthYear: 1985,
    socialStatus: 'civil-servants',
    regionCode: 'almaty-city',
    districtCode: 'almaty-city-bostandyk',
  },
  {
    key: 'elena',
    name: 'Елена Петрова',
    locale: 'ru',
    gender: 'female',
    birthYear: 1974,
    socialStatus: 'public-sector-employees',
    regionCode: 'almaty-city',
    districtCode: 'almaty-city-auezov',
  },
  {
    key: 'madina',
    name: 'Мадина Исаева',
    locale: 'kk',
    gender: 'female',
    birthYear: 1998,
    socialStatus: 'youth',
    regionCode: 'almaty-city',
    districtCode: 'almaty-city-medeu',
  },
  {
    key: 'rustam',
    name: 'Рустам Ким',
    locale: 'ru',
    gender: 'male',
    birthYear: 1990,
    socialStatus: 'ngo-representatives',
    regionCode: 'almaty-city',
    districtCode: 'almaty-city-almaly',
  },
  {
    key: 'bolat',
    name: 'Болат Жақсыбеков',
    locale: 'kk',
    gender: 'male',
    birthYear: 1957,
    socialStatus: 'older-people',
    regionCode: 'almaty-city',
    districtCode: 'almaty-city-turksib',
  },
  {
    key: 'nadezhda',
    name: 'Надежда Смирнова',
    locale: 'ru',
    gender: 'female',
    birthYear: 1966,
    socialStatus: 'older-people',
    regionCode: 'karaganda',
    districtCode: 'karaganda-karaganda-city',
  },
  {
    key: 'erzhan',
    name: 'Ержан Мұқанов',
    locale: 'kk',
    gender: 'male',
    birthYear: 1983,
    socialStatus: 'unemployed',
    regionCode: 'karaganda',
    districtCode: 'karaganda-temirtau-city',
  },
  {
    key: 'viktor',
    name: 'Виктор Ли',
    locale: 'ru',
    gender: 'male',
    birthYear: 1995,
    socialStatus: 'youth',
    regionCode: 'karaganda',
    districtCode: 'karaganda-karaganda-city',
  },
  {
    key: 'saule',
    name: 'Сәуле Оспанова',
    locale: 'kk',
    gender: 'female',
    birthYear: 1987,
    socialStatus: 'people-with-disabilities',
    regionCode: 'shymkent',
    districtCode: 'shymkent-al-farabi',
  },
  {
    key: 'nurlybek',
    name: 'Нұрлыбек Сыздықов',
    locale: 'kk',
    gender: 'male',
    birthYear: 1999,
    socialStatus: 'youth',
    regionCode: 'shymkent',
    districtCode: 'shymkent-karatau',
  },
  {
    key: 'zarina',
    name: 'Зарина Юсупова',
    locale: 'ru',
    gender: 'female',
    birthYear: 1992,
    socialStatus: 'other',
    regionCode: 'shymkent',
    districtCode: 'shymkent-abai',
  },
  {
    key: 'andrey',
    name: 'Андрей Кузнецов',
    locale: 'ru',
    gender: 'male',
    birthYear: 1970,
    socialStatus: 'other',
    regionCode: 'pavlodar',
    districtCode: 'pavlodar-pavlodar-city',
  },
  {
    key: 'asem',
    name: 'Әсем Қайратқызы',
    locale: 'kk',
    gender: 'female',
    birthYear: 2003,
    socialStatus: 'youth',
    regionCode: 'pavlodar',
    districtCode: 'pavlodar-ekibastuz-city',
  },
  {
    key: 'kairat',
    name: 'Қайрат Әлиев',
    locale: 'kk',
    gender: 'male',
    birthYear: 1976,
    socialStatus: 'ngo-representatives',
    regionCode: 'astana',
    districtCode: 'astana-nura',
  },
  {
    key: 'olga',
    name: 'Ольга Сергеевна Белова',
    locale: 'ru',
    gender: 'female',
    birthYear: 1982,
    socialStatus: 'ngo-representatives',
    regionCode: 'karaganda',
    districtCode: 'karaganda-temirtau-city',
  },
  {
    key: 'aliya',
    name: 'Әлия Бекова',
    locale: 'kk',
    gender: 'female',
    birthYear: 2010,
    socialStatus: 'children',
    regionCode: 'astana',
    districtCode: 'astana-saryarka',
  },
  {
    key: 'daniyar',
    name: 'Данияр Әбенов',
    locale: 'kk',
    gender: 'male',
    birthYear: 1996,
    socialStatus: 'youth',
    regionCode: 'astana',
    districtCode: 'astana-almaty',
  },
  {
    key: 'irina',
    name: 'Ирина Волкова',
    locale: 'ru',
    gender: 'female',
    birthYear: 1989,
    socialStatus: 'public-sector-employees',
    regionCode: 'astana',
    districtCode: 'astana-yesil',
  },
  {
    key: 'marat',
    name: 'Марат Есенов',
    locale: 'ru',
    gender: 'male',
    birthYear: 1968,
    socialStatus: 'unemployed',
    regionCode: 'almaty-city',
    districtCode: 'almaty-city-zhetysu',
  },
];

/** Telegram ids of demo citizens: a block no real account is likely to have, so nothing reaches a real person. */
export const DEMO_TELEGRAM_BASE = 9_900_000_000;
