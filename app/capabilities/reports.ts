// Civic control («Азаматтық бақылау»): reports in the bot, the operators' board, staff groups in Telegram.
import { createReportFeature } from '../../bot/reports/report.ts';
import { createStaffChat } from '../../bot/reports/staff-chat.ts';
import { reportsDomain } from '../../core/reports/index.ts';
import { createReportDeadlinesJob } from '../../jobs/report-deadlines.ts';
import { createStaffChatSyncJob } from '../../jobs/staff-chat-sync.ts';
import { reportTemplateRoutes } from '../../server/reports/report-templates.ts';
import { reportRoutes } from '../../server/reports/reports.ts';
import type { Capability } from '../capability.ts';

export const reports: Capability = {
  ...reportsDomain,
  locales: ['reports'],
  settings: ({ config }) => ({
    reports: {
      perDay: config.REPORTS_PER_DAY,
      duplicateRadiusM: config.REPORT_DUPLICATE_RADIUS_M,
      reopenWindowDays: config.REPORT_REOPEN_DAYS,
      escalationWorkingDays: config.REPORT_ESCALATION_WORKING_DAYS,
    },
  }),
  bot: ({ i18n }) => [createReportFeature(), createStaffChat(i18n)],
  routes: ({ services }) => [reportRoutes(services), reportTemplateRoutes(services)],
  jobs: ({ services, config, logger, chat }) => [
    createReportDeadlinesJob({
      prisma: services.prisma,
      calendar: services.calendar,
      i18n: services.i18n,
      now: services.now,
      escalationWorkingDays: config.REPORT_ESCALATION_WORKING_DAYS,
    }),
    // Staff groups need the bot's token.
    ...(chat
      ? [createStaffChatSyncJob({ prisma: services.prisma, chat, i18n: services.i18n, logger: logger.child({ component: 'staff-chat' }), now: services.now })]
      : []),
  ],
  console: true,
};
