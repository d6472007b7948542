// Regression tests of the outside review's scope findings (issue 16, points 2 and 3): an Astana operator's
// status change to "duplicate" named an Almaty report and moved its followers; the same path took a rejected,
// hidden report as the original, which /merge refuses; a regional moderator hid and restored comments of
// another region's discussion. Each refusal answers as the target's GET does and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { useProjectApi } from './helpers/project-fixtures.ts';
import { buildWorld, changedTables, fingerprint, NOW, type World } from './helpers/scope-world.ts';

describe.each(dbTargets)('scope findings of the review (%s)', (target) => {
  const api = useProjectApi(target, { clock: () => NOW });
  let w: World;
  const prisma = () => api.services.prisma;
  const history = (reportId: number) => prisma().reportEvent.findMany({ where: { reportId }, orderBy: { id: 'asc' } });
  const followers = (reportId: number) => prisma().reportFollower.findMany({ where: { reportId }, orderBy: { citizenId: 'asc' } });

  beforeAll(async () => {
    w = await buildWorld(api);
    // Followers on both sides, so that moving them would show.
    for (const [reportId, telegramId] of [
      [w.reports.a, 71_001],
      [w.reports.b, 71_002],
      [w.reports.a2, 71_003],
    ] as const) {
      const c = await prisma().citizen.create({ data: { telegramId: BigInt(telegramId), locale: 'kk', consentAt: NOW } });
      await api.services.reports.support(c.id, reportId);
    }
  });

  it("refuses another region's report as the original of a duplicate, as its GET does, and moves no one", async () => {
    const get = await api.call('GET', `/api/reports/${w.reports.b}`, w.tokens.opA);
    expect([get.status, get.json().error.code]).toEqual([403, 'auth.out_of_scope']);
    const [eventsB, followersB, followersA] = [await history(w.reports.b), await followers(w.reports.b), await followers(w.reports.a)];
    const before = await fingerprint(prisma());

    const res = await api.call('POST', `/api/reports/${w.reports.a}/status`, w.tokens.opA, { to: 'duplicate', duplicateOfId: w.reports.b, publicNote: 'dup' });
    expect(res.status, res.text).toBe(403);
    expect(res.json().error).toEqual(get.json().error);
    expect(await history(w.reports.b)).toEqual(eventsB);
    expect(await followers(w.reports.b)).toEqual(followersB);
    expect(await followers(w.reports.a)).toEqual(followersA);
    expect(changedTables(before, await fingerprint(prisma()))).toEqual([]);
  });

  it('refuses a rejected, hidden report as the original with the very answer /merge gives', async () => {
    const before = await fingerprint(prisma());
    const viaMerge = await api.call('POST', `/api/reports/${w.reports.closedHidden}/merge`, w.tokens.opA, { duplicateIds: [w.reports.a] });
    const viaStatus = await api.call('POST', `/api/reports/${w.reports.a}/status`, w.tokens.opA, {
      to: 'duplicate',
      duplicateOfId: w.reports.closedHidden,
      publicNote: 'dup',
    });
    expect([viaStatus.status, viaStatus.json().error.code]).toEqual([409, 'report.merge_target_closed']);
    expect(viaStatus.json()).toEqual(viaMerge.json());
    expect(changedTables(before, await fingerprint(prisma()))).toEqual([]);
  });

  it('a hidden report takes no duplicates either, although it is still open', async () => {
    await prisma().report.update({ where: { id: w.reports.a2 }, data: { hidden: true, hiddenReason: 'Жеке деректер' } });
    try {
      const res = await api.call('POST', `/api/reports/${w.reports.a}/status`, w.tokens.opA, {
        to: 'duplicate',
        duplicateOfId: w.reports.a2,
        publicNote: 'dup',
      });
      expect([res.status, res.json().error.code]).toEqual([409, 'report.merge_target_closed']);
    } finally {
      await prisma().report.update({ where: { id: w.reports.a2 }, data: { hidden: false, hiddenReason: null } });
    }
  });

  it('still marks a duplicate of an open report in scope: its followers and author follow the original', async () => {
    const res = await api.call('POST', `/api/reports/${w.reports.a}/status`, w.tokens.opA, {
      to: 'duplicate',
      duplicateOfId: w.reports.a2,
      publicNote: 'Бұл мәселе бойынша өтініш бар',
    });
    expect(res.status, res.text).toBe(200);
    expect(await prisma().report.findUniqueOrThrow({ where: { id: w.reports.a } })).toMatchObject({ status: 'duplicate', duplicateOfId: w.reports.a2 });
    expect((await followers(w.reports.a2)).length).toBe(2);
    expect((await history(w.reports.a2)).map((e) => e.type)).toContain('merge');
  });

  it("a regional moderator neither hides nor restores another region's comments, nor sees them: 404 as for the topic", async () => {
    const topic = await api.call('GET', `/api/discussions/${w.topics.openB}`, w.tokens.modA);
    expect([topic.status, topic.json().error.code]).toEqual([404, 'discussion.not_found']);
    const before = await fingerprint(prisma());
    const hide = await api.call('POST', `/api/discussions/comments/${w.comments.b}/hide`, w.tokens.modA, { note: 'Қорлау' });
    const restore = await api.call('POST', `/api/discussions/comments/${w.comments.b}/restore`, w.tokens.modA, {});
    for (const res of [hide, restore]) expect([res.status, res.json().error.code], res.text).toEqual([404, 'discussion.comment_not_found']);
    expect(changedTables(before, await fingerprint(prisma()))).toEqual([]);

    const queue = await api.call('GET', '/api/discussions/moderation', w.tokens.modA);
    expect(queue.json().map((c: { id: number }) => c.id)).toEqual([w.comments.a]);
    const list = await api.call('GET', '/api/discussions', w.tokens.modA);
    expect(
      list
        .json()
        .map((t: { id: number }) => t.id)
        .sort(),
    ).toEqual([w.topics.draftA, w.topics.endedA].sort());
  });

  it('a regional moderator still moderates the comments of their own region', async () => {
    const res = await api.call('POST', `/api/discussions/comments/${w.comments.a}/restore`, w.tokens.modA, {});
    expect(res.status, res.text).toBe(200);
    expect(res.json()).toMatchObject({ id: w.comments.a, moderation: 'visible' });
    // Admins and moderators without a region keep the whole country.
    const all = await api.call('POST', `/api/discussions/comments/${w.comments.b}/restore`, w.tokens.admin, {});
    expect(all.status, all.text).toBe(200);
  });
});
