// The bot benchmark's other side, in a process of its own: the fake Bot API (tests/fake-telegram) and the
// simulated citizens who talk to it. In the bot's process they shared its saturated event loop, so the fake
// accepted the crowd's connections one by one and its own work counted as the bot's latency (issue 23).
// Started by bench/bot-throughput.ts (`fork`, structured-clone messages); each request gets one answer.
import type { Update, UserFromGetMe } from 'grammy/types';
import { createI18n } from '../../core/i18n/i18n.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { startFakeTelegram, type FakeTelegram, type RecordedCall, type ScriptedUser } from '../../tests/fake-telegram/server.ts';
import { mulberry32 } from '../../tests/fake-telegram/fake-files.ts';

type Locale = 'kk' | 'ru';
export interface CrowdRegion {
  nameKk: string;
  nameRu: string;
  lat: number | null;
  lon: number | null;
}

export type CrowdRequest =
  { type: 'users'; citizens: number; seed: number } | { type: 'polling' } | { type: 'run'; regions: CrowdRegion[] } | { type: 'close' };

export type CrowdAnswer =
  | { type: 'ready'; apiRoot: string; botInfo: UserFromGetMe }
  | { type: 'users'; users: Array<{ id: number; locale: Locale; firstName: string }> }
  | { type: 'polling' }
  | { type: 'run'; result: CrowdResult }
  | { type: 'error'; message: string };

export interface CrowdResult {
  wallMs: number;
  /** per update: pushed → the message the citizen waits for */
  stepMs: number[];
  /** per update: pushed → the bot's first API call for that chat (or callback query) */
  firstMs: number[];
  failures: string[];
  updatesSeen: Update[];
  sends: number;
}

const STEP_TIMEOUT_MS = 60_000;

interface Sample {
  chat: number;
  at: number;
  callIndex: number;
  callbackId?: string;
  stepMs: number;
}

const stripTags = (s: string) => s.replace(/<[^>]+>/g, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The start of a localised text, up to its first placeholder or line end: enough to recognise the message. */
function lead(text: string): string {
  const plain = stripTags(text);
  const cut = Math.min(...[plain.indexOf('{{'), plain.indexOf('\n')].filter((i) => i >= 0), plain.length);
  return plain.slice(0, cut);
}

const DESCRIPTIONS: Record<Locale, string[]> = {
  ru: ['Глубокая яма на проезжей части, машины объезжают по встречной', 'Не горят фонари во дворе уже неделю', 'Переполнены мусорные контейнеры у дома'],
  kk: ['Аулдағы жол бұзылған, көлік жүре алмайды', 'Аялдамада шам жанбайды, кешке қараңғы', 'Қоқыс жәшіктері толып кетті, апта бойы шығарылмайды'],
};

async function crowd(fake: FakeTelegram, users: Array<{ u: ScriptedUser; locale: Locale }>, regions: CrowdRegion[], rng: () => number): Promise<CrowdResult> {
  const i18n = createI18n();
  const callsBefore = fake.calls.length;
  const samples: Sample[] = [];
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(
    users.map(async ({ u, locale }) => {
      const t = i18n.getFixedT(locale);
      const step = async (action: () => Promise<Update>, expect: string[]) => {
        const callIndex = fake.calls.length;
        const at = Date.now();
        const t0 = performance.now();
        const update = await action();
        const m = await u.waitForReply({ match: new RegExp(expect.map(escapeRe).join('|')), timeoutMs: STEP_TIMEOUT_MS });
        samples.push({ chat: u.id, at, callIndex, stepMs: performance.now() - t0, ...(update.callback_query ? { callbackId: update.callback_query.id } : {}) });
        return stripTags(m.text ?? m.caption ?? '');
      };
      const header = (n: number) => t('reports:flow.step', { n, total: 6 });
      const pick = () => {
        const labels = u.lastKeyboard().flat();
        return labels[Math.floor(rng() * labels.length)]!;
      };
      try {
        await step(() => u.send(t('common:menu.report')), [header(1)]);
        await step(() => u.pressButton(pick()), [header(2)]);
        const regionLabel = pick();
        const region = regions.find((r) => localName(r, locale) === regionLabel) ?? regions[0]!;
        const afterRegion = await step(() => u.pressButton(regionLabel), [lead(t('reports:flow.district')), header(3)]);
        if (!afterRegion.includes(header(3))) await step(() => u.pressButton(pick()), [header(3)]);
        // Within ~10 km of the region's centre: inside Kazakhstan, and far enough apart not to be duplicates.
        const lat = (region.lat ?? 48) + (rng() - 0.5) * 0.2;
        const lon = (region.lon ?? 68) + (rng() - 0.5) * 0.3;
        await step(() => u.sendLocation(lat, lon), [header(4)]);
        const texts = DESCRIPTIONS[locale];
        await step(() => u.send(`${texts[Math.floor(rng() * texts.length)]} (${u.id})`), [header(5)]);
        await step(() => u.sendPhoto(), [lead(t('reports:flow.evidence_received'))]);
        await step(() => u.pressButton(t('reports:flow.evidence_done')), [header(6)]);
        await step(() => u.pressButton(t('reports:flow.anonymous_no')), [lead(t('reports:flow.summary'))]);
        const created = lead(t('reports:flow.created'));
        const answer = await step(() => u.pressButton(t('reports:flow.send')), [created, lead(t('reports:flow.duplicates'))]);
        if (!answer.includes(created)) await step(() => u.pressButton(t('reports:flow.file_new')), [created]);
      } catch (e) {
        failures.push(`citizen ${u.id}: ${(e as Error).message.split('\n')[0]}`);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const calls = fake.calls.slice(callsBefore);
  for (const s of samples) s.callIndex -= callsBefore;
  return {
    wallMs,
    stepMs: samples.map((s) => s.stepMs),
    firstMs: firstAnswerTimes(samples, calls),
    failures,
    updatesSeen: calls.filter((c) => c.method === 'getUpdates' && c.response.ok).flatMap((c) => (c.response as { result: Update[] }).result),
    sends: calls.filter((c) => /^send/.test(c.method) && c.response.ok).length,
  };
}

/** For each update, the time to the bot's first Bot API call about that chat (or that callback query). */
function firstAnswerTimes(samples: Sample[], calls: RecordedCall[]): number[] {
  const byChat = new Map<string, number[]>();
  calls.forEach((c, i) => {
    const key =
      c.payload['chat_id'] !== undefined
        ? `c${String(c.payload['chat_id'])}`
        : c.payload['callback_query_id'] !== undefined
          ? `q${String(c.payload['callback_query_id'])}`
          : undefined;
    if (!key) return;
    let list = byChat.get(key);
    if (!list) byChat.set(key, (list = []));
    list.push(i);
  });
  const times: number[] = [];
  for (const s of samples) {
    const candidates = [...(byChat.get(`c${s.chat}`) ?? []), ...(s.callbackId ? (byChat.get(`q${s.callbackId}`) ?? []) : [])];
    let first = Number.POSITIVE_INFINITY;
    for (const i of candidates) if (i >= s.callIndex && calls[i]!.at < first) first = calls[i]!.at;
    if (Number.isFinite(first)) times.push(Math.max(0, first - s.at));
  }
  return times;
}

/** The child's side: argv[2] is the bot token, argv[3] "paced" when the fake enforces Telegram's limits. */
async function main(): Promise<void> {
  const send = (a: CrowdAnswer) => process.send!(a);
  const fake = await startFakeTelegram({ token: process.argv[2]!, enforceLimits: process.argv[3] === 'paced' });
  let users: Array<{ u: ScriptedUser; locale: Locale }> = [];
  let rng = mulberry32(1);
  process.on('message', (req: CrowdRequest) => {
    void (async () => {
      try {
        if (req.type === 'users') {
          rng = mulberry32(req.seed);
          users = [];
          for (let i = 0; i < req.citizens; i++) {
            const locale: Locale = i % 3 === 0 ? 'kk' : 'ru';
            users.push({ u: fake.user({ language_code: locale, first_name: locale === 'kk' ? 'Айгүл' : 'Сергей' }), locale });
          }
          send({ type: 'users', users: users.map(({ u, locale }) => ({ id: u.id, locale, firstName: u.info.first_name })) });
        } else if (req.type === 'polling') {
          // The runner starts polling right after deleteWebhook (bot/run.ts); long polls are recorded only when they end.
          const deadline = Date.now() + 30_000;
          while (!fake.calls.some((c) => c.method === 'deleteWebhook')) {
            if (Date.now() > deadline) throw new Error('the bot did not start polling within 30 s');
            await new Promise((r) => setTimeout(r, 20));
          }
          await new Promise((r) => setTimeout(r, 300));
          send({ type: 'polling' });
        } else if (req.type === 'run') {
          send({ type: 'run', result: await crowd(fake, users, req.regions, rng) });
        } else {
          await fake.close();
          process.disconnect();
        }
      } catch (e) {
        send({ type: 'error', message: (e as Error).message });
      }
    })();
  });
  send({ type: 'ready', apiRoot: fake.apiRoot, botInfo: fake.botInfo });
}

if (process.send) await main();
