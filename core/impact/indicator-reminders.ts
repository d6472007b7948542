// The impact-indicator-reminders job (daily): a manual indicator whose period ended 5 working days ago or more
// without a value reminds the project's managers, once per indicator and period (IndicatorReminder).
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { projectManagers } from '../monitoring/monitoring-scope.ts';
import { sendStaffMessage } from '../staff/staff-messages.ts';
import { schedulePeriods } from './periods.ts';

export const REMINDER_AFTER_WORKING_DAYS = 5;

export async function processIndicatorReminders({
  prisma,
  i18n,
  now,
  calendar,
}: {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  calendar: CalendarService;
}) {
  const at = now();
  const cal = await calendar.calendar();
  const indicators = await prisma.resultIndicator.findMany({
    where: { source: 'manual' },
    include: { values: { select: { periodKey: true } }, node: { select: { project: true } } },
  });
  let reminded = 0;
  for (const ind of indicators) {
    const project = ind.node.project;
    if (project.status === 'draft') continue;
    const have = new Set(ind.values.map((v) => v.periodKey));
    for (const p of schedulePeriods(ind.schedule, project)) {
      if (have.has(p.key)) continue;
      // the day after the period's last day, plus five working days
      const due = cal.addWorkingDays(p.to, REMINDER_AFTER_WORKING_DAYS);
      if (due > at) continue;
      reminded += await prisma.$transaction(async (tx) => {
        const [row] = await tx.indicatorReminder.createManyAndReturn({ data: [{ indicatorId: ind.id, periodKey: p.key, sentAt: at }], skipDuplicates: true });
        if (!row) return 0;
        const recipients = await projectManagers(tx, project);
        await sendStaffMessage(tx, i18n, recipients, {
          kind: 'impact.indicator_due',
          subjectId: ind.id,
          occurrence: p.key,
          text: (t, locale) =>
            `${t('impact:reminder.title')}\n${t('impact:reminder.text', {
              project: locale === 'kk' ? project.nameKk : project.nameRu,
              indicator: locale === 'kk' ? ind.nameKk : ind.nameRu,
              period: p.key,
            })}`,
        });
        return 1;
      });
    }
  }
  return { reminded };
}
