// What the public sees of a report beyond its text (issue 17), over HTTP on a pinned clock: photos only once staff
// accepted the report and never a withheld one (the page forgets it at once, /media/r answers 404), the author's
// name only when they chose to show it, and residents' comments shown once visible, masked, and moderated in the
// moderator's scope (flags hide one, a moderator removes it with a note or restores it; the text is kept; audited).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { PORTAL_CLOCK, SECRETS, usePortalApp } from './helpers/portal-fixtures.ts';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

describe.each(dbTargets)('public report: photos, name and comments (%s)', (target) => {
  const portal = usePortalApp(target, { portal: { home: true }, comments: { botUsername: () => 'azamat_test_bot', flagsToHide: 2 } }, { storage: true });
  const { services, app, world: w } = portal;
  let photoId: number;
  let voiceId: number;
  const tokens: Record<string, string> = {};
  let ip = 1;

  const signIn = async (login: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password: `${login}-password-1` },
      remoteAddress: `10.9.0.${ip++}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token as string;
  };
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const page = async (number: string, lang = 'ru') => {
    const res = await app.inject({ method: 'GET', url: `/${lang}/reports/${number}` });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const resident = async (n: number, name: string | null = null) =>
    services.prisma.citizen.create({ data: { telegramId: BigInt(8_000_000 + n), locale: n % 2 ? 'kk' : 'ru', consentAt: PORTAL_CLOCK, name } });
  const comment = async (citizenId: number, reportId: number, text: string, showName: boolean, lang = 'ru') => {
    await services.comments.citizen.startDraft(citizenId, reportId);
    await services.comments.citizen.saveText(citizenId, text);
    await services.comments.citizen.saveShowName(citizenId, showName);
    return services.comments.citizen.submit(citizenId, lang);
  };

  beforeAll(async () => {
    const storage = portal.storageDir;
    // The photo was fetched from Telegram once (the store keeps it); a voice note sits beside it.
    const photo = await services.prisma.reportEvidence.findFirstOrThrow({ where: { reportId: w.open.id } });
    photoId = photo.id;
    await mkdir(path.join(storage, 'evidence', String(w.open.id)), { recursive: true });
    await writeFile(path.join(storage, 'evidence', String(w.open.id), `${photoId}.jpg`), JPEG);
    await services.prisma.reportEvidence.update({
      where: { id: photoId },
      data: { storedPath: `evidence/${w.open.id}/${photoId}.jpg`, storedAt: portal.clock },
    });
    voiceId = (
      await services.prisma.reportEvidence.create({ data: { reportId: w.open.id, kind: 'voice', telegramFileId: 'AwACvoice', mimeType: 'audio/ogg' } })
    ).id;
    const regionB = w.regionB.id;
    for (const [login, roles, regionId] of [
      ['op-a', ['operator'], w.regionA.id],
      ['op-b', ['operator'], regionB],
      ['mod-a', ['moderator'], w.regionA.id],
      ['mod-b', ['moderator'], regionB],
    ] as const) {
      await services.staff.create({ type: 'system' }, { login, fullName: login, password: `${login}-password-1`, roles: [...roles], regionId });
      tokens[login] = await signIn(login);
    }
  });

  it('shows no photo before staff accept the report, then the photo through /media/r only, never its Telegram id or the voice note', async () => {
    const before = await page(w.open.number);
    expect(before).not.toContain('/media/r/');
    expect((await app.inject({ method: 'GET', url: `/media/r/${photoId}` })).statusCode).toBe(404);

    const admin = (await services.prisma.staffUser.findFirstOrThrow({ where: { login: 'portal-admin' } })).id;
    await services.reports.changeStatus({ type: 'staff', id: admin }, w.open.id, { to: 'in_work' });
    services.publicChanges.changed({ kind: 'report', number: w.open.number });
    const after = await page(w.open.number);
    expect(after).toContain(`<img src="/media/r/${photoId}"`);
    expect(after).not.toContain(`/media/r/${voiceId}`);
    expect(after).not.toContain(SECRETS.photoFileId);
    const media = await app.inject({ method: 'GET', url: `/media/r/${photoId}` });
    expect(media.statusCode).toBe(200);
    expect(media.headers['content-type']).toBe('image/jpeg');
    expect(media.rawPayload.equals(JPEG)).toBe(true);
    expect((await app.inject({ method: 'GET', url: `/media/r/${voiceId}` })).statusCode).toBe(404);
    // A hidden report's photos are nobody's business either.
    const hiddenPhoto = await services.prisma.reportEvidence.findFirstOrThrow({ where: { reportId: w.hidden.id } });
    expect((await app.inject({ method: 'GET', url: `/media/r/${hiddenPhoto.id}` })).statusCode).toBe(404);
  });

  it('lets an operator in scope withhold one photo: the cached page drops it at once, /media/r answers 404, and it is audited', async () => {
    expect(await page(w.open.number)).toContain(`/media/r/${photoId}`); // cached now
    const url = `/api/reports/${w.open.id}/evidence/${photoId}/withhold`;
    const foreign = await app.inject({ method: 'POST', url, headers: as('op-b'), payload: { reason: 'лицо прохожего' } });
    expect(foreign.statusCode).toBe(403);
    const empty = await app.inject({ method: 'POST', url, headers: { ...as('op-a'), 'accept-language': 'kk' }, payload: { reason: '   ' } });
    expect(empty.statusCode).toBe(400);
    const done = await app.inject({ method: 'POST', url, headers: as('op-a'), payload: { reason: 'лицо прохожего' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: photoId, withheldReason: 'лицо прохожего', withheldAt: portal.clock.toISOString() });
    expect(await page(w.open.number)).not.toContain('/media/r/');
    expect(await page(w.open.number, 'kk')).not.toContain('/media/r/');
    expect((await app.inject({ method: 'GET', url: `/media/r/${photoId}` })).statusCode).toBe(404);
    const detail = await app.inject({ method: 'GET', url: `/api/reports/${w.open.id}`, headers: as('op-a') });
    expect(detail.json().evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: photoId, publicity: 'withheld', withheldReason: 'лицо прохожего' }),
        expect.objectContaining({ id: voiceId, publicity: 'never' }),
      ]),
    );
    const opA = await services.prisma.staffUser.findFirstOrThrow({ where: { login: 'op-a' } });
    const audit = await services.prisma.auditLog.findFirstOrThrow({ where: { action: 'report.evidence_withhold', entityId: String(w.open.id) } });
    expect(audit.actorId).toBe(String(opA.id));
    expect((await app.inject({ method: 'POST', url, headers: as('op-a'), payload: { reason: 'ещё раз' } })).statusCode).toBe(409);

    const release = await app.inject({ method: 'POST', url: `/api/reports/${w.open.id}/evidence/${photoId}/release`, headers: as('mod-a') });
    expect(release.statusCode).toBe(200);
    expect(await page(w.open.number)).toContain(`/media/r/${photoId}`);
    expect(await services.prisma.auditLog.count({ where: { action: 'report.evidence_release' } })).toBe(1);
  });

  it('shows the author’s name only when they chose to show it', async () => {
    expect(await page(w.open.number)).not.toContain(SECRETS.authorName);
    await services.prisma.report.update({ where: { id: w.open.id }, data: { showName: true } });
    services.publicChanges.changed({ kind: 'report', number: w.open.number });
    expect(await page(w.open.number)).toContain(SECRETS.authorName);
    await services.prisma.report.update({ where: { id: w.open.id }, data: { showName: false } });
    services.publicChanges.changed({ kind: 'report', number: w.open.number });
    expect(await page(w.open.number)).not.toContain(SECRETS.authorName);
  });

  it('shows visible comments masked, with the name only when chosen, and a bot link to the report', async () => {
    const named = await resident(1, 'Болат Сейітов');
    const quiet = await resident(2, 'Скрытый Житель');
    await comment(named.id, w.open.id, 'Предлагаю засыпать яму щебнем до ремонта, звоните +7 701 999 88 77', true, 'kk');
    await comment(quiet.id, w.open.id, 'Поддерживаю, там уже пробил колесо', false);
    const html = await page(w.open.number);
    expect(html).toContain('Болат Сейітов');
    expect(html).not.toContain('Скрытый Житель');
    expect(html).toContain('Участник');
    expect(html).toContain('Предлагаю засыпать яму щебнем до ремонта, звоните [***]');
    expect(html).not.toContain('999 88 77');
    expect(html).toContain(`href="https://t.me/azamat_test_bot?start=rp_${w.open.number}"`);
    expect(html).toContain('Поддержать или прокомментировать в Telegram');
    expect(await page(w.open.number, 'kk')).toContain('Telegram-да қолдау немесе пікір қалдыру');
    // A closed report takes no comment, and its page offers no button.
    await expect(services.comments.citizen.startDraft(named.id, w.resolved.id)).rejects.toMatchObject({ code: 'public_comment.report_closed' });
    expect(await page(w.resolved.number)).not.toContain('t.me/');
  });

  it('hides a comment flagged by enough citizens, lets a moderator in scope remove it with a note or restore it, keeps the text and audits it', async () => {
    const author = await resident(3, 'Автор Комментария');
    const { id } = await comment(author.id, w.open.id, 'Это спам со ссылкой на казино, заходите все', true);
    const [f1, f2] = [await resident(4), await resident(5)];
    await expect(services.comments.citizen.flag(author.id, id)).rejects.toMatchObject({ code: 'public_comment.flag_own' });
    expect(await services.comments.citizen.flag(f1.id, id)).toEqual({ flagged: true, hidden: false });
    expect(await services.comments.citizen.flag(f1.id, id)).toEqual({ flagged: false, hidden: false });
    expect(await page(w.open.number)).toContain('казино'); // cached with the comment
    expect(await services.comments.citizen.flag(f2.id, id)).toEqual({ flagged: true, hidden: true });
    expect(await page(w.open.number)).not.toContain('казино');
    const told = await services.prisma.outboxMessage.findFirstOrThrow({ where: { citizenId: author.id, kind: 'comment.moderation' } });
    // in the author's own language (Kazakh)
    expect(JSON.stringify(told.payload)).toContain('модератор шешім қабылдағанға дейін жасырылды');

    const queue = await app.inject({ method: 'GET', url: '/api/comments/moderation', headers: as('mod-a') });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items).toEqual([expect.objectContaining({ id, state: 'pending', flagCount: 2, reportNumber: w.open.number })]);
    expect((await app.inject({ method: 'GET', url: '/api/comments/moderation', headers: as('mod-b') })).json().items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/comments/moderation', headers: as('op-a') })).statusCode).toBe(403);

    for (const [lang, text] of [
      ['ru', 'Укажите, почему комментарий снимается'],
      ['kk', 'Пікірдің неге алынатынын көрсетіңіз'],
    ]) {
      const res = await app.inject({ method: 'POST', url: `/api/comments/${id}/hide`, headers: { ...as('mod-a'), 'accept-language': lang! }, payload: {} });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(text);
    }
    expect((await app.inject({ method: 'POST', url: `/api/comments/${id}/hide`, headers: as('mod-b'), payload: { note: 'спам' } })).statusCode).toBe(403);
    const restored = await app.inject({ method: 'POST', url: `/api/comments/${id}/restore`, headers: as('mod-a'), payload: {} });
    expect(restored.json()).toEqual({ id, state: 'visible' });
    expect(await page(w.open.number)).toContain('казино');
    // A comment a moderator kept is not hidden by flags again.
    expect(await services.comments.citizen.flag((await resident(6)).id, id)).toEqual({ flagged: true, hidden: false });
    const removed = await app.inject({ method: 'POST', url: `/api/comments/${id}/hide`, headers: as('mod-a'), payload: { note: 'Реклама запрещена' } });
    expect(removed.json()).toEqual({ id, state: 'removed' });
    expect(await page(w.open.number)).not.toContain('казино');
    const kept = await services.prisma.publicComment.findUniqueOrThrow({ where: { id } });
    expect(kept.text).toBe('Это спам со ссылкой на казино, заходите все');
    const modA = await services.prisma.staffUser.findFirstOrThrow({ where: { login: 'mod-a' } });
    expect(kept.moderatedById).toBe(modA.id);
    const actions = (await services.prisma.auditLog.findMany({ where: { entity: 'public_comment', entityId: String(id) }, orderBy: { id: 'asc' } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['comment.create', 'comment.flag', 'comment.flag', 'comment.auto_hide', 'comment.restore', 'comment.flag', 'comment.hide']);
    const notices = await services.prisma.outboxMessage.findMany({ where: { citizenId: author.id, kind: 'comment.moderation' }, orderBy: { id: 'asc' } });
    expect(notices).toHaveLength(3);
    expect(JSON.stringify(notices[2]!.payload)).toContain('Реклама запрещена');
  });

  it('erases a commenter’s name and flags with /deletedata, keeping the comment as «Участник»', async () => {
    const who = await resident(7, 'Удаляемый Житель');
    const other = await resident(8, 'Другой');
    const mine = await comment(who.id, w.open.id, 'Надо поставить знак объезда у ямы', true);
    const theirs = await comment(other.id, w.open.id, 'Согласен, знак нужен обязательно', false);
    await services.comments.citizen.flag(who.id, theirs.id);
    await services.citizens.erase(who.id);
    const kept = await services.prisma.publicComment.findUniqueOrThrow({ where: { id: mine.id } });
    expect(kept).toMatchObject({ authorName: null, text: 'Надо поставить знак объезда у ямы' });
    expect((await services.prisma.publicComment.findUniqueOrThrow({ where: { id: theirs.id } })).flagCount).toBe(0);
    services.publicChanges.changed({ kind: 'report', number: w.open.number });
    expect(await page(w.open.number)).not.toContain('Удаляемый Житель');
  });
});
