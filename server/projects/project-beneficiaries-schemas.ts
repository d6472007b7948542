// The beneficiaries API's shapes: a beneficiary of a project, the list's filters, and what a CSV import did.
import { z } from 'zod';
import { BeneficiarySource, Gender } from '../../generated/prisma/enums.ts';
import { SOCIAL_STATUS_CODES } from '../../core/projects/project-rules.ts';
import { enumOf, errorBody, pageQuery, positiveId, totalPageOf, withErrors } from '../schemas.ts';

const source = enumOf(BeneficiarySource);
const gender = enumOf(Gender);

export const beneficiaryBody = z.object({
  id: z.number(),
  source,
  citizenId: z.number().nullable().describe('set for people registered through the bot'),
  fullName: z.string().nullable(),
  phone: z.string().nullable(),
  gender: gender.nullable().describe('unstated: "prefer not to say"; null: never answered'),
  birthYear: z.number().nullable(),
  ageBracket: z.string().nullable().describe('grant-report bracket now (under-8, age-8-12 … age-59-plus); null: unknown'),
  socialStatus: z.string().nullable(),
  externalRef: z.string().nullable(),
  joinedAt: z.string(),
});

export const listQuery = z.object({
  source: source.optional(),
  gender: gender.optional().describe('unstated also finds those who never answered'),
  socialStatus: z.enum(SOCIAL_STATUS_CODES as [string, ...string[]]).optional(),
  q: z.string().max(200).optional().describe('part of the name or phone'),
  ...pageQuery,
});
export const listBody = totalPageOf(beneficiaryBody);

export const importResponses = withErrors({
  200: z.object({
    rows: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    joinedAtProjectStart: z
      .object({ count: z.number(), date: z.string() })
      .describe('new people without a date in the file: counted from the project start date'),
    errors: z.array(z.object({ line: z.number().describe('line of the file, the header is line 1'), code: z.string(), message: z.string() })),
  }),
  413: errorBody.describe('the file is larger than 10 MB'),
  415: errorBody.describe('not text/csv'),
});
export const csvBody = z.string().min(1);
export const beneficiaryParams = z.object({ id: positiveId, beneficiaryId: positiveId });

export type Beneficiary = z.output<typeof beneficiaryBody>;
export type ImportResult = z.output<(typeof importResponses)[200]>;
