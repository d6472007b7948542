// Response templates of the demo: the answers an operator gives most often, in Kazakh and Russian, so the
// first "accept" or "resolve" in the console already offers a ready note. Written by the administrator
// through the template service (audited), before the first report is filed.
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import type { DemoContext } from '../demo/demo-context.ts';

interface DemoTemplate {
  /** null: any category */
  category: string | null;
  status: ReportStatus;
  title: string;
  textKk: string;
  textRu: string;
}

export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    category: null,
    status: 'in_work',
    title: 'Принято в работу',
    textKk: 'Өтінішіңіз жұмысқа қабылданды. Нөмірі: {{number}}. Жауапты бөлім: {{department}}. Орындау мерзімі: {{due_date}}.',
    textRu: 'Ваше обращение {{number}} принято в работу. Ответственный отдел: {{department}}. Срок исполнения: {{due_date}}.',
  },
  {
    category: null,
    status: 'not_responsible',
    title: 'Не в компетенции акимата',
    textKk: 'Бұл мәселені шешу әкімдіктің құзыретіне кірмейді. Өтінішіңізді меншік иесіне немесе қызмет көрсететін ұйымға жолдауыңызды сұраймыз.',
    textRu: 'Решение этого вопроса не входит в компетенцию акимата. Просим направить обращение собственнику объекта или обслуживающей организации.',
  },
  {
    category: null,
    status: 'rejected',
    title: 'Недостаточно сведений',
    textKk: 'Өтініште мәселенің орнын анықтауға мәлімет жеткіліксіз. Нақты мекенжайы мен фотосын қосып, жаңа өтініш жіберіңіз.',
    textRu: 'В обращении недостаточно сведений, чтобы найти место проблемы. Отправьте новое обращение с точным адресом и фото.',
  },
  {
    category: 'roads-sidewalks',
    status: 'resolved',
    title: 'Яма заделана',
    textKk: 'Жол жөнделді: шұңқыр асфальтпен жабылды. Мекенжайы: {{address}}. Бақылағаныңызға рақмет!',
    textRu: 'Дорожное покрытие восстановлено, яма заделана асфальтом. Адрес: {{address}}. Спасибо за внимание к городу!',
  },
  {
    category: 'street-lighting',
    status: 'resolved',
    title: 'Освещение восстановлено',
    textKk: 'Көше жарығы қалпына келтірілді: шамдар ауыстырылды, желі тексерілді. Мекенжайы: {{address}}.',
    textRu: 'Уличное освещение восстановлено: лампы заменены, линия проверена. Адрес: {{address}}.',
  },
  {
    category: 'waste-sanitation',
    status: 'resolved',
    title: 'Мусор вывезен',
    textKk: 'Қоқыс шығарылды, алаң тазаланды. Қызмет көрсететін ұйымға шығару кестесін сақтау тапсырылды.',
    textRu: 'Мусор вывезен, площадка убрана. Обслуживающей организации поручено соблюдать график вывоза.',
  },
  {
    category: 'water-supply',
    status: 'resolved',
    title: 'Водоснабжение восстановлено',
    textKk: 'Апат жойылды, сумен жабдықтау қалпына келтірілді. Мекенжайы: {{address}}.',
    textRu: 'Авария устранена, водоснабжение восстановлено. Адрес: {{address}}.',
  },
];

export function scheduleTemplates(ctx: DemoContext): void {
  const admin = ctx.staff('admin');
  ctx.tl.add(ctx.tl.when(60, 9), 'response templates', async () => {
    for (const { category, ...t } of DEMO_TEMPLATES) {
      await ctx.s.reportTemplates.create(ctx.actor(admin), { ...t, categoryId: category == null ? null : ctx.category(category) });
    }
  });
}
