import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv, parseConfig } from '../app/config.ts';

const parseError = (env: Record<string, string>) => {
  try {
    parseConfig(env, '/srv/azamat');
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('starts with no configuration at all, on the documented defaults', () => {
    const c = parseConfig({}, '/srv/azamat');
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.PORT).toBe(3000);
    expect(c.dataDir).toBe('/srv/azamat/data');
    expect(c.storageDir).toBe('/srv/azamat/data/storage');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.BOT_TOKEN).toBeUndefined();
    expect(c.LOG_LEVEL).toBe('info');
    expect(c.cookieSecure).toBe(false);
  });

  it('keeps metrics off unless METRICS_TOKEN or METRICS_PORT is set, and never echoes the token', () => {
    const off = parseConfig({}, '/srv/azamat');
    expect(off).toMatchObject({ metricsEnabled: false, METRICS_HOST: '127.0.0.1', OUTBOX_STUCK_MINUTES: 15, backupDir: '/srv/azamat/data/backups' });
    expect(parseConfig({ METRICS_PORT: '9464' }, '/srv/azamat').metricsEnabled).toBe(true);
    expect(parseConfig({ METRICS_TOKEN: 'a'.repeat(32), BACKUP_DIR: '/var/backups/azamat' }, '/srv/azamat')).toMatchObject({
      metricsEnabled: true,
      backupDir: '/var/backups/azamat',
    });
    const e = parseError({ METRICS_TOKEN: 'short-secret' });
    expect(e.message).toMatch(/METRICS_TOKEN: must be 16 to 256 characters/);
    expect(e.message).not.toContain('short-secret');
  });

  it('names the variable and the problem when a value is wrong', () => {
    const e = parseError({ PORT: 'eighty' });
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toMatch(/PORT:/);
    expect(e.message).toContain('"eighty"');
  });

  it('lets the portal widgets be framed only by https origins or by any site (*), and names the variable otherwise', () => {
    expect(parseConfig({ PORTAL_EMBED_ORIGINS: 'https://astana.gov.kz https://www.astana.gov.kz:8443' }, '/srv/azamat').PORTAL_EMBED_ORIGINS).toBe(
      'https://astana.gov.kz https://www.astana.gov.kz:8443',
    );
    expect(parseConfig({ PORTAL_EMBED_ORIGINS: '*' }, '/srv/azamat').PORTAL_EMBED_ORIGINS).toBe('*');
    for (const bad of ['http://astana.gov.kz', "https://a.kz 'unsafe-inline'", 'https://a.kz/path'])
      expect(parseError({ PORTAL_EMBED_ORIGINS: bad }).issues[0]).toMatch(/^PORTAL_EMBED_ORIGINS: /);
  });

  it('reports every wrong variable at once', () => {
    const e = parseError({ PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(e.issues.map((i) => i.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
  });

  it('rejects a malformed bot token without printing it', () => {
    const e = parseError({ BOT_TOKEN: 'not-a-token-secret' });
    expect(e.message).toMatch(/BOT_TOKEN: .*BotFather/);
    expect(e.message).not.toContain('not-a-token-secret');
  });

  it('accepts a real-looking token, a PostgreSQL URL and an https webhook', () => {
    const c = parseConfig(
      {
        BOT_TOKEN: '123456789:AAH-abcdefghijklmnopqrstuvwxyz012345',
        DATABASE_URL: 'postgres://u:p@db:5432/azamat',
        WEBHOOK_URL: 'https://bot.example.kz/tg',
        PORT: '8080',
      },
      '/srv',
    );
    expect(c.PORT).toBe(8080);
    expect(c.WEBHOOK_URL).toBe('https://bot.example.kz/tg');
  });

  it('refuses a plain-http webhook, which Telegram would never call', () => {
    expect(parseError({ WEBHOOK_URL: 'http://bot.example.kz/tg' }).message).toMatch(/WEBHOOK_URL: .*https/);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ BOT_TOKEN: '', DATABASE_URL: '  ', PORT: '' }, '/srv').PORT).toBe(3000);
  });

  it('reads .env, with the real environment taking precedence', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azamat-env-'));
    writeFileSync(path.join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n');
    const env = loadEnv({ PORT: '5000' }, dir);
    const c = parseConfig(env, dir);
    expect(c.PORT).toBe(5000);
    expect(c.LOG_LEVEL).toBe('debug');
  });

  it('turns on secure cookies in production', () => {
    expect(parseConfig({ NODE_ENV: 'production' }, '/srv').cookieSecure).toBe(true);
    expect(parseConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }, '/srv').cookieSecure).toBe(false);
  });
});
