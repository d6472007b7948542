// The editing rules of the texts (issue 21), checked over every Kazakh and Russian text of the bot
// (locales/) and the console (web/src/i18n): one word per concept as ../shared/TERMS.md and
// docs/glossary.md fix it, Kazakh endings never glued to a placeholder, and Russian counted nouns
// that agree with their number.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localesDir } from '../core/i18n/i18n.ts';
import { areas } from '../prisma/seed/areas.ts';

type Tree = { [k: string]: string | Tree };
const flatten = (o: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
const bot = (lng: string) =>
  readdirSync(path.join(localesDir, lng))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) =>
      flatten(JSON.parse(readFileSync(path.join(localesDir, lng, f), 'utf8')) as Tree).map(
        ([k, v]) => [`${f.replace('.json', '')}:${k}`, v] as [string, string],
      ),
    );
const web = (lng: string) =>
  flatten(JSON.parse(readFileSync(path.resolve('web/src/i18n', `${lng}.json`), 'utf8')) as Tree).map(([k, v]) => [`web:${k}`, v] as [string, string]);
const raw = { kk: new Map([...bot('kk'), ...web('kk')]), ru: new Map([...bot('ru'), ...web('ru')]) };
/** A nested `$t(ns:key, {"count": …})` read as the text it brings in (its "many" form for a plural). */
const expand = (lng: 'kk' | 'ru', v: string) =>
  v.replace(/\$t\(([\w.:]+)(?:,[^)]*)?\)/g, (whole, key: string) => raw[lng].get(`${key}_many`) ?? raw[lng].get(key) ?? whole);
const texts = { kk: new Map([...raw.kk].map(([k, v]) => [k, expand('kk', v)])), ru: new Map([...raw.ru].map(([k, v]) => [k, expand('ru', v)])) };
/** A plural family (key_one, key_few …) is one text for these rules: its forms are checked one by one. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const isFamily = (b: string) => texts.ru.has(`${b}_one`) && texts.ru.has(`${b}_other`);
const base = (key: string) => (PLURAL.test(key) && isFamily(key.replace(PLURAL, '')) ? key.replace(PLURAL, '') : key);

/**
 * Kazakh endings after a placeholder. A case or possessive ending depends on how the value is read
 * (744-тен but 745-ке, 2-сі but 5-і), so `{{max}}-тан` is wrong half the time. The one hyphenated
 * form that is right for every number is the ordinal before its noun: «5-сұрақ» reads «бесінші
 * сұрақ», and the noun carries its own endings («5-сұраққа»). So after `}}` we allow a hyphen only
 * when one of these nouns follows, and no letters at all otherwise.
 */
const ORDINAL_NOUNS = ['сұрақ', 'қадам', 'толқын', 'тоқсан', 'жартыжылдық', 'жол', 'қосымша', 'сала'];
function gluedSuffixes(value: string): string[] {
  const found: string[] = [];
  for (const m of value.matchAll(/\}\}(-?)([а-яёәғқңөұүһі]+)/gi)) {
    const ordinal = m[1] === '-' && ORDINAL_NOUNS.some((noun) => m[2]!.toLowerCase().startsWith(noun));
    if (!ordinal) found.push(m[0]);
  }
  return found;
}

/**
 * Words that govern a case of the word before them, or that harmonise with it: a bare placeholder
 * before them leaves the ending out (`{{end}} дейін` needs «-ге»), and «мен/бен/пен» follow the
 * value's last sound. Rephrase («мерзімі: {{end}}», «{{min}}–{{max}} аралығында»).
 */
const GOVERNING = ['дейін', 'шейін', 'бастап', 'кейін', 'соң', 'бұрын', 'ерте', 'кеш', 'бері', 'артық', 'қарай', 'гөрі', 'ішінен', 'мен', 'бен', 'пен'];
/** Placeholders that hold a date or a time: a word after them needs an ending, unless it is a noun of its own (күні, Annex 1's «жағдайы бойынша»). */
const DATE_NAMES = /^(date|at|start|end|due|closes|earliest|issued)$/;
function barePlaceholders(value: string): string[] {
  const found: string[] = [];
  for (const m of value.matchAll(/\{\{(\w+)\}\}\s+([а-яёәғқңөұүһі]+)/gi)) {
    const [whole, name, word] = [m[0], m[1]!, m[2]!.toLowerCase()];
    if (GOVERNING.includes(word)) found.push(whole);
    else if (DATE_NAMES.test(name) && !/^(жағдай|күн)/.test(word)) found.push(whole);
  }
  return found;
}

/**
 * One word per concept (TERMS.md, docs/glossary.md): where the Russian text names the concept, the
 * Kazakh one names it with its one word too, and back. Stems, since Kazakh endings change the last
 * consonant (топ → тобы, еріктілік → еріктілігі).
 */
const PAIRS: Array<{ concept: string; ru: RegExp; kk: RegExp; both?: boolean }> = [
  { concept: 'report', ru: /обращени|обращен(ий|ия|ию|ием|иям|иями|иях)(?![а-яё])/i, kk: /өтініш/i, both: true },
  { concept: 'draft', ru: /черновик/i, kk: /нобай/i, both: true },
  { concept: 'project', ru: /проект/i, kk: /жоба/i },
  { concept: 'public discussion', ru: /публичн\S*\s+обсужден/i, kk: /жария\s+талқыла/i, both: true },
  { concept: 'volunteering', ru: /волонтёрств/i, kk: /еріктіл/i },
  { concept: 'volunteer', ru: /волонтёр(?!ств)/i, kk: /ерікті/i },
  { concept: 'questionnaire', ru: /анкет/i, kk: /анкета/i, both: true },
  { concept: 'poll', ru: /(?<![а-яё])опрос/i, kk: /сауалнама/i, both: true },
  { concept: 'button', ru: /кнопк/i, kk: /батырма/i },
  { concept: 'thank you', ru: /спасибо/i, kk: /рақмет/i },
  { concept: 'supplier', ru: /поставщик/i, kk: /өнім беруші/i },
  { concept: 'NGO', ru: /(?<![А-ЯЁ])НПО(?![А-ЯЁ])/, kk: /ҮЕҰ/ },
  { concept: 'anonymised', ru: /обезличен/i, kk: /иесіздендірілген/i },
  { concept: 'consultation', ru: /консультаци/i, kk: /кеңес/i },
  { concept: 'target group', ru: /целев\S*\s+групп/i, kk: /нысаналы\s+то[пб]/i },
];
/** Words TERMS.md rules out, whatever the other language says. */
const BANNED: Array<{ lng: 'kk' | 'ru'; word: RegExp; why: string }> = [
  { lng: 'kk', word: /түйме/i, why: 'button is «батырма»' },
  { lng: 'kk', word: /рахмет/i, why: 'thank you is spelt «рақмет»' },
  { lng: 'kk', word: /жеткізуші/i, why: 'supplier is «өнім беруші»' },
  { lng: 'kk', word: /қоғамдық\s+талқыла/i, why: 'public discussion is «жария талқылау»' },
  { lng: 'kk', word: /иесіз(?!дендір)/i, why: '«иесіз» means ownerless; anonymised is «иесіздендірілген»' },
  { lng: 'kk', word: /қаралама|әзірлеме/i, why: 'draft is «нобай»' },
  { lng: 'kk', word: /оралуыңызбен/i, why: 'a calque of «С возвращением»' },
  { lng: 'kk', word: /консультаци/i, why: 'consultation is «кеңес»' },
  { lng: 'kk', word: /мақсатты\s+то[пб]/i, why: 'target group is «нысаналы топ»' },
  { lng: 'kk', word: /волонтер/i, why: 'volunteering is «еріктілік»; only the certificate quotes the law' },
  { lng: 'ru', word: /(?<![А-ЯЁ])НКО(?![А-ЯЁ])/, why: 'NGO is «НПО»' },
  { lng: 'ru', word: /обществен\S*\s+обсужден/i, why: 'public discussion is «публичное обсуждение»' },
  { lng: 'ru', word: /Людей получили/, why: 'no agreement: «Получили помощь (человек)»' },
];
/** The volunteer's certificate quotes the Law «Волонтерлік қызмет туралы» (TERMS.md). */
const LAW_QUOTES = new Set(['volunteering:certificate.title']);

describe('text style', () => {
  it('glues no Kazakh ending to a placeholder', () => {
    const offenders = [...texts.kk].flatMap(([k, v]) => gluedSuffixes(v).map((s) => `${k}: ${s}`));
    expect(offenders).toEqual([]);
  });

  it('leaves no Kazakh placeholder bare where the next word needs its ending', () => {
    const offenders = [...texts.kk].flatMap(([k, v]) => barePlaceholders(v).map((s) => `${k}: ${s}`));
    expect(offenders).toEqual([]);
  });

  it('the two checks above catch what they are for', () => {
    expect(gluedSuffixes('Сағат {{max}}-тан аспауы керек')).toEqual(['}}-тан']);
    expect(gluedSuffixes('Картада {{n}}-і')).toEqual(['}}-і']);
    expect(gluedSuffixes('{{n}}ге дейін')).toEqual(['}}ге']);
    expect(gluedSuffixes('{{n}}-сұраққа жауап, {{year}} жылғы {{n}}-тоқсан')).toEqual([]);
    expect(barePlaceholders('талқылау {{at}} ерте аяқталмайды')).toEqual(['{{at}} ерте']);
    expect(barePlaceholders('Қабылдау {{end}} дейін')).toEqual(['{{end}} дейін']);
    expect(barePlaceholders('{{min}} мен {{max}} аралығында')).toEqual(['{{min}} мен']);
    expect(barePlaceholders('Талқылау {{end}} аяқталды')).toEqual(['{{end}} аяқталды']);
    expect(barePlaceholders('{{date}} жағдайы бойынша; {{n}} жұмыс күні ішінде; мерзімі: {{end}}.')).toEqual([]);
  });

  it.each(PAIRS)('names $concept with one word in both languages', ({ ru, kk, both }) => {
    const missing: string[] = [];
    for (const [key, ruText] of texts.ru) {
      const kkText = texts.kk.get(key) ?? texts.kk.get(base(key)) ?? '';
      if (LAW_QUOTES.has(key)) continue;
      if (ru.test(ruText) && !kk.test(kkText)) missing.push(`${key}: ${kkText.slice(0, 80)}`);
      if (both && kk.test(kkText) && !ru.test(ruText)) missing.push(`${key} (ru): ${ruText.slice(0, 80)}`);
    }
    expect(missing).toEqual([]);
  });

  it('uses no word TERMS.md rules out', () => {
    const found = BANNED.flatMap(({ lng, word, why }) =>
      [...texts[lng]].filter(([k, v]) => word.test(v) && !LAW_QUOTES.has(k)).map(([k]) => `${lng}/${k}: ${why}`),
    );
    expect(found).toEqual([]);
  });

  it('gives every Russian plural all four forms, and Kazakh its one form', () => {
    const families = new Set([...texts.ru.keys()].map(base).filter(isFamily));
    for (const family of families) {
      for (const form of ['one', 'few', 'many', 'other']) expect(texts.ru.has(`${family}_${form}`), `${family}_${form}`).toBe(true);
      expect(texts.kk.has(family), `kk ${family}`).toBe(true);
      expect(texts.ru.get(`${family}_one`), family).toContain('{{count}}');
    }
  });

  it('makes a Russian number agree with its noun: a label with a colon, or a plural', () => {
    // «2 рабочих дней», «3 обращений»: a placeholder before a genitive plural that only fits 5–20.
    const GENITIVE_PLURAL = /\{\{(?!count\b)\w+\}\}\s+(рабочих\s+дней|дней|обращений|людям|волонтёров|замечаний|файлов|человек)(?![а-яё])/i;
    const offenders = [...texts.ru].filter(([, v]) => GENITIVE_PLURAL.test(v)).map(([k, v]) => `${k}: ${v.match(GENITIVE_PLURAL)![0]}`);
    expect(offenders).toEqual([]);
  });

  it('keeps the 19 areas in one place, prisma/seed/areas.ts (Annex 3), and no copy of them elsewhere', () => {
    // No list of areas in the texts: every screen reads them from the Area table seeded from that file.
    expect([...raw.kk.keys(), ...raw.ru.keys()].filter((k) => /(^|[.:])areas\.\d+$/.test(k))).toEqual([]);
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : /\.(tsx?|json)$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
    const sources = ['app', 'bot', 'core', 'jobs', 'server', 'locales', 'web/src'].flatMap((d) => files(path.resolve(d)));
    const copies = sources.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return areas.filter((a) => text.includes(a.nameKk) || text.includes(a.nameRu)).map((a) => `${path.relative('.', f)}: area ${a.code}`);
    });
    expect(copies).toEqual([]);
    expect(areas.map((a) => a.code)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });
});
