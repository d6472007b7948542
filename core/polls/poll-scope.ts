// Polls belong to a social project and are scoped by its region, as the projects are: a project
// manager of a region sees that region's projects; a national project (no region) only staff without
// a region scope. Departments and districts do not narrow it (a project is not an akimat department's).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import { SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope, scopedKind } from '../staff/scoped-records.ts';

const PROJECT_PART = { select: { id: true, regionId: true, nameKk: true, nameRu: true, status: true } } as const;

export const POLL = scopedKind({
  notFound: 'poll.not_found',
  rule: SCOPES.region,
  load: (db, id) => db.poll.findUnique({ where: { id }, include: { project: PROJECT_PART } }),
  place: (poll) => poll.project,
});

export const WAVE = scopedKind({
  notFound: 'poll.wave_not_found',
  rule: SCOPES.region,
  load: (db, id) => db.pollWave.findUnique({ where: { id }, include: { poll: { include: { project: PROJECT_PART } } } }),
  place: (wave) => wave.poll.project,
});

/** The poll with its project's region, checked against the staff member's scope. */
export const scopedPoll = (db: Tx | PrismaClient, p: StaffPrincipal, pollId: number) => loadInScope(db, p, POLL, pollId);

export const scopedWave = (db: Tx | PrismaClient, p: StaffPrincipal, waveId: number) => loadInScope(db, p, WAVE, waveId);
