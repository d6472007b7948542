// Fills a fresh database with the demo: realistic, consistent sample data in Kazakh and Russian, made by the
// real services (so history rows, deadlines from the calendar, numbers, notifications and the audit log are
// exactly what real use leaves behind). Weeks of activity are replayed in time order on services whose clock
// the demo moves; nothing is dated after `now`. Used by `npm run demo` and by the browser tests.
import { createServices, type DomainModule, type ServicesWithDb } from '../services.ts';
import { toPrincipal } from '../staff/staff-service.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import type { TelegramFiles } from '../reports/evidence-store.ts';
import { Timeline, type DemoCitizen, type DemoContext } from './demo-context.ts';
import { demoPhoto, type DemoScene } from './demo-images.ts';
import { DEMO_CITIZENS, DEMO_STAFF, DEMO_TELEGRAM_BASE } from './demo-people.ts';

export const DEMO_PASSWORD = 'azamat-demo-console';
const FILLED_KEY = 'demo.filled';

export interface DemoOptions {
  /** where evidence photos are kept (the app's STORAGE_DIR); without it reports carry no stored photo */
  storageDir?: string;
  /** the password of every demo staff account, the admin's included */
  password?: string;
  /** the demo's "now": history is laid out in the weeks before it (default: the services' clock) */
  now?: Date;
}

export interface DemoSummary {
  password: string;
  staff: Array<{ login: string; fullName: string; roles: string[]; purpose: string }>;
  counts: Record<string, number>;
  steps: number;
}

/** The photos "downloaded from Telegram" the first time staff open them: drawn from the file id. */
const demoFiles: TelegramFiles = {
  async download(fileId) {
    const [, scene, key] = fileId.split(':');
    return { bytes: demoPhoto(scene as DemoScene, key ?? fileId), filePath: `photos/${key}.png` };
  },
};

/** Whether the database already holds the demo. */
export async function demoFilled(services: ServicesWithDb): Promise<boolean> {
  return (await services.prisma.setting.findUnique({ where: { key: FILLED_KEY } })) !== null;
}

/** `modules`: the capabilities' domain modules (app/capabilities); each one's demo runs in list order. */
export async function fillDemo(services: ServicesWithDb, modules: readonly DomainModule[], opts: DemoOptions = {}): Promise<DemoSummary> {
  const password = opts.password ?? DEMO_PASSWORD;
  const anchor = opts.now ?? services.now();
  if (await demoFilled(services)) throw new Error('the database already holds the demo data: fill a fresh one');
  const clock = { t: anchor };
  const s = createServices(
    {
      db: services.db,
      logger: services.logger,
      sessionTtlHours: 12,
      now: () => clock.t,
      i18n: services.i18n,
      storageDir: opts.storageDir,
      telegramFiles: demoFiles,
      passwords: services.passwords,
    },
    modules,
  );
  const tl = new Timeline(anchor, clock);

  const [regions, districts, categories, topics] = await Promise.all([
    s.prisma.region.findMany(),
    s.prisma.district.findMany(),
    s.prisma.category.findMany(),
    s.prisma.consultationTopic.findMany(),
  ]);
  const lookup = <T extends { code: string; id: number }>(rows: T[], what: string) => {
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    return (code: string) => {
      const id = byCode.get(code);
      if (id === undefined) throw new Error(`demo: no ${what} "${code}" in the reference data`);
      return id;
    };
  };
  const region = lookup(regions, 'region');

  // The admin signs everything an admin does; the first admin is created with the demo password if absent.
  clock.t = tl.when(60, 9);
  await s.staff.ensureFirstAdmin('admin', password);
  const [firstAdmin] = await s.prisma.$queryRaw<Array<{ id: number }>>`SELECT id FROM "StaffUser" WHERE 'admin' = ANY(roles) ORDER BY id LIMIT 1`;
  const adminRow = await s.prisma.staffUser.findUniqueOrThrow({ where: { id: firstAdmin!.id } });
  const staff = new Map<string, StaffPrincipal>([['admin', toPrincipal(adminRow)]]);
  const departments = lookup(await s.prisma.department.findMany(), 'department');
  for (const spec of DEMO_STAFF) {
    const user = await s.staff.create(
      { type: 'staff', id: adminRow.id },
      {
        login: spec.login,
        fullName: spec.fullName,
        password,
        roles: spec.roles,
        regionId: spec.regionCode ? region(spec.regionCode) : null,
        departmentId: spec.departmentCode ? departments(spec.departmentCode) : null,
        locale: spec.locale,
      },
    );
    staff.set(spec.login, toPrincipal(user));
  }

  const citizens: DemoCitizen[] = [];
  for (const [i, spec] of DEMO_CITIZENS.entries()) {
    clock.t = tl.when(60, 10 + Math.floor(i / 4), i);
    const c = await s.citizens.giveConsent(DEMO_TELEGRAM_BASE + i + 1, spec.locale, spec.name);
    const district = lookup(districts, 'district')(spec.districtCode);
    const citizen = await s.citizens.updateProfile(c.id, {
      name: spec.name,
      districtId: district,
      gender: spec.gender,
      birthYear: spec.birthYear,
      socialStatus: spec.socialStatus,
    });
    citizens.push({ key: spec.key, citizen, locale: spec.locale, name: spec.name, regionCode: spec.regionCode, districtCode: spec.districtCode });
  }
  const byKey = new Map(citizens.map((c) => [c.key, c]));

  const ctx: DemoContext = {
    s,
    tl,
    region,
    district: lookup(districts, 'district'),
    category: lookup(categories, 'category'),
    consultationTopic: lookup(topics, 'consultation topic'),
    staff(login) {
      const p = staff.get(login);
      if (!p) throw new Error(`demo: no staff "${login}"`);
      return p;
    },
    citizen(key) {
      const c = byKey.get(key);
      if (!c) throw new Error(`demo: no citizen "${key}"`);
      return c;
    },
    citizens,
    actor: (p) => ({ type: 'staff', id: p.id }),
  };

  for (const m of modules) await m.demo?.schedule(ctx);
  const steps = await tl.play();

  const p = s.prisma;
  const counts: Record<string, number> = { staff: await p.staffUser.count(), citizens: await p.citizen.count() };
  for (const m of modules) if (m.demo) Object.assign(counts, await m.demo.count(s));
  await p.setting.create({ data: { key: FILLED_KEY, value: { at: anchor.toISOString(), counts } } });
  return {
    password,
    staff: [
      { login: adminRow.login, fullName: adminRow.fullName, roles: adminRow.roles, purpose: 'administrator: users, reference data, calendar, audit' },
      ...DEMO_STAFF.map((d) => ({ login: d.login, fullName: d.fullName, roles: d.roles, purpose: d.purpose })),
    ],
    counts,
    steps,
  };
}
