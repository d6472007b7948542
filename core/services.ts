// All domain services, built once by the composition root and handed to the bot, the API and the jobs.
import type { i18n as I18n } from 'i18next';
import type { Logger } from 'pino';
import type { Database } from './db/client.ts';
import { createAnalyticsService } from './analytics/analytics-service.ts';
import { createApiClientService } from './open311/api-client-service.ts';
import { fixedHolidays, movableHolidays, transfers } from '../prisma/seed/holidays.ts';
import { createCalendarService } from './calendar/calendar-service.ts';
import { defaultCalendar } from './calendar/defaults.ts';
import { createCitizenService, type PersonalDataSection } from './citizens/citizen-service.ts';
import { createDiscussionServices, type DiscussionOptions } from './discussions/discussion-services.ts';
import { discussionPersonalData } from './discussions/discussion-citizen.ts';
import { createI18n } from './i18n/i18n.ts';
import { createReferenceService } from './reference/reference-service.ts';
import { createEvidenceStore, type TelegramFiles } from './reports/evidence-store.ts';
import { createReportAdminService } from './reports/report-admin.ts';
import { createReportCitizenService, reportPersonalData } from './reports/report-citizen.ts';
import { createQuestionCitizenService, questionPersonalData } from './consultations/question-citizen.ts';
import { createConsultationLogService } from './consultations/consultation-log.ts';
import { createConsultationTopicService } from './consultations/consultation-topics.ts';
import { createFaqService } from './consultations/faq-service.ts';
import { createQuestionStaffService } from './consultations/question-staff.ts';
import { createReportService, type ReportOptions } from './reports/report-service.ts';
import { createReportTemplateService } from './reports/report-templates.ts';
import { createNoticeService } from './staff/notices.ts';
import { createStaffService } from './staff/staff-service.ts';
import { createPasswordPolicy, type PasswordPolicy } from './staff/password-policy.ts';
import { volunteerPersonalData } from './volunteering/volunteer-profile.ts';
import { createVolunteeringServices } from './volunteering/volunteer-services.ts';
import { createPollServices } from './polls/poll-services.ts';
import { pollPersonalData } from './polls/poll-personal-data.ts';
import { projectPersonalData } from './projects/project-personal-data.ts';
import { createProjectServices, type ProjectOptions } from './projects/project-services.ts';
import { createOpsServices, type OpsOptions } from './ops/ops-services.ts';

export interface ServiceOptions {
  db: Database;
  logger: Logger;
  sessionTtlHours: number;
  now?: () => Date;
  /** for the notices services write; created from locales/ when absent (tests) */
  i18n?: I18n;
  /** civic-control settings (config REPORT_*); defaults as in DOMAIN.md and the issue */
  reports?: ReportOptions;
  /** where evidence and other files fetched from Telegram are kept */
  storageDir?: string;
  /** Telegram's file downloads (BOT_TOKEN set), for evidence the bot received */
  telegramFiles?: TelegramFiles;
  /** public discussion settings (config DISCUSSION_*) */
  discussions?: DiscussionOptions;
  /** social projects (the bot username of invitation links) */
  projects?: ProjectOptions;
  /** the staff password checker; one is made when absent (its dictionaries load at the first check) */
  passwords?: PasswordPolicy;
  /** operations: where backups are, when the outbox counts as stuck */
  ops?: OpsOptions;
}

export function createServices({
  db,
  logger,
  sessionTtlHours,
  now = () => new Date(),
  i18n = createI18n(),
  reports = {},
  storageDir,
  telegramFiles,
  discussions = {},
  projects = {},
  passwords = createPasswordPolicy(),
  ops = {},
}: ServiceOptions) {
  const prisma = db.prisma;
  const calendar = createCalendarService({ prisma, defaults: (year) => defaultCalendar(year, fixedHolidays, movableHolidays, transfers) });
  // Capabilities add their personal-data sections here as they land.
  const personalData: PersonalDataSection[] = [
    reportPersonalData,
    questionPersonalData,
    discussionPersonalData,
    volunteerPersonalData(i18n, now),
    projectPersonalData,
    pollPersonalData,
  ];
  const reportService = createReportService({ prisma, calendar, i18n, now, ...reports });
  const reportTemplates = createReportTemplateService({ prisma, calendar, now });
  return {
    db,
    prisma,
    logger,
    now,
    calendar,
    reference: createReferenceService({ prisma }),
    citizens: createCitizenService({ prisma, sections: personalData, now }),
    staff: createStaffService({ prisma, sessionTtlHours, passwords, now }),
    passwords,
    reports: reportService,
    reportCitizen: createReportCitizenService({ prisma, reports: reportService, now }),
    questionCitizen: createQuestionCitizenService({ prisma, calendar, i18n, now }),
    questionStaff: createQuestionStaffService({ prisma, i18n, now }),
    faq: createFaqService({ prisma, now }),
    consultationLog: createConsultationLogService({ prisma, now }),
    consultationTopics: createConsultationTopicService({ prisma }),
    apiClients: createApiClientService({ prisma, now }),
    i18n,
    reportTemplates,
    reportAdmin: createReportAdminService({ prisma, reports: reportService, templates: reportTemplates, i18n, logger, now }),
    evidence: createEvidenceStore({ prisma, storageDir, telegramFiles, now }),
    notices: createNoticeService({ prisma, now }),
    discussions: createDiscussionServices({ prisma, calendar, i18n, now, ...discussions }),
    volunteering: createVolunteeringServices({ prisma, i18n, now }),
    analytics: createAnalyticsService({ prisma, calendar, i18n, now, concurrent: db.kind === 'postgres' }),
    polls: createPollServices({ prisma, i18n, now }),
    projects: createProjectServices({ prisma, i18n, now, ...projects }),
    ops: createOpsServices({ db, prisma, calendar, now, ...ops }),
  };
}

export type Services = ReturnType<typeof createServices>;
