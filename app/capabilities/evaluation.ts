// Expert evaluation of social projects: expert councils and their scoring (services: services.projects).
import type { Capability } from '../capability.ts';

export const evaluation: Capability = {
  name: 'evaluation',
  locales: [],
  routes: async ({ services }) => [
    (await import('../../server/evaluation/expert-councils.ts')).expertCouncilRoutes(services),
    (await import('../../server/evaluation/expert-evaluation.ts')).expertEvaluationRoutes(services),
  ],
};
