// A small world with hand-computed indicators for December 2026 (Almaty time), written straight into the
// tables so every timestamp is exactly as the expected values assume. 16 December (Independence Day) is a
// holiday in the seeded calendar: a report accepted on it took 0.625 working days, not 1.
//
// Region A (Astana), district dA; region B (Almaty).
//   R1 roads   c1  Mon 14.12 10:00 → accepted Tue 15.12 10:00 (1 wd, 24 h) → resolved Thu 17.12 10:00 (2 wd, 72 h), due 18.12: on time; rating 5; 3 supports
//   R2 roads   c1  Tue 15.12 09:00 → accepted Wed 16.12 09:00 (holiday: 0.625 wd, 24 h) → resolved Fri 18.12 21:00 (2.5 wd, 84 h), due 17.12: late;
//     rating 3; 1 support; reopened once
//   R3 waste   c2  Fri 18.12 12:00 → accepted Mon 21.12 12:00 (1 wd over the weekend, 72 h), in work, due 22.12 12:00: overdue now; 0 supports
//   R4 waste   c3  Mon 21.12 10:00, new, hidden by a moderator, 2 supports
//   R5 animals c3  Tue 22.12 10:00, resolved by its author the next day (self-resolved, no acceptance)
//   R6 animals c1  Wed 23.12 10:00, rejected; no district
//   R7 roads   c4  region B, 10.12, resolved
//   R8 roads   c1  region A, 20.11 (the previous period)
//   R9 roads   c2  Tue 22.12 15:00, the same pothole again: merged into R8 (status duplicate); no position; 2 supports
//                  (R8's own count is left as it was: only the December figures are computed here)
// Region A in December: received 7 (R1–R6, R9), of which 1 duplicate, so the base of the shares is 6:
//   resolved 3 (R1, R2, R5) / 6 = 0.5; reopened 1 (R2) / 6 = 0.1667;
//   supports 3+1+0+2+0+0+2 = 8 in all, without the duplicate's 2: 6 / 6 = 1 per report
//   (counting the duplicate they would be 3/7 = 0.4286, 1/7 = 0.1429 and 8/7 = 1.14).
// Report positions carry more than 3 decimals (51.131 12…); the map shows them to 3.
import type { PrismaClient } from '../../generated/prisma/client.ts';

export const at = (local: string) => new Date(`${local}+05:00`);
/** The clock of the suites: "now" is 10 January 2027. */
export const NOW = at('2027-01-10T12:00:00');

export interface AnalyticsWorld {
  regionA: number;
  regionB: number;
  districtA: number;
  citizens: { c1: number; c2: number; c3: number; c4: number };
  categories: { roads: number; waste: number; animals: number };
  reports: Record<'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9', number>;
  topics: { T1: number; T2: number };
  departments: { roads: number };
  projectId: number;
}

let telegram = 770_000_000;

export async function buildAnalyticsWorld(prisma: PrismaClient): Promise<AnalyticsWorld> {
  const regionA = (await prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
  const regionB = (await prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
  const districtA = (await prisma.district.findFirstOrThrow({ where: { regionId: regionA }, orderBy: { sort: 'asc' } })).id;
  const cat = (code: string) => prisma.category.findUniqueOrThrow({ where: { code } });
  const [roads, waste, animals] = [await cat('roads-sidewalks'), await cat('waste-sanitation'), await cat('stray-animals')];

  const citizen = (regionId: number, createdAt: Date, profile: { gender?: 'male' | 'female'; birthYear?: number; socialStatus?: string } = {}) =>
    prisma.citizen.create({
      data: {
        telegramId: BigInt(telegram++),
        locale: 'ru',
        consentAt: createdAt,
        name: `Азамат ${telegram}`,
        regionId,
        districtId: regionId === regionA ? districtA : null,
        createdAt,
        ...profile,
      },
    });
  const c1 = await citizen(regionA, at('2026-05-01T10:00:00'), { gender: 'male', birthYear: 2000, socialStatus: 'youth' });
  const c2 = await citizen(regionA, at('2026-04-01T10:00:00'), { gender: 'female', birthYear: 1960, socialStatus: 'older-people' });
  const c3 = await citizen(regionA, at('2026-12-01T10:00:00'));
  const c4 = await citizen(regionB, at('2026-03-01T10:00:00'));

  let seq = 0;
  const report = async (r: {
    citizenId: number;
    category: typeof roads;
    regionId?: number;
    districtId?: number | null;
    createdAt: Date;
    status: 'new' | 'in_work' | 'resolved' | 'rejected' | 'reopened' | 'duplicate';
    duplicateOfId?: number;
    /** false: filed without a position */
    located?: boolean;
    acceptedAt?: Date;
    dueAt?: Date;
    resolvedAt?: Date;
    closedAt?: Date;
    rating?: number;
    supportCount?: number;
    reopenCount?: number;
    selfResolved?: boolean;
    hidden?: boolean;
    description: string;
  }) => {
    seq += 1;
    const regionId = r.regionId ?? regionA;
    return prisma.report.create({
      data: {
        number: `KZ-2026-${String(900 + seq).padStart(6, '0')}`,
        year: 2026,
        seq: 900 + seq,
        citizenId: r.citizenId,
        categoryId: r.category.id,
        departmentId: r.category.departmentId,
        regionId,
        districtId: r.districtId === undefined ? (regionId === regionA ? districtA : null) : r.districtId,
        lat: r.located === false ? null : regionId === regionA ? 51.13012 + seq / 1000 : 43.24012,
        lon: r.located === false ? null : regionId === regionA ? 71.43034 + seq / 1000 : 76.89034,
        duplicateOfId: r.duplicateOfId ?? null,
        address: 'ул. Кенесары, 40, кв. 12',
        description: r.description,
        status: r.status,
        createdAt: r.createdAt,
        acceptedAt: r.acceptedAt ?? null,
        dueAt: r.dueAt ?? null,
        resolvedAt: r.resolvedAt ?? null,
        closedAt: r.closedAt ?? r.resolvedAt ?? null,
        rating: r.rating ?? null,
        supportCount: r.supportCount ?? 0,
        reopenCount: r.reopenCount ?? 0,
        reopenedAt: r.reopenCount ? at('2026-12-17T12:00:00') : null,
        selfResolved: r.selfResolved ?? false,
        hidden: r.hidden ?? false,
      },
    });
  };
  const R1 = await report({
    citizenId: c1.id,
    category: roads,
    createdAt: at('2026-12-14T10:00:00'),
    acceptedAt: at('2026-12-15T10:00:00'),
    dueAt: at('2026-12-18T10:00:00'),
    resolvedAt: at('2026-12-17T10:00:00'),
    status: 'resolved',
    rating: 5,
    supportCount: 3,
    description: 'Глубокая яма на проспекте Абая у остановки',
  });
  const R2 = await report({
    citizenId: c1.id,
    category: roads,
    createdAt: at('2026-12-15T09:00:00'),
    acceptedAt: at('2026-12-16T09:00:00'),
    dueAt: at('2026-12-17T09:00:00'),
    resolvedAt: at('2026-12-18T21:00:00'),
    status: 'resolved',
    rating: 3,
    supportCount: 1,
    reopenCount: 1,
    description: 'Разбит тротуар возле школы № 12',
  });
  const R3 = await report({
    citizenId: c2.id,
    category: waste,
    createdAt: at('2026-12-18T12:00:00'),
    acceptedAt: at('2026-12-21T12:00:00'),
    dueAt: at('2026-12-22T12:00:00'),
    status: 'in_work',
    description: 'Контейнеры переполнены третий день',
  });
  const R4 = await report({
    citizenId: c3.id,
    category: waste,
    createdAt: at('2026-12-21T10:00:00'),
    status: 'new',
    supportCount: 2,
    hidden: true,
    description: 'Скрытый текст с личными данными',
  });
  const R5 = await report({
    citizenId: c3.id,
    category: animals,
    createdAt: at('2026-12-22T10:00:00'),
    resolvedAt: at('2026-12-23T10:00:00'),
    status: 'resolved',
    selfResolved: true,
    description: 'Собаки у подъезда — уже увезли',
  });
  const R6 = await report({
    citizenId: c1.id,
    category: animals,
    districtId: null,
    createdAt: at('2026-12-23T10:00:00'),
    closedAt: at('2026-12-24T10:00:00'),
    status: 'rejected',
    description: 'Кошка на дереве',
  });
  const R7 = await report({
    citizenId: c4.id,
    category: roads,
    regionId: regionB,
    createdAt: at('2026-12-10T10:00:00'),
    acceptedAt: at('2026-12-10T12:00:00'),
    dueAt: at('2026-12-24T12:00:00'),
    resolvedAt: at('2026-12-11T10:00:00'),
    status: 'resolved',
    description: 'Яма в Алматы',
  });
  const R8 = await report({ citizenId: c1.id, category: roads, createdAt: at('2026-11-20T10:00:00'), status: 'new', description: 'Ноябрьская яма' });
  const R9 = await report({
    citizenId: c2.id,
    category: roads,
    createdAt: at('2026-12-22T15:00:00'),
    closedAt: at('2026-12-23T09:00:00'),
    status: 'duplicate',
    duplicateOfId: R8.id,
    located: false,
    supportCount: 2,
    description: 'Та же яма, что в ноябре',
  });

  // Consultations: two on the legal topic (area 9), one on volunteering (area 16) in region A; one in B.
  const topic = (code: string) => prisma.consultationTopic.findUniqueOrThrow({ where: { code } });
  const [T1, T2] = [await topic('legal-organisational'), await topic('volunteering')];
  const consultation = (d: {
    date: Date;
    topicId: number;
    regionId: number;
    askerGroup: 'individual' | 'ngo';
    channel: 'bot' | 'phone';
    responseMinutes?: number;
    satisfaction?: number;
  }) => prisma.consultation.create({ data: { summary: 'Вопрос о регистрации', result: 'answered', responseMinutes: null, satisfaction: null, ...d } });
  await consultation({
    date: at('2026-12-02T10:00:00'),
    topicId: T1.id,
    regionId: regionA,
    askerGroup: 'individual',
    channel: 'bot',
    responseMinutes: 30,
    satisfaction: 5,
  });
  await consultation({
    date: at('2026-12-03T10:00:00'),
    topicId: T1.id,
    regionId: regionA,
    askerGroup: 'ngo',
    channel: 'phone',
    responseMinutes: 90,
    satisfaction: 3,
  });
  await consultation({ date: at('2026-12-04T10:00:00'), topicId: T2.id, regionId: regionA, askerGroup: 'individual', channel: 'bot' });
  await consultation({
    date: at('2026-12-05T10:00:00'),
    topicId: T1.id,
    regionId: regionB,
    askerGroup: 'individual',
    channel: 'bot',
    responseMinutes: 10,
    satisfaction: 1,
  });

  // Discussion: D1 published in December, reviewed on time; D2's review fell due in December and is late.
  const body = await prisma.stateBody.create({
    data: { code: 'astana-ip', nameKk: 'Астана ішкі саясат басқармасы', nameRu: 'Управление внутренней политики Астаны', regionId: regionA },
  });
  const topicData = {
    stateBodyId: body.id,
    regionId: regionA,
    areaId: 4,
    year: 2027,
    titleKk: 'Жастар',
    titleRu: 'Молодёжь',
    fundingThousandTenge: '1000',
    justificationKk: 'н',
    justificationRu: 'о',
    informationSource: 'и',
    targetGroupKk: 'ж',
    targetGroupRu: 'м',
    expectedResultKk: 'н',
    expectedResultRu: 'р',
  };
  const D1 = await prisma.discussionTopic.create({
    data: {
      ...topicData,
      status: 'reviewed',
      publishedAt: at('2026-12-01T10:00:00'),
      endsAt: at('2026-12-15T10:00:00'),
      closedAt: at('2026-12-15T10:00:00'),
      reviewDueAt: at('2026-12-21T10:00:00'),
      reviewedAt: at('2026-12-19T10:00:00'),
    },
  });
  await prisma.discussionTopic.create({
    data: {
      ...topicData,
      status: 'closed',
      publishedAt: at('2026-11-20T10:00:00'),
      endsAt: at('2026-12-04T10:00:00'),
      closedAt: at('2026-12-04T10:00:00'),
      reviewDueAt: at('2026-12-09T10:00:00'),
    },
  });
  const comment = (d: {
    citizenId: number | null;
    authorName: string;
    createdAt: Date;
    decision?: 'accepted' | 'partly_accepted' | 'rejected';
    hidden?: boolean;
  }) => prisma.discussionComment.create({ data: { topicId: D1.id, text: 'Предложение', decision: null, hidden: false, ...d } });
  await comment({ citizenId: c1.id, authorName: 'Азамат 1', createdAt: at('2026-12-02T10:00:00'), decision: 'accepted' });
  await comment({ citizenId: c1.id, authorName: 'Азамат 1', createdAt: at('2026-12-03T10:00:00'), decision: 'rejected' });
  await comment({ citizenId: null, authorName: 'Ерлан', createdAt: at('2026-12-04T10:00:00'), decision: 'partly_accepted' });
  await comment({ citizenId: c2.id, authorName: 'Азамат 2', createdAt: at('2026-12-05T10:00:00') });
  await comment({ citizenId: c4.id, authorName: 'Азамат 4', createdAt: at('2026-12-06T10:00:00'), hidden: true });

  // Volunteering: one event in district dA; c1 counted, c2 denied taking part, c3 did not come.
  const opp = await prisma.volunteerOpportunity.create({
    data: {
      titleKk: 'Сенбілік',
      titleRu: 'Субботник',
      organiserName: 'ГРЦ',
      regionId: regionA,
      districtId: districtA,
      areaId: 16,
      place: 'Парк',
      startsAt: at('2026-12-05T10:00:00'),
      endsAt: at('2026-12-05T14:00:00'),
      needed: 10,
      status: 'published',
      publishedAt: at('2026-11-25T10:00:00'),
    },
  });
  const application = (
    citizenId: number,
    d: { state: 'attended' | 'no_show'; minutes?: number; peopleHelped?: number; confirmedByVolunteer?: boolean; createdAt: Date },
  ) => prisma.volunteerApplication.create({ data: { opportunityId: opp.id, citizenId, ...d } });
  await application(c1.id, { state: 'attended', minutes: 120, peopleHelped: 5, createdAt: at('2026-12-01T09:00:00') });
  await application(c2.id, { state: 'attended', minutes: 90, peopleHelped: 3, confirmedByVolunteer: false, createdAt: at('2026-12-01T09:00:00') });
  await application(c3.id, { state: 'no_show', createdAt: at('2026-11-28T09:00:00') });

  // Polls: a project in region A (area 6); two waves of two satisfaction questions.
  const project = await prisma.socialProject.create({
    data: {
      nameKk: 'Қамқорлық',
      nameRu: 'Забота',
      supplierName: 'ОФ «Забота»',
      contractSum: '5000',
      startsOn: new Date('2026-01-01'),
      endsOn: new Date('2026-12-31'),
      areaId: 6,
      regionId: regionA,
      status: 'active',
      inviteCode: 'fixture-project',
    },
  });
  await prisma.projectBeneficiary.create({ data: { projectId: project.id, citizenId: c1.id, source: 'invitation', joinedAt: at('2026-10-01T10:00:00') } });
  await prisma.projectBeneficiary.create({ data: { projectId: project.id, citizenId: c2.id, source: 'invitation', joinedAt: at('2026-10-01T10:00:00') } });
  await prisma.projectBeneficiary.create({
    data: {
      projectId: project.id,
      source: 'import',
      fullName: 'Айгерім',
      gender: 'female',
      birthYear: 2020,
      socialStatus: 'children',
      externalRef: '1',
      joinedAt: at('2026-10-01T10:00:00'),
    },
  });
  const poll = await prisma.poll.create({ data: { projectId: project.id, titleKk: 'Сауалнама', titleRu: 'Опрос', status: 'ready' } });
  const q1 = await prisma.pollQuestion.create({
    data: { pollId: poll.id, position: 1, type: 'satisfaction', textKk: 'Қанағаттандыңыз ба?', textRu: 'Довольны?' },
  });
  const q2 = await prisma.pollQuestion.create({ data: { pollId: poll.id, position: 2, type: 'satisfaction', textKk: 'Қызмет сапасы?', textRu: 'Качество?' } });
  const q3 = await prisma.pollQuestion.create({
    data: { pollId: poll.id, position: 3, type: 'single', textKk: 'Қайдан білдіңіз?', textRu: 'Откуда узнали?', options: [{ code: 'tv', kk: 'ТД', ru: 'ТВ' }] },
  });
  const wave = (position: number, opensAt: Date, closesAt: Date) =>
    prisma.pollWave.create({
      data: {
        pollId: poll.id,
        position,
        inviteCode: `fixture-wave-${position}`,
        labelKk: `${position}-толқын`,
        labelRu: `Волна ${position}`,
        opensAt,
        closesAt,
        status: 'closed',
      },
    });
  const w1 = await wave(1, at('2026-11-01T00:00:00'), at('2026-11-20T00:00:00'));
  const w2 = await wave(2, at('2026-12-01T00:00:00'), at('2026-12-20T00:00:00'));
  const respond = async (
    waveId: number,
    c: typeof c1,
    submittedAt: Date,
    choices: [string, string],
    snapshot: { gender: 'male' | 'female'; ageBracket: string; socialStatus: string },
  ) => {
    const r = await prisma.pollResponse.create({ data: { waveId, citizenId: c.id, locale: 'ru', submittedAt, ...snapshot } });
    await prisma.pollAnswer.create({ data: { responseId: r.id, questionId: q1.id, choice: choices[0] } });
    await prisma.pollAnswer.create({ data: { responseId: r.id, questionId: q2.id, choice: choices[1] } });
    await prisma.pollAnswer.create({ data: { responseId: r.id, questionId: q3.id, choice: 'tv' } });
  };
  const man = { gender: 'male' as const, ageBracket: 'age-23-27', socialStatus: 'youth' };
  const woman = { gender: 'female' as const, ageBracket: 'age-59-plus', socialStatus: 'older-people' };
  await respond(w1.id, c1, at('2026-11-05T10:00:00'), ['fully', 'not_at_all'], man);
  await respond(w1.id, c2, at('2026-11-06T10:00:00'), ['rather', 'hard_to_say'], woman);
  await respond(w2.id, c1, at('2026-12-05T10:00:00'), ['fully', 'rather'], man);
  await respond(w2.id, c2, at('2026-12-06T10:00:00'), ['rather', 'hard_to_say'], woman);

  return {
    regionA,
    regionB,
    districtA,
    citizens: { c1: c1.id, c2: c2.id, c3: c3.id, c4: c4.id },
    categories: { roads: roads.id, waste: waste.id, animals: animals.id },
    reports: { R1: R1.id, R2: R2.id, R3: R3.id, R4: R4.id, R5: R5.id, R6: R6.id, R7: R7.id, R8: R8.id, R9: R9.id },
    topics: { T1: T1.id, T2: T2.id },
    departments: { roads: roads.departmentId },
    projectId: project.id,
  };
}
