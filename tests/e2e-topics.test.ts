// Public discussion end to end: the whole app (bot by long polling, API, jobs, outbox) against the fake Bot
// API, on an injected clock. A project manager publishes a topic on Tue 17 March 2026, whose 10th working day
// crosses Nauryz (21–25 March with the moved days off) and a weekend, so it ends on Fri 3 April; a subscriber
// hears of it; a comment one minute before the end is accepted and one a minute after is refused with the
// rule; the review needs every decision and reason; each author hears the outcome in their language; and the
// Annex 2 workbook is checked cell by cell in Kazakh and Russian.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { act, onboard, until, useE2e } from './helpers/e2e.ts';

const at = (local: string) => new Date(`${local}+05:00`);

/** The cells of the first worksheet of an XLSX file, by reference: text as Excel shows it, numbers as numbers. */
function sheetCells(xlsx: Buffer): { cells: Map<string, string | number>; sheetName: string } {
  const files = unzipSync(new Uint8Array(xlsx));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const workbook = strFromU8(files['xl/workbook.xml']!);
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const cells = new Map<string, string | number>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, ref, attrs, body = ''] = m;
    if (/t="inlineStr"/.test(attrs!)) cells.set(ref!, unescape(/<t[^>]*>([\s\S]*?)<\/t>/.exec(body)![1]!));
    else {
      const v = /<v>([^<]*)<\/v>/.exec(body);
      if (v) cells.set(ref!, Number(v[1]));
    }
  }
  return { cells, sheetName: unescape(/<sheet name="([^"]+)"/.exec(workbook)![1]!) };
}

describe.each(dbTargets)('public discussion end to end (%s)', (target) => {
  // The app's clock: set to a wall-clock time, then running on (the outbox waits out flood control by it),
  // or standing still where a test needs an exact instant.
  const { fake, app, api, clock } = useE2e(target, { start: at('2026-03-16T09:00:00'), env: { SESSION_TTL_HOURS: String(24 * 90) }, lang: 'ru' });
  const setClock = (local: string, running = true) => clock.set(at(local), running);

  it('publishes across Nauryz, takes comments to the minute, reviews with reasons, notifies each author, and produces Annex 2', async () => {
    // ── staff: a state body and its project manager ──
    const almaty = (await api('GET', '/api/reference/regions')).json.find((r: { code: string }) => r.code === 'almaty-city');
    const body = (
      await api('POST', '/api/state-bodies', {
        code: 'almaty-youth',
        nameKk: 'Алматы қаласының жастар саясаты басқармасы',
        nameRu: 'Управление молодёжной политики города Алматы',
        regionId: almaty.id,
      })
    ).json;
    const pm = (await api('POST', '/api/staff', { login: 'pm.almaty', fullName: 'Дана Ержанова', password: 'pm-password-123', roles: ['project_manager'] }))
      .json;
    expect((await api('PUT', `/api/staff/${pm.id}/state-body`, { stateBodyId: body.id })).status).toBe(200);
    const pmToken = (await api('POST', '/api/auth/login', { login: 'pm.almaty', password: 'pm-password-123' }, '')).json.token as string;

    // ── citizens: one in Russian subscribes to youth policy; one in Kazakh ──
    const sergey = await onboard(fake, 'ru', 'Сергей');
    await act(sergey, () => sergey.send('🗣 Обсуждение тем'), 'Сейчас нет тем на обсуждении');
    await act(sergey, () => sergey.pressButton('🔔 Подписки'), 'Подписки на новые темы');
    await act(sergey, () => sergey.pressButton('🏷 Сферы (выбрано: 0)'), 'Отметьте сферы');
    await act(sergey, () => sergey.pressButton('▫️ 4. Поддержка молодежной…'), /✅ 4\. |Отметьте сферы/);
    await until('subscription saved', async () => (await app.services.prisma.topicAreaSubscription.count()) === 1);
    const aigul = await onboard(fake, 'kk', 'Айгүл');

    // ── the topic, published on Tue 17 March 2026 at 10:00 ──
    setClock('2026-03-17T10:00:00', false);
    const topic = (
      await api(
        'POST',
        '/api/discussions',
        {
          stateBodyId: body.id,
          areaId: 4,
          year: 2026,
          titleKk: 'Жасөспірімдерге арналған IT-үйірмелер',
          titleRu: 'IT-кружки для подростков',
          fundingThousandTenge: '18500.5',
          justificationKk: 'Қажеттіліктерді бағалау аудандарда IT-үйірмелердің жоқтығын көрсетті',
          justificationRu: 'Оценка потребностей показала, что в районах нет IT-кружков',
          informationSource: 'Оценка потребностей молодёжи, 2025',
          targetGroupKk: '12–17 жастағы жасөспірімдер',
          targetGroupRu: 'Подростки 12–17 лет',
          expectedResultKk: '300 жасөспірім бағдарламалауды үйренеді',
          expectedResultRu: '300 подростков научатся программированию',
        },
        pmToken,
      )
    ).json;
    const tooShort = await api('POST', `/api/discussions/${topic.id}/publish`, { endsAt: at('2026-04-03T09:59:00').toISOString() }, pmToken, 'kk');
    expect(tooShort.status).toBe(400);
    expect(tooShort.json.error.message).toBe(
      'Қағидаларға сәйкес талқылау жарияланған күннен бастап кемінде 10 жұмыс күнге созылады: оның ең ерте аяқталу уақыты — 03.04.2026 10:00.',
    );
    const published = await api('POST', `/api/discussions/${topic.id}/publish`, {}, pmToken);
    expect(published.status).toBe(200);
    // 18, 19, 20 March; 21–25 March off (Nauryz on Sat–Mon, its days off moved to Tue and Wed); 26, 27, 30, 31 March, 1, 2, 3 April.
    setClock('2026-03-17T10:00:00');
    expect(published.json).toMatchObject({
      status: 'open',
      endsAt: at('2026-04-03T10:00:00').toISOString(),
      reviewDueAt: at('2026-04-08T10:00:00').toISOString(),
      announced: 1,
    });

    // ── the subscriber hears of it and comments during the discussion ──
    await until('announcement', () => sergey.texts().find((x) => x.includes('🗣 Новая тема на публичном обсуждении') && x.includes('IT-кружки для подростков')));
    setClock('2026-03-20T16:00:00');
    await act(sergey, () => sergey.pressButton('🔎 Открыть тему'), 'Оценка потребностей показала, что в районах нет IT-кружков');
    await act(sergey, () => sergey.pressButton('✍️ Замечание или предложение'), 'От 10 до 3000 символов');
    await act(sergey, () => sergey.send('Нужны занятия и для девочек, отдельные группы'), 'Как подписать ваше предложение?');
    await act(sergey, () => sergey.send('Сергей Ким'), 'от имени организации');
    await act(sergey, () => sergey.send('ОФ «Цифровое поколение»'), 'Как вы относитесь к теме в целом?');
    await act(sergey, () => sergey.pressButton('👍 Поддерживаю'), 'Проверьте перед отправкой');
    await act(sergey, () => sergey.pressButton('✅ Отправить'), '✅ Спасибо!');

    // ── one minute before the end: accepted ──
    setClock('2026-04-03T09:59:00');
    await act(aigul, () => aigul.send(`/start topic_${topic.id}`), 'Жасөспірімдерге арналған IT-үйірмелер');
    await act(aigul, () => aigul.pressButton('✍️ Ескерту не ұсыныс жазу'), 'Қабылдау мерзімі: 03.04.2026 10:00.');
    await act(aigul, () => aigul.send('Үйірмелер қазақ тілінде де өтуі керек'), 'Ұсынысыңызға қалай қол қоямыз?');
    await act(aigul, () => aigul.send('Айгүл Сапарова'), 'Ұйымның');
    await act(aigul, () => aigul.pressButton('👤 Өз атымнан'), 'көзқарасыңыз');
    await act(aigul, () => aigul.pressButton('🤷 Бағасыз'), 'Жібермес бұрын тексеріңіз');
    await act(aigul, () => aigul.pressButton('✅ Жіберу'), '✅ Рақмет!');

    // ── one minute after the end: refused with the rule, before the job has closed the discussion ──
    await act(sergey, () => sergey.send(`/start topic_${topic.id}`), 'IT-кружки для подростков');
    await act(sergey, () => sergey.pressButton('✍️ Замечание или предложение'), 'От 10 до 3000 символов');
    await act(sergey, () => sergey.send('Ещё одно предложение: летний лагерь'), 'Как подписать ваше предложение?');
    await act(sergey, () => sergey.pressButton('👤 Сергей'), 'от имени организации');
    await act(sergey, () => sergey.pressButton('👤 Лично от себя'), 'Как вы относитесь');
    await act(sergey, () => sergey.pressButton('🤷 Без оценки'), 'Проверьте перед отправкой');
    setClock('2026-04-03T10:01:00');
    await act(
      sergey,
      () => sergey.pressButton('✅ Отправить'),
      'Обсуждение завершилось 03.04.2026 10:00. По Правилам формирования государственного социального заказа замечания и предложения, поступившие после окончания обсуждения, не рассматриваются',
    );
    const comments = await app.services.prisma.discussionComment.findMany({ where: { topicId: topic.id }, orderBy: { id: 'asc' } });
    expect(comments.map((c) => c.authorName)).toEqual(['Сергей Ким', 'Айгүл Сапарова']);
    expect(comments[1]!.createdAt.getTime()).toBeGreaterThanOrEqual(at('2026-04-03T09:59:00').getTime());
    expect(comments[1]!.createdAt.getTime()).toBeLessThan(at('2026-04-03T10:00:00').getTime());
    // The job closes it (run now; the scheduler's own minute may get there first: either is fine).
    await app.scheduler!.runNow('discussion-deadlines');
    const closed = await until('closed by the job', async () => {
      const row = await app.services.prisma.discussionTopic.findUniqueOrThrow({ where: { id: topic.id } });
      return row.status === 'closed' && row;
    });
    expect(closed.reviewDueAt).toEqual(at('2026-04-08T10:00:00'));

    // ── the review: every comment decided, with reasons ──
    setClock('2026-04-06T11:00:00');
    const [fromSergey, fromAigul] = comments;
    const decide = (id: number, decision: string, reason?: string) =>
      api('PUT', `/api/discussions/${topic.id}/comments/${id}/decision`, { decision, reason }, pmToken);
    expect((await decide(fromSergey!.id, 'partly_accepted')).json.error.code).toBe('discussion.reason_required');
    expect((await decide(fromSergey!.id, 'partly_accepted', 'Отдельные группы будут в двух районах из восьми')).status).toBe(200);
    const early = await api('POST', `/api/discussions/${topic.id}/review`, undefined, pmToken);
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('осталось замечаний: 1 из 2');
    expect((await decide(fromAigul!.id, 'rejected', 'Бағдарлама екі тілде жүргізіледі, бұл талап жобада бар')).status).toBe(200);
    const reviewed = await api('POST', `/api/discussions/${topic.id}/review`, undefined, pmToken);
    expect(reviewed.json).toMatchObject({
      status: 'reviewed',
      notified: 2,
      counts: { comments: 2, authors: 2, supports: 1, objections: 0, decisions: { accepted: 0, partly_accepted: 1, rejected: 1, undecided: 0 } },
    });

    // ── each author hears the outcome in their language ──
    const toAigul = await until(
      'decision in Kazakh',
      () => aigul.texts().find((x) => x.startsWith('🏛 Мемлекеттік орган')),
      () => [aigul.texts().slice(-2), fake.calls.slice(-3).map((c) => [c.method, c.status, JSON.stringify(c.response).slice(0, 200)])],
    );
    expect(toAigul).toContain('«Жасөспірімдерге арналған IT-үйірмелер» тақырыбы бойынша ескертулеріңіз бен ұсыныстарыңызды қарады');
    expect(toAigul).toContain('1) «Үйірмелер қазақ тілінде де өтуі керек»\n❌ Қабылданбады. Негіздеме: Бағдарлама екі тілде жүргізіледі, бұл талап жобада бар');
    const toSergey = await until('decision in Russian', () => sergey.texts().find((x) => x.startsWith('🏛 Госорган')));
    expect(toSergey).toContain(
      '1) «Нужны занятия и для девочек, отдельные группы»\n🟡 Принято частично. Обоснование: Отдельные группы будут в двух районах из восьми',
    );

    // ── Annex 2, cell by cell, in Kazakh and in Russian ──
    const annex2 = [
      {
        lang: 'kk',
        sheet: '2-қосымша',
        title:
          'Мемлекеттік әлеуметтік тапсырысты қалыптастыру, оның іске асырылу мониторингі және нәтижелерін бағалау қағидаларына 2-қосымша. Нысан\nМемлекеттік әлеуметтік тапсырыс тақырыптарын жария талқылаудың аяқталуы туралы есеп\nАлматы қаласының жастар саясаты басқармасы, 2026',
        rows: [
          [
            '№',
            'Мемлекеттік әлеуметтік тапсырыстың жоспарланған тақырыбы',
            'Авторын көрсете отырып, ескертулер және (немесе) ұсыныстар (қысқаша мазмұны)',
            'Ескертулердің және (немесе) ұсыныстардың қабылданбауы бойынша негіздемесі бар мемлекеттік органның қорытындысы',
          ],
          [
            1,
            'Жасөспірімдерге арналған IT-үйірмелер',
            'Нужны занятия и для девочек, отдельные группы\nАвторы: Сергей Ким (ОФ «Цифровое поколение»)',
            'Ішінара қабылданды. Негіздеме: Отдельные группы будут в двух районах из восьми',
          ],
          [
            2,
            'Жасөспірімдерге арналған IT-үйірмелер',
            'Үйірмелер қазақ тілінде де өтуі керек\nАвторы: Айгүл Сапарова',
            'Қабылданбады. Негіздеме: Бағдарлама екі тілде жүргізіледі, бұл талап жобада бар',
          ],
        ],
      },
      {
        lang: 'ru',
        sheet: 'Приложение 2',
        title:
          'Приложение 2 к Правилам формирования государственного социального заказа, мониторинга его реализации и оценки результатов. Форма\nОтчет о завершении публичного обсуждения тем государственного социального заказа\nУправление молодёжной политики города Алматы, 2026',
        rows: [
          [
            '№',
            'Планируемая тема государственного социального заказа',
            'Замечания и (или) предложения (краткое содержание) с указанием автора',
            'Заключение государственного органа с обоснованием непринятия замечаний и (или) предложений',
          ],
          [
            1,
            'IT-кружки для подростков',
            'Нужны занятия и для девочек, отдельные группы\nАвтор: Сергей Ким (ОФ «Цифровое поколение»)',
            'Принято частично. Обоснование: Отдельные группы будут в двух районах из восьми',
          ],
          [
            2,
            'IT-кружки для подростков',
            'Үйірмелер қазақ тілінде де өтуі керек\nАвтор: Айгүл Сапарова',
            'Не принято. Обоснование: Бағдарлама екі тілде жүргізіледі, бұл талап жобада бар',
          ],
        ],
      },
    ];
    const sheets: Array<ReturnType<typeof sheetCells>> = [];
    for (const form of annex2) {
      const file = await api('GET', `/api/discussions/${topic.id}/annex2?format=xlsx&lang=${form.lang}`, undefined, pmToken);
      expect(file.status).toBe(200);
      const sheet = sheetCells(file.buffer);
      expect(sheet.sheetName).toBe(form.sheet);
      expect(sheet.cells.get('A1')).toBe(form.title);
      expect([2, 3, 4].map((n) => ['A', 'B', 'C', 'D'].map((c) => sheet.cells.get(`${c}${n}`)))).toEqual(form.rows);
      expect([...sheet.cells.keys()].filter((x) => /^[A-Z]+5$/.test(x))).toEqual([]);
      sheets.push(sheet);
    }
    const r = sheets[1]!;
    // The same form for the body and year gives the same rows.
    const year = sheetCells((await api('GET', `/api/discussions/annex2?format=xlsx&lang=ru&stateBodyId=${body.id}&year=2026`, undefined, pmToken)).buffer);
    expect(['C3', 'C4', 'D4'].map((x) => year.cells.get(x))).toEqual(['C3', 'C4', 'D4'].map((x) => r.cells.get(x)));
    expect(year.cells.get('A1')).toContain('Управление молодёжной политики города Алматы, 2026');
  });
});
