// Readiness for a load balancer or a supervisor: the database answers, this version's migrations are
// applied, and what this process runs works — the outbox is not stuck where it is sent from, the bot is
// connected where it runs (that check comes from bot/, which knows Telegram). Each process reports
// what it runs, so an API-only instance is not taken out of service because Telegram is down.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { migrationStatus } from '../db/migration-status.ts';
import { outboxState } from './outbox-state.ts';

export interface CheckResult {
  ok: boolean;
  /** what was found, in English, for people and logs */
  detail: string;
}

export type ReadinessCheck = () => Promise<CheckResult>;

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export function databaseCheck(prisma: PrismaClient): ReadinessCheck {
  return async () => {
    const started = performance.now();
    try {
      await prisma.$queryRaw`SELECT 1`;
      return { ok: true, detail: `answers in ${Math.round(performance.now() - started)} ms` };
    } catch (e) {
      return { ok: false, detail: `does not answer: ${(e as Error).message.split('\n')[0]}` };
    }
  };
}

export function migrationsCheck(prisma: PrismaClient): ReadinessCheck {
  let applied = false;
  return async () => {
    // Once this version's migrations are in, they stay in while the process runs.
    if (applied) return { ok: true, detail: 'all applied' };
    const s = await migrationStatus(prisma);
    if (s.failed.length > 0) return { ok: false, detail: `failed half-way: ${s.failed.join(', ')}` };
    if (s.pending.length > 0) return { ok: false, detail: `not applied: ${s.pending.join(', ')}` };
    applied = true;
    return { ok: true, detail: `all ${s.applied.length} applied` };
  };
}

export function outboxCheck(prisma: PrismaClient, now: () => Date, stuckAfterMs: number): ReadinessCheck {
  return async () => {
    const s = await outboxState(prisma, now(), stuckAfterMs);
    if (s.stuck)
      return {
        ok: false,
        detail: `stuck: the oldest notification has waited ${s.oldestQueuedSeconds} s and none was sent for ${Math.round(stuckAfterMs / 60_000)} min`,
      };
    return { ok: true, detail: `${s.counts.pending + s.counts.sending} waiting, the oldest for ${s.oldestQueuedSeconds} s` };
  };
}

/** Runs every check (a thrown one counts as failed); ready when all pass. */
export async function checkReadiness(checks: Record<string, ReadinessCheck>): Promise<Readiness> {
  const names = Object.keys(checks);
  const results = await Promise.all(
    names.map((n) => checks[n]!().catch((e: unknown) => ({ ok: false, detail: `check failed: ${(e as Error).message.split('\n')[0]}` }))),
  );
  const out: Record<string, CheckResult> = {};
  names.forEach((n, i) => (out[n] = results[i]!));
  return { ready: results.every((r) => r.ok), checks: out };
}
