// Annex 9 (seed 003 item 21 and the form's notes 1–10): a state body's monitoring report for a year, by the
// half-year and for the year, XLSX in Kazakh and Russian read back by exceljs. The half-year has the body's
// projects running by 30 June and no scores; the annual adds the positive effect to column 7 and the Annex 8
// total in column 8. Column 7 is drafted from the rounds completed in the period and staff may edit it; a
// redraft keeps edits unless forced. The first head signs; submitting freezes the report.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { addUp, makeBody, movableClock, readSheet, signInAgain, tie } from './helpers/monitoring-forms.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

const clock = movableClock('2026-07-01T05:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const at = (d: string) => new Date(`${d}T10:00:00+05:00`);

describe.each(dbTargets)('Annex 9 (%s)', (target) => {
  const api = useProjectApi(target, { clock: clock.now });
  const ids = { body: 0, p1: 0, p2: 0, p3: 0, p4: 0, half: 0, annual: 0 };
  const tokens = { manager: '', regional: '' };

  beforeAll(async () => {
    const prisma = api.services.prisma;
    const [r1] = await prisma.region.findMany({ orderBy: { id: 'asc' }, take: 1 });
    ids.body = (await makeBody(prisma, 'youth', null, 'Б. Омаров')).id;
    let n = 0;
    const project = async (areaId: number, name: string, from: string, to: string, contractSum: number, plannedSum: number | null, extra = {}) =>
      (
        await prisma.socialProject.create({
          data: {
            nameKk: `${name} (kk)`,
            nameRu: name,
            supplierName: `ОФ «${name}»`,
            contractSum,
            plannedSum,
            startsOn: day(from),
            endsOn: day(to),
            areaId,
            stateBodyId: ids.body,
            status: 'active',
            inviteCode: `a9-${target}-${++n}`,
            coverageTarget: 150,
            ...extra,
          },
        })
      ).id;
    ids.p1 = await project(9, 'Правовая помощь', '2026-02-01', '2026-11-30', 4500.5, 4000);
    ids.p2 = await project(9, 'Медиация', '2026-03-01', '2027-03-31', 1000.2, null);
    ids.p3 = await project(1, 'Кружки', '2025-06-01', '2026-05-31', 2000.1, 2100.3, { status: 'finished', evaluationClosedAt: at('2026-06-10') });
    ids.p4 = await project(2, 'Здоровье', '2026-07-10', '2026-12-20', 700, 700);
    // P3's evaluation: one expert scored 4, 5, 3, 4 → Annex 8 total 16
    const expert = await api.account('a9-expert', ['expert']);
    for (const [criterion, score] of [
      [1, 4],
      [2, 5],
      [3, 3],
      [4, 4],
    ]) {
      await prisma.expertScore.create({ data: { projectId: ids.p3, staffUserId: expert.id, criterion: criterion!, score: score!, comment: 'ok' } });
    }
    // P1: two activities; round 1 (April: survey + documents), round 2 (September: mystery shopper + social media)
    const acts = [];
    for (const position of [1, 2])
      acts.push(
        await prisma.projectActivity.create({ data: { projectId: ids.p1, position, titleKk: `Іс-шара ${position}`, titleRu: `Мероприятие ${position}` } }),
      );
    const round = async (
      plannedOn: string,
      completedAt: string,
      tools: Array<'survey' | 'document_review' | 'mystery_shopper' | 'social_media'>,
      summary: string,
      snapshot: object,
    ) => {
      const r = await prisma.monitoringRound.create({
        data: {
          projectId: ids.p1,
          year: 2026,
          plannedOn: day(plannedOn),
          status: 'completed',
          conductedBy: 'self',
          completedAt: at(completedAt),
          summary,
          snapshot,
        },
      });
      for (const tool of tools) await prisma.roundTool.create({ data: { roundId: r.id, tool, findings: 'нормально' } });
      return r;
    };
    const r1st = await round('2026-04-10', '2026-04-10', ['survey', 'document_review'], 'Семинары идут по плану', {
      // the shape core/monitoring/indicators.ts freezes at completion
      activities: [
        { activityId: acts[0]!.id, due: true, status: 'done' },
        { activityId: acts[1]!.id, due: true, status: 'partly' },
      ],
      satisfaction: [{ pollId: 1, waveId: 2, labelKk: '2-толқын', labelRu: 'Волна 2', base: 40, positive: 33, index: 82.5, change: 4.5 }],
      coverage: { persons: 120, male: 50, female: 70, target: 150, eventParticipants: 0 },
      standard: null,
    });
    await prisma.roundActivity.create({ data: { roundId: r1st.id, activityId: acts[0]!.id, status: 'done' } });
    await prisma.roundActivity.create({ data: { roundId: r1st.id, activityId: acts[1]!.id, status: 'partly' } });
    await prisma.monitoringMeasure.create({
      data: {
        roundId: r1st.id,
        projectId: ids.p1,
        text: 'Вести журнал',
        dueOn: day('2026-05-10'),
        status: 'done',
        overdueAt: at('2026-05-11'),
        closedAt: at('2026-05-20'),
      },
    });
    await round('2026-09-15', '2026-09-15', ['mystery_shopper', 'social_media'], 'Правовая грамотность молодёжи выросла', { coverage: { persons: 210 } });
    await prisma.monitoringRound.create({ data: { projectId: ids.p1, year: 2026, plannedOn: day('2026-11-20'), conductedBy: 'self' } });

    const manager = await api.account('a9-manager', ['project_manager']);
    await tie(prisma, manager.id, { stateBodyId: ids.body });
    tokens.manager = manager.token;
    tokens.regional = (await api.account('a9-regional', ['project_manager'], r1!.id)).token;
  });

  const open = async (kind: 'half_year' | 'annual', lang = 'ru') => {
    const res = await api.call('POST', `/api/monitoring/reports?lang=${lang}`, tokens.manager, { stateBodyId: ids.body, year: 2026, kind });
    expect(res.status, res.text).toBe(200);
    return res.json();
  };
  const file = async (id: number, lang: 'kk' | 'ru') => {
    const res = await api.call('GET', `/api/monitoring/reports/${id}/export?lang=${lang}`, tokens.manager);
    expect(res.status, res.text).toBe(200);
    return (await readSheet(res.body)).rows;
  };

  const P1_HALF_RU =
    'Проведено мониторингов: 1 (запланировано на год: 3); инструменты: опрос и интервью, изучение документации. ' +
    'Исполнение плана: выполнено мероприятий: 1 из 2. Удовлетворённость целевой аудитории: 82,5 % (ответивших: 40; изменение: +4,5 п. п.). ' +
    'Охват: 120 чел. (по плану: 150). Меры: всего 1, выполнено 1, просрочено 1.';

  it("takes the body's first head, as an admin sets it, as the signer of a new report", async () => {
    const admin = await api.account('a9-admin', ['admin']);
    const other = (await makeBody(api.services.prisma, 'a9-other', null)).id;
    const set = await api.call('PATCH', `/api/state-bodies/${other}`, admin.token, {
      headName: 'С. Нұрланова',
      headPositionKk: 'басқарма басшысы',
      headPositionRu: 'руководитель управления',
    });
    expect(set.status, set.text).toBe(200);
    expect(set.json()).toMatchObject({ headName: 'С. Нұрланова', headPositionRu: 'руководитель управления' });
    const r = await api.call('POST', '/api/monitoring/reports', admin.token, { stateBodyId: other, year: 2026, kind: 'half_year' });
    expect(r.json().signer).toEqual({ name: 'С. Нұрланова', positionKk: 'басқарма басшысы', positionRu: 'руководитель управления', acting: false });
  });

  it('drafts column 7 of the half-year from the rounds completed by 30 June, in both languages', async () => {
    clock.set('2026-07-01T05:00:00Z');
    const r = await open('half_year');
    ids.half = r.id;
    expect(r.rows.map((x: { projectId: number }) => x.projectId).sort()).toEqual([ids.p1, ids.p2, ids.p3].sort()); // P4 starts in July
    const p1 = r.rows.find((x: { projectId: number }) => x.projectId === ids.p1);
    expect(p1.col7Ru).toBe(P1_HALF_RU);
    expect(p1.col7Kk).toContain('Жүргізілген мониторинг саны: 1 (жылға жоспарланғаны: 3)');
    expect(r.rows.find((x: { projectId: number }) => x.projectId === ids.p2).col7Ru).toBe('Мониторинг за период не проводился.');
  });

  for (const lang of ['kk', 'ru'] as const) {
    it(`writes the half-year with 8 columns, no scores, and sums checked cell by cell (${lang})`, async () => {
      const rows = await file(ids.half, lang);
      expect(String(rows[0]!.values[0])).toContain(lang === 'kk' ? '(жартыжылдық қорытындысы бойынша)' : '(по итогам полугодия)');
      expect(rows[1]!.values).toHaveLength(8);
      expect(rows[1]!.values[6]).toBe(
        lang === 'kk'
          ? 'Әлеуметтік жобаларды және (немесе) әлеуметтік бағдарламаларды іске асыру процесі мен нәтижелері'
          : 'Процесс и результаты реализации социальных проектов и (или) социальных программ',
      );
      expect(rows[2]!.values).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
      const words = lang === 'kk' ? { sub: 'Жиынында', total: 'Барлығы' } : { sub: 'Итого по сфере', total: 'Всего' };
      const data = rows.filter((r) => !r.bold && r.n > 3 && typeof r.values[4] === 'number');
      expect(data.map((r) => r.values[7])).toEqual([null, null, null]);
      const subs = rows.filter((r) => r.values[0] === words.sub);
      // area 1: Кружки; area 9: Правовая помощь + Медиация
      expect(subs.map((r) => [r.values[3], r.values[4]])).toEqual([
        [2100.3, 2000.1],
        [4000, addUp([4500.5, 1000.2])],
      ]);
      const total = rows.find((r) => r.values[0] === words.total)!;
      expect(total.values[3]).toBe(addUp(data.map((r) => r.values[3] as number | null)));
      expect(total.values[4]).toBe(addUp(data.map((r) => r.values[4] as number)));
      expect(total.values[4]).toBe(7500.8);
      expect(rows.at(-1)!.values[0]).toBe(
        lang === 'kk' ? 'Бірінші басшы: Б. Омаров ____________ (қолы)' : 'Первый руководитель: Б. Омаров ____________ (подпись)',
      );
    });
  }

  it('keeps an edited column 7 through a redraft, and rewrites it when forced', async () => {
    const edit = await api.call('PATCH', `/api/monitoring/reports/${ids.half}/rows/${ids.p1}`, tokens.manager, {
      col7Kk: 'Өңделген мәтін',
      col7Ru: 'Исправленный текст',
    });
    expect(edit.status, edit.text).toBe(200);
    const rows = await file(ids.half, 'ru');
    expect(rows.some((r) => r.values[6] === 'Исправленный текст')).toBe(true);
    expect((await api.call('POST', `/api/monitoring/reports/${ids.half}/redraft`, tokens.manager, {})).json().rewritten).toBe(2);
    const kept = (await api.call('GET', `/api/monitoring/reports/${ids.half}`, tokens.manager)).json();
    expect(kept.rows.find((x: { projectId: number }) => x.projectId === ids.p1)).toMatchObject({ col7Ru: 'Исправленный текст', col7Kk: 'Өңделген мәтін' });
    expect((await api.call('POST', `/api/monitoring/reports/${ids.half}/redraft`, tokens.manager, { force: true })).json().rewritten).toBe(3);
    const redrafted = (await api.call('GET', `/api/monitoring/reports/${ids.half}`, tokens.manager)).json();
    expect(redrafted.rows.find((x: { projectId: number }) => x.projectId === ids.p1)).toMatchObject({ col7Ru: P1_HALF_RU, editedAt: null });
  });

  for (const lang of ['kk', 'ru'] as const) {
    it(`writes the annual report with the positive effect and the scores of column 8 (${lang})`, async () => {
      clock.set('2027-01-20T05:00:00Z');
      tokens.manager = await signInAgain(api.app, 'a9-manager');
      tokens.regional = await signInAgain(api.app, 'a9-regional');
      const r = await open('annual', lang);
      ids.annual = r.id;
      const rows = await file(ids.annual, lang);
      expect(rows[1]!.values[6]).toContain(lang === 'kk' ? 'сондай-ақ оң әсері' : 'а также положительный эффект');
      const byName = (name: string) => rows.find((x) => x.values[2] === (lang === 'kk' ? `${name} (kk)` : name))!;
      expect(byName('Кружки').values[7]).toBe(16); // 4 + 5 + 3 + 4
      expect(byName('Правовая помощь').values[7]).toBe(lang === 'kk' ? 'бағалау аяқталмаған' : 'оценка не завершена');
      expect(byName('Медиация').values[7]).toBe(lang === 'kk' ? 'жоба жалғасуда (15-тармақ)' : 'проект продолжается (п. 15)');
      expect(String(byName('Правовая помощь').values[6])).toContain(
        lang === 'kk' ? 'Оң әсері: Правовая грамотность молодёжи выросла' : 'Проведено мониторингов: 2 (запланировано на год: 3)',
      );
      const words = lang === 'kk' ? { sub: 'Жиынында', total: 'Барлығы' } : { sub: 'Итого по сфере', total: 'Всего' };
      const subs = rows.filter((x) => x.values[0] === words.sub);
      expect(subs.map((x) => [x.values[3], x.values[4]])).toEqual([
        [2100.3, 2000.1], // area 1
        [700, 700], // area 2: Здоровье (July–December)
        [4000, 5500.7], // area 9
      ]);
      const total = rows.find((x) => x.values[0] === words.total)!;
      expect([total.values[3], total.values[4]]).toEqual([addUp([2100.3, 700, 4000]), addUp([2000.1, 700, 4500.5, 1000.2])]);
    });
  }

  it('lets the acting head sign, refuses a submit without a signer, and freezes the report once submitted', async () => {
    const none = await api.call('PUT', `/api/monitoring/reports/${ids.annual}/signer`, tokens.manager, { name: '' });
    expect(none.status).toBe(400);
    await api.services.prisma.monitoringReport.update({ where: { id: ids.annual }, data: { signerName: '' } });
    const refused = await api.call('POST', `/api/monitoring/reports/${ids.annual}/submit`, tokens.manager);
    expect(refused.json().error.code).toBe('monitoring_forms.signer_required');
    const acting = await api.call('PUT', `/api/monitoring/reports/${ids.annual}/signer`, tokens.manager, { name: 'Д. Ахметов', acting: true });
    expect(acting.status, acting.text).toBe(200);
    expect((await file(ids.annual, 'ru')).at(-1)!.values[0]).toBe('Исполняющий обязанности первого руководителя: Д. Ахметов ____________ (подпись)');
    const submitted = await api.call('POST', `/api/monitoring/reports/${ids.annual}/submit`, tokens.manager);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.json().submittedAt).toBe('2027-01-20T05:00:00.000Z');
    const late = await api.call('PATCH', `/api/monitoring/reports/${ids.annual}/rows/${ids.p1}`, tokens.manager, { col7Kk: 'x', col7Ru: 'x' });
    expect(late.status).toBe(409);
  });

  it('refuses a manager of another region, and a body id out of scope', async () => {
    expect((await api.call('GET', `/api/monitoring/reports/${ids.half}`, tokens.regional)).status).toBe(403);
    expect((await api.call('GET', `/api/monitoring/reports/${ids.half}/export?lang=kk`, tokens.regional)).status).toBe(403);
    const res = await api.call('POST', '/api/monitoring/reports', tokens.regional, { stateBodyId: ids.body, year: 2026, kind: 'half_year' });
    expect(res.status).toBe(403);
  });
});
