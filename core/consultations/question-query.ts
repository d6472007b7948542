// The consultants' queue and the detail of one question: filters, scope, keyset pages (oldest first),
// who holds each question, its pending deadline, and the whole thread with internal notes.
import type { Prisma, PrismaClient, Question, QuestionMessage, StaffUser } from '../../generated/prisma/client.ts';
import type { QuestionState } from '../../generated/prisma/enums.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { keysetPage } from '../db/keyset-page.ts';
import { PENDING_STATES, pendingDue } from './question-deadlines.ts';
import { assertQuestionScope, questionScopeWhere } from './question-scope.ts';
import { toLocale } from '../i18n/i18n.ts';

/** What the queue shows without a state filter: everything not closed. */
export const OPEN_STATES: QuestionState[] = ['waiting', 'claimed', 'answered'];
export const TEXT_PREVIEW = 300;

export interface QuestionFilter {
  topicId?: number;
  states?: QuestionState[];
  /** asked at least this many hours ago */
  olderThanHours?: number;
  /** asked at or after / at or before */
  from?: Date;
  to?: Date;
  regionId?: number;
  /** 'mine': held by the caller; 'none': held by nobody; a number: held by that staff member */
  consultant?: 'mine' | 'none' | number;
  /** true: a first answer past its due time, or a follow-up the deadline job flagged */
  overdue?: boolean;
}

function questionWhere(filter: QuestionFilter, staff: StaffPrincipal, now: Date): Prisma.QuestionWhereInput {
  const and: Prisma.QuestionWhereInput[] = [questionScopeWhere(staff), { state: { in: filter.states?.length ? filter.states : OPEN_STATES } }];
  if (filter.topicId != null) and.push({ topicId: filter.topicId });
  if (filter.regionId != null) and.push({ regionId: filter.regionId });
  if (filter.consultant === 'mine') and.push({ consultantId: staff.id });
  else if (filter.consultant === 'none') and.push({ consultantId: null });
  else if (filter.consultant != null) and.push({ consultantId: filter.consultant });
  const created: Prisma.DateTimeFilter = {};
  if (filter.from) created.gte = filter.from;
  if (filter.to) created.lte = filter.to;
  if (filter.olderThanHours != null) {
    const edge = new Date(now.getTime() - filter.olderThanHours * 3_600_000);
    created.lte = created.lte && created.lte < edge ? created.lte : edge;
  }
  if (Object.keys(created).length > 0) and.push({ createdAt: created });
  if (filter.overdue !== undefined) {
    const late: Prisma.QuestionWhereInput = { OR: [{ firstAnsweredAt: null, dueAt: { lt: now } }, { overdueNotifiedAt: { not: null } }] };
    // Spelled out rather than NOT(...), so the meaning does not depend on SQL's handling of nulls.
    and.push(
      filter.overdue
        ? { state: { in: PENDING_STATES }, ...late }
        : {
            OR: [
              { state: { notIn: PENDING_STATES } },
              { AND: [{ OR: [{ firstAnsweredAt: { not: null } }, { dueAt: { gte: now } }] }, { overdueNotifiedAt: null }] },
            ],
          },
    );
  }
  return { AND: and };
}

type Listed = Question & { topic: { responseDays: number }; consultant: Pick<StaffUser, 'id' | 'fullName'> | null };

export interface QuestionSummary {
  id: number;
  number: string;
  state: QuestionState;
  topicId: number;
  askerGroup: Question['askerGroup'];
  regionId: number | null;
  text: string;
  createdAt: Date;
  /** the pending answer is due (first answer or follow-up); null when nothing waits */
  dueAt: Date | null;
  overdue: boolean;
  holder: { id: number; fullName: string } | null;
  claimedAt: Date | null;
  firstAnsweredAt: Date | null;
  lastAnsweredAt: Date | null;
  followUpAt: Date | null;
  closedAt: Date | null;
  result: Question['result'];
  rating: number | null;
}

const LIST_INCLUDE = { topic: { select: { responseDays: true } }, consultant: { select: { id: true, fullName: true } } } as const;

export function summarizeQuestion(q: Listed, cal: WorkingCalendar, now: Date): QuestionSummary {
  const due = pendingDue(q, q.topic.responseDays, cal);
  return {
    id: q.id,
    number: q.number,
    state: q.state,
    topicId: q.topicId,
    askerGroup: q.askerGroup,
    regionId: q.regionId,
    text: q.text.slice(0, TEXT_PREVIEW),
    createdAt: q.createdAt,
    dueAt: due,
    overdue: due != null && due.getTime() < now.getTime(),
    holder: q.consultant,
    claimedAt: q.claimedAt,
    firstAnsweredAt: q.firstAnsweredAt,
    lastAnsweredAt: q.lastAnsweredAt,
    followUpAt: q.followUpAt,
    closedAt: q.closedAt,
    result: q.result,
    rating: q.rating,
  };
}

/** Keyset pages, oldest first: the cursor is the id of the last row of the previous page. */
async function listQuestions(
  prisma: PrismaClient,
  where: Prisma.QuestionWhereInput,
  page: { cursor?: number; limit: number },
  cal: WorkingCalendar,
  now: Date,
): Promise<{ items: QuestionSummary[]; nextCursor: number | null }> {
  const and: Prisma.QuestionWhereInput[] = [where];
  if (page.cursor != null) {
    const last = await prisma.question.findUnique({ where: { id: page.cursor }, select: { id: true, createdAt: true } });
    if (!last) throw invalid('validation', { details: 'cursor' });
    and.push({ OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, id: { gt: last.id } }] });
  }
  const rows = await prisma.question.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: page.limit + 1,
    include: LIST_INCLUDE,
  });
  const { items, nextCursor } = keysetPage(rows, page.limit);
  return { items: items.map((q) => summarizeQuestion(q, cal, now)), nextCursor };
}

async function getQuestionSummary(prisma: PrismaClient, staff: StaffPrincipal, id: number, cal: WorkingCalendar, now: Date): Promise<QuestionSummary> {
  const q = await prisma.question.findUnique({ where: { id }, include: LIST_INCLUDE });
  if (!q) throw notFound('question.not_found');
  assertQuestionScope(staff, q.regionId);
  return summarizeQuestion(q, cal, now);
}

export type ThreadMessage = QuestionMessage & { staff: Pick<StaffUser, 'id' | 'fullName'> | null };

export interface QuestionDetail extends QuestionSummary {
  text: string;
  /** the asker's first name, only if they consented to the processing of personal data; never more */
  citizenFirstName: string | null;
  citizenLocale: 'kk' | 'ru';
  ratingComment: string | null;
  thread: ThreadMessage[];
}

/** The first word of the name the citizen gave, after their consent and unless they erased their data. */
export function firstName(c: { name: string | null; consentAt: Date | null; erasedAt: Date | null }): string | null {
  if (!c.consentAt || c.erasedAt || !c.name?.trim()) return null;
  return c.name.trim().split(/\s+/)[0]!;
}

async function getQuestionDetail(prisma: PrismaClient, staff: StaffPrincipal, id: number, cal: WorkingCalendar, now: Date): Promise<QuestionDetail> {
  const q = await prisma.question.findUnique({
    where: { id },
    include: {
      ...LIST_INCLUDE,
      citizen: { select: { name: true, consentAt: true, erasedAt: true, locale: true } },
      messages: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!q) throw notFound('question.not_found');
  assertQuestionScope(staff, q.regionId);
  const staffIds = [...new Set(q.messages.map((m) => m.staffUserId).filter((x): x is number => x != null))];
  const people = new Map((await prisma.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, fullName: true } })).map((s) => [s.id, s]));
  return {
    ...summarizeQuestion(q, cal, now),
    text: q.text,
    citizenFirstName: firstName(q.citizen),
    citizenLocale: toLocale(q.citizen.locale),
    ratingComment: q.ratingComment,
    thread: q.messages.map((m) => ({ ...m, staff: m.staffUserId == null ? null : (people.get(m.staffUserId) ?? null) })),
  };
}

export interface QuestionQueryDeps {
  prisma: PrismaClient;
  calendar: CalendarService;
  now: () => Date;
}

/** The consultants' reads, each in the caller's scope: the queue, one question's summary and its detail. */
export function createQuestionQueries({ prisma, calendar, now }: QuestionQueryDeps) {
  return {
    async list(staff: StaffPrincipal, filter: QuestionFilter, page: { cursor?: number; limit: number }) {
      const at = now();
      return listQuestions(prisma, questionWhere(filter, staff, at), page, await calendar.calendar(), at);
    },
    summary: async (staff: StaffPrincipal, id: number) => getQuestionSummary(prisma, staff, id, await calendar.calendar(), now()),
    detail: async (staff: StaffPrincipal, id: number) => getQuestionDetail(prisma, staff, id, await calendar.calendar(), now()),
  };
}
