// Civic control: citizens' reports, their drafts, evidence and templates, and the operators' work on them.
import type { DomainModule } from '../services.ts';
import { scheduleReports } from './demo.ts';
import { createEvidenceStore, type TelegramFiles } from './evidence-store.ts';
import { createReportAdminService } from './report-admin.ts';
import { createReportCitizenService, reportPersonalData } from './report-citizen.ts';
import { createReportService, type ReportOptions, type ReportService } from './report-service.ts';
import { createReportTemplateService, type ReportTemplateService } from './report-templates.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    reports: ReportService;
    reportCitizen: ReturnType<typeof createReportCitizenService>;
    reportTemplates: ReportTemplateService;
    reportAdmin: ReturnType<typeof createReportAdminService>;
    evidence: ReturnType<typeof createEvidenceStore>;
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

export const reportsDomain: DomainModule<'reports' | 'reportCitizen' | 'reportTemplates' | 'reportAdmin' | 'evidence'> = {
  name: 'reports',
  services: ({ prisma, calendar, i18n, logger, now, options, publicChanges }) => {
    const reports = createReportService({ prisma, calendar, i18n, now, ...options.reports });
    const reportTemplates = createReportTemplateService({ prisma, calendar, now });
    return {
      reports,
      reportCitizen: createReportCitizenService({ prisma, reports, now }),
      reportTemplates,
      reportAdmin: createReportAdminService({ prisma, reports, templates: reportTemplates, i18n, logger, now, publicChanges }),
      evidence: createEvidenceStore({ prisma, storageDir: options.storageDir, telegramFiles: options.telegramFiles, now }),
    };
  },
  personalData: () => reportPersonalData,
  demo: {
    schedule: scheduleReports,
    count: async ({ prisma: p }) => ({
      reports: await p.report.count(),
      reportEvents: await p.reportEvent.count(),
      evidenceStored: await p.reportEvidence.count({ where: { storedPath: { not: null } } }),
    }),
  },
};
