// A load balancer in miniature: each request goes to the next instance in turn, as a round-robin proxy
// in front of several bot or API instances would send it; counts what each instance received.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** the instances' base URLs; may be replaced while running */
  targets: string[];
  /** requests forwarded to each target, by index */
  forwarded: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const proxy: RoundRobinProxy = { url: '', targets, forwarded: targets.map(() => 0), close: async () => {} };
  const server = http.createServer((req, res) => {
    const i = next++ % proxy.targets.length;
    proxy.forwarded[i] = (proxy.forwarded[i] ?? 0) + 1;
    const target = new URL(req.url ?? '/', proxy.targets[i]);
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    // The caller gave up (a webhook timeout): the instance is not told, as with a real proxy's upstream keep-alive.
    req.pipe(upstream);
  });
  // Idle keep-alive connections are kept longer than clients keep them (Node's 5 s default races with
  // fetch's reuse on a busy machine, resetting a request that has just been sent), as real balancers do.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}
