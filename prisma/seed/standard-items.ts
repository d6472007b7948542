// Indicators of service quality for item 9 (4) of Order 407 (training, consulting, information and methodology,
// research and analytics, resource-centre services). The Standard itself (order No. 19 of 15 Aug 2018) is not among
// the seeds, so only the indicators seed 002 states are seeded («Рекомендуемые показатели качества и индикаторы
// оценки по основным категориям услуг», seed 002 L583–595; Russian as written there, Kazakh ours). Admins add the
// Standard's own indicators in the console; the seed adds a row only when its text is missing for that kind.
import type { ServiceKind } from '../../generated/prisma/enums.ts';

export interface StandardItemSeed {
  serviceKind: ServiceKind;
  textKk: string;
  textRu: string;
}

export const STANDARD_ITEMS_SOURCE = 'seed 002: recommended quality indicators of resource-centre services';

export const standardItems: StandardItemSeed[] = [
  {
    serviceKind: 'information_methodology',
    textKk: 'Ақпараттық-әдістемелік материалдар түрлері бойынша дайындалып, таратылады; таралымы мен шығу жиілігі белгіленген',
    textRu: 'Информационно-методические материалы подготовлены и распространены по видам; указаны тираж и периодичность выпуска',
  },
  {
    serviceKind: 'information_methodology',
    textKk: 'Ақпарат түрлі тәсілдермен және арналар арқылы таратылады',
    textRu: 'Используются различные способы и каналы распространения информации',
  },
  {
    serviceKind: 'information_methodology',
    textKk: 'Ақпарат пен әдістемелер нысаналы топтардың қажеттіліктеріне сәйкес келеді',
    textRu: 'Информация и предлагаемые методики соответствуют потребностям целевых групп',
  },
  {
    serviceKind: 'consulting',
    textKk: 'Консультациялар туралы ақпарат түрлі тәсілдермен және арналар арқылы таратылады',
    textRu: 'Информация о спектре консультационных услуг распространяется различными способами и каналами',
  },
  {
    serviceKind: 'consulting',
    textKk: 'Мазмұны мен көрсету тәсілі бойынша әртүрлі консультациялар бар; консультациялар журналы жүргізіледі',
    textRu: 'Есть различные виды консультаций (по содержанию и способу оказания); ведётся журнал консультаций',
  },
  {
    serviceKind: 'consulting',
    textKk: 'Алынған консультацияларға қанағаттану деңгейі сауалнама арқылы өлшенеді',
    textRu: 'Уровень удовлетворённости полученными консультациями измеряется опросом',
  },
  {
    serviceKind: 'consulting',
    textKk: 'Консультанттардың осы саладағы жұмыс тәжірибесі мен білімі расталған',
    textRu: 'Опыт работы консультантов в данной сфере, уровень образования и экспертные знания подтверждены',
  },
  {
    serviceKind: 'training',
    textKk: 'Жүргізушілердің осы саладағы жұмыс тәжірибесі расталған',
    textRu: 'Опыт работы ведущих в данной сфере подтверждён',
  },
  {
    serviceKind: 'training',
    textKk: 'Оқу бағдарламаларының мазмұны қатысушылардың қажеттіліктері мен күтулеріне сәйкес келеді (кіріс және қорытынды сауалнама)',
    textRu: 'Содержание учебных программ соответствует потребностям и ожиданиям участников (входное и заключительное анкетирование)',
  },
  {
    serviceKind: 'training',
    textKk: 'Қатысушылар алған білімін іс жүзінде қолданады (табыс тарихтары, пікірлер)',
    textRu: 'Участники используют полученные знания на практике (истории успеха, отзывы)',
  },
  {
    serviceKind: 'resource_centre',
    textKk: 'Тұтынушылар техникалық қызметтерді белгіленген шеңберде кедергісіз алады; өтініштер журналы жүргізіледі',
    textRu: 'Потребители беспрепятственно получают технические услуги в установленных рамках; ведётся журнал обращений',
  },
  {
    serviceKind: 'resource_centre',
    textKk: 'Ресурстық орталықта оргтехника жеткілікті',
    textRu: 'На базе ресурсного центра достаточно оргтехники',
  },
  {
    serviceKind: 'resource_centre',
    textKk: 'Барлық қызмет бір жерде көрсетіледі («бір терезе» қағидаты)',
    textRu: 'Все услуги оказываются в одном месте (принцип «одного окна»)',
  },
];
