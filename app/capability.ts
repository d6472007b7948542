// What a capability declares, once: its core half (services, personal data, demo: core/<name>/index.ts) and
// everything the composition roots plug in for it: locale namespaces, bot features, API routes, jobs and
// console screens. One manifest per capability in app/capabilities/<name>.ts; the list is app/capabilities/index.ts.
// Its bot features, routes and jobs are loaders that import their modules when called (`await import(…)`, a chunk
// of the bundle each), so a process reads only what it runs: no grammY without the bot and its token, no route
// module without the API.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import type { Feature } from '../bot/features.ts';
import type { ChatPort } from '../core/outbox/chat-port.ts';
import type { CapabilityOptions, DomainModule, Services } from '../core/services.ts';
import type { Job } from '../jobs/scheduler.ts';
import type { SystemStatusDeps } from '../server/system/system-status.ts';
import type { Config } from './config.ts';

export interface SettingsDeps {
  config: Config;
  /** the bot's username: configured, else the running bot's own (known after getMe), else null */
  botUsername(): string | null;
}

export interface FeatureDeps {
  i18n: i18n;
}

export interface RouteDeps {
  services: Services;
  i18n: i18n;
  /** the session cookie's Secure flag (config COOKIE_SECURE) */
  cookieSecure: boolean;
  /** the system-status screen's view of Telegram (a process with the bot's token) */
  system?: SystemStatusDeps;
}

export interface JobDeps {
  services: Services;
  config: Config;
  logger: Logger;
  /** Telegram through a Bot API client of the jobs' own (BOT_TOKEN set): they handle 429s themselves */
  chat?: ChatPort;
}

export interface Capability extends DomainModule {
  /** its namespaces in locales/{kk,ru} */
  locales: string[];
  /** its settings, from the configuration (app/config.ts), for its services */
  settings?(deps: SettingsDeps): Partial<CapabilityOptions>;
  /** its bot features, in the order their handlers see an update (loaded only where the bot runs) */
  bot?(deps: FeatureDeps): Promise<Feature[]>;
  /** its API route modules, registered under /api/ after the foundation's (loaded only where the API runs) */
  routes?(deps: RouteDeps): Promise<FastifyPluginAsyncZod[]>;
  /** its scheduled jobs (node-cron in Asia/Almaty, each under a lease so one instance runs it; loaded only where the jobs run) */
  jobs?(deps: JobDeps): Promise<Job[]>;
  /**
   * Its console screens: `true` for web/src/screens/<name>/index.ts, or the folder it shares (the admin
   * shell, web/src/screens/admin/, holds the staff, reference and API-key tabs). The console finds the
   * folders itself (web/build.mjs); this is what tests/capabilities.test.ts holds them to.
   */
  console?: true | string;
}
