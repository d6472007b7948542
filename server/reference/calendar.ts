// The working-day calendar: holidays and the days moved by the annual decree, editable by admins.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localMidnight, toLocalIso } from '../../core/calendar/local-time.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { calendarDate, okBody, withErrors } from '../schemas.ts';

const kind = z.enum(['holiday', 'day_off', 'working_day']);
const day = z.object({ date: z.string(), kind, nameKk: z.string(), nameRu: z.string(), source: z.string() });

export const calendarRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['calendar'];
    const staff = requireStaff(services.staff);
    const admin = requireStaff(services.staff, ['admin']);

    app.get(
      '/api/calendar',
      {
        onRequest: staff,
        schema: {
          tags,
          summary: 'Exceptions to Mon–Fri for a year',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: withErrors({ 200: z.array(day) }),
        },
      },
      async (req) => services.calendar.list(req.query.year),
    );

    app.get(
      '/api/calendar/add-working-days',
      {
        onRequest: staff,
        schema: {
          tags,
          summary: 'The date N working days after a date (e.g. the earliest end of a discussion)',
          querystring: z.object({ from: calendarDate, days: z.coerce.number().int().min(0).max(365) }),
          response: withErrors({ 200: z.object({ from: z.string(), days: z.number(), date: z.string(), at: z.string() }) }),
        },
      },
      async (req) => {
        const calendar = await services.calendar.calendar();
        const date = calendar.nthWorkingDayAfter(req.query.from, req.query.days);
        return { from: req.query.from, days: req.query.days, date, at: toLocalIso(localMidnight(date)) };
      },
    );

    app.put(
      '/api/calendar/:date',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Set a holiday, a moved day off or a working Saturday',
          params: z.object({ date: calendarDate }),
          body: z.object({ kind, nameKk: z.string().trim().min(1).max(200), nameRu: z.string().trim().min(1).max(200) }),
          response: withErrors({ 200: okBody }),
        },
      },
      async (req) => {
        await services.calendar.setDay(actorOf(req), { date: req.params.date, ...req.body });
        return { ok: true as const };
      },
    );

    app.delete(
      '/api/calendar/:date',
      {
        onRequest: admin,
        schema: { tags, summary: 'Make the date an ordinary day again', params: z.object({ date: calendarDate }), response: withErrors({ 200: okBody }) },
      },
      async (req) => {
        await services.calendar.removeDay(actorOf(req), req.params.date);
        return { ok: true as const };
      },
    );
  };
