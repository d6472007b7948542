// The bot's connections to the Bot API: a bounded pool of kept-alive connections, reused by every call.
// Without a bound, a crowd's first messages opened 100–200 connections at once (the p99 of the first step was
// their set-up, issue 23), and each call without keep-alive paid a new TCP/TLS handshake. Two pools, because
// grammY's own fetch (node-fetch) takes an http.Agent while Node's fetch, which the paced fetch uses
// (bot/paced-fetch.ts), takes an undici dispatcher; each ignores the other's option.
import http from 'node:http';
import https from 'node:https';
import { Agent as UndiciAgent } from 'undici';

export interface HttpPool {
  /** grammY's client option `baseFetchConfig` */
  baseFetchConfig: { agent: http.Agent; dispatcher: UndiciAgent };
  close(): Promise<void>;
}

export function botHttpPool(apiRoot: string, maxSockets: number): HttpPool {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  const agent = apiRoot.startsWith('http:') ? new http.Agent(options) : new https.Agent(options);
  const dispatcher = new UndiciAgent({ connections: maxSockets, keepAliveTimeout: 30_000 });
  return {
    baseFetchConfig: { agent, dispatcher },
    async close() {
      agent.destroy();
      await dispatcher.close().catch(() => {});
    },
  };
}
