// Civic initiatives for staff (issue 18): the board and queue, one initiative, decisions, carrying it out, the map.
// Lengths are checked by the service (the citizen's bot hears the same reasons), so the bodies cap only sizes.
import { z } from 'zod';
import { InitiativeActorKind, InitiativeHelp, InitiativeStatus, PatronContribution } from '../../generated/prisma/enums.ts';
import { CLOSE_REASONS, INITIATIVE_NOTE_MAX, INITIATIVE_TEXT_MAX, REJECT_REASONS, RETURN_REASONS } from '../../core/initiatives/initiative-rules.ts';
import { bodyId, calendarDate, cursorPageOf, enumOf, idCursor, kkRu, listLimit, pageQuery, positiveId, scopeQuery, totalPageOf } from '../schemas.ts';

const status = enumOf(InitiativeStatus);
const help = enumOf(InitiativeHelp);
const actorKind = enumOf(InitiativeActorKind);
const contribution = enumOf(PatronContribution);
const text = (max: number) => z.string().max(max);

export const listQuery = z.object({
  status: status.optional(),
  ...scopeQuery,
  areaId: positiveId.optional(),
  help: help.optional(),
  q: z.string().trim().max(100).optional().describe('words of the title or description'),
  cursor: idCursor.optional(),
  limit: listLimit,
});
export const mapQuery = listQuery.omit({ cursor: true, limit: true });
export const queueQuery = z.object(pageQuery);

export const itemBody = z.object({
  id: z.number(),
  title: z.string(),
  status,
  areaId: z.number(),
  regionId: z.number(),
  districtId: z.number().nullable(),
  helpNeeded: z.array(help),
  supportCount: z.number(),
  progressPercent: z.number(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  submittedAt: z.string(),
  publishedAt: z.string().nullable(),
  implementedAt: z.string().nullable(),
});
export const listBody = cursorPageOf(itemBody);
export const queueBody = totalPageOf(itemBody);
export const countsBody = z.object(Object.fromEntries(Object.values(InitiativeStatus).map((s) => [s, z.number()])) as Record<InitiativeStatus, z.ZodNumber>);

const ratingBody = z.object({
  rated: z.number(),
  averageRating: z.number().nullable().describe('1–5, one decimal'),
  satisfactionAnswers: z.number(),
  satisfactionIndex: z.number().nullable().describe('percent: fully + rather over all answers, "hard to answer" in the base'),
  nationalBaselinePercent: z.number(),
});

export const detailBody = itemBody.extend({
  description: z.string(),
  justification: z.string(),
  organisation: z.string().nullable(),
  language: z.string().describe('the author wrote in it; a return or reject note goes to them in it'),
  address: z.string().nullable(),
  authorName: z.string().nullable().describe('only when the author chose to show it; never a phone'),
  reasonCode: z.string().nullable(),
  reasonNote: z.string().nullable(),
  duplicateOfId: z.number().nullable(),
  projectId: z.number().nullable(),
  ...kkRu('result', z.string().nullable()),
  servedCount: z.number().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  partners: z.array(
    z.object({ id: z.number(), kind: actorKind, name: z.string(), bin: z.string().nullable(), lead: z.boolean(), role: z.string().nullable() }),
  ),
  patrons: z.array(
    z.object({
      id: z.number(),
      name: z.string().nullable(),
      isPerson: z.boolean(),
      public: z.boolean(),
      contribution,
      amountTenge: z.number().nullable(),
      description: z.string().nullable(),
    }),
  ),
  updates: z.array(z.object({ id: z.number(), heldOn: z.string(), percent: z.number(), ...kkRu('text'), photoIds: z.array(z.number()) })),
  photos: z.array(
    z.object({
      id: z.number(),
      updateId: z.number().nullable(),
      mimeType: z.string(),
      width: z.number().nullable(),
      height: z.number().nullable(),
      withheld: z.boolean(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.number(),
      ...kkRu('title'),
      startsAt: z.string(),
      status: z.string(),
      volunteers: z.number().describe('counted attendance: distinct volunteers'),
      hours: z.number(),
    }),
  ),
  history: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      type: z.string(),
      actorType: z.string(),
      fromStatus: status.nullable(),
      toStatus: status.nullable(),
      data: z.unknown(),
    }),
  ),
  rating: ratingBody,
  comments: z.object({ visible: z.number(), hidden: z.number() }),
  topicIds: z.array(z.number()),
});

export const returnBody = z.object({
  reasonCode: z.enum(RETURN_REASONS),
  note: text(INITIATIVE_NOTE_MAX).describe('to the author, in their language (detail.language); required'),
});
export const rejectBody = z.object({
  reasonCode: z.enum(REJECT_REASONS).describe('not_initiative: a problem for civic control (the author is pointed to a report)'),
  note: text(INITIATIVE_NOTE_MAX).describe('to the author, in their language; required'),
  duplicateOfId: bodyId.optional().describe('with reasonCode duplicate: the initiative it repeats'),
});

const partnerFields = {
  kind: actorKind,
  name: text(300),
  bin: z.string().max(12).nullable().optional().describe('12 digits'),
  role: text(300).nullable().optional(),
};
export const takeBody = z.object({ ...partnerFields, projectId: bodyId.nullable().optional().describe('an Azamat social project that took it on') });
export const partnerBody = z.object(partnerFields);
export const patronBody = z.object({
  name: text(300),
  isPerson: z.boolean(),
  public: z.boolean().describe('named publicly only with their consent'),
  contribution,
  amountTenge: z.number().int().min(0).max(1e15).nullable().optional().describe('required for money'),
  description: text(1000).nullable().optional(),
});
export const updateBody = z.object({
  heldOn: calendarDate,
  percent: z.number().int(),
  ...kkRu('text', text(INITIATIVE_TEXT_MAX)),
});
export const implementedBody = z.object({
  ...kkRu('result', text(INITIATIVE_TEXT_MAX)),
  servedCount: z.number().int(),
  implementedOn: calendarDate,
});
export const closeBody = z.object({ reasonCode: z.enum(CLOSE_REASONS), ...kkRu('note', text(INITIATIVE_TEXT_MAX)) });
export const subParams = z.object({ id: positiveId, subId: positiveId });
export const createdBody = z.object({ id: z.number() });
export const photoBody = z.unknown().describe('image/jpeg, image/png or image/webp, at most 5 MB');

export const pointsBody = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({ id: z.number(), title: z.string(), status, areaId: z.number(), progressPercent: z.number() }),
    }),
  ),
});

export const topicDraftBody = z.object({
  sourceInitiativeId: z.number(),
  regionId: z.number(),
  areaId: z.number(),
  year: z.number(),
  ...kkRu('title'),
  ...kkRu('justification'),
  informationSource: z.string(),
});

export type InitiativeItem = z.output<typeof itemBody>;
export type InitiativeDetail = z.output<typeof detailBody>;
export type InitiativePoints = z.output<typeof pointsBody>;
