// Two regions' worth of records for the scope tests: for each kind a request may refer to, one record in
// the caller's region (Astana), one in another (Almaty) and, where state matters, one in a state that
// refuses it. Also a fingerprint of the whole database, to prove that a refused request changed nothing.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import type { Actor } from '../../core/audit/audit-log.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import { toPrincipal } from '../../core/staff/staff-service.ts';
import { makeCitizen, makeQuestion } from './consult-fixtures.ts';
import { projectInput, type ProjectApi } from './project-fixtures.ts';

/** Tuesday 10 March 2026, 10:00 in Almaty: every fixture date is relative to it. */
export const NOW = new Date('2026-03-10T05:00:00Z');
const DAY = 86_400_000;
const system: Actor = { type: 'system' };

export type Who = 'admin' | 'opA' | 'consA' | 'pmA' | 'modA';

export interface World {
  tokens: Record<Who, string>;
  principal: Record<Who, StaffPrincipal>;
  regionA: { id: number; districtId: number };
  regionB: { id: number; districtId: number };
  staff: { opA2: number; opB: number; opAsleep: number; consB: number; consAsleep: number; pmA: number; expert: number };
  reports: { a: number; a2: number; b: number; closedHidden: number };
  category: number;
  templateOff: number;
  departmentOff: number;
  question: number;
  consultationTopic: number;
  faq: number;
  consultation: number;
  bodies: { a: number; b: number; off: number };
  topics: { draftA: number; endedA: number; openB: number };
  comments: { b: number; a: number };
  projects: { a: number; b: number; finishedA: number };
  opportunity: number;
  polls: { a: number; aQuestion: number; bQuestion: number };
  beneficiaryB: number;
  council: number;
  apiClient: number;
  /** body a's Annex 9 of 2026 (half-year), with no rows yet */
  monitoringReport: number;
  /** a round of ours in progress (the body's own: below 500 MCI) with an activity; theirs: an activity, an event, a wave */
  monitoring: { round: number; activityA: number; activityB: number; eventB: number; waveB: number; itemOtherKind: number; itemRetired: number };
}

/** Signs in the callers and writes the records (as the system or an admin, not through the API under test). */
export async function buildWorld(api: ProjectApi): Promise<World> {
  const { services } = api;
  const prisma = services.prisma;
  const region = async (code: string) => {
    const r = await prisma.region.findUniqueOrThrow({ where: { code }, include: { districts: { orderBy: { id: 'asc' }, take: 1 } } });
    return { id: r.id, districtId: r.districts[0]!.id };
  };
  const regionA = await region('astana');
  const regionB = await region('almaty-city');

  const signed = async (login: string, roles: StaffRole[], regionId: number | null) => {
    const { id, token } = await api.account(login, roles, regionId);
    return { token, principal: toPrincipal(await prisma.staffUser.findUniqueOrThrow({ where: { id } })) };
  };
  const people = {
    admin: await signed('scope-admin', ['admin'], null),
    opA: await signed('scope-op-a', ['operator'], regionA.id),
    consA: await signed('scope-cons-a', ['consultant'], regionA.id),
    pmA: await signed('scope-pm-a', ['project_manager'], regionA.id),
    modA: await signed('scope-mod-a', ['moderator'], regionA.id),
  };
  const tokens = Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.token])) as Record<Who, string>;
  const principal = Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.principal])) as Record<Who, StaffPrincipal>;
  const adminP = principal.admin;
  const act: Actor = { type: 'staff', id: adminP.id };

  let n = 0;
  const account = async (roles: StaffRole[], regionId: number | null, active = true) => {
    n += 1;
    const u = await services.staff.create(system, {
      login: `scope-extra-${n}`,
      fullName: `Қызметкер ${n}`,
      password: `Scope-extra-${n}-q7Lx!vR2`,
      roles,
      regionId,
    });
    if (!active) await prisma.staffUser.update({ where: { id: u.id }, data: { active: false } });
    return u.id;
  };
  const staff = {
    opA2: await account(['operator'], regionA.id),
    opB: await account(['operator'], regionB.id),
    opAsleep: await account(['operator'], regionA.id, false),
    consB: await account(['consultant'], regionB.id),
    consAsleep: await account(['consultant'], regionA.id, false),
    pmA: principal.pmA.id,
    expert: await account(['expert'], null),
  };

  // Civic control: open reports on both sides, and one of ours rejected and hidden.
  const category = await prisma.category.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } });
  const report = async (r: { id: number; districtId: number }, text: string) =>
    (
      await services.reports.create(system, {
        source: 'staff',
        categoryId: category.id,
        regionId: r.id,
        districtId: r.districtId,
        description: text,
        evidence: [],
      })
    ).id;
  const reports = {
    a: await report(regionA, 'Көшедегі шам жанбайды, кешке қараңғы'),
    a2: await report(regionA, 'Аулада қоқыс жәшігі сынған, шығарылмайды'),
    b: await report(regionB, 'Во дворе не работает фонарь уже неделю'),
    closedHidden: await report(regionA, 'Тротуарда үлкен шұңқыр бар, адамдар құлайды'),
  };
  await services.reports.changeStatus(system, reports.closedHidden, { to: 'rejected', publicNote: 'Қайталанған өтініш' });
  await services.reportAdmin.hide(act, adminP, reports.closedHidden, 'Жеке деректер бар');
  const templateOff = (
    await services.reportTemplates.create(system, {
      categoryId: null,
      status: 'in_work',
      title: 'Ескі үлгі',
      textKk: 'Жұмысқа алынды',
      textRu: 'Принято в работу',
      active: false,
    })
  ).id;
  const departmentOff = (await prisma.department.create({ data: { code: 'scope-closed', nameKk: 'Жабылған бөлім', nameRu: 'Закрытый отдел', active: false } }))
    .id;

  // Consultations: a question of ours held by our consultant, an FAQ article, an offline log entry.
  const consultationTopic = (await prisma.consultationTopic.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  const asker = await makeCitizen(prisma);
  const question = (
    await makeQuestion(prisma, {
      citizenId: asker.id,
      topicId: consultationTopic,
      regionId: regionA.id,
      consultantId: principal.consA.id,
      createdAt: new Date(NOW.getTime() - DAY),
    })
  ).id;
  const faqText = {
    titleKk: 'ҚБ тіркеу',
    titleRu: 'Регистрация ОО',
    bodyKk: 'Әділет департаментіне өтініш беріледі.',
    bodyRu: 'Заявление подаётся в департамент юстиции.',
  };
  const faq = (await services.consultations.faq.create(act, principal.consA, { topicId: consultationTopic, ...faqText })).id;
  const consultation = (
    await services.consultations.log.create(act, principal.consA, {
      date: new Date(NOW.getTime() - DAY),
      channel: 'phone',
      topicId: consultationTopic,
      askerGroup: 'ngo',
      summary: 'Тіркеу туралы сұрақ',
      result: 'answered',
    })
  ).id;

  // Discussions: bodies of both regions and a switched-off one; our draft and ended topics, theirs open.
  const body = async (code: string, regionId: number | null, active = true) =>
    (await prisma.stateBody.create({ data: { code, nameKk: `${code} басқармасы`, nameRu: `Управление ${code}`, regionId, active } })).id;
  const bodies = { a: await body('scope-astana', regionA.id), b: await body('scope-almaty', regionB.id), off: await body('scope-closed', null, false) };
  const topic = (stateBodyId: number, regionId: number, extra: object = {}) =>
    prisma.discussionTopic.create({
      data: {
        stateBodyId,
        regionId,
        areaId: 4,
        year: 2026,
        titleKk: 'Жастар бос уақыты',
        titleRu: 'Досуг молодёжи',
        fundingThousandTenge: '1000',
        justificationKk: 'Қажеттілік бар',
        justificationRu: 'Есть потребность',
        informationSource: 'Оценка потребностей',
        targetGroupKk: 'Жастар',
        targetGroupRu: 'Молодёжь',
        expectedResultKk: 'Үйірмелер ашылады',
        expectedResultRu: 'Откроются кружки',
        ...extra,
      },
    });
  const ended = {
    status: 'closed' as const,
    publishedAt: new Date(NOW.getTime() - 20 * DAY),
    endsAt: new Date(NOW.getTime() - 2 * DAY),
    closedAt: new Date(NOW.getTime() - 2 * DAY),
  };
  const open = { status: 'open' as const, publishedAt: new Date(NOW.getTime() - 2 * DAY), endsAt: new Date(NOW.getTime() + 12 * DAY) };
  const topics = {
    draftA: (await topic(bodies.a, regionA.id)).id,
    endedA: (await topic(bodies.a, regionA.id, ended)).id,
    openB: (await topic(bodies.b, regionB.id, open)).id,
  };
  const comment = async (topicId: number) =>
    (await prisma.discussionComment.create({ data: { topicId, authorName: 'Азамат', text: 'Ұсынысты қолдаймын', hidden: true, hiddenAt: NOW, flagCount: 3 } }))
      .id;
  const comments = { b: await comment(topics.openB), a: await comment(topics.endedA) };

  // Social projects: ours (a draft and a finished one) and theirs (active), polls of ours and theirs.
  const project = async (regionId: number, status: 'draft' | 'active' | 'finished') => {
    const p = await services.projects.admin.create(act, adminP, projectInput(regionId));
    if (status !== 'draft') await prisma.socialProject.update({ where: { id: p.id }, data: { status, ...(status === 'finished' ? { finishedAt: NOW } : {}) } });
    return p.id;
  };
  const projects = { a: await project(regionA.id, 'draft'), b: await project(regionB.id, 'active'), finishedA: await project(regionA.id, 'finished') };
  const startsAt = new Date(NOW.getTime() + 5 * DAY);
  const opportunity = (
    await services.volunteering.opportunities.create(act, principal.pmA, {
      titleKk: 'Саябақты тазалау',
      titleRu: 'Уборка парка',
      organiserName: 'ҚБ «Жасыл ел»',
      regionId: regionA.id,
      place: 'Орталық саябақ',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      needed: 5,
    })
  ).id;
  const yesNo = {
    type: 'yes_no' as const,
    textKk: 'Қатыстыңыз ба?',
    textRu: 'Вы участвовали?',
    required: true,
    options: [],
    showIfQuestionId: null,
    showIfAnswers: [],
  };
  const poll = async (projectId: number) => {
    const p = await services.polls.builder.create(act, adminP, projectId, { titleKk: 'Сауалнама', titleRu: 'Опрос' });
    const q = await services.polls.builder.addQuestion(act, adminP, p.id, yesNo);
    return { id: p.id, question: q.id };
  };
  const pollA = await poll(projects.a);
  const pollB = await poll(projects.b);
  const beneficiaryB = (
    await prisma.projectBeneficiary.create({ data: { projectId: projects.b, source: 'import', fullName: 'Бенефициар', externalRef: 'scope-1' } })
  ).id;
  const council = (await services.projects.councils.create(act, adminP, { name: 'Сараптама кеңесі', regionId: null })).id;
  const apiClient = (await services.apiClients.create(act, { name: 'Open311 клиенті' })).client.id;

  // Monitoring: our small project (the body monitors it itself) with a round in progress; their records.
  const small = await services.projects.admin.create(act, adminP, projectInput(regionA.id, { contractSum: 1500 }));
  await prisma.socialProject.update({ where: { id: small.id }, data: { status: 'active', serviceKinds: ['consulting'] } });
  const activity = async (projectId: number) =>
    (await prisma.projectActivity.create({ data: { projectId, position: 1, titleKk: 'Семинар', titleRu: 'Семинар', plannedQuantity: 2 } })).id;
  const monitoring = {
    round: (
      await prisma.monitoringRound.create({
        data: { projectId: small.id, year: 2026, plannedOn: NOW, status: 'in_progress', conductedBy: 'self', conductorId: principal.pmA.id, startedAt: NOW },
      })
    ).id,
    activityA: await activity(small.id),
    activityB: await activity(projects.b),
    eventB: (
      await prisma.projectEvent.create({
        data: { projectId: projects.b, heldOn: new Date(NOW.getTime() - 3 * DAY), place: 'Алматы', form: 'семинар', participants: 12 },
      })
    ).id,
    waveB: (
      await prisma.pollWave.create({
        data: {
          pollId: pollB.id,
          position: 1,
          inviteCode: 'scope-wave-b',
          labelKk: 'Толқын',
          labelRu: 'Волна',
          opensAt: new Date(NOW.getTime() - 5 * DAY),
          closesAt: new Date(NOW.getTime() - DAY),
          status: 'closed',
        },
      })
    ).id,
    itemOtherKind: (await prisma.standardItem.findFirstOrThrow({ where: { serviceKind: { not: 'consulting' } }, orderBy: { id: 'asc' } })).id,
    itemRetired: (
      await prisma.standardItem.create({
        data: { serviceKind: 'consulting', position: 99, textKk: 'Ескі талап', textRu: 'Прежнее требование', source: 'scope', active: false },
      })
    ).id,
  };

  return {
    tokens,
    principal,
    regionA,
    regionB,
    staff,
    reports,
    category: category.id,
    templateOff,
    departmentOff,
    question,
    consultationTopic,
    faq,
    consultation,
    bodies,
    topics,
    comments,
    projects,
    opportunity,
    polls: { a: pollA.id, aQuestion: pollA.question, bQuestion: pollB.question },
    beneficiaryB,
    council,
    apiClient,
    monitoringReport: (await prisma.monitoringReport.create({ data: { stateBodyId: bodies.a, year: 2026, kind: 'half_year' } })).id,
    monitoring,
  };
}

/**
 * Every table's row count and a hash of its rows (sessions apart: signing in is not what is tested).
 * Two equal fingerprints mean that nothing was written, the audit log and the outbox included.
 */
export async function fingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('StaffSession', '_prisma_migrations') ORDER BY 1`,
  );
  const sql = tables
    .map((t) => `SELECT '${t.name}' AS name, count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS hash FROM "${t.name}" x`)
    .join(' UNION ALL ');
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string; n: number; hash: string }>>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.hash}`]));
}

/** The tables whose rows differ between two fingerprints. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
