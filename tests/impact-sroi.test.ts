// SROI per project (seed 000 3.3; plan §3.5) through the API on both databases, clock pinned: the worked
// example (3.21, range 1.80–5.28), a ratio never without its assumptions, refused while an outcome lacks its
// rationale, the export in kk and ru read back with exceljs; and the balanced scorecard of a body's projects.
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../core/impact/sroi.ts';
import { dbTargets } from './helpers/db.ts';
import { beneficiaries, impactManager, impactProject } from './helpers/impact-fixtures.ts';
import { makeBody, readSheet, tie } from './helpers/monitoring-forms.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

/** Tuesday 15 December 2026, 10:00 Almaty. */
const NOW = new Date('2026-12-15T05:00:00Z');

const employment = {
  nameKk: 'Жұмысқа орналасқан адамдар',
  nameRu: 'Трудоустроенные',
  quantity: 40,
  durationYears: 2,
  deadweightPct: 30,
  attributionPct: 20,
  displacementPct: 0,
  dropOffPct: 50,
  rationale: 'Деэдвейт 30 %: доля трудоустройства в районе без проекта по данным центра занятости; атрибуция 20 %: параллельная программа акимата.',
};

describe('SROI, pure', () => {
  it('works the plan’s example by hand: 3.21, low 1.80, high 5.28, break-even 0.311', () => {
    const r = computeSroi(
      [{ kind: 'contract', labelKk: '', labelRu: '', amount: 10_000_000, source: 'contract' }],
      [
        {
          id: 1,
          ...employment,
          quantityFrom: 'entered',
          proxy: { code: 'employment_year', nameKk: '', nameRu: '', source: 'budget law', value: 1_020_000 },
          deadweight: 30,
          attribution: 20,
          displacement: 0,
          dropOff: 50,
        },
      ],
      5,
    );
    // V₁ = 40 · 1 020 000 · 0.7 · 0.8 = 22 848 000; V₂ = 11 424 000;
    // PV = 22 848 000 / 1.05 + 11 424 000 / 1.05² = 21 760 000 + 10 361 904.76 = 32 121 904.76 → 3.21
    expect(r.outcomes[0]!.v1).toBe(22_848_000);
    expect(r.presentValue).toBeCloseTo(32_121_904.76, 2);
    expect(r.ratio).toBe(3.21);
    // low: proxy × 0.8, DW/AT/DO + 10 p.p.: V₁ = 40 · 816 000 · 0.6 · 0.7 = 13 708 800, V₂ = 5 483 520 → 18 029 714.29 → 1.80
    expect(r.low).toBe(1.8);
    // high: proxy × 1.2, DW/AT/DO − 10 p.p.: V₁ = 35 251 200, V₂ = 21 150 720 → 52 756 897.96 → 5.28
    expect(r.high).toBe(5.28);
    // 10 000 000 / 32 121 904.76 = 0.311; net = 2.21
    expect(r.breakEven).toBe(0.311);
    expect(r.net).toBe(2.21);
  });
});

describe.each(dbTargets)('SROI and scorecard on %s', (target) => {
  const api = useProjectApi(target, { clock: () => NOW });
  const prisma = () => api.services.prisma;

  it('gives the ratio only with its range and assumptions; refuses without a rationale; exports kk and ru', async () => {
    const pm = await impactManager(api, prisma());
    const p = await impactProject(prisma(), { name: 'Жұмыс', contractSum: 10_000 });
    const proxy = await prisma().financialProxy.findUniqueOrThrow({ where: { code: 'employment_year' } });
    // the seeded proxy: 12 × 85 000, with its source
    expect(Number(proxy.valueTenge)).toBe(1_020_000);
    expect(proxy.source).toContain('republican budget');
    const add = await api.call('POST', `/api/impact/projects/${p.id}/sroi/outcomes`, pm.token, { ...employment, rationale: '', proxyId: proxy.id });
    expect(add.status, add.text).toBe(201);
    const refused = (await api.call('GET', `/api/impact/projects/${p.id}/sroi`, pm.token, undefined, { 'accept-language': 'kk' })).json();
    expect(refused.result).toBeNull();
    expect(refused.refusal).toBe('impact.sroi_incomplete');
    const exportRefused = await api.call('GET', `/api/impact/projects/${p.id}/sroi/export?lang=ru`, pm.token, undefined, { 'accept-language': 'ru' });
    expect(exportRefused.status).toBe(400);
    expect(exportRefused.json().error.message).toBe('SROI не рассчитывается: у каждого результата должны быть обоснование и источник прокси.');

    const outcomeId = add.json().id;
    expect((await api.call('PUT', `/api/impact/sroi/outcomes/${outcomeId}`, pm.token, { ...employment, proxyId: proxy.id })).status).toBe(200);
    const sroi = (await api.call('GET', `/api/impact/projects/${p.id}/sroi`, pm.token)).json();
    // the contract row comes from the contract sum: 10 000.0 thousand tenge = 10 000 000
    expect(sroi.inputs[0]).toMatchObject({ kind: 'contract', amount: 10_000_000 });
    expect(sroi.result).toMatchObject({ ratio: 3.21, low: 1.8, high: 5.28, breakEven: 0.311 });
    expect(sroi.result.outcomes[0].assumptions).toEqual({
      proxyValue: 1_020_000,
      proxySource: proxy.source,
      durationYears: 2,
      deadweight: 30,
      displacement: 0,
      attribution: 20,
      dropOff: 50,
      rationale: employment.rationale,
    });
    expect(await prisma().auditLog.count({ where: { action: { startsWith: 'impact.sroi_outcome' }, entityId: String(p.id) } })).toBe(2);

    for (const [lang, ratio, range, deadweight] of [
      ['kk', 'SROI коэффициенті', 'Сезімталдық ауқымы', 'Онсыз да болатын нәтиже, %'],
      ['ru', 'Коэффициент SROI', 'Диапазон чувствительности', 'Результат, который был бы и так, %'],
    ] as const) {
      const file = await api.call('GET', `/api/impact/projects/${p.id}/sroi/export?lang=${lang}`, pm.token);
      expect(file.status).toBe(200);
      const { rows } = await readSheet(file.body);
      const flat = rows.map((r) => r.values);
      expect(flat).toContainEqual([ratio, 3.21]);
      expect(flat).toContainEqual([range, '1.8 – 5.28']);
      // the assumptions sheet sits in the same workbook
      const ExcelJS = (await import('exceljs')).default;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body as unknown as ArrayBuffer);
      const outcomes = book.worksheets[2]!;
      expect(outcomes.getRow(1).values).toContain(deadweight);
      expect(outcomes.getRow(2).getCell(11).value).toBe(employment.rationale);
    }
  });

  it('refuses a proxy without its source, and a manager adding one', async () => {
    const admin = await api.account(`adm${Date.now()}`, ['admin']);
    const pm = await impactManager(api, prisma());
    const body = { code: 'meal', nameKk: 'Тамақ', nameRu: 'Питание', unitKk: 'күн', unitRu: 'день', valueTenge: 1500, source: '  ' };
    const noSource = await api.call('POST', '/api/impact/proxies', admin.token, body, { 'accept-language': 'kk' });
    expect(noSource.status).toBe(400);
    expect(noSource.json().error.message).toBe('Дереккөзін көрсетіңіз.');
    expect((await api.call('POST', '/api/impact/proxies', pm.token, { ...body, source: 'x' })).status).toBe(403);
    expect((await api.call('POST', '/api/impact/proxies', admin.token, { ...body, source: 'Приказ № 1' })).status).toBe(201);
  });

  it('compares a body’s projects on the balanced scorecard: cost per beneficiary, progress mean, on-time share; empty cells stay empty; kk and ru export', async () => {
    const region = await prisma().region.findUniqueOrThrow({ where: { code: 'almaty-city' } });
    const body = await makeBody(prisma(), `impact-body-${target}`, region.id);
    const pm = await impactManager(api, prisma());
    await tie(prisma(), pm.id, { stateBodyId: body.id });
    const a = await impactProject(prisma(), { name: 'Бірінші', contractSum: 5_000, stateBodyId: body.id });
    await impactProject(prisma(), { name: 'Екінші', contractSum: 3_000, stateBodyId: body.id });
    await beneficiaries(prisma(), a.id, 40, '2026-03-01');
    // two outcome indicators of A: 72.5 % and 130 % (capped to 100): mean (72.5 + 100) / 2 = 86.3 (86.25 rounded)
    const goal = await prisma().resultNode.create({ data: { projectId: a.id, level: 'goal', position: 1, textKk: 'м', textRu: 'ц' } });
    const outcome = await prisma().resultNode.create({ data: { projectId: a.id, level: 'outcome', parentId: goal.id, position: 1, textKk: 'н', textRu: 'р' } });
    const ind = (name: string, target: number) =>
      prisma().resultIndicator.create({
        data: {
          nodeId: outcome.id,
          projectId: a.id,
          position: 1,
          nameKk: name,
          nameRu: name,
          unitKk: 'адам',
          unitRu: 'чел.',
          baseline: 0,
          target,
          verificationKk: 'т',
          verificationRu: 'п',
          schedule: 'year',
        },
      });
    for (const [i, value] of [
      [await ind('бір', 200), 145],
      [await ind('екі', 100), 130],
    ] as const) {
      await prisma().indicatorValue.create({ data: { indicatorId: i.id, periodKey: '2026', value, evidenceText: 'акт', enteredById: pm.id, enteredAt: NOW } });
    }
    // A's document requests: 3 due, 2 received by their due day
    const round = await prisma().monitoringRound.create({
      data: { projectId: a.id, year: 2026, plannedOn: new Date('2026-05-05'), status: 'completed', conductedBy: 'self', completedAt: new Date('2026-05-06') },
    });
    for (const [due, received] of [
      ['2026-05-10', '2026-05-08T05:00:00Z'],
      ['2026-06-10', '2026-06-10T12:00:00Z'],
      ['2026-07-10', '2026-07-20T05:00:00Z'],
    ] as const) {
      await prisma().documentRequest.create({
        data: {
          roundId: round.id,
          projectId: a.id,
          title: 'акт',
          dueOn: new Date(due),
          requestedById: pm.id,
          requestedAt: new Date('2026-05-05'),
          receivedAt: new Date(received),
        },
      });
    }
    const card = await api.call('GET', `/api/impact/scorecard?stateBodyId=${body.id}&year=2026`, pm.token);
    expect(card.status, card.text).toBe(200);
    const [ra, rb] = card.json().rows;
    // 5 000.0 thousand tenge / 40 persons = 125 000 tenge each
    expect(ra.financial).toMatchObject({ contractSum: 5000, beneficiaries: 40, costPerBeneficiary: 125_000 });
    expect(ra.social).toMatchObject({ outcomeProgress: 86.3, outcomeIndicators: 2, satisfaction: null, expertScore: null });
    // 2 of 3 received by the due day: 66.7 %
    expect(ra.organisational).toMatchObject({ onTimeReporting: { percent: 66.7, onTime: 2, due: 3 }, measuresClosed: null, rounds: { completed: 1 } });
    // B has no beneficiaries, no framework, no requests: empty, never 0
    expect(rb.financial.costPerBeneficiary).toBeNull();
    expect(rb.social.outcomeProgress).toBeNull();
    expect(rb.organisational.onTimeReporting).toBeNull();
    for (const [lang, group, name] of [
      ['kk', 'Қаржылық', 'Бірінші kk'],
      ['ru', 'Финансовые', 'Бірінші ru'],
    ] as const) {
      const file = await api.call('GET', `/api/impact/scorecard/export?stateBodyId=${body.id}&year=2026&lang=${lang}`, pm.token);
      expect(file.status).toBe(200);
      const { rows } = await readSheet(file.body);
      const subheader = rows.find((r) => r.values.includes(group));
      expect(subheader).toBeDefined();
      const row = rows.find((r) => r.values[0] === name)!;
      expect(row.values[5]).toBe(125_000);
      expect(row.values[6]).toBeCloseTo(0.863, 3);
    }
    // another region's manager sees nothing of it
    const other = await prisma().region.findFirstOrThrow({ where: { code: { not: 'almaty-city' } } });
    const stranger = await impactManager(api, prisma(), other.id);
    expect((await api.call('GET', `/api/impact/scorecard?stateBodyId=${body.id}&year=2026`, stranger.token)).status).toBe(403);
  });
});
