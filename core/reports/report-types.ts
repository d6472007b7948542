// The shapes of civic-control reports shared by filing, the status machine and their callers.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { EvidenceKind, ReportStatus } from '../../generated/prisma/enums.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const EVIDENCE_MAX = 10;

export interface EvidenceInput {
  kind: EvidenceKind;
  telegramFileId?: string;
  fileUniqueId?: string;
  mimeType?: string;
  fileName?: string;
  fileSize?: number;
  url?: string;
}

export interface NewReport {
  source: 'bot' | 'open311' | 'staff';
  citizenId?: number | null;
  apiClientId?: number | null;
  categoryId: number;
  regionId: number;
  districtId?: number | null;
  lat?: number | null;
  lon?: number | null;
  address?: string | null;
  description: string;
  anonymous?: boolean;
  /** the author chose to show their name publicly (only a citizen's own answer sets it) */
  showName?: boolean;
  evidence: EvidenceInput[];
}

export interface StatusChange {
  to: ReportStatus;
  publicNote?: string | null;
  /**
   * The public note in each language (from a response template): followers who read the other
   * language get it in theirs. `publicNote` is the one in the author's language.
   */
  publicNoteByLocale?: Partial<Record<'kk' | 'ru', string>>;
  internalNote?: string | null;
  duplicateOfId?: number | null;
}

export interface ReportOptions {
  /** radius for possible duplicates, metres */
  duplicateRadiusM?: number;
  /** how long after resolution the author may reopen, days */
  reopenWindowDays?: number;
  /** most reports one citizen may file per (Almaty) day */
  perDay?: number;
  /** working days after the due time before an overdue report is escalated to admins */
  escalationWorkingDays?: number;
}

export interface ReportServiceDeps extends ReportOptions {
  prisma: PrismaClient;
  calendar: CalendarService;
  i18n: i18n;
  now?: () => Date;
}
