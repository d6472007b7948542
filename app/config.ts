// The only place that reads the environment: parsed once with zod, failing fast with the variable's name.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

// Empty variables are dropped before parsing, so "optional" also covers VAR= in .env.
const url = z.url({ error: 'must be a full URL, e.g. https://example.kz/path' });

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'looks wrong: a token from @BotFather is like 123456789:AA…')
    .optional(),
  TELEGRAM_API_ROOT: url.optional(),
  BOT_USERNAME: z
    .string()
    .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, "is the bot's username from @BotFather, e.g. azamat_kz_bot")
    .transform((v) => v.replace(/^@/, ''))
    .optional(),
  WEBHOOK_URL: url.startsWith('https://', 'Telegram only calls https:// webhooks').optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'may contain only A-Z, a-z, 0-9, _ and -, 1 to 256 characters')
    .optional(),
  ADMIN_LOGIN: z.string().min(1).default('admin'),
  // Length here; that it is not easy to guess is checked at start-up, where the strength checker is loaded.
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters, and not a common or guessable password').max(200).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  OUTBOX_RATE_PER_SECOND: z.coerce.number().min(1).max(1000).default(30),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  BOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** connections to the Bot API the bot keeps open and reuses, at most */
  BOT_HTTP_CONNECTIONS: z.coerce.number().int().min(1).max(256).default(16),
  STORAGE_DIR: z.string().min(1).optional(),
  REPORTS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(5),
  REPORT_DUPLICATE_RADIUS_M: z.coerce.number().int().min(10).max(5000).default(150),
  REPORT_REOPEN_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REPORT_ESCALATION_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  DISCUSSION_FLAGS_TO_HIDE: z.coerce.number().int().min(1).max(1000).default(3),
  PUBLIC_COMMENT_FLAGS_TO_HIDE: z.coerce.number().int().min(1).max(1000).default(3),
  /** civic initiatives one citizen may propose a day (issue 18) */
  INITIATIVES_PER_DAY: z.coerce.number().int().min(1).max(100).default(3),
  QUESTION_ESCALATION_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(1),
  MAP_TILE_URL: z
    .string()
    .regex(
      /^https?:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/,
      'must be a tile URL template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    )
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().max(500).default('© OpenStreetMap contributors'),
  // The public portal (issue 17) owns `/`; false leaves `/` to the staff console (the portal stays at /kk/ and /ru/).
  PORTAL_HOME: bool.default(true),
  // The portal's public address, for canonical and Open Graph links (absent: pages carry none).
  PORTAL_URL: url.startsWith('https://', "must be the portal's public https:// address").optional(),
  // The body whose portal it is, named on every page (e.g. «Астана қаласының әкімдігі» / «Акимат города Астаны»).
  PORTAL_BODY_KK: z.string().trim().min(1).max(200).optional(),
  PORTAL_BODY_RU: z.string().trim().min(1).max(200).optional(),
  // Websites allowed to frame the portal's /embed/ widgets: space-separated https:// origins, or * (absent: none).
  PORTAL_EMBED_ORIGINS: z
    .string()
    .trim()
    .regex(
      /^(\*|https:\/\/[a-z0-9.-]+(:\d{1,5})?)( https:\/\/[a-z0-9.-]+(:\d{1,5})?)*$/i,
      'must be * or space-separated https:// origins, e.g. https://astana.gov.kz https://www.astana.gov.kz',
    )
    .optional(),
  METRICS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9._~+/=-]{16,256}$/, 'must be 16 to 256 characters of A-Z, a-z, 0-9 and ._~+/=- (e.g. from: openssl rand -hex 32)')
    .optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  OUTBOX_STUCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BACKUP_DIR: z.string().min(1).optional(),
});

export type Config = z.output<typeof configSchema> & {
  /** absolute paths, resolved once */
  dataDir: string;
  storageDir: string;
  cookieSecure: boolean;
  /** where `npm run backup` writes and the status screen looks */
  backupDir: string;
  /** METRICS_TOKEN or METRICS_PORT is set */
  metricsEnabled: boolean;
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if present) under the real environment, which always wins. */
export function loadEnv(env: NodeJS.ProcessEnv, cwd: string): Record<string, string | undefined> {
  const file = path.join(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...env };
}

export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  // Empty strings mean "not set" for optional variables, as in most deployment tools.
  const cleaned = Object.fromEntries(
    Object.entries(env)
      .map(([k, v]) => [k, v?.trim()])
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        const shown = name in cleaned && !/TOKEN|PASSWORD|SECRET|DATABASE_URL/.test(name) ? ` (got "${cleaned[name]}")` : '';
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const c = result.data;
  const dataDir = path.resolve(cwd, c.DATA_DIR);
  return {
    ...c,
    dataDir,
    storageDir: c.STORAGE_DIR ? path.resolve(cwd, c.STORAGE_DIR) : path.join(dataDir, 'storage'),
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    backupDir: c.BACKUP_DIR ? path.resolve(cwd, c.BACKUP_DIR) : path.join(dataDir, 'backups'),
    metricsEnabled: c.METRICS_TOKEN !== undefined || c.METRICS_PORT !== undefined,
  };
}
