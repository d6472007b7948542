// A report's public page in Chromium (issue 17), on a phone's width: no photo before staff
// accept the report, then the photo loads from /media/r; a withheld photo leaves the page; residents' comments
// appear masked and with the name only when chosen; the Telegram button leads to the bot on that report; and
// axe-core finds no WCAG 2.1 A/AA violation.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppServer, createAppServices } from '../../app/compose.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../../core/services.ts';
import { createTestDb, dbTargets, type TestDb } from '../helpers/db.ts';
import { PORTAL_CLOCK, SECRETS, seedPortalWorld, type PortalWorld } from '../helpers/portal-fixtures.ts';
import { testLogger } from '../helpers/silent-logger.ts';
import { browserAvailable, launchBrowser, shot, type Browser } from './harness.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!browserAvailable).each(dbTargets)('public report page with photos and comments in Chromium (%s)', (target) => {
  let t: TestDb;
  let services: ServicesWithDb;
  let server: FastifyInstance;
  let base = '';
  let w: PortalWorld;
  let b: Browser;
  let storage: string;
  let photoId: number;
  let clock = PORTAL_CLOCK;

  beforeAll(async () => {
    t = await createTestDb(target);
    storage = await mkdtemp(path.join(tmpdir(), 'azamat-portal-photos-'));
    services = createAppServices({
      db: t.db,
      logger: testLogger,
      sessionTtlHours: 12,
      now: () => clock,
      storageDir: storage,
      portal: { home: true },
      comments: { botUsername: () => 'azamat_test_bot' },
    });
    server = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    w = await seedPortalWorld(services, (ms) => (clock = new Date(clock.getTime() + ms)));
    photoId = (await services.prisma.reportEvidence.findFirstOrThrow({ where: { reportId: w.open.id } })).id;
    await mkdir(path.join(storage, 'evidence', String(w.open.id)), { recursive: true });
    await writeFile(path.join(storage, 'evidence', String(w.open.id), `${photoId}.png`), PNG);
    await services.prisma.reportEvidence.update({
      where: { id: photoId },
      data: { mimeType: 'image/png', storedPath: `evidence/${w.open.id}/${photoId}.png` },
    });
    b = await launchBrowser(base, { locale: 'ru-RU', viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await t?.drop();
    await rm(storage, { recursive: true, force: true });
  });

  it('shows the photo only once the report is accepted, the comments masked and named as chosen, and drops a withheld photo', async () => {
    const { page } = b;
    const url = `${base}/ru/reports/${w.open.number}`;
    await page.goto(url);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('Идей и комментариев пока нет.');

    const admin = await services.prisma.staffUser.findFirstOrThrow({ where: { login: 'portal-admin' } });
    await services.reports.changeStatus({ type: 'staff', id: admin.id }, w.open.id, { to: 'in_work' });
    const resident = async (n: number, name: string, text: string, showName: boolean) => {
      const c = await services.prisma.citizen.create({ data: { telegramId: BigInt(9_100_000 + n), locale: 'ru', consentAt: clock, name } });
      await services.comments.citizen.startDraft(c.id, w.open.id);
      await services.comments.citizen.saveText(c.id, text);
      await services.comments.citizen.saveShowName(c.id, showName);
      await services.comments.citizen.submit(c.id, 'ru');
    };
    await resident(1, 'Болат Сейітов', 'Можно временно засыпать яму щебнем, пишите на bolat@example.kz', true);
    await resident(2, 'Скрытая Жительница', 'Поддерживаю: вчера там застряла машина скорой', false);
    await page.goto(url);
    const img = page.locator(`img[src="/media/r/${photoId}"]`);
    expect(await img.count()).toBe(1);
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
    const comments = await page.locator('ol.comments').innerText();
    expect(comments).toContain('Болат Сейітов');
    expect(comments).toContain('Можно временно засыпать яму щебнем, пишите на [***]');
    expect(comments).toContain('Участник');
    expect(comments).not.toContain('Скрытая Жительница');
    const main = await page.locator('main').innerText();
    for (const secret of [SECRETS.authorName, SECRETS.authorPhone, SECRETS.photoFileId]) expect(main).not.toContain(secret);
    expect(await page.locator('.telegram a').getAttribute('href')).toBe(`https://t.me/azamat_test_bot?start=rp_${w.open.number}`);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.evaluate(axe.source);
    const found = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id))`,
    )) as string[];
    expect(found).toEqual([]);
    await shot(page, 'portal-report-photos-comments-390');

    await services.evidencePublicity.withhold(
      { type: 'staff', id: admin.id },
      { id: admin.id, login: 'portal-admin', fullName: '', roles: ['admin'], regionId: null, districtId: null, departmentId: null, locale: 'ru' },
      w.open.id,
      photoId,
      'номер машины',
    );
    await page.goto(url);
    expect(await page.locator('img').count()).toBe(0);
    const direct = await page.request.get(`${base}/media/r/${photoId}`);
    expect(direct.status()).toBe(404);
  });
});
