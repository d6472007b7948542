// The capabilities' parts gathered from the one list (app/capabilities/index.ts), for the composition root
// (app/app.ts), the demo, the benchmarks and the tests. Bot features, routes and jobs are loaded when asked for
// (each manifest imports them then), in the list's order.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Feature } from '../bot/features.ts';
import { createServices, type CapabilityOptions, type ServiceOptions, type ServicesWithDb } from '../core/services.ts';
import type { Job } from '../jobs/scheduler.ts';
import type { ServerDeps } from '../server/app.ts';
import { CAPABILITIES } from './capabilities/index.ts';
import type { Capability, FeatureDeps, JobDeps, RouteDeps, SettingsDeps } from './capability.ts';

export const createAppServices = (options: ServiceOptions): ServicesWithDb => createServices(options, CAPABILITIES);

export const capabilitySettings = (deps: SettingsDeps): Partial<CapabilityOptions> => Object.assign({}, ...CAPABILITIES.map((c) => c.settings?.(deps)));

/** Every capability's part (a loader each), loaded side by side, in the list's order. */
const gather = async <T>(load: (c: Capability) => Promise<T[]> | undefined): Promise<T[]> =>
  (await Promise.all(CAPABILITIES.map((c) => load(c) ?? Promise.resolve([])))).flat();

export const capabilityFeatures = (deps: FeatureDeps): Promise<Feature[]> => gather((c) => c.bot?.(deps));

export const capabilityRoutes = (deps: RouteDeps): Promise<FastifyPluginAsyncZod[]> => gather((c) => c.routes?.(deps));

export const capabilityJobs = (deps: JobDeps): Promise<Job[]> => gather((c) => c.jobs?.(deps));

/** The API with every capability's routes after the foundation's; Fastify itself loaded only by a process that serves. */
export async function buildAppServer(deps: Omit<ServerDeps, 'routes'>): Promise<FastifyInstance> {
  const [{ buildServer }, routes] = await Promise.all([
    import('../server/app.ts'),
    capabilityRoutes({ services: deps.services, i18n: deps.i18n, cookieSecure: deps.cookieSecure, system: deps.system }),
  ]);
  return buildServer({ ...deps, routes });
}
