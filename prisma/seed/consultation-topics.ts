// Source: DOMAIN.md § "Civil resource centres (seed 002)" — recurring consultation topics; area codes from areas.ts (seed 003 L413–486).

export interface ConsultationTopicSeed {
  code: string;
  nameKk: string;
  nameRu: string;
  /** Closest of the 19 areas of the state social order (areas.ts). */
  areaCode: number;
}

export const consultationTopics: ConsultationTopicSeed[] = [
  {
    code: 'legal-organisational',
    nameKk: 'Құқықтық және ұйымдастырушылық мәселелер',
    nameRu: 'Правовые и организационные вопросы',
    areaCode: 9, // rights and lawful interests of citizens and organisations
  },
  {
    code: 'ngo-registration-governance',
    nameKk: 'ҮЕҰ-ны тіркеу және басқару',
    nameRu: 'Регистрация НПО и управление организацией',
    areaCode: 15, // civil-society development, NGO effectiveness
  },
  {
    code: 'ngo-accounting-taxes-reporting',
    nameKk: 'ҮЕҰ-ның бухгалтерлік есебі, салық салу және есептілігі',
    nameRu: 'Бухгалтерский учет, налогообложение и отчетность НПО',
    areaCode: 15,
  },
  {
    code: 'project-budgets',
    nameKk: 'Жоба бюджетін жасау',
    nameRu: 'Бюджетирование проектов',
    areaCode: 15,
  },
  {
    code: 'state-social-order-grants',
    nameKk: 'Мемлекеттік әлеуметтік тапсырыс және гранттар',
    nameRu: 'Государственный социальный заказ и гранты',
    areaCode: 15,
  },
  {
    code: 'fundraising-sponsorship',
    nameKk: 'Қаражат тарту (фандрайзинг) және демеушілік',
    nameRu: 'Фандрайзинг и спонсорство',
    areaCode: 15,
  },
  {
    code: 'volunteering',
    nameKk: 'Волонтерлік қызмет',
    nameRu: 'Волонтерская деятельность',
    areaCode: 16, // volunteer initiatives
  },
  {
    code: 'media-pr',
    nameKk: 'БАҚ-пен жұмыс және PR',
    nameRu: 'Работа со СМИ и PR',
    areaCode: 15, // NGO capacity building (area 1 "information" is about the information sphere, not NGO PR)
  },
  {
    code: 'other',
    nameKk: 'Басқа мәселелер',
    nameRu: 'Другие вопросы',
    areaCode: 19,
  },
];
