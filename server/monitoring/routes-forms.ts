// The forms of Rules ch. 3 for a state body: Annex 3 (item 7: the planned projects of a year after the
// discussion) and Annex 9 (item 21: the monitoring report, half-year and annual, XLSX in Kazakh and
// Russian), previewed as the table the file is written from, and the forms' deadlines (Annex 8 too).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ExportTable } from '../../core/export/table.ts';
import { annex9Due } from '../../core/monitoring/forms/form-calendar.ts';
import type { FormDeadlineView } from '../../core/monitoring/forms/form-deadline-service.ts';
import type { MonitoringFormServices } from '../../core/monitoring/forms/forms-services.ts';
import type { StaffService } from '../../core/staff/staff-service.ts';
import { staffOf } from '../plugins/auth.ts';
import { sendExport } from '../reply-export.ts';
import { iso, guardedRoutes } from '../route-kit.ts';
import { exportFileBody, idParam, okBody } from '../schemas.ts';
import * as s from './forms-schemas.ts';

type Table = ExportTable & { rowIds: Array<number | null> };

const tableView = (t: Table): z.output<typeof s.formTableBody> => ({
  sheetName: t.sheetName,
  title: t.title,
  columns: t.columns.map((c) => ({ header: c.header, kind: c.kind, width: c.width })),
  subheader: t.subheader as Array<string | number | null> | undefined,
  rows: t.rows as Array<Array<string | number | null>>,
  kinds: t.rows.map((_, i) => t.kinds?.[i] ?? null),
  rowIds: t.rowIds,
  footer: t.footer ?? [],
});

const deadlineView = (d: FormDeadlineView): z.output<typeof s.deadlineBody> => ({
  ...d,
  dueAt: d.dueAt.toISOString(),
  remindedAt: iso(d.remindedAt),
  overdueAt: iso(d.overdueAt),
  doneAt: iso(d.doneAt),
});

export const monitoringFormRoutes =
  (forms: MonitoringFormServices, staff: StaffService): FastifyPluginAsyncZod =>
  async (app) => {
    const { admin, opts } = guardedRoutes(staff, 'monitoring', 'manager');
    const { annex3, annex9, deadlines } = forms;

    // ---- Annex 3 -------------------------------------------------------------------------------
    app.get(
      '/api/monitoring/annex3',
      opts('Annex 3 of a body and plan year: the preview table, its rows and the topics that may be kept', {
        querystring: s.annex3Query,
        response: s.annex3Body,
      }),
      async (req) => {
        const { lang, ...q } = req.query;
        const p = staffOf(req);
        const { table, rows } = await annex3.table(p, q, lang);
        return { table: tableView(table), total: table.total, rows, candidates: await annex3.candidates(p, q) };
      },
    );

    app.get(
      '/api/monitoring/annex3/export',
      opts('Annex 3 as XLSX in Kazakh or Russian', { querystring: s.annex3Query, response: exportFileBody }),
      async (req, reply) => {
        const { lang, ...q } = req.query;
        const { table, fileName } = await annex3.xlsx(staffOf(req), q, lang);
        return sendExport(reply, { format: 'xlsx', fileName, tables: table });
      },
    );

    app.post(
      '/api/monitoring/planned-projects',
      opts('Add a planned project by hand', { body: s.plannedCreate, created: s.plannedBody }),
      async (req, reply) => {
        const { stateBodyId, planYear, ...input } = req.body;
        reply.code(201);
        return annex3.add(staffOf(req), { stateBodyId, planYear }, input);
      },
    );

    app.post(
      '/api/monitoring/planned-projects/from-topics',
      opts('Keep reviewed discussion topics as planned projects', { body: s.fromTopicsBody, response: s.plannedBody.array() }),
      async (req) => {
        const { topicIds, ...q } = req.body;
        return annex3.fromTopics(staffOf(req), q, topicIds);
      },
    );

    app.patch(
      '/api/monitoring/planned-projects/:id',
      opts('Edit a planned project', { params: idParam, body: s.plannedPatch, response: s.plannedBody }),
      async (req) => annex3.update(staffOf(req), req.params.id, req.body),
    );

    app.delete('/api/monitoring/planned-projects/:id', opts('Remove a planned project', { params: idParam, response: okBody }), async (req) => {
      await annex3.remove(staffOf(req), req.params.id);
      return { ok: true as const };
    });

    // ---- Annex 9 -------------------------------------------------------------------------------
    const reportView = async (req: Parameters<typeof staffOf>[0], id: number, lang: 'kk' | 'ru'): Promise<z.output<typeof s.reportBody>> => {
      const { report: r, table, rows } = await annex9.preview(staffOf(req), id, lang);
      return {
        id: r.id,
        stateBodyId: r.stateBodyId,
        year: r.year,
        kind: r.kind,
        signer: { name: r.signerName, positionKk: r.signerPositionKk, positionRu: r.signerPositionRu, acting: r.signerActing },
        submittedAt: iso(r.submittedAt),
        dueAt: annex9Due(r.year, r.kind).toISOString(),
        rows: rows.map((x) => ({
          projectId: x.projectId,
          nameKk: x.nameKk,
          nameRu: x.nameRu,
          col7Kk: x.col7Kk,
          col7Ru: x.col7Ru,
          editedAt: iso(x.editedAt),
          draftedAt: x.draftedAt.toISOString(),
        })),
        totals: table.totals,
        table: tableView(table),
      };
    };

    app.post(
      '/api/monitoring/reports',
      opts('Open the Annex 9 of a body, year and kind (made and drafted on first use)', {
        body: s.reportOpenBody,
        querystring: s.reportExportQuery,
        response: s.reportBody,
      }),
      async (req) => {
        const r = await annex9.open(staffOf(req), req.body);
        return reportView(req, r.id, req.query.lang);
      },
    );

    app.get(
      '/api/monitoring/reports/:id',
      opts('An Annex 9 with its rows and the preview table', { params: s.reportParams, querystring: s.reportExportQuery, response: s.reportBody }),
      async (req) => reportView(req, req.params.id, req.query.lang),
    );

    app.patch(
      '/api/monitoring/reports/:id/rows/:projectId',
      opts("Edit a project's column 7 in Kazakh and Russian", {
        params: s.reportRowParams,
        body: s.reportRowBody,
        querystring: s.reportExportQuery,
        response: s.reportBody,
      }),
      async (req) => {
        await annex9.editRow(staffOf(req), req.params.id, req.params.projectId, req.body);
        return reportView(req, req.params.id, req.query.lang);
      },
    );

    app.post(
      '/api/monitoring/reports/:id/redraft',
      opts('Draft column 7 again from the rounds (edited rows only when forced)', { params: s.reportParams, body: s.redraftBody, response: s.redraftResult }),
      async (req) => ({
        rewritten: await annex9.redraft(staffOf(req), req.params.id, req.body.force),
      }),
    );

    app.put(
      '/api/monitoring/reports/:id/signer',
      opts('Who signs: the first head, or the person acting for them (note 3)', {
        params: s.reportParams,
        body: s.signerBody,
        querystring: s.reportExportQuery,
        response: s.reportBody,
      }),
      async (req) => {
        await annex9.setSigner(staffOf(req), req.params.id, req.body);
        return reportView(req, req.params.id, req.query.lang);
      },
    );

    app.get(
      '/api/monitoring/reports/:id/export',
      opts('Annex 9 as XLSX in Kazakh or Russian (item 21: Excel only)', {
        params: s.reportParams,
        querystring: s.reportExportQuery,
        response: exportFileBody,
      }),
      async (req, reply) => {
        const { table, fileName } = await annex9.xlsx(staffOf(req), req.params.id, req.query.lang);
        return sendExport(reply, { format: 'xlsx', fileName, tables: table });
      },
    );

    app.post(
      '/api/monitoring/reports/:id/submit',
      opts('Submit: freezes the table in both languages and marks the deadline done', {
        params: s.reportParams,
        querystring: s.reportExportQuery,
        response: s.reportBody,
      }),
      async (req) => {
        await annex9.submit(staffOf(req), req.params.id);
        return reportView(req, req.params.id, req.query.lang);
      },
    );

    // ---- deadlines -----------------------------------------------------------------------------
    app.get(
      '/api/monitoring/deadlines',
      opts("The forms' deadlines of the bodies in scope, due in a year", { querystring: s.deadlinesQuery, response: s.deadlinesBody }),
      async (req) => {
        const { lang, ...q } = req.query;
        return { items: (await deadlines.list(staffOf(req), q, lang)).map(deadlineView) };
      },
    );

    app.post(
      '/api/monitoring/deadlines/:id/done',
      opts('Mark a form submitted (Annex 8: posted on the procurement portal)', { params: idParam, body: s.deadlineDoneBody, response: s.deadlineBody }),
      async (req) => deadlineView(await deadlines.markDone(staffOf(req), req.params.id, req.body.note, req.body.lang)),
    );

    app.put(
      '/api/monitoring/deadlines/:id/due',
      opts('Admins: move a due date, with the reason', { params: idParam, body: s.deadlineDueBody, response: s.deadlineBody }, admin),
      async (req) => deadlineView(await deadlines.setDue(staffOf(req), req.params.id, req.body.dueOn, req.body.note, req.body.lang)),
    );
  };
