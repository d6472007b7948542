// Stories of change (Most Significant Change, seed 000 3.1; plan §3.4), core and API on both databases with the
// clock pinned in Q3 2026: a call invites each reachable beneficiary once; a story is saved answer by answer and
// submitted once per call; staff choose the most significant with a reason, publish only with consent (a voice
// needs its transcript); the public feed names nobody who did not agree; withdrawal and /deletedata erase.
import { describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { beneficiaries, impactManager, impactProject } from './helpers/impact-fixtures.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';

/** Sunday 20 September 2026, 10:00 Almaty (quarter 2026-Q3). */
const NOW = new Date('2026-09-20T05:00:00Z');
const REASON = 'Бір жылда жұмыс тапты және отбасын асырай бастады: жобаның негізгі мақсаты осы.';

describe.each(dbTargets)('stories of change on %s', (target) => {
  const api = useProjectApi(target, { clock: () => NOW });
  const prisma = () => api.services.prisma;
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'ok';
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  };

  it('collects, reviews, publishes and erases stories as MSC asks', async () => {
    const pm = await impactManager(api, prisma());
    const p = await impactProject(prisma(), { name: 'Әңгіме' });
    const [c1, c2, c3] = await beneficiaries(prisma(), p.id, 3, '2026-02-01');
    // an imported beneficiary without Telegram is not invited
    await prisma().projectBeneficiary.create({ data: { projectId: p.id, source: 'import', externalRef: 'x1', joinedAt: new Date('2026-02-01') } });

    const call = await api.call('POST', `/api/impact/projects/${p.id}/story-calls`, pm.token, {
      promptKk: '',
      promptRu: '',
      opensAt: '2026-09-20',
      closesAt: '2026-10-31',
    });
    expect(call.status, call.text).toBe(201);
    const callId = call.json().id as number;
    expect((await api.call('POST', `/api/impact/story-calls/${callId}/send`, pm.token)).json().sendRequestedAt).toBe(NOW.toISOString());
    expect(await api.services.impact.processStoryCalls()).toEqual({ invited: 3 });
    expect(await api.services.impact.processStoryCalls()).toEqual({ invited: 0 });
    const sent = await prisma().outboxMessage.findMany({ where: { kind: 'impact.story_call' }, orderBy: { id: 'asc' } });
    expect(sent.filter((m) => [c1, c2, c3].includes(m.citizenId!))).toHaveLength(3);
    const ru = sent.find((m) => m.citizenId === c1)!.payload as { text: string; offers: Array<Array<{ label: string; data: string }>> };
    expect(ru.text).toBe('Что изменил в вашей жизни проект «Әңгіме ru»? Поделитесь своей историей: она поможет сделать проект лучше.');
    expect(ru.offers).toEqual([[{ label: '✍️ Рассказать', data: `ms:tell:${callId}` }]]);
    const kk = sent.find((m) => m.citizenId === c2)!.payload as { text: string };
    expect(kk.text).toBe('«Әңгіме kk» жобасы сіздің өміріңізде не өзгертті? Әңгімеңізбен бөлісіңіз: ол жобаны жақсартуға көмектеседі.');

    const s = api.services.impact.stories;
    // c1 types in Kazakh, too short first; every answer is kept in the draft at once
    const one = (await s.start(c1!, callId, 'kk')).story;
    expect(await code(s.saveText(c1!, one.id, 'Жақсы болды'))).toBe('impact.story_too_short');
    await s.saveText(c1!, one.id, 'Жоба арқасында бухгалтер курсын бітіріп, жұмысқа тұрдым.');
    expect((await s.start(c1!, callId, 'kk')).resumed).toBe(true);
    await s.saveWhy(c1!, one.id, 'Енді отбасымды асыраймын.');
    expect(await code(s.submit(c1!, one.id))).toBe('impact.consent_required');
    await s.saveConsent(c1!, one.id, 'anonymous');
    expect((await s.submit(c1!, one.id)).periodKey).toBe('2026-Q3');
    expect(await code(s.start(c1!, callId, 'kk'))).toBe('impact.story_already');
    // c2 sends a voice of 61 s (one over 3 minutes is refused), named
    const two = (await s.start(c2!, callId, 'ru')).story;
    expect(await code(s.saveVoice(c2!, two.id, { fileId: 'F', uniqueId: 'U', seconds: 181 }))).toBe('impact.voice_too_long');
    await s.saveVoice(c2!, two.id, { fileId: 'voice-file', uniqueId: 'voice-u', seconds: 61 });
    expect(await code(s.saveConsent(c2!, two.id, 'named', ' '))).toBe('impact.name_required_story');
    await s.saveConsent(c2!, two.id, 'named', 'Айгүл');
    await s.submit(c2!, two.id);
    // c3 keeps it private
    const three = (await s.start(c3!, callId, 'ru')).story;
    await s.saveText(c3!, three.id, 'Стала увереннее, нашла подруг в группе поддержки.');
    await s.saveConsent(c3!, three.id, 'private');
    await s.submit(c3!, three.id);

    const list = (await api.call('GET', `/api/impact/projects/${p.id}/stories?period=2026-Q3`, pm.token)).json();
    expect(list).toHaveLength(3);
    expect(list.find((x: { id: number }) => x.id === two.id)).toMatchObject({ hasVoice: true, voiceSeconds: 61, consent: 'named', publicName: 'Айгүл' });

    // the most significant of the quarter, with a reason
    const short = await api.call(
      'POST',
      `/api/impact/stories/${one.id}/select`,
      pm.token,
      { periodKey: '2026-Q3', reason: 'маңызды' },
      { 'accept-language': 'kk' },
    );
    expect(short.status).toBe(400);
    expect(short.json().error.message).toBe('Себебін толығырақ жазыңыз: кемінде 20 таңба.');
    const chosen = await api.call('POST', `/api/impact/stories/${one.id}/select`, pm.token, { periodKey: '2026-Q3', reason: REASON });
    expect(chosen.json()).toMatchObject({ periodKey: '2026-Q3', reason: REASON, selectedById: pm.id, selectedAt: NOW.toISOString() });
    expect(await prisma().auditLog.count({ where: { action: 'impact.story_select', entityId: String(one.id) } })).toBe(1);

    // publication: consent first; a voice needs its transcript; staff confirm no third party is named
    const pub = (id: number, body: object) => api.call('POST', `/api/impact/stories/${id}/publish`, pm.token, { noThirdParties: true, ...body });
    expect((await pub(three.id, { publishedText: 'Стала увереннее.' })).json().error.code).toBe('impact.no_consent');
    expect((await pub(two.id, { publishedText: 'Нашла работу.' })).json().error.code).toBe('impact.transcript_required');
    expect((await pub(two.id, { publishedText: 'Нашла работу рядом с домом.', transcript: 'Я нашла работу рядом с домом…' })).status).toBe(200);
    expect((await pub(one.id, { publishedText: 'Бухгалтер курсын бітіріп, жұмысқа тұрдым.' })).status).toBe(200);

    const feed = await api.app.inject({ method: 'GET', url: `/api/public/impact/stories?projectId=${p.id}` });
    expect(feed.statusCode).toBe(200);
    const items = feed.json() as Array<Record<string, unknown>>;
    expect(items).toHaveLength(2);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['month', 'projectId', 'projectNameKk', 'projectNameRu', 'publicName', 'text']);
    expect(items.map((x) => [x.text, x.publicName, x.month])).toEqual(
      expect.arrayContaining([
        ['Нашла работу рядом с домом.', 'Айгүл', '2026-09'],
        ['Бухгалтер курсын бітіріп, жұмысқа тұрдым.', null, '2026-09'],
      ]),
    );

    // /deletedata: c2's words, voice and name are gone, and so is the published story
    await api.services.citizens.erase(c2!);
    const erased = await prisma().changeStory.findUniqueOrThrow({ where: { id: two.id } });
    expect(erased).toMatchObject({ status: 'withdrawn', citizenId: null, voiceFileId: null, publicName: null, transcript: null, publishedAt: null });
    // c1 withdraws through /mydata: the chosen story leaves the portal, its selection keeps the reason
    await s.withdraw(c1!, one.id);
    const after = await api.app.inject({ method: 'GET', url: `/api/public/impact/stories?projectId=${p.id}` });
    expect(after.json()).toEqual([]);
    expect((await prisma().storySelection.findFirstOrThrow({ where: { storyId: one.id } })).reason).toBe(REASON);
  });
});
