// Evidence files for staff: fetched from Telegram (through the real Bot API adapter, against the fake)
// the first time, kept in the storage directory and served from there afterwards; concurrent first
// requests share one download; nothing outside the storage directory is ever served; Telegram's
// refusals and a missing bot token become clear, localised errors.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { PhotoSize } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportEvidence } from '../generated/prisma/client.ts';
import { createTelegramFiles } from '../app/telegram.ts';
import type { Actor } from '../core/audit/audit-log.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { createEvidenceStore, safeFileName } from '../core/reports/evidence-store.ts';
import { contentDisposition } from '../server/content-disposition.ts';
import type { EvidenceInput } from '../core/reports/report-service.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { buildAppServer } from '../app/compose.ts';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram/server.ts';
import { bearer as as, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const system: Actor = { type: 'system' };
const TOKEN = '123456:evidence-test-token';

describe('evidence file names', () => {
  it('keep no directories, quotes or control characters, and fall back when nothing is left', () => {
    expect(safeFileName('../../etc/passwd', 'x.jpg')).toBe('passwd');
    expect(safeFileName('C:\\Users\\a\\"evil";\r\n.html', 'x.jpg')).toBe('evil.html');
    expect(safeFileName('..', 'KZ-1.jpg')).toBe('KZ-1.jpg');
    expect(safeFileName(null, 'KZ-1.jpg')).toBe('KZ-1.jpg');
    expect(contentDisposition('фото ямы.jpg', true)).toBe(`inline; filename="____ ___.jpg"; filename*=UTF-8''${encodeURIComponent('фото ямы.jpg')}`);
    expect(contentDisposition('a (1)!.jpg', false)).toBe(`attachment; filename="a (1)!.jpg"; filename*=UTF-8''a%20%281%29%21.jpg`);
  });
});

describe.each(dbTargets)('report evidence API (%s)', (target) => {
  // The suite's app has no bot token; `app` below is the same database with a bot and a storage directory.
  const api = useApiApp(target);
  let services: ServicesWithDb;
  let app: FastifyInstance;
  let fake: FakeTelegram;
  let root: string;
  let storage: string;
  let admin: string;
  let regionId: number;
  let districtId: number;
  let categoryId: number;
  let n = 0;

  async function photo(): Promise<PhotoSize> {
    const update = await fake.user({ first_name: 'Азамат' }).sendPhoto({ width: 640, height: 480 });
    return update.message!.photo!.at(-1)!;
  }

  async function report(evidence: EvidenceInput[], extra: { regionId?: number; districtId?: number } = {}): Promise<Report & { evidence: ReportEvidence[] }> {
    n += 1;
    const r = await services.reports.create(system, {
      source: 'staff',
      categoryId,
      regionId,
      districtId,
      description: `Свалка мусора у дороги номер ${n}`,
      evidence,
      ...extra,
    });
    return services.prisma.report.findUniqueOrThrow({ where: { id: r.id }, include: { evidence: { orderBy: { id: 'asc' } } } });
  }

  const photoEvidence = (p: PhotoSize): EvidenceInput => ({
    kind: 'photo',
    telegramFileId: p.file_id,
    fileUniqueId: p.file_unique_id,
    mimeType: 'image/jpeg',
    fileSize: p.file_size,
  });
  const get = (r: { id: number }, evidenceId: number, token = admin, on: FastifyInstance = app, lang = 'ru') =>
    on.inject({ method: 'GET', url: `/api/reports/${r.id}/evidence/${evidenceId}`, headers: { ...as(token), 'accept-language': lang } });

  beforeAll(async () => {
    services = api.services;
    admin = api.adminToken;
    fake = await startFakeTelegram({ token: TOKEN });
    root = await mkdtemp(path.join(tmpdir(), 'azamat-evidence-'));
    storage = path.join(root, 'storage');
    await mkdir(storage);
    const withBot: ServicesWithDb = {
      ...services,
      evidence: createEvidenceStore({ prisma: services.prisma, storageDir: storage, telegramFiles: createTelegramFiles(TOKEN, fake.apiRoot) }),
    };
    app = await buildAppServer({ services: withBot, i18n: createI18n(), logger: testLogger, cookieSecure: false });
    const region = await services.prisma.region.findFirstOrThrow({ where: { districts: { some: {} } }, include: { districts: true }, orderBy: { id: 'asc' } });
    [regionId, districtId] = [region.id, region.districts[0]!.id];
    categoryId = (await services.prisma.category.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } })).id;
  });

  afterAll(async () => {
    await app?.close();
    await fake?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('downloads from Telegram once, stores it under evidence/<report>/<evidence>.jpg, and serves the same bytes again without Telegram', async () => {
    const p = await photo();
    const r = await report([photoEvidence(p)]);
    const e = r.evidence[0]!;
    const before = fake.callsTo('getFile').length;

    const first = await get(r, e.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('image/jpeg');
    expect(first.headers['content-disposition']).toBe(`inline; filename="${r.number}-${e.id}.jpg"; filename*=UTF-8''${r.number}-${e.id}.jpg`);
    expect(first.headers['content-security-policy']).toContain('sandbox');
    expect(first.rawPayload.equals(fake.fileBytes(p.file_id)!)).toBe(true);
    expect(fake.callsTo('getFile').length - before).toBe(1);

    const stored = await services.prisma.reportEvidence.findUniqueOrThrow({ where: { id: e.id } });
    expect(stored.storedPath).toBe(`evidence/${r.id}/${e.id}.jpg`);
    expect(stored.storedAt).not.toBeNull();
    expect((await readFile(path.join(storage, stored.storedPath!))).equals(first.rawPayload)).toBe(true);

    const second = await get(r, e.id);
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(fake.callsTo('getFile').length - before).toBe(1);

    // The detail links every file.
    const detail = (await api.app.inject({ method: 'GET', url: `/api/reports/${r.id}`, headers: as(admin) })).json();
    expect(detail.evidence.map((x: { downloadUrl: string }) => x.downloadUrl)).toEqual([`/api/reports/${r.id}/evidence/${e.id}`]);
    expect(detail.evidence[0].externalUrl).toBeNull();
  });

  it('simultaneous first requests get whole, equal files from a single download and leave no temporary files', async () => {
    const p = await photo();
    const r = await report([photoEvidence(p)]);
    const e = r.evidence[0]!;
    const before = fake.callsTo('getFile').length;
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(r, e.id)));
    const expected = fake.fileBytes(p.file_id)!;
    for (const a of answers) {
      expect(a.statusCode, a.body).toBe(200);
      expect(a.rawPayload.equals(expected)).toBe(true);
    }
    expect(fake.callsTo('getFile').length - before).toBe(1);
    expect(await readdir(path.join(storage, 'evidence', String(r.id)))).toEqual([`${e.id}.jpg`]);
  });

  it('never serves a file outside the storage directory, whatever path is recorded', async () => {
    await writeFile(path.join(root, 'secret.txt'), 'TOP SECRET');
    const r = await report([{ kind: 'document', mimeType: 'text/plain' }]);
    const e = r.evidence[0]!;
    for (const storedPath of ['../secret.txt', path.join(root, 'secret.txt'), 'evidence/../../secret.txt', '']) {
      await services.prisma.reportEvidence.update({ where: { id: e.id }, data: { storedPath } });
      const res = await get(r, e.id);
      expect(res.statusCode, storedPath).toBe(404);
      expect(res.json().error.code).toBe('evidence.gone');
      expect(res.body).not.toContain('TOP SECRET');
    }

    // With a Telegram file behind it, a bad recorded path is replaced by a proper download.
    const p = await photo();
    const withFile = await report([photoEvidence(p)]);
    const ev = withFile.evidence[0]!;
    await services.prisma.reportEvidence.update({ where: { id: ev.id }, data: { storedPath: '../secret.txt' } });
    const res = await get(withFile, ev.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(fake.fileBytes(p.file_id)!)).toBe(true);
    expect((await services.prisma.reportEvidence.findUniqueOrThrow({ where: { id: ev.id } })).storedPath).toBe(`evidence/${withFile.id}/${ev.id}.jpg`);

    // Ids only in the URL, and the evidence must belong to the report.
    const traversal = await app.inject({ method: 'GET', url: `/api/reports/${r.id}/evidence/..%2F..%2Fsecret.txt`, headers: as(admin) });
    expect(traversal.statusCode).toBe(400);
    const foreign = await get(r, ev.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('evidence.not_found');
  });

  it('a citizen’s document is an attachment with a safe name, never shown in place', async () => {
    const update = await fake.user({ first_name: 'Әсел' }).sendDocument({ fileName: 'scan.html', mimeType: 'text/html', fileSize: 300 });
    const doc = update.message!.document!;
    const r = await report([
      { kind: 'document', telegramFileId: doc.file_id, fileUniqueId: doc.file_unique_id, mimeType: 'text/html', fileName: '../../"x";\r\nscan.html' },
    ]);
    const res = await get(r, r.evidence[0]!.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="xscan\.html"/);
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('Telegram refusals: too big for the Bot API is 502, a file Telegram no longer has is 404, both localised', async () => {
    const big = (await fake.user({ first_name: 'Big' }).sendDocument({ fileName: 'video.mp4', mimeType: 'video/mp4', fileSize: 25 * 1024 * 1024 })).message!
      .document!;
    const r = await report([
      { kind: 'video', telegramFileId: big.file_id, mimeType: 'video/mp4' },
      { kind: 'photo', telegramFileId: 'AgAC-no-such-file' },
    ]);
    const tooBig = await get(r, r.evidence[0]!.id, admin, app, 'kk');
    expect(tooBig.statusCode).toBe(502);
    expect(tooBig.json().error).toMatchObject({ code: 'evidence.too_big', message: expect.stringContaining('20 МБ-тан') });
    const gone = await get(r, r.evidence[1]!.id);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({ code: 'evidence.gone', message: expect.stringContaining('Telegram') });
    expect(await services.prisma.reportEvidence.count({ where: { reportId: r.id, storedPath: { not: null } } })).toBe(0);
  });

  it('Open311 evidence given as a URL is named as an outside link in the detail (the console never loads it), and its download redirects', async () => {
    const r = await report([{ kind: 'photo', url: 'https://city.example.kz/photos/1.jpg' }]);
    const detail = (await api.app.inject({ method: 'GET', url: `/api/reports/${r.id}`, headers: as(admin) })).json();
    expect(detail.evidence).toEqual([expect.objectContaining({ kind: 'photo', externalUrl: 'https://city.example.kz/photos/1.jpg' })]);
    const res = await get(r, r.evidence[0]!.id);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('https://city.example.kz/photos/1.jpg');
  });

  it('without a bot token a file still in Telegram is 503 with a clear message; an operator out of scope gets 403', async () => {
    const p = await photo();
    const r = await report([photoEvidence(p)]);
    const e = r.evidence[0]!;
    const res = await get(r, e.id, admin, api.app);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: 'evidence.bot_off', message: expect.stringContaining('BOT_TOKEN') });
    const kk = await get(r, e.id, admin, api.app, 'kk');
    expect(kk.json().error.message).toContain('бот қосылмаған');

    const region = await services.prisma.region.findFirstOrThrow({ where: { id: { not: regionId } } });
    await services.staff.create(system, {
      login: 'far-operator',
      fullName: 'Far',
      password: 'far-operator-password',
      roles: ['operator'],
      regionId: region.id,
    });
    const far = await api.signIn('far-operator', 'far-operator-password');
    const out = await get(r, e.id, far);
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe('auth.out_of_scope');
  });
});
