// Translators that remember what they said. i18next's t() costs 10–20 µs of CPU a call (key parsing, the
// namespace lookup, interpolation), and one update of the bot makes 30–40 calls, mostly the same ones again (the
// main menu's labels, a step's header and question): 0.7 ms of an update's CPU (issue 23, bench/FIXES.md 9).
// The resources are loaded once at start (i18n.ts) and never change, so a translation is a function of its
// language, key and options: the answer is kept for calls whose arguments are plain values.
import type { i18n, TFunction } from 'i18next';

/** A call's arguments as a cache key, or undefined when one is not plain data (a function, a Date, an object in the options). */
function keyOf(args: unknown[]): string | undefined {
  for (const a of args) {
    if (a === undefined || typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') continue;
    if (Array.isArray(a) && a.every((k) => typeof k === 'string')) continue;
    if (typeof a !== 'object' || a === null || Object.getPrototypeOf(a) !== Object.prototype) return undefined;
    for (const v of Object.values(a as Record<string, unknown>))
      if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
  }
  return JSON.stringify(args);
}

/**
 * `i18n.getFixedT(lng)` that answers a repeated call from memory. At most `max` answers of calls up to 300
 * characters are kept per language (then it starts afresh), so texts with a citizen's words do not pile up.
 */
export function cachedTranslators(i18n: i18n, max = 5000): (lng: string) => TFunction {
  const byLng = new Map<string, TFunction>();
  return (lng) => {
    let cached = byLng.get(lng);
    if (cached) return cached;
    const t = i18n.getFixedT(lng) as unknown as (...args: unknown[]) => unknown;
    const answers = new Map<string, unknown>();
    const translate = (...args: unknown[]) => {
      const key = keyOf(args);
      // A text with a citizen's own words in it (a summary, a comment) is long and not asked for again.
      if (key === undefined || key.length > 300) return t(...args);
      if (answers.has(key)) return answers.get(key);
      const answer = t(...args);
      if (typeof answer === 'string') {
        if (answers.size >= max) answers.clear();
        answers.set(key, answer);
      }
      return answer;
    };
    // getFixedT's function carries its language and namespace (t.lng, t.ns) for code that asks.
    cached = Object.assign(translate, t) as unknown as TFunction;
    byLng.set(lng, cached);
    return cached;
  };
}
