// Expert evaluation of finished projects (seed 003, Rules p. 16–19; DOMAIN.md): councils of experts formed
// by admins, the Annex 4/6 declaration before any score, a conflict recusing the expert, whole scores 1–5
// with a comment each, editable until the admin closes the evaluation; Annex 7 and Annex 8 averages
// checked against hand-computed numbers; Annex 5 for a body and year in Kazakh and Russian.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { actor, cellValue, principal, projectInput, useProjectApi, xlsxSheets } from './helpers/project-fixtures.ts';

describe.each(dbTargets)('expert evaluation (%s)', (target) => {
  const api = useProjectApi(target);
  const ADMIN = principal(1, ['admin']);
  const tok: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let projectId: number;
  let otherId: number;
  let bodyId: number;
  let councilId: number;

  const finished = async (stateBodyId: number, extra: Parameters<typeof projectInput>[1] = {}) => {
    const { admin } = api.services.projects;
    const p = await admin.create(actor(ADMIN), ADMIN, projectInput(null, { stateBodyId, ...extra }));
    await admin.activate(actor(ADMIN), ADMIN, p.id);
    return admin.finish(actor(ADMIN), ADMIN, p.id, {
      activitiesKk: '12 семинар өткізілді',
      activitiesRu: 'Проведено 12 семинаров',
      resultsKk: '300 жас оқытылды',
      resultsRu: 'Обучено 300 молодых людей',
    });
  };

  beforeAll(async () => {
    for (const [key, roles, name] of [
      ['admin', ['admin'], 'Администратор'],
      ['pm', ['project_manager'], 'Менеджер'],
      ['a', ['expert'], 'Әлиев Арман'],
      ['b', ['expert'], 'Борисова Вера'],
      ['c', ['expert'], 'Сейтқали Нұрлан'],
      ['e', ['expert'], 'Ермекова Ерке'],
      ['outsider', ['expert'], 'Посторонний Эксперт'],
      ['operator', ['operator'], 'Оператор'],
    ] as const) {
      const s = await api.account(key, [...roles], null, name);
      tok[key] = s.token;
      ids[key] = s.id;
    }
    bodyId = (
      await api.services.prisma.stateBody.create({
        data: { code: 'uvp-almaty', nameKk: 'Алматы қаласының Ішкі саясат басқармасы', nameRu: 'Управление внутренней политики города Алматы' },
      })
    ).id;
    projectId = (await finished(bodyId)).id;
    otherId = (await finished(bodyId, { nameKk: 'Қарттарға қамқорлық', nameRu: 'Забота о пожилых', endsOn: '2026-10-31' })).id;
    await finished(bodyId, { nameRu: 'Прошлогодний', nameKk: 'Былтырғы', startsOn: '2025-02-01', endsOn: '2025-11-30' });
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, who: string, payload?: unknown) => api.call(method, url, tok[who]!, payload);
  const scores = (values: number[], note = 'Обосновано отчётом') => ({
    scores: values.map((score, i) => ({ criterion: i + 1, score, comment: `${note} ${i + 1}` })),
  });

  it('refuses the councils to anyone but an admin in core too, not only at the route', async () => {
    const manager = principal(2, ['project_manager']);
    const { councils } = api.services.projects;
    await expect(councils.list(manager)).rejects.toMatchObject({ code: 'auth.role_required' });
    await expect(councils.create(actor(manager), manager, { name: 'Кеңес', regionId: null })).rejects.toMatchObject({ code: 'auth.role_required' });
    expect((await councils.list(ADMIN)).some((c) => c.name === 'Кеңес')).toBe(false);
  });

  it('forms a council of experts and assigns it to a finished project only', async () => {
    expect((await call('POST', '/api/expert-councils', 'pm', { name: 'X' })).status).toBe(403);
    const c = await call('POST', '/api/expert-councils', 'admin', { name: 'Экспертный совет при УВП г. Алматы', stateBodyId: bodyId });
    expect(c.status, c.text).toBe(200);
    councilId = c.json().id;
    for (const k of ['a', 'b', 'c', 'e'])
      expect((await call('PUT', `/api/expert-councils/${councilId}/members/${ids[k]}`, 'admin', { position: `ОФ «Сарапшы», директор ${k}` })).status).toBe(200);
    const notExpert = await call('PUT', `/api/expert-councils/${councilId}/members/${ids.operator}`, 'admin', { position: '' });
    expect([notExpert.status, notExpert.json().error.code]).toEqual([400, 'evaluation.not_expert']);
    const council = (await call('GET', `/api/expert-councils/${councilId}`, 'admin')).json();
    expect(council.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Әлиев Арман', 'Борисова Вера', 'Сейтқали Нұрлан', 'Ермекова Ерке']);

    const { admin } = api.services.projects;
    const running = await admin.create(actor(ADMIN), ADMIN, projectInput(null));
    expect((await call('PUT', `/api/projects/${running.id}/council`, 'admin', { councilId })).json().error.code).toBe('evaluation.project_not_finished');
    expect((await call('PUT', `/api/projects/${projectId}/council`, 'admin', { councilId })).status).toBe(200);
    expect((await call('PUT', `/api/projects/${otherId}/council`, 'admin', { councilId })).status).toBe(200);
    expect((await call('DELETE', `/api/expert-councils/${councilId}`, 'admin')).json().error.code).toBe('evaluation.council_busy');
    const notices = await api.services.prisma.staffNotice.findMany({ where: { staffUserId: ids.a, kind: 'evaluation.assigned' }, orderBy: { id: 'asc' } });
    expect(notices.map((n) => n.text)).toEqual([
      'Завершённый проект «Правовая помощь молодёжи» (ОФ «Болашақ») передан вашему экспертному совету на оценку. Сначала подайте декларацию об отсутствии конфликта интересов, затем оцените четыре критерия от 1 до 5 с комментариями.',
      expect.stringContaining('«Забота о пожилых»'),
    ]);
    expect(await api.services.prisma.staffNotice.count({ where: { staffUserId: ids.outsider } })).toBe(0);
    const mine = (await call('GET', '/api/expert/projects', 'a')).json().items;
    expect(mine.map((s: { project: { id: number } }) => s.project.id).sort()).toEqual([projectId, otherId].sort());
    expect(mine[0]).toMatchObject({
      declaration: null,
      recused: false,
      total: null,
      project: { activitiesRu: 'Проведено 12 семинаров', resultsKk: '300 жас оқытылды', contractSum: 4500.5, startsOn: '2026-02-01' },
    });
  });

  it('requires the declaration before scoring; a conflict recuses; whole 1–5 scores with a comment each', async () => {
    const early = await call('PUT', `/api/expert/projects/${projectId}/scores`, 'a', scores([5, 4, 3, 4]));
    expect([early.status, early.json().error.code]).toEqual([409, 'evaluation.declaration_required']);
    expect((await call('POST', `/api/expert/projects/${projectId}/declaration`, 'outsider', { conflicts: [] })).json().error.code).toBe(
      'evaluation.not_member',
    );
    expect((await call('POST', `/api/expert/projects/${projectId}/declaration`, 'a', { conflicts: [] })).json()).toMatchObject({
      recused: false,
      declaration: { conflicts: [], details: '' },
    });
    expect((await call('POST', `/api/expert/projects/${projectId}/declaration`, 'a', { conflicts: ['family'], details: 'x' })).json().error.code).toBe(
      'evaluation.already_declared',
    );

    for (const [bad, code] of [
      [{ scores: [{ criterion: 1, score: 6, comment: 'ok' }] }, 'evaluation.bad_score'],
      [{ scores: [{ criterion: 1, score: 0, comment: 'ok' }] }, 'evaluation.bad_score'],
      [{ scores: [{ criterion: 1, score: 3.5, comment: 'ok' }] }, 'evaluation.bad_score'],
      [{ scores: [{ criterion: 1, score: 3, comment: '   ' }] }, 'evaluation.comment_required'],
    ] as const) {
      const res = await call('PUT', `/api/expert/projects/${projectId}/scores`, 'a', bad);
      expect([res.status, res.json().error.code]).toEqual([400, code]);
    }
    expect((await call('PUT', `/api/expert/projects/${projectId}/scores`, 'a', { scores: [{ criterion: 5, score: 3, comment: 'x' }] })).status).toBe(400);
    const a = (await call('PUT', `/api/expert/projects/${projectId}/scores`, 'a', scores([5, 4, 3, 4]))).json();
    expect([a.total, a.scores.map((s: { score: number }) => s.score)]).toEqual([16, [5, 4, 3, 4]]);

    const noDetails = await call('POST', `/api/expert/projects/${projectId}/declaration`, 'c', { conflicts: ['payments'] });
    expect([noDetails.status, noDetails.json().error.code]).toEqual([400, 'evaluation.details_required']);
    const c = (
      await call('POST', `/api/expert/projects/${projectId}/declaration`, 'c', {
        conflicts: ['payments', 'membership'],
        details: 'В 2025 году читал лекции для ОФ «Болашақ» за плату',
      })
    ).json();
    expect(c).toMatchObject({ recused: true, declaration: { conflicts: ['payments', 'membership'] } });
    const recused = await call('PUT', `/api/expert/projects/${projectId}/scores`, 'c', scores([1, 1, 1, 1]));
    expect([recused.status, recused.json().error.code]).toEqual([403, 'evaluation.recused']);

    await call('POST', `/api/expert/projects/${projectId}/declaration`, 'b', { conflicts: [] });
    expect((await call('PUT', `/api/expert/projects/${projectId}/scores`, 'b', scores([4, 4, 2, 3]))).json().total).toBe(13);
    // changed while the evaluation is open
    expect(
      (
        await call('PUT', `/api/expert/projects/${projectId}/scores`, 'b', {
          scores: [{ criterion: 3, score: 3, comment: 'После повторного изучения отчёта' }],
        })
      ).json().total,
    ).toBe(14);
    // an expert with one score only is not in the base of the averages
    await call('POST', `/api/expert/projects/${projectId}/declaration`, 'e', { conflicts: [] });
    await call('PUT', `/api/expert/projects/${projectId}/scores`, 'e', { scores: [{ criterion: 1, score: 1, comment: 'Не успела дооценить' }] });

    const audit = await api.services.prisma.auditLog.findMany({
      where: { entity: 'social_project', entityId: String(projectId), action: { startsWith: 'evaluation.' } },
    });
    expect(audit.filter((x) => x.action === 'evaluation.score')).toHaveLength(4 + 4 + 1 + 1);
    expect(audit.filter((x) => x.action === 'evaluation.declare_conflict').map((x) => x.actorId)).toEqual([String(ids.c)]);
  });

  it('computes Annex 8: the council average per criterion over complete sheets, the total as the sum of averages', async () => {
    const r = (await call('GET', `/api/projects/${projectId}/evaluation`, 'pm')).json();
    // A: 5 4 3 4 (16); B: 4 4 3 3 (14). Averages 4.5, 4, 3, 3.5; total 15 = (16 + 14) / 2
    expect(r.criteria.map((c: { average: number }) => c.average)).toEqual([4.5, 4, 3, 3.5]);
    expect(r.total).toBe(15);
    expect(r.scoredBy.map((e: { fullName: string; total: number }) => [e.fullName, e.total])).toEqual([
      ['Әлиев Арман', 16],
      ['Борисова Вера', 14],
    ]);
    expect(r.recused.map((e: { fullName: string }) => e.fullName)).toEqual(['Сейтқали Нұрлан']);
    expect(r.closedAt).toBeNull();
    expect(r.criteria[2].comments.map((c: { comment: string }) => c.comment)).toEqual(['Обосновано отчётом 3', 'После повторного изучения отчёта']);
    expect((await call('GET', `/api/projects/${projectId}/evaluation`, 'outsider')).status).toBe(403);
    expect((await call('GET', `/api/projects/${projectId}/evaluation`, 'operator')).status).toBe(403);
    // while the evaluation is open an expert does not see the others' provisional scores; a recused one never
    for (const url of [`/api/projects/${projectId}/evaluation`, `/api/projects/${projectId}/evaluation/annex8?lang=ru`]) {
      const own = await call('GET', url, 'a');
      expect([own.status, own.json().error.code]).toEqual([409, 'evaluation.not_closed']);
      const recused = await call('GET', url, 'c');
      expect([recused.status, recused.json().error.code]).toEqual([403, 'evaluation.recused']);
    }
  });

  it('keeps the council of a project once an expert has declared or scored', async () => {
    const other = (await call('POST', '/api/expert-councils', 'admin', { name: 'Второй совет' })).json();
    await call('PUT', `/api/expert-councils/${other.id}/members/${ids.outsider}`, 'admin', { position: 'Эксперт' });
    const moved = await call('PUT', `/api/projects/${projectId}/council`, 'admin', { councilId: other.id });
    expect([moved.status, moved.json().error.code]).toEqual([409, 'evaluation.council_locked']);
    expect(moved.json().error.message).toBe('Сменить совет нельзя: эксперты уже подали декларации или поставили оценки. Их оценки даны от имени этого совета.');
    expect((await call('PUT', `/api/projects/${projectId}/council`, 'admin', { councilId: null })).json().error.code).toBe('evaluation.council_locked');
    // the same council again changes nothing and is fine; a project nobody started on may move
    expect((await call('PUT', `/api/projects/${projectId}/council`, 'admin', { councilId })).status).toBe(200);
    expect((await call('PUT', `/api/projects/${otherId}/council`, 'admin', { councilId: other.id })).status).toBe(200);
    expect((await call('PUT', `/api/projects/${otherId}/council`, 'admin', { councilId })).status).toBe(200);
    // a member removed mid-evaluation takes their provisional scores out of Annex 8
    await call('POST', `/api/expert/projects/${otherId}/declaration`, 'a', { conflicts: [] });
    await call('POST', `/api/expert/projects/${otherId}/declaration`, 'b', { conflicts: [] });
    await call('PUT', `/api/expert/projects/${otherId}/scores`, 'a', scores([4, 4, 4, 4]));
    await call('PUT', `/api/expert/projects/${otherId}/scores`, 'b', scores([2, 2, 2, 2]));
    expect((await call('GET', `/api/projects/${otherId}/evaluation`, 'pm')).json().total).toBe(12);
    expect((await call('DELETE', `/api/expert-councils/${councilId}/members/${ids.b}`, 'admin')).status).toBe(200);
    const after = (await call('GET', `/api/projects/${otherId}/evaluation`, 'pm')).json();
    expect([after.total, after.scoredBy.map((e: { fullName: string }) => e.fullName)]).toEqual([16, ['Әлиев Арман']]);
    // back on the council, the sheets count again
    await call('PUT', `/api/expert-councils/${councilId}/members/${ids.b}`, 'admin', { position: 'ОФ «Сарапшы», директор b' });
    expect((await call('GET', `/api/projects/${projectId}/evaluation`, 'pm')).json().total).toBe(15);
    expect((await call('GET', `/api/projects/${otherId}/evaluation`, 'pm')).json().total).toBe(12);
  });

  it('writes Annex 7 and Annex 8 as XLSX in Russian and Kazakh', async () => {
    const sheet7 = xlsxSheets((await call('GET', `/api/projects/${projectId}/evaluation/annex7/${ids.a}?lang=ru`, 'a')).body)['sheet1.xml']!;
    expect(cellValue(sheet7, 'A1')).toBe('Приложение 7. Оценочный лист члена экспертного совета');
    expect(['D3', 'D4', 'D5', 'D6'].map((r) => cellValue(sheet7, r))).toEqual([
      'Правовая помощь молодёжи',
      'ОФ «Болашақ»',
      'Әлиев Арман',
      'ОФ «Сарапшы», директор a',
    ]);
    expect(['B8', 'C8', 'D8'].map((r) => cellValue(sheet7, r))).toEqual(['Результаты выполнения социальных проектов', '5', 'Обосновано отчётом 1']);
    expect(['C9', 'C10', 'C11', 'B12', 'C12'].map((r) => cellValue(sheet7, r))).toEqual(['4', '3', '4', 'Итого (подсчёт баллов)', '16']);
    expect((await call('GET', `/api/projects/${projectId}/evaluation/annex7/${ids.a}?lang=ru`, 'b')).status).toBe(403);
    const kk7 = xlsxSheets((await call('GET', `/api/projects/${projectId}/evaluation/annex7/${ids.b}?lang=kk`, 'admin')).body)['sheet1.xml']!;
    expect(cellValue(kk7, 'A1')).toBe('7-қосымша. Сараптамалық кеңес мүшесінің бағалау парағы');
    expect(['B8', 'B12', 'C12'].map((r) => cellValue(kk7, r))).toEqual(['Әлеуметтік жобаларды орындау нәтижелері', 'Жиынында (балдарды есептеу)', '14']);

    const sheet8 = xlsxSheets((await call('GET', `/api/projects/${projectId}/evaluation/annex8?lang=ru`, 'pm')).body)['sheet1.xml']!;
    expect(cellValue(sheet8, 'A1')).toContain('«Правовая помощь молодёжи»');
    expect(['C3', 'C4', 'C5', 'C6', 'C7'].map((r) => cellValue(sheet8, r))).toEqual(['4.5', '4', '3', '3.5', '15']);
    expect(cellValue(sheet8, 'D7')).toBe('Оценили: Әлиев Арман, Борисова Вера. Оценка ещё не закрыта: итог предварительный');
    const kk8 = xlsxSheets((await call('GET', `/api/projects/${projectId}/evaluation/annex8?lang=kk`, 'pm')).body)['sheet1.xml']!;
    expect(['B6', 'C2'].map((r) => cellValue(kk8, r))).toEqual([
      'Әлеуметтік жобаның және (немесе) әлеуметтік бағдарламаның нәтижелері бойынша ұзақ мерзімді оң әлеуметтік әсердің ықтималдығы',
      'Сараптамалық кеңестің орташа бағасы',
    ]);
  });

  it('closes the evaluation (admin only): scores become final; Annex 5 lists the body’s projects of the year with the average score', async () => {
    expect((await call('POST', `/api/projects/${projectId}/evaluation/close`, 'pm')).status).toBe(403);
    const unscored = await finished(bodyId, { nameRu: 'Без оценок', nameKk: 'Бағасыз', startsOn: '2025-02-01', endsOn: '2025-10-31' });
    await call('PUT', `/api/projects/${unscored.id}/council`, 'admin', { councilId });
    expect((await call('POST', `/api/projects/${unscored.id}/evaluation/close`, 'admin')).json().error.code).toBe('evaluation.nothing_scored');
    const closed = (await call('POST', `/api/projects/${projectId}/evaluation/close`, 'admin')).json();
    expect([closed.total, closed.closedAt !== null]).toEqual([15, true]);
    const late = await call('PUT', `/api/expert/projects/${projectId}/scores`, 'a', scores([1, 1, 1, 1]));
    expect([late.status, late.json().error.code]).toEqual([409, 'evaluation.closed']);
    expect((await call('POST', `/api/projects/${projectId}/evaluation/close`, 'admin')).status).toBe(409);
    expect((await call('PUT', `/api/projects/${projectId}/council`, 'admin', { councilId: null })).json().error.code).toBe('evaluation.closed');

    const ru = xlsxSheets((await call('GET', `/api/evaluation/annex5?stateBodyId=${bodyId}&year=2026&lang=ru`, 'pm')).body)['sheet1.xml']!;
    expect(cellValue(ru, 'A1')).toBe(
      'Приложение 5. Информация о реализации и результатах оценки социальных проектов в рамках государственного социального заказа — Управление внутренней политики города Алматы, 2026 год',
    );
    expect(['A2', 'C2', 'H2'].map((r) => cellValue(ru, r))).toEqual([
      'Наименование социального проекта',
      'Сумма договора (тыс. тенге)',
      'Оценка проекта (средний балл из 20)',
    ]);
    // ends 31.10 first, then 30.11; last year's project is not in this year's annex
    expect(['A3', 'H3', 'A4', 'B4', 'C4', 'E4', 'F4', 'G4', 'H4'].map((r) => cellValue(ru, r))).toEqual([
      'Забота о пожилых',
      'оценка не завершена',
      'Правовая помощь молодёжи',
      'ОФ «Болашақ»',
      '4500.5',
      '01.02.2026 — 30.11.2026',
      'Проведено 12 семинаров',
      'Обучено 300 молодых людей',
      '15',
    ]);
    expect(cellValue(ru, 'D4')).toBe('Повысить правовую грамотность молодёжи\nПровести семинары');
    expect(cellValue(ru, 'A5')).toBeUndefined();
    const kk = xlsxSheets((await call('GET', `/api/evaluation/annex5?stateBodyId=${bodyId}&year=2026&lang=kk`, 'admin')).body)['sheet1.xml']!;
    expect(['A2', 'A4', 'F4', 'G4', 'H4', 'H3'].map((r) => cellValue(kk, r))).toEqual([
      'Әлеуметтік жобаның атауы',
      'Жастарға құқықтық көмек',
      '12 семинар өткізілді',
      '300 жас оқытылды',
      '15',
      'бағалау аяқталмаған',
    ]);
    expect(cellValue(kk, 'A1')).toContain('Алматы қаласының Ішкі саясат басқармасы, 2026 жыл');
    // an expert who scored sees the closed evaluation; the recused one still does not
    expect((await call('GET', `/api/projects/${projectId}/evaluation`, 'a')).json().total).toBe(15);
    expect((await call('GET', `/api/projects/${projectId}/evaluation`, 'c')).status).toBe(403);
    // removing a member later does not rewrite a closed Annex 8
    await call('DELETE', `/api/expert-councils/${councilId}/members/${ids.b}`, 'admin');
    expect((await call('GET', `/api/projects/${projectId}/evaluation`, 'pm')).json().total).toBe(15);
  });

  it('limits Annex 5 to the projects of the manager’s region', async () => {
    const region = await api.services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } });
    const regional = await api.account('pm-almaty', ['project_manager'], region.id, 'Региональный менеджер');
    await finished(bodyId, { nameKk: 'Алматыдағы жоба', nameRu: 'Алматинский проект', regionId: region.id });
    const mine = xlsxSheets((await api.call('GET', `/api/evaluation/annex5?stateBodyId=${bodyId}&year=2026&lang=ru`, regional.token)).body)['sheet1.xml']!;
    expect(cellValue(mine, 'A3')).toBe('Алматинский проект');
    expect(cellValue(mine, 'A4')).toBeUndefined();
    const all = xlsxSheets((await call('GET', `/api/evaluation/annex5?stateBodyId=${bodyId}&year=2026&lang=ru`, 'pm')).body)['sheet1.xml']!;
    expect(['A3', 'A4', 'A5'].map((r) => cellValue(all, r)).sort()).toEqual(['Алматинский проект', 'Забота о пожилых', 'Правовая помощь молодёжи']);
  });
});
