// The three cities of republican significance with their city districts (sources: see regions.ts).
import type { RegionSeed } from './regions.ts';

export const cities: RegionSeed[] = [
  {
    code: 'astana',
    kind: 'city',
    nameKk: 'Астана қаласы',
    nameRu: 'город Астана',
    center: { lat: 51.1694, lon: 71.4491 },
    districts: [
      { code: 'astana-almaty', nameKk: 'Алматы ауданы', nameRu: 'район Алматы' },
      { code: 'astana-baikonyr', nameKk: 'Байқоңыр ауданы', nameRu: 'район Байконур' },
      { code: 'astana-yesil', nameKk: 'Есіл ауданы', nameRu: 'район Есиль' },
      { code: 'astana-saryarka', nameKk: 'Сарыарқа ауданы', nameRu: 'район Сарыарка' },
      { code: 'astana-nura', nameKk: 'Нұра ауданы', nameRu: 'район Нура' },
      // Sixth district, split from the southern part of Almaty district; name approved by the city maslikhat in Aug 2024.
      { code: 'astana-saraishyk', nameKk: 'Сарайшық ауданы', nameRu: 'район Сарайшык' },
    ],
  },
  {
    code: 'almaty-city',
    kind: 'city',
    nameKk: 'Алматы қаласы',
    nameRu: 'город Алматы',
    center: { lat: 43.238, lon: 76.9455 },
    districts: [
      { code: 'almaty-city-alatau', nameKk: 'Алатау ауданы', nameRu: 'Алатауский район' },
      { code: 'almaty-city-almaly', nameKk: 'Алмалы ауданы', nameRu: 'Алмалинский район' },
      { code: 'almaty-city-auezov', nameKk: 'Әуезов ауданы', nameRu: 'Ауэзовский район' },
      { code: 'almaty-city-bostandyk', nameKk: 'Бостандық ауданы', nameRu: 'Бостандыкский район' },
      { code: 'almaty-city-zhetysu', nameKk: 'Жетісу ауданы', nameRu: 'Жетысуский район' },
      { code: 'almaty-city-medeu', nameKk: 'Медеу ауданы', nameRu: 'Медеуский район' },
      { code: 'almaty-city-nauryzbai', nameKk: 'Наурызбай ауданы', nameRu: 'Наурызбайский район' },
      { code: 'almaty-city-turksib', nameKk: 'Түрксіб ауданы', nameRu: 'Турксибский район' },
    ],
  },
  {
    code: 'shymkent',
    kind: 'city',
    nameKk: 'Шымкент қаласы',
    nameRu: 'город Шымкент',
    center: { lat: 42.3167, lon: 69.5958 },
    districts: [
      { code: 'shymkent-abai', nameKk: 'Абай ауданы', nameRu: 'Абайский район' },
      { code: 'shymkent-al-farabi', nameKk: 'Әл-Фараби ауданы', nameRu: 'Аль-Фарабийский район' },
      { code: 'shymkent-yenbekshi', nameKk: 'Еңбекші ауданы', nameRu: 'Енбекшинский район' },
      { code: 'shymkent-karatau', nameKk: 'Қаратау ауданы', nameRu: 'Каратауский район' },
      { code: 'shymkent-turan', nameKk: 'Тұран ауданы', nameRu: 'район Туран' },
    ],
  },
];
