// The demo project's social impact (plan §3.8), so a new user opens every impact tab filled: a results framework
// (goal, two outcomes, two outputs) whose indicators have baselines and targets — two counted from the project's
// own data, one entered by hand with its evidence — three stories of change told to a call (one chosen with its
// reason and published without a name), and an SROI whose ratio stands beside its assumptions.
import type { DemoContext } from '../demo/demo-context.ts';

const PROJECT_RU = 'Реабилитационные занятия «Вместе» для детей с инвалидностью';

const STORIES = [
  {
    key: 'aigul',
    consent: 'anonymous' as const,
    text: 'Ұлым бұрын ешкіммен сөйлеспейтін. Сабақтардан кейін ол топтағы балалармен ойнай бастады, енді өзі киінеді.',
    why: 'Бала дербес бола бастады, мен жұмысқа қайта шықтым.',
  },
  {
    key: 'sergey',
    consent: 'named' as const,
    name: 'Сергей',
    text: 'Дочь стала увереннее ходить, занятия с логопедом дали первые слова. Мы с женой впервые за два года отдохнули.',
    why: 'Мы увидели, что прогресс возможен.',
  },
  {
    key: 'dana',
    consent: 'private' as const,
    text: 'Психологтың кеңесі маған көп көмектесті: баламның ерекшелігін қабылдауды үйрендім.',
    why: null,
  },
];

export async function scheduleImpact(ctx: DemoContext): Promise<void> {
  const { s, tl } = ctx;
  const manager = () => ctx.staff('manager');
  const act = () => ctx.actor(manager());
  const ref: { projectId?: number; selfCare?: number; callId?: number; stories: number[] } = { stories: [] };

  tl.add(tl.when(50, 10), 'impact framework', async () => {
    const project = await s.prisma.socialProject.findFirstOrThrow({ where: { nameRu: PROJECT_RU } });
    ref.projectId = project.id;
    const { framework } = s.impact;
    const node = (level: 'goal' | 'outcome' | 'output', parentId: number | null, kk: string, ru: string, assumptions?: { kk: string; ru: string }) =>
      framework.addNode(act(), manager(), project.id, {
        level,
        parentId,
        textKk: kk,
        textRu: ru,
        assumptionsKk: assumptions?.kk,
        assumptionsRu: assumptions?.ru,
      });
    const goal = await node('goal', null, 'Мүгедектігі бар балалар қоғамға бейімделген', 'Дети с инвалидностью адаптированы к жизни в обществе');
    const selfCare = await node('outcome', goal.id, 'Балалар күнделікті істерді өздері атқарады', 'Дети сами справляются с повседневными делами', {
      kk: 'Ата-аналар үйде жаттығуларды жалғастырады.',
      ru: 'Родители продолжают упражнения дома.',
    });
    const parents = await node('outcome', goal.id, 'Ата-аналар қолдау алды', 'Родители получили поддержку');
    const sessions = await node('output', selfCare.id, 'Оңалту сабақтары өткізілді', 'Проведены реабилитационные занятия');
    const reached = await node('output', parents.id, 'Отбасылар жобаға қатысты', 'Семьи участвуют в проекте');
    const common = { baselineOn: null, targetOn: null };
    const manual = await framework.addIndicator(act(), manager(), selfCare.id, {
      ...common,
      nameKk: 'Өзіне-өзі қызмет көрсету дағдысы бар балалардың үлесі',
      nameRu: 'Доля детей с навыками самообслуживания',
      unitKk: '%',
      unitRu: '%',
      baseline: 20,
      target: 60,
      verificationKk: 'Реабилитологтың бағалау парақтары',
      verificationRu: 'Оценочные листы реабилитолога',
      schedule: 'quarter',
      source: 'manual',
    });
    ref.selfCare = manual.id;
    await framework.addIndicator(act(), manager(), sessions.id, {
      ...common,
      nameKk: 'Өткізілген сабақтар',
      nameRu: 'Проведено занятий',
      unitKk: 'сабақ',
      unitRu: 'занятий',
      baseline: 0,
      target: 36,
      verificationKk: 'Грант есебіндегі іс-шаралар',
      verificationRu: 'Мероприятия в отчёте по гранту',
      schedule: 'quarter',
      source: 'events_held',
    });
    await framework.addIndicator(act(), manager(), reached.id, {
      ...common,
      nameKk: 'Жобаға қатысқан балалар',
      nameRu: 'Детей в проекте',
      unitKk: 'бала',
      unitRu: 'детей',
      baseline: 0,
      target: 20,
      verificationKk: 'Қатысушылар тізімі',
      verificationRu: 'Список участников',
      schedule: 'quarter',
      source: 'beneficiaries',
    });
  });

  // the first quarter's share entered by hand, with what proves it
  tl.add(tl.when(20, 16), 'impact manual value', async () => {
    const ind = await s.impact.values.indicator(manager(), ref.selfCare!);
    const period = ind.periods.find((p) => p.started)!;
    await s.impact.values.set(act(), manager(), ref.selfCare!, period.key, {
      value: 35,
      evidenceText: 'Реабилитологтың 20 бағалау парағы / 20 оценочных листов реабилитолога (7 из 20 детей)',
    });
  });

  tl.add(tl.when(14, 9), 'impact story call', async () => {
    const call = await s.impact.storyReview.createCall(act(), manager(), ref.projectId!, {
      promptKk: '',
      promptRu: '',
      opensAt: tl.when(14, 9),
      closesAt: tl.day(20, 18),
    });
    ref.callId = call.id;
  });
  for (const [i, story] of STORIES.entries()) {
    tl.add(tl.when(13 - i, 19), `impact story ${story.key}`, async () => {
      const who = ctx.citizen(story.key);
      const { story: draft } = await s.impact.stories.start(who.citizen.id, ref.callId!, who.locale);
      await s.impact.stories.saveText(who.citizen.id, draft.id, story.text);
      await s.impact.stories.saveWhy(who.citizen.id, draft.id, story.why);
      await s.impact.stories.saveConsent(who.citizen.id, draft.id, story.consent, story.name ?? null);
      ref.stories.push((await s.impact.stories.submit(who.citizen.id, draft.id)).id);
    });
  }
  tl.add(tl.when(8, 11), 'impact story selection', async () => {
    const chosen = (await s.impact.storyReview.list(manager(), ref.projectId!, { status: 'submitted' })).find((x) => x.id === ref.stories[0])!;
    await s.impact.storyReview.select(act(), manager(), chosen.id, {
      periodKey: chosen.periodKey!,
      reason: 'Баланың дербестігі — жобаның дәл өзі күткен өзгеріс; ана жұмысқа қайта шықты.',
    });
    await s.impact.storyReview.publish(act(), manager(), chosen.id, { publishedText: chosen.text!, noThirdParties: true });
  });

  tl.add(tl.when(5, 10), 'impact sroi', async () => {
    const proxy = await s.impact.proxies.create(ctx.actor(ctx.staff('admin')), ctx.staff('admin'), {
      code: 'rehab_course_year',
      nameKk: 'Жекеменшік орталықтағы оңалту курсы (жыл)',
      nameRu: 'Курс реабилитации в частном центре (год)',
      unitKk: 'бала',
      unitRu: 'ребёнок',
      valueTenge: 960_000,
      year: 2026,
      source: 'Астанадағы үш жекеменшік орталықтың баға парақтары, 2026 / прайс-листы трёх частных центров Астаны, 2026',
    });
    const employment = (await s.impact.proxies.list(ctx.staff('admin'))).find((p) => p.code === 'employment_year')!;
    await s.impact.sroi.setup(act(), manager(), ref.projectId!, { discountRatePct: 5 });
    await s.impact.sroi.addInput(act(), manager(), ref.projectId!, {
      kind: 'in_kind',
      labelKk: 'Әкімдік берген үй-жай',
      labelRu: 'Помещение от акимата',
      amountTenge: 1_200_000,
      source: 'Өтеусіз пайдалану шарты №12 / договор безвозмездного пользования № 12',
    });
    await s.impact.sroi.addOutcome(act(), manager(), ref.projectId!, {
      nameKk: 'Балалар ақылы оңалту курсынсыз қалмады',
      nameRu: 'Дети получили реабилитацию без платного курса',
      quantity: 18,
      proxyId: proxy.id,
      durationYears: 1,
      deadweightPct: 20,
      attributionPct: 10,
      dropOffPct: 0,
      rationale:
        'Отбасылардың 20 %-ы курсты өздері төлер еді; 10 % — емханадағы оңалтудың үлесі. / 20 % семей оплатили бы курс сами; 10 % — вклад поликлиники.',
    });
    await s.impact.sroi.addOutcome(act(), manager(), ref.projectId!, {
      nameKk: 'Аналар жұмысқа қайта шықты',
      nameRu: 'Матери вернулись к работе',
      quantity: 6,
      proxyId: employment.id,
      durationYears: 2,
      deadweightPct: 30,
      attributionPct: 25,
      dropOffPct: 50,
      rationale: 'Аналардың 30 %-ы жұмысқа бәрібір шығар еді; 25 % — балабақшаның үлесі. / 30 % матерей вышли бы на работу и так; 25 % — вклад детского сада.',
    });
  });
}
