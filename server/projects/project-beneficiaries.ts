// A project's beneficiaries for its manager: the list with paging and filters, removal, and the CSV import
// of the NGO's own list (UTF-8 with or without BOM, ',' or ';'; headers and values in kk, ru or en).
import type { z } from 'zod';
import { ageBracketOf } from '../../core/projects/age-brackets.ts';
import type { BeneficiaryView } from '../../core/projects/beneficiaries.ts';
import { IMPORT_MAX_ROWS } from '../../core/projects/project-rules.ts';
import { requestLocale } from '../plugins/errors.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import { beneficiaryBody, beneficiaryParams, csvBody, importResponses, listBody, listQuery } from './project-beneficiaries-schemas.ts';

export const projectBeneficiaryRoutes = routeModule('projects', 'manager', (app, { guard: manager, opts, tags }, services) => {
  const { beneficiaries } = services.projects;
  // The NGO's file arrives as it is; parsing happens in the service, line by line.
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  const view = (b: BeneficiaryView): z.output<typeof beneficiaryBody> => ({
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
    opts('Beneficiaries in the order they joined; gender, birth year and status from the citizen profile for bot registrations', {
      params: idParam,
      querystring: listQuery,
      response: listBody,
    }),
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
        body: csvBody,
        response: importResponses,
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
    opts('Remove a beneficiary from the project (their poll invitations go with them)', { params: beneficiaryParams, response: okBody }),
    async (req) => okAfter(beneficiaries.remove(actorOf(req), staffOf(req), req.params.id, req.params.beneficiaryId)),
  );
});
