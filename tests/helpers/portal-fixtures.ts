// Reports for the public portal's suites, filed at a pinned clock: an open one whose text holds a phone, an e-mail
// and an ИИН, one resolved with a public and an internal note, one rejected, one hidden, and one duplicate; the
// author has a name and a phone that must never reach a public page.
import type { Report } from '../../generated/prisma/client.ts';
import type { Actor } from '../../core/audit/audit-log.ts';
import type { ServicesWithDb } from '../../core/services.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';

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
