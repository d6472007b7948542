// Satisfaction polls of social projects: answering in the bot, waves sent to beneficiaries, results.
import { pollsDomain } from '../../core/polls/index.ts';
import type { Capability } from '../capability.ts';

export const polls: Capability = {
  ...pollsDomain,
  locales: ['polls'],
  bot: async () => [(await import('../../bot/polls/poll.ts')).createPollFeature()],
  routes: async ({ services }) => [
    (await import('../../server/polls/polls.ts')).pollRoutes(services),
    (await import('../../server/polls/poll-results.ts')).pollResultRoutes(services),
  ],
  jobs: async ({ services }) => [(await import('../../jobs/poll-waves.ts')).createPollWavesJob(services.polls)],
  console: true,
};
