// Polls belong to a social project and are scoped by its region, as the projects are: a project
// manager of a region sees that region's projects; a national project (no region) only staff without
// a region scope. Departments and districts do not narrow it (a project is not an akimat department's).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import { assertProjectScope } from '../projects/project-rules.ts';
import type { StaffPrincipal } from '../staff/scope.ts';

/** The poll with its project's region, checked against the staff member's scope. */
export async function scopedPoll(db: Tx | PrismaClient, p: StaffPrincipal, pollId: number) {
  const poll = await db.poll.findUnique({ where: { id: pollId }, include: { project: { select: { id: true, regionId: true, nameKk: true, nameRu: true, status: true } } } });
  if (!poll) throw notFound('poll.not_found');
  assertProjectScope(p, poll.project);
  return poll;
}

export async function scopedWave(db: Tx | PrismaClient, p: StaffPrincipal, waveId: number) {
  const wave = await db.pollWave.findUnique({ where: { id: waveId }, include: { poll: { include: { project: { select: { id: true, regionId: true, nameKk: true, nameRu: true, status: true } } } } } });
  if (!wave) throw notFound('poll.wave_not_found');
  assertProjectScope(p, wave.poll.project);
  return wave;
}
