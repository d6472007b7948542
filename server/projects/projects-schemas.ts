// The social projects API's shapes: a project with its Annex 5 fields and counts, its events (the grant
// report's table), its invitation, and what managers write.
import { z } from 'zod';
import { ProjectStatus } from '../../generated/prisma/enums.ts';
import {
  COMPLETENESS_MAX,
  CONTRACT_SUM_MAX,
  FORM_MAX,
  NAME_MAX,
  PARTICIPANTS_MAX,
  PLACE_MAX,
  SUPPLIER_MAX,
  TEXT_MAX,
} from '../../core/projects/project-rules.ts';
import { bodyId, calendarDate, enumOf, kkRu, pageQuery, positiveId, someChange, totalPageOf } from '../schemas.ts';

export const day = calendarDate;
const id = positiveId;
const status = enumOf(ProjectStatus);
const text = z.string().max(TEXT_MAX);

const fields = {
  ...kkRu('name', z.string().trim().min(1).max(NAME_MAX)),
  supplierName: z.string().trim().min(1).max(SUPPLIER_MAX).describe('the supplier NGO as written in the contract'),
  supplierBin: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'a BIN is 12 digits')
    .nullable()
    .optional(),
  contractSum: z.number().min(0).max(CONTRACT_SUM_MAX).describe('thousand tenge, one decimal (Annex 5)'),
  ...kkRu('goals', text.optional()),
  ...kkRu('objectives', text.optional()),
  activitiesKk: text.optional().describe('Annex 5 "activities carried out": may be kept up to date; required to finish'),
  activitiesRu: text.optional(),
  resultsKk: text.optional().describe('Annex 5 "results achieved": required to finish'),
  resultsRu: text.optional(),
  startsOn: day,
  endsOn: day,
  areaId: z.number().int().min(1).max(19).describe('one of the 19 areas of the state social order'),
  regionId: bodyId.nullable().describe('null: a national project (only staff without a region scope)'),
  stateBodyId: bodyId.nullable().optional().describe('the budget programme administrator (Annex 5 is per body and year)'),
};
export const createBody = z.object(fields);
export const patchBody = someChange(z.object(fields).partial());

const countsBody = z.object({
  beneficiaries: z.number().describe('persons registered (bot) or imported'),
  events: z.number(),
  eventParticipants: z.number().describe("sum of the events' participant numbers: attendances, not persons"),
});

/** A project's goals, objectives, activities and results in both languages, as the API answers them. */
export const projectTexts = {
  ...kkRu('goals'),
  ...kkRu('objectives'),
  ...kkRu('activities'),
  ...kkRu('results'),
};

export const projectBody = z.object({
  id: z.number(),
  ...fields,
  supplierBin: z.string().nullable(),
  ...projectTexts,
  stateBodyId: z.number().nullable(),
  status,
  inviteCode: z.string(),
  inviteLink: z.string().nullable().describe('null when the bot username is unknown: set BOT_USERNAME, or run the bot (BOT_TOKEN) in this process'),
  councilId: z.number().nullable(),
  evaluationClosedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
  counts: countsBody,
});

export const listQuery = z.object({
  status: status.optional(),
  regionId: id.optional(),
  stateBodyId: id.optional(),
  areaId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('running at some time in this year'),
  q: z.string().max(200).optional(),
  ...pageQuery,
});
export const listBody = totalPageOf(projectBody);

const finished = z.string().trim().min(1).max(TEXT_MAX);
export const finishBody = z.object({ ...kkRu('activities', finished), ...kkRu('results', finished) });
export const inviteBody = z.object({ link: z.string(), inviteCode: z.string(), status, png: z.string(), svg: z.string() });

const eventFields = {
  heldOn: day,
  place: z.string().trim().min(1).max(PLACE_MAX),
  form: z.string().trim().min(1).max(FORM_MAX).describe('e.g. seminar, training, round table'),
  participants: z.number().int().min(0).max(PARTICIPANTS_MAX),
  completeness: z.string().max(COMPLETENESS_MAX).optional().describe('held in full / partly / not held, with a note'),
};
export const eventBody = z.object({ id: z.number(), projectId: z.number(), ...eventFields, completeness: z.string(), createdAt: z.string() });
export const eventsBody = z.object({ items: z.array(eventBody) });
export const eventsQuery = z.object({ from: day.optional(), to: day.optional() });
export const eventCreateBody = z.object(eventFields);
export const eventPatchBody = someChange(z.object(eventFields).partial());

export type Project = z.output<typeof projectBody>;
export type ProjectEvent = z.output<typeof eventBody>;
export type ProjectInput = z.input<typeof createBody>;
export type EventInput = z.input<typeof eventCreateBody>;
