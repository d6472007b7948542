// Annex 3 (seed 003 item 7 and the form): the planned projects of a year after the discussion, from the
// topics a body kept and rows added by hand, under all 19 areas with «Жиынында» per area and the grand
// total, in Kazakh and Russian. The files are read back by exceljs and every subtotal and the total are
// compared with sums of the fixture rows. Scope: only the body's managers and the admins.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { addUp, makeBody, movableClock, readSheet, tie } from './helpers/monitoring-forms.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

const clock = movableClock('2026-12-10T05:00:00Z');

describe.each(dbTargets)('Annex 3 (%s)', (target) => {
  const api = useProjectApi(target, { clock: clock.now });
  const ids = { body: 0, other: 0, kept: [] as number[], open: 0 };
  const tokens = { manager: '', foreign: '', regional: '', supplier: '', expert: '' };

  beforeAll(async () => {
    const prisma = api.services.prisma;
    const [r1] = await prisma.region.findMany({ orderBy: { id: 'asc' }, take: 1 });
    ids.body = (await makeBody(prisma, 'culture', null, 'Ә. Сәрсенов')).id;
    ids.other = (await makeBody(prisma, 'sport', null)).id;
    const topic = (areaId: number, title: string, funding: number, status: 'reviewed' | 'open') =>
      prisma.discussionTopic.create({
        data: {
          stateBodyId: ids.body,
          areaId,
          year: 2027,
          titleKk: `${title} (kk)`,
          titleRu: title,
          fundingThousandTenge: funding,
          justificationKk: 'қажеттілік',
          justificationRu: 'потребность',
          informationSource: 'оценка потребностей',
          targetGroupKk: 'жастар',
          targetGroupRu: 'молодёжь',
          expectedResultKk: `${title}: нәтиже`,
          expectedResultRu: `${title}: результат`,
          status,
        },
      });
    ids.kept = [(await topic(9, 'Правовая помощь', 1200.5, 'reviewed')).id, (await topic(1, 'Кружки', 800.3, 'reviewed')).id];
    ids.open = (await topic(9, 'Ещё обсуждается', 10, 'open')).id;
    const manager = await api.account('a3-manager', ['project_manager']);
    await tie(prisma, manager.id, { stateBodyId: ids.body });
    tokens.manager = manager.token;
    const foreign = await api.account('a3-foreign', ['project_manager']);
    await tie(prisma, foreign.id, { stateBodyId: ids.other });
    tokens.foreign = foreign.token;
    tokens.regional = (await api.account('a3-regional', ['project_manager'], r1!.id)).token;
    const supplier = await api.account('a3-supplier', ['project_manager']);
    await tie(prisma, supplier.id, { supplierBin: '123456789012' });
    tokens.supplier = supplier.token;
    tokens.expert = (await api.account('a3-expert', ['expert'])).token;
  });

  const q = () => `stateBodyId=${ids.body}&planYear=2027`;

  it('keeps the reviewed topics as rows (name, funding, expected result) once, and refuses a topic still under discussion', async () => {
    const cands = await api.call('GET', `/api/monitoring/annex3?${q()}`, tokens.manager);
    expect(cands.status, cands.text).toBe(200);
    expect(
      cands
        .json()
        .candidates.map((c: { id: number }) => c.id)
        .sort(),
    ).toEqual([...ids.kept].sort());
    const kept = await api.call('POST', '/api/monitoring/planned-projects/from-topics', tokens.manager, {
      stateBodyId: ids.body,
      planYear: 2027,
      topicIds: ids.kept,
    });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.json()).toHaveLength(2);
    expect(kept.json().find((r: { topicId: number }) => r.topicId === ids.kept[0])).toMatchObject({
      nameRu: 'Правовая помощь',
      plannedSum: 1200.5,
      summaryRu: 'Правовая помощь: результат',
      source: 'topic',
    });
    const again = await api.call('POST', '/api/monitoring/planned-projects/from-topics', tokens.manager, {
      stateBodyId: ids.body,
      planYear: 2027,
      topicIds: ids.kept,
    });
    expect(again.json()).toEqual([]);
    const open = await api.call('POST', '/api/monitoring/planned-projects/from-topics', tokens.manager, {
      stateBodyId: ids.body,
      planYear: 2027,
      topicIds: [ids.open],
    });
    expect(open.status).toBe(400);
    expect(open.json().error.code).toBe('monitoring_forms.topic_not_reviewed');
  });

  it('adds a row by hand and lets staff edit a kept one', async () => {
    const add = await api.call('POST', '/api/monitoring/planned-projects', tokens.manager, {
      stateBodyId: ids.body,
      planYear: 2027,
      areaId: 9,
      nameKk: 'Құқықтық кеңес беру',
      nameRu: 'Правовые консультации',
      plannedSum: 450.2,
      summaryKk: 'Кеңес беру',
      summaryRu: 'Консультации',
    });
    expect(add.status, add.text).toBe(201);
    expect(add.json().source).toBe('manual');
    const rows = (await api.call('GET', `/api/monitoring/annex3?${q()}`, tokens.manager)).json().rows;
    const circles = rows.find((r: { nameRu: string }) => r.nameRu === 'Кружки');
    const edit = await api.call('PATCH', `/api/monitoring/planned-projects/${circles.id}`, tokens.manager, { plannedSum: 800.4 });
    expect(edit.json().plannedSum).toBe(800.4);
  });

  for (const lang of ['kk', 'ru'] as const) {
    it(`writes all 19 areas with their subtotals and the grand total, checked cell by cell (${lang})`, async () => {
      const res = await api.call('GET', `/api/monitoring/annex3/export?${q()}&lang=${lang}`, tokens.manager);
      expect(res.status, res.text).toBe(200);
      const { rows } = await readSheet(res.body);
      const words =
        lang === 'kk'
          ? { title: '2027 жылға арналған', sub: 'Жиынында', total: 'Барлығы', col4: 'Жоспарланған сомасы (мың теңге)' }
          : { title: 'на 2027 год', sub: 'Итого по сфере', total: 'Всего', col4: 'Планируемая сумма (тысяч тенге)' };
      expect(String(rows[0]!.values[0])).toContain(words.title);
      expect(rows[1]!.values[3]).toBe(words.col4);
      expect(rows[2]!.values).toEqual(['1', '2', '3', '4', '5']);
      const body = rows.slice(3);
      const headings = body.filter((r) => r.bold && r.values[0] !== words.sub && r.values[0] !== words.total);
      expect(headings).toHaveLength(19);
      expect(headings[0]!.values[0]).toBe(
        lang === 'kk'
          ? '1-сала. Білім беру, ғылым, ақпарат, дене шынықтыру және спорт саласындағы мақсаттарға қол жеткізу'
          : 'Сфера 1. Достижение целей в сфере образования, науки, информации, физической культуры и спорта',
      );
      // walk the areas: each subtotal is the sum of column 4 of the rows above it, numbered from 1
      const subtotals: number[] = [];
      let current: number[] = [];
      let numbers: string[] = [];
      for (const r of body) {
        if (r.values[0] === words.sub) {
          expect(r.bold).toBe(true);
          expect(r.values[3]).toBe(addUp(current));
          expect(numbers).toEqual(current.map((_, i) => String(i + 1)));
          subtotals.push(r.values[3] as number);
          current = [];
          numbers = [];
        } else if (!r.bold && r.values[3] !== null) {
          current.push(r.values[3] as number);
          numbers.push(String(r.values[0]));
          expect(r.values[1]).toBe(lang === 'kk' ? 'culture басқармасы' : 'Управление culture');
        }
      }
      expect(subtotals).toHaveLength(19);
      // area 9 holds the legal aid topic and the hand-added consultations; area 1 the circles
      expect(subtotals[8]).toBe(1650.7); // 1200.5 + 450.2
      expect(subtotals[0]).toBe(800.4);
      const total = body.find((r) => r.values[0] === words.total)!;
      expect(total.values[3]).toBe(addUp(subtotals));
      expect(total.values[3]).toBe(2451.1); // 1200.5 + 450.2 + 800.4
    });
  }

  it('previews the very table the file is written from', async () => {
    const preview = (await api.call('GET', `/api/monitoring/annex3?${q()}&lang=ru`, tokens.manager)).json();
    const { rows } = await readSheet((await api.call('GET', `/api/monitoring/annex3/export?${q()}&lang=ru`, tokens.manager)).body);
    const pad = (r: Array<string | number | null>) => [...r, ...Array(5 - r.length).fill(null)];
    expect(rows.slice(3, 3 + preview.table.rows.length).map((r) => r.values)).toEqual(preview.table.rows.map(pad));
    expect(preview.total).toBe(2451.1);
    expect(preview.table.kinds.filter((k: string | null) => k === 'section')).toHaveLength(19);
  });

  it('refuses staff of another body, another region, a supplier, and non-managers', async () => {
    for (const [token, code] of [
      [tokens.foreign, 'auth.out_of_scope'],
      [tokens.regional, 'auth.out_of_scope'],
      [tokens.supplier, 'monitoring_forms.supplier_staff'],
      [tokens.expert, undefined],
    ] as const) {
      const res = await api.call('GET', `/api/monitoring/annex3/export?${q()}&lang=ru`, token);
      expect(res.status).toBe(403);
      if (code) expect(res.json().error.code).toBe(code);
    }
    const rows = (await api.call('GET', `/api/monitoring/annex3?${q()}`, tokens.manager)).json().rows;
    expect((await api.call('DELETE', `/api/monitoring/planned-projects/${rows[0].id}`, tokens.foreign)).status).toBe(403);
    const other = await api.call('POST', '/api/monitoring/planned-projects/from-topics', tokens.foreign, {
      stateBodyId: ids.other,
      planYear: 2027,
      topicIds: [ids.kept[0]],
    });
    expect(other.json().error.code).toBe('monitoring_forms.topic_not_of_body');
  });
});
