// Baseline for the admin API: Fastify with nothing behind it, answering a constant, in its own
// process like the API. Prints its URL as a JSON line (bench/lib/child.ts waits for it).
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = { status: 'ok' };
app.get('/constant', async () => body);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
