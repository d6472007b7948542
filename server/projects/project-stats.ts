// The grant report's participant statistics (seed 004) for a project and period: JSON and XLSX/CSV in kk or ru.
import { grantStatsTables } from '../../core/projects/grant-stats-export.ts';
import { nameIn } from '../../core/projects/project-rules.ts';
import { staffOf } from '../plugins/auth.ts';
import { routeModule } from '../route-kit.ts';
import { sendExport } from '../reply-export.ts';

import { exportFileBody, exportQuery, idParam } from '../schemas.ts';
import { periodQuery, statsBody } from './project-stats-schemas.ts';
import { eventView } from './projects.ts';

const DESCRIPTION =
  'Participants are PERSONS: beneficiaries registered through the bot or imported by the end of the period (an imported person from the date in the file, else from the import; removed ones do not count), each counted once however many events they attended. ' +
  "The events table's participant numbers are attendances per event and are summed separately (eventParticipants), never added to the persons. " +
  'Each table puts every person in exactly one column, unknown values in "not-stated" (gender "prefer not to say" included) and children younger than 8 in "under-8", so every table sums to the total. Ages are the age reached in the calendar year of the period end (only the birth year is known).';

export const projectStatsRoutes = routeModule('projects', 'manager', (app, { opts }, services) => {
  app.get(
    '/api/projects/:id/grant-stats',
    opts('Grant-report participant statistics: by gender, by the ten social statuses, by the eight age brackets, and the events table', {
      description: DESCRIPTION,
      params: idParam,
      querystring: periodQuery,
      response: statsBody,
    }),
    async (req) => {
      const { stats: s } = await services.projects.grantStats(staffOf(req), req.params.id, req.query);
      return { ...s, countedAt: s.countedAt.toISOString(), events: s.events.map(eventView) };
    },
  );

  app.get(
    '/api/projects/:id/grant-stats/export',
    opts('The same statistics as XLSX (four sheets) or CSV, in Kazakh or Russian', {
      description: DESCRIPTION,
      params: idParam,
      querystring: exportQuery.extend(periodQuery.shape),
      response: exportFileBody,
    }),
    async (req, reply) => {
      const { lang, format, ...period } = req.query;
      const { project: p, stats: s } = await services.projects.grantStats(staffOf(req), req.params.id, period);
      const t = services.i18n.getFixedT(lang);
      const name = nameIn(p, lang);
      return sendExport(reply, {
        format,
        fileName: `${t('projects:stats.file')} ${name} ${s.period.from} ${s.period.to}`,
        tables: grantStatsTables(t, lang, name, s),
      });
    },
  );
});
