// The console's three languages: the same keys in kk, ru and en, every key the screens ask for exists,
// no text left empty, and the Kazakh file is written in Kazakh letters, not transliterated Russian.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Dict = { [k: string]: string | Dict };
const dir = path.resolve('web/src/i18n');
const load = (l: string): Dict => JSON.parse(readFileSync(path.join(dir, `${l}.json`), 'utf8'));
const dicts = { kk: load('kk'), ru: load('ru'), en: load('en') };

function flatten(d: Dict, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v, `${prefix}${k}.`));
  }
  return out;
}
const flat = { kk: flatten(dicts.kk), ru: flatten(dicts.ru), en: flatten(dicts.en) };

function sources(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = path.join(d, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('console texts', () => {
  it('has the same keys in Kazakh, Russian and English', () => {
    const keys = Object.keys(flat.ru).sort();
    expect(Object.keys(flat.kk).sort()).toEqual(keys);
    expect(Object.keys(flat.en).sort()).toEqual(keys);
  });

  it('leaves no text empty and keeps the same {{placeholders}} in every language', () => {
    for (const [key, ru] of Object.entries(flat.ru)) {
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const l of ['kk', 'en'] as const) {
        expect(flat[l][key]?.trim(), `${l}:${key}`).toBeTruthy();
        expect(names(flat[l][key]!), `${l}:${key}`).toEqual(names(ru));
      }
    }
  });

  it("keeps no copy of the server's error messages: the API answers in kk, ru and en itself", () => {
    expect(
      Object.keys(flat.ru)
        .filter((k) => k.startsWith('errors.'))
        .sort(),
    ).toEqual(['errors.generic', 'errors.internal', 'errors.network']);
  });

  it('has every key the console asks for with a literal t("…")', () => {
    const missing: string[] = [];
    for (const file of sources(path.resolve('web/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!(m[1]! in flat.ru)) missing.push(`${path.relative('web/src', file)}: ${m[1]}`);
      for (const m of text.matchAll(/labelKey: '([a-zA-Z0-9_.-]+)'|titleKey: '([a-zA-Z0-9_.-]+)'/g)) {
        const key = m[1] ?? m[2]!;
        if (!(key in flat.ru)) missing.push(`${path.relative('web/src', file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('writes Kazakh with Kazakh letters', () => {
    const kazakh = /[әғқңөұүһі]/i;
    const texts = Object.entries(flat.kk).filter(([k, v]) => !k.startsWith('errors.') && /[а-яё]{4,}/i.test(v) && v.length > 25);
    const withLetters = texts.filter(([, v]) => kazakh.test(v));
    // Long Kazakh sentences practically always contain one of the specific letters.
    expect(withLetters.length / texts.length).toBeGreaterThan(0.9);
    for (const [k, v] of texts) expect(v, k).not.toBe(flat.ru[k]);
  });
});
