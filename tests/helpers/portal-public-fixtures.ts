// Topics and projects for the portal's discussion and project pages, at the portal suites' pinned clock: a topic
// open for comments (one visible comment, one hidden by flags), one whose discussion ended, one reviewed with its
// decisions (one comment removed by a moderator, one by a citizen who erased their data), a draft; a finished
// project with a closed evaluation, one finished but not evaluated yet, and an active one. The experts' names and
// comments, the hidden comments and the draft must never reach a public page.
import type { ServicesWithDb } from '../../core/services.ts';
import { PORTAL_CLOCK } from './portal-fixtures.ts';

export const PUBLIC_SECRETS = {
  hiddenComment: 'Скрытый флагами комментарий с оскорблением',
  removedComment: 'Удалённый модератором комментарий с рекламой',
  draftTitle: 'Черновик темы, которого никто не должен видеть',
  expertName: 'Эксперт Болат Серіков',
  expertComment: 'Внутренний комментарий эксперта к оценке',
  activeProject: 'Активный проект, ещё не завершён',
};

const DAY = 86_400_000;
const at = (days: number) => new Date(PORTAL_CLOCK.getTime() + days * DAY);

export interface PortalPublicWorld {
  open: { id: number; titleRu: string; titleKk: string };
  ended: { id: number; titleRu: string };
  reviewed: { id: number; titleRu: string };
  draft: { id: number };
  evaluated: { id: number; nameRu: string; nameKk: string };
  notEvaluated: { id: number; nameRu: string };
  active: { id: number };
}

export async function seedPortalPublicWorld(services: ServicesWithDb): Promise<PortalPublicWorld> {
  const { prisma } = services;
  const area = await prisma.area.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const region = await prisma.region.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const body = await prisma.stateBody.create({
    data: {
      code: 'portal-uvp',
      nameKk: 'Астана қаласының Ішкі саясат басқармасы',
      nameRu: 'Управление внутренней политики города Астаны',
      regionId: region.id,
    },
  });
  const topic = (n: string, extra: Record<string, unknown>) =>
    prisma.discussionTopic.create({
      data: {
        stateBodyId: body.id,
        regionId: region.id,
        areaId: area.id,
        year: 2027,
        titleKk: `${n} тақырыбы: жастарға арналған кеңес беру орталығы`,
        titleRu: `Тема ${n}: консультационный центр для молодёжи`,
        fundingThousandTenge: '12500.5',
        justificationKk: `${n}: жастардың 40 пайызы кеңес алмаған`,
        justificationRu: `${n}: 40 % молодёжи не получали консультаций`,
        informationSource: `Оценка потребностей населения 2026 (${n})`,
        targetGroupKk: `${n}: 18–29 жас аралығындағы жастар`,
        targetGroupRu: `${n}: молодёжь 18–29 лет`,
        expectedResultKk: `${n}: 2000 жас кеңес алады`,
        expectedResultRu: `${n}: 2000 молодых людей получат консультации`,
        ...extra,
      },
    });
  const open = await topic('A', { status: 'open', publishedAt: at(-5), endsAt: at(9) });
  const ended = await topic('B', { status: 'closed', publishedAt: at(-20), endsAt: at(-3), closedAt: at(-3) });
  const reviewed = await topic('C', { status: 'reviewed', publishedAt: at(-30), endsAt: at(-14), closedAt: at(-14), reviewedAt: at(-12) });
  const draft = await topic('D', { status: 'draft', titleRu: PUBLIC_SECRETS.draftTitle, titleKk: PUBLIC_SECRETS.draftTitle });
  const comment = (topicId: number, text: string, extra: Record<string, unknown> = {}) =>
    prisma.discussionComment.create({ data: { topicId, authorName: 'Ерлан Омаров', text, createdAt: at(-4), ...extra } });
  await comment(open.id, 'Предлагаю открыть центр и в пригороде, там молодёжи больше.', { stance: 'support', organisation: 'ОФ «Жастар»' });
  await comment(open.id, PUBLIC_SECRETS.hiddenComment, { hidden: true, hiddenAt: at(-3), flagCount: 3 });
  await comment(reviewed.id, 'Нужен приём по вечерам, днём молодёжь учится.', {
    createdAt: at(-20),
    decision: 'accepted',
    decidedAt: at(-12),
  });
  await comment(reviewed.id, 'Лучше отдать деньги на спорт.', {
    createdAt: at(-19),
    authorName: '',
    decision: 'rejected',
    decisionReason: 'Спорт финансируется по другой программе',
    decidedAt: at(-12),
  });
  await comment(reviewed.id, PUBLIC_SECRETS.removedComment, {
    createdAt: at(-18),
    hidden: true,
    hiddenAt: at(-17),
    moderatedAt: at(-16),
    moderationNote: 'реклама',
  });

  const project = (nameRu: string, nameKk: string, extra: Record<string, unknown>) =>
    prisma.socialProject.create({
      data: {
        nameRu,
        nameKk,
        supplierName: 'ОФ «Жастар ортасы»',
        contractSum: '4800',
        goalsRu: 'Поддержка молодёжи в поиске работы',
        goalsKk: 'Жастарға жұмыс іздеуде қолдау көрсету',
        activitiesRu: '12 тренингов, 300 консультаций',
        activitiesKk: '12 тренинг, 300 кеңес',
        resultsRu: '85 участников нашли работу',
        resultsKk: '85 қатысушы жұмысқа орналасты',
        startsOn: new Date('2026-02-01T00:00:00Z'),
        endsOn: new Date('2026-10-31T00:00:00Z'),
        areaId: area.id,
        regionId: region.id,
        stateBodyId: body.id,
        inviteCode: `code-${nameRu.length}-${Math.round(Math.random() * 1e9)}`,
        ...extra,
      },
    });
  const expert = await services.staff.create(
    { type: 'system' },
    { login: 'portal-expert', fullName: PUBLIC_SECRETS.expertName, password: 'portal-expert-password-1', roles: ['expert'] },
  );
  const council = await prisma.expertCouncil.create({ data: { name: 'Совет', members: { create: { staffUserId: expert.id, position: 'директор' } } } });
  const evaluated = await project('Работа для молодёжи', 'Жастарға жұмыс', {
    status: 'finished',
    finishedAt: at(-9),
    councilId: council.id,
    evaluationClosedAt: at(-2),
  });
  for (const [criterion, score] of [
    [1, 5],
    [2, 4],
    [3, 4],
    [4, 3],
  ] as const)
    await prisma.expertScore.create({ data: { projectId: evaluated.id, staffUserId: expert.id, criterion, score, comment: PUBLIC_SECRETS.expertComment } });
  const notEvaluated = await project('Забота о пожилых', 'Қарттарға қамқорлық', { status: 'finished', finishedAt: at(-8) });
  const active = await project(PUBLIC_SECRETS.activeProject, PUBLIC_SECRETS.activeProject, { status: 'active', endsOn: new Date('2026-12-31T00:00:00Z') });
  return { open, ended, reviewed, draft, evaluated, notEvaluated, active };
}
