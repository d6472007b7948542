// Civic control («Азаматтық бақылау»): reports in the bot, the operators' board, staff groups in Telegram.
import { reportsDomain } from '../../core/reports/index.ts';
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
  bot: async () => [(await import('../../bot/reports/report.ts')).createReportFeature(), (await import('../../bot/reports/staff-chat.ts')).createStaffChat()],
  routes: async ({ services }) => [
    (await import('../../server/reports/reports.ts')).reportRoutes(services),
    (await import('../../server/reports/report-templates.ts')).reportTemplateRoutes(services),
    (await import('../../server/reports/evidence-publicity.ts')).evidencePublicityRoutes(services),
  ],
  jobs: async ({ services, logger, chat }) => [
    (await import('../../jobs/report-deadlines.ts')).createReportDeadlinesJob(services.reportDeadlines),
    // Staff groups need the bot's token.
    ...(chat
      ? [(await import('../../jobs/staff-chat-sync.ts')).createStaffChatSyncJob(services.reportStaffChat, chat, logger.child({ component: 'staff-chat' }))]
      : []),
  ],
  console: true,
};
