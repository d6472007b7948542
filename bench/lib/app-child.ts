// The whole app as `npm start` runs it (app/main.ts: every role, configuration from the environment),
// plus one thing for the startup section: the line `create N` on stdin files N reports through the
// report service, as operators taking reports by phone would, and answers `{"created":N,"ms":…}`.
import { createInterface } from 'node:readline';
import { loadEnv, parseConfig } from '../../app/config.ts';
import { createLogger } from '../../app/logger.ts';
import { startApp } from '../../app/app.ts';

const config = parseConfig(loadEnv(process.env, process.cwd()));
const app = await startApp({ config, logger: createLogger(config.LOG_LEVEL) });
const { reports, reference } = app.services;

const TEXTS = ['Яма на проезжей части у остановки', 'Не горят фонари во дворе', 'Аулдағы жол бұзылған, көлік жүре алмайды', 'Қоқыс жәшіктері толып кетті'];

async function create(n: number): Promise<void> {
  const { regions, categories } = await reference.get();
  const active = categories.filter((c) => c.active);
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const region = regions[i % regions.length]!;
    await reports.create(
      { type: 'staff', id: 1 },
      {
        source: 'staff',
        categoryId: active[i % active.length]!.id,
        regionId: region.id,
        districtId: region.districts[i % Math.max(1, region.districts.length)]?.id ?? null,
        lat: region.lat == null ? null : region.lat + ((i % 97) - 48) * 0.001,
        lon: region.lon == null ? null : region.lon + ((i % 89) - 44) * 0.001,
        description: `${TEXTS[i % TEXTS.length]} (№${i + 1})`,
        evidence: [{ kind: 'photo', url: `https://example.kz/photo/${i + 1}.jpg` }],
      },
    );
  }
  process.stdout.write(`${JSON.stringify({ created: n, ms: Math.round(performance.now() - started) })}\n`);
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const m = /^create (\d+)$/.exec(line.trim());
  if (m) void create(Number(m[1])).catch((e: unknown) => process.stdout.write(`${JSON.stringify({ error: String(e) })}\n`));
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.stop().then(() => process.exit(0)));
