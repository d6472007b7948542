// Limits and small rules of social projects, shared by the service, the API schemas and the bot. Pure
// (the console reads the API schemas' types): scope is in project-scope.ts, invitations in project-invite.ts.
import type { ProjectStatus } from '../../generated/prisma/enums.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';

export const NAME_MAX = 500;
export const SUPPLIER_MAX = 300;
export const TEXT_MAX = 8000;
export const PLACE_MAX = 300;
export const FORM_MAX = 300;
export const COMPLETENESS_MAX = 500;
/** one event of a regional project rarely gathers more; a typo like 100000 is refused */
export const PARTICIPANTS_MAX = 50_000;
/** thousand tenge; the largest contracts of the state social order are far below */
export const CONTRACT_SUM_MAX = 10_000_000;
/** Rows of a beneficiary list one CSV import may hold. */
export const IMPORT_MAX_ROWS = 20_000;
/** The ten social statuses of the grant report (seed 004). */
export const SOCIAL_STATUS_CODES: readonly string[] = socialStatuses.map((s) => s.code);

/** Draft → active (the invitation works) → finished (activities and results recorded, evaluation opens). */
export const NEXT_STATUS: Record<ProjectStatus, ProjectStatus | null> = { draft: 'active', active: 'finished', finished: null };

/** A calendar date (YYYY-MM-DD) as the Date Prisma stores in a `@db.Date` column. */
export const dateOnly = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export const nameIn = (p: { nameKk: string; nameRu: string }, locale: string) => (locale === 'kk' ? p.nameKk || p.nameRu : p.nameRu || p.nameKk);
