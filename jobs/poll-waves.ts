// Every minute (and once at start): closes waves whose end has come, carries on "send to all" where it
// stopped (a restart, a list too long for one request, beneficiaries who joined since) and reminds
// non-respondents once after their wave's delay (core/polls/poll-distribution.ts, services.polls.processWaves).
// Dedupe keys per wave and beneficiary make every run safe to repeat.
import type { Job } from './scheduler.ts';

export function createPollWavesJob(polls: { processWaves(): Promise<{ closed: number; invited: number; reminded: number }> }): Job {
  return {
    name: 'poll-waves',
    schedule: '* * * * *',
    // Sending a poll wave that a stop interrupted carries on at once, not at the next minute.
    runAtStart: true,
    run: () => polls.processWaves(),
  };
}
