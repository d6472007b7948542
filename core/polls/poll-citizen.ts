// A citizen answering a wave in the bot: the open polls of the projects they take part in, starting
// one (through the wave's link they join the project first), each answer saved to the draft at once
// (so "back" and "resume later" work and a restart loses nothing), and the submission. The service,
// not the bot, enforces the rules: one response per beneficiary per wave, no answers outside the
// wave's time whatever the closing job did, required questions answered, hidden questions dropped.
import { randomInt } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { localDate, localMidnight } from '../calendar/local-time.ts';
import { ageBracketOf } from '../projects/age-brackets.ts';
import { joinProject } from '../projects/beneficiary-join.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { checkAnswer, questionOf, visibleQuestions, type AnswerValue, type QuestionView } from './poll-rules.ts';

export type { QuestionView };

export interface DraftView {
  answers: Record<number, AnswerValue>;
  /** the questions answered (or skipped), in the order answered: "back" undoes the last */
  path: number[];
}

export interface WaveForCitizen {
  waveId: number;
  pollId: number;
  titleKk: string;
  titleRu: string;
  introKk: string;
  introRu: string;
  labelKk: string;
  labelRu: string;
  anonymous: boolean;
  closesAt: string;
  questions: QuestionView[];
  draft: DraftView;
}

export interface OpenPoll {
  waveId: number;
  titleKk: string;
  titleRu: string;
  labelKk: string;
  labelRu: string;
  closesAt: Date;
  started: boolean;
}

const NOT_STATED_GENDER = 'unstated';

/*
 * Anonymity. An anonymous poll must keep no link from answers to people beyond the guard against a
 * second answer (the invitation's answeredAt). Three things would otherwise link them:
 *  - time: the invitation and the response stamped with the same instant. Both are kept to the Almaty
 *    day only (anonymousStamp), and results and exports never show an anonymous response's time;
 *  - order: autoincrement ids number responses and answers in the order people submit them, which
 *    anything else ordered in time (messages, sessions) could be matched against. Anonymous responses
 *    and their answers therefore take random ids from the upper half of the int4 range (randomIds),
 *    so their ids say nothing about when or in which order they came; the sequences, which number the
 *    named rows from 1, never reach that range in practice (a billion rows) and are left untouched;
 *  - the citizen id: not stored at all.
 * Why not hold anonymous submissions and insert them later in shuffled batches: the held rows would
 * have to remember who submitted (to refuse a second answer until the batch runs) — a worse link,
 * kept longer — and results would lag. What remains is the physical order of rows on disk, which only
 * the database superuser sees; a deployment that fears its DBA should not run anonymous polls on it.
 */
export const ANONYMOUS_ID_MIN = 2 ** 30;
const INT4_MAX = 2 ** 31 - 1;

/** The start of the instant's Almaty day: all an anonymous poll keeps of when someone answered. */
export const anonymousStamp = (instant: Date): Date => localMidnight(localDate(instant));

/** `n` distinct random ids not yet used in the table (checked in the caller's transaction). */
async function randomIds(n: number, taken: (ids: number[]) => Promise<number[]>): Promise<number[]> {
  const ids = new Set<number>();
  for (let round = 0; ids.size < n; round++) {
    if (round > 20) throw new Error('no free random id');
    const fresh: number[] = [];
    while (ids.size + fresh.length < n) {
      const id = randomInt(ANONYMOUS_ID_MIN, INT4_MAX);
      if (!ids.has(id) && !fresh.includes(id)) fresh.push(id);
    }
    const used = new Set(await taken(fresh));
    for (const id of fresh) if (!used.has(id)) ids.add(id);
  }
  return [...ids];
}

export function createPollCitizenService({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }) {
  /** Refuses a wave that is not taking answers at this moment (closed by staff, by the job, or past its end). */
  function assertOpen(w: { status: string; opensAt: Date; closesAt: Date; poll: { status: string } }, at: Date): void {
    if (w.status === 'closed' || w.closesAt <= at) throw conflict('poll.closed');
    // an archived poll takes no answers whatever its waves' state (the organiser withdrew it)
    if (w.poll.status === 'archived') throw conflict('poll.archived');
    if (w.status !== 'open' || w.opensAt > at) throw conflict('poll.not_open_yet');
  }

  async function loadWave(db: Tx | PrismaClient, waveId: number) {
    const wave = await db.pollWave.findUnique({ where: { id: waveId }, include: { poll: { include: { questions: { orderBy: { position: 'asc' } } } } } });
    if (!wave) throw notFound('poll.wave_not_found');
    return wave;
  }

  async function beneficiaryOf(db: Tx | PrismaClient, projectId: number, citizenId: number) {
    return db.projectBeneficiary.findUnique({ where: { projectId_citizenId: { projectId, citizenId } } });
  }

  async function assertNotAnswered(db: Tx | PrismaClient, waveId: number, beneficiaryId: number): Promise<void> {
    const inv = await db.pollInvitation.findUnique({ where: { waveId_beneficiaryId: { waveId, beneficiaryId } }, select: { answeredAt: true } });
    if (inv?.answeredAt) throw conflict('poll.already_answered');
  }

  const draftOf = (d: { answers: unknown; path: number[] } | null): DraftView => ({
    answers: (d?.answers ?? {}) as Record<number, AnswerValue>,
    path: d?.path ?? [],
  });

  /** Checks the wave, the citizen's place in the project and that they have not answered yet. */
  async function context(citizenId: number, waveId: number) {
    const at = now();
    const wave = await loadWave(prisma, waveId);
    assertOpen(wave, at);
    const b = await beneficiaryOf(prisma, wave.poll.projectId, citizenId);
    if (!b) throw forbidden('poll.not_invited');
    await assertNotAnswered(prisma, waveId, b.id);
    return { wave, beneficiary: b, at };
  }

  async function saveDraft(citizenId: number, waveId: number, d: DraftView): Promise<DraftView> {
    const data = { answers: d.answers as object, path: d.path };
    const saved = await prisma.pollResponseDraft.upsert({
      where: { waveId_citizenId: { waveId, citizenId } },
      create: { waveId, citizenId, ...data },
      update: data,
    });
    return draftOf(saved);
  }

  const service = {
    /** Open waves of the citizen's projects that they have not answered, the soonest to close first. */
    async openFor(citizenId: number): Promise<OpenPoll[]> {
      const at = now();
      const waves = await prisma.pollWave.findMany({
        where: {
          status: 'open',
          opensAt: { lte: at },
          closesAt: { gt: at },
          poll: { status: { not: 'archived' }, project: { beneficiaries: { some: { citizenId } } } },
          invitations: { none: { answeredAt: { not: null }, beneficiary: { citizenId } } },
        },
        include: { poll: { select: { titleKk: true, titleRu: true } }, drafts: { where: { citizenId }, select: { id: true } } },
        orderBy: [{ closesAt: 'asc' }, { id: 'asc' }],
        take: 20,
      });
      return waves.map((w) => ({
        waveId: w.id,
        titleKk: w.poll.titleKk,
        titleRu: w.poll.titleRu,
        labelKk: w.labelKk,
        labelRu: w.labelRu,
        closesAt: w.closesAt,
        started: w.drafts.length > 0,
      }));
    },

    /** The wave id behind an invitation link's code. */
    async waveByCode(code: string): Promise<number | null> {
      return (await prisma.pollWave.findUnique({ where: { inviteCode: code }, select: { id: true } }))?.id ?? null;
    },

    /**
     * Starts (or resumes) answering. With `join` (the wave's link) the citizen becomes a beneficiary
     * of the project first; otherwise they must already be one.
     */
    async begin(citizenId: number, waveId: number, opts: { join?: boolean } = {}): Promise<WaveForCitizen & { joined: boolean }> {
      const at = now();
      const wave = await loadWave(prisma, waveId);
      assertOpen(wave, at);
      let joined = false;
      if (opts.join) joined = (await joinProject(prisma, { projectId: wave.poll.projectId, citizenId, at })).created;
      const b = await beneficiaryOf(prisma, wave.poll.projectId, citizenId);
      if (!b) throw forbidden('poll.not_invited');
      await assertNotAnswered(prisma, waveId, b.id);
      const draft = await prisma.pollResponseDraft.findUnique({ where: { waveId_citizenId: { waveId, citizenId } } });
      const { poll } = wave;
      return {
        joined,
        waveId,
        pollId: poll.id,
        titleKk: poll.titleKk,
        titleRu: poll.titleRu,
        introKk: poll.introKk,
        introRu: poll.introRu,
        labelKk: wave.labelKk,
        labelRu: wave.labelRu,
        anonymous: poll.anonymous,
        closesAt: wave.closesAt.toISOString(),
        questions: poll.questions.map(questionOf),
        draft: draftOf(draft),
      };
    },

    /** Saves one answer (null skips an optional question); returns the draft with it. */
    async answer(citizenId: number, waveId: number, questionId: number, value: AnswerValue): Promise<DraftView> {
      const { wave } = await context(citizenId, waveId);
      const q = wave.poll.questions.find((x) => x.id === questionId);
      if (!q) throw notFound('poll.question_not_found');
      const checked = checkAnswer(questionOf(q), value);
      const draft = draftOf(await prisma.pollResponseDraft.findUnique({ where: { waveId_citizenId: { waveId, citizenId } } }));
      return saveDraft(citizenId, waveId, {
        answers: { ...draft.answers, [questionId]: checked },
        path: [...draft.path.filter((id) => id !== questionId), questionId],
      });
    },

    /** One step back: the last answer is undone, so that question is asked again. */
    async back(citizenId: number, waveId: number): Promise<DraftView> {
      await context(citizenId, waveId);
      const draft = draftOf(await prisma.pollResponseDraft.findUnique({ where: { waveId_citizenId: { waveId, citizenId } } }));
      const last = draft.path.at(-1);
      if (last === undefined) return draft;
      const { [last]: _undone, ...answers } = draft.answers;
      return saveDraft(citizenId, waveId, { answers, path: draft.path.slice(0, -1) });
    },

    /**
     * Submits the draft: the answers of the questions shown (given the skip rules) become the response;
     * gender, age bracket (at submission) and social status are copied for the breakdowns. In an
     * anonymous poll the response keeps no citizen id: only the invitation records that they answered.
     */
    async submit(citizenId: number, waveId: number): Promise<{ responseId: number; answered: number }> {
      return prisma.$transaction(async (tx) => {
        const at = now();
        const wave = await loadWave(tx, waveId);
        assertOpen(wave, at);
        const b = await beneficiaryOf(tx, wave.poll.projectId, citizenId);
        if (!b) throw forbidden('poll.not_invited');
        await assertNotAnswered(tx, waveId, b.id);
        const draft = draftOf(await tx.pollResponseDraft.findUnique({ where: { waveId_citizenId: { waveId, citizenId } } }));
        const questions = wave.poll.questions.map(questionOf);
        const shown = visibleQuestions(questions, draft.answers);
        // every question shown must have been answered or (if optional) skipped
        const missing = shown.find((q) => !(String(q.id) in draft.answers) || (q.required && draft.answers[q.id] == null));
        if (missing) throw invalid('poll.unanswered', { n: shown.indexOf(missing) + 1 });
        const anonymous = wave.poll.anonymous;
        // an anonymous poll keeps only the day of the answer, on the invitation and the response alike
        const stamp = anonymous ? anonymousStamp(at) : at;
        // The claim: the first submission sets answeredAt; a second one (another tap, another device) finds it set.
        await tx.pollInvitation.createMany({ data: [{ waveId, beneficiaryId: b.id, createdAt: stamp }], skipDuplicates: true });
        const claimed = await tx.pollInvitation.updateMany({ where: { waveId, beneficiaryId: b.id, answeredAt: null }, data: { answeredAt: stamp } });
        if (claimed.count === 0) throw conflict('poll.already_answered');
        const citizen = await tx.citizen.findUniqueOrThrow({
          where: { id: citizenId },
          select: { gender: true, birthYear: true, socialStatus: true, locale: true },
        });
        const gender = citizen.gender ?? b.gender;
        const birthYear = citizen.birthYear ?? b.birthYear;
        const socialStatus = citizen.socialStatus ?? b.socialStatus;
        const given = shown.flatMap((q) => {
          const a = draft.answers[q.id];
          return a ? [{ q, a }] : [];
        });
        const [responseId] = anonymous
          ? await randomIds(1, async (ids) => (await tx.pollResponse.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id))
          : [];
        const answerIds = anonymous
          ? await randomIds(given.length, async (ids) => (await tx.pollAnswer.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id))
          : [];
        const response = await tx.pollResponse.create({
          data: {
            ...(responseId === undefined ? {} : { id: responseId }),
            waveId,
            citizenId: anonymous ? null : citizenId,
            gender: gender && gender !== NOT_STATED_GENDER ? gender : null,
            ageBracket: ageBracketOf(birthYear, at),
            socialStatus: socialStatus || null,
            locale: citizen.locale,
            submittedAt: stamp,
          },
        });
        const answers = given.map(({ q, a }, i) => ({
          ...(anonymous ? { id: answerIds[i]! } : {}),
          responseId: response.id,
          questionId: q.id,
          choice: 'choice' in a ? a.choice : null,
          choices: 'choices' in a ? a.choices : [],
          rating: 'rating' in a ? a.rating : null,
          text: 'text' in a ? a.text : null,
        }));
        if (answers.length) await tx.pollAnswer.createMany({ data: answers });
        await tx.pollResponseDraft.deleteMany({ where: { waveId, citizenId } });
        return { responseId: response.id, answered: answers.length };
      });
    },
  };
  return service;
}
