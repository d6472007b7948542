// A public report in the bot (issue 17), opened from the portal's link t.me/<bot>?start=rp_<number>: its card in
// the resident's language, support (counted) and follow (news only, not counted), the idea-or-comment flow with its
// draft saved at each step and its refusals, the comment then on the card with a flag button, and the refusals for
// one's own comment, a closed report and an unknown or hidden number; in Kazakh and Russian.
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublicReportFeature } from '../bot/comments/feature.ts';
import { createReportFeature } from '../bot/reports/report.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { PORTAL_CLOCK, seedPortalWorld, type PortalWorld } from './helpers/portal-fixtures.ts';

describe.each(dbTargets)('bot: a public report from the portal’s link (%s)', (target) => {
  const h = useBotSuite(target, { features: [createReportFeature(), createPublicReportFeature()], now: PORTAL_CLOCK });
  const { services, say, press, last, all, buttons, alert } = h;
  let w: PortalWorld;

  beforeAll(async () => {
    let clock = PORTAL_CLOCK;
    w = await seedPortalWorld(services, (ms) => (clock = new Date(clock.getTime() + ms)));
  });
  const supports = async () => (await services.prisma.report.findUniqueOrThrow({ where: { id: w.open.id } })).supportCount;

  it('opens the report’s card in Russian, supports it once and follows it without counting, and refuses a closed report', async () => {
    const { u, c } = await h.citizen({ locale: 'ru', name: 'Марат Ахметов' });
    await say(u, `/start rp_${w.open.number}`);
    expect(last(u)).toContain(`Обращение ${w.open.number}`);
    expect(last(u)).toContain('Состояние: Новое');
    expect(last(u)).toContain('[***]'); // the description as the portal shows it
    expect(last(u)).toContain('Идей и комментариев пока нет.');
    expect(buttons(u)).toEqual(['👍 Поддержать', '🔔 Следить', '💡 Идея или комментарий']);
    const before = await supports();
    await press(u, '👍 Поддержать');
    expect(alert()).toBe(`Спасибо! Вы поддержали обращение ${w.open.number} и будете получать новости о нём.`);
    expect(await supports()).toBe(before + 1);
    await press(u, '👍 Поддержать');
    expect(alert()).toBe(`Вы уже поддерживаете обращение ${w.open.number}.`);
    expect(await supports()).toBe(before + 1);

    const { u: other, c: follower } = await h.citizen({ locale: 'ru', name: 'Дана Ким' });
    await say(other, `/start rp_${w.open.number}`);
    await press(other, '🔔 Следить');
    expect(alert()).toBe(`Вы будете получать новости об обращении ${w.open.number}.`);
    expect(await supports()).toBe(before + 1);
    const row = await services.prisma.reportFollower.findUniqueOrThrow({ where: { reportId_citizenId: { reportId: w.open.id, citizenId: follower.id } } });
    expect(row.supported).toBe(false);
    expect(c.id).not.toBe(follower.id);

    await say(u, `/start rp_${w.resolved.number}`);
    expect(last(u)).toContain('Обращение закрыто: поддержать его и оставить комментарий уже нельзя.');
    expect(buttons(u)).not.toContain('👍 Поддержать');
  });

  it('takes an idea in Kazakh through the flow, saving the draft at each step, and shows it on the card with a flag button', async () => {
    const { u, c } = await h.citizen({ locale: 'kk', name: 'Ерлан Төлеуов' });
    await say(u, `/start rp_${w.open.number}`);
    expect(last(u)).toContain(`${w.open.number} өтініші`);
    await press(u, '💡 Идея немесе пікір');
    expect(last(u)).toContain('кемінде 10, ең көбі 1000 таңба');
    await say(u, 'қысқа');
    expect(last(u)).toBe('Пікір тым қысқа (5): кемінде 10 таңба керек.');
    await say(u, 'Шұңқырды жөндегенше қиыршық таспен толтыру керек');
    expect(await services.prisma.publicCommentDraft.findUniqueOrThrow({ where: { citizenId: c.id } })).toMatchObject({
      reportId: w.open.id,
      text: 'Шұңқырды жөндегенше қиыршық таспен толтыру керек',
      showName: null,
    });
    expect(last(u)).toBe('Пікірдің жанында профиліңіздегі атыңыз көрсетілсін бе?');
    await say(u, '/cancel');
    // The draft survives /cancel; the flow offers to go on with it.
    await say(u, `/start rp_${w.open.number}`);
    await press(u, '💡 Идея немесе пікір');
    expect(last(u)).toContain('жіберілмеген пікіріңіз бар');
    await press(u, '▶️ Жалғастыру');
    await press(u, '👤 Атымды көрсету');
    expect((await services.prisma.publicCommentDraft.findUniqueOrThrow({ where: { citizenId: c.id } })).showName).toBe(true);
    expect(last(u)).toContain('Қолтаңба: Ерлан Төлеуов');
    await press(u, '✅ Жіберу');
    expect(last(u)).toBe(`✅ Пікіріңіз ${w.open.number} өтінішінің бетінде жарияланды. Оған шағым түссе, модератор тексереді.`);
    expect(await services.prisma.publicCommentDraft.count({ where: { citizenId: c.id } })).toBe(0);

    await say(u, `/start rp_${w.open.number}`);
    expect(last(u)).toContain('1. Ерлан Төлеуов: Шұңқырды жөндегенше қиыршық таспен толтыру керек');
    await press(u, '🚩 №1 пікірге шағым');
    expect(alert()).toBe('Өз пікіріңізге шағымдануға болмайды.');

    const { u: reader } = await h.citizen({ locale: 'ru', name: 'Читатель' });
    await say(reader, `/start rp_${w.open.number}`);
    expect(last(reader)).toContain('Идеи и комментарии жителей (1):');
    await press(reader, '🚩 Пожаловаться на №1');
    expect(alert()).toBe('Спасибо, жалоба принята. Модераторы проверят комментарий.');
    await press(reader, '🚩 Пожаловаться на №1');
    expect(alert()).toBe('Вы уже пожаловались на этот комментарий.');
  });

  it('lets the author show or hide their name on the portal from My reports, in Kazakh', async () => {
    const { u, c } = await h.citizen({ locale: 'kk', name: 'Гүлнар Оспанова' });
    const r = await services.reports.create(
      { type: 'citizen', id: c.id },
      {
        source: 'bot',
        citizenId: c.id,
        categoryId: w.category.id,
        regionId: w.regionA.id,
        districtId: w.regionA.districts[0]!.id,
        lat: 51.15,
        lon: 71.45,
        description: 'Аулада балалар алаңының әткеншегі сынған, балаларға қауіпті',
        evidence: [{ kind: 'photo', telegramFileId: 'AgACname', fileUniqueId: 'u-name', mimeType: 'image/jpeg' }],
        anonymous: true,
      },
    );
    const named = async () => (await services.portal.reports.byNumber(r.number))?.authorName;
    expect(await named()).toBeNull();
    await say(u, '📋 Менің өтініштерім');
    await press(u, new RegExp(r.number));
    await press(u, '👤 Порталда атымды көрсету');
    expect(await named()).toBe('Гүлнар Оспанова');
    expect(buttons(u)).toContain('🙈 Порталда атымды жасыру');
    await press(u, '🙈 Порталда атымды жасыру');
    expect(await named()).toBeNull();
    expect(await services.prisma.auditLog.count({ where: { action: 'report.show_name', entityId: String(r.id) } })).toBe(2);
  });

  it('says an unknown or hidden number is not found, in the resident’s language', async () => {
    const { u } = await h.citizen({ locale: 'ru', name: 'Гость' });
    await say(u, `/start rp_${w.hidden.number}`);
    const hidden = last(u);
    await say(u, '/start rp_KZ-2026-999999');
    expect(hidden).toBe('Обращение не найдено.');
    expect(last(u)).toBe(hidden);
    expect(all(u)).not.toContain(w.hidden.description.slice(0, 20));
  });
});
