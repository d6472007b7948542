// Shared pieces of the civic-initiative tests: the services on a pinned, movable clock, residents, staff
// principals and a proposal sent through the draft exactly as the bot sends it.
import type { Citizen, PrismaClient } from '../generated/prisma/client.ts';
import type { InitiativeHelp } from '../generated/prisma/enums.ts';
import type { ServicesWithDb } from '../core/services.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';

/** Tue 2026-04-07 09:00 in Almaty: the clock every initiative test starts from. */
export const START = new Date('2026-04-07T09:00:00+05:00');
export const DAY = 86_400_000;

export interface Places {
  astana: number;
  yesil: number;
  almatyDistrict: number;
  karaganda: number;
}

export async function places(prisma: PrismaClient): Promise<Places> {
  const region = (code: string) => prisma.region.findUniqueOrThrow({ where: { code } }).then((r) => r.id);
  const district = (code: string) => prisma.district.findUniqueOrThrow({ where: { code } }).then((d) => d.id);
  return {
    astana: await region('astana'),
    yesil: await district('astana-yesil'),
    almatyDistrict: await district('almaty-city-alatau'),
    karaganda: await region('karaganda'),
  };
}

let nextTelegramId = 960_000_000;

/** A resident who agreed to the processing of data, living in `regionId`. */
export async function resident(services: ServicesWithDb, locale: 'kk' | 'ru', name: string, regionId: number | null): Promise<Citizen> {
  const c = await services.citizens.giveConsent(nextTelegramId++, locale, name);
  return services.citizens.updateProfile(c.id, { name, regionId });
}

export const staff = (id: number, roles: StaffPrincipal['roles'], regionId: number | null = null, districtId: number | null = null): StaffPrincipal => ({
  id,
  login: `staff${id}`,
  fullName: `Staff ${id}`,
  roles,
  regionId,
  districtId,
  departmentId: null,
  locale: 'ru',
});
export const actor = (p: StaffPrincipal) => ({ type: 'staff' as const, id: p.id });

export const TITLE = 'Есіл ауданындағы аулаға 50 ағаш отырғызу';
export const WHAT = 'Аулада 50 көшет отырғызып, оларды бір жыл бойы суару керек: бұл жүздеген тұрғынға көлеңке береді.';
export const WHY = 'Ауланың ағашы жоқ, жазда өте ыстық, балалар ойнайтын орын жоқ.';

/** A proposal sent through the draft, answer by answer, as the bot does; returns its id. */
export async function propose(
  services: ServicesWithDb,
  citizen: Citizen,
  p: Places,
  extra: { title?: string; help?: InitiativeHelp[]; language?: 'kk' | 'ru'; districtId?: number | null; point?: { lat: number; lon: number } | null } = {},
): Promise<number> {
  const d = services.initiatives.drafts;
  await d.startDraft(citizen.id);
  await d.saveDraft(citizen.id, { organisation: '' });
  await d.saveDraft(citizen.id, { areaId: 3, regionId: p.astana, districtId: extra.districtId === undefined ? p.yesil : extra.districtId });
  await d.saveDraft(citizen.id, { point: extra.point === undefined ? { lat: 51.128, lon: 71.43 } : extra.point, placeDone: true });
  await d.saveDraft(citizen.id, { title: extra.title ?? TITLE, description: WHAT, justification: WHY });
  await d.saveDraft(citizen.id, { helpNeeded: extra.help ?? ['volunteers', 'patron_money'], helpDone: true });
  await d.saveDraft(citizen.id, { photosDone: true, showName: true });
  return (await d.submit(citizen.id, extra.language ?? citizen.locale)).id;
}

/** The texts the outbox holds for a citizen, oldest first (optionally of one kind). */
export async function notices(prisma: PrismaClient, citizenId: number, kind?: string): Promise<string[]> {
  const rows = await prisma.outboxMessage.findMany({ where: { citizenId, ...(kind ? { kind } : {}) }, orderBy: { id: 'asc' } });
  return rows.map((r) => (r.payload as { text: string }).text);
}

/** The buttons' data of the last message to a citizen. */
export async function lastButtons(prisma: PrismaClient, citizenId: number): Promise<string[]> {
  const row = await prisma.outboxMessage.findFirst({ where: { citizenId }, orderBy: { id: 'desc' } });
  const offers = (row?.payload as { offers?: Array<Array<{ data: string }>> } | undefined)?.offers ?? [];
  return offers.flat().map((o) => o.data);
}
