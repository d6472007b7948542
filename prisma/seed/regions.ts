// Source: DOMAIN.md § "Regions (2024 division: 17 oblasts + 3 cities of republican significance)"; district lists from the 2022–2024 presidential
// decrees on administrative-territorial structure (best knowledge, see notes).

/** A district (аудан / район) or a city of oblast significance (қала / город), or a city district of a city of republican significance. */
export interface DistrictSeed {
  /** Stable ASCII slug, unique in the whole country: `<region>-<name>`; cities of oblast significance end in `-city`. */
  code: string;
  nameKk: string;
  nameRu: string;
}

export interface RegionSeed {
  /** Stable ASCII slug, e.g. 'astana', 'almaty-city', 'abai'. */
  code: string;
  /** 'city' = city of republican significance, 'oblast' = region (облыс / область). */
  kind: 'city' | 'oblast';
  nameKk: string;
  nameRu: string;
  /** Coordinates of the administrative centre (WGS 84, decimal degrees, approx. city centre). */
  center: { lat: number; lon: number };
  districts: DistrictSeed[];
}

export const regions: RegionSeed[] = [
  // ───────────── Cities of republican significance ─────────────
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

  // ───────────── Oblasts ─────────────
  {
    code: 'abai',
    kind: 'oblast',
    nameKk: 'Абай облысы',
    nameRu: 'Абайская область',
    center: { lat: 50.4111, lon: 80.2275 }, // Семей
    districts: [
      { code: 'abai-semey-city', nameKk: 'Семей қаласы', nameRu: 'город Семей' },
      { code: 'abai-kurchatov-city', nameKk: 'Курчатов қаласы', nameRu: 'город Курчатов' },
      { code: 'abai-abai', nameKk: 'Абай ауданы', nameRu: 'Абайский район' },
      { code: 'abai-aksuat', nameKk: 'Ақсуат ауданы', nameRu: 'район Аксуат' },
      { code: 'abai-ayagoz', nameKk: 'Аягөз ауданы', nameRu: 'Аягозский район' },
      { code: 'abai-beskaragai', nameKk: 'Бесқарағай ауданы', nameRu: 'Бескарагайский район' },
      { code: 'abai-borodulikha', nameKk: 'Бородулиха ауданы', nameRu: 'Бородулихинский район' },
      // Formed in 2024 from rural districts of Semey city.
      { code: 'abai-zhanasemey', nameKk: 'Жаңасемей ауданы', nameRu: 'район Жанасемей' },
      { code: 'abai-zharma', nameKk: 'Жарма ауданы', nameRu: 'Жарминский район' },
      { code: 'abai-kokpekty', nameKk: 'Көкпекті ауданы', nameRu: 'Кокпектинский район' },
      // Formed in 2024 from Urzhar district.
      { code: 'abai-makanshy', nameKk: 'Мақаншы ауданы', nameRu: 'район Маканшы' },
      { code: 'abai-urzhar', nameKk: 'Үржар ауданы', nameRu: 'Урджарский район' },
    ],
  },
  {
    code: 'akmola',
    kind: 'oblast',
    nameKk: 'Ақмола облысы',
    nameRu: 'Акмолинская область',
    center: { lat: 53.2917, lon: 69.3917 }, // Көкшетау
    districts: [
      { code: 'akmola-kokshetau-city', nameKk: 'Көкшетау қаласы', nameRu: 'город Кокшетау' },
      { code: 'akmola-stepnogorsk-city', nameKk: 'Степногорск қаласы', nameRu: 'город Степногорск' },
      // City of oblast significance since July 2021 (split from Tselinograd district).
      { code: 'akmola-kosshy-city', nameKk: 'Қосшы қаласы', nameRu: 'город Косшы' },
      { code: 'akmola-akkol', nameKk: 'Ақкөл ауданы', nameRu: 'Аккольский район' },
      { code: 'akmola-arshaly', nameKk: 'Аршалы ауданы', nameRu: 'Аршалынский район' },
      { code: 'akmola-astrakhan', nameKk: 'Астрахан ауданы', nameRu: 'Астраханский район' },
      { code: 'akmola-atbasar', nameKk: 'Атбасар ауданы', nameRu: 'Атбасарский район' },
      { code: 'akmola-birzhan-sal', nameKk: 'Біржан сал ауданы', nameRu: 'район Биржан сал' },
      { code: 'akmola-bulandy', nameKk: 'Бұланды ауданы', nameRu: 'Буландынский район' },
      { code: 'akmola-burabai', nameKk: 'Бурабай ауданы', nameRu: 'Бурабайский район' },
      { code: 'akmola-yegindykol', nameKk: 'Егіндікөл ауданы', nameRu: 'Егиндыкольский район' },
      { code: 'akmola-yereymentau', nameKk: 'Ерейментау ауданы', nameRu: 'Ерейментауский район' },
      { code: 'akmola-yesil', nameKk: 'Есіл ауданы', nameRu: 'Есильский район' },
      { code: 'akmola-zhaksy', nameKk: 'Жақсы ауданы', nameRu: 'Жаксынский район' },
      { code: 'akmola-zharkain', nameKk: 'Жарқайың ауданы', nameRu: 'Жаркаинский район' },
      { code: 'akmola-zerendi', nameKk: 'Зеренді ауданы', nameRu: 'Зерендинский район' },
      { code: 'akmola-korgalzhyn', nameKk: 'Қорғалжын ауданы', nameRu: 'Коргалжынский район' },
      { code: 'akmola-sandyktau', nameKk: 'Сандықтау ауданы', nameRu: 'Сандыктауский район' },
      { code: 'akmola-tselinograd', nameKk: 'Целиноград ауданы', nameRu: 'Целиноградский район' },
      { code: 'akmola-shortandy', nameKk: 'Шортанды ауданы', nameRu: 'Шортандинский район' },
    ],
  },
  {
    code: 'aktobe',
    kind: 'oblast',
    nameKk: 'Ақтөбе облысы',
    nameRu: 'Актюбинская область',
    center: { lat: 50.2833, lon: 57.1667 }, // Ақтөбе
    districts: [
      { code: 'aktobe-aktobe-city', nameKk: 'Ақтөбе қаласы', nameRu: 'город Актобе' },
      { code: 'aktobe-aiteke-bi', nameKk: 'Әйтеке би ауданы', nameRu: 'Айтекебийский район' },
      { code: 'aktobe-alga', nameKk: 'Алға ауданы', nameRu: 'Алгинский район' },
      { code: 'aktobe-baiganin', nameKk: 'Байғанин ауданы', nameRu: 'Байганинский район' },
      { code: 'aktobe-irgiz', nameKk: 'Ырғыз ауданы', nameRu: 'Иргизский район' },
      { code: 'aktobe-kargaly', nameKk: 'Қарғалы ауданы', nameRu: 'Каргалинский район' },
      { code: 'aktobe-khobda', nameKk: 'Қобда ауданы', nameRu: 'Хобдинский район' },
      { code: 'aktobe-martok', nameKk: 'Мәртөк ауданы', nameRu: 'Мартукский район' },
      { code: 'aktobe-mugalzhar', nameKk: 'Мұғалжар ауданы', nameRu: 'Мугалжарский район' },
      { code: 'aktobe-temir', nameKk: 'Темір ауданы', nameRu: 'Темирский район' },
      { code: 'aktobe-uil', nameKk: 'Ойыл ауданы', nameRu: 'Уилский район' },
      { code: 'aktobe-khromtau', nameKk: 'Хромтау ауданы', nameRu: 'Хромтауский район' },
      { code: 'aktobe-shalkar', nameKk: 'Шалқар ауданы', nameRu: 'Шалкарский район' },
    ],
  },
  {
    code: 'almaty-oblast',
    kind: 'oblast',
    nameKk: 'Алматы облысы',
    nameRu: 'Алматинская область',
    center: { lat: 43.8667, lon: 77.0667 }, // Қонаев (centre since 2022)
    districts: [
      { code: 'almaty-oblast-konaev-city', nameKk: 'Қонаев қаласы', nameRu: 'город Конаев' },
      // City of oblast significance since Jan 2024 (former village Zhetygen, Ile district); special status by decree of Sept 2025.
      { code: 'almaty-oblast-alatau-city', nameKk: 'Алатау қаласы', nameRu: 'город Алатау' },
      { code: 'almaty-oblast-balkhash', nameKk: 'Балқаш ауданы', nameRu: 'Балхашский район' },
      { code: 'almaty-oblast-yenbekshikazakh', nameKk: 'Еңбекшіқазақ ауданы', nameRu: 'Енбекшиказахский район' },
      { code: 'almaty-oblast-zhambyl', nameKk: 'Жамбыл ауданы', nameRu: 'Жамбылский район' },
      { code: 'almaty-oblast-ile', nameKk: 'Іле ауданы', nameRu: 'Илийский район' },
      { code: 'almaty-oblast-karasai', nameKk: 'Қарасай ауданы', nameRu: 'Карасайский район' },
      { code: 'almaty-oblast-kegen', nameKk: 'Кеген ауданы', nameRu: 'Кегенский район' },
      { code: 'almaty-oblast-raiymbek', nameKk: 'Райымбек ауданы', nameRu: 'Райымбекский район' },
      { code: 'almaty-oblast-talgar', nameKk: 'Талғар ауданы', nameRu: 'Талгарский район' },
      { code: 'almaty-oblast-uigur', nameKk: 'Ұйғыр ауданы', nameRu: 'Уйгурский район' },
    ],
  },
  {
    code: 'atyrau',
    kind: 'oblast',
    nameKk: 'Атырау облысы',
    nameRu: 'Атырауская область',
    center: { lat: 47.1167, lon: 51.8833 }, // Атырау
    districts: [
      { code: 'atyrau-atyrau-city', nameKk: 'Атырау қаласы', nameRu: 'город Атырау' },
      { code: 'atyrau-zhylyoi', nameKk: 'Жылыой ауданы', nameRu: 'Жылыойский район' },
      { code: 'atyrau-inder', nameKk: 'Индер ауданы', nameRu: 'Индерский район' },
      { code: 'atyrau-isatai', nameKk: 'Исатай ауданы', nameRu: 'Исатайский район' },
      { code: 'atyrau-kurmangazy', nameKk: 'Құрманғазы ауданы', nameRu: 'Курмангазинский район' },
      { code: 'atyrau-kyzylkoga', nameKk: 'Қызылқоға ауданы', nameRu: 'Кызылкогинский район' },
      { code: 'atyrau-makat', nameKk: 'Мақат ауданы', nameRu: 'Макатский район' },
      { code: 'atyrau-makhambet', nameKk: 'Махамбет ауданы', nameRu: 'Махамбетский район' },
    ],
  },
  {
    code: 'east-kazakhstan',
    kind: 'oblast',
    nameKk: 'Шығыс Қазақстан облысы',
    nameRu: 'Восточно-Казахстанская область',
    center: { lat: 49.9483, lon: 82.6279 }, // Өскемен
    districts: [
      { code: 'east-kazakhstan-oskemen-city', nameKk: 'Өскемен қаласы', nameRu: 'город Усть-Каменогорск' },
      { code: 'east-kazakhstan-ridder-city', nameKk: 'Риддер қаласы', nameRu: 'город Риддер' },
      { code: 'east-kazakhstan-altai', nameKk: 'Алтай ауданы', nameRu: 'Алтайский район' },
      { code: 'east-kazakhstan-glubokoe', nameKk: 'Глубокое ауданы', nameRu: 'Глубоковский район' },
      { code: 'east-kazakhstan-zaisan', nameKk: 'Зайсан ауданы', nameRu: 'Зайсанский район' },
      { code: 'east-kazakhstan-katonkaragai', nameKk: 'Катонқарағай ауданы', nameRu: 'Катон-Карагайский район' },
      { code: 'east-kazakhstan-kurshim', nameKk: 'Күршім ауданы', nameRu: 'Курчумский район' },
      // Formed in 2024 from Kurshim district.
      { code: 'east-kazakhstan-markakol', nameKk: 'Марқакөл ауданы', nameRu: 'район Маркаколь' },
      // Re-formed in 2022.
      { code: 'east-kazakhstan-samar', nameKk: 'Самар ауданы', nameRu: 'район Самар' },
      { code: 'east-kazakhstan-tarbagatai', nameKk: 'Тарбағатай ауданы', nameRu: 'Тарбагатайский район' },
      { code: 'east-kazakhstan-ulan', nameKk: 'Ұлан ауданы', nameRu: 'Уланский район' },
      // Formed in 2024 from Katonkaragai district.
      { code: 'east-kazakhstan-ulken-naryn', nameKk: 'Үлкен Нарын ауданы', nameRu: 'район Улкен Нарын' },
      { code: 'east-kazakhstan-shemonaikha', nameKk: 'Шемонаиха ауданы', nameRu: 'Шемонаихинский район' },
    ],
  },
  {
    code: 'zhambyl',
    kind: 'oblast',
    nameKk: 'Жамбыл облысы',
    nameRu: 'Жамбылская область',
    center: { lat: 42.9, lon: 71.3667 }, // Тараз
    districts: [
      { code: 'zhambyl-taraz-city', nameKk: 'Тараз қаласы', nameRu: 'город Тараз' },
      { code: 'zhambyl-baizak', nameKk: 'Байзақ ауданы', nameRu: 'Байзакский район' },
      { code: 'zhambyl-zhambyl', nameKk: 'Жамбыл ауданы', nameRu: 'Жамбылский район' },
      { code: 'zhambyl-zhualy', nameKk: 'Жуалы ауданы', nameRu: 'Жуалынский район' },
      { code: 'zhambyl-kordai', nameKk: 'Қордай ауданы', nameRu: 'Кордайский район' },
      { code: 'zhambyl-merke', nameKk: 'Меркі ауданы', nameRu: 'Меркенский район' },
      { code: 'zhambyl-moiynkum', nameKk: 'Мойынқұм ауданы', nameRu: 'Мойынкумский район' },
      { code: 'zhambyl-sarysu', nameKk: 'Сарысу ауданы', nameRu: 'Сарысуский район' },
      { code: 'zhambyl-talas', nameKk: 'Талас ауданы', nameRu: 'Таласский район' },
      { code: 'zhambyl-turar-ryskulov', nameKk: 'Тұрар Рысқұлов ауданы', nameRu: 'район Турара Рыскулова' },
      { code: 'zhambyl-shu', nameKk: 'Шу ауданы', nameRu: 'Шуский район' },
    ],
  },
  {
    code: 'zhetysu',
    kind: 'oblast',
    nameKk: 'Жетісу облысы',
    nameRu: 'Жетысуская область',
    center: { lat: 45.0167, lon: 78.3667 }, // Талдықорған
    districts: [
      { code: 'zhetysu-taldykorgan-city', nameKk: 'Талдықорған қаласы', nameRu: 'город Талдыкорган' },
      { code: 'zhetysu-tekeli-city', nameKk: 'Текелі қаласы', nameRu: 'город Текели' },
      { code: 'zhetysu-aksu', nameKk: 'Ақсу ауданы', nameRu: 'Аксуский район' },
      { code: 'zhetysu-alakol', nameKk: 'Алакөл ауданы', nameRu: 'Алакольский район' },
      { code: 'zhetysu-yeskeldi', nameKk: 'Ескелді ауданы', nameRu: 'Ескельдинский район' },
      { code: 'zhetysu-karatal', nameKk: 'Қаратал ауданы', nameRu: 'Каратальский район' },
      { code: 'zhetysu-kerbulak', nameKk: 'Кербұлақ ауданы', nameRu: 'Кербулакский район' },
      { code: 'zhetysu-koksu', nameKk: 'Көксу ауданы', nameRu: 'Коксуский район' },
      { code: 'zhetysu-panfilov', nameKk: 'Панфилов ауданы', nameRu: 'Панфиловский район' },
      { code: 'zhetysu-sarkan', nameKk: 'Сарқан ауданы', nameRu: 'Саркандский район' },
    ],
  },
  {
    code: 'west-kazakhstan',
    kind: 'oblast',
    nameKk: 'Батыс Қазақстан облысы',
    nameRu: 'Западно-Казахстанская область',
    center: { lat: 51.2333, lon: 51.3667 }, // Орал
    districts: [
      { code: 'west-kazakhstan-oral-city', nameKk: 'Орал қаласы', nameRu: 'город Уральск' },
      { code: 'west-kazakhstan-akzhaik', nameKk: 'Ақжайық ауданы', nameRu: 'Акжаикский район' },
      { code: 'west-kazakhstan-baiterek', nameKk: 'Бәйтерек ауданы', nameRu: 'Байтерекский район' },
      { code: 'west-kazakhstan-bokei-orda', nameKk: 'Бөкей ордасы ауданы', nameRu: 'Бокейординский район' },
      { code: 'west-kazakhstan-burli', nameKk: 'Бөрлі ауданы', nameRu: 'Бурлинский район' },
      { code: 'west-kazakhstan-zhangala', nameKk: 'Жаңақала ауданы', nameRu: 'Жангалинский район' },
      { code: 'west-kazakhstan-zhanibek', nameKk: 'Жәнібек ауданы', nameRu: 'Жанибекский район' },
      { code: 'west-kazakhstan-kaztalov', nameKk: 'Казталов ауданы', nameRu: 'Казталовский район' },
      { code: 'west-kazakhstan-karatobe', nameKk: 'Қаратөбе ауданы', nameRu: 'Каратобинский район' },
      { code: 'west-kazakhstan-syrym', nameKk: 'Сырым ауданы', nameRu: 'Сырымский район' },
      { code: 'west-kazakhstan-taskala', nameKk: 'Тасқала ауданы', nameRu: 'Таскалинский район' },
      { code: 'west-kazakhstan-terekti', nameKk: 'Теректі ауданы', nameRu: 'Теректинский район' },
      { code: 'west-kazakhstan-shyngyrlau', nameKk: 'Шыңғырлау ауданы', nameRu: 'Чингирлауский район' },
    ],
  },
  {
    code: 'karaganda',
    kind: 'oblast',
    nameKk: 'Қарағанды облысы',
    nameRu: 'Карагандинская область',
    center: { lat: 49.8019, lon: 73.1021 }, // Қарағанды
    districts: [
      { code: 'karaganda-karaganda-city', nameKk: 'Қарағанды қаласы', nameRu: 'город Караганда' },
      { code: 'karaganda-balkhash-city', nameKk: 'Балқаш қаласы', nameRu: 'город Балхаш' },
      { code: 'karaganda-priozersk-city', nameKk: 'Приозерск қаласы', nameRu: 'город Приозерск' },
      { code: 'karaganda-saran-city', nameKk: 'Саран қаласы', nameRu: 'город Сарань' },
      { code: 'karaganda-temirtau-city', nameKk: 'Теміртау қаласы', nameRu: 'город Темиртау' },
      { code: 'karaganda-shakhtinsk-city', nameKk: 'Шахтинск қаласы', nameRu: 'город Шахтинск' },
      { code: 'karaganda-abai', nameKk: 'Абай ауданы', nameRu: 'Абайский район' },
      { code: 'karaganda-aktogai', nameKk: 'Ақтоғай ауданы', nameRu: 'Актогайский район' },
      { code: 'karaganda-bukhar-zhyrau', nameKk: 'Бұқар жырау ауданы', nameRu: 'Бухар-Жырауский район' },
      { code: 'karaganda-karkaraly', nameKk: 'Қарқаралы ауданы', nameRu: 'Каркаралинский район' },
      { code: 'karaganda-nura', nameKk: 'Нұра ауданы', nameRu: 'Нуринский район' },
      { code: 'karaganda-osakarov', nameKk: 'Осакаров ауданы', nameRu: 'Осакаровский район' },
      { code: 'karaganda-shet', nameKk: 'Шет ауданы', nameRu: 'Шетский район' },
    ],
  },
  {
    code: 'kostanay',
    kind: 'oblast',
    nameKk: 'Қостанай облысы',
    nameRu: 'Костанайская область',
    center: { lat: 53.2192, lon: 63.6342 }, // Қостанай
    districts: [
      { code: 'kostanay-kostanay-city', nameKk: 'Қостанай қаласы', nameRu: 'город Костанай' },
      { code: 'kostanay-arkalyk-city', nameKk: 'Арқалық қаласы', nameRu: 'город Аркалык' },
      { code: 'kostanay-lisakovsk-city', nameKk: 'Лисаков қаласы', nameRu: 'город Лисаковск' },
      { code: 'kostanay-rudny-city', nameKk: 'Рудный қаласы', nameRu: 'город Рудный' },
      { code: 'kostanay-altynsarin', nameKk: 'Алтынсарин ауданы', nameRu: 'Алтынсаринский район' },
      { code: 'kostanay-amangeldi', nameKk: 'Амангелді ауданы', nameRu: 'Амангельдинский район' },
      { code: 'kostanay-auliekol', nameKk: 'Әулиекөл ауданы', nameRu: 'Аулиекольский район' },
      { code: 'kostanay-beimbet-mailin', nameKk: 'Бейімбет Майлин ауданы', nameRu: 'район Беимбета Майлина' },
      { code: 'kostanay-denisov', nameKk: 'Денисов ауданы', nameRu: 'Денисовский район' },
      { code: 'kostanay-zhangeldin', nameKk: 'Жангелдин ауданы', nameRu: 'Джангельдинский район' },
      { code: 'kostanay-zhitikara', nameKk: 'Жітіқара ауданы', nameRu: 'Житикаринский район' },
      { code: 'kostanay-kamysty', nameKk: 'Қамысты ауданы', nameRu: 'Камыстинский район' },
      { code: 'kostanay-karabalyk', nameKk: 'Қарабалық ауданы', nameRu: 'Карабалыкский район' },
      { code: 'kostanay-karasu', nameKk: 'Қарасу ауданы', nameRu: 'Карасуский район' },
      { code: 'kostanay-kostanay', nameKk: 'Қостанай ауданы', nameRu: 'Костанайский район' },
      { code: 'kostanay-mendykara', nameKk: 'Меңдіқара ауданы', nameRu: 'Мендыкаринский район' },
      { code: 'kostanay-naurzym', nameKk: 'Наурызым ауданы', nameRu: 'Наурзумский район' },
      { code: 'kostanay-sarykol', nameKk: 'Сарыкөл ауданы', nameRu: 'Сарыкольский район' },
      { code: 'kostanay-uzunkol', nameKk: 'Ұзынкөл ауданы', nameRu: 'Узункольский район' },
      { code: 'kostanay-fedorov', nameKk: 'Федоров ауданы', nameRu: 'Федоровский район' },
    ],
  },
  {
    code: 'kyzylorda',
    kind: 'oblast',
    nameKk: 'Қызылорда облысы',
    nameRu: 'Кызылординская область',
    center: { lat: 44.8528, lon: 65.5092 }, // Қызылорда
    // Baikonur (leased to Russia) is not listed: it has no akimat of the usual kind.
    districts: [
      { code: 'kyzylorda-kyzylorda-city', nameKk: 'Қызылорда қаласы', nameRu: 'город Кызылорда' },
      { code: 'kyzylorda-aral', nameKk: 'Арал ауданы', nameRu: 'Аральский район' },
      { code: 'kyzylorda-zhalagash', nameKk: 'Жалағаш ауданы', nameRu: 'Жалагашский район' },
      { code: 'kyzylorda-zhanakorgan', nameKk: 'Жаңақорған ауданы', nameRu: 'Жанакорганский район' },
      { code: 'kyzylorda-kazaly', nameKk: 'Қазалы ауданы', nameRu: 'Казалинский район' },
      { code: 'kyzylorda-karmakshy', nameKk: 'Қармақшы ауданы', nameRu: 'Кармакшинский район' },
      { code: 'kyzylorda-syrdariya', nameKk: 'Сырдария ауданы', nameRu: 'Сырдарьинский район' },
      { code: 'kyzylorda-shieli', nameKk: 'Шиелі ауданы', nameRu: 'Шиелийский район' },
    ],
  },
  {
    code: 'mangystau',
    kind: 'oblast',
    nameKk: 'Маңғыстау облысы',
    nameRu: 'Мангистауская область',
    center: { lat: 43.65, lon: 51.1667 }, // Ақтау
    districts: [
      { code: 'mangystau-aktau-city', nameKk: 'Ақтау қаласы', nameRu: 'город Актау' },
      { code: 'mangystau-zhanaozen-city', nameKk: 'Жаңаөзен қаласы', nameRu: 'город Жанаозен' },
      { code: 'mangystau-beineu', nameKk: 'Бейнеу ауданы', nameRu: 'Бейнеуский район' },
      { code: 'mangystau-karakiya', nameKk: 'Қарақия ауданы', nameRu: 'Каракиянский район' },
      { code: 'mangystau-mangystau', nameKk: 'Маңғыстау ауданы', nameRu: 'Мангистауский район' },
      { code: 'mangystau-munaily', nameKk: 'Мұнайлы ауданы', nameRu: 'Мунайлинский район' },
      { code: 'mangystau-tupkaragan', nameKk: 'Түпқараған ауданы', nameRu: 'Тупкараганский район' },
    ],
  },
  {
    code: 'pavlodar',
    kind: 'oblast',
    nameKk: 'Павлодар облысы',
    nameRu: 'Павлодарская область',
    center: { lat: 52.2833, lon: 76.9667 }, // Павлодар
    districts: [
      { code: 'pavlodar-pavlodar-city', nameKk: 'Павлодар қаласы', nameRu: 'город Павлодар' },
      { code: 'pavlodar-aksu-city', nameKk: 'Ақсу қаласы', nameRu: 'город Аксу' },
      { code: 'pavlodar-ekibastuz-city', nameKk: 'Екібастұз қаласы', nameRu: 'город Экибастуз' },
      { code: 'pavlodar-akkuly', nameKk: 'Аққулы ауданы', nameRu: 'Аккулинский район' },
      { code: 'pavlodar-aktogai', nameKk: 'Ақтоғай ауданы', nameRu: 'Актогайский район' },
      { code: 'pavlodar-bayanaul', nameKk: 'Баянауыл ауданы', nameRu: 'Баянаульский район' },
      { code: 'pavlodar-yertis', nameKk: 'Ертіс ауданы', nameRu: 'Иртышский район' },
      { code: 'pavlodar-zhelezin', nameKk: 'Железин ауданы', nameRu: 'Железинский район' },
      { code: 'pavlodar-mai', nameKk: 'Май ауданы', nameRu: 'Майский район' },
      { code: 'pavlodar-pavlodar', nameKk: 'Павлодар ауданы', nameRu: 'Павлодарский район' },
      { code: 'pavlodar-terenkol', nameKk: 'Тереңкөл ауданы', nameRu: 'Теренкольский район' },
      { code: 'pavlodar-uspen', nameKk: 'Успен ауданы', nameRu: 'Успенский район' },
      { code: 'pavlodar-sharbakty', nameKk: 'Шарбақты ауданы', nameRu: 'Щербактинский район' },
    ],
  },
  {
    code: 'north-kazakhstan',
    kind: 'oblast',
    nameKk: 'Солтүстік Қазақстан облысы',
    nameRu: 'Северо-Казахстанская область',
    center: { lat: 54.8667, lon: 69.15 }, // Петропавл
    districts: [
      { code: 'north-kazakhstan-petropavl-city', nameKk: 'Петропавл қаласы', nameRu: 'город Петропавловск' },
      { code: 'north-kazakhstan-aiyrtau', nameKk: 'Айыртау ауданы', nameRu: 'Айыртауский район' },
      { code: 'north-kazakhstan-akzhar', nameKk: 'Ақжар ауданы', nameRu: 'Акжарский район' },
      { code: 'north-kazakhstan-akkaiyn', nameKk: 'Аққайың ауданы', nameRu: 'Аккайынский район' },
      { code: 'north-kazakhstan-gabit-musirepov', nameKk: 'Ғабит Мүсірепов атындағы аудан', nameRu: 'район имени Габита Мусрепова' },
      { code: 'north-kazakhstan-yesil', nameKk: 'Есіл ауданы', nameRu: 'Есильский район' },
      { code: 'north-kazakhstan-zhambyl', nameKk: 'Жамбыл ауданы', nameRu: 'Жамбылский район' },
      { code: 'north-kazakhstan-kyzylzhar', nameKk: 'Қызылжар ауданы', nameRu: 'Кызылжарский район' },
      { code: 'north-kazakhstan-magzhan-zhumabaev', nameKk: 'Мағжан Жұмабаев ауданы', nameRu: 'район Магжана Жумабаева' },
      { code: 'north-kazakhstan-mamlyut', nameKk: 'Мамлют ауданы', nameRu: 'Мамлютский район' },
      { code: 'north-kazakhstan-taiynsha', nameKk: 'Тайынша ауданы', nameRu: 'Тайыншинский район' },
      { code: 'north-kazakhstan-timiryazev', nameKk: 'Тимирязев ауданы', nameRu: 'Тимирязевский район' },
      { code: 'north-kazakhstan-ualikhanov', nameKk: 'Уәлиханов ауданы', nameRu: 'Уалихановский район' },
      { code: 'north-kazakhstan-shal-akyn', nameKk: 'Шал ақын ауданы', nameRu: 'район Шал акына' },
    ],
  },
  {
    code: 'turkestan',
    kind: 'oblast',
    nameKk: 'Түркістан облысы',
    nameRu: 'Туркестанская область',
    center: { lat: 43.3, lon: 68.25 }, // Түркістан
    districts: [
      { code: 'turkestan-turkestan-city', nameKk: 'Түркістан қаласы', nameRu: 'город Туркестан' },
      { code: 'turkestan-arys-city', nameKk: 'Арыс қаласы', nameRu: 'город Арыс' },
      { code: 'turkestan-kentau-city', nameKk: 'Кентау қаласы', nameRu: 'город Кентау' },
      { code: 'turkestan-baidibek', nameKk: 'Бәйдібек ауданы', nameRu: 'Байдибекский район' },
      { code: 'turkestan-zhetysai', nameKk: 'Жетісай ауданы', nameRu: 'Жетысайский район' },
      { code: 'turkestan-kazygurt', nameKk: 'Қазығұрт ауданы', nameRu: 'Казыгуртский район' },
      { code: 'turkestan-keles', nameKk: 'Келес ауданы', nameRu: 'Келесский район' },
      { code: 'turkestan-maktaaral', nameKk: 'Мақтаарал ауданы', nameRu: 'Мактааральский район' },
      { code: 'turkestan-ordabasy', nameKk: 'Ордабасы ауданы', nameRu: 'Ордабасинский район' },
      { code: 'turkestan-otyrar', nameKk: 'Отырар ауданы', nameRu: 'Отырарский район' },
      { code: 'turkestan-sairam', nameKk: 'Сайрам ауданы', nameRu: 'Сайрамский район' },
      { code: 'turkestan-saryagash', nameKk: 'Сарыағаш ауданы', nameRu: 'Сарыагашский район' },
      // Formed in 2021 from rural districts of Kentau city.
      { code: 'turkestan-sauran', nameKk: 'Сауран ауданы', nameRu: 'район Сауран' },
      { code: 'turkestan-sozak', nameKk: 'Созақ ауданы', nameRu: 'Созакский район' },
      { code: 'turkestan-tolebi', nameKk: 'Төле би ауданы', nameRu: 'Толебийский район' },
      { code: 'turkestan-tulkibas', nameKk: 'Түлкібас ауданы', nameRu: 'Тюлькубасский район' },
      { code: 'turkestan-shardara', nameKk: 'Шардара ауданы', nameRu: 'Шардаринский район' },
    ],
  },
  {
    code: 'ulytau',
    kind: 'oblast',
    nameKk: 'Ұлытау облысы',
    nameRu: 'Улытауская область',
    center: { lat: 47.7833, lon: 67.7667 }, // Жезқазған
    districts: [
      { code: 'ulytau-zhezkazgan-city', nameKk: 'Жезқазған қаласы', nameRu: 'город Жезказган' },
      { code: 'ulytau-karazhal-city', nameKk: 'Қаражал қаласы', nameRu: 'город Каражал' },
      { code: 'ulytau-satbayev-city', nameKk: 'Сәтбаев қаласы', nameRu: 'город Сатпаев' },
      { code: 'ulytau-zhanaarka', nameKk: 'Жаңаарқа ауданы', nameRu: 'Жанааркинский район' },
      { code: 'ulytau-ulytau', nameKk: 'Ұлытау ауданы', nameRu: 'Улытауский район' },
    ],
  },
];
