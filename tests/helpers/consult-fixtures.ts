// Questions, citizens and staff for the consultation tests, written straight to the database so the
// consultant side is tested on its own (the citizen's service is another slice).
import type { Citizen, PrismaClient, Question, StaffUser } from '../../generated/prisma/client.ts';
import type { AskerGroup, QuestionState, StaffRole } from '../../generated/prisma/enums.ts';

let seq = 0;
const next = () => (seq += 1);

export async function makeCitizen(
  prisma: PrismaClient,
  opts: { locale?: 'kk' | 'ru'; consent?: boolean; name?: string | null; phone?: string | null } = {},
): Promise<Citizen> {
  const n = next();
  return prisma.citizen.create({
    data: {
      telegramId: BigInt(7_000_000 + n),
      locale: opts.locale ?? 'ru',
      consentAt: opts.consent === false ? null : new Date('2026-01-01T00:00:00Z'),
      name: opts.name ?? null,
      phone: opts.phone ?? null,
    },
  });
}

export interface QuestionFixture {
  citizenId: number;
  topicId: number;
  regionId?: number | null;
  text?: string;
  askerGroup?: AskerGroup;
  createdAt?: Date;
  dueAt?: Date;
  state?: QuestionState;
  consultantId?: number | null;
}

/** A question as the citizen's side leaves it: the row and its first message. */
export async function makeQuestion(prisma: PrismaClient, f: QuestionFixture): Promise<Question> {
  const n = next();
  const createdAt = f.createdAt ?? new Date();
  const text = f.text ?? `Как зарегистрировать общественное объединение? Вопрос ${n}`;
  const q = await prisma.question.create({
    data: {
      number: `Q-2026-${String(900_000 + n).padStart(6, '0')}`,
      citizenId: f.citizenId,
      topicId: f.topicId,
      askerGroup: f.askerGroup ?? 'ngo',
      regionId: f.regionId ?? null,
      text,
      state: f.state ?? (f.consultantId ? 'claimed' : 'waiting'),
      consultantId: f.consultantId ?? null,
      claimedAt: f.consultantId ? createdAt : null,
      dueAt: f.dueAt ?? new Date(createdAt.getTime() + 2 * 86_400_000),
      createdAt,
    },
  });
  await prisma.questionMessage.create({ data: { questionId: q.id, at: createdAt, kind: 'question', authorType: 'citizen', text } });
  return q;
}

/** A staff account straight in the table (no password to sign in with). */
export async function makeStaff(
  prisma: PrismaClient,
  roles: StaffRole[],
  extra: { regionId?: number | null; locale?: string; linked?: boolean; active?: boolean; fullName?: string } = {},
): Promise<StaffUser> {
  const n = next();
  return prisma.staffUser.create({
    data: {
      login: `consult-staff-${n}`,
      passwordHash: 'x',
      fullName: extra.fullName ?? `Кеңесші ${n}`,
      roles,
      regionId: extra.regionId ?? null,
      locale: extra.locale ?? 'ru',
      active: extra.active ?? true,
      telegramId: extra.linked === false ? null : BigInt(6_000_000 + n),
    },
  });
}
