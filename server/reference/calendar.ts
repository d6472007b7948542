// The working-day calendar: holidays and the days moved by the annual decree, editable by admins.
import { localMidnight, toLocalIso } from '../../core/calendar/local-time.ts';
import { actorOf } from '../plugins/auth.ts';
import { okAfter, routeModule } from '../route-kit.ts';
import { okBody } from '../schemas.ts';
import { addedBody, addQuery, dateParams, dayBody, setDayBody, yearQuery } from './calendar-schemas.ts';

export const calendarRoutes = routeModule('calendar', 'anyStaff', (app, { admin, opts }, services) => {
  app.get('/api/calendar', opts('Exceptions to Mon–Fri for a year', { querystring: yearQuery, response: dayBody.array() }), async (req) =>
    services.calendar.list(req.query.year),
  );

  app.get(
    '/api/calendar/add-working-days',
    opts('The date N working days after a date (e.g. the earliest end of a discussion)', { querystring: addQuery, response: addedBody }),
    async (req) => {
      const calendar = await services.calendar.calendar();
      const date = calendar.nthWorkingDayAfter(req.query.from, req.query.days);
      return { from: req.query.from, days: req.query.days, date, at: toLocalIso(localMidnight(date)) };
    },
  );

  app.put(
    '/api/calendar/:date',
    opts('Set a holiday, a moved day off or a working Saturday', { params: dateParams, body: setDayBody, response: okBody }, admin),
    async (req) => okAfter(services.calendar.setDay(actorOf(req), { date: req.params.date, ...req.body })),
  );

  app.delete('/api/calendar/:date', opts('Make the date an ordinary day again', { params: dateParams, response: okBody }, admin), async (req) =>
    okAfter(services.calendar.removeDay(actorOf(req), req.params.date)),
  );
});
