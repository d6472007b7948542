// Civic control: citizens' reports, their drafts, evidence and templates, and the operators' work on them.
import type { DomainModule } from '../services.ts';
import { scheduleReports } from './demo.ts';
import { createEvidenceStore, type TelegramFiles } from './evidence-store.ts';
import { createReportAdminService } from './report-admin.ts';
import { createEvidencePublicity } from './report-evidence-withhold.ts';
import { processReportDeadlines, type DeadlineRun } from './report-deadlines.ts';
import { createReportCitizenService, reportPersonalData } from './report-citizen.ts';
import { createReportQueries, type ReportQueries } from './report-queries.ts';
import { createReportService, type ReportOptions, type ReportService } from './report-service.ts';
import { createReportStaffChat, type ReportStaffChat } from './staff-chat.ts';
import { createReportTemplateService, type ReportTemplateService } from './report-templates.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    reports: ReportService;
    reportCitizen: ReturnType<typeof createReportCitizenService>;
    reportTemplates: ReportTemplateService;
    reportAdmin: ReturnType<typeof createReportAdminService>;
    evidence: ReturnType<typeof createEvidenceStore>;
    /** which files the public may see, and staff withholding one (issue 17) */
    evidencePublicity: ReturnType<typeof createEvidencePublicity>;
    /** staff reads in the caller's scope */
    reportQueries: ReportQueries;
    /** the departments' Telegram groups */
    reportStaffChat: ReportStaffChat;
    /** overdue and escalated reports (the report-deadlines job) */
    reportDeadlines: { process(): Promise<DeadlineRun> };
  }
  interface CapabilityOptions {
    /** civic-control settings (config REPORT_*); defaults as in DOMAIN.md and the issue */
    reports?: ReportOptions;
    /** where evidence and other files fetched from Telegram are kept */
    storageDir?: string;
    /** Telegram's file downloads (BOT_TOKEN set), for evidence the bot received */
    telegramFiles?: TelegramFiles;
  }
}

/** REPORT_ESCALATION_WORKING_DAYS's default (app/config.ts), for services composed without the setting */
const ESCALATION_WORKING_DAYS = 2;

export const reportsDomain: DomainModule<
  'reports' | 'reportCitizen' | 'reportTemplates' | 'reportAdmin' | 'evidence' | 'evidencePublicity' | 'reportQueries' | 'reportStaffChat' | 'reportDeadlines'
> = {
  name: 'reports',
  services: ({ db, prisma, calendar, i18n, logger, now, options, publicChanges, chatState }) => {
    const reports = createReportService({ prisma, calendar, i18n, now, ...options.reports });
    const reportTemplates = createReportTemplateService({ prisma, calendar, now });
    const evidence = createEvidenceStore({ prisma, storageDir: options.storageDir, telegramFiles: options.telegramFiles, now });
    return {
      reports,
      reportCitizen: createReportCitizenService({ prisma, reports, now, publicChanges, chatState }),
      reportTemplates,
      reportAdmin: createReportAdminService({ prisma, reports, templates: reportTemplates, i18n, logger, now, publicChanges }),
      evidence,
      evidencePublicity: createEvidencePublicity({ prisma, now, publicChanges, open: evidence.open }),
      reportQueries: createReportQueries({ sql: db.sql, now }),
      reportStaffChat: createReportStaffChat({ prisma, i18n, now }),
      reportDeadlines: {
        process: () =>
          processReportDeadlines({ prisma, calendar, i18n, now, escalationWorkingDays: options.reports?.escalationWorkingDays ?? ESCALATION_WORKING_DAYS }),
      },
    };
  },
  personalData: ({ chatState }) => reportPersonalData(chatState),
  demo: {
    schedule: scheduleReports,
    count: async ({ prisma: p }) => ({
      reports: await p.report.count(),
      reportEvents: await p.reportEvent.count(),
      evidenceStored: await p.reportEvidence.count({ where: { storedPath: { not: null } } }),
    }),
  },
};
