// Civic control end to end: the whole app (bot by long polling, API, outbox) against the fake Bot API.
// A citizen files a report with a photo in each language, a second citizen is offered it as a
// duplicate and supports it, an operator accepts and resolves it through the API with a template,
// both citizens receive the notes in their own language, and the author confirms or reopens.
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { reportToSummaryRu } from './helpers/citizen-flow.ts';
import type { AwaitedStep } from './helpers/walk.ts';
import { act, onboard, until, useE2e, walk } from './helpers/e2e.ts';

const SPOT = { lat: 51.1282, lon: 71.4307 }; // Astana, near Bayterek

/** In Kazakh: the region, then "I don't know" for the district. */
const districtUnknownKk = (region: string): AwaitedStep[] => [
  { press: region, expect: /ауданды/i },
  { press: '🤷 Білмеймін', expect: '6 қадамның 3-қадамы' },
];
/** In Kazakh: the description and one photo, up to the question of the name. */
const throughPhotoKk = (description: string): AwaitedStep[] => [
  { say: description, expect: '6 қадамның 5-қадамы' },
  { send: (u) => u.sendPhoto(), expect: '1/10' },
  { press: '✅ Дайын', expect: '6 қадамның 6-қадамы' },
];

describe.each(dbTargets)('civic control end to end (%s)', (target) => {
  const { fake, app, api } = useE2e(target);

  it('files, supports, resolves with a template, notifies in each language, and takes the author’s answer', async () => {
    // ── a citizen files a report in Russian, with a photo ──
    const author = await onboard(fake, 'ru');
    await walk(author, reportToSummaryRu(SPOT, 'Глубокая яма на проезжей части у Байтерека'));
    const created = await act(author, () => author.pressButton('✅ Отправить'), /Номер: KZ-\d{4}-\d{6}/);
    const number = /KZ-\d{4}-\d{6}/.exec(created)![0];

    // ── a second citizen, in Kazakh, is offered it as a duplicate and supports it ──
    const neighbour = await onboard(fake, 'kk');
    await walk(neighbour, [
      { say: '📝 Өтініш беру', expect: '6 қадамның 1-қадамы' },
      { press: /Жолдар/, expect: '6 қадамның 2-қадамы' },
      ...districtUnknownKk('Астана қаласы'),
      { location: { lat: SPOT.lat + 0.0004, lon: SPOT.lon }, expect: '6 қадамның 4-қадамы' },
      ...throughPhotoKk('Бәйтерек жанындағы жолда үлкен шұңқыр'),
      { press: '🙈 Атымды жасыру', expect: 'Өтінішті тексеріңіз' },
      { press: '✅ Жіберу', expect: number },
      { press: `👍 ${number} қолдау`, expect: 'қолдағандар саны: 1' },
    ]);

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
    await walk(author, [
      { say: '/report', expect: '6 қадамның 1-қадамы' },
      { press: /Көше жарығы/, expect: '6 қадамның 2-қадамы' },
      ...districtUnknownKk('Алматы қаласы'),
      { say: 'Төле би көшесі 50', expect: '6 қадамның 4-қадамы' },
      ...throughPhotoKk('Бір аптадан бері шамдар жанбайды'),
      { press: '👤 Атымды көрсету', expect: 'Өтінішті тексеріңіз' },
    ]);
    const created = await act(author, () => author.pressButton('✅ Жіберу'), /Нөмірі: KZ-\d{4}-\d{6}/);
    const number = /KZ-\d{4}-\d{6}/.exec(created)![0];
    const report = await app.services.prisma.report.findUniqueOrThrow({ where: { number } });
    expect((await api('POST', `/api/reports/${report.id}/status`, { to: 'resolved', publicNote: 'Шамдар ауыстырылды' })).status).toBe(200);
    await until('resolved note', () => author.texts().find((x) => x.includes('Шамдар ауыстырылды')));
    await act(author, () => author.pressButton('❌ Шешілген жоқ'), 'қайта ашылды');
    expect((await app.services.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('reopened');
  });
});
