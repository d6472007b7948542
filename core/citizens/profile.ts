// The three profile questions of the grant report (gender, birth year, social status), asked once in the
// bot and kept in the citizen profile. "Prefer not to say" is an answer: gender 'unstated', or the field
// left empty; either way the statistics put the person in the "not stated" column.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Gender } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { almatyYear } from '../calendar/local-time.ts';
import { invalid, notFound } from '../errors.ts';
import { SOCIAL_STATUS_CODES } from '../projects/project-rules.ts';

export const MIN_BIRTH_YEAR = 1900;

/** What the conversation keeps: plain data (the result of `external` is stored). */
export interface ProfileAnswers {
  askedAt: string | null;
  gender: Gender | null;
  birthYear: number | null;
  socialStatus: string | null;
}

export const birthYearRange = (now: Date) => ({ min: MIN_BIRTH_YEAR, max: almatyYear(now) });

export async function readProfileAnswers(prisma: PrismaClient, citizenId: number): Promise<ProfileAnswers> {
  const c = await prisma.citizen.findUnique({ where: { id: citizenId }, select: { profileAskedAt: true, gender: true, birthYear: true, socialStatus: true } });
  if (!c) throw notFound('citizen.not_found');
  return { askedAt: c.profileAskedAt?.toISOString() ?? null, gender: c.gender, birthYear: c.birthYear, socialStatus: c.socialStatus };
}

export interface ProfileAnswerPatch {
  gender?: Gender | null;
  birthYear?: number | null;
  socialStatus?: string | null;
  /** the last question was answered: do not ask again */
  done?: boolean;
}

/** Saves one answer at once (so /cancel keeps what was given), audited as the citizen. */
export async function saveProfileAnswer(prisma: PrismaClient, citizenId: number, patch: ProfileAnswerPatch, now: Date): Promise<void> {
  const { min, max } = birthYearRange(now);
  if (patch.birthYear != null && (!Number.isInteger(patch.birthYear) || patch.birthYear < min || patch.birthYear > max))
    throw invalid('profile.bad_birth_year');
  if (patch.socialStatus != null && !SOCIAL_STATUS_CODES.includes(patch.socialStatus))
    throw invalid('project.bad_social_status', { value: patch.socialStatus });
  const { done, ...fields } = patch;
  await prisma.$transaction(async (tx) => {
    const before = await tx.citizen.findUnique({
      where: { id: citizenId },
      select: { gender: true, birthYear: true, socialStatus: true, profileAskedAt: true },
    });
    if (!before) throw notFound('citizen.not_found');
    const data = { ...fields, ...(done ? { profileAskedAt: now } : {}) };
    await tx.citizen.update({ where: { id: citizenId }, data });
    await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'citizen.profile', entity: 'citizen', entityId: citizenId, before, after: data });
  });
}
