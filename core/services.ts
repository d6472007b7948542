// All domain services, built once by the composition root and handed to the bot, the API and the jobs.
// Core knows no list of capabilities: the composition root passes their domain modules (app/capabilities/),
// and each module adds its keys to `Services` from its own core/<capability>/index.ts:
//
//   declare module '../services.ts' {
//     interface CapabilityServices { volunteering: VolunteeringServices }
//     interface CapabilityOptions { volunteering?: VolunteeringOptions }   // only if it has settings
//   }
//   export const volunteeringDomain: DomainModule<'volunteering'> = { name: 'volunteering', services: (d) => ({ volunteering: … }) };
//
// (TypeScript merges the interfaces: a key is declared once, next to the code that builds it.)
import type { i18n as I18n } from 'i18next';
import type { Logger } from 'pino';
import type { Database, PrismaClient } from './db/client.ts';
import { fixedHolidays, movableHolidays, transfers } from '../prisma/seed/holidays.ts';
import { createCalendarService, type CalendarService } from './calendar/calendar-service.ts';
import { defaultCalendar } from './calendar/defaults.ts';
import { createChatState, type ChatState } from './chat-state/chat-state.ts';
import type { PersonalDataSection } from './citizens/citizen-service.ts';
import type { DemoModule } from './demo/demo-context.ts';
import { createI18n } from './i18n/i18n.ts';
import { createOpsServices, type OpsOptions, type OpsServices } from './ops/ops-services.ts';
import { createPublicChanges, type PublicChanges } from './portal/public-changes.ts';

/** The keys each capability adds to `Services` (declaration merging, one block per core/<capability>/index.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CapabilityServices {}

/** Settings of the capabilities (config values the composition root passes in), merged the same way. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CapabilityOptions {}

export interface PlatformOptions {
  db: Database;
  logger: Logger;
  now?: () => Date;
  /** for the notices services write; created from locales/ when absent (tests) */
  i18n?: I18n;
  /** operations: where backups are, when the outbox counts as stuck */
  ops?: OpsOptions;
}

export type ServiceOptions = PlatformOptions & CapabilityOptions;

/** What every capability's services are built on. */
export interface PlatformServices {
  db: Database;
  prisma: PrismaClient;
  logger: Logger;
  now: () => Date;
  i18n: I18n;
  /** the working-day calendar: deadlines of reports, questions and discussions run on it */
  calendar: CalendarService;
  /** the bot's key-value state (sessions, conversations, staff groups' notes) */
  chatState: ChatState;
  /** changes public pages must show at once (a report hidden): the portal's cache listens */
  publicChanges: PublicChanges;
  /** operations, for admins and monitoring: the outbox queue, job runs, gauges, database, backups, version */
  ops: OpsServices;
}

/**
 * What flows, routes, jobs and capabilities are given: no database. Reads and writes go through the
 * capabilities' services, which apply scope themselves (DomainDeps, below, gives core the database).
 */
export type Services = Omit<PlatformServices, 'db' | 'prisma'> & CapabilityServices;

/** The services with the database beside them: only the composition root (which opened it) and tests' fixtures hold these. */
export type ServicesWithDb = Services & Pick<PlatformServices, 'db' | 'prisma'>;

export interface DomainDeps extends PlatformServices {
  /** the options as the composition root gave them, capability settings included */
  options: ServiceOptions;
  /** every capability's personal-data section, in list order (the citizens' services show and erase them) */
  sections: PersonalDataSection[];
}

/**
 * The core half of a capability: the services it adds (the keys `K`), its part of what a citizen's
 * /mydata shows and /deletedata erases, and its part of the demo. The list order is the order of the
 * personal-data sections and of the demo.
 */
export interface DomainModule<K extends keyof CapabilityServices = never> {
  /** the capability's name, the same in every layer */
  name: string;
  services?(deps: DomainDeps): { [P in K]: CapabilityServices[P] };
  personalData?(deps: Omit<DomainDeps, 'sections'>): PersonalDataSection;
  demo?: DemoModule;
  /**
   * Plugs the capability into an earlier one's extension point once every service exists (impact into
   * monitoring's Annex 9 column 7): the earlier capability never imports the later one.
   */
  connect?(services: Services): void;
}

export function createServices(options: ServiceOptions, modules: readonly DomainModule[]): ServicesWithDb {
  const { db, logger, now = () => new Date(), i18n = createI18n() } = options;
  const prisma = db.prisma;
  const calendar = createCalendarService({ prisma, defaults: (year) => defaultCalendar(year, fixedHolidays, movableHolidays, transfers) });
  const platform: PlatformServices = {
    db,
    prisma,
    logger,
    now,
    i18n,
    calendar,
    chatState: createChatState({ prisma, sql: db.sql, prepareInSql: db.kind === 'pglite' }),
    publicChanges: createPublicChanges(),
    ops: createOpsServices({ db, prisma, calendar, now, ...options.ops }),
  };
  const base = { ...platform, options };
  const sections = modules.flatMap((m) => (m.personalData ? [m.personalData(base)] : []));
  const services: Record<string, unknown> = { ...platform };
  for (const m of modules) {
    for (const [key, value] of Object.entries(m.services?.({ ...base, sections }) ?? {})) {
      // Two capabilities answering to one name would silently replace each other's services.
      if (key in services) throw new Error(`services.${key} is added twice (again by ${m.name})`);
      services[key] = value;
    }
  }
  for (const m of modules) m.connect?.(services as unknown as Services);
  return services as unknown as ServicesWithDb;
}
