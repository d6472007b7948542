// The reports API's shapes: the board's filters, a report's summary and detail as the console shows them,
// and what its actions take. Pure zod: routes (reports.ts) and the console import from here.
import { z } from 'zod';
import { EvidenceKind, ReportStatus } from '../../generated/prisma/enums.ts';
import { BULK_MAX, HIDE_REASON_MAX, NOTE_MAX } from '../../core/reports/report-rules.ts';
import {
  bodyId,
  boolQuery,
  cursorPageOf,
  enumOf,
  errorBody,
  idCursor,
  instantRange,
  listLimit,
  positiveId,
  scopeQuery,
  storedFile,
  withErrors,
} from '../schemas.ts';

const STATUSES: string[] = Object.values(ReportStatus);
export const status = enumOf(ReportStatus);
const id = positiveId;

const filters = {
  status: z
    .string()
    .max(200)
    .refine((v) => v.split(',').every((s) => STATUSES.includes(s.trim())), 'unknown status')
    .optional()
    .describe('comma-separated statuses, e.g. new,in_work'),
  ...scopeQuery,
  categoryId: id.optional(),
  departmentId: id.optional(),
  overdue: boolQuery.optional().describe('true: open reports past their due time'),
  ...instantRange('created'),
  q: z.string().trim().max(200).optional().describe('text in the description, number or address (case-insensitive)'),
  hasEvidence: boolQuery.optional(),
};

export const listQuery = z.object({
  ...filters,
  sort: z.enum(['createdAt', 'dueAt']).default('createdAt').describe('createdAt: newest first; dueAt: soonest due first'),
  cursor: idCursor.optional(),
  limit: listLimit,
});
export const countsQuery = z.object(filters);
export const countsBody = z.record(status, z.number());

export const summaryBody = z.object({
  id: z.number(),
  number: z.string(),
  status,
  colour: z.enum(['red', 'green', 'grey']),
  categoryId: z.number(),
  regionId: z.number(),
  districtId: z.number().nullable(),
  departmentId: z.number(),
  description: z.string().describe('the first 300 characters'),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  supportCount: z.number(),
  evidenceCount: z.number(),
  hidden: z.boolean(),
});
export const listBody = cursorPageOf(summaryBody);

export const detailBody = summaryBody.extend({
  description: z.string(),
  source: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  anonymous: z.boolean(),
  duplicateOfId: z.number().nullable(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopenCount: z.number(),
  followers: z.number(),
  assigneeId: z.number().nullable(),
  hiddenReason: z.string().nullable(),
  evidence: z.array(
    z.object({
      id: z.number(),
      kind: enumOf(EvidenceKind),
      ...storedFile,
      downloadUrl: z.string().describe('GET it with the same credentials'),
      externalUrl: z
        .string()
        .nullable()
        .describe(
          "evidence an outside app gave as a link (Open311 media_url): shown as a link with its host, never loaded by the console, since the app's server would learn staff addresses and hours",
        ),
      publicity: z
        .enum(['public', 'withheld', 'not_accepted', 'never'])
        .describe('on the public portal: shown, withheld by staff, waiting for the report to be accepted, or never (not an image)'),
      withheldAt: z.string().nullable(),
      withheldReason: z.string().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      at: z.string(),
      actorType: z.string(),
      actorName: z.string().nullable().describe("a staff member's full name or an API client's name; null for citizens and the system"),
      byAuthor: z.boolean().describe('the citizen who filed the report acted'),
      type: z.string(),
      fromStatus: status.nullable(),
      toStatus: status.nullable(),
      publicNote: z.string().nullable(),
      internalNote: z.string().nullable(),
    }),
  ),
});

export const statusBody = z.object({
  to: status,
  publicNote: z.string().max(NOTE_MAX).nullable().optional().describe('sent to the citizen; required to resolve, reject or decline'),
  internalNote: z.string().max(NOTE_MAX).nullable().optional(),
  duplicateOfId: bodyId.nullable().optional(),
  templateId: bodyId.optional().describe("without a public note, the template's text in the citizen's language becomes the note"),
});

const note = z.string().max(NOTE_MAX).nullable().optional();
const ids = z.array(bodyId);

export const assignBody = z
  .object({
    departmentId: bodyId.optional().describe('route the report to this department'),
    assigneeId: bodyId.nullable().optional().describe('an active operator whose scope covers the report; null unassigns'),
    internalNote: note,
  })
  .refine((b) => b.departmentId !== undefined || b.assigneeId !== undefined, 'departmentId or assigneeId is required');
export const hideBody = z.object({ reason: z.string().trim().min(1).max(HIDE_REASON_MAX) });

export const bulkBody = statusBody.omit({ duplicateOfId: true }).extend({ ids: ids.min(1).max(BULK_MAX) });
export const resultsBody = z.object({
  results: z.array(z.object({ id: z.number(), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
});
export const mergeBody = z.object({ duplicateIds: ids.min(1).max(BULK_MAX), publicNote: note });
export const mergedBody = resultsBody.extend({ report: summaryBody });

export const evidenceParams = z.object({ id: positiveId, evidenceId: positiveId });
export const evidenceResponses = withErrors({
  200: z.unknown().describe('the file'),
  302: z.null().describe('evidence given as a URL'),
  502: errorBody,
  503: errorBody,
});

/** A report in the board's list (dates as ISO strings). */
export type ReportSummary = z.output<typeof summaryBody>;
/** A report with its history and evidence. */
export type ReportDetail = z.output<typeof detailBody>;
export type ReportCounts = z.output<typeof countsBody>;
/** What each report of a bulk change or a merge came to. */
export type ItemResults = z.output<typeof resultsBody>;
export type MergeResults = z.output<typeof mergedBody>;
export type StatusInput = z.input<typeof statusBody>;
export type AssignInput = z.input<typeof assignBody>;
export type BulkStatusInput = z.input<typeof bulkBody>;
export type MergeInput = z.input<typeof mergeBody>;
export type HideInput = z.input<typeof hideBody>;
