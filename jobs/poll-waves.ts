// Every minute (and once at start): closes waves whose end has come, carries on "send to all" where it
// stopped (a restart, a list too long for one request, beneficiaries who joined since) and reminds
// non-respondents once after their wave's delay (core/polls/poll-distribution.ts). Dedupe keys per wave
// and beneficiary make every run safe to repeat.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { runPollWaves } from '../core/polls/poll-distribution.ts';
import type { Job } from './scheduler.ts';

export function createPollWavesJob(deps: { prisma: PrismaClient; i18n: i18n; now?: () => Date }): Job {
  return {
    name: 'poll-waves',
    schedule: '* * * * *',
    // Sending a poll wave that a stop interrupted carries on at once, not at the next minute.
    runAtStart: true,
    run: () => runPollWaves(deps),
  };
}
