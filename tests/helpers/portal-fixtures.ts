// Reports for the public portal's suites, filed at a pinned clock: an open one whose text holds a phone, an e-mail
// and an ИИН, one resolved with a public and an internal note, one rejected, one hidden, and one duplicate; the
// author has a name and a phone that must never reach a public page.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Report } from '../../generated/prisma/client.ts';
import { buildAppServer, createAppServices } from '../../app/compose.ts';
import type { Actor } from '../../core/audit/audit-log.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import type { ServiceOptions, ServicesWithDb } from '../../core/services.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import { useTestDb, type DbTarget } from './db.ts';
import { lateBound } from './late-bound.ts';
import { testLogger } from './silent-logger.ts';

/** A Tuesday morning in Astana; the suites' clocks never read the real date. */
export const PORTAL_CLOCK = new Date('2026-11-10T05:00:00Z');

export const SECRETS = {
  authorName: 'Айгерім Сапарова',
  authorPhone: '+77011234567',
  staffName: 'Оператор Жанар Бекова',
  internalNote: 'внутренняя заметка: автор звонил дважды',
  hiddenReason: 'в тексте чужие персональные данные',
  phoneInText: '+7 701 123 45 67',
  emailInText: 'aigerim.s@example.kz',
  iinInText: '900101300123',
  photoFileId: 'AgACportal-photo-file',
};

export interface PortalWorld {
  regionA: { id: number; code: string; nameRu: string; nameKk: string; districts: Array<{ id: number; code: string; nameRu: string }> };
  regionB: { id: number; code: string; nameRu: string };
  category: { id: number; code: string; nameRu: string; nameKk: string };
  open: Report;
  resolved: Report;
  rejected: Report;
  hidden: Report;
  duplicate: Report;
}

const staffActor = (id: number): Actor => ({ type: 'staff', id });

/** Files the reports; `tick` moves the suite's clock so each event has its own moment. */
export async function seedPortalWorld(services: ServicesWithDb, tick: (ms: number) => void): Promise<PortalWorld> {
  const { prisma } = services;
  const regions = await prisma.region.findMany({ orderBy: { id: 'asc' }, include: { districts: { orderBy: { id: 'asc' } } } });
  const withDistricts = regions.filter((r) => r.districts.length > 0);
  const [regionA, regionB] = [withDistricts[0]!, withDistricts[1]!];
  const category = await prisma.category.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } });
  const citizen = await prisma.citizen.create({
    data: { telegramId: 7_000_001n, locale: 'ru', consentAt: PORTAL_CLOCK, name: SECRETS.authorName, phone: SECRETS.authorPhone },
  });
  const staff = await services.staff.create(
    { type: 'system' },
    { login: 'portal-admin', fullName: SECRETS.staffName, password: 'portal-admin-password-1', roles: ['admin'] },
  );
  const admin: StaffPrincipal = {
    id: staff.id,
    login: 'portal-admin',
    fullName: SECRETS.staffName,
    roles: ['admin'],
    regionId: null,
    districtId: null,
    departmentId: null,
    locale: 'ru',
  };
  const file = (description: string, extra: { regionId?: number; districtId?: number | null } = {}) => {
    tick(60_000);
    return services.reports.create(
      { type: 'citizen', id: citizen.id },
      {
        source: 'bot',
        citizenId: citizen.id,
        categoryId: category.id,
        regionId: extra.regionId ?? regionA.id,
        districtId: extra.districtId === undefined ? regionA.districts[0]!.id : extra.districtId,
        description,
        address: 'ул. Абая, 5',
        lat: 51.128_456,
        lon: 71.430_612,
        evidence: [{ kind: 'photo', telegramFileId: SECRETS.photoFileId, fileUniqueId: `u-${description.length}`, mimeType: 'image/jpeg', fileSize: 12345 }],
      },
    );
  };

  const open = await file(
    `Глубокая яма на дороге возле дома, машины объезжают по тротуару. Звоните ${SECRETS.phoneInText} или пишите ${SECRETS.emailInText}, мой ИИН ${SECRETS.iinInText}.`,
  );
  const resolved = await file('Не горит уличный фонарь во дворе уже неделю, вечером темно и опасно.', {
    regionId: regionB.id,
    districtId: regionB.districts[0]!.id,
  });
  const rejected = await file('Просим построить новый стадион в нашем микрорайоне, старый слишком далеко.');
  const hidden = await file('Сосед паркуется на газоне, вот его номер машины и адрес.');
  const duplicate = await file('Та же яма возле дома на дороге, очень глубокая, надо срочно заделать.');

  tick(3_600_000);
  await services.reports.changeStatus(staffActor(staff.id), resolved.id, { to: 'in_work', internalNote: SECRETS.internalNote }, admin);
  tick(3_600_000);
  await services.reports.changeStatus(
    staffActor(staff.id),
    resolved.id,
    {
      to: 'resolved',
      publicNoteByLocale: { kk: 'Шам ауыстырылды.', ru: 'Фонарь заменён.' },
      publicNote: 'Фонарь заменён.',
      internalNote: SECRETS.internalNote,
    },
    admin,
  );
  await services.reports.changeStatus(
    staffActor(staff.id),
    rejected.id,
    { to: 'rejected', publicNote: 'Строительство стадиона не входит в план на этот год.' },
    admin,
  );
  await services.reportAdmin.hide(staffActor(staff.id), admin, hidden.id, SECRETS.hiddenReason);
  await services.reports.changeStatus(
    staffActor(staff.id),
    duplicate.id,
    { to: 'duplicate', duplicateOfId: open.id, publicNote: 'Уже есть обращение об этой яме.' },
    admin,
  );
  const reload = (r: Report) => prisma.report.findUniqueOrThrow({ where: { id: r.id } });
  return {
    regionA,
    regionB,
    category,
    open: await reload(open),
    resolved: await reload(resolved),
    rejected: await reload(rejected),
    hidden: await reload(hidden),
    duplicate: await reload(duplicate),
  };
}

export interface PortalApp {
  /** the suite's services (usable at describe time; read inside tests and hooks) */
  readonly services: ServicesWithDb;
  readonly app: FastifyInstance;
  /** the reports seeded before the suite's tests */
  readonly world: PortalWorld;
  /** the instant the services see: PORTAL_CLOCK, moved on by the seeding; tests may move it */
  clock: Date;
  /** the folder of stored files, when the suite asked for one */
  readonly storageDir: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/**
 * Registers beforeAll/afterAll for a portal suite: its database, services on the suite's clock with the given
 * settings (and a folder of stored files when `storage` is set), the app, and the portal world seeded.
 */
export function usePortalApp(target: DbTarget, options: Partial<Omit<ServiceOptions, 'db' | 'logger' | 'now'>>, opts: { storage?: boolean } = {}): PortalApp {
  const suite = useTestDb(target);
  let clock = PORTAL_CLOCK;
  let services: ServicesWithDb | undefined;
  let app: FastifyInstance | undefined;
  let world: PortalWorld | undefined;
  let storageDir: string | undefined;
  beforeAll(async () => {
    if (opts.storage) storageDir = await mkdtemp(path.join(tmpdir(), 'azamat-public-'));
    services = createAppServices({
      sessionTtlHours: 12,
      ...options,
      ...(storageDir ? { storageDir } : {}),
      db: suite.db,
      logger: testLogger,
      now: () => clock,
    });
    app = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
    world = await seedPortalWorld(services, (ms) => (clock = new Date(clock.getTime() + ms)));
  });
  // Registered after useTestDb's, so it runs first: the server closes before its database.
  afterAll(async () => {
    await app?.close();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });
  const portal: PortalApp = {
    services: lateBound('the portal suite’s services', () => services),
    app: lateBound('the portal suite’s app', () => app),
    world: lateBound('the portal world', () => world),
    get clock() {
      return clock;
    },
    set clock(at: Date) {
      clock = at;
    },
    get storageDir() {
      if (!storageDir) throw new Error('the portal suite has no storage: pass { storage: true }');
      return storageDir;
    },
    get: (url, headers = {}) => portal.app.inject({ method: 'GET', url, headers }),
  };
  return portal;
}
