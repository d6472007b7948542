// Expert evaluation of social projects: expert councils and their scoring (services: services.projects).
import { expertCouncilRoutes } from '../../server/evaluation/expert-councils.ts';
import { expertEvaluationRoutes } from '../../server/evaluation/expert-evaluation.ts';
import type { Capability } from '../capability.ts';

export const evaluation: Capability = {
  name: 'evaluation',
  locales: [],
  routes: ({ services }) => [expertCouncilRoutes(services), expertEvaluationRoutes(services)],
};
