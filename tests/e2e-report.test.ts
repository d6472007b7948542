// Civic control end to end: the whole app (bot by long polling, API, outbox) against the fake Bot API.
// A citizen files a report with a photo in each language, a second citizen is offered it as a
// duplicate and supports it, an operator accepts and resolves it through the API with a template,
// both citizens receive the notes in their own language, and the author confirms or reopens.
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { act, onboard, until, useE2e } from './helpers/e2e.ts';

const SPOT = { lat: 51.1282, lon: 71.4307 }; // Astana, near Bayterek

describe.each(dbTargets)('civic control end to end (%s)', (target) => {
  const { fake, app, api } = useE2e(target);

  it('files, supports, resolves with a template, notifies in each language, and takes the author’s answer', async () => {
    // ── a citizen files a report in Russian, with a photo ──
    const author = await onboard(fake, 'ru');
    await act(author, () => author.send('📝 Подать обращение'), 'Шаг 1 из 6');
    await act(author, () => author.pressButton(/Дороги и тротуары/), 'Шаг 2 из 6');
    await act(author, () => author.pressButton('город Астана'), 'Выберите район');
    await act(author, () => author.pressButton('район Есиль'), 'Шаг 3 из 6');
    await act(author, () => author.sendLocation(SPOT.lat, SPOT.lon), 'Шаг 4 из 6');
    await act(author, () => author.send('Глубокая яма на проезжей части у Байтерека'), 'Шаг 5 из 6');
    await act(author, () => author.sendPhoto(), 'Принято файлов: 1 из 10');
    await act(author, () => author.pressButton('✅ Готово'), 'Шаг 6 из 6');
    await act(author, () => author.pressButton('👤 Показывать имя'), 'Проверьте обращение');
    const created = await act(author, () => author.pressButton('✅ Отправить'), /Номер: KZ-\d{4}-\d{6}/);
    const number = /KZ-\d{4}-\d{6}/.exec(created)![0];

    // ── a second citizen, in Kazakh, is offered it as a duplicate and supports it ──
    const neighbour = await onboard(fake, 'kk');
    await act(neighbour, () => neighbour.send('📝 Өтініш беру'), '6 қадамның 1-қадамы');
    await act(neighbour, () => neighbour.pressButton(/Жолдар/), '6 қадамның 2-қадамы');
    await act(neighbour, () => neighbour.pressButton('Астана қаласы'), /ауданды/i);
    await act(neighbour, () => neighbour.pressButton('🤷 Білмеймін'), '6 қадамның 3-қадамы');
    await act(neighbour, () => neighbour.sendLocation(SPOT.lat + 0.0004, SPOT.lon), '6 қадамның 4-қадамы');
    await act(neighbour, () => neighbour.send('Бәйтерек жанындағы жолда үлкен шұңқыр'), '6 қадамның 5-қадамы');
    await act(neighbour, () => neighbour.sendPhoto(), '1/10');
    await act(neighbour, () => neighbour.pressButton('✅ Дайын'), '6 қадамның 6-қадамы');
    await act(neighbour, () => neighbour.pressButton('🙈 Атымды жасыру'), 'Өтінішті тексеріңіз');
    await act(neighbour, () => neighbour.pressButton('✅ Жіберу'), number);
    await act(neighbour, () => neighbour.pressButton(`👍 ${number} қолдау`), 'қолдағандар саны: 1');

    // ── the operator accepts and resolves it through the API, with templates ──
    const report = await app.services.prisma.report.findUniqueOrThrow({ where: { number } });
    const tpl = async (status: string, textRu: string, textKk: string) =>
      (await api('POST', '/api/report-templates', { categoryId: report.categoryId, status, title: status, textRu, textKk })).json.id as number;
    const accepted = await tpl('in_work', 'Обращение {{number}} принято, срок — {{due_date}}.', '{{number}} өтініші қабылданды, мерзімі — {{due_date}}.');
    const resolved = await tpl('resolved', 'Яма заделана, спасибо за сигнал!', 'Шұңқыр жөнделді, хабарлағаныңызға рахмет!');
    expect((await api('POST', `/api/reports/${report.id}/status`, { to: 'in_work', templateId: accepted })).status).toBe(200);
    await until('accepted note, ru', () => author.texts().find((x) => x.includes(`Обращение ${number} принято, срок —`)));
    await until('accepted note, kk', () => neighbour.texts().find((x) => x.includes(`${number} өтініші қабылданды`)));
    expect((await api('POST', `/api/reports/${report.id}/status`, { to: 'resolved', templateId: resolved })).status).toBe(200);
    await until('resolved note, ru', () => author.texts().find((x) => x.includes('Яма заделана')));
    await until('resolved note, kk', () => neighbour.texts().find((x) => x.includes('Шұңқыр жөнделді')));

    // ── the author confirms and rates ──
    await act(author, () => author.pressButton('✅ Проблема решена'), 'Оцените');
    await act(author, () => author.pressButton('5 ⭐'), 'Спасибо за оценку 5/5');
    const done = await app.services.prisma.report.findUniqueOrThrow({ where: { id: report.id } });
    expect(done).toMatchObject({ status: 'resolved', confirmedFixed: true, rating: 5, supportCount: 1 });
  });

  it('reopens a resolved report when the author says it is not fixed', async () => {
    const author = await onboard(fake, 'kk');
    await act(author, () => author.send('/report'), '6 қадамның 1-қадамы');
    await act(author, () => author.pressButton(/Көше жарығы/), '6 қадамның 2-қадамы');
    await act(author, () => author.pressButton('Алматы қаласы'), /ауданды/i);
    await act(author, () => author.pressButton('🤷 Білмеймін'), '6 қадамның 3-қадамы');
    await act(author, () => author.send('Төле би көшесі 50'), '6 қадамның 4-қадамы');
    await act(author, () => author.send('Бір аптадан бері шамдар жанбайды'), '6 қадамның 5-қадамы');
    await act(author, () => author.sendPhoto(), '1/10');
    await act(author, () => author.pressButton('✅ Дайын'), '6 қадамның 6-қадамы');
    await act(author, () => author.pressButton('👤 Атымды көрсету'), 'Өтінішті тексеріңіз');
    const created = await act(author, () => author.pressButton('✅ Жіберу'), /Нөмірі: KZ-\d{4}-\d{6}/);
    const number = /KZ-\d{4}-\d{6}/.exec(created)![0];
    const report = await app.services.prisma.report.findUniqueOrThrow({ where: { number } });
    expect((await api('POST', `/api/reports/${report.id}/status`, { to: 'resolved', publicNote: 'Шамдар ауыстырылды' })).status).toBe(200);
    await until('resolved note', () => author.texts().find((x) => x.includes('Шамдар ауыстырылды')));
    await act(author, () => author.pressButton('❌ Шешілген жоқ'), 'қайта ашылды');
    expect((await app.services.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('reopened');
  });
});
