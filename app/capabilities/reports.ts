// Civic control («Азаматтық бақылау»): reports in the bot, the operators' board, staff groups in Telegram.
import { createReportFeature } from '../../bot/reports/report.ts';
import { createStaffChat } from '../../bot/reports/staff-chat.ts';
import { reportsDomain } from '../../core/reports/index.ts';
import { createReportDeadlinesJob } from '../../jobs/report-deadlines.ts';
import { createStaffChatSyncJob } from '../../jobs/staff-chat-sync.ts';
import { evidencePublicityRoutes } from '../../server/reports/evidence-publicity.ts';
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
  bot: () => [createReportFeature(), createStaffChat()],
  routes: ({ services }) => [reportRoutes(services), reportTemplateRoutes(services), evidencePublicityRoutes(services)],
  jobs: ({ services, logger, chat }) => [
    createReportDeadlinesJob(services.reportDeadlines),
    // Staff groups need the bot's token.
    ...(chat ? [createStaffChatSyncJob(services.reportStaffChat, chat, logger.child({ component: 'staff-chat' }))] : []),
  ],
  console: true,
};
