// Citizens: consent first (Law of RK "On personal data"), then a profile they can see and erase.
import { Prisma, type Citizen, type PrismaClient } from '../../generated/prisma/client.ts';
import type { ChatState, UnitStart } from '../chat-state/chat-state.ts';
import type { Gender } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { invalid, notFound } from '../errors.ts';
import { localName } from '../reference/reference-service.ts';
import { asPlace, placeAuditSql, placeKeys, placeUpdateSql } from './citizen-unit.ts';
import { columnsOf } from '../db/raw-sql.ts';
import { birthYearRange, readProfileAnswers, saveProfileAnswer, type ProfileAnswerPatch } from './profile.ts';

export type Locale = 'kk' | 'ru';

export interface ProfilePatch {
  name?: string | null;
  phone?: string | null;
  regionId?: number | null;
  districtId?: number | null;
  gender?: Gender | null;
  birthYear?: number | null;
  socialStatus?: string | null;
}

/**
 * Each capability that keeps personal data registers a section, so /mydata shows all of it and
 * /deletedata erases all of it, without this service knowing the capabilities.
 */
export interface PersonalDataSection {
  key: string;
  /** counts or short facts about what is stored, for /mydata */
  describe(tx: Tx, citizenId: number): Promise<Record<string, string | number> | null>;
  /** remove or anonymise personal data, keeping records needed for statistics; `at` is the injected now */
  erase(tx: Tx, citizenId: number, at: Date): Promise<void>;
}

export interface CitizenDataExport {
  telegramId: string;
  locale: string;
  consentAt: Date | null;
  createdAt: Date;
  profile: Required<ProfilePatch> & { regionName: string | null; districtName: string | null };
  sections: Array<{ key: string; data: Record<string, string | number> }>;
}

export interface CitizenServiceDeps {
  prisma: PrismaClient;
  sections?: PersonalDataSection[];
  now?: () => Date;
  /**
   * keeps the citizen the bot's update read (`inUnit`) for the rest of it, so `regionOf` need not read it
   * again, and saves a place chosen in the update with its state (citizen-unit.ts)
   */
  chatState?: Pick<ChatState, 'recall' | 'remember' | 'defer'>;
}

/**
 * Whether the bot may write to this citizen: consent given and a real Telegram chat. Erasure
 * clears the consent and puts a negative number in place of the Telegram id.
 */
export const reachable = <C extends { consentAt: Date | null; telegramId: bigint }>(c: C | null | undefined): c is C =>
  !!c && c.consentAt !== null && c.telegramId > 0n;

/** `reachable` as a Prisma filter on Citizen, for queries that select whom to write to. */
export const reachableWhere = { consentAt: { not: null }, telegramId: { gt: 0n } } satisfies Prisma.CitizenWhereInput;

/** The unit's read is a prepared statement: its columns are listed, never `*` (core/db/raw-sql.ts, RawQueryOptions.name). */
const CITIZEN_COLUMNS = Prisma.raw(columnsOf(Prisma.CitizenScalarFieldEnum, 'c'));

export function createCitizenService({ prisma, sections = [], now = () => new Date(), chatState }: CitizenServiceDeps) {
  // The row the unit read, until this service changes it: every write below forgets it.
  const keptKey = (citizenId: number) => `citizen:${citizenId}`;
  const forget = (citizenId: number) => chatState?.remember(keptKey(citizenId), undefined);
  return {
    sections,

    findByTelegramId(telegramId: number | bigint): Promise<Citizen | null> {
      return prisma.citizen.findUnique({ where: { telegramId: BigInt(telegramId) } });
    },

    /**
     * `findByTelegramId` read in a chat-state unit's first statement (core/chat-state): `row` goes into the
     * unit's parts, `from` takes the citizen out of its start. Raw columns come typed as Prisma types them.
     */
    inUnit(telegramId: number | bigint): { row: Prisma.Sql; from(start: UnitStart): Citizen | null } {
      return {
        row: Prisma.sql`SELECT ${CITIZEN_COLUMNS} FROM "Citizen" c WHERE c."telegramId" = ${BigInt(telegramId)}`,
        from: (start) => {
          const citizen = (start.row as Citizen | null) ?? null;
          if (citizen) chatState?.remember(keptKey(citizen.id), citizen);
          return citizen;
        },
      };
    },

    /** Records consent; the Telegram name is stored only from this moment on. */
    async giveConsent(telegramId: number | bigint, locale: Locale, displayName: string | null): Promise<Citizen> {
      const at = now();
      return prisma.$transaction(async (tx) => {
        const citizen = await tx.citizen.upsert({
          where: { telegramId: BigInt(telegramId) },
          create: { telegramId: BigInt(telegramId), locale, consentAt: at, name: displayName, lastSeenAt: at },
          update: { locale, consentAt: at, active: true, blockedAt: null, lastSeenAt: at },
        });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizen.id },
          { action: 'citizen.consent', entity: 'citizen', entityId: citizen.id, after: { consentAt: at, locale } },
        );
        return citizen;
      });
    },

    /** The region the citizen gave in their profile (a question or a report starts there), or null. */
    async regionOf(citizenId: number): Promise<number | null> {
      const kept = chatState?.recall<Citizen>(keptKey(citizenId));
      if (kept) return kept.regionId;
      return (await prisma.citizen.findUnique({ where: { id: citizenId }, select: { regionId: true } }))?.regionId ?? null;
    },

    /** The name the citizen gave (their Telegram name after consent, or their own), or null. */
    async nameOf(citizenId: number): Promise<string | null> {
      return (await prisma.citizen.findUnique({ where: { id: citizenId }, select: { name: true } }))?.name ?? null;
    },

    /** The grant report's profile questions (core/citizens/profile.ts), answered one at a time in the bot. */
    profile: {
      answers: (citizenId: number) => readProfileAnswers(prisma, citizenId),
      save: (citizenId: number, patch: ProfileAnswerPatch) => {
        forget(citizenId);
        return saveProfileAnswer(prisma, citizenId, patch, now());
      },
    },

    async setLocale(citizenId: number, locale: Locale): Promise<void> {
      forget(citizenId);
      await prisma.citizen.update({ where: { id: citizenId }, data: { locale } });
    },

    /** Called on every update from a known citizen: a message from them means they unblocked the bot. */
    async touch(citizen: Citizen): Promise<void> {
      const at = now();
      if (!citizen.active || at.getTime() - citizen.lastSeenAt.getTime() > 60_000) {
        await prisma.citizen.update({ where: { id: citizen.id }, data: { active: true, blockedAt: null, lastSeenAt: at } });
      }
    },

    async updateProfile(citizenId: number, patch: ProfilePatch): Promise<Citizen> {
      // In the bot's update that read the citizen, a place (the report flow's) is written with the update's state.
      const kept = chatState?.recall<Citizen>(keptKey(citizenId));
      const place = kept ? asPlace(patch as Record<string, unknown>) : null;
      const keys = placeKeys(citizenId);
      // A unit that has ended takes nothing (defer answers false): then the change is written at once below.
      if (kept && place && chatState!.defer(keys.update, placeUpdateSql(citizenId, place, now()))) {
        chatState!.defer(keys.audit, placeAuditSql(kept, place));
        const after = { ...kept, ...place };
        chatState!.remember(keptKey(citizenId), after);
        return after;
      }
      const years = birthYearRange(now());
      if (patch.birthYear != null && (patch.birthYear < years.min || patch.birthYear > years.max)) {
        throw invalid('profile.bad_birth_year');
      }
      forget(citizenId);
      return prisma.$transaction(async (tx) => {
        // The district's region is read in the same transaction (one transaction per answer, issue 23).
        if (patch.districtId != null) {
          const d = await tx.district.findUnique({ where: { id: patch.districtId } });
          if (!d) throw invalid('profile.unknown_district');
          patch = { ...patch, regionId: d.regionId };
        }
        const before = await tx.citizen.findUnique({ where: { id: citizenId } });
        if (!before) throw notFound('citizen.not_found');
        const after = await tx.citizen.update({ where: { id: citizenId }, data: patch });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'citizen.profile', entity: 'citizen', entityId: citizenId, before: pick(before, patch), after: patch },
        );
        return after;
      });
    },

    async exportData(citizenId: number): Promise<CitizenDataExport> {
      const c = await prisma.citizen.findUnique({ where: { id: citizenId }, include: { region: true, district: true } });
      if (!c) throw notFound('citizen.not_found');
      const extra: CitizenDataExport['sections'] = [];
      for (const s of sections) {
        const data = await s.describe(prisma, citizenId);
        if (data && Object.keys(data).length > 0) extra.push({ key: s.key, data });
      }
      return {
        telegramId: c.telegramId.toString(),
        locale: c.locale,
        consentAt: c.consentAt,
        createdAt: c.createdAt,
        profile: {
          name: c.name,
          phone: c.phone,
          regionId: c.regionId,
          districtId: c.districtId,
          gender: c.gender,
          birthYear: c.birthYear,
          socialStatus: c.socialStatus,
          regionName: c.region ? localName(c.region, c.locale) : null,
          districtName: c.district ? localName(c.district, c.locale) : null,
        },
        sections: extra,
      };
    },

    /**
     * Erases personal data and unlinks the Telegram account; records needed for statistics stay,
     * anonymised. A later /start begins as a new citizen.
     */
    async erase(citizenId: number): Promise<void> {
      const at = now();
      forget(citizenId);
      // A place chosen earlier in this update is not written after the erasure.
      for (const key of Object.values(placeKeys(citizenId))) chatState?.defer(key, null);
      await prisma.$transaction(async (tx) => {
        const c = await tx.citizen.findUnique({ where: { id: citizenId } });
        if (!c) throw notFound('citizen.not_found');
        for (const s of sections) await s.erase(tx, citizenId, at);
        await tx.outboxMessage.deleteMany({ where: { chatId: c.telegramId, status: { in: ['pending', 'sending'] } } });
        // Conversation state can hold half-typed texts; the chat session holds only the language and stays.
        await tx.botSession.deleteMany({ where: { key: `c:${c.telegramId}` } });
        await tx.citizen.update({
          where: { id: citizenId },
          data: {
            // Negative ids never collide with Telegram's, and keep the unique constraint.
            telegramId: BigInt(-citizenId),
            name: null,
            phone: null,
            gender: null,
            birthYear: null,
            socialStatus: null,
            // asked again if they come back: the answers are gone
            profileAskedAt: null,
            districtId: null,
            consentAt: null,
            active: false,
            erasedAt: at,
          },
        });
        // The audit entry itself holds no personal data, only that erasure happened.
        await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'citizen.erase', entity: 'citizen', entityId: citizenId });
      });
    },
  };
}

function pick<T extends object>(obj: T, keysOf: object): Partial<T> {
  return Object.fromEntries(Object.keys(keysOf).map((k) => [k, (obj as Record<string, unknown>)[k]])) as Partial<T>;
}
