import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES, localesDir, localeFromTelegram } from '../core/i18n/i18n.ts';

type Tree = { [k: string]: string | Tree };
const flatten = (o: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
const load = (lng: string) =>
  new Map(
    readdirSync(path.join(localesDir, lng))
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => flatten(JSON.parse(readFileSync(path.join(localesDir, lng, f), 'utf8')) as Tree).map(([k, v]) => [`${f}:${k}`, v] as [string, string])),
  );
const kk = load('kk');
const ru = load('ru');
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
// A Russian plural family (key_one, key_few, key_many, key_other; i18next picks one by `count`) stands for
// the one Kazakh key: Kazakh nouns keep their form after a number.
const PLURAL = /_(one|few|many|other)$/;
const family = (m: Map<string, string>, k: string) => {
  const base = k.replace(PLURAL, '');
  return base !== k && m.has(`${base}_one`) && m.has(`${base}_other`) ? base : k;
};
const keysOf = (m: Map<string, string>) => new Set([...m.keys()].map((k) => family(m, k)));
/** Every Russian text of a key: the key itself or each form of its plural family. */
const ruTexts = (k: string) => (ru.has(k) ? [ru.get(k)!] : ['one', 'few', 'many', 'other'].map((f) => ru.get(`${k}_${f}`) ?? ''));

describe('locales', () => {
  it('have the same files and keys in Kazakh and Russian', () => {
    const ruKeys = keysOf(ru);
    expect(
      [...kk.keys()].filter((k) => !ruKeys.has(k)),
      'only in kk',
    ).toEqual([]);
    expect(
      [...ruKeys].filter((k) => !kk.has(k)),
      'only in ru',
    ).toEqual([]);
  });

  it('have no empty texts', () => {
    for (const [lng, map] of [
      ['kk', kk],
      ['ru', ru],
    ] as const) {
      expect([...map].filter(([, v]) => !v.trim()).map(([k]) => `${lng}/${k}`)).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...kk.keys()].filter((k) => ruTexts(k).some((r) => JSON.stringify(vars(kk.get(k)!)) !== JSON.stringify(vars(r))));
    expect(mismatched).toEqual([]);
  });

  it('are really translated: a Kazakh text with letters is not a copy of the Russian one', () => {
    // Single words may be shared loanwords (Телефон); phrases never are.
    const copied = [...kk].filter(([k, v]) => /[а-яё]{4,}/i.test(v) && v.trim().includes(' ') && v === ru.get(k)).map(([k]) => k);
    expect(copied).toEqual([]);
  });

  it('Kazakh texts of any length use Kazakh letters', () => {
    const long = [...kk].filter(([, v]) => v.replace(/[^а-яёәғқңөұүһі]/gi, '').length > 40);
    expect(long.length).toBeGreaterThan(0);
    expect(long.filter(([, v]) => !/[әғқңөұүһі]/i.test(v)).map(([k]) => k)).toEqual([]);
  });

  it('are loaded by i18next with namespaces per file', () => {
    const i18n = createI18n();
    expect(i18n.getFixedT('kk')('common:menu.report')).toBe(kk.get('common.json:menu.report'));
    expect(i18n.getFixedT('ru')('common:menu.report')).toBe(ru.get('common.json:menu.report'));
  });

  it('give staff every API error in English too, with the same placeholders', () => {
    const en = load('en');
    const errors = (m: Map<string, string>) => [...m.keys()].filter((k) => k.startsWith('errors.json:')).sort();
    expect(errors(en)).toEqual(errors(ru));
    // English holds only staff-facing texts: nothing in it that Russian lacks.
    expect([...en.keys()].filter((k) => !ru.has(k))).toEqual([]);
    expect([...en].filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(ru.get(k)!))).map(([k]) => k)).toEqual([]);
    expect([...en].filter(([, v]) => !v.trim() || /[а-яёәғқңөұүһі]/i.test(v)).map(([k]) => k)).toEqual([]);
    const t = createI18n().getFixedT('en');
    expect(t('errors:report.bad_transition', { from: 'resolved', to: 'new' })).toBe('The report cannot move from «Resolved» to «New».');
  });

  it('offer citizens only Kazakh and Russian, whatever else staff read', () => {
    expect([...LOCALES]).toEqual(['kk', 'ru']);
  });

  it('choose Kazakh for kk Telegram users and Russian for everyone else', () => {
    expect(localeFromTelegram('kk')).toBe('kk');
    expect(localeFromTelegram('ru')).toBe('ru');
    expect(localeFromTelegram('en')).toBe('ru');
    expect(localeFromTelegram(undefined)).toBe('ru');
  });
});
