// Shared pieces of the volunteering tests: a signed-up volunteer, an opportunity, the organisers, and
// what the outbox holds for a citizen.
import type { Citizen, PrismaClient } from '../generated/prisma/client.ts';
import type { VolunteerDirection } from '../generated/prisma/enums.ts';
import type { ServicesWithDb } from '../core/services.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import type { OpportunityInput } from '../core/volunteering/volunteer-opportunities.ts';
import { sentParams } from './helpers/outbox.ts';

/** An instant given in Almaty time. */
export const at = (local: string) => new Date(`${local}+05:00`);

export const organiser = (
  id: number,
  scope: { regionId?: number; districtId?: number } = {},
  roles: StaffPrincipal['roles'] = ['project_manager'],
): StaffPrincipal => ({
  id,
  login: `pm${id}`,
  fullName: `Ұйымдастырушы ${id}`,
  roles,
  regionId: scope.regionId ?? null,
  districtId: scope.districtId ?? null,
  departmentId: null,
  locale: 'ru',
});
export const ADMIN = organiser(1, {}, ['admin']);
export const staffActor = (p: StaffPrincipal) => ({ type: 'staff' as const, id: p.id });

let nextTelegramId = 930_000_000;

export interface VolunteerSpec {
  locale?: 'kk' | 'ru';
  name?: string;
  regionId: number;
  districtId?: number | null;
  directions?: VolunteerDirection[];
  areaIds?: number[];
  birthYear?: number;
  announcementsOff?: boolean;
  telegramId?: number;
}

/** A citizen who agreed to the processing of data and finished the volunteer sign-up. */
export async function signedUpVolunteer(services: ServicesWithDb, spec: VolunteerSpec): Promise<Citizen> {
  const telegramId = spec.telegramId ?? nextTelegramId++;
  const c = await services.citizens.giveConsent(telegramId, spec.locale ?? 'ru', spec.name ?? 'Волонтёр');
  const { profiles } = services.volunteering;
  await profiles.save(c.id, {
    name: spec.name ?? `Ерікті ${telegramId}`,
    regionId: spec.regionId,
    districtId: spec.districtId ?? null,
    directions: spec.directions ?? ['events'],
    areaIds: spec.areaIds ?? [],
    skills: '',
    availability: 'seasonal_when_needed',
    birthYear: spec.birthYear ?? 1995,
  });
  await profiles.verifyContact(c.id, telegramId, { phone_number: `7701${String(telegramId).slice(-7)}`, user_id: telegramId });
  await profiles.complete(c.id);
  if (spec.announcementsOff) await profiles.setAnnouncements(c.id, false);
  return c;
}

export function opportunityInput(regionId: number, extra: Partial<OpportunityInput> = {}): OpportunityInput {
  return {
    titleKk: 'Саябақта сенбілік',
    titleRu: 'Субботник в парке',
    descriptionKk: 'Қоқыс жинаймыз, ағаш отырғызамыз.',
    descriptionRu: 'Собираем мусор и сажаем деревья.',
    organiserName: 'ҚБ «Жасыл қала»',
    directions: ['ecology'],
    regionId,
    place: 'Орталық саябақ, басты кіреберіс',
    startsAt: at('2026-06-10T10:00:00'),
    endsAt: at('2026-06-10T14:00:00'),
    needed: 2,
    ...extra,
  };
}

/** Texts enqueued for a citizen, oldest first, optionally of one kind. */
export async function outboxTexts(prisma: PrismaClient, citizenId: number, kind?: string): Promise<string[]> {
  const rows = await prisma.outboxMessage.findMany({ where: { citizenId, ...(kind ? { kind } : {}) }, orderBy: { id: 'asc' } });
  return rows.map((r) => sentParams(r).text);
}
