// The consultation log (DOMAIN.md, seed 002: date, topic, channel, target group, content, result):
// entries for questions in the bot keep themselves (consultation-record.ts); consultations given by
// phone, in person or at an online meeting are logged here by staff and may be corrected later.
// Reading is scoped like questions: a consultant with a region sees that region's entries and those
// without a region.
import type { Consultation, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { AskerGroup, ConsultationChannel, ConsultationResult } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { addDays, localMidnight } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { isAdmin, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { SUMMARY_MAX } from './consultation-record.ts';
import { keysetPage } from '../db/keyset-page.ts';
import { assertQuestionScope, CONSULTATION, questionScopeWhere } from './question-scope.ts';
import { fitColleague, loadInScope } from '../staff/scoped-records.ts';
import { requiredText } from './text-input.ts';
import { RESPONSE_MINUTES_MAX } from './consultation-rules.ts';

export type OfflineChannel = Exclude<ConsultationChannel, 'bot'>;
export type OfflineResult = Exclude<ConsultationResult, 'self_served'>;

export interface LogFilter {
  /** Almaty calendar days, both included */
  from?: string;
  to?: string;
  channel?: ConsultationChannel;
  topicId?: number;
  askerGroup?: AskerGroup;
  regionId?: number;
  consultantId?: number;
  result?: ConsultationResult;
}

export interface OfflineInput {
  date: Date;
  channel: OfflineChannel;
  topicId: number;
  askerGroup: AskerGroup;
  regionId?: number | null;
  /** the staff member's own id when absent; someone else's is for admins (e.g. entering a paper log) */
  consultantId?: number;
  summary: string;
  result: OfflineResult;
  responseMinutes?: number | null;
  satisfaction?: number | null;
  /** the social project the consultation was given under (issue 25: the results framework counts them) */
  projectId?: number | null;
}

export type OfflinePatch = Partial<OfflineInput>;

/** The filters and the caller's scope; days are Almaty days. */
export function consultationWhere(filter: LogFilter, staff: StaffPrincipal): Prisma.ConsultationWhereInput {
  const and: Prisma.ConsultationWhereInput[] = [questionScopeWhere(staff)];
  const date: Prisma.DateTimeFilter = {};
  if (filter.from) date.gte = localMidnight(filter.from);
  if (filter.to) date.lt = localMidnight(addDays(filter.to, 1));
  if (Object.keys(date).length > 0) and.push({ date });
  for (const key of ['channel', 'topicId', 'askerGroup', 'regionId', 'consultantId', 'result'] as const) {
    if (filter[key] !== undefined) and.push({ [key]: filter[key] });
  }
  return { AND: and };
}

export const LOG_INCLUDE = {
  topic: { select: { id: true, nameKk: true, nameRu: true } },
  region: { select: { id: true, nameKk: true, nameRu: true } },
  consultant: { select: { id: true, fullName: true } },
  question: { select: { number: true } },
} as const;

export type LogEntry = Prisma.ConsultationGetPayload<{ include: typeof LOG_INCLUDE }>;

const isOffline = (c: Pick<Consultation, 'questionId' | 'channel'>) => c.questionId == null && c.channel !== 'bot';

function checkNumbers(input: Pick<OfflinePatch, 'responseMinutes' | 'satisfaction'>) {
  const { responseMinutes: m, satisfaction: s } = input;
  if (m != null && (!Number.isInteger(m) || m < 0 || m > RESPONSE_MINUTES_MAX))
    throw invalid('consultation.bad_response_minutes', { max: RESPONSE_MINUTES_MAX });
  if (s != null && (!Number.isInteger(s) || s < 1 || s > 5)) throw invalid('consultation.bad_satisfaction');
}

export function createConsultationLogService({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }) {
  /** The references of an offline entry as it will be: topic, region in the caller's scope, the consultant. */
  async function checkRefs(
    tx: Tx,
    staff: StaffPrincipal,
    e: { date: Date; topicId: number; regionId: number | null; consultantId: number | null; projectId?: number | null },
  ) {
    if (e.date.getTime() > now().getTime()) throw invalid('consultation.future_date');
    if (e.projectId != null) {
      // a project of the consultation's region (or a national one), under way: never one the caller cannot see
      const p = await tx.socialProject.findUnique({ where: { id: e.projectId }, select: { regionId: true, status: true } });
      if (!p || p.status === 'draft' || (p.regionId !== null && p.regionId !== e.regionId)) throw invalid('consultation.bad_project');
    }
    if (!(await tx.consultationTopic.findUnique({ where: { id: e.topicId } }))) throw invalid('consultation.unknown_topic');
    if (e.regionId != null && !(await tx.region.findUnique({ where: { id: e.regionId } }))) throw invalid('consultation.unknown_region');
    assertQuestionScope(staff, e.regionId);
    if (e.consultantId !== staff.id) {
      if (!isAdmin(staff)) throw forbidden('consultation.not_own');
      if (e.consultantId == null) throw invalid('consultation.bad_consultant');
      await fitColleague(tx, e.consultantId, { role: 'consultant', rule: SCOPES.network, record: e, refusal: 'consultation.bad_consultant' });
    }
  }

  return {
    /** Newest first; keyset pages on (date, id). */
    async list(staff: StaffPrincipal, filter: LogFilter, page: { cursor?: number; limit: number }): Promise<{ items: LogEntry[]; nextCursor: number | null }> {
      const and: Prisma.ConsultationWhereInput[] = [consultationWhere(filter, staff)];
      if (page.cursor != null) {
        const last = await prisma.consultation.findUnique({ where: { id: page.cursor }, select: { id: true, date: true } });
        if (!last) throw invalid('validation', { details: 'cursor' });
        and.push({ OR: [{ date: { lt: last.date } }, { date: last.date, id: { lt: last.id } }] });
      }
      const rows = await prisma.consultation.findMany({
        where: { AND: and },
        orderBy: [{ date: 'desc' }, { id: 'desc' }],
        take: page.limit + 1,
        include: LOG_INCLUDE,
      });
      return keysetPage(rows, page.limit);
    },

    async get(staff: StaffPrincipal, id: number): Promise<LogEntry> {
      const c = await prisma.consultation.findUnique({ where: { id }, include: LOG_INCLUDE });
      if (!c) throw notFound('consultation.not_found');
      assertQuestionScope(staff, c.regionId);
      return c;
    },

    /** A consultation given outside the bot; the region defaults to the consultant's own. */
    async create(actor: Actor, staff: StaffPrincipal, input: OfflineInput): Promise<Consultation> {
      checkNumbers(input);
      const data = {
        date: input.date,
        channel: input.channel,
        topicId: input.topicId,
        askerGroup: input.askerGroup,
        regionId: input.regionId === undefined ? staff.regionId : input.regionId,
        consultantId: input.consultantId ?? staff.id,
        summary: requiredText(input.summary, SUMMARY_MAX, 'consultation.summary'),
        result: input.result,
        responseMinutes: input.responseMinutes ?? null,
        satisfaction: input.satisfaction ?? null,
        projectId: input.projectId ?? null,
        createdById: staff.id,
      };
      return prisma.$transaction(async (tx) => {
        await checkRefs(tx, staff, data);
        const c = await tx.consultation.create({ data });
        await recordAudit(tx, actor, { action: 'consultation.create', entity: 'consultation', entityId: c.id, after: data });
        return c;
      });
    },

    /** Corrects an offline entry (entries of the bot follow their question); consultants correct their own. */
    async update(actor: Actor, staff: StaffPrincipal, id: number, patch: OfflinePatch): Promise<Consultation> {
      checkNumbers(patch);
      const changes: Prisma.ConsultationUncheckedUpdateInput = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      if (patch.summary !== undefined) changes.summary = requiredText(patch.summary, SUMMARY_MAX, 'consultation.summary');
      return prisma.$transaction(async (tx) => {
        const before = await loadInScope(tx, staff, CONSULTATION, id);
        if (!isOffline(before)) throw invalid('consultation.not_offline');
        if (!isAdmin(staff) && before.consultantId !== staff.id) throw forbidden('consultation.not_own');
        const next = { ...before, ...(changes as Partial<Consultation>) };
        await checkRefs(tx, staff, next);
        const after = await tx.consultation.update({ where: { id }, data: changes });
        const keys = Object.keys(changes) as Array<keyof Consultation>;
        await recordAudit(tx, actor, {
          action: 'consultation.update',
          entity: 'consultation',
          entityId: id,
          before: Object.fromEntries(keys.map((k) => [k, before[k]])),
          after: changes,
        });
        return after;
      });
    },
  };
}
