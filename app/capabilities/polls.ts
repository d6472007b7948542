// Satisfaction polls of social projects: answering in the bot, waves sent to beneficiaries, results.
import { createPollFeature } from '../../bot/polls/poll.ts';
import { pollsDomain } from '../../core/polls/index.ts';
import { createPollWavesJob } from '../../jobs/poll-waves.ts';
import { pollResultRoutes } from '../../server/polls/poll-results.ts';
import { pollRoutes } from '../../server/polls/polls.ts';
import type { Capability } from '../capability.ts';

export const polls: Capability = {
  ...pollsDomain,
  locales: ['polls'],
  bot: () => [createPollFeature()],
  routes: ({ services }) => [pollRoutes(services), pollResultRoutes(services)],
  jobs: ({ services }) => [createPollWavesJob(services.polls)],
  console: true,
};
