// Reminders to approved volunteers, the day before and two hours before the start, and the question
// "did you take part?" after the end. Why a job with flags rather than outbox messages scheduled with
// `notBefore` at approval: a scheduled message would keep a time, place or state that has since changed
// (the event moved, the volunteer cancelled, the event was cancelled) and would have to be found and
// withdrawn on every such change. The job reads the current state at send time instead. Each message is
// claimed by a conditional update of its flag and enqueued in the same transaction, with a dedupe key
// that names the start time: a restart, a second instance or a repeated run can never send it twice,
// and a moved event is reminded again at its new time.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient, VolunteerApplication } from '../../generated/prisma/client.ts';
import { applicationNotice, type ApplicationNotice } from './volunteer-notify.ts';
import { ASK_CONFIRM_WITHIN_MS, REMIND_DAY_MS, REMIND_SOON_MS } from './volunteer-rules.ts';
import { PLACED, type PlacedOpportunity } from './volunteer-text.ts';

export interface ReminderDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now?: () => Date;
  /** most messages of each kind per run; the rest wait for the next run */
  batchSize?: number;
}

export interface ReminderRun {
  day: number;
  soon: number;
  ask: number;
}

type Flag = 'remindedDayAt' | 'remindedSoonAt' | 'confirmAskedAt';

export async function processVolunteerReminders({ prisma, i18n, now = () => new Date(), batchSize = 500 }: ReminderDeps): Promise<ReminderRun> {
  const at = now();
  const ms = (d: number) => new Date(at.getTime() + d);
  const published = { status: 'published' } as const;

  async function send(flag: Flag, key: ApplicationNotice, where: Prisma.VolunteerApplicationWhereInput): Promise<number> {
    const due = await prisma.volunteerApplication.findMany({
      where: { ...where, [flag]: null },
      include: { opportunity: { include: PLACED } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    let sent = 0;
    for (const a of due as Array<VolunteerApplication & { opportunity: PlacedOpportunity }>) {
      const done = await prisma.$transaction(async (tx) => {
        // The claim: whoever sets the flag first sends; the state and start time must still be those read.
        const claimed = await tx.volunteerApplication.updateMany({
          where: { id: a.id, [flag]: null, state: a.state, opportunity: { startsAt: a.opportunity.startsAt, ...published } },
          data: { [flag]: at },
        });
        if (claimed.count === 0) return false;
        await applicationNotice(tx, i18n, at, a, a.opportunity, key, a.opportunity.startsAt.getTime());
        return true;
      });
      if (done) sent += 1;
    }
    return sent;
  }

  // The day-before window ends where the two-hour one begins, so a late approval gets only the nearer one.
  const day = await send('remindedDayAt', 'reminder_day', {
    state: 'approved',
    opportunity: { ...published, startsAt: { gt: ms(REMIND_SOON_MS), lte: ms(REMIND_DAY_MS) } },
  });
  const soon = await send('remindedSoonAt', 'reminder_soon', {
    state: 'approved',
    opportunity: { ...published, startsAt: { gt: at, lte: ms(REMIND_SOON_MS) } },
  });
  const ask = await send('confirmAskedAt', 'ask_confirm', {
    state: 'approved',
    confirmedByVolunteer: null,
    opportunity: { ...published, endsAt: { lte: at, gt: ms(-ASK_CONFIRM_WITHIN_MS) } },
  });
  return { day, soon, ask };
}
