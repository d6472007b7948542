// The monitoring API's shapes (Order 407 ch. 3): rounds, the four indicators, the five tools' records, measures,
// document requests, independent monitors with the Annex 4 declaration, the MCI per year.
import { z } from 'zod';
import { CONFLICT_KINDS } from '../../core/evaluation/evaluation-rules.ts';
import { SERVICE_KINDS, TOOLS } from '../../core/monitoring/monitoring-rules.ts';
import type { ConflictKind, MonitoringTool, ServiceKind } from '../../generated/prisma/enums.ts';
import { bodyId, calendarDate, kkRu, positiveId, YEARS } from '../schemas.ts';

const text = (max: number) => z.string().max(max);
export const toolName = z.enum(TOOLS as [MonitoringTool, ...MonitoringTool[]]);
export const serviceKind = z.enum(SERVICE_KINDS as [ServiceKind, ...ServiceKind[]]);
export const yearQuery = z.object({ year: z.coerce.number().int().min(YEARS.min).max(YEARS.max) });
export const roundToolParams = z.object({ id: positiveId, tool: toolName });
export const roundActivityParams = z.object({ id: positiveId, activityId: positiveId });
export const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const thresholdBody = z.object({
  year: z.number().describe("the contract's financial year: the year the project starts"),
  mci: z.number().nullable().describe('МРП/АЕК of that year in tenge; null: unknown, an admin must enter it'),
  limitThousand: z.number().nullable().describe('500 MCI in thousand tenge'),
  contractSum: z.number().describe('thousand tenge'),
  needsIndependent: z.boolean().nullable().describe('contract sum strictly above 500 MCI: an independent expert monitors'),
});

export const yearStatusBody = z.object({
  year: z.number(),
  min: z.number(),
  max: z.number(),
  recommended: z.number().describe('clamp(ceil(days of the term in the year / 73), 2, 5)'),
  planned: z.number().describe('rounds not cancelled'),
  completed: z.number(),
  warnings: z.array(z.enum(['plan_short', 'year_short'])),
  next: z.object({ roundId: z.number(), plannedOn: z.string() }).nullable(),
});

export const roundBody = z.object({
  id: z.number(),
  projectId: z.number(),
  year: z.number(),
  plannedOn: z.string(),
  status: z.enum(['planned', 'in_progress', 'completed', 'cancelled']),
  conductedBy: z.enum(['self', 'independent']),
  conductorId: z.number().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  summary: z.string(),
  cancelReason: z.string().nullable(),
  tools: z.array(toolName).describe('the tools with a record'),
});

export const measureBody = z.object({
  id: z.number(),
  roundId: z.number(),
  projectId: z.number(),
  text: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done', 'not_done']),
  state: z.enum(['open', 'overdue', 'done', 'done_late', 'not_done']),
  delivered: z.boolean().describe("sent to the NGO's contact in Telegram; false: no contact bound"),
  reportedAt: z.string().nullable(),
  reportNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  overdueAt: z.string().nullable(),
});

export const toolRecordBody = z.object({ tool: toolName, findings: z.string(), details: z.unknown(), updatedAt: z.string() });

export const requestBody = z.object({
  id: z.number(),
  title: z.string(),
  dueOn: z.string().nullable(),
  requestedAt: z.string(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  receivedNote: z.string().nullable(),
  files: z.number(),
});

/** A project activity of the plan (Annex 3), as the plan lists it and as a round's indicators check it. */
const activityFields = {
  position: z.number(),
  ...kkRu('title'),
  ...kkRu('unit'),
  plannedQuantity: z.number().nullable(),
  dueOn: z.string().nullable(),
};

export const indicatorsBody = z.object({
  asOf: z.string(),
  activities: z.array(
    z.object({
      activityId: z.number(),
      ...activityFields,
      due: z.boolean(),
      events: z.number(),
      participants: z.number(),
      doneQuantity: z.number().nullable(),
      status: z.enum(['done', 'partly', 'not_done', 'not_due']).nullable(),
      evidence: z.string(),
    }),
  ),
  satisfaction: z.array(
    z.object({
      pollId: z.number(),
      waveId: z.number(),
      ...kkRu('label'),
      base: z.number(),
      positive: z.number(),
      index: z.number().nullable().describe('percent: (fully + rather satisfied) / all satisfaction answers'),
      change: z.number().nullable().describe('percentage points against the previous wave'),
    }),
  ),
  coverage: z.object({ persons: z.number(), male: z.number(), female: z.number(), target: z.number().nullable(), eventParticipants: z.number() }),
  standard: z.array(z.object({ itemId: z.number(), serviceKind: z.string(), ...kkRu('text'), compliant: z.boolean().nullable(), note: z.string() })).nullable(),
});

export const roundDetailBody = z.object({
  round: roundBody,
  indicators: indicatorsBody,
  frozen: z.boolean().describe('completed: the indicators as they stood at completion'),
  toolRecords: z.array(toolRecordBody),
  measures: z.array(measureBody),
  requests: z.array(requestBody),
});

export const overviewBody = z.object({
  project: z.object({
    id: z.number(),
    ...kkRu('name'),
    supplierName: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    serviceKinds: z.array(serviceKind),
    coverageTarget: z.number().nullable(),
    plannedSum: z.number().nullable(),
    monitorId: z.number().nullable(),
    supplierContact: z.boolean().describe('an NGO contact is bound in the bot: measures reach them'),
    supplierContactName: z.string().nullable().describe("the bound NGO contact's name ('' if they gave none); null when none is bound"),
  }),
  access: z.enum(['body', 'monitor']),
  threshold: thresholdBody,
  status: yearStatusBody,
  rounds: z.array(roundBody),
  measures: z.array(measureBody),
});

export const ngoInviteBody = z.object({
  link: z.string().describe('t.me/<bot>?start=ngo_<code>: the NGO contact opens it and confirms in the bot'),
  code: z.string(),
});

export const setupInput = z.object({
  serviceKinds: z.array(serviceKind).max(5),
  coverageTarget: z.number().int().min(0).max(10_000_000).nullable(),
  plannedSum: z.number().min(0).max(10_000_000).nullable().describe('thousand tenge'),
});

export const activityInput = z.object({
  ...kkRu('title', text(500).min(1)),
  ...kkRu('unit', text(500).optional()),
  plannedQuantity: z.number().min(0).max(1e9).nullable().optional(),
  dueOn: calendarDate.nullable().optional(),
});
export const activityBody = z.object({ id: z.number(), ...activityFields });
export const activitiesBody = z.object({ items: z.array(activityBody) });
export const linkEventInput = z.object({ eventId: bodyId, link: z.boolean() });

export const planInput = z.object({ plannedOn: calendarDate });
export const proposalBody = z.object({ dates: z.array(z.string()) });
export const summaryInput = z.object({ summary: text(4000).min(1) });
export const reasonInput = z.object({ reason: text(2000).min(1) });
export const activityCheckInput = z.object({
  status: z.enum(['done', 'partly', 'not_done', 'not_due']),
  doneQuantity: z.number().min(0).max(1e9).nullable().optional(),
  evidence: text(4000).optional(),
});
export const standardInput = z.object({
  items: z
    .array(z.object({ itemId: bodyId, compliant: z.boolean().nullable(), note: text(4000).optional() }))
    .min(1)
    .max(200),
});

const url = z.url({ protocol: /^https?$/ }).max(2000);
/** Each tool's own record (item 9); `tool` in the path must match. */
export const toolInput = z.discriminatedUnion('tool', [
  z.object({
    tool: z.literal('indicators'),
    findings: text(4000).min(1),
    details: z.object({
      rows: z.array(z.object({ name: text(500).min(1), unit: text(500), expected: text(500), actual: text(500), comment: text(500) })).max(100),
    }),
  }),
  z.object({
    tool: z.literal('mystery_shopper'),
    findings: text(4000).min(1),
    details: z.object({
      visitedOn: calendarDate,
      place: text(500).min(1),
      checklist: z
        .array(z.object({ text: text(500).min(1), ok: z.boolean(), note: text(500) }))
        .min(1)
        .max(100),
    }),
  }),
  z.object({
    tool: z.literal('survey'),
    findings: text(4000).min(1),
    details: z.object({
      waveIds: z.array(bodyId).max(100),
      interviews: z.array(z.object({ with: text(500).min(1), summary: text(4000).min(1) })).max(100),
    }),
  }),
  z.object({ tool: z.literal('document_review'), findings: text(4000).min(1), details: z.object({}).optional() }),
  z.object({
    tool: z.literal('social_media'),
    findings: text(4000).min(1),
    details: z.object({
      mentions: z
        .array(z.object({ url, network: text(500), date: calendarDate, tone: z.enum(['positive', 'neutral', 'negative']), note: text(500) }))
        .min(1)
        .max(100),
    }),
  }),
]);

export const measureInput = z.object({ text: text(4000).min(1), dueOn: calendarDate });
export const closeMeasureInput = z.object({ outcome: z.enum(['done', 'not_done']), note: text(4000).min(1) });
export const measuresBody = z.object({ items: z.array(measureBody) });
export const documentRequestInput = z.object({ title: text(500).min(1), dueOn: calendarDate.nullable().optional() });
export const receivedInput = z.object({ note: text(4000).min(1) });

export const assignmentBody = z.object({
  id: z.number(),
  projectId: z.number(),
  expertId: z.number(),
  status: z.enum(['invited', 'active', 'refused_conflict', 'withdrawn']),
  invitedAt: z.string(),
  decidedAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export const monitorViewBody = z.object({ threshold: thresholdBody, monitorId: z.number().nullable(), assignments: z.array(assignmentBody) });
export const inviteInput = z.object({ expertId: bodyId });

const conflictKind = z.enum(CONFLICT_KINDS as [ConflictKind, ...ConflictKind[]]);
const answer = z.object({ yes: z.boolean(), text: text(2000).optional() });
export const declarationInput = z.object({
  answers: z.record(conflictKind, answer).describe('all five questions of Annex 4: membership, governance, payments, family, other'),
  confirmed: z.literal(true).describe('the final statement of the form'),
});
export const declarationDraftBody = z.object({
  fromDeclarationId: z.number().nullable().describe('the earlier declaration about the same NGO the answers come from'),
  answers: z.record(conflictKind, answer),
});
export const myAssignmentsBody = z.object({
  items: z.array(assignmentBody.extend({ project: z.object({ id: z.number(), ...kkRu('name'), supplierName: z.string() }) })),
});

export const mciBody = z.object({ year: z.number(), tenge: z.number(), source: z.string(), origin: z.string(), updatedAt: z.string() });
export const mciListBody = z.object({ items: z.array(mciBody) });
export const mciInput = z.object({ tenge: z.number().int().min(1).max(1_000_000), source: text(500).min(1) });
export const standardItemsBody = z.object({
  items: z.array(z.object({ id: z.number(), serviceKind, position: z.number(), ...kkRu('text'), source: z.string() })),
});
