// Volunteering as one service object for the composition root: profiles, opportunities, applications,
// the volunteer's own views, and the organisers' rankings and certificates (scoped by region/district).
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { invalid, notFound } from '../errors.ts';
import { localName } from '../reference/reference-service.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { createApplicationService } from './volunteer-applications.ts';
import { createVolunteerCitizenService } from './volunteer-citizen.ts';
import type { Certificate } from './volunteer-export.ts';
import { createOpportunityService } from './volunteer-opportunities.ts';
import { createProfileService } from './volunteer-profile.ts';
import { computeRankings, type Level, type Period, type Rankings } from './volunteer-rankings.ts';
import { processVolunteerReminders } from './volunteer-reminders.ts';
import { assertVolunteerScope } from './volunteer-scope.ts';

export function createVolunteeringServices({ prisma, i18n, now = () => new Date() }: { prisma: PrismaClient; i18n: i18n; now?: () => Date }) {
  const citizen = createVolunteerCitizenService({ prisma, now });

  /** The district or region a ranking is for, checked against the organiser's scope; its name in both languages. */
  async function levelOf(staff: StaffPrincipal, level: Level): Promise<{ nameKk: string; nameRu: string }> {
    if (level.level === 'region') {
      const region = await prisma.region.findUnique({ where: { id: level.regionId } });
      if (!region) throw invalid('volunteer.unknown_region');
      assertVolunteerScope(staff, { regionId: region.id, districtId: null });
      return region;
    }
    const district = await prisma.district.findUnique({ where: { id: level.districtId }, include: { region: true } });
    if (!district) throw invalid('volunteer.unknown_district');
    assertVolunteerScope(staff, { regionId: district.regionId, districtId: district.id });
    return { nameKk: `${district.region.nameKk}, ${district.nameKk}`, nameRu: `${district.region.nameRu}, ${district.nameRu}` };
  }

  return {
    profiles: createProfileService({ prisma, now }),
    opportunities: createOpportunityService({ prisma, i18n, now }),
    applications: createApplicationService({ prisma, i18n, now }),
    citizen,
    /** One pass of the reminders (the volunteer-reminders job): the day before, two hours before, and "did you take part?" after. */
    processReminders: () => processVolunteerReminders({ prisma, i18n, now }),

    async rankings(staff: StaffPrincipal, level: Level, period: Period, limit?: number): Promise<Rankings & { place: { kk: string; ru: string } }> {
      const place = await levelOf(staff, level);
      return { ...(await computeRankings(prisma, level, period, limit)), place: { kk: localName(place, 'kk'), ru: localName(place, 'ru') } };
    },

    /** A volunteer's record for a certificate, oldest event first; all time when no period is given. */
    async certificate(staff: StaffPrincipal, citizenId: number, period: Period | null): Promise<Certificate> {
      const v = await prisma.volunteer.findUnique({ where: { citizenId } });
      if (!v?.name) throw notFound('volunteer.not_found');
      assertVolunteerScope(staff, v);
      const { items } = await citizen.record(citizenId);
      const inPeriod = items.filter((i) => !period || (i.opportunity.startsAt >= period.from && i.opportunity.startsAt < period.to));
      return { name: v.name, items: inPeriod.reverse(), period, issuedAt: now() };
    },
  };
}
