// Limits and small rules of social projects, shared by the service, the API schemas and the bot.
import { randomBytes } from 'node:crypto';
import type { ProjectStatus } from '../../generated/prisma/enums.ts';
import type { SocialProject } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, type DomainError } from '../errors.ts';
import { assertCovers, coverWhere, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope, scopedKind } from '../staff/scoped-records.ts';

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

/** Draft → active (the invitation works) → finished (activities and results recorded, evaluation opens). */
export const NEXT_STATUS: Record<ProjectStatus, ProjectStatus | null> = { draft: 'active', active: 'finished', finished: null };

/** 12 characters of [A-Za-z0-9_-]: fits Telegram's start payload and cannot be guessed from a project id. */
export const newInviteCode = () => randomBytes(9).toString('base64url');

/** A calendar date (YYYY-MM-DD) as the Date Prisma stores in a `@db.Date` column. */
export const dateOnly = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Projects belong to a region (or to the whole country): a manager's district or department does not
 * narrow what they see, since a project serves the region.
 */
export const PROJECT = scopedKind<SocialProject>({
  notFound: 'project.not_found',
  rule: SCOPES.region,
  load: (db, id) => db.socialProject.findUnique({ where: { id } }),
});

export function assertProjectScope(p: StaffPrincipal, project: { regionId: number | null }): void {
  assertCovers(SCOPES.region, p, project);
}

export const projectScopeWhere = (p: StaffPrincipal) => coverWhere(SCOPES.region, p);

/**
 * A project that a body names for new work on it (a volunteering opportunity): in the caller's scope and
 * not finished, as for its own events (409 project.finished).
 */
export async function openProject(db: Tx, p: StaffPrincipal, id: number, missing?: () => DomainError): Promise<SocialProject> {
  const project = await loadInScope(db, p, PROJECT, id, missing);
  if (project.status === 'finished') throw conflict('project.finished');
  return project;
}

export const nameIn = (p: { nameKk: string; nameRu: string }, locale: string) => (locale === 'kk' ? p.nameKk || p.nameRu : p.nameRu || p.nameKk);
