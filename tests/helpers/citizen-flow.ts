// A citizen filing a report through the bot, as the fault suites drive many at once: each step waits for the
// bot's next question; one that gets no answer (its update lost while the database was away) is done again,
// as a person would after a while, and counted; after "something went wrong" the citizen starts again from
// the menu, where the draft is offered. The number the bot confirms is the "confirmed write".
import type { FakeTelegram, ScriptedUser } from '../fake-telegram/types.ts';
import type { AwaitedStep } from './walk.ts';

export interface FlowOptions {
  /** how long to wait for an answer before doing the step again */
  waitMs?: number;
  tries?: number;
  /** to see the alerts a pressed button got (a failure on a button is told in one) */
  fake?: FakeTelegram;
}

export interface FiledReport {
  /** the number the bot confirmed, or null if the flow could not be finished */
  number: string | null;
  /** steps the citizen had to do again because no answer came */
  repeats: number;
  /** times the citizen was told something went wrong and started again from the menu */
  restarts: number;
  error?: string;
}

const NUMBER = /KZ-\d{4}-\d{6}/;

/** The report flow in Russian, in Astana's Esil district, from the menu to the summary, each step with the answer it waits for. */
export const reportToSummaryRu = (spot: { lat: number; lon: number }, description: string): AwaitedStep[] => [
  { say: '📝 Подать обращение', expect: 'Шаг 1 из 6' },
  { press: /Дороги и тротуары/, expect: 'Шаг 2 из 6' },
  { press: 'город Астана', expect: 'Выберите район' },
  { press: 'район Есиль', expect: 'Шаг 3 из 6' },
  { location: spot, expect: 'Шаг 4 из 6' },
  { say: description, expect: 'Шаг 5 из 6' },
  { send: (u) => u.sendPhoto(), expect: 'Принято файлов: 1 из 10' },
  { press: '✅ Готово', expect: 'Шаг 6 из 6' },
  { press: '👤 Показывать имя', expect: 'Проверьте обращение' },
];
const WENT_WRONG = 'Что-то пошло не так';

class WentWrong extends Error {}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Does `action` and waits for a message matching `expected`; does it again (up to `tries`) when none comes. */
export async function patiently(
  u: ScriptedUser,
  action: () => Promise<unknown>,
  expected: RegExp | string,
  counter: { repeats: number },
  opts: FlowOptions = {},
): Promise<string> {
  const match = (x: string) => (typeof expected === 'string' ? x.includes(expected) : expected.test(x));
  for (let attempt = 1; ; attempt++) {
    const seen = u.texts().length;
    const update = (await action()) as { callback_query?: { id: string } } | undefined;
    const pressed = update?.callback_query?.id;
    const alerted = () =>
      pressed !== undefined &&
      !!opts.fake?.calls.some(
        (c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === pressed && String(c.payload.text ?? '').includes(WENT_WRONG),
      );
    const deadline = Date.now() + (opts.waitMs ?? 15_000);
    while (Date.now() < deadline) {
      const fresh = u.texts().slice(seen);
      const found = fresh.find(match);
      if (found) return found;
      if (fresh.some((x) => x.includes(WENT_WRONG)) || alerted()) throw new WentWrong();
      await sleep(50);
    }
    if (attempt >= (opts.tries ?? 4))
      throw new Error(`no answer matching ${String(expected)} after ${attempt} tries; last: ${JSON.stringify(u.texts().slice(-2))}`);
    counter.repeats += 1;
  }
}

/** The whole report flow in Russian, in Astana, at a spot of its own (so no duplicate is offered). */
export async function fileReport(u: ScriptedUser, spot: { lat: number; lon: number }, description: string, opts: FlowOptions = {}): Promise<FiledReport> {
  const c = { repeats: 0 };
  let restarts = 0;
  for (;;) {
    try {
      const number = await flow(u, spot, description, c, opts);
      return { number, repeats: c.repeats, restarts };
    } catch (e) {
      if (e instanceof WentWrong && restarts < 3) {
        restarts += 1;
        continue;
      }
      return { number: null, repeats: c.repeats, restarts, error: (e as Error).message };
    }
  }
}

async function flow(
  u: ScriptedUser,
  spot: { lat: number; lon: number },
  description: string,
  c: { repeats: number },
  opts: FlowOptions,
): Promise<string | null> {
  await patiently(u, () => u.send('📝 Подать обращение'), /Шаг 1 из 6|незаконченное обращение/, c, opts);
  if (u.texts().at(-1)?.includes('незаконченное обращение'))
    await patiently(u, () => u.pressButton('▶️ Продолжить'), /Шаг \d из 6|Проверьте обращение/, c, opts);
  const step = () =>
    /Шаг (\d) из 6|Проверьте обращение/.exec(
      u
        .texts()
        .filter((x) => /Шаг \d из 6|Проверьте обращение/.test(x))
        .at(-1) ?? '',
    )?.[1] ?? 'summary';
  for (let n = step(); n !== 'summary'; n = step()) {
    if (n === '1') await patiently(u, () => u.pressButton(/Дороги и тротуары/), /Шаг 2 из 6/, c, opts);
    else if (n === '2') {
      await patiently(u, () => u.pressButton(/город Астана/), /Выберите район/, c, opts);
      await patiently(u, () => u.pressButton('район Есиль'), /Шаг 3 из 6/, c, opts);
    } else if (n === '3') await patiently(u, () => u.sendLocation(spot.lat, spot.lon), /Шаг 4 из 6/, c, opts);
    else if (n === '4') await patiently(u, () => u.send(description), /Шаг 5 из 6/, c, opts);
    else if (n === '5') {
      await patiently(u, () => u.sendPhoto(), /Принято файлов/, c, opts);
      await patiently(u, () => u.pressButton('✅ Готово'), /Шаг 6 из 6/, c, opts);
    } else if (n === '6') await patiently(u, () => u.pressButton('👤 Показывать имя'), /Проверьте обращение/, c, opts);
    else throw new Error(`unexpected step ${n}`);
  }
  let answer = await patiently(u, () => u.pressButton('✅ Отправить'), /KZ-\d{4}-\d{6}|Похоже, об этом уже сообщили/, c, opts);
  if (!NUMBER.test(answer) || answer.includes('Похоже')) answer = await patiently(u, () => u.pressButton('📝 Другая проблема — отправить'), /Номер: /, c, opts);
  return NUMBER.exec(answer)?.[0] ?? null;
}
