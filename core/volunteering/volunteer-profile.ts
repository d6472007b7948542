// The volunteer profile: saved answer by answer while the citizen signs up in the bot (so nothing typed
// is lost), complete once every required answer is there. The phone comes only from a Telegram contact
// share of the citizen's own account, which is what makes it verified. Organisers see profiles in their
// scope and record a parent's consent for minors. /mydata shows the profile; /deletedata removes it and
// withdraws pending applications, keeping anonymised attendance for the indicators.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient, Volunteer } from '../../generated/prisma/client.ts';
import type { VolunteerAvailability, VolunteerDirection } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { PersonalDataSection } from '../citizens/citizen-service.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { toLocale } from '../i18n/i18n.ts';
import { localName } from '../reference/reference-service.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { fillFreedPlaces, lockOpportunity } from './volunteer-applications.ts';
import {
  ACTIVE,
  AVAILABILITIES,
  birthYearRange,
  DIRECTIONS,
  HOLDS_PLACE,
  hoursOf,
  isMinor,
  NAME_MAX,
  NAME_MIN,
  normalisePhone,
  SKILLS_MAX,
} from './volunteer-rules.ts';
import { assertVolunteerScope, volunteerScopeWhere } from './volunteer-scope.ts';

export interface ProfileFields {
  name: string;
  regionId: number;
  districtId: number | null;
  directions: VolunteerDirection[];
  areaIds: number[];
  skills: string | null;
  availability: VolunteerAvailability;
  birthYear: number;
}

/** What a Telegram contact share carries (Message.contact). */
export interface SharedContact {
  phone_number: string;
  user_id?: number;
}

export interface VolunteerFilter {
  regionId?: number;
  districtId?: number;
  direction?: VolunteerDirection;
}

/** Which required answers a profile still lacks, in the order the bot asks them. */
export function missingAnswers(v: Partial<Volunteer> | null): Array<'name' | 'phone' | 'region' | 'directions' | 'availability' | 'birthYear'> {
  const missing: ReturnType<typeof missingAnswers> = [];
  if (!v?.name) missing.push('name');
  if (!v?.phoneVerifiedAt) missing.push('phone');
  if (v?.regionId == null) missing.push('region');
  if (!v?.directions?.length) missing.push('directions');
  if (!v?.availability) missing.push('availability');
  if (v?.birthYear == null) missing.push('birthYear');
  return missing;
}

async function checkFields(tx: Tx, patch: Partial<ProfileFields>, at: Date): Promise<Partial<ProfileFields>> {
  const out = { ...patch };
  if (patch.name !== undefined) {
    out.name = patch.name.trim().replace(/\s+/g, ' ');
    if (out.name.length < NAME_MIN || out.name.length > NAME_MAX) throw invalid('volunteer.bad_name', { min: NAME_MIN, max: NAME_MAX });
  }
  if (patch.skills !== undefined && patch.skills !== null) {
    // '' records that the volunteer skipped the question (null: not asked yet).
    out.skills = patch.skills.trim();
    if (out.skills.length > SKILLS_MAX) throw invalid('volunteer.skills_long', { max: SKILLS_MAX });
  }
  if (patch.birthYear !== undefined) {
    const { min, max } = birthYearRange(at);
    if (!Number.isInteger(patch.birthYear) || patch.birthYear < min || patch.birthYear > max) throw invalid('volunteer.bad_birth_year', { min, max });
  }
  if (patch.directions?.some((d) => !DIRECTIONS.includes(d))) throw invalid('volunteer.unknown_direction');
  if (patch.availability !== undefined && !AVAILABILITIES.includes(patch.availability)) throw invalid('volunteer.bad_availability');
  if (patch.areaIds?.length && (await tx.area.count({ where: { id: { in: patch.areaIds } } })) !== new Set(patch.areaIds).size)
    throw invalid('volunteer.unknown_area');
  if (patch.regionId !== undefined && !(await tx.region.findUnique({ where: { id: patch.regionId } }))) throw invalid('volunteer.unknown_region');
  if (patch.districtId != null) {
    const d = await tx.district.findUnique({ where: { id: patch.districtId } });
    if (!d || (patch.regionId !== undefined && d.regionId !== patch.regionId)) throw invalid('volunteer.district_not_in_region');
    out.regionId = d.regionId;
  }
  return out;
}

export function createProfileService({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }) {
  const citizenActor = (citizenId: number): Actor => ({ type: 'citizen', id: citizenId });

  const service = {
    get(citizenId: number): Promise<Volunteer | null> {
      return prisma.volunteer.findUnique({ where: { citizenId } });
    },

    /** Saves answers at once; the audit keeps which answers changed, not their values (personal data). */
    async save(citizenId: number, patch: Partial<ProfileFields>): Promise<Volunteer> {
      return prisma.$transaction(async (tx) => {
        const data = await checkFields(tx, patch, now());
        const v = await tx.volunteer.upsert({ where: { citizenId }, create: { citizenId, ...data }, update: data });
        await recordAudit(tx, citizenActor(citizenId), {
          action: 'volunteer.profile',
          entity: 'volunteer',
          entityId: citizenId,
          after: { fields: Object.keys(data) },
        });
        return v;
      });
    },

    /** Takes the phone from a contact the citizen shared; someone else's contact is refused. */
    async verifyContact(citizenId: number, senderTelegramId: number, contact: SharedContact): Promise<string> {
      if (contact.user_id !== senderTelegramId) throw invalid('volunteer.contact_not_own');
      const phone = normalisePhone(contact.phone_number);
      if (phone.length < 8) throw invalid('volunteer.contact_not_own');
      const at = now();
      await prisma.$transaction(async (tx) => {
        await tx.volunteer.upsert({ where: { citizenId }, create: { citizenId, phone, phoneVerifiedAt: at }, update: { phone, phoneVerifiedAt: at } });
        await recordAudit(tx, citizenActor(citizenId), { action: 'volunteer.phone_verified', entity: 'volunteer', entityId: citizenId });
      });
      return phone;
    },

    /** Marks the sign-up complete (the first time); refused while a required answer is missing. */
    async complete(citizenId: number): Promise<Volunteer> {
      return prisma.$transaction(async (tx) => {
        const v = await tx.volunteer.findUnique({ where: { citizenId } });
        const missing = missingAnswers(v);
        if (!v || missing.length > 0) throw invalid('volunteer.profile_incomplete', { missing: missing.join(', ') });
        if (v.signedUpAt) return v;
        const done = await tx.volunteer.update({ where: { citizenId }, data: { signedUpAt: now() } });
        await recordAudit(tx, citizenActor(citizenId), { action: 'volunteer.sign_up', entity: 'volunteer', entityId: citizenId });
        return done;
      });
    },

    async setAnnouncements(citizenId: number, on: boolean): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const changed = await tx.volunteer.updateMany({ where: { citizenId }, data: { announcementsOff: !on } });
        if (changed.count === 0) throw conflict('volunteer.not_signed_up');
        await recordAudit(tx, citizenActor(citizenId), { action: 'volunteer.announcements', entity: 'volunteer', entityId: citizenId, after: { on } });
      });
    },

    async setParentConsent(actor: Actor, staff: StaffPrincipal, citizenId: number, consent: boolean): Promise<Volunteer> {
      return prisma.$transaction(async (tx) => {
        const v = await tx.volunteer.findUnique({ where: { citizenId } });
        if (!v) throw notFound('volunteer.not_found');
        assertVolunteerScope(staff, v);
        const updated = await tx.volunteer.update({
          where: { citizenId },
          data: { parentConsent: consent, parentConsentAt: consent ? now() : null, parentConsentById: consent ? staff.id : null },
        });
        await recordAudit(tx, actor, {
          action: 'volunteer.parent_consent',
          entity: 'volunteer',
          entityId: citizenId,
          before: { parentConsent: v.parentConsent },
          after: { parentConsent: consent },
        });
        return updated;
      });
    },

    /** Signed-up volunteers in the organiser's scope; directions are matched in SQL (see volunteer-match.ts). */
    async list(
      staff: StaffPrincipal,
      f: VolunteerFilter,
      page: { offset: number; limit: number },
    ): Promise<{ items: Array<Volunteer & { minor: boolean }>; total: number }> {
      let ids: number[] | undefined;
      if (f.direction) {
        const rows = await prisma.$queryRaw<
          Array<{ id: number }>
        >`SELECT "citizenId" AS id FROM "Volunteer" WHERE ${f.direction}::"VolunteerDirection" = ANY(directions)`;
        ids = rows.map((r) => r.id);
      }
      const where: Prisma.VolunteerWhereInput = {
        signedUpAt: { not: null },
        ...(f.regionId ? { regionId: f.regionId } : {}),
        ...(f.districtId ? { districtId: f.districtId } : {}),
        ...(ids ? { citizenId: { in: ids } } : {}),
        ...volunteerScopeWhere(staff),
      };
      const [rows, total] = await Promise.all([
        prisma.volunteer.findMany({ where, orderBy: [{ name: 'asc' }, { citizenId: 'asc' }], skip: page.offset, take: page.limit }),
        prisma.volunteer.count({ where }),
      ]);
      const at = now();
      return { items: rows.map((v) => ({ ...v, minor: isMinor(v.birthYear, at) })), total };
    },
  };
  return service;
}

/**
 * /mydata and /deletedata for volunteering. The privacy screen shows a section's keys as labels, so
 * the labels are written here in the citizen's own language.
 */
export function volunteerPersonalData(i18n: i18n, now: () => Date = () => new Date()): PersonalDataSection {
  return {
    key: 'volunteer',
    async describe(tx, citizenId) {
      // One connection serves a transaction: its queries go one after another (pg 9 refuses overlapping ones).
      const c = await tx.citizen.findUnique({ where: { id: citizenId }, select: { locale: true } });
      const v = await tx.volunteer.findUnique({ where: { citizenId }, include: { region: true, district: true } });
      const applications = await tx.volunteerApplication.count({ where: { citizenId } });
      const attended = await tx.volunteerApplication.aggregate({ where: { citizenId, state: 'attended' }, _sum: { minutes: true, peopleHelped: true } });
      if (!v && applications === 0) return null;
      const locale = toLocale(c?.locale);
      const t = i18n.getFixedT(locale);
      const label = (k: string) => t(`volunteering:mydata.${k}`);
      const none = t('volunteering:mydata.none');
      const data: Record<string, string | number> = {};
      if (v) {
        data[label('name')] = v.name ?? none;
        data[label('phone')] = v.phone ?? none;
        data[label('region')] = v.region ? [localName(v.region, locale), v.district ? localName(v.district, locale) : null].filter(Boolean).join(', ') : none;
        data[label('directions')] = v.directions.map((d) => t(`volunteering:directions.${d}`)).join(', ') || none;
        data[label('areas')] = v.areaIds.length;
        data[label('skills')] = v.skills || none;
        data[label('availability')] = v.availability ? t(`volunteering:availability.${v.availability}`) : none;
        data[label('birth_year')] = v.birthYear ?? none;
        data[label('parent_consent')] = t(v.parentConsent ? 'volunteering:mydata.yes' : 'volunteering:mydata.no');
        data[label('announcements')] = t(v.announcementsOff ? 'volunteering:mydata.off' : 'volunteering:mydata.on');
      }
      data[label('applications')] = applications;
      data[label('hours')] = hoursOf(attended._sum.minutes);
      data[label('people')] = attended._sum.peopleHelped ?? 0;
      return data;
    },

    // Attendance, hours, people helped and ratings stay, tied to the anonymised citizen row, because they
    // are the indicator "volume of services provided by volunteers"; the profile and the organisers'
    // comments about the person go, and applications still going on are withdrawn (their places freed).
    async erase(tx, citizenId) {
      const at = now();
      const active = await tx.volunteerApplication.findMany({ where: { citizenId, state: { in: ACTIVE } } });
      for (const a of active) {
        const o = await lockOpportunity(tx, a.opportunityId);
        await tx.volunteerApplication.update({ where: { id: a.id }, data: { state: 'cancelled', cancelledAt: at } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          {
            action: 'volunteer.cancel',
            entity: 'volunteer_application',
            entityId: a.id,
            before: { state: a.state },
            after: { state: 'cancelled', reason: 'erasure' },
          },
        );
        if (HOLDS_PLACE.includes(a.state)) await fillFreedPlaces(tx, i18n, o, at);
      }
      await tx.volunteerReview.updateMany({ where: { application: { citizenId } }, data: { comment: null } });
      await tx.volunteer.deleteMany({ where: { citizenId } });
    },
  };
}
