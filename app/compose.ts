// The capabilities' parts gathered from the one list (app/capabilities/index.ts), for the composition root
// (app/app.ts), the demo, the benchmarks and the tests.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Feature } from '../bot/features.ts';
import { createServices, type CapabilityOptions, type ServiceOptions, type ServicesWithDb } from '../core/services.ts';
import type { Job } from '../jobs/scheduler.ts';
import { buildServer, type ServerDeps } from '../server/app.ts';
import { CAPABILITIES } from './capabilities/index.ts';
import type { FeatureDeps, JobDeps, RouteDeps, SettingsDeps } from './capability.ts';

export const createAppServices = (options: ServiceOptions): ServicesWithDb => createServices(options, CAPABILITIES);

export const capabilitySettings = (deps: SettingsDeps): Partial<CapabilityOptions> => Object.assign({}, ...CAPABILITIES.map((c) => c.settings?.(deps)));

export const capabilityFeatures = (deps: FeatureDeps): Feature[] => CAPABILITIES.flatMap((c) => c.bot?.(deps) ?? []);

export const capabilityRoutes = (deps: RouteDeps): FastifyPluginAsyncZod[] => CAPABILITIES.flatMap((c) => c.routes?.(deps) ?? []);

export const capabilityJobs = (deps: JobDeps): Job[] => CAPABILITIES.flatMap((c) => c.jobs?.(deps) ?? []);

/** The API with every capability's routes after the foundation's. */
export function buildAppServer(deps: Omit<ServerDeps, 'routes'>): Promise<FastifyInstance> {
  return buildServer({ ...deps, routes: capabilityRoutes({ services: deps.services, i18n: deps.i18n, cookieSecure: deps.cookieSecure, system: deps.system }) });
}
