// Wires grammY: API transformers, per-chat ordering, rate limit, sessions in the database, the app
// context, conversations (versioned per flow), the features and the fallback, inside one error boundary.
// It knows no capability: the composition root hands it the features of every capability's manifest
// (onboarding, the menu and privacy are the citizens capability's).
import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, createConversation, type ConversationBuilder } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, session, type BotConfig } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import type { Services } from '../core/services.ts';
import type { BotContext, FlowContext, SessionData } from './context.ts';
import { errorBoundary } from './error-boundary.ts';
import { fallback } from './fallback.ts';
import type { Feature, FlowDefinition } from './features.ts';
import { resumeDroppedFlows } from './flow-resume.ts';
import { flowStorage, type FlowRow } from './flow-storage.ts';
import { pacedFetch, type PacedFetchOptions } from './paced-fetch.ts';
import { botHttpPool } from './telegram/http-pool.ts';
import { lightFetch } from './telegram/light-fetch.ts';
import { buildCatalog } from './menu.ts';
import { appContext, flowContext } from './middleware/app-context.ts';
import type { BotMetrics } from './middleware/metrics.ts';
import { chatUnit } from './middleware/chat-unit.ts';
import { rateLimit } from './middleware/rate-limit.ts';

export interface BotDeps {
  token: string;
  apiRoot?: string;
  services: Services;
  i18n: i18n;
  logger: Logger;
  rateLimitPerMinute: number;
  /** every capability's features, in the list's order (the order their composers see an update) */
  features: Feature[];
  /** known bot identity, e.g. in tests, to skip getMe */
  botInfo?: UserFromGetMe;
  /** pace API calls to Telegram's limits; off only where a test measures the bot itself */
  throttle?: boolean;
  /** counts updates, their handling time and errors (METRICS_* configured) */
  metrics?: BotMetrics;
  /** how the paced fetch retries Telegram's failures (tests shorten its waits) */
  pacing?: PacedFetchOptions;
  /** connections to the Bot API kept open and reused, at most (BOT_HTTP_CONNECTIONS) */
  httpConnections?: number;
}

export interface AppBot {
  bot: Bot<BotContext>;
  features: Feature[];
  /** closes the connections to the Bot API (after the bot stopped) */
  close(): Promise<void>;
  /** loads what the features read from caches (Feature.warm), called once when the bot starts */
  warm(): Promise<void>;
}

/** Sessions are per private chat; group chats (staff groups) need none. */
const sessionKey = (ctx: { chat?: { id: number; type: string } }) => (ctx.chat?.type === 'private' ? String(ctx.chat.id) : undefined);

export function createBot(deps: BotDeps): AppBot {
  const { services, i18n, logger } = deps;
  const pool = botHttpPool(deps.apiRoot ?? 'https://api.telegram.org', deps.httpConnections ?? 16);
  const fetch = lightFetch(pool.baseFetchConfig.dispatcher);
  const config: BotConfig<BotContext> = {
    client: {
      ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}),
      timeoutSeconds: 60,
      baseFetchConfig: pool.baseFetchConfig,
      fetch: deps.throttle !== false ? pacedFetch({ base: fetch, ...deps.pacing }) : fetch,
    },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  };
  const bot = new Bot<BotContext>(deps.token, config);
  if (deps.throttle !== false) bot.api.config.use(apiThrottler());
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  const { features } = deps;
  const flows = flowsOf(features);
  const catalog = buildCatalog(features, i18n);

  if (deps.metrics) bot.use(deps.metrics.middleware);
  // Updates of one chat are handled one after another, so a session is never written by two at once.
  bot.use(sequentialize((ctx: BotContext) => (ctx.chat ? String(ctx.chat.id) : ctx.from ? `u${ctx.from.id}` : undefined)));
  bot.use(rateLimit(deps.rateLimitPerMinute, i18n));
  // An update delivered twice (webhook retry, second instance, repeated poll) is handled once. Its claim, the
  // chat's session and conversation state and the citizen are read in one statement before the update is
  // handled; the state and the done mark are written in one after it (core/chat-state). sequentialize above
  // keeps two updates of a chat from overlapping; a duplicate waits there, then finds the update done.
  bot.use(chatUnit(services, logger));
  bot.use(session<SessionData, BotContext>({ initial: () => ({}), storage: services.chatState.store<SessionData>('s:'), getSessionKey: sessionKey }));
  bot.use(appContext(services, i18n, catalog));

  const flowPlugin = flowContext(services, i18n, catalog);
  const versions = new Map([...flows.values()].map((f) => [f.id, f.version]));
  const guarded = bot.errorBoundary(errorBoundary(logger, deps.metrics?.countError));
  guarded.use(
    conversations<BotContext, FlowContext>({
      storage: flowStorage<BotContext>(services.chatState.store<FlowRow>('c:'), versions),
      plugins: (conversation) => [flowPlugin(conversation)],
    }),
  );
  for (const flow of flows.values())
    guarded.use(createConversation<BotContext, FlowContext>(flow.builder as ConversationBuilder<BotContext, FlowContext>, flow.id));
  guarded.use(resumeDroppedFlows(flows));
  for (const f of features) if (f.composer) guarded.use(f.composer);
  guarded.use(fallback());
  // Reached only by what fails outside the error boundary (e.g. the database away past every retry): logged
  // here rather than on the console by grammY. A webhook call still answers 500, so Telegram delivers it again.
  bot.catch((err) => logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'bot: update not handled'));
  return {
    bot,
    features,
    close: () => pool.close(),
    warm: async () => {
      await Promise.all(features.map((f) => f.warm?.(services) ?? Promise.resolve()));
    },
  };
}

/** Every flow by id; a feature or flow name given twice is a mistake that would fail later and obscurely. */
function flowsOf(features: Feature[]): Map<string, FlowDefinition> {
  const names = new Set<string>();
  const flows = new Map<string, FlowDefinition>();
  for (const f of features) {
    if (names.has(f.name)) throw new Error(`bot feature "${f.name}" is installed twice`);
    names.add(f.name);
    for (const flow of f.flows ?? []) {
      if (flows.has(flow.id)) throw new Error(`conversation "${flow.id}" is declared twice`);
      flows.set(flow.id, flow);
    }
  }
  return flows;
}

export { commandList } from './menu.ts';
