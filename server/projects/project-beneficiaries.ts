// A project's beneficiaries for its manager: the list with paging and filters, removal, and the CSV import
// of the NGO's own list (UTF-8 with or without BOM, ',' or ';'; headers and values in kk, ru or en).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BeneficiarySource, Gender } from '../../generated/prisma/enums.ts';
import { ageBracketOf } from '../../core/projects/age-brackets.ts';
import { IMPORT_MAX_ROWS, type BeneficiaryView } from '../../core/projects/beneficiaries.ts';
import { SOCIAL_STATUS_CODES } from '../../core/projects/profile.ts';
import type { Services } from '../../core/services.ts';
import { requestLocale } from '../plugins/errors.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { errorBody, idParam, okBody, pageQuery as page, withErrors, positiveId } from '../schemas.ts';

const source = z.enum(Object.values(BeneficiarySource) as [BeneficiarySource, ...BeneficiarySource[]]);
const gender = z.enum(Object.values(Gender) as [Gender, ...Gender[]]);

const beneficiaryBody = z.object({
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

export const projectBeneficiaryRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const manager = requireStaff(services.staff, ['project_manager']);
    const tags = ['projects'];
    const { beneficiaries } = services.projects;
    // The NGO's file arrives as it is; parsing happens in the service, line by line.
    app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));

    const view = (b: BeneficiaryView): z.infer<typeof beneficiaryBody> => ({
      id: b.id,
      source: b.source,
      citizenId: b.citizenId,
      fullName: b.fullName,
      phone: b.phone,
      gender: b.gender,
      birthYear: b.birthYear,
      ageBracket: ageBracketOf(b.birthYear, services.now()),
      socialStatus: b.socialStatus,
      externalRef: b.externalRef,
      joinedAt: b.joinedAt.toISOString(),
    });

    app.get(
      '/api/projects/:id/beneficiaries',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Beneficiaries in the order they joined; gender, birth year and status from the citizen profile for bot registrations',
          params: idParam,
          querystring: z.object({
            source: source.optional(),
            gender: gender.optional().describe('unstated also finds those who never answered'),
            socialStatus: z.enum(SOCIAL_STATUS_CODES as [string, ...string[]]).optional(),
            q: z.string().max(200).optional().describe('part of the name or phone'),
            ...page,
          }),
          response: withErrors({ 200: z.object({ items: z.array(beneficiaryBody), total: z.number() }) }),
        },
      },
      async (req) => {
        const { offset, limit, ...filter } = req.query;
        const r = await beneficiaries.list(staffOf(req), req.params.id, filter, { offset, limit });
        return { items: r.items.map(view), total: r.total };
      },
    );

    app.post(
      '/api/projects/:id/beneficiaries/import',
      {
        onRequest: manager,
        bodyLimit: 10 * 1024 * 1024,
        schema: {
          tags,
          summary: `Import the NGO's list from CSV (Content-Type: text/csv; up to ${IMPORT_MAX_ROWS} rows). Columns by header: full name (required), phone, gender, birth year, social status, and optionally an id (№, ID) and the date the person joined (Дата участия / Қатысу күні / Date; else the person counts from the project's start date, reported in joinedAtProjectStart); kk/ru/en names and values or codes. Good lines are saved, bad ones reported by line; re-importing the same list changes nothing, and a corrected list updates its people (each row is keyed by its id, else its phone, else its name; a changed phone is found by a name unique in the list).`,
          params: idParam,
          body: z.string().min(1),
          response: withErrors({
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
          }),
        },
      },
      async (req) => {
        const r = await beneficiaries.importCsv(actorOf(req), staffOf(req), req.params.id, req.body);
        const t = services.i18n.getFixedT(requestLocale(req));
        return { ...r, errors: r.errors.map((e) => ({ line: e.line, code: e.code, message: t(`errors:${e.code}`, e.params) })) };
      },
    );

    app.delete(
      '/api/projects/:id/beneficiaries/:beneficiaryId',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Remove a beneficiary from the project (their poll invitations go with them)',
          params: z.object({ id: positiveId, beneficiaryId: positiveId }),
          response: withErrors({ 200: okBody }),
        },
      },
      async (req) => {
        await beneficiaries.remove(actorOf(req), staffOf(req), req.params.id, req.params.beneficiaryId);
        return { ok: true as const };
      },
    );
  };
