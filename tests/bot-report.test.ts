// The citizen's report flow in the real bot (in process, Bot API calls answered by the fake):
// every step, every bad input re-prompting without losing what was entered, the draft surviving
// /cancel, duplicates offered and supported, the daily limit, "My reports" and the author's answer.
import { describe, expect, it } from 'vitest';
import { createReportFeature } from '../bot/reports/report.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import type { ScriptedUser } from './fake-telegram/types.ts';
import type { Step } from './helpers/walk.ts';

const ALMATY = { lat: 43.2389, lon: 76.8897 };

describe.each(dbTargets)('bot: report a problem (%s)', (target) => {
  const h = useBotSuite(target, { features: [createReportFeature()], now: new Date('2026-11-23T06:00:00Z'), services: { reports: { perDay: 3 } } });
  const { services, say, press, last, walk } = h;

  async function citizen(locale: 'kk' | 'ru', regionCode?: string) {
    const regionId = regionCode ? (await services.prisma.region.findUniqueOrThrow({ where: { code: regionCode } })).id : undefined;
    return h.citizen({ locale, name: 'Ерлан Төлеуов', regionId });
  }
  /** The outbox as the jobs role sends it; status notices are queued at the real time (enqueueMessage's default). */
  const deliverOutbox = () => h.deliverOutbox(() => new Date());

  /** A report the citizen filed through the service (category 2, region 1, one photo), as the flow files it. */
  const filed = (citizenId: number, address: string, description: string, photo = 'f') =>
    services.reports.create(
      { type: 'citizen', id: citizenId },
      { source: 'bot', citizenId, categoryId: 2, regionId: 1, address, description, evidence: [{ kind: 'photo', telegramFileId: photo }] },
    );
  /** Category, region, district, location, description, one photo, name shown: up to the summary. */
  /** Category, region and district chosen, in Russian: the flow asks for the location next. */
  const placeRu = (u: ScriptedUser) =>
    walk(u, [{ say: '📝 Подать обращение' }, { press: /Дороги и тротуары/ }, { press: 'город Алматы' }, { press: 'Алмалинский район' }]);

  async function fillRu(u: ScriptedUser, description = 'Большая яма на дороге у остановки, машины объезжают по встречной', at = ALMATY) {
    await placeRu(u);
    await walk(u, [{ location: at }, { say: description }, { send: (me) => me.sendPhoto() }, { press: '✅ Готово' }, { press: '👤 Показывать имя' }]);
  }

  it('files a report in Russian: number, department, deadline, evidence stored', async () => {
    const { u, c } = await citizen('ru');
    await walk(u, [{ say: '📝 Подать обращение', expect: 'Шаг 1 из 6' }]);
    expect(u.lastKeyboard().flat()).toContain('🛣️ Дороги и тротуары');
    await press(u, /Дороги и тротуары/);
    expect(u.texts().join('\n')).toMatch(/Что приложить: /);
    expect(last(u)).toContain('Шаг 2 из 6');
    await walk(u, [
      { press: 'город Алматы' },
      { press: 'Алмалинский район', expect: 'Шаг 3 из 6' },
      { location: ALMATY, expect: 'От 10 до 2000 символов' },
      { say: 'Большая яма на дороге у остановки «Алмалы»', expect: 'Шаг 5 из 6' },
      { send: (me) => me.sendPhoto(), expect: 'Принято файлов: 1 из 10' },
    ]);
    await walk(u, [{ press: '✅ Готово' }, { press: '🙈 Скрыть имя' }]);
    const summary = last(u);
    expect(summary).toContain('Проверьте обращение');
    expect(summary).toContain('Алматы, Алмалинский район');
    expect(summary).toContain('Файлы: 1');
    expect(summary).toContain('Имя: скрыто');
    await press(u, '✅ Отправить');
    const done = last(u);
    expect(done).toMatch(/Номер: KZ-2026-\d{6}/);
    expect(done).toMatch(/срок решения — \d+ рабочих дней/);
    const report = await services.prisma.report.findFirstOrThrow({ where: { citizenId: c.id }, include: { evidence: true, category: true } });
    expect(done).toContain(report.number);
    expect(report.anonymous).toBe(true);
    expect(report.lat).toBeCloseTo(ALMATY.lat);
    expect(report.evidence).toHaveLength(1);
    expect(report.evidence[0]!.kind).toBe('photo');
    expect(report.category.code).toBe('roads-sidewalks');
    expect(await services.reportCitizen.getDraft(c.id)).toBeNull();
    // The citizen had no region: the one they chose is now offered first.
    expect((await services.prisma.citizen.findUniqueOrThrow({ where: { id: c.id } })).regionId).toBe(report.regionId);
  });

  it('files a report in Kazakh with a typed address and the saved region offered first', async () => {
    const { u, c } = await citizen('kk', 'almaty-city');
    await walk(u, [
      { say: '📝 Өтініш беру', expect: '6 қадамның 1-қадамы' },
      { press: /Көше жарығы/, expect: 'Мәселе сіздің өңіріңізде ме?' },
    ]);
    expect(u.lastKeyboard()[0]![0]).toBe('📍 Алматы қаласы');
    await walk(u, [{ press: '📍 Алматы қаласы' }, { press: '🤷 Білмеймін' }, { say: 'Абай даңғылы 10, аялдама жанында' }]);
    expect(u.texts().join('\n')).toContain('Мекенжай сақталды');
    await walk(u, [{ say: 'Үш күннен бері көше шамдары жанбайды, кешке қараңғы' }, { send: (me) => me.sendVoice() }, { press: '✅ Дайын' }]);
    await walk(u, [
      { press: '👤 Атымды көрсету', expect: 'Өтінішті тексеріңіз' },
      { press: '✅ Жіберу', expect: /Нөмірі: KZ-2026-\d{6}/ },
    ]);
    expect(last(u)).toContain('жұмыс күні');
    const report = await services.prisma.report.findFirstOrThrow({ where: { citizenId: c.id }, include: { evidence: true } });
    expect(report.address).toBe('Абай даңғылы 10, аялдама жанында');
    expect(report.districtId).toBeNull();
    expect(report.evidence[0]!.kind).toBe('voice');
  });

  it('re-prompts on bad input and keeps everything entered', async () => {
    const { u, c } = await citizen('ru');
    await walk(u, [
      { say: '/report' },
      { say: 'просто текст', expect: 'кнопкой' },
      { press: /Дороги и тротуары/ },
      { press: 'город Алматы' },
      { press: 'Алмалинский район' },
    ]);
    // Coordinates in Tashkent are questioned, not taken.
    await walk(u, [{ location: { lat: 41.2995, lon: 69.2401 }, expect: 'за пределами Казахстана' }]);
    expect((await services.reportCitizen.getDraft(c.id))!.lat).toBeNull();
    await walk(u, [
      { say: 'ул', expect: 'Адрес слишком короткий' },
      { location: ALMATY },
      { say: 'яма', expect: 'Слишком коротко (3 симв.): нужно не меньше 10' },
      { say: 'я'.repeat(2001), expect: 'не больше 2000' },
      { say: 'Большая яма на дороге, опасно для машин' },
      { say: 'вот фото', expect: 'Без фото, видео или аудио обращение не принимается' },
      { press: '✅ Готово', expect: 'Без фото, видео или аудио' },
    ]);
    const file = (fileName: string, mimeType: string, fileSize?: number) => (me: ScriptedUser) => me.sendDocument({ fileName, mimeType, fileSize });
    await walk(u, [
      { send: file('contract.pdf', 'application/pdf'), expect: 'Такой файл не подходит' },
      { send: file('huge.jpg', 'image/jpeg', 25 * 1024 * 1024), expect: 'Файл слишком большой (25 МБ)' },
      { send: file('scan.png', 'image/png'), expect: 'Принято файлов: 1 из 10' },
    ]);
    const draft = await services.reportCitizen.getDraft(c.id);
    expect(draft).toMatchObject({ description: 'Большая яма на дороге, опасно для машин', lat: ALMATY.lat });
    expect(draft!.evidence).toHaveLength(1);
  });

  it('accepts an album of up to 10 files with one answer, refusing the eleventh', async () => {
    const { u, c } = await citizen('ru');
    await placeRu(u);
    await h.deliver(u.sendLocation(ALMATY.lat, ALMATY.lon));
    await say(u, 'Разбитый тротуар на всей улице, много фото');
    const sends = () => h.fake.calls.filter((c) => c.method === 'sendMessage').length;
    const before = sends();
    for (let i = 0; i < 11; i++) await h.deliver(u.sendPhoto({ mediaGroupId: 'album-1' }));
    // One acknowledgement for the whole album, edited as files arrive.
    expect(sends() - before).toBe(1);
    expect(last(u)).toContain('Принято файлов: 10 из 10');
    expect((await services.reportCitizen.getDraft(c.id))!.evidence).toHaveLength(10);
    await h.deliver(u.sendPhoto());
    expect(last(u)).toContain('Файлов уже 10 — это максимум');
  });

  it('keeps the draft through /cancel and offers to continue it', async () => {
    const { u, c } = await citizen('ru');
    await placeRu(u);
    await walk(u, [{ say: '/cancel', expect: 'Отменено' }]);
    expect((await services.reportCitizen.getDraft(c.id))!.regionId).not.toBeNull();
    // Category and region are kept: the flow goes on from the location.
    await walk(u, [
      { say: '📝 Подать обращение', expect: 'незаконченное обращение' },
      { press: '▶️ Продолжить', expect: 'Шаг 3 из 6' },
    ]);
  });

  it('lets the citizen edit a step from the summary', async () => {
    const { u, c } = await citizen('ru');
    await fillRu(u);
    await press(u, '✏️ Описание');
    await say(u, 'Новая формулировка: яма глубиной 20 см');
    expect(last(u)).toContain('Новая формулировка: яма глубиной 20 см');
    expect(last(u)).toContain('Проверьте обращение');
    expect((await services.reportCitizen.getDraft(c.id))!.description).toBe('Новая формулировка: яма глубиной 20 см');
  });

  it('offers a nearby open report of the same category; supporting it makes the citizen a follower', async () => {
    // Two kilometres from the other tests' reports, so this one is the only candidate.
    const spot = { lat: ALMATY.lat + 0.02, lon: ALMATY.lon };
    const { u: first } = await citizen('ru');
    await fillRu(first, 'Большая яма на дороге у остановки, машины объезжают по встречной', spot);
    await press(first, '✅ Отправить');
    const original = await services.prisma.report.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const { u, c } = await citizen('kk');
    await walk(u, [{ say: '/report' }, { press: /Жолдар/ }, { press: 'Алматы қаласы' }, { press: 'Алмалы ауданы' }]);
    // about 55 m away
    await walk(u, [{ location: { lat: spot.lat + 0.0005, lon: spot.lon } }, { say: 'Аялдама жанында үлкен шұңқыр бар' }, { send: (me) => me.sendPhoto() }]);
    await walk(u, [{ press: '✅ Дайын' }, { press: '👤 Атымды көрсету' }, { press: '✅ Жіберу' }]);
    expect(last(u)).toContain('Бұл туралы бұрын хабарланған сияқты');
    expect(last(u)).toContain(original.number);
    expect(last(u)).toMatch(/\d+ м/);
    await press(u, `👍 ${original.number} қолдау`);
    expect(last(u)).toContain('қолдағандар саны: 1');
    const follower = await services.prisma.reportFollower.findUnique({ where: { reportId_citizenId: { reportId: original.id, citizenId: c.id } } });
    expect(follower).not.toBeNull();
    expect(await services.prisma.report.count({ where: { citizenId: c.id } })).toBe(0);
    expect(await services.reportCitizen.getDraft(c.id)).toBeNull();
  });

  it('files a new report anyway when the citizen says the problem is different', async () => {
    const { u: first } = await citizen('ru');
    await fillRu(first);
    await press(first, '✅ Отправить');
    const { u, c } = await citizen('ru');
    await fillRu(u, 'Другая яма рядом, у входа в парк, глубокая');
    await press(u, '✅ Отправить');
    expect(last(u)).toContain('Похоже, об этом уже сообщили');
    await press(u, '📝 Другая проблема — отправить');
    expect(last(u)).toMatch(/Номер: KZ-2026-\d{6}/);
    expect(await services.prisma.report.count({ where: { citizenId: c.id } })).toBe(1);
  });

  it('refuses more reports than the daily limit, keeping the draft, and allows them the next day', async () => {
    const { u, c } = await citizen('ru');
    for (let i = 0; i < 3; i++) {
      await filed(c.id, `улица ${i}`, `Не горит фонарь номер ${i}`, `f${i}`);
    }
    await say(u, '/report');
    expect(last(u)).toContain('предел на день');
    h.clock = new Date('2026-11-23T19:30:00Z'); // 00:30 in Almaty: a new day
    await say(u, '/report');
    expect(last(u)).toContain('Шаг 1 из 6');
  });

  it('shows "My reports" with colours and history, and takes a comment and more files while open', async () => {
    const { u, c } = await citizen('ru');
    await fillRu(u, 'Яма у дома 5, уже неделю', { lat: ALMATY.lat - 0.03, lon: ALMATY.lon });
    await press(u, '✅ Отправить');
    const report = await services.prisma.report.findFirstOrThrow({ where: { citizenId: c.id } });
    await services.reports.changeStatus({ type: 'staff', id: null }, report.id, { to: 'in_work', publicNote: 'Бригада выедет в четверг' });
    await say(u, '📋 Мои обращения');
    expect(last(u)).toContain('Ваши обращения');
    expect(
      u
        .lastKeyboard()
        .flat()
        .some((l) => l.startsWith(`🔴 ${report.number}`)),
    ).toBe(true);
    await press(u, new RegExp(report.number));
    const detail = last(u);
    expect(detail).toContain('В работе');
    expect(detail).toContain('Бригада выедет в четверг');
    await walk(u, [{ press: '✍️ Написать комментарий' }, { say: 'Яма стала ещё больше после дождя', expect: 'Комментарий добавлен' }]);
    await walk(u, [{ say: '📋 Мои обращения' }, { press: new RegExp(report.number), expect: 'Яма стала ещё больше после дождя' }]);
    await walk(u, [{ press: '📎 Добавить файлы' }, { send: (me) => me.sendVideo() }, { press: '✅ Готово', expect: 'добавлено файлов: 1' }]);
    const events = await services.prisma.reportEvent.findMany({ where: { reportId: report.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['created', 'status', 'comment', 'evidence']);
    expect(await services.prisma.reportEvidence.count({ where: { reportId: report.id } })).toBe(2);
  });

  it('after resolution asks whether it is fixed: a rating is stored, "not fixed" reopens', async () => {
    const { u, c } = await citizen('ru');
    const file = async () => {
      const r = await filed(c.id, 'улица Абая 1', 'Не горит фонарь у дома');
      await services.reports.changeStatus({ type: 'staff', id: null }, r.id, { to: 'resolved', publicNote: 'Лампа заменена' });
      return r;
    };
    const a = await file();
    await deliverOutbox();
    expect(last(u)).toContain('Лампа заменена');
    await walk(u, [
      { press: '✅ Проблема решена', expect: 'Оцените' },
      { press: '4 ⭐', expect: 'Спасибо за оценку 4/5' },
    ]);
    expect(await services.prisma.report.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ confirmedFixed: true, rating: 4, status: 'resolved' });
    const b = await file();
    await deliverOutbox();
    await press(u, '❌ Не решена');
    expect(last(u)).toContain('снова открыто');
    expect((await services.prisma.report.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('reopened');
  });

  it('lets the author close their own report as solved by themselves, in Kazakh, after asking once more', async () => {
    const { u, c } = await citizen('kk');
    const r = await filed(c.id, 'Абай көшесі 1', 'Аулада шам жанбайды, кешке қараңғы');
    const myReport: Step[] = [{ say: '📋 Менің өтініштерім' }, { press: new RegExp(r.number) }];
    await walk(u, [...myReport, { press: '✅ Мәселе шешіліп қойды', expect: 'шешілген деп жабасыз ба' }, { press: '⬅️ Жоқ, ашық қалсын' }]);
    expect((await services.prisma.report.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('new');
    await walk(u, [{ press: '✅ Мәселе шешіліп қойды' }, { press: '✅ Иә, жабу', expect: `${r.number} өтініші шешілген деп жабылды` }]);
    expect(await services.prisma.report.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: 'resolved', selfResolved: true });
    // the detail of a closed report offers no more closing, comments or files
    await walk(u, myReport);
    expect(u.lastKeyboard().flat()).not.toContain('✅ Мәселе шешіліп қойды');
  });

  it('shows reports in /mydata and erases the draft and subscriptions on /deletedata, keeping the report', async () => {
    const { u: first } = await citizen('ru');
    await fillRu(first, 'Сломанная скамейка во дворе дома 12', { lat: ALMATY.lat + 0.05, lon: ALMATY.lon });
    await press(first, '✅ Отправить');
    const report = await services.prisma.report.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const { c } = await citizen('ru');
    await services.reports.support(c.id, report.id);
    await services.reportCitizen.saveDraft(c.id, { description: 'Черновик с личными подробностями' });
    const exported = await services.citizens.exportData(c.id);
    expect(exported.sections.find((s) => s.key === 'reports')?.data).toEqual({ filed: 0, following: 1, draft: 1 });
    await services.citizens.erase(c.id);
    expect(await services.reportCitizen.getDraft(c.id)).toBeNull();
    expect(await services.prisma.reportFollower.count({ where: { citizenId: c.id } })).toBe(0);
    expect(await services.prisma.report.findUnique({ where: { id: report.id } })).not.toBeNull();
  });

  it('opens a report whose history is longer than one Telegram message, showing the newest entries', async () => {
    const { u, c } = await citizen('ru');
    const r = await filed(c.id, 'улица Абая 2', 'Не горит фонарь у подъезда');
    for (let i = 1; i <= 6; i++) {
      await services.reports.changeStatus({ type: 'staff', id: null }, r.id, {
        to: i % 2 ? 'resolved' : 'reopened',
        publicNote: i % 2 ? `Заметка ${i}: ${'подробности '.repeat(330)}` : null,
      });
    }
    await walk(u, [{ say: '/myreports' }, { press: new RegExp(r.number) }]);
    const detail = last(u);
    expect(detail.length).toBeLessThanOrEqual(4096);
    expect(detail).toContain('Заметка 5');
  });

  it('refuses to support a report closed since it was offered', async () => {
    const { c } = await citizen('ru');
    const { c: other } = await citizen('ru');
    const r = await filed(other.id, 'улица Абая 3', 'Не горит фонарь во дворе');
    await services.reports.changeStatus({ type: 'staff', id: null }, r.id, { to: 'rejected', publicNote: 'Это частная территория' });
    await expect(services.reportCitizen.supportInsteadOfDraft(c.id, r.id)).rejects.toMatchObject({ code: 'report.closed' });
    expect(await services.prisma.reportFollower.count({ where: { reportId: r.id } })).toBe(0);
  });
});
