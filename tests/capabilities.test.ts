// Every capability is declared once, in its manifest (app/capabilities/<name>.ts), and the one list
// (app/capabilities/index.ts) is what the composition roots read. This holds each manifest to what it
// claims, without a database: its services exist, its locale namespaces exist in kk and ru, its console
// screens are where it says, its routes sit under /api/, and no two capabilities share a feature, flow,
// job, command, menu entry or deep link. The main menu looks as it always did.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../app/capabilities/index.ts';
import type { Capability, RouteDeps } from '../app/capability.ts';
import { capabilityFeatures, capabilityJobs, createAppServices } from '../app/compose.ts';
import { parseConfig } from '../app/config.ts';
import { buildCatalog } from '../bot/menu.ts';
import { telegramChat } from '../bot/telegram/chat-port.ts';
import type { Database } from '../core/db/client.ts';
import { createI18n, LOCALES } from '../core/i18n/i18n.ts';
import { createServices } from '../core/services.ts';
import { buildServer } from '../server/app.ts';
import { testLogger } from './helpers/silent-logger.ts';

const i18n = createI18n();
/** Services are built without touching the database; nothing here runs a query. */
const db = { kind: 'pglite', prisma: {}, describe: 'none', close: async () => {} } as unknown as Database;
const options = { db, logger: testLogger, sessionTtlHours: 12, i18n };
const features = await capabilityFeatures({ i18n });
const duplicates = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);
/** Namespaces every part of the system shares, owned by no capability. */
const FOUNDATION_NAMESPACES = ['common', 'errors'];

describe('capability manifests', () => {
  it('are listed once each, under the names of the layout, each with its folders in the layers it uses', () => {
    const names = CAPABILITIES.map((c) => c.name);
    expect(duplicates(names)).toEqual([]);
    for (const c of CAPABILITIES) {
      expect(c.name, c.name).toMatch(/^[a-z][a-z0-9]*$/);
      if (c.services) expect(existsSync(`core/${c.name}/index.ts`), `core/${c.name}/index.ts`).toBe(true);
      if (c.bot) expect(existsSync(`bot/${c.name}`), `bot/${c.name}/`).toBe(true);
      if (c.routes) expect(existsSync(`server/${c.name}`), `server/${c.name}/`).toBe(true);
    }
  });

  it('add the services they declare, none twice, and the list builds all of them', () => {
    const services = createAppServices(options) as unknown as Record<string, unknown>;
    const platform = Object.keys(createServices(options, []));
    const added = CAPABILITIES.map((c) => ({ name: c.name, keys: Object.keys(c.services?.({ ...createServices(options, []), options, sections: [] }) ?? {}) }));
    for (const { name, keys } of added) {
      if (CAPABILITIES.find((c) => c.name === name)!.services) expect(keys.length, name).toBeGreaterThan(0);
      for (const k of keys) expect(services[k], `${name}: services.${k}`).toBeTruthy();
    }
    expect(duplicates([...platform, ...added.flatMap((a) => a.keys)])).toEqual([]);
    expect(Object.keys(services).sort()).toEqual([...platform, ...added.flatMap((a) => a.keys)].sort());
    // a capability's own key, where it has one, carries its name
    for (const name of ['citizens', 'staff', 'reference', 'reports', 'discussions', 'volunteering', 'projects', 'polls', 'analytics'])
      expect(services[name], name).toBeTruthy();
  });

  it('name locale namespaces that exist in kk and ru, and every namespace belongs to one capability or to all', () => {
    const claimed = CAPABILITIES.flatMap((c) => c.locales);
    expect(duplicates(claimed)).toEqual([]);
    for (const lng of LOCALES) {
      const files = readdirSync(path.join('locales', lng)).map((f) => f.replace(/\.json$/, ''));
      for (const ns of claimed) expect(files, `locales/${lng}/${ns}.json`).toContain(ns);
      expect(files.filter((ns) => !claimed.includes(ns) && !FOUNDATION_NAMESPACES.includes(ns))).toEqual([]);
    }
  });

  it('have console screens exactly where they say: web/src/screens/<folder>/index.ts', () => {
    const folders = readdirSync('web/src/screens', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join('web/src/screens', d.name, 'index.ts')))
      .map((d) => d.name)
      .sort();
    const declared = CAPABILITIES.flatMap((c) => (c.console === true ? [c.name] : c.console ? [c.console] : []));
    expect(duplicates(declared)).toEqual([]);
    expect(declared.sort()).toEqual(folders);
  });

  it('register their routes under /api/ (Open311 keeps its public /open311/v2, the portal its public pages, reports and initiatives their public photos)', async () => {
    const services = createAppServices(options);
    const deps: RouteDeps = { services, i18n, cookieSecure: false };
    const urlsOf = async (c: Capability) => {
      const urls: string[] = [];
      const collect: FastifyPluginAsyncZod = async (app) => {
        app.addHook('onRoute', (r) => void urls.push(r.url));
        for (const routes of (await c.routes?.(deps)) ?? []) await app.register(routes);
      };
      const app = await buildServer({ services, i18n, logger: testLogger, cookieSecure: false, routes: [collect] });
      await app.close();
      return urls;
    };
    for (const c of CAPABILITIES.filter((x) => x.routes)) {
      const urls = await urlsOf(c);
      expect(urls.length, c.name).toBeGreaterThan(0);
      const prefix =
        c.name === 'open311'
          ? /^\/(api|open311\/v2)\//
          : c.name === 'portal'
            ? /^\/((kk|ru)(\/.*)?|embed\/(kk|ru)\/.+|lang\/:lang|portal\/static\/.+)$/
            : c.name === 'reports'
              ? /^\/(api\/|media\/r\/:evidenceId$)/
              : c.name === 'initiatives'
                ? /^\/(api\/|media\/i\/:photoId$)/
                : /^\/api\//;
      expect(
        urls.filter((u) => !prefix.test(u)),
        c.name,
      ).toEqual([]);
    }
  });

  it('give every bot feature, flow, command, menu entry, deep link and job a name of its own', async () => {
    expect(duplicates(features.map((f) => f.name))).toEqual([]);
    const flows = features.flatMap((f) => f.flows ?? []);
    expect(duplicates(flows.map((f) => f.id))).toEqual([]);
    for (const f of flows) expect(Number.isInteger(f.version) && f.version >= 1, f.id).toBe(true);
    expect(duplicates(features.flatMap((f) => (f.commands ?? []).map((c) => c.command)))).toEqual([]);
    const menu = features.flatMap((f) => f.menu ?? []);
    expect(duplicates(menu.map((e) => e.key))).toEqual([]);
    expect(duplicates(menu.map((e) => String(e.order)))).toEqual([]);
    expect(duplicates(features.flatMap((f) => Object.keys(f.deepLinks ?? {})))).toEqual([]);
    const config = parseConfig({ BOT_TOKEN: '123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, '/srv/azamat');
    const jobs = await capabilityJobs({ services: createAppServices(options), config, logger: testLogger, chat: telegramChat(async () => ({})) });
    expect(jobs.map((j) => j.name).sort()).toEqual([
      'calendar-rollover',
      'discussion-deadlines',
      'impact-indicator-reminders',
      'impact-story-calls',
      'monitoring-alerts',
      'monitoring-deadlines',
      'poll-waves',
      'question-chat-sync',
      'question-deadlines',
      'question-rating-reminder',
      'report-deadlines',
      'staff-chat-sync',
      'volunteer-reminders',
    ]);
  });

  it('make the main menu of today: four rows of two and the initiatives in a row of their own, in this order, in both languages', () => {
    const catalog = buildCatalog(features, i18n);
    expect(catalog.rows.map((row) => row.map((e) => e.key))).toEqual([
      ['report', 'my_reports'],
      ['ask', 'topics'],
      ['polls', 'volunteer'],
      ['settings', 'help'],
      ['initiatives'],
    ]);
    for (const lng of LOCALES) {
      const t = i18n.getFixedT(lng);
      for (const e of catalog.rows.flat()) expect(catalog.byLabel.get(t(`common:menu.${e.key}`))).toBe(e);
    }
    expect(catalog.commands.map((c) => c.command)).toEqual([
      'start',
      'language',
      'menu',
      'help',
      'cancel',
      'report',
      'myreports',
      'ask',
      'myquestions',
      'topics',
      'volunteer',
      'polls',
      'mydata',
      'deletedata',
    ]);
  });
});
