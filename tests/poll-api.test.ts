// The poll builder, waves and results through the admin API: project managers of the project's region
// only, questionnaire errors explained in the caller's language, questions frozen once a wave has
// answers (and why), "send to all" with its progress, results with the base, and CSV/XLSX in kk or ru.
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { activeProject, almatyId, at, beneficiaryCitizen, importedBeneficiary } from './helpers/poll-fixtures.ts';

describe.each(dbTargets)('polls API (%s)', (target) => {
  const api = useApiApp(target);
  const token: Record<string, string> = {};
  let projectId = 0;

  const call = async (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, lang = 'ru') => {
    const res = await api.app.inject({
      method,
      url,
      payload: payload as never,
      headers: { ...bearer(who === 'admin' ? api.adminToken : token[who]!), 'accept-language': lang },
    });
    return { status: res.statusCode, json: res.headers['content-type']?.toString().includes('json') ? res.json() : null, res };
  };

  beforeAll(async () => {
    const almaty = await almatyId(api.services.prisma);
    const astana = (await api.services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
    for (const [login, regionId, roles] of [
      ['pm-almaty', almaty, ['project_manager']],
      ['pm-astana', astana, ['project_manager']],
      ['operator', almaty, ['operator']],
    ] as const) {
      await api.services.staff.create({ type: 'system' }, { login, fullName: login, password: `${login}-password-1`, roles: [...roles], regionId });
      token[login] = await api.signIn(login, `${login}-password-1`);
    }
    projectId = (await activeProject(api.services.prisma)).id;
  });

  const satisfaction = { type: 'satisfaction', textKk: 'Қызметке қанағаттандыңыз ба?', textRu: 'Вы удовлетворены услугой?' };

  it('lets only project managers of the project’s region build its polls', async () => {
    expect((await call('operator', 'POST', '/api/polls', { projectId, titleKk: 'Сауалнама', titleRu: 'Опрос' })).status).toBe(403);
    const foreign = await call('pm-astana', 'POST', '/api/polls', { projectId, titleKk: 'Сауалнама', titleRu: 'Опрос' });
    expect(foreign.status).toBe(403);
    const created = await call('pm-almaty', 'POST', '/api/polls', { projectId, titleKk: 'Сауалнама', titleRu: 'Опрос' });
    expect(created.status).toBe(200);
    expect((await call('pm-astana', 'GET', `/api/polls/${created.json.id}`)).status).toBe(403);
    expect((await call('pm-almaty', 'GET', `/api/polls?projectId=${projectId}`)).json.items.map((p: { id: number }) => p.id)).toContain(created.json.id);
    const audit = await api.services.prisma.auditLog.findFirst({ where: { action: 'poll.create', entityId: String(created.json.id) } });
    expect(audit?.actorType).toBe('staff');
  });

  it('explains questionnaire errors in the caller’s language and keeps the questionnaire as it was', async () => {
    const poll = (await call('pm-almaty', 'POST', '/api/polls', { projectId, titleKk: 'Сауалнама', titleRu: 'Опрос' })).json;
    const a = (await call('pm-almaty', 'POST', `/api/polls/${poll.id}/questions`, { type: 'yes_no', textKk: 'Қатыстыңыз ба?', textRu: 'Участвовали?' })).json;
    const b = (await call('pm-almaty', 'POST', `/api/polls/${poll.id}/questions`, { ...satisfaction, showIfQuestionId: a.id, showIfAnswers: ['yes'] })).json;
    expect(b).toMatchObject({ position: 2, showIfQuestionId: a.id, showIfAnswers: ['yes'] });
    // moving B above A would make the rule point forward
    const moved = await call('pm-almaty', 'POST', `/api/polls/questions/${b.id}/move`, { position: 1 });
    expect(moved.status).toBe(400);
    expect(moved.json.error).toMatchObject({ code: 'poll.skip_rule_not_earlier', message: 'Вопрос 1: условие показа может ссылаться только на вопрос выше.' });
    const unknown = await call('pm-almaty', 'PATCH', `/api/polls/questions/${b.id}`, { showIfAnswers: ['maybe'] }, 'kk');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toBe('2-сұрақ: 1-сұрақта maybe жауаптары жоқ.');
    const noOptions = await call('pm-almaty', 'POST', `/api/polls/${poll.id}/questions`, {
      type: 'single',
      textKk: 'Қайсысы?',
      textRu: 'Какой?',
      options: [{ code: 'a', kk: 'А', ru: 'А' }],
    });
    expect(noOptions.json.error.code).toBe('poll.options_required');
    const noKazakh = await call('pm-almaty', 'POST', `/api/polls/${poll.id}/questions`, { type: 'text', textKk: '', textRu: 'Что улучшить?' });
    expect(noKazakh.json.error).toMatchObject({ code: 'poll.question_text_required', message: 'Вопрос 3: укажите текст на казахском и русском языках.' });
    const deleting = await call('pm-almaty', 'DELETE', `/api/polls/questions/${a.id}`);
    expect(deleting.status).toBe(409);
    expect(deleting.json.error.code).toBe('poll.question_referenced');
    const after = (await call('pm-almaty', 'GET', `/api/polls/${poll.id}`)).json;
    expect(after.questions.map((q: { id: number }) => q.id)).toEqual([a.id, b.id]);
    const badWave = await call('pm-almaty', 'POST', `/api/polls/${poll.id}/waves`, {
      labelKk: 'Бастапқы',
      labelRu: 'Базовая',
      opensAt: at('2026-03-10T09:00:00'),
      closesAt: at('2026-03-01T09:00:00'),
    });
    expect(badWave.json.error.code).toBe('poll.wave_bad_period');
  });

  it('sends a wave to every reachable beneficiary, shows progress, and freezes the questions once answered', async () => {
    const { prisma } = api.services;
    const project = await activeProject(prisma, { name: 'Проект для рассылки' });
    const poll = (await call('admin', 'POST', '/api/polls', { projectId: project.id, titleKk: 'Сауалнама', titleRu: 'Опрос', anonymous: false })).json;
    const q = (await call('admin', 'POST', `/api/polls/${poll.id}/questions`, satisfaction)).json;
    const text = (
      await call('admin', 'POST', `/api/polls/${poll.id}/questions`, {
        type: 'text',
        textKk: 'Не жақсартуға болады?',
        textRu: 'Что улучшить?',
        required: false,
      })
    ).json;
    const now = new Date();
    const wave = (
      await call('admin', 'POST', `/api/polls/${poll.id}/waves`, {
        labelKk: 'Бастапқы',
        labelRu: 'Базовая',
        opensAt: new Date(now.getTime() - 3600_000),
        closesAt: new Date(now.getTime() + 7 * 86400_000),
        reminderAfterHours: 24,
      })
    ).json;
    expect(wave).toMatchObject({ position: 1, status: 'draft', reminderAfterHours: 24 });
    expect(wave.startPayload).toMatch(/^poll_[A-Za-z0-9_-]{12}$/);
    // no bot username known here (no BOT_USERNAME, no bot in this process): no link yet, and the QR code says why
    expect(wave.inviteLink).toBeNull();
    expect((await call('admin', 'GET', `/api/polls/waves/${wave.id}/qr.svg`)).json.error.code).toBe('project.no_bot_username');
    const aigul = await beneficiaryCitizen(prisma, project.id, { locale: 'kk', name: 'Айгүл Серікова' });
    await beneficiaryCitizen(prisma, project.id);
    await importedBeneficiary(prisma, project.id, 'list-7');
    const sent = await call('admin', 'POST', `/api/polls/waves/${wave.id}/send`);
    expect(sent.json).toEqual({ total: 3, unreachable: 1, waiting: 0, queued: 2, sent: 0, blocked: 0, failed: 0, reminded: 0, answered: 0 });
    expect((await call('admin', 'POST', `/api/polls/waves/${wave.id}/send`)).json.queued).toBe(2);
    // the wave is open: citizens may be half-way through, so the questions are frozen before any answer
    const opened = await call('admin', 'PATCH', `/api/polls/questions/${q.id}`, { textRu: 'Новый текст' });
    expect([opened.status, opened.json.error.code]).toEqual([409, 'poll.questions_frozen']);
    expect(opened.json.error.message).toContain('волна № 1 этого опроса уже открыта');
    expect(
      (await call('admin', 'POST', `/api/polls/${poll.id}/questions`, { type: 'text', textKk: 'Тағы?', textRu: 'Ещё?', required: false })).json.error.code,
    ).toBe('poll.questions_frozen');
    expect((await call('admin', 'DELETE', `/api/polls/questions/${text.id}`)).json.error.code).toBe('poll.questions_frozen');
    // one wave at a time
    const second = (
      await call('admin', 'POST', `/api/polls/${poll.id}/waves`, {
        labelKk: 'Аралық',
        labelRu: 'Промежуточная',
        opensAt: new Date(now.getTime() - 3600_000),
        closesAt: new Date(now.getTime() + 7 * 86400_000),
      })
    ).json;
    const twoOpen = await call('admin', 'POST', `/api/polls/waves/${second.id}/open`);
    expect([twoOpen.status, twoOpen.json.error.code]).toEqual([409, 'poll.other_wave_open']);
    expect(twoOpen.json.error.message).toContain('волна № 1');
    expect((await call('admin', 'POST', `/api/polls/waves/${second.id}/send`)).json.error.code).toBe('poll.other_wave_open');
    expect((await prisma.pollWave.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('draft');
    expect(await prisma.outboxMessage.count({ where: { kind: 'poll.invite', citizenId: aigul.citizenId } })).toBe(1);

    const { citizen } = api.services.polls;
    await citizen.answer(aigul.citizenId, wave.id, q.id, { choice: 'fully' });
    await citizen.answer(aigul.citizenId, wave.id, text.id, { text: 'Кешкі сабақтар керек' });
    await citizen.submit(aigul.citizenId, wave.id);
    expect((await call('admin', 'GET', `/api/polls/waves/${wave.id}/progress`)).json).toMatchObject({ answered: 1, queued: 2 });

    const frozen = await call('admin', 'PATCH', `/api/polls/questions/${q.id}`, { textRu: 'Новый текст' });
    expect(frozen.status).toBe(409);
    expect(frozen.json.error.code).toBe('poll.questions_frozen');
    expect((await call('admin', 'PATCH', `/api/polls/${poll.id}`, { anonymous: true })).json.error.code).toBe('poll.has_answers');
    expect((await call('admin', 'PATCH', `/api/polls/${poll.id}`, { titleRu: 'Опрос 2026' })).json.titleRu).toBe('Опрос 2026');

    const results = (await call('admin', 'GET', `/api/polls/${poll.id}/results`)).json;
    expect(results.baseline).toBe(74.8);
    expect(results.questions[0].waves[0]).toMatchObject({ base: 1, index: 100, vsBaseline: 25.2, mean: 4 });
    expect(results.texts).toEqual([
      expect.objectContaining({ text: 'Кешкі сабақтар керек', respondent: { citizenId: aigul.citizenId, name: 'Айгүл Серікова' } }),
    ]);

    const csv = await call('admin', 'GET', `/api/polls/${poll.id}/results/export?format=csv&lang=kk`);
    expect(csv.status).toBe(200);
    expect(csv.res.headers['content-type']).toContain('text/csv');
    expect(csv.res.body).toContain('Қанағаттану индексі, %');
    expect(csv.res.body).toContain('Толығымен қанағаттандым;1;100;1');
    expect(csv.res.body).toContain('Кешкі сабақтар керек');
    const xlsx = await call('admin', 'GET', `/api/polls/${poll.id}/results/export?format=xlsx&lang=ru`);
    expect(xlsx.res.headers['content-disposition']).toContain('xlsx');
    const files = unzipSync(new Uint8Array(xlsx.res.rawPayload));
    const sheets = Object.keys(files).filter((f) => f.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(5);
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toContain('Индекс удовлетворённости, %');

    // archived: no more answers, no sending, no reminders, not in the citizen's list
    const other = await beneficiaryCitizen(prisma, project.id);
    await citizen.answer(other.citizenId, wave.id, q.id, { choice: 'rather' });
    expect((await call('admin', 'PATCH', `/api/polls/${poll.id}`, { status: 'archived' })).json.status).toBe('archived');
    await expect(citizen.answer(other.citizenId, wave.id, text.id, null)).rejects.toMatchObject({ code: 'poll.archived' });
    await expect(citizen.submit(other.citizenId, wave.id)).rejects.toMatchObject({ code: 'poll.archived' });
    expect(await citizen.openFor(other.citizenId)).toEqual([]);
    const archivedSend = await call('admin', 'POST', `/api/polls/waves/${wave.id}/send`);
    expect([archivedSend.status, archivedSend.json.error.code]).toEqual([409, 'poll.archived']);
    expect(archivedSend.json.error.message).toBe('Этот опрос перенесён в архив: ответы и рассылка остановлены.');
    await call('admin', 'POST', `/api/polls/waves/${wave.id}/close`);
    expect((await call('admin', 'POST', `/api/polls/waves/${second.id}/open`)).json.error.code).toBe('poll.archived');
    expect(await prisma.outboxMessage.count({ where: { kind: 'poll.invite', citizenId: other.citizenId } })).toBe(0);
  });
});
