// Shared pieces of the poll tests: a running social project in Almaty, its beneficiaries (citizens with
// Telegram, or imported without it), a questionnaire with a skip rule, and staff principals.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Gender } from '../../generated/prisma/enums.ts';
import type { ServicesWithDb } from '../../core/services.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import type { QuestionInput } from '../../core/polls/poll-rules.ts';

/** An instant given in Almaty time. */
export const at = (local: string) => new Date(`${local}+05:00`);

export const manager = (id: number, regionId: number | null, roles: StaffPrincipal['roles'] = ['project_manager']): StaffPrincipal => ({
  id,
  login: `pm${id}`,
  fullName: `Жоба менеджері ${id}`,
  roles,
  regionId,
  districtId: null,
  departmentId: null,
  locale: 'ru',
});
export const ADMIN = manager(1, null, ['admin']);
export const actor = (p: StaffPrincipal) => ({ type: 'staff' as const, id: p.id });

export async function almatyId(prisma: PrismaClient): Promise<number> {
  return (await prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
}

/** An active project (so the invitation link can enrol followers). */
export async function activeProject(
  prisma: PrismaClient,
  opts: { regionId?: number | null; name?: string } = {},
): Promise<{ id: number; regionId: number | null }> {
  const area = await prisma.area.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const regionId = opts.regionId === undefined ? await almatyId(prisma) : opts.regionId;
  return prisma.socialProject.create({
    data: {
      nameKk: opts.name ? `${opts.name} (kk)` : 'Жастарға арналған кеңес орталығы',
      nameRu: opts.name ?? 'Консультационный центр для молодёжи',
      supplierName: 'ҚҚ «Болашақ жастары»',
      contractSum: 12500,
      startsOn: new Date('2026-01-01'),
      endsOn: new Date('2026-12-31'),
      areaId: area.id,
      regionId,
      status: 'active',
      inviteCode: randomBytes(6).toString('hex'),
    },
    select: { id: true, regionId: true },
  });
}

let nextTelegramId = 940_000_000;
export const newTelegramId = () => ++nextTelegramId;

export interface PersonSpec {
  locale?: 'kk' | 'ru';
  name?: string;
  gender?: Gender | null;
  birthYear?: number | null;
  socialStatus?: string | null;
  telegramId?: number;
}

/** A citizen with Telegram who agreed to data processing, answered the profile and joined the project. */
export async function beneficiaryCitizen(
  prisma: PrismaClient,
  projectId: number,
  spec: PersonSpec = {},
): Promise<{ citizenId: number; beneficiaryId: number; telegramId: number }> {
  const telegramId = spec.telegramId ?? newTelegramId();
  const c = await prisma.citizen.create({
    data: {
      telegramId: BigInt(telegramId),
      locale: spec.locale ?? 'ru',
      consentAt: new Date('2026-01-10T00:00:00Z'),
      name: spec.name ?? `Тұрғын ${telegramId}`,
      gender: spec.gender ?? null,
      birthYear: spec.birthYear ?? null,
      socialStatus: spec.socialStatus ?? null,
      profileAskedAt: new Date('2026-01-10T00:00:00Z'),
    },
  });
  const b = await prisma.projectBeneficiary.create({ data: { projectId, citizenId: c.id, source: 'invitation' } });
  return { citizenId: c.id, beneficiaryId: b.id, telegramId };
}

/** A beneficiary from the NGO's list, without Telegram: unreachable for the bot. */
export async function importedBeneficiary(prisma: PrismaClient, projectId: number, ref: string, spec: PersonSpec = {}): Promise<number> {
  const b = await prisma.projectBeneficiary.create({
    data: {
      projectId,
      source: 'import',
      externalRef: ref,
      fullName: spec.name ?? `Қатысушы ${ref}`,
      gender: spec.gender ?? null,
      birthYear: spec.birthYear ?? null,
      socialStatus: spec.socialStatus ?? null,
    },
  });
  return b.id;
}

/** Q1 satisfaction, Q2 rating, Q3 yes/no, Q4 multiple (only when Q3 = yes), Q5 optional free text. */
export const QUESTIONNAIRE: Array<Omit<QuestionInput, 'showIfQuestionId'> & { showIf?: number }> = [
  {
    type: 'satisfaction',
    textKk: 'Жоба қызметтеріне қаншалықты қанағаттандыңыз?',
    textRu: 'Насколько вы удовлетворены услугами проекта?',
    required: true,
    options: [],
    showIfAnswers: [],
  },
  {
    type: 'rating',
    textKk: 'Кеңес беру сапасын 1-ден 5-ке дейін бағалаңыз',
    textRu: 'Оцените качество консультаций от 1 до 5',
    required: true,
    options: [],
    showIfAnswers: [],
  },
  {
    type: 'yes_no',
    textKk: 'Жобаның іс-шараларына қатыстыңыз ба?',
    textRu: 'Вы участвовали в мероприятиях проекта?',
    required: true,
    options: [],
    showIfAnswers: [],
  },
  {
    type: 'multiple',
    textKk: 'Қандай іс-шараларға қатыстыңыз?',
    textRu: 'В каких мероприятиях вы участвовали?',
    required: true,
    options: [
      { code: 'seminar', kk: 'Семинар', ru: 'Семинар' },
      { code: 'training', kk: 'Тренинг', ru: 'Тренинг' },
      { code: 'consult', kk: 'Жеке кеңес', ru: 'Личная консультация' },
    ],
    showIf: 3,
    showIfAnswers: ['yes'],
  },
  { type: 'text', textKk: 'Жобаны қалай жақсартуға болады?', textRu: 'Как улучшить проект?', required: false, options: [], showIfAnswers: [] },
];

/** Creates the poll through the builder with QUESTIONNAIRE; returns the ids of the poll and its questions. */
export async function buildPoll(
  services: ServicesWithDb,
  projectId: number,
  opts: { anonymous?: boolean; staff?: StaffPrincipal } = {},
): Promise<{ pollId: number; q: number[] }> {
  const staff = opts.staff ?? ADMIN;
  const { builder } = services.polls;
  const poll = await builder.create(actor(staff), staff, projectId, {
    titleKk: 'Қанағаттану сауалнамасы',
    titleRu: 'Опрос удовлетворённости',
    anonymous: opts.anonymous ?? false,
  });
  const q: number[] = [];
  for (const { showIf, ...input } of QUESTIONNAIRE) {
    q.push((await builder.addQuestion(actor(staff), staff, poll.id, { ...input, showIfQuestionId: showIf ? q[showIf - 1]! : null })).id);
  }
  return { pollId: poll.id, q };
}

export async function openWave(
  services: ServicesWithDb,
  pollId: number,
  label: { kk: string; ru: string },
  opensAt: Date,
  closesAt: Date,
  reminderAfterHours = 72,
): Promise<number> {
  const { builder } = services.polls;
  const w = await builder.createWave(actor(ADMIN), ADMIN, pollId, { labelKk: label.kk, labelRu: label.ru, opensAt, closesAt, reminderAfterHours });
  await builder.openWave(actor(ADMIN), ADMIN, w.id);
  return w.id;
}
